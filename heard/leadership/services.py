"""Writes for leadership: what was seen of a person, at capture or by an organizer, with why."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from heard.accounts.models import Membership
from heard.people import consent
from heard.people.models import Consent, Person

from .models import Assessment, Kindliness


def record_assessment(
    *,
    by: Membership,
    person: Person,
    signals: set[str] | frozenset[str] = frozenset(),
    kindliness: str = "",
    note: str = "",
    conversation=None,
    assessed_on=None,
) -> Assessment:
    """Store a new assessment (a history row: earlier ones stay, so the path shows over time).

    Only organizers and administrators judge leadership; the person and any conversation must be
    of the asker's organization, the person must have been in that conversation, and someone
    who asked us not to keep notes gets no leader signals (the consent rule of capture)."""
    if not by.is_staff_role:
        raise PermissionDenied("Only organizers record an assessment.")
    if person.organization_id != by.organization_id:
        raise PermissionDenied("This person is not of your organization.")
    unknown = set(signals) - set(Assessment.SIGNALS)
    if unknown:
        raise ValueError(f"Unknown leader signals: {sorted(unknown)}")
    errors = {}
    if kindliness not in Kindliness.values:
        errors["kindliness"] = ["Choose one of the orientations."]
    if not signals and not kindliness and not note.strip():
        errors["__all__"] = ["Say what you saw: a signal, an orientation or a note."]
    if conversation is not None:
        if conversation.organization_id != by.organization_id:
            raise PermissionDenied("This conversation is not of your organization.")
        if not conversation.participants.filter(person=person).exists():
            errors["conversation"] = [f"{person.name} was not in this conversation."]
    assessed_on = assessed_on or timezone.localdate()
    if assessed_on > timezone.localdate():
        errors["assessed_on"] = ["An assessment cannot be in the future."]
    if consent.refusing(Consent.Topic.RECORDS).filter(pk=person.pk).exists():
        errors["__all__"] = [f"{person.name} asked us not to keep notes about them."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return Assessment.objects.create(
            person=person,
            conversation=conversation,
            assessed_by=by.user,
            assessed_on=assessed_on,
            kindliness=kindliness,
            note=note.strip(),
            **{name: name in signals for name in Assessment.SIGNALS},
        )


def record_signals_heard(
    *,
    by: Membership,
    person: Person,
    conversation,
    signals: set[str] | frozenset[str] = frozenset(),
    kindliness: str = "",
) -> Assessment:
    """Store the leader signals noticed in a conversation, as the capture form recorded them.

    Unlike `record_assessment`, whoever held the conversation may call it (a volunteer at
    capture): these are observations made in the room, not an organizer's judgement, so they
    carry no level of the organization's scale. The caller (`record_conversation`, inside its
    transaction) has already checked that the person took part and that their notes may be
    kept; this checks what must hold whoever calls."""
    if conversation.organization_id != by.organization_id:
        raise PermissionDenied("This conversation is not of your organization.")
    if not by.is_staff_role and conversation.held_by_id != by.user_id:
        raise PermissionDenied("Only who held the conversation records what they saw in it.")
    if person.organization_id != by.organization_id:
        raise PermissionDenied("This person is not of your organization.")
    unknown = set(signals) - set(Assessment.SIGNALS)
    if unknown:
        raise ValueError(f"Unknown leader signals: {sorted(unknown)}")
    if kindliness not in Kindliness.values:
        raise ValidationError({"kindliness": ["Choose one of the orientations."]})
    return Assessment.objects.create(
        person=person,
        conversation=conversation,
        assessed_by=by.user,
        assessed_on=conversation.held_on,
        kindliness=kindliness,
        **{name: name in signals for name in Assessment.SIGNALS},
    )
