"""`heard run` serves with gunicorn (one process per core) and starts `heard worker`; however the
server ends, even by `kill -9`, the worker and the web processes end within seconds, so a restart
never runs two workers."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def niceness(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def command_of(pid: int) -> list[bytes]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name is in parentheses and may hold spaces: read after it.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running: an ended process that nobody has reaped yet (a zombie) counts as gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@contextlib.contextmanager
def heard_run(data: Path):
    """`heard run --no-demo` on a free port, in its own data folder, with its worker."""
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HEARD_DATA_DIR": str(data),
        "DATABASE_URL": "",
        "PORT": str(port),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "heard.cli", "run", "--no-demo"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 90
    response = None
    while time.monotonic() < deadline and process.poll() is None:
        try:
            response = urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    assert response is not None, process.communicate(timeout=10)[0]
    workers: list[int] = []
    while time.monotonic() < deadline and not workers:
        workers = [pid for pid in children_of(process.pid) if b"worker" in command_of(pid)]
        time.sleep(0.1)
    web = [pid for pid in children_of(process.pid) if pid not in workers]
    try:
        yield process, response, workers, web, data
    finally:
        for pid in [process.pid, *workers, *web]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """One server for the tests that only look at it."""
    with heard_run(tmp_path_factory.mktemp("running") / "data") as started:
        yield started


@pytest.fixture
def server(tmp_path):
    """A server of the test's own, to kill."""
    with heard_run(tmp_path / "data") as started:
        yield started


def assert_gone_within(pid: int, seconds: float) -> float:
    start = time.monotonic()
    while alive(pid):
        assert time.monotonic() - start < seconds, f"the worker {pid} still runs"
        time.sleep(0.1)
    return time.monotonic() - start


def test_heard_run_serves_with_gunicorn_one_process_per_core_and_starts_one_worker(running):
    _, response, workers, web, _ = running

    assert response.status == 200
    assert response.headers["Server"] == "gunicorn"  # not runserver's
    assert len(web) == len(os.sched_getaffinity(0))
    assert len(workers) == 1
    assert command_of(workers[0])[1:4] == [b"-m", b"heard.cli", b"worker"]
    # The worker yields the cores to the web processes (heard/cli.py, WORKER_NICENESS).
    assert niceness(workers[0]) == niceness(web[0]) + 10


def test_a_phone_keeps_its_connection_between_two_requests(running):
    _, response, *_ = running
    connection = http.client.HTTPConnection("127.0.0.1", urllib.parse.urlsplit(response.url).port)
    sockets = []
    for _ in range(2):
        connection.request("GET", "/login/")
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 200
        assert answer.headers["Connection"] == "keep-alive"
        sockets.append(connection.sock)
    connection.close()

    assert sockets[0] is sockets[1]  # the second request went over the first one's connection


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill -9", "SIGTERM"])
def test_the_worker_ends_within_seconds_when_the_server_is_killed(server, how):
    process, _, [worker], web, _ = server

    os.kill(process.pid, how)
    process.wait(timeout=10)

    assert assert_gone_within(worker, 15) < 15
    for pid in web:
        assert assert_gone_within(pid, 15) < 15


def test_while_it_serves_the_data_files_are_the_users_alone(running):
    _, _, _, _, data = running

    assert oct(data.stat().st_mode & 0o777) == "0o700"
    files = {p.name: oct(p.stat().st_mode & 0o777) for p in data.iterdir() if p.is_file()}
    # SQLite's write-ahead log and shared memory (-wal, -shm) exist while a connection is open,
    # and are checked too when they do.
    assert {"heard.sqlite3", "secret_key"} <= set(files)
    assert set(files.values()) == {"0o600"}, files
