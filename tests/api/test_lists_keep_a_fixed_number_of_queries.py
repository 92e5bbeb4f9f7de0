"""Every list of the API takes as many queries with 30 more rows of everything as with 3, for
the organizer and the volunteer: a list that queried once per row would grow. Each list also
has a ceiling, so a new query per list is a decision, not a drift."""

import datetime as dt

import pytest
from django.utils import timezone
from factories import (
    AnswerFactory,
    CampaignFactory,
    CommitmentFactory,
    ConsentFactory,
    ConversationFactory,
    EventFactory,
    GuideQuestionFactory,
    PersonFactory,
    QuoteFactory,
)

from heard.people.models import Consent

# The token (1), the count (1), the page (1), and a prefetch where a row lists others: a
# conversation's people, a campaign's guide questions.
LISTS = {
    "/api/v1/people/": 3,
    "/api/v1/campaigns/": 5,  # campaigns, their questions, the questions' other languages
    "/api/v1/conversations/": 4,
    "/api/v1/commitments/": 3,
    "/api/v1/commitments/?group=overdue": 3,
    "/api/v1/events/": 3,
}


@pytest.fixture
def grow(ours, may, lee, maple):
    def more(n):
        for i in range(n):
            person = PersonFactory(organization=ours.org, place=maple)
            if i % 3 == 0:
                ConsentFactory(person=person, topic=Consent.Topic.CONTACT, granted=False)
            for held_by in (lee.user, may.user):
                conversation = ConversationFactory(
                    campaign=ours.campaign, held_by=held_by, place=maple, people=[person]
                )
                AnswerFactory(conversation=conversation, question=ours.problem)
                QuoteFactory(conversation=conversation, person=person)
                CommitmentFactory(
                    conversation=conversation,
                    person=person,
                    owner=held_by,
                    due_on=timezone.localdate() - dt.timedelta(days=3),
                )
            campaign = CampaignFactory(organization=ours.org)
            GuideQuestionFactory(campaign=campaign)
            EventFactory(organization=ours.org, campaign=campaign)

    return more


@pytest.mark.parametrize("url", list(LISTS))
def test_a_list_takes_the_same_queries_with_ten_times_the_rows(
    url, grow, may, lee, api, queries_for
):
    clients = {"may": api(may), "lee": api(lee)}
    for client in clients.values():
        client.get(url)  # a token's first use notes when it was used: one more query, once
    grow(3)
    few = {who: queries_for(client, url) for who, client in clients.items()}
    grow(27)
    many = {who: queries_for(client, url) for who, client in clients.items()}
    assert many == few, (few, many)
    assert max(many.values()) <= LISTS[url], many
    assert clients["may"].get(url).json()["count"] >= 30
