"""Two rules that keep the task queue small and its work done once, for any app's tasks.

**enqueue_once**: a task asked for while an identical one (same task, same arguments) is still
*waiting* (queued, not yet claimed by a worker) is not queued again. A task already *running*
does not count: it may have read the database before whatever prompted the new request was
committed, so a new one is queued. The check and the insert are one transaction under a lock on
that task and those arguments (PostgreSQL: a transaction-level advisory lock; SQLite: the write
lock, taken at BEGIN), so two web processes asking at once queue one task between them.

Why no request is lost: whoever asks has committed what the task must see before asking. A
waiting task it finds was not yet claimed when it looked, so the worker claims it afterwards,
and everything the task reads is read after the asker's commit.

**one_at_a_time**: the body of a task that must not run twice at once (two workers sweeping one
campaign) holds a lock named by its work: a session-level advisory lock on PostgreSQL, a file
lock in the data folder on SQLite (one machine by nature). Both go with the process or its
connection if a worker dies, so a crash never leaves a lock behind.

Claiming itself is django-tasks-db's: on PostgreSQL `SELECT ... FOR UPDATE SKIP LOCKED` and the
claim in one transaction, on SQLite an exclusive transaction; two workers never start one task.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connections, router
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus, normalize_json
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

logger = logging.getLogger(__name__)


def in_database(task) -> bool:
    """Whether this task goes to the database queue (rather than, say, running at once)."""
    return isinstance(task.get_backend(), DatabaseBackend)


def waiting(task, *args) -> QuerySet[DBTaskResult]:
    """This task with these arguments, queued and not yet started (deferred ones included)."""
    backend = task.get_backend()
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        backend_name=backend.alias,
        queue_name=task.queue_name,
        task_path=task.module_path,
        args_kwargs=normalize_json({"args": list(args), "kwargs": {}}),
    )


def enqueue_once(task, *args, delay: dt.timedelta | None = None):
    """Queue `task(*args)` unless the same is already waiting. Returns the new task's result, or
    None when one was waiting. `delay`: not before then (ignored by backends that run at once).
    Call it after committing what the task must read (from `transaction.on_commit`)."""
    if not in_database(task):
        return task.enqueue(*args)
    if delay is not None:
        task = task.using(run_after=timezone.now() + delay)
    if waiting(task, *args).exists():
        # Most asks under load: one is waiting already. Seen without the lock, it is still
        # enough (see the module: it was unclaimed after our commit), and costs one query, not
        # a transaction of four.
        return None
    alias = router.db_for_write(DBTaskResult)
    with exclusive_transaction(alias):
        connection = connections[alias]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_key("enqueue", task, args)])
        if waiting(task, *args).exists():
            return None
        return task.enqueue(*args)


@contextmanager
def one_at_a_time(*name, wait: bool = False) -> Iterator[bool]:
    """Hold the lock called `name` while the block runs. Yields whether this process holds it:
    False when another holds it (and `wait` is False); with `wait`, blocks until it is free."""
    alias = router.db_for_write(DBTaskResult)
    connection = connections[alias]
    key = _key("run", *name)
    if connection.vendor == "postgresql":
        with _advisory_lock(connection, key, wait) as held:
            yield held
    elif connection.vendor == "sqlite":
        with _file_lock(key, wait) as held:
            yield held
    else:  # no lock to take: the work is idempotent, only done twice
        yield True


@contextmanager
def _advisory_lock(connection, key: int, wait: bool) -> Iterator[bool]:
    with connection.cursor() as cursor:
        if wait:
            cursor.execute("SELECT pg_advisory_lock(%s)", [key])
            held = True
        else:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = bool(cursor.fetchone()[0])
    try:
        yield held
    finally:
        if held:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
            except Exception:
                # A session lock ends with its session: closing the connection releases it.
                logger.exception("Could not release advisory lock %s; closing the connection", key)
                connection.close()


@contextmanager
def _file_lock(key: int, wait: bool) -> Iterator[bool]:
    import fcntl

    folder = settings.DATA_DIR / "locks"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(folder / f"{key & 0xFFFFFFFFFFFFFFFF:016x}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _key(kind: str, *parts) -> int:
    """A signed 64-bit number for a lock's name (PostgreSQL's advisory locks take a bigint)."""
    flat = [part.module_path if hasattr(part, "module_path") else part for part in parts]
    text = json.dumps([kind, *flat], default=str, sort_keys=True)
    return int.from_bytes(
        hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True
    )
