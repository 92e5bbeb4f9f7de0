"""500 new notes into a 50,000-note campaign: how long until they are in their themes, and shown?

The target (issue "Themes page"): assigned and visible in 15 s or less.

What runs is what an installation runs: a fresh SQLite database in a temporary data folder, a
`heard worker` process (the database-backed task queue, polling every 0.5 s as `heard run` starts
it), and `record_conversation`, which queues each new conversation's assignment when it commits.

- The 50,000 existing conversations are already themed: 40 themes, every note's vector in the
  embedding cache. The theme centres are 40 real ArgKP key points embedded by the model; the
  50,000 notes' vectors are FAKE (points scattered around those centres), so the benchmark does
  not spend 20 minutes embedding them; only their number and the table sizes matter here.
- The 500 new notes are REAL texts (ArgKP arguments, median 17 words; see
  /work/shared/data/README.md) embedded by the REAL model (Heard's ``default_embedder()``, the
  multilingual Universal Sentence Encoder).
- Visible: after the last assignment, the organizer's Themes page is rendered (Django test
  client) and must count all 50,500 conversations.

Clocks: `record` is the capture side (500 conversations stored one by one, as 500 volunteers'
phones would); `assigned` runs from the first new conversation's commit until every one of the
500 has its assignment; `after last` from the last commit to the last assignment (the delay a
volunteer's newest conversation sees); `page` the Themes page render. The worker is warmed first
(one conversation assigned, loading the model) and that cold start is reported apart.

    HEARD_DATA_DIR is set by the script itself (a temporary folder, deleted afterwards).
    .venv/bin/python benchmarks/themes/incremental.py [--existing 50000] [--new 500]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

from heard.cli import worker_command

ROOT = Path(__file__).resolve().parents[2]
ARGKP = Path("/work/shared/data/argkp/arguments_dev.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--existing", type=int, default=50_000)
    parser.add_argument("--new", type=int, default=500)
    parser.add_argument("--themes", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary data folder.")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="heard-bench-incremental-"))
    os.environ["HEARD_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    os.environ["HEARD_ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ.pop("HEARD_TASK_BACKEND", None)  # the database-backed queue, as installed
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"data folder: {data_dir}")
    worker = None
    try:
        started = time.perf_counter()
        world = build_campaign(args.existing, args.themes)
        print(
            f"built {args.existing:,} themed conversations in {time.perf_counter() - started:.1f} s"
        )
        worker = start_worker(data_dir)
        results = measure(world, new_texts(args.new))
        report(args, results)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        if not args.keep:
            import shutil

            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


def new_texts(count: int) -> list[str]:
    with open(ARGKP, encoding="utf-8") as handle:
        texts = [row["argument"].strip() for row in csv.DictReader(handle)]
    texts = list(dict.fromkeys(t for t in texts if t))
    rng = np.random.default_rng(7)
    return [texts[i] for i in rng.choice(len(texts), size=count, replace=False)]


def build_campaign(existing: int, theme_count: int) -> dict:
    """An organization whose campaign holds `existing` conversations, already themed."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from heard.accounts.models import Membership, Organization, Role
    from heard.analysis.cache import text_sha256
    from heard.analysis.embed import DIMENSION, MODEL_ID
    from heard.campaigns.models import Campaign, GuideQuestion, Purpose
    from heard.conversations.models import Answer, Conversation, Participant, Quote
    from heard.people.models import Person, Place
    from heard.themes.models import NoteEmbedding, Theme, ThemeAssignment, ThemeRun

    rng = np.random.default_rng(42)
    with transaction.atomic():
        org = Organization.objects.create(name="Bench Neighbours", slug="bench")
        user = get_user_model().objects.create_user("organizer")
        membership = Membership.objects.create(user=user, organization=org, role=Role.ORGANIZER)
        campaign = Campaign.objects.create(organization=org, name="Citywide listening")
        problem = GuideQuestion.objects.create(
            campaign=campaign, position=1, prompt="What is hard?", purpose=Purpose.PROBLEM
        )
        why = GuideQuestion.objects.create(
            campaign=campaign, position=2, prompt="Why does it matter?", purpose=Purpose.WHY
        )
        hope = GuideQuestion.objects.create(
            campaign=campaign, position=3, prompt="What do you hope for?", purpose=Purpose.HOPE
        )
        places = [
            Place.objects.create(organization=org, name=f"Neighbourhood {i}") for i in range(8)
        ]
        people = Person.objects.bulk_create(
            Person(organization=org, name=f"Neighbour {i}", place=places[i % 8])
            for i in range(2000)
        )
        centroids = real_centroids(theme_count)
        themes = []
        for k, centroid in enumerate(centroids):
            theme = Theme(campaign=campaign, label=f"theme {k}")
            theme.vectors = centroid[None, :]
            themes.append(theme)
        Theme.objects.bulk_create(themes)
        ThemeRun.objects.create(campaign=campaign, status="done", note_count=existing)
    start = dt.date(2025, 1, 1)
    for first in range(0, existing, 5000):
        size = min(5000, existing - first)
        labels = rng.integers(0, theme_count, size=size)
        vectors = unit(centroids[labels] + rng.normal(scale=0.06, size=(size, DIMENSION)))
        with transaction.atomic():
            conversations = Conversation.objects.bulk_create(
                Conversation(
                    id=uuid.uuid4(),
                    organization=org,
                    campaign=campaign,
                    venue="door",
                    held_on=start + dt.timedelta(days=(first + i) % 300),
                    place=places[(first + i) % 8],
                    held_by=user,
                )
                for i in range(size)
            )
            texts = [f"existing note {first + i}" for i in range(size)]
            Participant.objects.bulk_create(
                Participant(conversation=c, person=people[(first + i) % len(people)])
                for i, c in enumerate(conversations)
            )
            # Like a real campaign: every conversation has its why and hope, a third a quote.
            Answer.objects.bulk_create(
                Answer(conversation=c, question=question, text=f"{kind} {first + i} of a neighbour")
                for i, c in enumerate(conversations)
                for question, kind in ((problem, None), (why, "why"), (hope, "hope"))
                if kind
            )
            Answer.objects.bulk_create(
                Answer(conversation=c, question=problem, text=t)
                for c, t in zip(conversations, texts, strict=True)
            )
            Quote.objects.bulk_create(
                Quote(
                    conversation=c,
                    person=people[(first + i) % len(people)],
                    text=f"quote {first + i} in a neighbour's own words",
                    consent=("team", "public", "none")[i % 3],
                )
                for i, c in enumerate(conversations)
                if i % 3 == 0 or i % 3 == 1 and i % 2 == 0
            )
            NoteEmbedding.objects.bulk_create(
                NoteEmbedding(
                    model_id=MODEL_ID, text_sha256=text_sha256(t), vector=v.astype("f4").tobytes()
                )
                for t, v in zip(texts, vectors, strict=True)
            )
            ThemeAssignment.objects.bulk_create(
                ThemeAssignment(
                    conversation=c,
                    campaign=campaign,
                    theme=themes[label],
                    score=float(v @ centroids[label]),
                    note_sha256=text_sha256(t),
                )
                for c, t, v, label in zip(conversations, texts, vectors, labels, strict=True)
            )
    from heard.themes.writes import _recount

    _recount(campaign)
    return {
        "membership": membership,
        "campaign": campaign,
        "problem": problem,
        "people": people,
        "places": places,
    }


