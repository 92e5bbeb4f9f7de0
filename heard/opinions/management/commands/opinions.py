"""`heard opinions EXPORT_DIR --out OUT_DIR`: opinion groups, consensus and common ground of a
Polis export, with no database."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from heard.opinions.polis_export import BadExport, read_export
from heard.opinions.report import analyse, summary_lines, write_report

#: Exit code for an export that cannot be read (the message names file, line and column).
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Find the opinion groups of a Polis conversation and the comments every group agrees "
        "with, from its export folder (comments.csv and participants-votes.csv, as in Polis's "
        "openData), with Polis's own maths: PCA of the votes, k-means with 2 to 5 groups chosen "
        "by silhouette over participants with at least 7 votes, group-informed consensus "
        "(the product over groups of (agree+1)/(votes+2)) and common ground (every group at "
        "least 60%% agree, at least 20 votes). Comments moderated out (-1) are never scored. "
        "Writes OUT_DIR/groups.csv (participant,group) and OUT_DIR/statements.csv (comment-id, "
        "consensus, common_ground, votes, agree-N per group, representative-of, comment-body; "
        "highest consensus first) and prints a summary. Exit code 2: the export cannot be read, "
        "and nothing is written."
    )
    # Reads two CSV files: no database, so no system checks against one.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument(
            "export_dir", type=Path, metavar="EXPORT_DIR", help="The Polis export folder."
        )
        parser.add_argument(
            "--out",
            required=True,
            type=Path,
            metavar="OUT_DIR",
            help="Folder for groups.csv and statements.csv (made if missing; both files or "
            "neither are written).",
        )

    def handle(self, *args, export_dir: Path, out: Path, **options):
        try:
            export = read_export(export_dir)
        except BadExport as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from error
        report = analyse(export)
        try:
            write_report(report, out)
        except OSError as error:
            raise CommandError(f"cannot write to {out}: {error.strerror or error}") from error
        for line in summary_lines(report):
            self.stdout.write(line)
        self.stdout.write(f"Wrote {out / 'groups.csv'} and {out / 'statements.csv'}")
