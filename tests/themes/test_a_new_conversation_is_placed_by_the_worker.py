import datetime as dt
import uuid

import pytest
from themes_factories import PER_TOPIC, theme_of, topic_note

from heard.campaigns.models import Purpose
from heard.conversations.models import Conversation
from heard.conversations.services import ConversationRecord, record_conversation
from heard.people.models import Person
from heard.themes.models import ThemeAssignment, ThemeRun
from heard.themes.services import theme_campaign
from heard.themes.tasks import assign_new_conversations, place_waiting_conversations


def record(campaign, organizer, note: str) -> Conversation:
    problem = campaign.questions.get(purpose=Purpose.PROBLEM)
    person = Person.objects.create(organization=campaign.organization, name="Ana")
    conversation, created = record_conversation(
        by=organizer,
        record=ConversationRecord(
            id=uuid.uuid4(),
            campaign=campaign,
            venue="door",
            held_on=dt.date(2025, 3, 4),
            people=[person],
            answers={problem.pk: note},
        ),
    )
    assert created
    return conversation


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return {topic: theme_of(conversations[0]) for topic, conversations in listened.items()}


def test_a_recorded_conversation_is_assigned_once_it_commits(
    campaign, themed, organizer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        conversation = record(campaign, organizer, topic_note("traffic", 40))

    assert len(callbacks) == 1
    assert theme_of(conversation) == themed["traffic"]
    themed["traffic"].refresh_from_db()
    assert themed["traffic"].size == PER_TOPIC + 1
    assert conversation.theme_assignment.score > 0.5


def test_nothing_is_queued_when_the_recording_rolls_back(
    campaign, themed, organizer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record(campaign, organizer, topic_note("rent", 41))

    # The callback exists only for after the commit; the test transaction never commits it.
    assert len(callbacks) == 1
    assert not ThemeAssignment.objects.filter(conversation__held_on=dt.date(2025, 3, 4)).exists()


def test_a_note_like_no_theme_is_unclear(campaign, themed, organizer, fake_embedder):
    conversation = record(campaign, organizer, "zebra quantum violin harbour meteor")

    place_waiting_conversations.enqueue(campaign.pk)

    assert theme_of(conversation) is None


def test_one_sweep_catches_up_on_every_conversation_still_waiting(
    campaign, themed, organizer, fake_embedder
):
    waiting = [record(campaign, organizer, topic_note("park", n) + f" visit {n}") for n in range(5)]
    calls_before = fake_embedder.calls

    result = place_waiting_conversations.enqueue(campaign.pk)

    assert result.return_value == {"campaign": campaign.pk, "assigned": 5}
    assert all(theme_of(c) == themed["park"] for c in waiting)
    assert fake_embedder.calls == calls_before + 1  # all five in one batch
    # A later sweep finds nothing left to do.
    assert place_waiting_conversations.enqueue(campaign.pk).return_value["assigned"] == 0


def test_a_sweep_goes_on_past_its_batch_until_none_is_waiting(
    campaign, themed, organizer, fake_embedder, monkeypatch
):
    from heard.themes import assignment

    monkeypatch.setattr(assignment, "SWEEP_LIMIT", 2)
    waiting = [record(campaign, organizer, topic_note("rent", n) + f" lease {n}") for n in range(5)]
    # One with nothing to place (no answers, no quotes) is passed over, not swept forever.
    silent = Conversation.objects.create(
        id=uuid.uuid4(),
        organization=campaign.organization,
        campaign=campaign,
        venue="door",
        held_on=dt.date(2025, 3, 4),
        held_by=organizer.user,
    )

    result = place_waiting_conversations.enqueue(campaign.pk)

    assert result.return_value["assigned"] == 5
    assert all(theme_of(c) == themed["rent"] for c in waiting)
    assert not ThemeAssignment.objects.filter(conversation=silent).exists()


def test_a_task_queued_per_conversation_before_sweeps_still_places_them(
    campaign, themed, organizer
):
    waiting = [record(campaign, organizer, topic_note("traffic", n) + " corner") for n in range(3)]

    # Rows of the old task may still be waiting in an installation's queue when it upgrades.
    assert assign_new_conversations.enqueue([str(waiting[0].pk)]).return_value == 3

    assert all(theme_of(c) == themed["traffic"] for c in waiting)


def test_a_conversation_placed_by_hand_is_not_moved_by_the_worker(campaign, themed, organizer):
    from heard.themes.services import move_conversation

    conversation = record(campaign, organizer, topic_note("rent", 60))
    move_conversation(by=organizer, conversation=conversation, to=themed["park"])

    place_waiting_conversations.enqueue(campaign.pk)

    assert theme_of(conversation) == themed["park"]


def test_a_campaign_never_themed_gets_its_first_run_once_it_has_enough_notes(
    campaign, listened, organizer, django_capture_on_commit_callbacks
):
    conversation = record(campaign, organizer, topic_note("rent", 70))

    with django_capture_on_commit_callbacks(execute=True):
        place_waiting_conversations.enqueue(campaign.pk)

    run = ThemeRun.objects.get(campaign=campaign)
    assert run.status == "done"
    assert theme_of(conversation) is not None


def test_a_sweep_of_a_campaign_deleted_meanwhile_does_nothing(campaign):
    gone = campaign.pk
    campaign.delete()

    assert place_waiting_conversations.enqueue(gone).return_value == {
        "campaign": gone,
        "assigned": 0,
    }
