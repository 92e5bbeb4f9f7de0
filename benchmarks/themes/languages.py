"""Do Heard's themes group notes by problem or by language? Measured on a mixed set we wrote.

data/mixed_languages.csv holds 12 problems a neighbourhood listening campaign hears, 10 English
and 10 Spanish notes each, written independently (not translations). The notes are themed as
`heard themes` themes them: ``find_themes`` with the CLI's own ``make_embedder`` (cached). Only the
top-level themes are scored; they are found before, and without, the sub-themes, so sub-themes
are skipped. Scores are scikit-learn's: AMI against the problem (target ≥ 0.6) and against the
language (target ≤ 0.1), NMI and ARI against the problem. Unclear notes (-1) count as one more
cluster, as in quality.py.

    .venv/bin/python benchmarks/themes/languages.py --out benchmarks/themes/RESULTS-languages.md
    .venv/bin/python benchmarks/themes/languages.py --embedder default,multilingual,minilm

``--embedder`` takes names separated by commas: ``default`` is what the CLI uses; the others are
classes of heard/analysis/embed.py listed in EMBEDDERS. A name whose class is not there yet is
reported on stderr and replaced by ``default``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    normalized_mutual_info_score,
)

from heard.analysis import embed
from heard.analysis.cache import SqliteEmbeddingCache
from heard.analysis.embed import CachedEmbedder, Embedder
from heard.analysis.pipeline import ThemeResult, find_themes
from heard.themes_cli import make_embedder

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "mixed_languages.csv"
#: Embedder name -> class name in heard.analysis.embed; "default" is the CLI's choice.
EMBEDDERS = {
    "minilm": "MiniLMEmbedder",
    "multilingual": "MultilingualEmbedder",
    "use": "MultilingualEmbedder",
}
TARGET_PROBLEM, TARGET_LANGUAGE = 0.6, 0.1


def load(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def resolve(names: list[str]) -> list[str]:
    """Known names in order, without repeats; a name whose class is missing becomes default."""
    chosen: list[str] = []
    for name in names:
        class_name = EMBEDDERS.get(name)
        if name != "default" and not (class_name and hasattr(embed, class_name)):
            why = f"{class_name} is not in heard.analysis.embed" if class_name else "unknown name"
            print(f"embedder {name!r}: {why}; using default", file=sys.stderr)
            name = "default"
        if name not in chosen:
            chosen.append(name)
    return chosen


def build_embedder(name: str, cache_dir: Path) -> Embedder:
    if name == "default":
        return make_embedder(cache_dir, True)
    return CachedEmbedder(getattr(embed, EMBEDDERS[name])(), SqliteEmbeddingCache(cache_dir))


def summary_row(name: str, result: ThemeResult, notes: list[dict[str, str]]) -> str:
    labels = result.note_themes
    problems = [note["problem"] for note in notes]
    languages = [note["language"] for note in notes]
    ami_problem = adjusted_mutual_info_score(problems, labels)
    ami_language = adjusted_mutual_info_score(languages, labels)
    met = ami_problem >= TARGET_PROBLEM and ami_language <= TARGET_LANGUAGE
    largest = max((theme.size for theme in result.themes), default=0) / len(notes)
    return (
        f"| {name} ({result.model_id}) | {len(result.themes)} / {len(set(problems))} "
        f"| {ami_problem:.3f} | {ami_language:.3f} "
        f"| {normalized_mutual_info_score(problems, labels):.3f} "
        f"| {adjusted_rand_score(problems, labels):.3f} | {largest:.1%} "
        f"| {result.unclear_count / len(notes):.1%} | {'yes' if met else 'no'} |"
    )


def theme_table(result: ThemeResult, notes: list[dict[str, str]]) -> list[str]:
    lines = [
        "| # | label | notes | English | Spanish | majority problem |",
        "|---|---|---|---|---|---|",
    ]
    rows = [(str(n), t.label, t.id) for n, t in enumerate(result.themes, start=1)]
    if result.unclear_count:
        rows.append(("–", "unclear", -1))
    for number, label, theme_id in rows:
        members = [notes[i] for i in np.flatnonzero(result.note_themes == theme_id)]
        languages = Counter(note["language"] for note in members)
        problem, count = Counter(note["problem"] for note in members).most_common(1)[0]
        lines.append(
            f"| {number} | {label} | {len(members)} | {languages['en']} | {languages['es']} "
            f"| {problem} ({count}/{len(members)}) |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--embedder", default="default", help="comma-separated names")
    parser.add_argument(
        "--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "heard-bench-cache"
    )
    parser.add_argument("--out", type=Path, help="also write the markdown report here")
    args = parser.parse_args()

    notes = load(args.data)
    texts = [note["text"] for note in notes]
    languages = Counter(note["language"] for note in notes)
    problems = len({note["problem"] for note in notes})
    results = {}
    for name in resolve(args.embedder.split(",")):
        embedder = build_embedder(name, args.cache_dir)
        results[name] = find_themes(texts, embedder=embedder, subthemes=False)

    lines = [
        "# Themes across languages: problem or language?",
        "",
        f"{len(notes)} notes ({languages['en']} English, {languages['es']} Spanish) on "
        f"{problems} problems, from `{args.data.name}`. Top-level themes of `find_themes` as "
        f"`heard themes` runs it (`default` is the CLI's embedder). Target: AMI vs problem "
        f"≥ {TARGET_PROBLEM}, AMI vs language ≤ {TARGET_LANGUAGE}. Unclear notes count as "
        "one more cluster.",
        "",
        "| embedder | themes / problems | AMI problem | AMI language | NMI problem "
        "| ARI problem | largest theme | unclear | target met |",
        "|---|---|---|---|---|---|---|---|---|",
        *(summary_row(name, result, notes) for name, result in results.items()),
    ]
    for name, result in results.items():
        lines += ["", f"## Themes with {name} ({result.model_id})", "", *theme_table(result, notes)]
    report = "\n".join(lines) + "\n"
    print(report, end="")
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
