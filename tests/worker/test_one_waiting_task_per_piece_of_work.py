"""`enqueue_once`: a task asked for again while the same one waits is not queued twice (seen
waiting, that costs one read and no lock); one already running does not count (it may have read
before the new request's data was committed), and two processes asking at the same moment queue
one task between them."""

import datetime as dt

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from heard.worker.queue import enqueue_once, one_at_a_time, waiting

from .helpers import DATABASE_QUEUE, concurrent, held_elsewhere, in_threads, run_worker
from .recording_tasks import RUNS, note_run


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    RUNS.clear()


def waiting_rows(label):
    return list(waiting(note_run, label))


@pytest.mark.django_db
def test_the_same_task_asked_for_twice_waits_once():
    first = enqueue_once(note_run, "campaign 1")
    again = enqueue_once(note_run, "campaign 1")
    other = enqueue_once(note_run, "campaign 2")

    assert first is not None and other is not None
    assert again is None
    assert len(waiting_rows("campaign 1")) == 1
    assert DBTaskResult.objects.count() == 2


@pytest.mark.django_db
def test_a_task_seen_waiting_costs_one_query(django_assert_num_queries):
    """The common case under load (a sweep already waiting for the campaign): one read, no
    transaction and no lock."""
    enqueue_once(note_run, "campaign 1")
    with django_assert_num_queries(1):
        assert enqueue_once(note_run, "campaign 1") is None


@pytest.mark.django_db
def test_a_deferred_task_counts_as_waiting():
    enqueue_once(note_run, "later", delay=dt.timedelta(minutes=5))

    assert enqueue_once(note_run, "later") is None
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_running_task_does_not_count_and_a_finished_one_neither():
    enqueue_once(note_run, "campaign 1")
    row = DBTaskResult.objects.get()
    row.claim("another worker")  # as the worker does when it starts it

    assert enqueue_once(note_run, "campaign 1") is not None
    run_worker()
    assert enqueue_once(note_run, "campaign 1") is not None
    assert DBTaskResult.objects.filter(status="READY").count() == 1


@pytest.mark.django_db
def test_a_queue_that_runs_tasks_at_once_runs_each_request(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    enqueue_once(note_run, "now")
    enqueue_once(note_run, "now")

    assert len(RUNS) == 2
    assert not DBTaskResult.objects.exists()


@concurrent
@pytest.mark.django_db(transaction=True)
def test_processes_asking_at_the_same_moment_queue_one_task():
    errors = in_threads(6, lambda n: enqueue_once(note_run, "a burst of captures"))

    assert errors == []
    assert len(waiting_rows("a burst of captures")) == 1


@pytest.mark.django_db(transaction=True)
def test_work_held_by_one_worker_is_not_taken_by_another():
    with held_elsewhere("sweep", 7):
        with one_at_a_time("sweep", 7) as mine:
            assert mine is False
        with one_at_a_time("sweep", 8) as other_work:
            assert other_work is True
    with one_at_a_time("sweep", 7) as mine:
        assert mine is True
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
            assert cursor.fetchone()[0] == 0  # released, not left to the connection's end
