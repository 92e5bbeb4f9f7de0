"""200 voters voting at once on the benchmark poll, over HTTP, against waitress (build.py first).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_votebench \
        .venv/bin/python benchmarks/voting/measure_votes.py [--voters 200] [--seconds 60]

Starts benchmarks/voting/serve.py (waitress, 8 threads, as `heard run`) in its own process, then
runs one thread per voter, each a phone of its own: it opens the poll's link (its cookie and
CSRF token), then votes again and again as the page asks: a plain form POST, answered with the
next statement to vote on (one round trip per vote). Three paces:

- people reading: each voter reads for 3-8 s (uniform) before voting, as at a house meeting
  where 200 phones are out at once (a 140-character statement is about 25 words: some 6 s at
  250 words a minute): about 35 votes a second in all;
- quick taps: 1-3 s each, everyone tapping as fast as they can read a short line: about 100
  votes a second;
- flat out: no reading time at all, every voter posting as fast as the server answers (a
  stress test: far more than 200 people can make; it measures the server's capacity).

Reported: p50 / p95 / p99 of "the vote answered" (from sending the POST until the whole next
statement's page is read), votes a second, and any error. The client's 200 threads
run on the same 2 shared cores as the server, so their own scheduling is in the numbers.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
HERE = Path(__file__).resolve().parent
STATEMENT = re.compile(rb'name="statement" value="(\d+)"')
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Phone:
    """One voter's phone: a keep-alive connection and its cookies."""

    def __init__(self, port: int, path: str):
        self.port, self.path = port, path
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, body: dict | None = None) -> tuple[int, bytes, float]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.connection.request(method, self.path, body=data, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            return 0, b"", time.perf_counter() - started
        elapsed = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, content, elapsed


def voter(port, path, until, pace, votes, errors, lock, rng):
    phone = Phone(port, path)
    status, page, _ = phone.request("GET")
    while time.perf_counter() < until:
        if status != 200 or not STATEMENT.search(page):
            with lock:
                errors.append(f"page {status}")
            return
        if pace:
            time.sleep(rng.uniform(*pace))
        statement = STATEMENT.search(page).group(1).decode()
        token = CSRF.search(page).group(1).decode()
        choice = rng.choice(["agree", "disagree", "pass"])
        status, page, elapsed = phone.request(
            "POST", {"csrfmiddlewaretoken": token, "statement": statement, "vote": choice}
        )
        with lock:
            (votes if status == 200 else errors).append(elapsed if status == 200 else status)


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    cuts = statistics.quantiles(values, n=100)
    return (
        f"{1000 * statistics.median(values):.0f} / {1000 * cuts[94]:.0f} / {1000 * cuts[98]:.0f} ms"
    )


PACES = {"people reading (3-8 s)": (3.0, 8.0), "quick taps (1-3 s)": (1.0, 3.0), "flat out": None}


def run(port: int, token: str, voters: int, seconds: float, pace: tuple | None) -> dict:
    votes: list[float] = []
    errors: list = []
    lock = threading.Lock()
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(
            target=voter,
            args=(port, f"/vote/{token}/", until, pace, votes, errors, lock),
            kwargs={"rng": random.Random(n)},
        )
        for n in range(voters)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "votes": len(votes),
        "rate": len(votes) / elapsed,
        "vote": percentiles(votes),
        "errors": len(errors),
        "sample_errors": errors[:3],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--voters", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    import django

    django.setup()
    from heard.voting.models import Poll, Voter

    poll = Poll.objects.get(
        organization__name="Voting benchmark", title="Benchmark poll for phones"
    )
    Voter.objects.filter(poll=poll).delete()  # every run starts from an unvoted ballot
    token = poll.token
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own script
        [
            sys.executable,
            str(HERE / "serve.py"),
            "--port",
            str(port),
            "--threads",
            str(args.threads),
        ]
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        run(port, token, 5, 3, pace=None)  # warm the server's threads and connections
        print(
            f"{args.voters} voters, {args.seconds:.0f} s each pace, waitress {args.threads} "
            f"threads; load average before {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores"
        )
        print("| pace | votes | votes/s | vote answered p50 / p95 / p99 | errors | load after |")
        print("|---|---|---|---|---|---|")
        for name, pace in PACES.items():
            r = run(port, token, args.voters, args.seconds, pace)
            print(
                f"| {name} | {r['votes']} | {r['rate']:.0f} | {r['vote']} "
                f"| {r['errors']} {r['sample_errors'] or ''} | {os.getloadavg()[0]:.1f} |"
            )
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
