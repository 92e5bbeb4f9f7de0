"""red-dwarf's opinion groups and consensus on a Polis export, in the files `heard opinions` writes.

Runs in red-dwarf's own virtual environment, never Heard's (red-dwarf is not a dependency):

    python3 -m venv /tmp/rd && /tmp/rd/bin/pip install red-dwarf==0.4.0
    /tmp/rd/bin/python benchmarks/opinions/reddwarf_reference.py EXPORT_DIR OUT_DIR [--time]

It reads votes.csv (every vote with its time; the latest vote of a participant on a comment counts,
as red-dwarf's own CSV loader does) and comments.csv (moderated -1 = moderated out), calls
`reddwarf.implementations.polis.run_pipeline` with its defaults, and writes OUT_DIR/groups.csv
(participant,group; blank = not clustered) and OUT_DIR/statements.csv (comment-id, consensus =
red-dwarf's group-aware consensus, common_ground by the issue's rule on red-dwarf's group counts:
every group's (agree+1)/(votes+2) >= 0.6 and at least 20 votes by the grouped voters). Moderated-out
comments are left unscored, as in Heard. With --time it prints the seconds run_pipeline took
(wall, then CPU).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np
from reddwarf.implementations.polis import run_pipeline

MIN_AGREE = 0.6
MIN_VOTES = 20


def read_votes(export: Path) -> list[dict]:
    latest: dict[tuple[int, int], tuple[int, int]] = {}
    with open(export / "votes.csv", newline="") as f:
        for row in csv.DictReader(f):
            key = (int(row["voter-id"]), int(row["comment-id"]))
            stamp = int(row["timestamp"])
            if key not in latest or stamp >= latest[key][0]:
                latest[key] = (stamp, int(row["vote"]))
    return [
        {"participant_id": p, "statement_id": c, "vote": v, "modified": t}
        for (p, c), (t, v) in latest.items()
    ]


def read_votes_from_matrix(export: Path) -> list[dict]:
    """For a synthetic export with no votes.csv: the participants-votes matrix as votes."""
    votes = []
    with open(export / "participants-votes.csv", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        columns = [(i, int(h)) for i, h in enumerate(header) if h.lstrip("-").isdigit()]
        for row in reader:
            for i, cid in columns:
                if row[i] != "":
                    votes.append(
                        {
                            "participant_id": int(row[0]),
                            "statement_id": cid,
                            "vote": int(float(row[i])),
                            "modified": 0,
                        }
                    )
    return votes


def moderated_out(export: Path) -> list[int]:
    with open(export / "comments.csv", newline="") as f:
        return [int(r["comment-id"]) for r in csv.DictReader(f) if r["moderated"].strip() == "-1"]


def _missing(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--time", action="store_true")
    args = parser.parse_args(argv)

    if (args.export / "votes.csv").exists():
        votes = read_votes(args.export)
    else:
        votes = read_votes_from_matrix(args.export)
    mod_out = moderated_out(args.export)
    started, cpu_started = time.perf_counter(), time.process_time()
    result = run_pipeline(votes=votes, mod_out_statement_ids=mod_out, random_state=0)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    args.out.mkdir(parents=True, exist_ok=True)
    participants = result.participants_df
    with open(args.out / "groups.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["participant", "group"])
        for pid, row in participants.iterrows():
            group = row["cluster_id"]
            w.writerow([pid, "" if _missing(group) else int(group)])

    stats = result.group_comment_stats  # index (group_id, statement_id): na, nd, ns, pa, ...
    groups = sorted(set(stats.index.get_level_values("group_id")))
    pa = np.array([stats.loc[g]["pa"].to_numpy() for g in groups])
    ns = np.array([stats.loc[g]["ns"].to_numpy() for g in groups])
    statement_ids = list(stats.loc[groups[0]].index)
    consensus = result.statements_df["group-aware-consensus"]
    out_set = set(mod_out)
    with open(args.out / "statements.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["comment-id", "consensus", "common_ground", "votes"])
        for j, sid in enumerate(statement_ids):
            if sid in out_set:
                w.writerow([sid, "", "", int(ns[:, j].sum())])
                continue
            common = bool((pa[:, j] >= MIN_AGREE).all() and ns[:, j].sum() >= MIN_VOTES)
            w.writerow([sid, f"{consensus[sid]:.6f}", str(common).lower(), int(ns[:, j].sum())])
    if args.time:
        print(f"{seconds:.3f} {cpu:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
