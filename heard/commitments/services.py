"""Writes for commitments: closing a promise (done or dropped, with a note), opening it again,
and moving its due date. Each checks who may change it and runs in one transaction."""

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from heard.accounts.models import Membership

from .models import CalendarFeed, Commitment
from .queries import may_change
from .rules import due_date_problem


def _check(by: Membership, commitment: Commitment) -> None:
    if not may_change(by, commitment):
        raise PermissionDenied("Only organizers or whoever held the conversation change it.")


def close_commitment(
    *, by: Membership, commitment: Commitment, status: str, note: str = ""
) -> Commitment:
    """Mark a commitment done or dropped, saying who and when, with an optional note."""
    if status not in (Commitment.Status.DONE, Commitment.Status.DROPPED):
        raise ValueError(f"A commitment is closed as done or dropped, not {status!r}.")
    _check(by, commitment)
    with transaction.atomic():
        commitment.status = status
        commitment.closed_note = note.strip()[:400]
        commitment.closed_at = timezone.now()
        commitment.closed_by = by.user
        commitment.save(update_fields=["status", "closed_note", "closed_at", "closed_by"])
    return commitment


def mark_done(*, by: Membership, commitment: Commitment, note: str = "") -> Commitment:
    return close_commitment(by=by, commitment=commitment, status=Commitment.Status.DONE, note=note)


def mark_dropped(*, by: Membership, commitment: Commitment, note: str = "") -> Commitment:
    return close_commitment(
        by=by, commitment=commitment, status=Commitment.Status.DROPPED, note=note
    )


def reopen_commitment(*, by: Membership, commitment: Commitment) -> Commitment:
    """Open a closed commitment again (marked by mistake): the closing note goes with it."""
    _check(by, commitment)
    with transaction.atomic():
        commitment.status = Commitment.Status.OPEN
        commitment.closed_note = ""
        commitment.closed_at = None
        commitment.closed_by = None
        commitment.save(update_fields=["status", "closed_note", "closed_at", "closed_by"])
    return commitment


def change_due_date(*, by: Membership, commitment: Commitment, due_on: dt.date) -> Commitment:
    """Move the due date, within the same bounds the capture form sets (from the conversation's
    day to two years after it; a commitment without a conversation counts from today or its
    old due date, whichever is earlier)."""
    _check(by, commitment)
    if commitment.conversation is not None:
        held_on = commitment.conversation.held_on
    else:
        held_on = min(commitment.due_on, timezone.localdate())
    problem = due_date_problem(due_on, held_on=held_on)
    if problem:
        raise ValidationError({"due_on": problem})
    with transaction.atomic():
        commitment.due_on = due_on
        commitment.save(update_fields=["due_on"])
    return commitment


def update_commitment(
    *, by: Membership, commitment: Commitment, status: str, note: str = "", due_on=None
) -> Commitment:
    """What the commitments page's row form asks for, all or nothing: a new due date, then the
    status (reopened, or closed as done or dropped with its note). Unchanged parts are left."""
    with transaction.atomic():
        if due_on and due_on != commitment.due_on:
            change_due_date(by=by, commitment=commitment, due_on=due_on)
        if status == Commitment.Status.OPEN:
            if commitment.status != Commitment.Status.OPEN:
                reopen_commitment(by=by, commitment=commitment)
        elif status != commitment.status or note != commitment.closed_note:
            close_commitment(by=by, commitment=commitment, status=status, note=note)
    return commitment


def reset_calendar_feed(*, by: Membership) -> CalendarFeed:
    """Give the member a new secret calendar link (the first, or one replacing a link that was
    shared too widely): the old token stops opening anything at once."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(
            membership=by, defaults={"token": secrets.token_urlsafe(32)}
        )
        if not created:
            feed.token = secrets.token_urlsafe(32)
            feed.save(update_fields=["token", "created_at"])
    return feed
