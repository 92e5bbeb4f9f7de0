"""Running the real worker inside a test, in this thread or in several."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection, connections
from django_tasks_db.management.commands.db_worker import Worker

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

#: Threads share the test database only on PostgreSQL: SQLite's in-memory test database answers
#: "table is locked" where a database file waits for the lock, so there processes are used
#: (test_on_a_sqlite_file.py).
concurrent = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="threads need PostgreSQL; see test_on_a_sqlite_file.py"
)


def run_worker(worker_id: str = "worker-1") -> None:
    """django-tasks-db's worker, as `heard worker --batch`: every task ready now, then return."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


def in_threads(count: int, work) -> list[BaseException]:
    """Run `work(n)` in `count` threads released at the same moment; their errors, if any.
    Each thread has its own database connection, as separate processes would."""
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            start.wait(timeout=30)
            work(n)
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@contextmanager
def held_elsewhere(*name) -> Iterator[None]:
    """Another worker holds the lock `name` (its own thread and connection) meanwhile."""
    from heard.worker.queue import one_at_a_time

    taken, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def hold() -> None:
        try:
            with one_at_a_time(*name) as held:
                if not held:
                    raise AssertionError("the lock was not free")
                taken.set()
                release.wait(timeout=60)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)
            taken.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(timeout=30)
    try:
        if errors:
            raise errors[0]
        yield
    finally:
        release.set()
        thread.join(timeout=30)
