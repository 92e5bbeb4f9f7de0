"""`heard worker --status`: per task name, how many wait (and the oldest's age), run and
finished."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from heard.worker.backlog import backlog

from .helpers import DATABASE_QUEUE
from .recording_tasks import fail, note_run


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def aged(result, *, status: str, minutes: int) -> None:
    when = timezone.now() - dt.timedelta(minutes=minutes)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, enqueued_at=when, started_at=when if status != "READY" else None
    )


@pytest.mark.django_db
def test_the_status_counts_each_task_by_state(capsys):
    aged(note_run.enqueue("a"), status="READY", minutes=12)
    aged(note_run.enqueue("b"), status="READY", minutes=1)
    aged(note_run.enqueue("c"), status="RUNNING", minutes=3)
    for label in "def":
        aged(note_run.enqueue(label), status="SUCCESSFUL", minutes=30)
    aged(fail.enqueue("g"), status="FAILED", minutes=30)

    entries = {entry.name: entry for entry in backlog()}

    runs = entries["note_run"]
    assert (runs.waiting, runs.running, runs.succeeded, runs.failed) == (2, 1, 3, 0)
    assert dt.timedelta(minutes=12) <= runs.oldest_waiting < dt.timedelta(minutes=13)
    assert (entries["fail"].waiting, entries["fail"].failed) == (0, 1)

    call_command("worker", "--status")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["task", "waiting", "oldest"]
    assert lines[1].split() == ["fail", "0", "-", "0", "-", "0", "1"]
    assert lines[2].split() == ["note_run", "2", "12", "min", "1", "3", "min", "3", "0"]


@pytest.mark.django_db
def test_an_empty_queue_says_so(capsys):
    call_command("worker", "--status")

    assert capsys.readouterr().out.strip() == "No tasks on the queue."
