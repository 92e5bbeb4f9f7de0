"""What the public voting page shows one phone: the next statement, how far along it is, and
its own votes to change.

Each phone sees the ballot in its own shuffled order (seeded by its device id, so a reload shows
the same statement): as in Polis, no statement gets all the first, fresh votes and another only
the tired last ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .models import Poll, Statement
from .queries import ballot_of, voter_by_device, votes_of
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
    else the phone's next unanswered one in its own order."""
    order = list(ballot_of(poll).order_by("position", "id").values_list("pk", flat=True))
    random.Random(device_key(device_id)).shuffle(order)
    voter = voter_by_device(poll, device_key(device_id))
    votes = votes_of(voter)
    done = sum(1 for pk in order if pk in votes)
    total = len(order)
    if asked in order:
        statement = ballot_of(poll).get(pk=asked)
        return BallotPage(poll, statement, order.index(asked) + 1, total, votes.get(asked))
    remaining = [pk for pk in order if pk not in votes]
    if remaining:
        statement = ballot_of(poll).get(pk=remaining[0])
        return BallotPage(poll, statement, done + 1, total)
    texts = ballot_of(poll).in_bulk(order)
    answered = [(texts[pk], votes[pk]) for pk in order]
    return BallotPage(poll, None, total, total, answered=answered)
