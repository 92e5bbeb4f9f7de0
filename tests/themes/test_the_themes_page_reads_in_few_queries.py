from django.db import connection
from django.test.utils import CaptureQueriesContext
from themes_factories import TOPICS, add_conversation, topic_note

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
    assert large <= 13


def test_a_themes_conversation_list_costs_a_bounded_number_of_queries(
    client, campaign, organizer, listened
):
    client.force_login(organizer.user)
    theme_campaign(campaign=campaign)
    theme_id = listened["rent"][0].theme_assignment.theme_id

    assert count_queries(client, f"/themes/{theme_id}/") <= 15
