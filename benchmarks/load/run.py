"""Heard under load (issue 15): volunteers saving conversations at a fixed arrival rate while
organizers read pages, side by side for several ways of serving, in one run.

    pip install -e '.[load]'      # locust, and waitress for the old server
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_load HEARD_DATA_DIR=$(mktemp -d) \\
        .venv/bin/python benchmarks/load/run.py --out benchmarks/load/RESULTS-postgresql.md

The database (the PostgreSQL one named, made if missing and emptied; or SQLite in
HEARD_DATA_DIR) gets the demo organization and its themes, and conversations are made as the
capture form posts them (tests/conversations/outbox_faults.py: the demo's volunteers and
organizers, people each may see, new people, households, answers, quotes, commitments). Then, for
each way of serving (`--servers`):

- `waitress`: before issue 15, one process with 8 threads, and one worker;
- `heard-run-1`: `heard run --processes 1` (gunicorn, 4 threads) with its worker;
- `heard-run`: `heard run` as shipped: one process per core;
- `two-ports`: two `heard run --processes 1 --no-worker` on two ports and two `heard worker`s,
  sharing nothing but the database, the volunteers spread over both;
- any of the `heard run` ones with options after colons, to compare settings in one run:
  `heard-run:--processes=4:--threads=2`, and environment variables for its processes the same
  way: `heard-run:HEARD_SOMETHING=1`;

each rate of `--rates` runs for `--seconds` (locustfile.py: an open loop, a new save arriving
`rate` times a second whatever the server does), the first with `--organizers` organizers
reading the five pages of the issue. A rate whose saves' p95 passes `--stop-after` seconds ends
that server's stages. Afterwards the run waits for the workers to place the conversations and
reads the database: every acknowledged conversation stored once and whole and nothing else
(`check_stored`), how long each took to reach its theme, how many sweeps waited at once per
campaign (sampled each second) and the finished tasks older than a day.

Everything runs on this machine (the load generator too); the CPU a save costs the web
processes is measured from /proc, the figure a busy machine moves least.
"""

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")

import requests  # noqa: E402

#: The demo's volunteers and organizers who save (offline_sync's phones).
SAVERS = ("volunteer", "voluntaria", "earl", "kim", "ray", "becky", "jamal", "organizer", "luis")
READERS = ("organizer", "luis")
SERVERS = ("waitress", "heard-run-1", "heard-run", "two-ports")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--rates", default="10,20,30,40,50,60", help="saves a second, per stage")
    parser.add_argument("--seconds", type=int, default=30, help="each stage's length")
    parser.add_argument(
        "--pacing", type=float, default=20.0, help="seconds between a phone's saves"
    )
    parser.add_argument("--organizers", type=int, default=5)
    parser.add_argument(
        "--warmup",
        type=int,
        default=30,
        help="seconds at 5 saves/s, with the organizers reading, before the stages (not "
        "reported): each process's first requests and each worker's first sweep load code, "
        "templates and the model",
    )
    parser.add_argument("--stop-after", type=float, default=2.0, help="p95 (s) that ends a server")
    parser.add_argument("--port", type=int, default=8400)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    servers = args.servers.split(",")
    rates = [int(r) for r in args.rates.split(",")]

    _offline_sync()._fresh_postgres_database(os.environ.get("DATABASE_URL", ""))
    django.setup()
    from django.db import connection

    database = connection.vendor
    demo = _load_demo()
    per_server = sum(int(r * args.seconds * 1.15) + 20 for r in rates) + 6 * args.warmup + 20
    pool = _make_conversations(demo, per_server * len(servers), args.seed)
    print(f"{sum(len(q) for q in pool.values()):,} conversations made.", flush=True)
    made = {s.data["client_id"]: s for saver in pool.values() for s in saver}

    results = []
    for number, server in enumerate(servers):
        port = args.port + 10 * number
        results.append(_run_server(server, port, rates, args, demo, pool, made))
    report = _report(database, args, results)
    print(report)
    if args.out:
        args.out.write_text(report)
    return 0 if all(r["stored"] == "ok" for r in results) else 1


# The database ---------------------------------------------------------------------------------


