"""Finished tasks are pruned a day after they finish, succeeded or failed (a failure's traceback
is in the worker's log); waiting and running tasks are never pruned, however old.
The worker prunes every few minutes and logs its backlog; `heard prune-tasks` prunes now."""

import datetime as dt
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from heard.worker import backlog

from .helpers import DATABASE_QUEUE
from .recording_tasks import note_run

HOURS = dt.timedelta(hours=1)


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def row(label: str, status: str, age: dt.timedelta) -> DBTaskResult:
    """A task of `note_run` queued, started and (if finished) finished `age` ago."""
    stored = DBTaskResult.objects.get(pk=note_run.enqueue(label).id)
    when = timezone.now() - age
    DBTaskResult.objects.filter(pk=stored.pk).update(
        status=status,
        enqueued_at=when,
        started_at=None if status == "READY" else when,
        finished_at=when if status in ("SUCCESSFUL", "FAILED") else None,
    )
    return stored


@pytest.fixture
def queue(db):
    return {
        "succeeded yesterday": row("a", "SUCCESSFUL", 25 * HOURS),
        "succeeded this morning": row("b", "SUCCESSFUL", 3 * HOURS),
        "failed two days ago": row("c", "FAILED", 48 * HOURS),
        "failed this morning": row("g", "FAILED", 3 * HOURS),
        "failed last month": row("d", "FAILED", 30 * 24 * HOURS),
        "waiting three days": row("e", "READY", 72 * HOURS),
        "running three days": row("f", "RUNNING", 72 * HOURS),
    }


def left(queue) -> set[str]:
    ids = set(DBTaskResult.objects.values_list("pk", flat=True))
    return {name for name, stored in queue.items() if stored.pk in ids}


def test_only_old_finished_tasks_are_pruned(queue):
    assert backlog.prune_finished() == 3

    assert left(queue) == {
        "succeeded this morning",
        "failed this morning",
        "waiting three days",
        "running three days",
    }


def test_pruning_works_in_chunks_until_none_is_left(queue, monkeypatch):
    monkeypatch.setattr(backlog, "PRUNE_CHUNK", 1)
    for n in range(3):
        row(f"old {n}", "SUCCESSFUL", 30 * HOURS)

    assert backlog.prune_finished() == 6
    assert not DBTaskResult.objects.filter(finished_at__lte=timezone.now() - 24 * HOURS).filter(
        status="SUCCESSFUL"
    )


def test_the_prune_tasks_command(queue, capsys):
    call_command("prune-tasks", "--dry-run")
    assert "Would delete 3 finished tasks." in capsys.readouterr().out
    assert len(left(queue)) == 7

    call_command("prune-tasks", "--days", "0.05", "--failed-days", "0.05")
    assert "Deleted 5 finished tasks." in capsys.readouterr().out
    assert left(queue) == {"waiting three days", "running three days"}


def test_the_worker_prunes_and_logs_its_backlog(queue, caplog):
    caplog.set_level(logging.INFO, logger=backlog.logger.name)

    pruned, entries = backlog.housekeeping()

    assert pruned == 3
    [logged] = [r for r in caplog.records if r.name == backlog.logger.name]
    # The task that has waited three days is a warning: the workers are not keeping up.
    assert logged.levelno == logging.WARNING
    assert "1 waiting (oldest 3 days), 1 running, 2 finished" in logged.getMessage()
    assert "note_run 1" in logged.getMessage()


def test_a_queue_keeping_up_is_logged_as_information(db, caplog):
    caplog.set_level(logging.INFO, logger=backlog.logger.name)
    row("just now", "READY", dt.timedelta(seconds=3))

    backlog.housekeeping()

    [logged] = [r for r in caplog.records if r.name == backlog.logger.name]
    assert logged.levelno == logging.INFO
