import json
import os

from django.core.management.base import BaseCommand

from heard.privacy.audit import acting_as_operator
from heard.privacy.services import export_person

from ._person import person_from


class Command(BaseCommand):
    help = (
        "Write everything Heard holds about one person (their record, ties, consents, "
        "conversations with answers and their quotes, commitments, sign-ups, leader signals, "
        "themes and the audit events about them) as JSON, for a request to see their data. "
        "The export is recorded in the audit log as done from the command line."
    )

    def add_arguments(self, parser):
        parser.add_argument("person_id", help="The person's id (the number in /people/<id>/).")
        parser.add_argument(
            "--out",
            required=True,
            metavar="FILE.json",
            help="The file to write, readable by you alone (mode 0600); '-' for standard output.",
        )

    def handle(self, *args, person_id, out, **options):
        person = person_from(person_id)
        with acting_as_operator():
            data = export_person(by=None, person=person)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if out == "-":
            self.stdout.write(text, ending="")
            return
        # Created 0600 from the start, and narrowed if the file was already there: the words
        # of a neighbour are never readable by other accounts on the machine, even for a moment.
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        self.stderr.write(f"Wrote person #{person.pk}'s data to {out}.")
