"""`heard worker`: django-tasks-db's worker, plus housekeeping and `--status`.

Every few minutes (`--housekeeping-every`, seconds) a thread prunes finished tasks and logs the
backlog; `--status` prints each task's waiting, running and finished counts and exits.
"""

import os
import threading
import time

from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from heard.worker import backlog


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker (the database task queue). With --status, print the backlog "
        "of each task and exit."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        # Twice a second when idle (django-tasks-db's default is once): a new conversation's
        # sweep starts within half a second, so it reaches its theme within about two.
        parser.set_defaults(interval=0.5)
        parser.add_argument(
            "--status",
            action="store_true",
            help="Print waiting, running and finished tasks per task name, then exit.",
        )
        parser.add_argument(
            "--housekeeping-every",
            type=float,
            default=300.0,
            help="Seconds between pruning finished tasks and logging the backlog (0: never; "
            "default: %(default)s).",
        )

    def handle(self, *, status: bool = False, housekeeping_every: float = 300.0, **options):
        if status:
            self.stdout.write(backlog.describe(backlog.backlog()))
            return
        reloading = options.get("reload") and not options.get("batch")
        in_child = os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if housekeeping_every > 0 and (not reloading or in_child):
            start_housekeeping(every=housekeeping_every)
        super().handle(**options)

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        # The backlog line is INFO, a queue that is not keeping up a WARNING (shown even by the
        # quiet worker `heard run` starts); the console handler is settings.LOGGING's.
        level = ("WARNING", "INFO")[verbosity] if verbosity < 2 else "DEBUG"
        backlog.logger.setLevel(level)


def start_housekeeping(*, every: float) -> threading.Thread:
    """Prune and log the backlog now, then every `every` seconds, beside the worker's loop."""

    def loop() -> None:
        while True:
            try:
                backlog.housekeeping()
            except Exception:
                backlog.logger.exception("Task queue housekeeping failed")
            finally:
                connections.close_all()  # this thread's own connections only
            time.sleep(every)

    thread = threading.Thread(target=loop, name="heard-housekeeping", daemon=True)
    thread.start()
    return thread
