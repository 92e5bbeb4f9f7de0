"""A seeded synthetic Polis export for timing: voters in a few opinion camps, sparse votes.

    .venv/bin/python benchmarks/opinions/synthetic.py OUT_DIR [--voters 2000] [--statements 900]

Writes OUT_DIR/comments.csv and OUT_DIR/participants-votes.csv in the openData layout (no
votes.csv). Each voter belongs to one of four camps with its own leaning per statement and votes
on a random share of the statements (between 0.3% and 50%, so some have fewer than 7 votes); 3% of
the statements are moderated out. The same seed gives the same files.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

CAMPS = 4


def synthetic_votes(voters: int, statements: int, seed: int = 0) -> np.ndarray:
    """voters x statements: 1, -1, 0 or NaN."""
    rng = np.random.default_rng(seed)
    leaning = rng.uniform(-1, 1, size=(CAMPS, statements))  # each camp's mean vote
    camp = rng.integers(0, CAMPS, size=voters)
    propensity = leaning[camp] + rng.normal(0, 0.5, size=(voters, statements))
    votes = np.where(propensity > 0.35, 1.0, np.where(propensity < -0.35, -1.0, 0.0))
    share = rng.uniform(0.003, 0.5, size=voters)[:, np.newaxis]
    seen = rng.random((voters, statements)) < share
    return np.where(seen, votes, np.nan)


def write_synthetic_export(folder: Path, voters: int, statements: int, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed + 1)
    votes = synthetic_votes(voters, statements, seed)
    moderated_out = rng.random(statements) < 0.03
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "comments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["comment-id", "author-id", "moderated", "comment-body"])
        for j in range(statements):
            w.writerow([j, 0, -1 if moderated_out[j] else 1, f"Synthetic statement {j}"])
    cells = {1.0: "1", -1.0: "-1", 0.0: "0"}
    with open(folder / "participants-votes.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["participant", "group-id", "n-comments", "n-votes", *range(statements)])
        for i, row in enumerate(votes):
            n = int((~np.isnan(row)).sum())
            w.writerow([i, "", 0, n, *("" if v != v else cells[v] for v in row)])
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--voters", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=900)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write_synthetic_export(args.out, args.voters, args.statements, args.seed)


if __name__ == "__main__":
    main()
