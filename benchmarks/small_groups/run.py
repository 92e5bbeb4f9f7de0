"""CP-SAT against the greedy baseline on one seeded pool of 500, in the same run.

    .venv/bin/python benchmarks/small_groups/run.py [--seeds 3] [--time-limit 10] [--out RESULTS.md]

For each seed: the pool (pool.py), groups of 6-8, greedy then CP-SAT (2 workers, the time
limit). Prints, and writes to --out, one Markdown row per method and seed: mix score, objective,
bound and gap, groups, people left out, whether every group shares a concern (checked member by
member), wall time.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pool import synthetic_pool  # noqa: E402

from heard.smallgroups.solver import check, greedy_groups, solve  # noqa: E402

SIZE_MIN, SIZE_MAX = 6, 8


def row(method: str, seed: int, answer, pool, seconds: float) -> str:
    shares = "yes" if not check(answer, pool, SIZE_MIN, SIZE_MAX) else "NO"
    return (
        f"| {seed} | {method} | {answer.status} | {answer.mix} / {answer.mix_ceiling} "
        f"| {answer.objective:.0f} | {answer.bound:.0f} | {answer.gap:.1%} | {len(answer.groups)} "
        f"| {len(answer.left_out)} | {shares} | {seconds:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    lines = [
        f"Pool of {args.people}, 15 themes (1-3 concerns each), 7 neighbourhoods, 3 divides, "
        f"kindliness, venue; groups of {SIZE_MIN}-{SIZE_MAX}; CP-SAT {args.time_limit:g} s, "
        f"2 workers. Machine: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}.",
        "",
        "| seed | method | status | mix / ceiling | objective | bound | gap | groups | left out "
        "| every group shares a concern | wall s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for seed in range(1, args.seeds + 1):
        pool = synthetic_pool(args.people, seed=seed)
        started = time.perf_counter()
        greedy = greedy_groups(pool, SIZE_MIN, SIZE_MAX)
        lines.append(row("greedy", seed, greedy, pool, time.perf_counter() - started))
        started = time.perf_counter()
        answer = solve(pool, SIZE_MIN, SIZE_MAX, time_limit=args.time_limit, workers=2)
        lines.append(row("CP-SAT", seed, answer, pool, time.perf_counter() - started))
        print("\n".join(lines[-2:]), flush=True)
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
