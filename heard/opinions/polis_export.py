"""Reading a Polis export (the openData layout) into a vote matrix, refusing what cannot be read.

An export folder holds, among other files:

- comments.csv: one row a comment; Heard reads comment-id, moderated (1 in, 0 not yet moderated,
  -1 moderated out) and comment-body;
- participants-votes.csv: one row a participant: participant, then a few counts (group-id,
  n-comments, n-votes, n-agree, n-disagree, all ignored: Heard computes its own), then one column
  per comment named by its id, each cell 1 agree, -1 disagree, 0 pass, blank not seen.

Every problem is reported with the file, the line and the column at fault, so an organizer can
open the file and fix it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

COMMENTS = "comments.csv"
VOTES = "participants-votes.csv"
COMMENT_COLUMNS = ("comment-id", "moderated", "comment-body")
PARTICIPANT_COLUMN = "participant"
MODERATED_OUT = -1
#: A vote cell as written in an export: 1 agree, -1 disagree, 0 pass, blank not seen.
VOTE_VALUES = {"": np.nan, "1": 1.0, "-1": -1.0, "0": 0.0, "1.0": 1.0, "-1.0": -1.0, "0.0": 0.0}


class BadExport(Exception):
    """The export cannot be read as given; the message names the file, line and column."""


@dataclass(frozen=True)
class Comment:
    id: int
    text: str
    moderated: int


@dataclass(frozen=True)
class PolisExport:
    """The comments, and the votes as a participants x statements matrix.

    `statement_ids[j]` is the comment id of column j; a comment with no column was never voted on.
    """

    comments: dict[int, Comment]
    participant_ids: list[str]
    statement_ids: list[int]
    votes: np.ndarray  # float: 1, -1, 0, NaN

    @property
    def moderated_out(self) -> np.ndarray:
        """Per column: the comment was moderated out (never scored)."""
        return np.array(
            [self.comments[c].moderated == MODERATED_OUT for c in self.statement_ids], dtype=bool
        )


def read_export(folder: Path) -> PolisExport:
    """Read comments.csv and participants-votes.csv from `folder`, or raise BadExport."""
    if not folder.is_dir():
        raise BadExport(f"{folder} is not a folder: give the folder holding {COMMENTS} and {VOTES}")
    comments = read_comments(folder / COMMENTS)
    participants, statements, votes = read_votes(folder / VOTES, comments)
    return PolisExport(comments, participants, statements, votes)


def _rows(path: Path) -> tuple[list[str], Any]:
    """The header and a reader of the remaining rows, or BadExport if the file cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise BadExport(f"{path} is missing: a Polis export has {COMMENTS} and {VOTES}") from error
    except OSError as error:
        raise BadExport(f"cannot read {path}: {error.strerror or error}") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BadExport(f"{path} line {line}: not UTF-8 text (save it as UTF-8)") from error
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise BadExport(f"{path} is empty: it needs a header row naming its columns") from None
    except csv.Error as error:
        raise BadExport(f"{path} line 1: {error}") from error
    return [name.strip() for name in header], reader


def _columns(path: Path, header: list[str], wanted: tuple[str, ...]) -> dict[str, int]:
    missing = [name for name in wanted if name not in header]
    if missing:
        raise BadExport(
            f"{path} has no column {', '.join(repr(m) for m in missing)} "
            f"(its columns: {', '.join(header[:12])}{', ...' if len(header) > 12 else ''})"
        )
    return {name: header.index(name) for name in wanted}


def _whole_number(path: Path, line: int, column: str, value: str) -> int:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not number.is_integer():
        raise BadExport(f"{path} line {line}, column {column!r}: {value!r} is not a whole number")
    return int(number)


def _data_rows(path: Path, header: list[str], reader) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each row that is not blank, each as long as the header; a row that is
    not gets a message naming its line, as does a line the csv module cannot read."""
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise BadExport(
                    f"{path} line {reader.line_num}: {len(row)} cells where the header names "
                    f"{len(header)}"
                )
            yield reader.line_num, row
    except csv.Error as error:
        raise BadExport(f"{path} line {reader.line_num}: {error}") from error


def read_comments(path: Path) -> dict[int, Comment]:
    """comments.csv as {comment id: Comment}."""
    header, reader = _rows(path)
    at = _columns(path, header, COMMENT_COLUMNS)
    comments: dict[int, Comment] = {}
    for line, row in _data_rows(path, header, reader):
        comment_id = _whole_number(path, line, "comment-id", row[at["comment-id"]])
        if comment_id in comments:
            raise BadExport(f"{path} line {line}, column 'comment-id': {comment_id} twice")
        moderated = row[at["moderated"]].strip()
        if moderated not in ("-1", "0", "1"):
            raise BadExport(
                f"{path} line {line}, column 'moderated': {moderated!r} is not -1, 0 or 1"
            )
        comments[comment_id] = Comment(comment_id, row[at["comment-body"]], int(moderated))
    return comments


def _comment_columns(
    path: Path, header: list[str], comments: dict[int, Comment]
) -> list[tuple[int, int]]:
    """(position, comment id) of each vote column: those whose header is a number."""
    columns: list[tuple[int, int]] = []
    for position, name in enumerate(header):
        if not name.lstrip("-").isdigit():
            continue  # participant, group-id, n-votes, ...: Polis's own summaries
        comment_id = int(name)
        if any(comment_id == known for _, known in columns):
            raise BadExport(f"{path} line 1, column {position + 1}: comment {comment_id} twice")
        if comment_id not in comments:
            raise BadExport(
                f"{path} line 1, column {position + 1} ({name!r}): comment {comment_id} is not "
                f"in {COMMENTS}"
            )
        columns.append((position, comment_id))
    if not columns:
        raise BadExport(f"{path} line 1: no comment columns (a column per comment id)")
    return columns


def read_votes(path: Path, comments: dict[int, Comment]) -> tuple[list[str], list[int], np.ndarray]:
    """participants-votes.csv as (participant ids, comment id per column, votes)."""
    header, reader = _rows(path)
    participant_at = _columns(path, header, (PARTICIPANT_COLUMN,))[PARTICIPANT_COLUMN]
    columns = _comment_columns(path, header, comments)
    positions = [position for position, _ in columns]
    participants: list[str] = []
    seen: set[str] = set()
    rows: list[list[float]] = []
    for line, row in _data_rows(path, header, reader):
        participant = row[participant_at].strip()
        if not participant:
            raise BadExport(f"{path} line {line}, column 'participant': empty")
        if participant in seen:
            raise BadExport(f"{path} line {line}, column 'participant': {participant} twice")
        seen.add(participant)
        try:
            rows.append([VOTE_VALUES[row[p].strip()] for p in positions])
        except KeyError:
            position = next(p for p in positions if row[p].strip() not in VOTE_VALUES)
            raise BadExport(
                f"{path} line {line} (participant {participant}), column "
                f"{header[position]!r}: {row[position]!r} is not a vote "
                "(1 agree, -1 disagree, 0 pass, blank not seen)"
            ) from None
        participants.append(participant)
    votes = np.array(rows, dtype=float).reshape(len(rows), len(columns))
    return participants, [comment_id for _, comment_id in columns], votes
