"""Stability of themes across re-runs: theme a campaign, add 10% more notes, re-run.

    .venv/bin/python benchmarks/themes/stability.py [--out benchmarks/themes/RESULTS-stability.md]

Sets: ArgKP dev and train, all arguments (the topic level), and the demo campaign's notes as
stored in /work/shared/repro/rerun-collapse.sqlite3 (demo data only). For each: 90% of the notes
(a seeded draw) are themed, then all of them with ``previous`` set to the first run's themes,
as the app's re-run does; ARI between the two runs on the first 90% (target >= 0.8). Then a
third run from the second's themes with nothing new: how many notes moved (target 0).
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from heard.analysis.embed import default_embedder
from heard.analysis.group import group

DATA = Path("/work/shared/data/argkp")
REPRO = Path("/work/shared/repro/rerun-collapse.sqlite3")


def argkp(split: str) -> list[str]:
    with open(DATA / f"arguments_{split}.csv", newline="") as handle:
        return [row["argument"] for row in csv.DictReader(handle)]


def demo() -> list[str]:
    """Campaign 1's notes as the app builds them: its problem and issues answers."""
    with sqlite3.connect(f"file:{REPRO}?mode=ro", uri=True) as db:
        rows = db.execute(
            "select a.conversation_id, a.text from conversations_answer a "
            "join campaigns_guidequestion q on q.id = a.question_id "
            "join conversations_conversation c on c.id = a.conversation_id "
            "where c.campaign_id = 1 and q.purpose in ('problem', 'issues') "
            "order by a.conversation_id, q.position"
        ).fetchall()
    notes: dict[str, list[str]] = {}
    for conversation, text in rows:
        notes.setdefault(conversation, []).append(text)
    return [" ".join(parts) for parts in notes.values()]


def moved(before: np.ndarray, after: np.ndarray) -> int:
    """Notes in another theme after the re-run, themes matched one-to-one by shared notes
    (a re-run may number two equal-sized themes the other way round)."""
    from scipy.optimize import linear_sum_assignment

    shift = 1  # unclear (-1) becomes row / column 0
    table = np.zeros((before.max() + 2, after.max() + 2))
    np.add.at(table, (before + shift, after + shift), 1)
    rows, cols = linear_sum_assignment(-table)
    return int(len(before) - table[rows, cols].sum())


def measure(texts: list[str], seed: int = 0) -> dict[str, float]:
    vectors = default_embedder().embed(texts)
    rng = np.random.default_rng(seed)
    old = np.sort(rng.permutation(len(texts))[: int(len(texts) / 1.1)])
    start = time.perf_counter()
    first = group(vectors[old])
    previous = np.full(len(texts), -1)
    previous[old] = first.labels
    second = group(vectors, previous=previous)
    third = group(vectors, previous=second.labels)
    return {
        "notes": len(texts),
        "themes_first": first.theme_count,
        "themes_rerun": second.theme_count,
        "ari_old_notes": adjusted_rand_score(first.labels, second.labels[old]),
        "moved_with_nothing_new": moved(second.labels, third.labels),
        "seconds": time.perf_counter() - start,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the markdown table here too")
    args = parser.parse_args(argv)
    sets = {"ArgKP dev (topics)": argkp("dev"), "ArgKP train (topics)": argkp("train")}
    if REPRO.exists():
        sets["demo campaign"] = demo()
    lines = [
        "| set | notes | themes (90%) | themes (re-run) | ARI on old notes | moved, nothing new |",
        "|---|---|---|---|---|---|",
    ]
    for name, texts in sets.items():
        m = measure(texts)
        lines.append(
            f"| {name} | {m['notes']} | {m['themes_first']} | {m['themes_rerun']} | "
            f"{m['ari_old_notes']:.3f} | {m['moved_with_nothing_new']} |"
        )
        print(lines[-1], flush=True)
    if args.out:
        args.out.write_text(
            "# Stability of themes across re-runs\n\n"
            "Command: `.venv/bin/python benchmarks/themes/stability.py "
            "--out benchmarks/themes/RESULTS-stability.md`. Targets: ARI >= 0.8 on the old notes; "
            "nothing moves when nothing is new.\n\n" + "\n".join(lines) + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
