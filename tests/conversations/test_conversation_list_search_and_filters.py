"""The conversation list: search by a name, words from the notes or quotes, or a place; filter by
campaign and venue; twenty-five to a page, newest first, in the same number of queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from factories import (
    AnswerFactory,
    CampaignFactory,
    ConversationFactory,
    GuideQuestionFactory,
    PersonFactory,
    QuoteFactory,
)

URL = reverse("conversations:list")


def found(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return {c.pk for c in response.context["page"]}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("rosa", "by_lee"),  # a participant's name
        ("RADIATOR", "by_lee"),  # words from an answer
        ("coats", "by_lee"),  # words from a quote
        ("riverside", "by_may"),  # the place
        ("mould behind", "by_may"),
        ("  okafor  ", "by_may"),
    ],
)
def test_searching_finds_names_notes_quotes_and_places(may_client, ours, query, who):
    assert found(may_client, q=query) == {getattr(ours, who).pk}


def test_a_search_matching_several_things_lists_a_conversation_once(may_client, ours):
    AnswerFactory(conversation=ours.by_lee, question=ours.hope, text="Rosa hopes for heat.")
    QuoteFactory(conversation=ours.by_lee, person=ours.rosa, text="Rosa says so.")
    response = may_client.get(URL, {"q": "rosa"})
    assert [c.pk for c in response.context["page"]] == [ours.by_lee.pk]


def test_a_search_that_finds_nothing_says_so(may_client, ours):
    response = may_client.get(URL, {"q": "zeppelin"})
    assert not response.context["page"].object_list
    assert "No conversations match “zeppelin”" in response.content.decode()


def test_filtering_by_campaign(may_client, may, ours):
    other = CampaignFactory(organization=ours.org, name="Safe Streets")
    elsewhere = ConversationFactory(campaign=other, held_by=may.user, people=[ours.sam])
    assert found(may_client, campaign=other.pk) == {elsewhere.pk}
    assert found(may_client, campaign=ours.campaign.pk) == {ours.by_lee.pk, ours.by_may.pk}
    response = may_client.get(URL, {"campaign": other.pk})
    assert f'<option value="{other.pk}" selected>Safe Streets</option>' in response.content.decode()


@pytest.mark.parametrize("campaign", ["abc", "99999999999999999999", "-1", "²", "1\x00"])
def test_a_campaign_filter_that_cannot_be_one_is_left_out_and_said(may_client, ours, campaign):
    response = may_client.get(URL, {"campaign": campaign})
    assert response.status_code == 400
    assert "Unknown campaign." in response.content.decode()
    assert {c.pk for c in response.context["page"]} == {ours.by_lee.pk, ours.by_may.pk}


def test_filtering_by_venue(may_client, may, ours):
    group = ConversationFactory(
        campaign=ours.campaign, held_by=may.user, venue="small_group", people=[ours.sam]
    )
    assert found(may_client, venue="small_group") == {group.pk}
    assert found(may_client, venue="door") == {ours.by_lee.pk, ours.by_may.pk}


def test_search_and_filters_combine(may_client, may, ours):
    other = CampaignFactory(organization=ours.org)
    question = GuideQuestionFactory(campaign=other)
    talk = ConversationFactory(campaign=other, held_by=may.user, venue="tabling", people=[ours.sam])
    AnswerFactory(conversation=talk, question=question, text="Mould everywhere.")
    assert found(may_client, q="mould", campaign=other.pk, venue="tabling") == {talk.pk}
    assert found(may_client, q="mould", campaign=other.pk, venue="door") == set()


def test_the_volunteer_searches_only_their_own_conversations(lee_client, ours):
    assert found(lee_client) == {ours.by_lee.pk}
    assert found(lee_client, q="mould") == set()
    assert "Sam Okafor" not in lee_client.get(URL, {"q": "sam"}).content.decode()


def test_conversations_come_newest_first_twenty_five_to_a_page(may_client, may, org):
    campaign = CampaignFactory(organization=org)
    today = timezone.localdate()
    made = [
        ConversationFactory(
            campaign=campaign,
            held_by=may.user,
            held_on=today - dt.timedelta(days=n),
            people=[PersonFactory(organization=org, name=f"Person {n:02d}")],
        )
        for n in range(30)
    ]
    first = may_client.get(URL)
    assert [c.pk for c in first.context["page"]] == [c.pk for c in made[:25]]
    assert "Page 1 of 2 · 30 in all" in first.content.decode()
    second = may_client.get(URL, {"page": 2})
    assert [c.pk for c in second.context["page"]] == [c.pk for c in made[25:]]


def test_the_next_page_keeps_the_search_and_filters(may_client, may, ours):
    for _ in range(30):
        ConversationFactory(campaign=ours.campaign, held_by=may.user, people=[ours.sam])
    text = may_client.get(URL, {"q": "okafor", "venue": "door"}).content.decode()
    assert "?q=okafor&venue=door&page=2" in text
    assert (
        len(may_client.get(URL, {"q": "okafor", "venue": "door", "page": 2}).context["page"]) == 6
    )


@pytest.mark.parametrize("params", [{}, {"q": "neighbour"}], ids=["list", "search"])
def test_the_list_needs_the_same_queries_for_3_or_30_conversations(
    may,
    lee,
    may_client,
    lee_client,
    ours,
    maple,
    queries_for,
    params,
    django_assert_max_num_queries,
):
    def add_conversations(n):
        for _ in range(n):
            for holder in (may, lee):
                talk = ConversationFactory(
                    campaign=CampaignFactory(organization=ours.org),
                    held_by=holder.user,
                    place=maple,
                    people=[PersonFactory(organization=ours.org, place=maple) for _ in range(2)],
                )
                AnswerFactory(conversation=talk, question__campaign=talk.campaign)
                QuoteFactory(conversation=talk)

    add_conversations(3)
    few = queries_for(may_client, URL, params), queries_for(lee_client, URL, params)
    add_conversations(27)
    assert (queries_for(may_client, URL, params), queries_for(lee_client, URL, params)) == few
    with django_assert_max_num_queries(8):
        may_client.get(URL, params)
