"""Reads of the audit log and of what Heard holds about one person.

The log is read only by the organization's administrators, and only their organization's
events: `audit_events_for` is the one door to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from heard.accounts.models import Membership
from heard.campaigns.models import SignUp
from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Participant, Quote
from heard.leadership.models import Assessment
from heard.people.models import Consent, Person, Relationship
from heard.themes.models import ThemeAssignment

from .models import AuditEvent


def audit_events_for(membership: Membership) -> QuerySet[AuditEvent]:
    """The organization's own events, newest first."""
    return AuditEvent.objects.filter(organization=membership.organization).order_by("-at", "-id")


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    member: str = ""
    kind: str = ""
    object_id: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


def filter_events(events: QuerySet[AuditEvent], wanted: AuditFilter) -> QuerySet[AuditEvent]:
    if wanted.action:
        events = events.filter(action=wanted.action)
    if wanted.member:
        events = events.filter(actor_name=wanted.member)
    if wanted.kind:
        events = events.filter(object_kind=wanted.kind)
    if wanted.object_id:
        events = events.filter(object_id=wanted.object_id)
    # Whole local days, as a range on `at` itself so the (organization, -at) index serves it.
    if wanted.since:
        events = events.filter(at__gte=_start_of(wanted.since))
    if wanted.until:
        events = events.filter(at__lt=_start_of(wanted.until, days_after=1))
    return events


def _start_of(day: dt.date, days_after: int = 0) -> dt.datetime:
    # A day kept two days inside the calendar's ends: converting year 1 or 9999 to UTC must
    # not overflow (a typed date can be anything the date field accepts).
    day = min(max(day, dt.date.min + dt.timedelta(days=2)), dt.date.max - dt.timedelta(days=2))
    return timezone.make_aware(
        dt.datetime.combine(day + dt.timedelta(days=days_after), dt.time.min)
    )


def members_in_log(membership: Membership) -> list[str]:
    """Every name that acted in the organization's log (members who left included)."""
    names = audit_events_for(membership).exclude(actor_name="").values_list("actor_name", flat=True)
    return sorted(set(names.order_by().distinct()))


def kinds_in_log(membership: Membership) -> list[str]:
    kinds = (
        audit_events_for(membership).exclude(object_kind="").values_list("object_kind", flat=True)
    )
    return sorted(set(kinds.order_by().distinct()))


def events_about(person: Person) -> QuerySet[AuditEvent]:
    """The events about a neighbour: their record, and rows that name them."""
    return AuditEvent.objects.filter(
        Q(person_id=person.pk) | Q(object_kind="people.person", object_id=str(person.pk))
    ).order_by("at", "id")


# ---------------------------------------------------------------------------------------------
# What Heard holds about a person, counted


def conversations_of(person: Person) -> tuple[list, list]:
    """(conversations they alone took part in, conversations with others), as id lists."""
    mine = Participant.objects.filter(person=person).values("conversation_id")
    sizes = (
        Participant.objects.filter(conversation_id__in=mine)
        .values_list("conversation_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    alone = [cid for cid, n in sizes if n == 1]
    shared = [cid for cid, n in sizes if n > 1]
    return alone, shared


def holdings_of(person: Person) -> dict[str, int | bool]:
    """How much Heard holds about a person, and how much an erasure would remove."""
    alone, shared = conversations_of(person)
    in_alone = Q(conversation_id__in=alone)
    household = person.household
    return {
        "conversations_alone": len(alone),
        "conversations_shared": len(shared),
        "answers": Answer.objects.filter(in_alone).count(),
        "quotes": Quote.objects.filter(Q(person=person) | in_alone).count(),
        "commitments": Commitment.objects.filter(Q(person=person) | in_alone).count(),
        "assessments": Assessment.objects.filter(Q(person=person) | in_alone).count(),
        "ties": Relationship.objects.filter(Q(person=person) | Q(other=person)).count(),
        "consents": Consent.objects.filter(person=person).count(),
        "sign_ups": SignUp.objects.filter(person=person).count(),
        "theme_assignments": ThemeAssignment.objects.filter(conversation_id__in=alone).count(),
        "audit_events": events_about(person).count(),
        "household_goes": household is not None
        and not household.members.exclude(pk=person.pk).exists(),
    }
