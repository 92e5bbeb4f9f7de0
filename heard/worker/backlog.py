"""What the queue holds, and pruning what is finished.

A finished task's row is only a receipt: its return value or its traceback. Every finished task
is kept a day (what ran today can still be looked at with `heard worker --status` or the admin),
then deleted, so the table a worker scans never grows with the campaign. A failure's traceback
outlives its row: django-tasks logs it at ERROR when the task fails, to the worker's console (the
journal, under systemd). Everything waiting or running is kept, however old.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

KEEP_SUCCEEDED = dt.timedelta(days=1)
KEEP_FAILED = dt.timedelta(days=1)
#: Rows deleted per statement, so SQLite's write lock is never held long.
PRUNE_CHUNK = 1000
#: The worker warns when a task has waited this long: the workers are not keeping up.
WARN_WAITING = dt.timedelta(minutes=5)


@dataclass
class TaskBacklog:
    """One task's rows on the queue."""

    name: str
    waiting: int = 0
    oldest_waiting: dt.timedelta | None = None  # since it was queued
    running: int = 0
    oldest_running: dt.timedelta | None = None  # since it started
    succeeded: int = 0
    failed: int = 0

    @property
    def finished(self) -> int:
        return self.succeeded + self.failed


def backlog(now: dt.datetime | None = None) -> list[TaskBacklog]:
    """Each task's waiting, running and finished counts, by task name (one query)."""
    now = now or timezone.now()
    rows = (
        DBTaskResult.objects.values("task_path", "status")
        .annotate(n=Count("pk"), queued=Min("enqueued_at"), started=Min("started_at"))
        .order_by()
    )
    by_name: dict[str, TaskBacklog] = {}
    for row in rows:
        name = row["task_path"].rsplit(".", 1)[-1]
        entry = by_name.setdefault(name, TaskBacklog(name))
        status = row["status"]
        if status == TaskResultStatus.READY:
            entry.waiting += row["n"]
            entry.oldest_waiting = _older(entry.oldest_waiting, now - row["queued"])
        elif status == TaskResultStatus.RUNNING:
            entry.running += row["n"]
            if row["started"] is not None:
                entry.oldest_running = _older(entry.oldest_running, now - row["started"])
        elif status == TaskResultStatus.SUCCESSFUL:
            entry.succeeded += row["n"]
        elif status == TaskResultStatus.FAILED:
            entry.failed += row["n"]
    return sorted(by_name.values(), key=lambda entry: entry.name)


def _older(a: dt.timedelta | None, b: dt.timedelta) -> dt.timedelta:
    return b if a is None else max(a, b)


def prune_finished(
    *,
    now: dt.datetime | None = None,
    keep_succeeded: dt.timedelta = KEEP_SUCCEEDED,
    keep_failed: dt.timedelta = KEEP_FAILED,
    dry_run: bool = False,
) -> int:
    """Delete the rows of tasks that succeeded longer than `keep_succeeded` ago and of those that
    failed longer than `keep_failed` ago. Returns how many were deleted (or would be)."""
    now = now or timezone.now()
    old = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lte=now - keep_succeeded)
        | Q(status=TaskResultStatus.FAILED, finished_at__lte=now - keep_failed)
    )
    if dry_run:
        return old.count()
    deleted = 0
    while True:
        ids = list(old.values_list("pk", flat=True).order_by()[:PRUNE_CHUNK])
        if not ids:
            return deleted
        # Another worker pruning at the same time may take some first: fine, they are gone.
        deleted += DBTaskResult.objects.filter(pk__in=ids).delete()[0]


def describe(entries: list[TaskBacklog]) -> str:
    """The backlog as a table for a terminal."""
    header = (
        "task",
        "waiting",
        "oldest waiting",
        "running",
        "oldest running",
        "succeeded",
        "failed",
    )
    rows = [
        (
            e.name,
            str(e.waiting),
            age(e.oldest_waiting),
            str(e.running),
            age(e.oldest_running),
            str(e.succeeded),
            str(e.failed),
        )
        for e in entries
    ]
    if not rows:
        return "No tasks on the queue."
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    return "\n".join(lines)


def summary(entries: list[TaskBacklog]) -> str:
    """The backlog in one line, for the worker's log."""
    waiting = sum(e.waiting for e in entries)
    running = sum(e.running for e in entries)
    finished = sum(e.finished for e in entries)
    oldest = max((e.oldest_waiting for e in entries if e.oldest_waiting is not None), default=None)
    parts = [f"{waiting} waiting"]
    if oldest is not None:
        parts[0] += f" (oldest {age(oldest)})"
    parts += [f"{running} running", f"{finished} finished"]
    busiest = [f"{e.name} {e.waiting}" for e in entries if e.waiting]
    if busiest:
        parts.append("waiting: " + ", ".join(busiest))
    return "Task queue: " + ", ".join(parts)


def age(delta: dt.timedelta | None) -> str:
    if delta is None:
        return "-"
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


def housekeeping() -> tuple[int, list[TaskBacklog]]:
    """What the worker does every few minutes: prune, then log the backlog (a warning when a
    task has waited long). Returns (rows pruned, the backlog)."""
    pruned = prune_finished()
    entries = backlog()
    line = summary(entries) + (f"; pruned {pruned} finished" if pruned else "")
    oldest = max((e.oldest_waiting for e in entries if e.oldest_waiting is not None), default=None)
    if oldest is not None and oldest > WARN_WAITING:
        logger.warning("%s: the workers are not keeping up", line)
    else:
        logger.info("%s", line)
    return pruned, entries
