"""Small Polis exports written for the tests (never the shared real data)."""

from __future__ import annotations

import csv
from pathlib import Path

#: Two camps of 12 voters each that split on comments 0-5 and agree on 6 and 7; comment 8 is
#: moderated out; voter 99 voted on only 6 comments (too few to be grouped).
COMMENTS = {
    0: "Build more social housing downtown.",
    1: "Cap rents for three years.",
    2: "Tax empty homes.",
    3: "Let developers build higher near stations.",
    4: "Cut council fees for builders.",
    5: "Sell public land to developers.",
    6: "Everyone deserves a warm, dry home.",
    7: "Landlords must fix mould within a month.",
    8: "Spam: buy my course!",
}
MODERATED_OUT = 8
SHARED = (6, 7)


def camp_votes(camp: int, voter: int) -> dict[int, int]:
    """Camp 0 agrees with 0-2 and rejects 3-5; camp 1 the reverse; both agree with 6 and 7
    (one voter of each camp passes on 7). Both split on the moderated-out comment."""
    votes = {c: (1 if (c < 3) == (camp == 0) else -1) for c in range(6)}
    votes[6] = 1
    votes[7] = 0 if voter == 0 else 1
    votes[MODERATED_OUT] = 1 if camp == 0 else -1
    return votes


def participants() -> dict[int, dict[int, int]]:
    voters = {}
    for camp in (0, 1):
        for voter in range(12):
            voters[camp * 100 + voter] = camp_votes(camp, voter)
    voters[99] = {c: 1 for c in range(6)}  # six votes: on the map, not in a group
    return voters


def write_export(
    folder: Path,
    voters: dict[int, dict[int, int]] | None = None,
    comments: dict[int, str] | None = None,
    moderated_out: tuple[int, ...] = (MODERATED_OUT,),
) -> Path:
    """Write comments.csv and participants-votes.csv as Polis's openData lays them out."""
    voters = participants() if voters is None else voters
    comments = COMMENTS if comments is None else comments
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "comments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees",
             "moderated", "comment-body"]
        )  # fmt: skip
        for cid, text in comments.items():
            w.writerow([0, "", cid, 0, 0, 0, -1 if cid in moderated_out else 1, text])
    ids = sorted(comments)
    with open(folder / "participants-votes.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", *ids]
        )
        for pid, votes in voters.items():
            w.writerow([pid, "", 0, len(votes), 0, 0, *(votes.get(c, "") for c in ids)])
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as f:
        return list(csv.DictReader(f))
