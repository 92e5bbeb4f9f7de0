"""Writes for leadership: an organizer records what they saw of a person, with why."""

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
