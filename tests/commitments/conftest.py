import datetime as dt

import pytest
from django.utils import timezone
from factories import CommitmentFactory

from heard.commitments.models import Commitment


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def promises(ours, may, today):
    """One commitment in each group: Lee's conversation holds the overdue and the done one,
    May's the one due this week, the later one (owned by May) and the dropped one."""
    by_lee, by_may = ours.by_lee, ours.by_may
    by_lee.held_on = by_may.held_on = today - dt.timedelta(days=60)
    by_lee.save()
    by_may.save()
    make = CommitmentFactory
    return {
        "overdue": make(
            conversation=by_lee,
            person=ours.rosa,
            what="Call the landlord",
            due_on=today - dt.timedelta(days=3),
        ),
        "week": make(
            conversation=by_may,
            person=ours.sam,
            what="Bring two neighbours",
            side=Commitment.Side.PERSON,
            due_on=today + dt.timedelta(days=2),
        ),
        "later": make(
            conversation=by_may,
            person=ours.sam,
            what="Find a meeting room",
            side=Commitment.Side.ORGANIZER,
            owner=may.user,
            due_on=today + dt.timedelta(days=30),
        ),
        "done": make(
            conversation=by_lee,
            person=ours.rosa,
            what="Write to the council",
            status=Commitment.Status.DONE,
            due_on=today - dt.timedelta(days=10),
        ),
        "dropped": make(
            conversation=by_may,
            person=ours.sam,
            what="Start a petition",
            status=Commitment.Status.DROPPED,
            due_on=today - dt.timedelta(days=5),
        ),
    }
