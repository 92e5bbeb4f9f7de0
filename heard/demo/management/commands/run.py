import os
import subprocess

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from heard.accounts.models import Organization
from heard.cli import start_worker
from heard.demo import DEMO_PASSWORD, DEMO_USERS
from heard.serving import cores, serve


class Command(BaseCommand):
    help = (
        "Start Heard: migrate the database, load the demo organization on the first start, "
        "find the demo's themes, start the background worker (`heard worker`) beside the web "
        "server, and serve with gunicorn, one process per core, at http://127.0.0.1:PORT/ (PORT "
        "from the environment, default 8000). Existing data is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="The address to listen on (default 127.0.0.1: this machine, or a proxy on it).",
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=cores(),
            help="Web processes (default: one per core Heard may use, here %(default)s).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=4,
            help="Requests each process serves at once (default 4).",
        )
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo.")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the background worker (run `heard worker` yourself).",
        )

    def handle(self, *args, port, host, processes, threads, no_demo, no_worker, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database ready.")
        if not no_demo and not Organization.objects.exists():
            self.stdout.write("Loading the demo organization (first start only)...")
            call_command("load_demo")
            self._theme_demo()
        self.stdout.write(self.style.SUCCESS(f"\nHeard is at http://{_url_host(host)}:{port}/\n"))
        if not no_demo:
            self.stdout.write(
                "Demo logins (password "
                + self.style.WARNING(DEMO_PASSWORD)
                + "):\n"
                + "".join(f"  {username:<12} {role}\n" for username, role in DEMO_USERS)
            )
        worker = None if no_worker else self._start_worker()
        self.stdout.flush()
        try:
            serve(
                host,
                port,
                processes=processes,
                threads=threads,
                behind_proxy=os.environ.get("HEARD_BEHIND_PROXY") == "1",
            )
        except KeyboardInterrupt:
            self.stdout.write("\nStopped.")
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=15)

    def _theme_demo(self) -> None:
        from heard.demo.first_themes import theme_demo

        theme_demo(log=self.stdout.write, err=self.stderr.write)

    def _start_worker(self) -> subprocess.Popen | None:
        """`heard worker` as a child process: new conversations are placed in their themes
        within seconds, and re-runs asked for on the Themes page run, with nothing else to start."""
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.startswith("django_tasks_db."):
            return None  # an immediate backend runs tasks in the web process itself
        self.stdout.write("Starting the background worker.")
        # It ends with this process, even after `kill -9` (heard/cli.py).
        return start_worker()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