def real_centroids(count: int) -> np.ndarray:
    """Theme centres in the model's real space: ArgKP's expert key points, embedded, so new
    notes land in themes (not all unclear) as they would in a real campaign."""
    from heard.analysis.embed import default_embedder

    with open(ARGKP.with_name("key_points_train.csv"), encoding="utf-8") as handle:
        points = list(dict.fromkeys(row["key_point"] for row in csv.DictReader(handle)))
    return default_embedder().embed(points[:count])


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def start_worker(data_dir: Path) -> subprocess.Popen:
    # The worker `heard run` starts: same command, same polling interval.
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command
        worker_command(),
        env={**os.environ, "HEARD_DATA_DIR": str(data_dir)},
        cwd=ROOT,
    )


def record(world: dict, text: str, n: int):
    from heard.conversations.services import ConversationRecord, record_conversation

    conversation, _ = record_conversation(
        by=world["membership"],
        record=ConversationRecord(
            id=uuid.uuid4(),
            campaign=world["campaign"],
            venue="door",
            held_on=dt.date(2025, 11, 1),
            place=world["places"][n % 8],
            people=[world["people"][n % len(world["people"])]],
            answers={world["problem"].pk: text},
        ),
    )
    return conversation.pk


def wait_for(ids: list, timeout: float = 300.0) -> float:
    """Seconds (perf_counter) when every one of these conversations had an assignment."""
    from heard.themes.models import ThemeAssignment

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if ThemeAssignment.objects.filter(conversation_id__in=ids).count() == len(ids):
            return time.perf_counter()
        time.sleep(0.05)
    raise TimeoutError(f"{len(ids)} conversations not all assigned within {timeout} s")


