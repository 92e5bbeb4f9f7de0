"""The home page: record a conversation, what is recent, what is due, what is coming up."""

import datetime as dt

from django.utils import timezone
from factories import (
    AnswerFactory,
    CommitmentFactory,
    ConversationFactory,
    EventFactory,
    PersonFactory,
)


def test_the_organizer_sees_the_whole_organizations_recent_work(may_client, ours):
    CommitmentFactory(conversation=ours.by_may, person=ours.sam, what="Call the housing inspector")
    response = may_client.get("/")
    text = response.content.decode()
    assert "Record a conversation" in text
    assert "Rosa Alvarez" in text and "Sam Okafor" in text
    assert "Call the housing inspector" in text
    assert "Know your rights training" in text
    assert response.context["conversation_count"] == 2
    assert response.context["people_count"] == 2


def test_the_volunteer_sees_only_their_own_conversations_and_commitments(lee_client, ours):
    CommitmentFactory(conversation=ours.by_may, person=ours.sam, what="Call the housing inspector")
    CommitmentFactory(conversation=ours.by_lee, person=ours.rosa, what="Bring the tenant survey")
    response = lee_client.get("/")
    text = response.content.decode()
    assert "Rosa Alvarez" in text
    assert "Sam Okafor" not in text
    assert "Call the housing inspector" not in text
    assert "Bring the tenant survey" in text
    assert response.context["conversation_count"] == 1
    assert "you can see" in text


def test_done_commitments_are_not_listed_as_due(may_client, ours):
    CommitmentFactory(conversation=ours.by_may, person=ours.sam, what="Print flyers", status="done")
    assert "Print flyers" not in may_client.get("/").content.decode()


def test_past_events_are_not_listed_as_coming_up(may_client, ours):
    EventFactory(
        organization=ours.org,
        title="Last spring's march",
        starts_at=timezone.now() - dt.timedelta(days=200),
    )
    text = may_client.get("/").content.decode()
    assert "Last spring&#x27;s march" not in text
    assert "Know your rights training" in text


def test_the_home_page_needs_the_same_queries_for_3_or_30_conversations(
    may, may_client, ours, queries_for, django_assert_max_num_queries
):
    def add_conversations(n):
        for _ in range(n):
            person = PersonFactory(organization=ours.org)
            conversation = ConversationFactory(
                campaign=ours.campaign, held_by=may.user, people=[person]
            )
            AnswerFactory(conversation=conversation, question=ours.problem)
            CommitmentFactory(conversation=conversation, person=person)
            EventFactory(organization=ours.org)

    add_conversations(3)
    few = queries_for(may_client, "/")
    add_conversations(27)
    assert queries_for(may_client, "/") == few
    with django_assert_max_num_queries(14):
        may_client.get("/")