def _offline_sync():
    """benchmarks/offline_sync/run.py, whose database helper this benchmark shares."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "offline_sync_run", HERE.parent / "offline_sync" / "run.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load_demo() -> dict:
    """Migrate, empty, load the demo and find its themes (new conversations are placed in them)."""
    from django.core.management import call_command

    from heard.campaigns.models import Campaign
    from heard.themes.runs import theme_campaign

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    started = time.monotonic()
    call_command("load_demo", verbosity=0)
    for campaign in Campaign.objects.all():
        theme_campaign(campaign=campaign)
    print(f"Demo and its themes ready in {time.monotonic() - started:.0f} s.", flush=True)
    return {"campaign": Campaign.objects.order_by("pk").first().pk}


def _make_conversations(demo: dict, count: int, seed: int) -> dict[str, list]:
    """`count` conversations as the capture form posts them, per saver's username."""
    from conversations.outbox_faults import make_conversations, sender_for
    from django.utils import timezone

    from heard.accounts.models import Membership
    from heard.people.folding import fold
    from heard.people.models import Person

    members = {m.user.username: m for m in Membership.objects.select_related("user")}
    today = timezone.localdate()
    senders = [sender_for(members[name], today) for name in SAVERS]
    taken = {fold(name) for name in Person.objects.values_list("name", flat=True)}
    made = make_conversations(senders, count, random.Random(seed), today, taken)
    pool: dict[str, list] = defaultdict(list)
    for index, sent in made:
        pool[SAVERS[index]].append(sent)
    return pool


def _analyze() -> None:
    """Fresh planner statistics, as autovacuum keeps them on a server that has it on (this
    machine's PostgreSQL has it off): without them, a table just filled is planned as empty and
    every consent check scans it."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _sessions(usernames, base: str) -> dict[str, dict]:
    """A signed-in session per member (Django's own login, without the password's hashing
    cost, which is not what is measured), and its CSRF token from the outbox's door."""
    from django.contrib.auth.models import User
    from django.test import Client

    sessions = {}
    for name in usernames:
        client = Client()
        client.force_login(User.objects.get(username=name))
        session = client.cookies["sessionid"].value
        answer = requests.get(
            f"{base}/conversations/sync/", cookies={"sessionid": session}, timeout=30
        )
        answer.raise_for_status()
        sessions[name] = {
            "session": session,
            "csrf": answer.json()["csrf"],
            "csrf_cookie": answer.cookies["csrftoken"],
        }
    return sessions


# Serving --------------------------------------------------------------------------------------