def measure(world: dict, texts: list[str]) -> dict:
    from django.db import connection, transaction
    from django.test import Client

    from heard.analysis.embed import MultilingualEmbedder
    from heard.themes.models import ThemeAssignment

    cold = time.perf_counter()
    warm_id = record(world, "The streetlights on our block have been out since March.", 0)
    cold_seconds = wait_for([warm_id], timeout=120) - cold

    first_commit = time.perf_counter()
    ids = [record(world, text, n) for n, text in enumerate(texts, start=1)]
    last_commit = time.perf_counter()
    assigned_at = wait_for(ids)

    client = Client()
    client.force_login(world["membership"].user)
    url = f"/themes/campaign/{world['campaign'].pk}/"
    page_start = time.perf_counter()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    page_seconds = time.perf_counter() - page_start
    warm_start = time.perf_counter()
    client.get(url)
    page_warm = time.perf_counter() - warm_start
    assert response.status_code == 200
    # Visible: the page counts every conversation, the 500 new ones included.
    themed_total = ThemeAssignment.objects.filter(campaign=world["campaign"]).count()
    assert f"<strong>{themed_total:,}</strong> conversations" in response.content.decode()
    unclear = ThemeAssignment.objects.filter(conversation_id__in=ids, theme__isnull=True).count()

    # The same number again as one import (one transaction: every note arrives at once).
    import_start = time.perf_counter()
    with transaction.atomic():
        imported = [record(world, f"{text} (imported)", n) for n, text in enumerate(texts, start=1)]
    import_commit = time.perf_counter()
    import_assigned = wait_for(imported)

    # The model alone on the same 500 texts, in this process (the floor under `assigned`).
    embedder = MultilingualEmbedder()
    embedder.load()
    model_start = time.perf_counter()
    embedder.embed(texts)
    model_seconds = time.perf_counter() - model_start

    return {
        "cold_start": cold_seconds,
        "record": last_commit - first_commit,
        "assigned": assigned_at - first_commit,
        "after_last": assigned_at - last_commit,
        "page": page_seconds,
        "page_queries": len(queries),
        "page_warm": page_warm,
        "visible": assigned_at - first_commit + page_seconds,
        "model_only": model_seconds,
        "import_record": import_commit - import_start,
        "import_assigned": import_assigned - import_commit,
        "unclear": unclear,
        "themed_total": themed_total,
        "words": float(np.median([len(t.split()) for t in texts])),
    }


def report(args, r: dict) -> None:
    target = 15.0
    print()
    print(f"{args.new} new notes into a {args.existing:,}-note campaign ({args.themes} themes)")
    print(f"  machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"  new notes: ArgKP arguments, median {r['words']:.0f} words")
    n = args.new
    rows = [
        ("worker cold start (model load + first note)", f"{r['cold_start']:.1f} s"),
        (f"record {n} conversations (capture side)", f"{r['record']:.1f} s"),
        (f"first commit -> all {n} assigned", f"{r['assigned']:.1f} s"),
        (f"last commit -> all {n} assigned", f"{r['after_last']:.1f} s"),
        (
            f"Themes page, first render / again ({r['page_queries']} queries)",
            f"{r['page']:.2f} s / {r['page_warm']:.2f} s",
        ),
        ("assigned and visible (first commit -> page shown)", f"{r['visible']:.1f} s"),
        (f"import of {n} at once: store (one transaction)", f"{r['import_record']:.1f} s"),
        (f"import of {n} at once: commit -> all assigned", f"{r['import_assigned']:.1f} s"),
        (f"the model alone on the {n} texts, for reference", f"{r['model_only']:.1f} s"),
    ]
    for label, value in rows:
        print(f"  {label:<58} {value}")
    print(f"  unclear among the new: {r['unclear']}; page counts {r['themed_total']:,}")
    verdict = "reached" if r["visible"] <= target else "NOT reached"
    print(f"  target <= {target:.0f} s: {verdict}")


if __name__ == "__main__":
    sys.exit(main())
