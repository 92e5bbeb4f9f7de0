"""The `heard` command: a thin face over the same code the web uses.

`heard themes` works on a CSV with no database. `heard run` migrates, loads the demo on first
start and serves. Everything else is a Django management command (`heard migrate`,
`heard createsuperuser`, `heard worker`, ...).
"""

import os
import signal
import subprocess
import sys
import threading
import time

# The environment variable through which `heard run` hands its worker the read end of a pipe
# whose write end only the server holds (see `start_worker`).
LIFELINE_ENV = "HEARD_LIFELINE_FD"
# After the server is gone: how long the worker may finish its task before it is interrupted,
# and how long after that before it is ended outright.
WORKER_GRACE_SECONDS = 3.0
# The worker beside the web processes yields the cores to them: placing a conversation in its
# theme (embedding its notes) can wait a few hundred milliseconds, a volunteer's save should not.
# Measured at 10 saves a second on 2 cores (benchmarks/load/): the saves' p95 fell from 200 ms.
WORKER_NICENESS = 10
# Write ends of the workers' lifelines: open until this process ends, never written to.
_lifelines: list[int] = []


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


def start_worker(env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start `heard worker` as a child that ends when this process ends, however it ends.

    The child gets the read end of a pipe; this process keeps the write end and never writes.
    When this process exits, by a signal or `kill -9` included, the kernel closes the write end,
    the child reads end-of-file and shuts down: a restart never finds an old worker still running.
    """
    read_end, write_end = os.pipe()  # both non-inheritable: other children never hold them
    try:
        worker = subprocess.Popen(  # noqa: S603 - our own interpreter and command, no user input
            worker_command(),
            env={**(os.environ if env is None else env), LIFELINE_ENV: str(read_end)},
            pass_fds=(read_end,),
        )
    except BaseException:
        os.close(write_end)
        raise
    finally:
        os.close(read_end)
    _lifelines.append(write_end)
    return worker


def _end_with_parent() -> None:
    """In a worker started by `start_worker`: give the cores to the web processes first, and
    shut down when the server that started it is gone."""
    descriptor = os.environ.pop(LIFELINE_ENV, None)
    if descriptor is None:
        return
    lifeline = int(descriptor)
    os.nice(WORKER_NICENESS)

    def watch() -> None:
        try:
            while os.read(lifeline, 1):
                pass
        except OSError:
            pass
        # The worker's own handler: exit now if idle, else finish the task in hand...
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(WORKER_GRACE_SECONDS)
        # ...a second time interrupts the task, which is recorded as failed and can be re-run...
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(WORKER_GRACE_SECONDS)
        # ...and if the main thread is stuck in a long computation, end without it.
        os._exit(1)

    threading.Thread(target=watch, name="heard-lifeline", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Neighbours' words: whatever Heard writes (the database and its -wal/-shm files, the secret
    # key, caches, a themes CSV) is readable by the user running it only.
    os.umask(0o077)
    if argv and argv[0] == "themes":
        from heard.themes_cli import main as themes_main

        return themes_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
    from django.core.management import execute_from_command_line

    from heard.languages.catalogues import compile_stale_quietly

    # The .mo files are build output: a fresh clone, or a .po just edited, is compiled here.
    compile_stale_quietly()

    if argv and argv[0] == "worker":
        _end_with_parent()
    execute_from_command_line(["heard", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
