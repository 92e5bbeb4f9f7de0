from django.db import connection
from django.test.utils import CaptureQueriesContext
from themes_factories import PER_TOPIC, TOPICS, add_conversation, theme_of, topic_note

from heard.themes.services import theme_campaign


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_with_more_themes_and_conversations(
    client, campaign, organizer, places
):
    client.force_login(organizer.user)
    for topic in TOPICS:
        for n in range(6):
            add_conversation(
                campaign, organizer, topic_note(topic, n), quotes=[("a quote", "team")]
            )
    theme_campaign(campaign=campaign)
    url = f"/themes/campaign/{campaign.pk}/"
    small = count_queries(client, url)

    for n in range(30):
        add_conversation(
            campaign,
            organizer,
            f"library hours books reading room closed early study {n}",
            place=places[n % 2],
            quotes=[("the library was my second home", "public")],
        )
    theme_campaign(campaign=campaign)
    large = count_queries(client, url)

    assert large == small
    # Counted on the first view after a run: the months' and neighbourhoods' two GROUP BYs run
    # (a second view reads them from the cache: two fewer). The counts and the newest placing
    # are two queries, each answered from an index.
    assert large <= 15


def test_a_themes_conversation_list_costs_as_many_queries_with_3_rows_as_with_20(
    client, campaign, organizer, places
):
    client.force_login(organizer.user)
    rent = [
        add_conversation(
            campaign,
            organizer,
            topic_note("rent", n),
            why="my family rent safety home",
            hope="a fair rent plan for everyone",
            quotes=[("the rent ate my wages", "team")],
            place=places[n % 2],
        )
        for n in range(3)
    ]
    for topic in ("traffic", "park"):
        for n in range(PER_TOPIC):
            add_conversation(campaign, organizer, topic_note(topic, n))
    theme_campaign(campaign=campaign)
    url = f"/themes/{theme_of(rent[0]).pk}/"
    client.get(url)
    few = count_queries(client, url)

    for n in range(3, 30):  # a page shows 20: every row of it has a note, a quote, a person
        add_conversation(
            campaign,
            organizer,
            topic_note("rent", n),
            why="my family rent safety home",
            quotes=[("the rent ate my wages", "public")],
            place=places[n % 2],
        )
    theme_campaign(campaign=campaign)
    url = f"/themes/{theme_of(rent[0]).pk}/"
    client.get(url)
    many = count_queries(client, url)

    assert many == few
    assert many <= 16  # with quotes and why/hope lines to show, each fetched once
