"""`heard opinions` against red-dwarf: agreement on the shared Polis exports, and time at scale.

    .venv/bin/python benchmarks/opinions/compare.py [--reddwarf-python /tmp/rd/bin/python]

For each export in ../shared/data/polis (read where it lies, never copied): runs `heard opinions`
(Heard's own command) and red-dwarf (reddwarf_reference.py in red-dwarf's own venv), then the
shared measure ../shared/eval/polis_compare.py: consensus Spearman, top-10 overlap, common-ground
F1, groups ARI; and each one's ARI with the groups Polis itself published (group-id in
participants-votes.csv). Then a seeded synthetic export of 2,000 voters x 900 statements: the
maths' wall and CPU time in process (read + groups + consensus; red-dwarf: run_pipeline),
medians of 3, and the whole command's wall time,
for both, and their agreement there too. Prints Markdown for RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_synthetic_export  # noqa: E402

from heard.opinions.polis_export import read_export  # noqa: E402
from heard.opinions.report import analyse  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
HERE = Path(__file__).resolve().parent
REPEATS = 3


def load_measure(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("polis_compare", eval_dir / "polis_compare.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def run(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return time.perf_counter() - started, done.stdout


def heard_cli(export: Path, out: Path) -> float:
    heard = ROOT / ".venv/bin/heard"
    return run([str(heard), "opinions", str(export), "--out", str(out)])[0]


def reddwarf(python: str, export: Path, out: Path) -> tuple[float, float, float]:
    """(wall seconds of the whole script, wall and CPU seconds inside run_pipeline)."""
    wall, printed = run(
        [python, str(HERE / "reddwarf_reference.py"), str(export), str(out), "--time"]
    )
    inside, cpu = printed.strip().splitlines()[-1].split()
    return wall, float(inside), float(cpu)


def polis_groups(export: Path) -> dict:
    with open(export / "participants-votes.csv", newline="") as f:
        return {
            int(r["participant"]): r["group-id"].strip()
            for r in csv.DictReader(f)
            if r["group-id"].strip()
        }


def ari_with_polis(measure, export: Path, out: Path) -> float | None:
    published = polis_groups(export)
    ours = measure.read_groups(out)
    shared = sorted(set(published) & set(ours))
    value = measure.ari([published[p] for p in shared], [ours[p] for p in shared])
    return None if value is None else round(value, 4)


def maths_seconds(export: Path) -> tuple[float, float]:
    """Median wall and CPU seconds of reading the export and finding groups and consensus."""
    times, cpu = [], []
    for _ in range(REPEATS):
        started, cpu_started = time.perf_counter(), time.process_time()
        analyse(read_export(export))
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return statistics.median(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # Where the README's command installs red-dwarf, outside Heard's venv.
    parser.add_argument("--reddwarf-python", default="/tmp/rd/bin/python")  # noqa: S108
    parser.add_argument("--data", type=Path, default=SHARED / "data/polis")
    parser.add_argument("--eval", type=Path, default=SHARED / "eval")
    args = parser.parse_args(argv)
    measure = load_measure(args.eval)
    work = Path(tempfile.mkdtemp(prefix="heard-opinions-bench-"))

    columns = [
        "export",
        "groups ARI",
        "heard k / red-dwarf k",
        "consensus Spearman",
        "top-10 overlap",
        "common-ground F1 (P / R; ref true)",
        "ARI with Polis's published groups: heard / red-dwarf",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|---|")
    for export in sorted(p for p in args.data.iterdir() if p.is_dir()):
        ours, ref = work / f"heard-{export.name}", work / f"reddwarf-{export.name}"
        heard_cli(export, ours)
        reddwarf(args.reddwarf_python, export, ref)
        m = measure.compare(ref, ours)
        counts = m["common_ground_counts"]
        print(
            f"| {export.name} | {m['groups_ari']} | {m['cand_k']} / {m['ref_k']} "
            f"| {m['consensus_spearman']} | {m['top10_overlap']} of 10 "
            f"| {m['common_ground_f1']} ({m['common_ground_precision']} / "
            f"{m['common_ground_recall']}; {counts['ref_true']}) "
            f"| {ari_with_polis(measure, export, ours)} / {ari_with_polis(measure, export, ref)} |"
        )

    synthetic = write_synthetic_export(work / "synthetic", voters=2000, statements=900, seed=0)
    ours, ref = work / "heard-synthetic", work / "reddwarf-synthetic"
    heard_maths, heard_cpu = maths_seconds(synthetic)
    heard_wall = statistics.median(heard_cli(synthetic, ours) for _ in range(REPEATS))
    runs = [reddwarf(args.reddwarf_python, synthetic, ref) for _ in range(REPEATS)]
    rd_wall = statistics.median(wall for wall, _, _ in runs)
    rd_maths = statistics.median(inside for _, inside, _ in runs)
    rd_cpu = statistics.median(cpu for _, _, cpu in runs)
    m = measure.compare(ref, ours)
    print()
    print("| 2,000 voters x 900 statements (seed 0) | heard | red-dwarf | red-dwarf / heard |")
    print("|---|---|---|---|")
    print(
        f"| groups and consensus, in process (median of {REPEATS}) | {heard_maths:.2f} s "
        f"| {rd_maths:.2f} s | {rd_maths / heard_maths:.1f}x |"
    )
    print(
        f"| the same, CPU time (all threads) | {heard_cpu:.2f} s | {rd_cpu:.2f} s "
        f"| {rd_cpu / heard_cpu:.1f}x |"
    )
    print(
        f"| the whole command (start-up, read, write; median of {REPEATS}) | {heard_wall:.2f} s "
        f"| {rd_wall:.2f} s | {rd_wall / heard_wall:.1f}x |"
    )
    print(
        f"\nAgreement on the synthetic export: groups ARI {m['groups_ari']}, consensus "
        f"Spearman {m['consensus_spearman']}, top-10 overlap {m['top10_overlap']}, "
        f"common-ground F1 {m['common_ground_f1']}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
