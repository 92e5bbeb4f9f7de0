"""`heard themes`: find themes in a CSV of notes, with no database and no network.

    heard themes notes.csv --text-column note [--id-column id] [--out themes.csv]

Writes one row per input row (id, theme, theme_label, subtheme, subtheme_label, score) and prints
a report: themes with their sizes, labels, three quotes each, and sub-themes, numbered the same
in both ("3" a theme, "3.2" one of its sub-themes). A bad file is refused with the row or column
at fault (exit code 2) and nothing is written; the output appears only when complete.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from heard.analysis.embed import Embedder, ModelFileError, Progress

UNCLEAR_LABEL = "unclear"
COLUMNS = ("id", "theme", "theme_label", "subtheme", "subtheme_label", "score")
QUOTE_WIDTH = 220


class BadInput(Exception):
    """The CSV cannot be themed as given; the message says where and why."""


@dataclass(frozen=True)
class Notes:
    ids: list[str]
    texts: list[str]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="heard themes",
        description=(
            "Find the themes in a CSV of notes, in the notes' own words, entirely on this "
            "machine. Writes each note's theme to a CSV and prints a report with labels, sizes, "
            "quotes and sub-themes. An empty note is counted as unclear (theme -1)."
        ),
        epilog=(
            "In OUT.csv, theme is the theme's number in the report (1 = the largest) or -1 for "
            "a note that fits no theme; subtheme is the sub-theme's number in the report (3.2 = "
            "the second sub-theme of theme 3), empty when the theme was not opened into "
            "sub-themes or the note fits none of them; score is the note's cosine similarity to "
            "its theme's centre (higher fits better). Exit codes: 0 done, 1 model files "
            "missing or changed, 2 unusable input (the message names the row or column)."
        ),
    )
    parser.add_argument("input", metavar="INPUT.csv", type=Path, help="UTF-8 CSV with a header.")
    parser.add_argument(
        "--text-column", required=True, metavar="TEXT", help="Column holding each note's text."
    )
    parser.add_argument(
        "--id-column",
        metavar="ID",
        help="Column holding each note's id (must be unique); default: the row number (1, 2, ...).",
    )
    parser.add_argument(
        "--out",
        metavar="OUT.csv",
        type=Path,
        help=f"Where to write {','.join(COLUMNS)}; default: INPUT-themes.csv beside INPUT.",
    )
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        help="Folder of the embedding cache (each text is embedded once, ever); default: "
        "$HEARD_CACHE_DIR, else ~/.cache/heard/embeddings.",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="Neither read nor write the embedding cache."
    )
    parser.add_argument(
        "--no-subthemes", action="store_true", help="Do not open themes into sub-themes."
    )
    parser.add_argument(
        "--language",
        choices=["en", "es"],
        default="en",
        help="The language a theme whose notes mix English and Spanish is labelled in "
        "(default: en); its keywords keep both languages' words.",
    )
    parser.add_argument("--quiet", action="store_true", help="No progress line on stderr.")
    return parser


def read_notes(path: Path, text_column: str, id_column: str | None) -> Notes:
    """Read ids and texts, or raise BadInput naming the line, row or column at fault."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BadInput(f"cannot read {path}: {error.strerror or error}") from error
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BadInput(
            f"{path} is not UTF-8 text: byte 0x{raw[error.start]:02x} on line {line} "
            "(save the file as UTF-8 and try again)"
        ) from error
    if not content.strip():
        raise BadInput(f"{path} is empty: it needs a header row naming its columns")
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    try:
        header = next(reader)
        columns = {name: position for position, name in reversed(list(enumerate(header)))}
        text_at = _column(path, header, columns, text_column)
        id_at = _column(path, header, columns, id_column) if id_column else None
        ids: list[str] = []
        texts: list[str] = []
        first_row_of: dict[str, int] = {}
        for cells in reader:
            if not cells:  # a blank line is not a note
                continue
            row = len(texts) + 1
            if len(cells) != len(header):
                raise BadInput(
                    f"{path}, row {row} (line {reader.line_num}): {len(cells)} cells, "
                    f"but the header has {len(header)}"
                )
            note_id = cells[id_at].strip() if id_at is not None else str(row)
            if not note_id:
                raise BadInput(f"{path}, row {row} (line {reader.line_num}): empty {id_column!r}")
            if note_id in first_row_of:
                raise BadInput(
                    f"{path}, row {row} (line {reader.line_num}): id {note_id!r} is already "
                    f"used by row {first_row_of[note_id]}; ids in {id_column!r} must be unique"
                )
            first_row_of[note_id] = row
            ids.append(note_id)
            texts.append(cells[text_at])
    except csv.Error as error:
        raise BadInput(f"{path}, line {reader.line_num}: not valid CSV ({error})") from error
    if not texts:
        raise BadInput(f"{path} has a header but no rows")
    if not any(text.strip() for text in texts):
        raise BadInput(f"{path}: every cell of {text_column!r} is empty; is that the right column?")
    return Notes(ids, texts)


def _column(path: Path, header: list[str], columns: dict[str, int], name: str) -> int:
    if name not in columns:
        listed = ", ".join(repr(column) for column in header)
        raise BadInput(f"{path} has no column {name!r}; its columns are: {listed}")
    if header.count(name) > 1:
        raise BadInput(f"{path} has more than one column named {name!r}")
    return columns[name]


