"""The `heard` command: a thin face over the same code the web uses.

`heard themes` works on a CSV with no database. `heard run` migrates, loads the demo on first
start and serves. Everything else is a Django management command (`heard migrate`,
`heard createsuperuser`, `heard worker`, ...).
"""

import os
import sys


def worker_command() -> list[str]:
    """The background worker as `heard run` starts it: this interpreter, polling twice a second so
    a new conversation reaches its theme within seconds."""
    return [
        sys.executable,
        "-m",
        "heard.cli",
        "worker",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.5",
        "--verbosity",
        "0",
    ]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "themes":
        from heard.themes_cli import main as themes_main

        return themes_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
    from django.core.management import execute_from_command_line

    if argv and argv[0] == "worker":
        # One name for the database-backed task worker, whatever the backend calls it.
        argv[0] = "db_worker"
    execute_from_command_line(["heard", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
