"""From a Polis export to the two files and the summary `heard opinions` gives.

groups.csv: participant,group (group blank: fewer than 7 votes, not grouped, as in Polis).
statements.csv: one row a comment, highest consensus first: comment-id, consensus,
common_ground, votes (by grouped participants), agree-N (group N's agree rate, smoothed
(agree+1)/(votes+2) as the consensus multiplies it), representative-of, comment-body. A comment
moderated out or never voted on by a grouped participant is listed with consensus and
common_ground left blank: it is not scored.
"""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heard.opinions.maths import OpinionGroups, find_opinion_groups
from heard.opinions.polis_export import PolisExport

GROUPS_FILE = "groups.csv"
STATEMENTS_FILE = "statements.csv"
TOP = 5


@dataclass(frozen=True)
class OpinionReport:
    """An export and what the maths found, over the participants and comments that voted."""

    export: PolisExport
    participants: np.ndarray  # rows of export.votes kept (at least one vote)
    statements: np.ndarray  # columns of export.votes kept (at least one vote)
    groups: OpinionGroups

    @property
    def statement_ids(self) -> list[int]:
        return [self.export.statement_ids[j] for j in self.statements]

    def ranked(self) -> list[int]:
        """Kept columns, highest consensus first, unscored last (ties: lower comment id)."""
        ids = self.statement_ids
        consensus = self.groups.consensus
        return sorted(
            range(len(ids)),
            key=lambda j: (np.isnan(consensus[j]), -np.nan_to_num(consensus[j]), ids[j]),
        )


def analyse(export: PolisExport) -> OpinionReport:
    """Run Polis's maths on the export. Participants and comments with no vote are left out
    first: they say nothing, and Polis's matrix never holds them."""
    voted = ~np.isnan(export.votes)
    participants = np.flatnonzero(voted.any(axis=1))
    statements = np.flatnonzero(voted.any(axis=0))
    votes = export.votes[np.ix_(participants, statements)]
    groups = find_opinion_groups(votes, export.moderated_out[statements])
    return OpinionReport(export, participants, statements, groups)


def group_rows(report: OpinionReport) -> list[list[str]]:
    """participant,group for every participant of the export, in the export's order."""
    group_of = dict(zip(report.participants.tolist(), report.groups.group.tolist(), strict=True))
    rows = [["participant", "group"]]
    for row, participant in enumerate(report.export.participant_ids):
        group = group_of.get(row, -1)
        rows.append([participant, "" if group < 0 else str(group)])
    return rows


def statement_rows(report: OpinionReport) -> list[list[str]]:
    """One row a comment of comments.csv, highest consensus first; see the module docstring."""
    groups = report.groups
    rates = groups.agree_rates
    representing: dict[int, list[str]] = {}
    for g, chosen in enumerate(groups.representatives):
        for rep in chosen:
            representing.setdefault(rep.statement, []).append(f"{g} {rep.direction}")
    header = ["comment-id", "consensus", "common_ground", "votes"]
    header += [f"agree-{g}" for g in range(groups.k)] + ["representative-of", "comment-body"]
    rows = [header]
    ids = report.statement_ids
    for j in report.ranked():
        comment = report.export.comments[ids[j]]
        scored = bool(groups.scored[j])
        rows.append(
            [
                str(comment.id),
                f"{groups.consensus[j]:.6f}" if scored else "",
                ("true" if groups.common_ground[j] else "false") if scored else "",
                str(int(groups.votes[:, j].sum())),
                *(f"{rates[g, j]:.4f}" for g in range(groups.k)),
                "; ".join(representing.get(j, [])),
                comment.text,
            ]
        )
    voted = set(ids)
    for comment_id in sorted(report.export.comments):
        if comment_id not in voted:  # no votes at all: listed, not scored
            comment = report.export.comments[comment_id]
            rows.append([str(comment_id), "", "", "0", *([""] * groups.k), "", comment.text])
    return rows


def write_report(report: OpinionReport, out: Path) -> None:
    """Write groups.csv and statements.csv into `out` (made if missing), both or neither: each is
    written beside its final name and renamed only when both are complete."""
    out.mkdir(parents=True, exist_ok=True)
    pending: list[tuple[str, Path]] = []
    try:
        for name, rows in (
            (GROUPS_FILE, group_rows(report)),
            (STATEMENTS_FILE, statement_rows(report)),
        ):
            handle, temporary = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=".part")
            pending.append((temporary, out / name))
            with os.fdopen(handle, "w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(rows)
        for temporary, final in pending:
            os.replace(temporary, final)
    finally:
        for temporary, _ in pending:
            if os.path.exists(temporary):
                os.unlink(temporary)


def summary_lines(report: OpinionReport, width: int = 100) -> list[str]:
    """A short account for a person: who was grouped, the groups, the common ground, the top 5."""
    groups = report.groups
    grouped = int((groups.group >= 0).sum())
    sizes = ", ".join(f"group {g}: {n}" for g, n in enumerate(groups.group_sizes))
    lines = [
        f"Voters: {len(report.participants)} (of {len(report.export.participant_ids)} "
        f"participants); grouped: {grouped} (at least 7 votes)",
        f"Opinion groups: {groups.k}" + (f" ({sizes})" if sizes else ""),
        f"Comments scored: {int(groups.scored.sum())} of {len(report.export.comments)}; "
        f"common ground: {int(groups.common_ground.sum())}",
    ]
    if not groups.scored.any():
        lines.append("No comment is scored: nobody has voted on 7 comments yet.")
        return lines
    lines.append(f"Top {TOP} by group-informed consensus:")
    ids = report.statement_ids
    for j in report.ranked()[:TOP]:
        if not groups.scored[j]:
            break  # unscored comments are ranked last
        text = " ".join(report.export.comments[ids[j]].text.split())
        if len(text) > width:
            text = text[: width - 3].rstrip() + "..."
        marker = " (common ground)" if groups.common_ground[j] else ""
        lines.append(f"  {groups.consensus[j]:.3f}  #{ids[j]}{marker}  {text}")
    return lines
