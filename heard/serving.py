"""How `heard run` serves: gunicorn, several processes sized to the machine, each with threads.

One Python process runs Heard's code on one core at a time, so a capture (about 25 ms of CPU)
caps one process near 30-40 a second however many threads it has. gunicorn forks one process per
core (a thread pool in each, for the time a request waits on the database), keeps connections
alive between a phone's requests with Nagle's delay off (TCP_NODELAY on its listening socket),
and restarts a process that dies. Static files still come from WhiteNoise inside the application.

Windows has no fork: there `heard run` falls back to waitress, one process with threads.

Nothing here keeps state between requests: every process, on this machine or another, reads and
writes only the database, so web processes can be added on other machines (ARCHITECTURE.md,
"Deployment").
"""

import os
import sys

# What a phone waiting between two saves keeps its connection for. Longer than gunicorn's default
# (2 s) because a volunteer's outbox sends its saves one after another.
KEEPALIVE_SECONDS = 5
# A request still running after this is ended and its process restarted. Long work (theme runs,
# imports of big files) happens in the worker, not in a request.
REQUEST_TIMEOUT_SECONDS = 60


def cores() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


def serve(host: str, port: int, *, processes: int, threads: int, behind_proxy: bool) -> None:
    """Serve the WSGI application until interrupted."""
    from django.core.wsgi import get_wsgi_application

    application = as_served(get_wsgi_application(), behind_proxy=behind_proxy)
    if sys.platform == "win32":
        import waitress

        waitress.serve(application, host=host, port=port, threads=threads, ident="Heard")
        return
    _close_database_connections()
    ready_to_fork()
    HeardServer(application, gunicorn_options(host, port, processes, threads)).run()


def ready_to_fork() -> None:
    """Done once in the parent, before gunicorn forks the web processes.

    Every view module is imported (the URLconf resolved), so no process spends its first
    requests importing them. Then `gc.freeze()`: the quarter of a million objects Django and Heard
    are made of move to a generation the garbage collector never walks again. Each full
    collection walked them all: under load, pauses of 135-550 ms (mean 274) in the middle of the
    requests the process was serving; frozen, 60 ms on average. The collector no longer writes to
    the pages those objects live in, so the processes keep sharing them with the parent.
    """
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - resolving it imports every view
    gc.collect()
    gc.freeze()


def as_served(application, *, behind_proxy: bool):
    """Behind a proxy on this machine: the client's address and scheme as the proxy saw them (the
    last X-Forwarded-For and X-Forwarded-Proto), so the sign-in lockout and the ballot's limit per
    address see people, not the proxy, and HTTPS is known for what it is."""
    if not behind_proxy:
        return application
    from werkzeug.middleware.proxy_fix import ProxyFix

    return ProxyFix(application, x_for=1, x_proto=1)


def gunicorn_options(host: str, port: int, processes: int, threads: int) -> dict:
    bind_host = f"[{host}]" if ":" in host else host
    return {
        "bind": f"{bind_host}:{port}",
        "workers": processes,
        "worker_class": "gthread",
        "threads": threads,
        "keepalive": KEEPALIVE_SECONDS,
        "timeout": REQUEST_TIMEOUT_SECONDS,
        "graceful_timeout": 10,
        # Django is imported once, before the processes fork: they share its memory and start
        # at once.
        "preload_app": True,
        "proc_name": "heard",
        # Which requests came over HTTPS is decided by HEARD_BEHIND_PROXY alone (above), never
        # by a header gunicorn would trust from any local client.
        "forwarded_allow_ips": "",
        "secure_scheme_headers": {},
        # Neighbours' ids are in URLs: no access log unless an operator asks for one.
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
    }


def _close_database_connections() -> None:
    """The processes fork from this one, which migrated and may have loaded the demo: a
    connection (or a pool of them) open here would be shared by every child and garbled."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
        if hasattr(connection, "close_pool"):  # PostgreSQL with a pool
            connection.close_pool()


try:
    from gunicorn.app.base import BaseApplication
except ImportError:  # Windows: waitress serves instead (above)
    BaseApplication = object  # type: ignore[assignment,misc]


class HeardServer(BaseApplication):
    """gunicorn with its options from here, not from a command line or a config file."""

    def __init__(self, application, options: dict):
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application
