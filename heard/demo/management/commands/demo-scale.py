from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from heard.accounts.models import Organization
from heard.demo.builder import DemoError, demo_organization
from heard.demo.scale import BATCH, grow_demo
from heard.privacy.audit import audit_paused


class Command(BaseCommand):
    help = (
        "Grow the demo organization to N conversations in all (with people, answers, quotes, "
        "themes, commitments and events in the demo's proportions), for benchmarks and for "
        "trying Heard at the size of a city-wide campaign. Loads the demo first on an empty "
        "database. Running it again with the same N adds nothing; a bigger N adds the "
        "difference. Never on a database with real organizations in it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--conversations",
            type=int,
            required=True,
            help="How many conversations the demo organization should hold in all.",
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=BATCH,
            help=f"Conversations stored per transaction (default {BATCH}).",
        )

    def handle(self, *args, conversations, batch, **options):
        if conversations < 0 or batch < 1:
            raise CommandError("--conversations must be 0 or more, and --batch 1 or more.")
        call_command("migrate", interactive=False, verbosity=0)
        if demo_organization() is None:
            if Organization.objects.exists():
                # Growing a demo beside real neighbours' records would mix the two.
                raise CommandError(
                    "This database holds other organizations and no demo: demo-scale grows the "
                    "demo organization, on a database of its own."
                )
            self.stdout.write("No demo organization yet: loading it (as `heard run` does)...")
            with audit_paused():
                call_command("load_demo", stdout=self.stdout)
            from heard.demo.first_themes import theme_demo

            theme_demo(log=self.stdout.write, err=self.stderr.write)
        try:
            # Generated rows are nobody's act: the audit log stays out of the way (as load_demo).
            with audit_paused():
                grow_demo(conversations=conversations, batch_size=batch, log=self.stdout.write)
        except DemoError as error:
            raise CommandError(str(error)) from None
