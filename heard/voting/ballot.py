"""What the public voting page shows one phone: the next statement, how far along it is, and
its own votes to change.

Each phone sees the ballot in its own shuffled order (seeded by its device id, so a reload shows
the same statement): as in Polis, no statement gets all the first, fresh votes and another only
the tired last ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .models import Poll, Statement
from .queries import ballot_ids, ballot_of, statement_text, votes_of_device
from .services import device_key


@dataclass
class BallotPage:
    poll: Poll
    statement: Statement | None  # None: every statement answered
    number: int  # "12 of 40": this statement's number
    total: int
    current: int | None = None  # the phone's vote on this statement, when changing it
    answered: list[tuple[Statement, int]] = field(default_factory=list)  # at the end


def ballot_page(poll: Poll, device_id: str, asked: int | None = None) -> BallotPage:
    """The statement to show: the one asked for (changing a vote) when it is on the ballot,
    else the phone's next unanswered one in its own order.

    Three queries whatever the ballot's size (its ids, this phone's votes, the one statement's
    text), and the shuffle in numpy: a poll of 900 statements answers as fast as one of 20."""
    key = device_key(device_id)
    ids = np.array(ballot_ids(poll), dtype=np.int64)
    seed = int.from_bytes(bytes.fromhex(key[:16]), "big")
    order = ids[np.random.default_rng(seed).permutation(len(ids))].tolist()
    votes = votes_of_device(poll, key)
    total = len(order)
    if asked is not None and asked in set(order):
        return BallotPage(
            poll, statement_text(asked), order.index(asked) + 1, total, votes.get(asked)
        )
    remaining = [pk for pk in order if pk not in votes]
    if remaining:
        return BallotPage(poll, statement_text(remaining[0]), total - len(remaining) + 1, total)
    texts = ballot_of(poll).in_bulk(order)
    answered = [(texts[pk], votes[pk]) for pk in order]
    return BallotPage(poll, None, total, total, answered=answered)