def make_embedder(cache_dir: Path | None, use_cache: bool) -> Embedder:
    """The model (or ``$HEARD_EMBEDDER``, a dotted class path, e.g. for tests), cached."""
    from heard.analysis.cache import SqliteEmbeddingCache
    from heard.analysis.embed import CachedEmbedder, default_embedder

    configured = os.environ.get("HEARD_EMBEDDER")
    if configured:
        module, _, name = configured.replace(":", ".").rpartition(".")
        embedder: Embedder = getattr(importlib.import_module(module), name)()
    else:
        embedder = default_embedder()
    if not use_cache:
        return embedder
    return CachedEmbedder(embedder, SqliteEmbeddingCache(cache_dir))


def progress_line(enabled: bool) -> Progress | None:
    """A progress callback rewriting one stderr line, at most a few times a second.

    The notes are embedded, then (for sub-themes) each theme's notes again without the words
    the whole theme shares; the count restarting marks the second pass.
    """
    if not enabled or not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {"shown": 0.0, "pass": 0}
    passes = ["embedding notes", "embedding notes for sub-themes"]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - state["shown"] < 0.25:
            return
        state["shown"] = now
        sys.stderr.write(f"\r{passes[state['pass']]}: {done:,}/{total:,}\x1b[K")
        if done >= total:
            sys.stderr.write("\n")
            state["pass"] = min(state["pass"] + 1, len(passes) - 1)
        sys.stderr.flush()

    return show


def write_atomically(path: Path, rows: Sequence[Sequence[object]]) -> None:
    """Write a CSV to a temporary file beside ``path``, then rename: never a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed before the rename below
        "w", encoding="utf-8", newline="", dir=path.parent, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            csv.writer(handle).writerows(rows)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None, *, embedder: Embedder | None = None) -> int:
    """Run `heard themes`; returns the exit code (0 done, 1 model problem, 2 bad input)."""
    args = build_parser().parse_args(argv)
    out = args.out or args.input.with_name(f"{args.input.stem}-themes.csv")
    try:
        if out.resolve() == args.input.resolve():
            raise BadInput(f"--out {out} would overwrite the input; choose another file")
        notes = read_notes(args.input, args.text_column, args.id_column)
    except BadInput as error:
        print(f"heard themes: {error}", file=sys.stderr)
        return 2

    from heard.analysis.pipeline import find_themes

    try:
        result = find_themes(
            notes.texts,
            embedder=embedder or make_embedder(args.cache_dir, not args.no_cache),
            subthemes=not args.no_subthemes,
            language=args.language,
            progress=progress_line(not args.quiet),
        )
    except ModelFileError as error:
        print(f"heard themes: {error}", file=sys.stderr)
        return 1
    write_atomically(out, [COLUMNS, *note_rows(notes.ids, result)])
    print(report(notes.texts, result, out))
    return 0


def note_rows(ids: Sequence[str], result: object) -> list[list[object]]:
    """One row per note, in input order, numbered as the report numbers themes and sub-themes."""
    from heard.analysis.pipeline import ThemeResult

    assert isinstance(result, ThemeResult)
    numbers = theme_numbers(result)
    labels = {theme.id: theme.label for theme in result.all_themes()}
    rows: list[list[object]] = []
    for note_id, theme, subtheme, score in zip(
        ids, result.note_themes, result.note_subthemes, result.note_scores, strict=True
    ):
        if theme < 0:
            rows.append([note_id, -1, UNCLEAR_LABEL, "", "", f"{score:.3f}"])
            continue
        sub = int(subtheme)
        rows.append(
            [
                note_id,
                numbers[int(theme)],
                labels[int(theme)],
                numbers[sub] if sub >= 0 else "",
                labels[sub] if sub >= 0 else "",
                f"{score:.3f}",
            ]
        )
    return rows


def theme_numbers(result: object) -> dict[int, str]:
    """Each theme's and sub-theme's number in the report, by id: "3" is the third largest
    theme, "3.2" its second sub-theme. The CSV uses the same, so the two agree."""
    from heard.analysis.pipeline import ThemeResult

    assert isinstance(result, ThemeResult)
    numbers: dict[int, str] = {}
    for number, theme in enumerate(result.themes, start=1):
        numbers[theme.id] = str(number)
        for sub_number, child in enumerate(theme.children, start=1):
            numbers[child.id] = f"{number}.{sub_number}"
    return numbers


def report(texts: Sequence[str], result: object, out: Path) -> str:
    """The printed summary: themes, shares, labels, quotes, sub-themes; then where rows went."""
    from heard.analysis.pipeline import ThemeResult

    assert isinstance(result, ThemeResult)
    total = len(texts)
    empty = sum(1 for text in texts if not text.strip())
    numbers = theme_numbers(result)
    lines = [
        f"{len(result.themes)} themes in {total:,} notes"
        f" ({result.unclear_count:,} unclear, {result.unclear_count / total:.1%}).",
        "",
    ]
    for theme in result.themes:
        lines.append(
            f"{numbers[theme.id]}. {theme.label} — {theme.size:,} notes ({theme.share:.1%})"
        )
        lines.extend(f"     “{_quote(texts[index])}”" for index in theme.quote_indices)
        for child in theme.children:
            lines.append(
                f"   {numbers[child.id]} {child.label} — {child.size:,} notes "
                f"({child.share:.0%} of this theme)"
            )
            lines.extend(f"        “{_quote(texts[i])}”" for i in child.quote_indices[:1])
        lines.append("")
    if result.unclear_count:
        lines.append(
            f"Unclear: {result.unclear_count:,} notes fit no theme"
            + (f" ({empty:,} of them empty)." if empty else ".")
        )
    lines.append(f"Wrote {','.join(COLUMNS)} for {total:,} notes to {out}")
    return "\n".join(lines)


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_WIDTH else flat[: QUOTE_WIDTH - 1].rstrip() + "…"


if __name__ == "__main__":
    sys.exit(main())