class Processes:
    """What one way of serving starts: web processes (measured) and workers."""

    def __init__(self, kind: str, port: int, log_dir: Path):
        self.web: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        self.hosts: list[str] = []
        self.log_dir = log_dir
        python = sys.executable
        # "heard-run:--threads=1:--processes=4": a way of serving with heard run's options, and
        # NAME=value parts set in its processes' environment.
        kind, *options = kind.split(":")
        self.environment = {
            **os.environ,
            **dict(o.split("=", 1) for o in options if not o.startswith("-")),
        }
        options = [o for o in options if o.startswith("-")]
        heard_run = [python, "-m", "heard.cli", "run", "--no-demo", *options]
        if kind == "waitress":
            self._web(
                [python, "-m", "waitress", f"--port={port}", "--threads=8"]
                + ["heard.wsgi:application"],
                port,
            )
            self._worker()
        elif kind == "heard-run-1":
            self._web([*heard_run, "--port", str(port), "--processes", "1"], port)
        elif kind == "heard-run":
            self._web([*heard_run, "--port", str(port)], port)
        elif kind == "two-ports":
            for offset in (0, 1):
                self._web(
                    [*heard_run, "--no-worker", "--port", str(port + offset), "--processes", "1"],
                    port + offset,
                )
                self._worker()
        else:
            raise SystemExit(f"unknown server {kind!r}: one of {', '.join(SERVERS)}")
        try:
            for host in self.hosts:
                _wait_for(host, self.web)
        except BaseException:
            self.stop()
            raise

    def _web(self, command: list[str], port: int) -> None:
        self.web.append(self._start(command, f"web-{port}"))
        self.hosts.append(f"http://127.0.0.1:{port}")

    def _worker(self) -> None:
        from heard.cli import WORKER_NICENESS, worker_command

        # As `heard run` starts its own (heard/cli.py): after the web processes for the cores.
        command = ["nice", "-n", str(WORKER_NICENESS), *worker_command()]
        self.workers.append(self._start(command, f"worker-{len(self.workers)}"))

    def _start(self, command: list[str], name: str) -> subprocess.Popen:
        with (self.log_dir / f"{name}.log").open("w") as log:
            return subprocess.Popen(  # noqa: S603 - our own interpreter and commands
                command, cwd=REPO, env=self.environment, stdout=log, stderr=subprocess.STDOUT
            )

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time so far of the web processes (gunicorn's children included), of the workers
        (heard run's own included, known by its command) and of PostgreSQL's processes."""
        spent = {"web": 0.0, "worker": 0.0, "database": 0.0}
        for process in self.web + self.workers:
            for pid in _tree(process.pid):
                is_worker = _command(pid).split(b"\0")[1:4] == [b"-m", b"heard.cli", b"worker"]
                spent["worker" if is_worker else "web"] += _cpu_seconds(pid)
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and _command(int(entry.name)).startswith(b"postgres"):
                spent["database"] += _cpu_seconds(int(entry.name))
        return spent

    def stop(self) -> None:
        for process in self.web + self.workers:
            process.terminate()
        for process in self.web + self.workers:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_for(host: str, processes) -> None:
    for _ in range(900):
        try:
            requests.get(f"{host}/login/", timeout=30)
            return
        except requests.ConnectionError:
            if any(p.poll() is not None for p in processes):
                raise SystemExit(f"a server at {host} did not start") from None
            time.sleep(0.1)
    raise SystemExit(f"{host} did not answer within 90 s")


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    children = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
            children[parent].append(int(entry.name))
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children[current])
    return found


def _command(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


class QueueWatch:
    """Each second: the most assignment sweeps waiting at once for one campaign."""

    def __init__(self):
        self.most_waiting = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        from django.db import connection
        from django.db.models import Count
        from django_tasks_db.compat import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        while not self._stop.wait(1.0):
            counts = (
                DBTaskResult.objects.filter(status=TaskResultStatus.READY)
                .values("task_path", "args_kwargs")
                .annotate(n=Count("id"))
            )
            self.most_waiting = max([self.most_waiting, *(row["n"] for row in counts)])
        connection.close()

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.most_waiting


# One server's stages --------------------------------------------------------------------------


def _run_server(kind: str, port: int, rates, args, demo, pool, made) -> dict:
    from conversations.outbox_faults import before_sending, check_stored
    from django.db import connections

    log_dir = Path(tempfile.mkdtemp(prefix="heard-load-"))
    print(f"\n== {kind} (logs in {log_dir})", flush=True)
    _analyze()
    before = before_sending()
    connections.close_all()
    processes = Processes(kind, port, log_dir)
    sessions = _sessions(set(SAVERS) | set(READERS), processes.hosts[0])
    watch = QueueWatch()
    stages, acked_ids = [], []
    try:
        if args.warmup:
            warm = argparse.Namespace(**{**vars(args), "seconds": args.warmup})
            # The organizers too: each process's first view of a page loads its code and
            # templates (half a second), which is not what a server that has run a while costs.
            stage = _stage(kind, 5, args.organizers, warm, demo, pool, sessions, processes, log_dir)
            acked_ids += stage.pop("acked_ids")
            print(f"warmed up: {stage['acknowledged']} saves, p95 {stage['p95 ms']} ms", flush=True)
        for number, rate in enumerate(rates):
            organizers = args.organizers if number == 0 else 0
            stage = _stage(kind, rate, organizers, args, demo, pool, sessions, processes, log_dir)
            stages.append(stage)
            acked_ids += stage["acked_ids"]
            print(json.dumps({k: v for k, v in stage.items() if k != "acked_ids"}), flush=True)
            if stage["p95 ms"] is None or stage["p95 ms"] > args.stop_after * 1000:
                break
        _wait_for_the_queue()
    finally:
        most_waiting = watch.stop()
        processes.stop()
    acked = [made[i] for i in acked_ids]
    for stage in stages:
        # Each rate's own: the target is a lag at 10/s, and a later stage past the server's
        # capacity would otherwise set the whole run's p95.
        stage["theme lag p95 s"] = _theme_lag([made[i] for i in stage.pop("acked_ids")]).get(
            "p95 s"
        )
    try:
        stored = check_stored(acked, before)
        stored_note = "ok"
    except AssertionError as problems:
        stored, stored_note = {}, str(problems)
    return {
        "server": kind,
        "stages": stages,
        "acknowledged": len(acked),
        "stored": stored_note,
        "stored counts": stored,
        "theme lag": _theme_lag(acked),
        "most sweeps waiting for one campaign": most_waiting,
        "finished tasks older than a day": _old_finished_tasks(),
    }


def _stage(kind, rate, organizers, args, demo, pool, sessions, processes, log_dir) -> dict:
    quota = int(rate * args.seconds * 1.15 / len(SAVERS)) + 2
    members = []
    for name in SAVERS:
        taken, pool[name] = pool[name][:quota], pool[name][quota:]
        members.append({**sessions[name], "conversations": [s.data for s in taken]})
    prefix = log_dir / f"rate-{rate}-{organizers}-{args.seconds}s"
    plan = {
        "hosts": processes.hosts,
        "pacing": args.pacing,
        "members": members,
        "organizers": [sessions[name] for name in READERS],
        "organizer_count": organizers,
        "pages": [
            "/",
            "/people/",
            "/conversations/",
            f"/campaigns/{demo['campaign']}/",
            f"/themes/campaign/{demo['campaign']}/",
        ],
        "acked": str(prefix) + "-acked.json",
    }
    plan_file = Path(str(prefix) + "-plan.json")
    plan_file.write_text(json.dumps(plan))
    phones = int(rate * args.pacing)
    cpu_before = processes.cpu_seconds()
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with Path(str(prefix) + "-locust.log").open("w") as log:
        subprocess.run(  # noqa: S603 - our own interpreter and locust
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--users",
                str(phones + organizers),
                # All at once: each phone waits its own random moment (locustfile.py).
                "--spawn-rate",
                str(phones + organizers),
                "--run-time",
                f"{args.seconds}s",
                "--stop-timeout",
                "60",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={**os.environ, "HEARD_LOAD_PLAN": str(plan_file)},
            cwd=HERE,
            check=False,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    cpu_after = processes.cpu_seconds()
    cpu = {k: cpu_after[k] - cpu_before[k] for k in cpu_after}
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu["load generator"] = (children.ru_utime + children.ru_stime) - (
        children_before.ru_utime + children_before.ru_stime
    )
    told = json.loads(Path(plan["acked"]).read_text())
    acked = told["acked"]
    resent = _send_again(set(told["sent"]) - set(acked), plan, processes.hosts[0])
    acked += [client_id for client_id, status in resent.items() if status in (200, 201)]
    rows = _locust_rows(Path(str(prefix) + "_stats.csv"))
    capture = rows.get("capture", {})
    pages = {k: v for k, v in rows.items() if k.startswith("/")}
    return {
        "server": kind,
        "rate": rate,
        "organizers": organizers,
        "saves sent": len(told["sent"]),
        # Unanswered when the stage ended (the phone gave up, or locust stopped it), then sent
        # again as the outbox would: 200 means the first one had been stored.
        "sent again": dict(Counter(str(status) for status in resent.values())),
        "acknowledged": len(acked),
        "failed": int(capture.get("Failure Count", 0)),
        "acknowledged/s": round(len(acked) / args.seconds, 1),
        "p50 ms": _number(capture.get("50%")),
        "p95 ms": _number(capture.get("95%")),
        "p99 ms": _number(capture.get("99%")),
        "max ms": _number(capture.get("Max Response Time")),
        "pages p95 ms": {k: _number(v.get("95%")) for k, v in pages.items()},
        # Not when saves were left unanswered: the server stored them after the stage, so
        # their CPU is missing from the stage's (waitress's "14 ms" was that).
        "web CPU ms per save": None
        if organizers or resent
        else round(1000 * cpu["web"] / max(len(acked), 1), 1),
        # Cores busy on average during the stage, by whom: what shares the machine's 2.
        "cores busy": {k: round(v / args.seconds, 2) for k, v in cpu.items()},
        "acked_ids": acked,
    }


def _send_again(unanswered: set[str], plan: dict, host: str) -> dict[str, int | None]:
    """The outbox's retry, for saves the stage left unanswered: each sent once more."""
    statuses: dict[str, int | None] = {}
    for member in plan["members"]:
        for data in member["conversations"]:
            if data["client_id"] not in unanswered:
                continue
            try:
                answer = requests.post(
                    f"{host}/conversations/sync/",
                    data=data,
                    cookies={"sessionid": member["session"], "csrftoken": member["csrf_cookie"]},
                    headers={"X-CSRFToken": member["csrf"]},
                    timeout=120,
                )
                statuses[data["client_id"]] = answer.status_code
            except requests.RequestException:
                statuses[data["client_id"]] = None
    return statuses


def _locust_rows(path: Path) -> dict[str, dict]:
    import csv

    if not path.exists():
        return {}
    with path.open() as rows:
        return {row["Name"]: row for row in csv.DictReader(rows)}


def _number(value) -> float | None:
    try:
        return round(float(value))
    except (TypeError, ValueError):
        return None


def _wait_for_the_queue(limit: float = 120.0) -> None:
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        busy = DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
        ).exists()
        if not busy:
            return
        time.sleep(0.5)


def _theme_lag(acked) -> dict:
    """From a conversation stored to its place in a theme (or among the unclear), in seconds."""
    from heard.themes.models import ThemeAssignment

    ids = [s.id for s in acked]
    lags = []
    for chunk in range(0, len(ids), 1000):
        rows = ThemeAssignment.objects.filter(conversation_id__in=ids[chunk : chunk + 1000])
        for stored_at, placed_at in rows.values_list("conversation__created_at", "assigned_at"):
            lags.append((placed_at - stored_at).total_seconds())
    if not lags:
        return {"placed": 0, "of": len(ids)}
    lags.sort()
    return {
        "placed": len(lags),
        "of": len(ids),
        "p50 s": round(statistics.median(lags), 2),
        "p95 s": round(lags[int(0.95 * (len(lags) - 1))], 2),
        "max s": round(lags[-1], 2),
    }


def _old_finished_tasks() -> int:
    from django.utils import timezone
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=timezone.now() - dt.timedelta(days=1),
    ).count()


