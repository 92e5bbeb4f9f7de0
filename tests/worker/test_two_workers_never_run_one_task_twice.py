"""Several workers at once: django-tasks-db claims a task in the transaction that selects it
(`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL), so no task runs twice and none is left."""

import pytest
from django_tasks_db.models import DBTaskResult

from .helpers import DATABASE_QUEUE, concurrent, in_threads, run_worker
from .recording_tasks import RUNS, fail, note_run


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    RUNS.clear()


@concurrent
@pytest.mark.django_db(transaction=True)
def test_two_workers_run_every_task_once():
    queued = {str(note_run.enqueue(f"task {n}").id) for n in range(60)}
    failing = fail.enqueue("on purpose")

    errors = in_threads(2, lambda n: run_worker(worker_id=f"worker-{n}"))

    assert errors == []
    assert sorted(RUNS) == sorted(queued)  # each ran, none twice
    rows = DBTaskResult.objects.exclude(pk=failing.id)
    assert set(rows.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert all(len(row.worker_ids) == 1 for row in rows)
    failed = DBTaskResult.objects.get(pk=failing.id)
    assert failed.status == "FAILED" and len(failed.worker_ids) == 1


@pytest.mark.django_db(transaction=True)
def test_one_worker_runs_every_task_once():
    queued = {str(note_run.enqueue(f"task {n}").id) for n in range(5)}

    run_worker()
    run_worker()  # a second pass finds nothing left

    assert sorted(RUNS) == sorted(queued)
