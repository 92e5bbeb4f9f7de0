"""`heard prune-tasks`: delete the rows of finished tasks now (the worker does it every few
minutes by itself)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from heard.worker.backlog import KEEP_FAILED, KEEP_SUCCEEDED, prune_finished


class Command(BaseCommand):
    help = "Delete finished tasks (succeeded or failed) older than a day."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=float,
            default=KEEP_SUCCEEDED / dt.timedelta(days=1),
            help="Keep tasks that succeeded this many days (default: %(default)s).",
        )
        parser.add_argument(
            "--failed-days",
            type=float,
            default=KEEP_FAILED / dt.timedelta(days=1),
            help="Keep tasks that failed this many days, for their tracebacks "
            "(default: %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be deleted."
        )

    def handle(self, *, days: float, failed_days: float, dry_run: bool, **options) -> None:
        if days < 0 or failed_days < 0:
            raise CommandError("Days cannot be negative.")
        count = prune_finished(
            keep_succeeded=dt.timedelta(days=days),
            keep_failed=dt.timedelta(days=failed_days),
            dry_run=dry_run,
        )
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} finished task{'s' if count != 1 else ''}.")
