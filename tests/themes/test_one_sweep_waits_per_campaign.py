"""A new conversation asks for a sweep of its campaign only when none is waiting, so 50 captures
queue one task per campaign, not 50; a capture while a sweep runs is still placed (it queues the
next sweep); two sweeps of one campaign never run at once; and two workers place every
conversation once."""

from __future__ import annotations

import datetime as dt
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from themes_factories import topic_note

from heard.campaigns.models import Campaign, GuideQuestion, Purpose
from heard.conversations.models import Conversation
from heard.conversations.services import ConversationRecord, record_conversation
from heard.people.models import Person
from heard.themes import assignment
from heard.themes.models import ThemeAssignment
from heard.themes.services import theme_campaign
from heard.themes.tasks import place_waiting_conversations
from heard.worker.queue import waiting

sys.path.insert(0, str(Path(__file__).parents[1]))
from worker.helpers import (  # noqa: E402 - the queue tests' helpers
    DATABASE_QUEUE,
    concurrent,
    held_elsewhere,
    in_threads,
    run_worker,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_queue(settings, immediate_tasks):
    """The queue as installed (the themes tests otherwise run tasks at once)."""
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture(autouse=True)
def taken_at_once(monkeypatch):
    """A new conversation's sweep may be taken at once here (the test of the moment it waits
    sets its own)."""
    monkeypatch.setattr(assignment, "SWEEP_GATHER", dt.timedelta(0))


def capture(campaign: Campaign, organizer, note: str) -> Conversation:
    """A volunteer saves a conversation: it commits, and then asks for its campaign's sweep."""
    problem = campaign.questions.get(purpose=Purpose.PROBLEM)
    person = Person.objects.create(organization=campaign.organization, name="Neighbour")
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


def sweeps_waiting(campaign: Campaign) -> int:
    return waiting(place_waiting_conversations, campaign.pk).count()


def placed(conversations) -> int:
    return ThemeAssignment.objects.filter(conversation__in=conversations).count()


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return campaign


@pytest.fixture
def second_campaign(themed, organization):
    other = Campaign.objects.create(organization=organization, name="Listening 2026")
    GuideQuestion.objects.create(
        campaign=other, position=1, prompt="What is hard?", purpose=Purpose.PROBLEM
    )
    return other


def test_fifty_captures_leave_one_waiting_sweep_per_campaign(
    themed, second_campaign, organizer, fake_embedder
):
    # Only this test's tasks: a test before may have left one behind (a live server's request
    # committed after that test's flush).
    DBTaskResult.objects.all().delete()
    captured = [
        capture(themed if n % 2 else second_campaign, organizer, topic_note("rent", n) + f" {n}")
        for n in range(50)
    ]

    assert sweeps_waiting(themed) == 1
    assert sweeps_waiting(second_campaign) == 1
    assert DBTaskResult.objects.count() == 2

    run_worker()

    in_themed = [c for c in captured if c.campaign_id == themed.pk]
    assert placed(in_themed) == 25  # the other campaign has no themes yet: nothing to place in
    assert DBTaskResult.objects.filter(status="READY").count() == 0
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_new_conversations_sweep_waits_a_moment_for_the_captures_after_it(
    themed, organizer, monkeypatch
):
    # A long moment, so that the test never races it.
    monkeypatch.setattr(assignment, "SWEEP_GATHER", dt.timedelta(seconds=30))
    DBTaskResult.objects.all().delete()
    first = capture(themed, organizer, topic_note("rent", 1) + " lease")
    sweep = DBTaskResult.objects.get(status="READY")
    assert sweep.run_after > timezone.now()

    run_worker()  # nothing is ready yet
    assert placed([first]) == 0
    second = capture(themed, organizer, topic_note("rent", 2) + " deposit")
    assert sweeps_waiting(themed) == 1

    DBTaskResult.objects.filter(pk=sweep.pk).update(run_after=timezone.now())  # the moment passes
    run_worker()

    # One sweep placed both.
    assert placed([first, second]) == 2
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]


def test_a_capture_while_the_sweep_runs_is_still_placed(themed, organizer, fake_embedder):
    first = capture(themed, organizer, topic_note("park", 1) + " swings")
    during: list[Conversation] = []
    queued_meanwhile: list[int] = []
    embed = fake_embedder.embed

    def embed_while_a_volunteer_saves(texts, progress=None):
        # The sweep has read what waits and is embedding it: a volunteer saves now.
        if not during:
            during.append(capture(themed, organizer, topic_note("traffic", 2) + " corner"))
            queued_meanwhile.append(sweeps_waiting(themed))
        return embed(texts, progress)

    fake_embedder.embed = embed_while_a_volunteer_saves
    run_worker()

    # The running sweep did not count as waiting: the capture queued the next one.
    assert queued_meanwhile == [1]
    assert placed([first, *during]) == 2
    assert sweeps_waiting(themed) == 0
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


