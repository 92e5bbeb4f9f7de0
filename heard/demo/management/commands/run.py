import os
import subprocess

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from heard.accounts.models import Organization
from heard.cli import worker_command
from heard.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = (
        "Start Heard: migrate the database, load the demo organization on the first start, "
        "find the demo's themes, start the background worker (`heard worker`) beside the web "
        "server, and serve at http://127.0.0.1:PORT/ (PORT from the environment, default 8000). "
        "Existing data is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo.")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the background worker (run `heard worker` yourself).",
        )

    def handle(self, *args, port, no_demo, no_worker, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database ready.")
        if not no_demo and not Organization.objects.exists():
            self.stdout.write("Loading the demo organization (first start only)...")
            call_command("load_demo")
            self._theme_demo()
        self.stdout.write(
            self.style.SUCCESS(f"\nHeard is at http://127.0.0.1:{port}/\n")
            + "Demo logins (password "
            + self.style.WARNING(DEMO_PASSWORD)
            + "):\n"
            + "".join(f"  {username:<12} {role}\n" for username, role in DEMO_USERS)
        )
        worker = None if no_worker else self._start_worker()
        try:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=15)

    def _theme_demo(self) -> None:
        """Find the demo campaigns' themes now, so the Themes page is full when first opened."""
        from heard.campaigns.models import Campaign
        from heard.themes.runs import theme_campaign

        self.stdout.write("Finding the themes of the demo's conversations (first start only)...")
        for campaign in Campaign.objects.all():
            try:
                run = theme_campaign(campaign=campaign)
            except Exception as error:  # the demo still serves; the page offers a re-run
                self.stderr.write(f"  {campaign}: themes not found ({error}).")
            else:
                self.stdout.write(
                    f"  {campaign}: {run.theme_count} themes in {run.note_count} notes."
                )

    def _start_worker(self) -> subprocess.Popen | None:
        """`heard worker` as a child process: new conversations are placed in their themes
        within seconds, and re-runs asked for on the Themes page run, with nothing else to start."""
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.startswith("django_tasks_db."):
            return None  # an immediate backend runs tasks in the web process itself
        self.stdout.write("Starting the background worker.")
        return subprocess.Popen(  # noqa: S603 - our own interpreter and command, no user input
            worker_command(), env=os.environ.copy()
        )
