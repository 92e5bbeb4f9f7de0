"""Threads that write at once, on SQLite as Heard runs it (a file: WAL, immediate transactions,
a busy timeout), for the tests of concurrent sends."""

import sqlite3
from contextlib import contextmanager

from django.db import connection


@contextmanager
def on_disk_as_in_production(tmp_path):
    """On SQLite, run the threads against a database file: pytest-django's in-memory test
    database is shared-cache, where a second writer fails at once with "table is locked" instead
    of waiting. The test database (migrated, with this test's rows) is copied to the file, new
    connections are pointed at it, and the main thread's in-memory one is left untouched.
    PostgreSQL is used as it is."""
    if connection.vendor != "sqlite":
        yield
        return
    path = tmp_path / "heard.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    settings_dict = connection.settings_dict
    in_memory = settings_dict["NAME"]
    settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        settings_dict["NAME"] = in_memory