def test_a_sweep_finding_its_campaign_held_leaves_one_waiting(themed, organizer):
    newcomers = [capture(themed, organizer, topic_note("rent", n) + " lease") for n in range(3)]
    assert sweeps_waiting(themed) == 1

    with held_elsewhere("themes.sweep", themed.pk):
        run_worker()
        # It placed nothing (the holder might have read before these committed) and left one
        # sweep waiting, a little later; asking again meanwhile adds none.
        assert placed(newcomers) == 0
        assert sweeps_waiting(themed) == 1
        later = DBTaskResult.objects.get(status="READY")
        assert later.run_after > timezone.now()
        capture(themed, organizer, topic_note("rent", 9) + " deposit")
        assert sweeps_waiting(themed) == 1

    DBTaskResult.objects.filter(pk=later.pk).update(run_after=timezone.now())  # time passes
    run_worker()

    assert (
        placed(Conversation.objects.filter(campaign=themed))
        == Conversation.objects.filter(campaign=themed).count()
    )
    assert sweeps_waiting(themed) == 0


@concurrent
def test_two_workers_and_volunteers_saving_place_each_conversation_once(
    themed, organizer, fake_embedder, monkeypatch
):
    monkeypatch.setattr(assignment, "SWEEP_RETRY", dt.timedelta(0))
    embedded: list[str] = []
    lock = threading.Lock()
    embed = fake_embedder.embed

    def counting(texts, progress=None):
        with lock:
            embedded.extend(texts)
        return embed(texts, progress)

    fake_embedder.embed = counting
    saved: list[Conversation] = []

    def volunteer_or_worker(n: int) -> None:
        if n < 2:
            for _ in range(4):  # workers keep going while captures arrive
                run_worker(worker_id=f"worker-{n}")
        else:
            for i in range(10):
                saved.append(capture(themed, organizer, topic_note("park", i) + f" v{n} n{i}"))

    errors = in_threads(4, volunteer_or_worker)
    run_worker()  # whatever the last captures queued

    assert errors == []
    assert len(saved) == 20
    assert placed(saved) == 20
    assert sorted(embedded) == sorted(set(embedded))  # no note embedded twice
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


@concurrent
def test_two_sweeps_of_one_campaign_at_the_same_moment_do_its_work_once(
    themed, organizer, fake_embedder
):
    newcomers = [capture(themed, organizer, topic_note("rent", n) + " rent") for n in range(4)]
    embedded: list[str] = []
    lock = threading.Lock()
    overlapping = threading.Event()
    embed = fake_embedder.embed

    def embed_slowly(texts, progress=None):
        with lock:
            first = not embedded
            embedded.extend(texts)
        if first:
            # Give a second sweep every chance to read the same conversations meanwhile.
            overlapping.wait(timeout=2)
        else:
            overlapping.set()
        return embed(texts, progress)

    fake_embedder.embed = embed_slowly
    results: list[dict] = []
    errors = in_threads(2, lambda n: results.append(assignment.sweep_campaign(themed.pk)))

    assert errors == []
    assert sorted(r.get("deferred", False) for r in results) == [False, True]
    assert sorted(embedded) == sorted(set(embedded))
    assert placed(newcomers) == 4


def test_a_conversation_corrected_twice_before_the_worker_is_placed_once(
    themed, listened, organizer
):
    from heard.conversations.corrections import as_it_is, correct_conversation
    from heard.themes.tasks import place_corrected_conversations

    conversation = capture(themed, organizer, topic_note("rent", 3) + " heat")
    run_worker()
    problem = themed.questions.get(purpose=Purpose.PROBLEM)
    for n in (40, 41):
        correction = as_it_is(organizer, conversation)
        correction.answers = {problem.pk: topic_note("traffic", n)}
        correct_conversation(by=organizer, conversation=conversation, correction=correction)

    assert waiting(place_corrected_conversations, [str(conversation.pk)]).count() == 1
    run_worker()
    traffic = ThemeAssignment.objects.get(conversation=listened["traffic"][0]).theme
    assert ThemeAssignment.objects.get(conversation=conversation).theme == traffic
    assert sweeps_waiting(themed) == 0