# The report -----------------------------------------------------------------------------------


def _report(database: str, args, results: list[dict]) -> str:
    load = os.getloadavg()
    lines = [
        f"# Load on {database}, {dt.date.today().isoformat()}",
        "",
        f"{os.cpu_count()} cores; load average at the end {load[0]:.1f}. Stages of "
        f"{args.seconds} s, phones saving every {args.pacing:g} s (open loop); the first stage "
        f"with {args.organizers} organizers reading /, /people/, /conversations/, a campaign "
        "and its Themes page every 2-5 s.",
        "",
        "| server | saves/s asked | acknowledged/s | failed | sent again (status: n) "
        "| p50 ms | p95 ms | p99 ms | max ms "
        "| web CPU ms/save | cores busy: web, worker, database, load generator "
        "| theme lag p95 s | organizers' pages p95 ms |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for result in results:
        for s in result["stages"]:
            pages = ", ".join(f"{k} {v}" for k, v in s["pages p95 ms"].items()) or ""
            busy = ", ".join(f"{v:.2f}" for v in s["cores busy"].values())
            lines.append(
                f"| {s['server']} | {s['rate']} | {s['acknowledged/s']} | {s['failed']} | "
                f"{', '.join(f'{k}: {v}' for k, v in s['sent again'].items()) or 'none'} | "
                f"{s['p50 ms']} | {s['p95 ms']} | {s['p99 ms']} | {s['max ms']} | "
                f"{s['web CPU ms per save'] or ''} | {busy} | {s['theme lag p95 s']} | {pages} |"
            )
    lines += [
        "",
        "| server | acknowledged | stored once and whole, nothing else | placed in a theme "
        "| theme lag p50 / p95 / max s | most sweeps waiting for one campaign "
        "| finished tasks older than a day |",
        "|---|---:|---|---:|---|---:|---:|",
    ]
    for r in results:
        lag = r["theme lag"]
        lines.append(
            f"| {r['server']} | {r['acknowledged']:,} | {r['stored']} | "
            f"{lag['placed']:,} of {lag['of']:,} | {lag.get('p50 s')} / {lag.get('p95 s')} / "
            f"{lag.get('max s')} | {r['most sweeps waiting for one campaign']} | "
            f"{r['finished tasks older than a day']} |"
        )
    by_server = Counter()
    for r in results:
        fine = [s["acknowledged/s"] for s in r["stages"] if (s["p95 ms"] or 1e9) <= 1000]
        by_server[r["server"]] = max(fine, default=0)
    lines += [
        "",
        "Highest rate sustained with the saves' p95 under 1 s: "
        + ", ".join(f"{k} {v}/s" for k, v in by_server.items()),
        "",
        "Command: `" + " ".join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]]) + "`",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
