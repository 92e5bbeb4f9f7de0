from django.core.management.base import BaseCommand, CommandError

from heard.privacy.audit import acting_as_operator
from heard.privacy.queries import holdings_of
from heard.privacy.services import erase_person

from ._person import holdings_lines, person_from


class Command(BaseCommand):
    help = (
        "Erase one person and everything Heard holds about them: their record, ties, consents, "
        "sign-ups, the conversations they had alone, their quotes, commitments and leader "
        "signals in group conversations, and what was derived from their words. Without --yes, "
        "only says what would go (counts) and exits with status 1. Recorded in the audit log as "
        "done from the command line."
    )

    def add_arguments(self, parser):
        parser.add_argument("person_id", help="The person's id (the number in /people/<id>/).")
        parser.add_argument("--yes", action="store_true", help="Really erase: it cannot be undone.")

    def handle(self, *args, person_id, yes, **options):
        person = person_from(person_id)
        # Counts only: a name printed here would stay in terminal scrollback and logs.
        lines = holdings_lines(holdings_of(person))
        if not yes:
            self.stdout.write(f"Erasing person #{person.pk} would remove:")
            self.stdout.write("\n".join(lines))
            raise CommandError("Nothing was erased. Run again with --yes to erase.")
        with acting_as_operator():
            erasure = erase_person(by=None, person=person)
        self.stdout.write(f"Erased person #{erasure.person_id}:")
        self.stdout.write("\n".join(lines))
        if erasure.rethemed_campaign_ids:
            self.stdout.write("Themes will be worked out again for the campaigns they were in.")
