"""The queue's rules on a real SQLite file, with processes as an installation runs them: several
web processes asking for the same task at once queue one, and two `heard worker` processes run
every task once. (Threads cannot show it on the in-memory test database: it answers "table is
locked" where a file waits for the lock. On PostgreSQL the thread tests show it.)"""

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.db import connection

from .recording_tasks import RUNS_FILE

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own test")

TESTS = Path(__file__).resolve().parents[1]
TABLE = "django_tasks_database_dbtaskresult"


@pytest.fixture(scope="module")
def installation(tmp_path_factory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("sqlite-queue")
    env = {
        **os.environ,
        "HEARD_DATA_DIR": str(data),
        "DATABASE_URL": "",
        "HEARD_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "heard.settings",
    }
    heard(env, "migrate", "--verbosity", "0")
    return env


def heard(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "heard.cli", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def python(env, code: str) -> subprocess.Popen:
    script = "import django; django.setup()\n" + textwrap.dedent(code)
    return subprocess.Popen([sys.executable, "-c", script], env=env)


def rows(env, where: str = "1") -> list[tuple]:
    database = Path(env["HEARD_DATA_DIR"]) / "heard.sqlite3"
    with sqlite3.connect(database) as db:
        return db.execute(f"SELECT id, status, worker_ids FROM {TABLE} WHERE {where}").fetchall()  # noqa: S608


def wait_all(processes) -> None:
    for process in processes:
        assert process.wait(timeout=300) == 0


def test_web_processes_asking_at_once_queue_one_task(installation, tmp_path):
    go = tmp_path / "go"
    asking = [
        python(
            installation,
            f"""
            import pathlib, time
            from worker.recording_tasks import note_run
            from heard.worker.queue import enqueue_once
            while not pathlib.Path({str(go)!r}).exists():
                time.sleep(0.005)
            for _ in range(5):
                enqueue_once(note_run, "a burst of captures")
            """,
        )
        for _ in range(4)
    ]
    time.sleep(0.5)  # let them start (a head start only; correctness never depends on it)
    go.touch()
    wait_all(asking)

    assert len(rows(installation, "status = 'READY'")) == 1


def test_two_worker_processes_run_every_task_once(installation, tmp_path):
    wait_all(
        [
            python(
                installation,
                """
                from worker.recording_tasks import note_run
                for n in range(20):
                    note_run.enqueue(f"task {n}")
                """,
            )
        ]
    )
    queued = {row[0] for row in rows(installation, "status = 'READY'")}
    runs = tmp_path / "runs.txt"
    env = {**installation, RUNS_FILE: str(runs)}
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "heard.cli",
                "worker",
                "--batch",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0",
                "--housekeeping-every",
                "0",
                "--worker-id",
                f"worker-{n}",
            ],
            env=env,
        )
        for n in range(2)
    ]
    wait_all(workers)

    ran = runs.read_text().split()
    assert len(ran) == len(set(ran))  # none twice
    assert {value.replace("-", "") for value in ran} == {value.replace("-", "") for value in queued}
    assert {status for _, status, _ in rows(installation)} == {"SUCCESSFUL"}
