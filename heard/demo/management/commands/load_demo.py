from django.core.management.base import BaseCommand, CommandError

from heard.demo.builder import DemoError, load_demo
from heard.privacy.audit import audit_paused


class Command(BaseCommand):
    help = (
        "Load the demo organization, Riverside Neighbors United listening to the small city of "
        "Millbrook: 400+ conversations, 370 people, the same on every run. Refuses if the demo "
        "is already loaded, unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the demo organization and its logins first, then load it again.",
        )

    def handle(self, *args, replace, **options):
        try:
            # Thousands of generated rows are nobody's act: the audit log stays out of the way.
            with audit_paused():
                load_demo(replace=replace, log=self.stdout.write)
        except DemoError as error:
            raise CommandError(str(error)) from None
