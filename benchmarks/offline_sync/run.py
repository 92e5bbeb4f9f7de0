"""Offline capture's sync under faults (issue 13): 10,000 conversations sent through a real
Heard server by phones on a bad network; afterwards, exactly 10,000 stored, none partial, none
twice.

    HEARD_DATA_DIR=$(mktemp -d) .venv/bin/python benchmarks/offline_sync/run.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_fault_sync HEARD_DATA_DIR=$(mktemp -d) \
        .venv/bin/python benchmarks/offline_sync/run.py

It empties the database (SQLite in HEARD_DATA_DIR, or the PostgreSQL database named, made if
missing), loads the demo organization (its logins, password listen-first: volunteers on their
turf, organizers), makes the conversations as the capture form posts them (tests/conversations/
outbox_faults.py: people each sender may see, new people, households, answers, quotes,
commitments), and starts `heard run --no-demo --no-worker` (waitress, 8 threads) with a fault
proxy in front of it (proxy.py). Each phone signs in through /login/, asks /conversations/sync/
for its CSRF token, and sends its conversations as the outbox does: until it hears 200 or 201,
drawing a fault for every send. Then the database is read back: any difference fails the run.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# This checkout's Heard (not the one the virtual environment was installed from), its tests'
# outbox, and the proxy beside this file.
sys.path[:0] = [str(REPO), str(HERE), str(REPO / "tests")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")

import requests  # noqa: E402

#: Phones: the demo's volunteers and organizers, three of them with a second phone.
PHONES = ("volunteer", "voluntaria", "earl", "kim", "ray", "becky", "jamal", "organizer", "luis")
PHONES += ("volunteer", "voluntaria", "organizer")
PASSWORD = "listen-first"  # the demo's, printed by `heard run`  # noqa: S105


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--phones", type=int, default=len(PHONES))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--port", type=int, default=8120, help="Heard's; the proxy takes +1")
    parser.add_argument("--threads", type=int, default=8, help="waitress's (heard run's default)")
    for kind in ("drop_request", "drop_response", "gave_up", "duplicate"):
        parser.add_argument(f"--{kind.replace('_', '-')}", type=float, default=0.05)
    args = parser.parse_args()

    _fresh_postgres_database(os.environ.get("DATABASE_URL", ""))
    django.setup()
    from conversations.outbox_faults import (
        Faults,
        Tally,
        before_sending,
        check_stored,
        make_conversations,
        run_clients,
        sender_for,
    )
    from django.core.management import call_command
    from django.db import connection, connections
    from django.utils import timezone
    from proxy import FaultProxy

    from heard.accounts.models import Membership
    from heard.people.folding import fold
    from heard.people.models import Person

    database = connection.vendor
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    started = time.monotonic()
    call_command("load_demo", verbosity=0)
    print(f"Demo loaded in {time.monotonic() - started:.0f} s ({database}).", flush=True)

    phones = PHONES[: args.phones] if args.phones <= len(PHONES) else PHONES
    members = {m.user.username: m for m in Membership.objects.select_related("user")}
    today = timezone.localdate()
    senders = [sender_for(members[name], today) for name in phones]
    taken = {fold(name) for name in Person.objects.values_list("name", flat=True)}
    made = make_conversations(senders, args.conversations, random.Random(args.seed), today, taken)
    sent = [s for _, s in made]
    before = before_sending()
    connections.close_all()
    faults = Faults(
        drop_request=args.drop_request,
        drop_response=args.drop_response,
        gave_up=args.gave_up,
        duplicate=args.duplicate,
    )

    server = _start_heard(args.port, args.threads)
    proxy = FaultProxy(("127.0.0.1", args.port + 1), ("127.0.0.1", args.port))
    proxy.serve_in_background()
    base = f"http://127.0.0.1:{args.port + 1}"
    tally = Tally()
    try:
        plans = []
        lost = Counter()
        for index, name in enumerate(phones):
            phone = OverHttp(base, name, lost, twin=OverHttp(base, name, lost))
            plans.append((phone, [s.data for i, s in made if i == index]))
        print(f"{len(phones)} phones signed in; sending {len(sent):,} conversations.", flush=True)
        started = time.monotonic()
        run_clients(plans, faults, args.seed, tally)
        wall = time.monotonic() - started
    finally:
        proxy.shutdown()
        server.terminate()
        server.wait(timeout=30)
    tally.unseen.update(proxy.unseen)

    stored = check_stored(sent, before)  # raises, naming the problems, unless all is well
    problems = []
    if tally.errors or proxy.errors:
        problems.append(f"errors: {tally.errors[:5]} {proxy.errors[:5]}")
    if tally.stuck:
        problems.append(f"{len(tally.stuck)} never stored: {tally.stuck[:5]}")
    if tally.other_statuses():
        problems.append(f"answers other than 200 or 201: {dict(tally.other_statuses())}")
    made_by_proxy = {k: v for k, v in proxy.made.items() if v}
    drawn = {k: v for k, v in tally.faults.items() if k != "duplicate"}
    if made_by_proxy != drawn:
        problems.append(f"faults drawn {drawn} but made {made_by_proxy}")
    if lost:
        problems.append(f"sends lost without a fault: {dict(lost)}")
    stored_by = tally.seen[201] + tally.duplicates[201] + tally.unseen[201]
    if stored_by != len(sent):
        problems.append(f"{stored_by} sends were answered 201 for {len(sent)} conversations")
    results = {
        "database": database,
        "conversations": len(sent),
        "phones": len(phones),
        "server threads": args.threads,
        "sends": tally.sends,
        "faults": dict(tally.faults),
        "201 seen": tally.seen[201],
        "200 seen": tally.seen[200],
        "duplicate sends' answers": {str(k): v for k, v in tally.duplicates.items()},
        "answers lost on the way": {str(k): v for k, v in tally.unseen.items()},
        "other statuses": {str(k): v for k, v in tally.other_statuses().items()},
        "wall time (s)": round(wall, 1),
        "conversations/s": round(len(sent) / wall, 1),
        "stored": stored,
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(_table_row(results))
    if problems:
        print("FAILED:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    print("Every conversation stored once and whole; no answer but 200 or 201.")
    return 0


class OverHttp:
    """A phone: its own session, signed in through the login form, sending as the outbox does
    (the form's fields, the CSRF token in X-CSRFToken), one connection per send."""

    def __init__(self, base: str, username: str, lost: Counter, twin=None):
        self.base, self.lost, self._twin = base, lost, twin
        self.session = requests.Session()
        self.session.headers["Connection"] = "close"
        page = self.session.get(f"{base}/login/", timeout=60)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        signed_in = self.session.post(
            f"{base}/login/",
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            timeout=60,
        )
        if urllib.parse.urlsplit(signed_in.url).path == "/login/":
            raise SystemExit(f"{username} could not sign in")
        self.csrf = self.session.get(f"{base}/conversations/sync/", timeout=60).json()["csrf"]

    def post(self, data, fault):
        headers = {"X-CSRFToken": self.csrf}
        if fault:
            headers["X-Fault"] = fault
        try:
            answer = self.session.post(
                f"{self.base}/conversations/sync/", data=data, headers=headers, timeout=120
            )
        except requests.RequestException as error:
            if not fault:
                self.lost[type(error).__name__] += 1
            return None
        return answer.status_code

    def twin(self):
        return self._twin


def _start_heard(port: int, threads: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "heard.cli", "run", "--no-demo", "--no-worker"]
    command += ["--port", str(port), "--threads", str(threads)]
    # waitress says "Task queue depth is N" whenever every thread is busy: kept in a file.
    log = Path(os.environ["HEARD_DATA_DIR"]) / "heard-run.log"
    with log.open("w") as output:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT
        )
    print(f"Heard at http://127.0.0.1:{port}/, its output in {log}", flush=True)
    for _ in range(600):
        try:
            requests.get(f"http://127.0.0.1:{port}/login/", timeout=2)
            return server
        except requests.ConnectionError:
            if server.poll() is not None:
                raise SystemExit("Heard did not start") from None
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("Heard did not answer within a minute")


def _fresh_postgres_database(url: str) -> None:
    """Make the PostgreSQL database named in DATABASE_URL if it is missing (then emptied by
    flush, as the SQLite file is fresh)."""
    if not url.startswith("postgres"):
        return
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _table_row(r: dict) -> str:
    f = r["faults"]
    kinds = ("drop_request", "drop_response", "gave_up", "duplicate")
    return (
        f"| {r['database']} | {r['conversations']:,} | {r['sends']:,} | "
        + " | ".join(f"{f.get(k, 0):,}" for k in kinds)
        + f" | {r['201 seen']:,} | {r['200 seen']:,} | {r['other statuses'] or 'none'} | "
        f"{r['wall time (s)']} s | {r['conversations/s']} |"
    )


if __name__ == "__main__":
    sys.exit(main())
