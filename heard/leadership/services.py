"""Writes for leadership: what was seen of a person, at capture or by an organizer, with why."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership, Organization
from heard.people import consent
from heard.people.models import Person

from .models import Assessment, Kindliness, LeadershipLevel


def record_assessment(
    *,
    by: Membership,
    person: Person,
    signals: set[str] | frozenset[str] = frozenset(),
    kindliness: str = "",
    barriers: set[str] | frozenset[str] = frozenset(),
    note: str = "",
    conversation=None,
    assessed_on=None,
    level: LeadershipLevel | None = None,
) -> Assessment:
    """Store a new assessment (a history row: earlier ones stay, so the path shows over time).

    Only organizers and administrators judge leadership; the person and any conversation must be
    of the asker's organization, the person must have been in that conversation, and someone
    who asked us not to keep notes gets no leader signals (the consent rule of capture). A
    `level` of the organization's scale keeps its name and definition of that day beside it."""
    if not by.is_staff_role:
        raise PermissionDenied(_("Only organizers record an assessment."))
    if person.organization_id != by.organization_id:
        raise PermissionDenied(_("This person is not of your organization."))
    if level is not None and level.organization_id != by.organization_id:
        raise PermissionDenied(_("This level is not of your organization's scale."))
    _check_names(signals, barriers)
    errors = {}
    if kindliness not in Kindliness.values:
        errors["kindliness"] = [_("Choose one of the orientations.")]
    if not signals and not kindliness and not barriers and not note.strip() and level is None:
        errors["__all__"] = [
            _(
                "Say what you saw: a level, a signal, an orientation, what makes asking for help "
                "hard for them, or a note."
            )
        ]
    if conversation is not None:
        if conversation.organization_id != by.organization_id:
            raise PermissionDenied(_("This conversation is not of your organization."))
        if not conversation.participants.filter(person=person).exists():
            errors["conversation"] = [
                _("%(name)s was not in this conversation.") % {"name": person.name}
            ]
    assessed_on = assessed_on or timezone.localdate()
    if assessed_on > timezone.localdate():
        errors["assessed_on"] = [_("An assessment cannot be in the future.")]
    if not consent.notes_may_be_kept([person]):
        errors["__all__"] = [
            _("%(name)s asked us not to keep notes about them.") % {"name": person.name}
        ]
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
            level=level,
            level_name=level.name if level else "",
            level_definition=level.definition if level else "",
            **{name: name in signals for name in Assessment.SIGNALS},
            **{name: name in barriers for name in Assessment.BARRIERS},
        )


def record_signals_heard(
    *,
    by: Membership,
    person: Person,
    conversation,
    signals: set[str] | frozenset[str] = frozenset(),
    kindliness: str = "",
    barriers: set[str] | frozenset[str] = frozenset(),
) -> Assessment:
    """Store the leader signals noticed in a conversation, as the capture form recorded them.

    Unlike `record_assessment`, whoever held the conversation may call it (a volunteer at
    capture): these are observations made in the room, not an organizer's judgement, so they
    carry no level of the organization's scale. The caller (`record_conversation`, inside its
    transaction) has already checked that the person took part and that their notes may be
    kept; this checks what must hold whoever calls."""
    if conversation.organization_id != by.organization_id:
        raise PermissionDenied(_("This conversation is not of your organization."))
    if not by.is_staff_role and conversation.held_by_id != by.user_id:
        raise PermissionDenied(_("Only who held the conversation records what they saw in it."))
    if person.organization_id != by.organization_id:
        raise PermissionDenied(_("This person is not of your organization."))
    _check_names(signals, barriers)
    if kindliness not in Kindliness.values:
        raise ValidationError({"kindliness": [_("Choose one of the orientations.")]})
    return Assessment.objects.create(
        person=person,
        conversation=conversation,
        assessed_by=by.user,
        assessed_on=conversation.held_on,
        kindliness=kindliness,
        **{name: name in signals for name in Assessment.SIGNALS},
        **{name: name in barriers for name in Assessment.BARRIERS},
    )


def _check_names(signals, barriers) -> None:
    """A caller naming a signal or barrier Heard does not know is a bug, not a user's error."""
    unknown = set(signals) - set(Assessment.SIGNALS)
    if unknown:
        raise ValueError(f"Unknown leader signals: {sorted(unknown)}")
    unknown = set(barriers) - set(Assessment.BARRIERS)
    if unknown:
        raise ValueError(f"Unknown barriers to asking for help: {sorted(unknown)}")


@dataclass(frozen=True)
class ScaleLevel:
    """One row of the scale page as the organizer left it: an existing level (`level`) or a
    new one (None), in the order the page lists them."""

    name: str
    definition: str
    level: LeadershipLevel | None = None


def save_scale(
    *,
    by: Membership,
    levels: list[ScaleLevel],
    removed: list[LeadershipLevel] | tuple[LeadershipLevel, ...] = (),
) -> list[LeadershipLevel]:
    """Store the organization's leadership scale as the page lists it, strongest first: rename,
    redefine, reorder and add levels, and remove unused ones, in one transaction.

    Organizers and administrators only; every level must be of their organization. Names are
    unique within the organization (ignoring case) and every level needs a definition: the
    behaviour is what an organizer judges by. A level that an assessment names is kept: history
    says which level it was."""
    if not by.is_staff_role:
        raise PermissionDenied(_("Only organizers define the leadership scale."))
    touched = [row.level for row in levels if row.level is not None] + list(removed)
    if any(level.organization_id != by.organization_id for level in touched):
        raise PermissionDenied(_("This level is not of your organization's scale."))
    errors = []
    names: set[str] = set()
    for row in levels:
        name = row.name.strip()
        if not name:
            errors.append(_("Every level needs a name."))
        elif name.casefold() in names:
            errors.append(_("Two levels are called “%(name)s”: each name once.") % {"name": name})
        names.add(name.casefold())
        if not row.definition.strip():
            errors.append(_("Say what you see someone at “%(name)s” do.") % {"name": name or "…"})
    kept = {row.level.pk for row in levels if row.level is not None}
    removed = [level for level in removed if level.pk not in kept]
    with transaction.atomic():
        # Two organizers saving the scale at once take turns (PostgreSQL; SQLite writes one at
        # a time anyway), so names stay unique without a database constraint.
        Organization.objects.select_for_update().filter(pk=by.organization_id).first()
        # A level the page did not list (added by someone else meanwhile) keeps its name too.
        unlisted = LeadershipLevel.objects.filter(organization=by.organization).exclude(
            pk__in=kept | {level.pk for level in removed}
        )
        for level in unlisted:
            if level.name.casefold() in names:
                errors.append(
                    _("Another level is already called “%(name)s”.") % {"name": level.name}
                )
        in_use = LeadershipLevel.objects.filter(
            pk__in=[level.pk for level in removed], assessments__isnull=False
        ).distinct()
        for level in in_use:
            errors.append(
                _(
                    "“%(name)s” is in use by assessments and cannot be removed: "
                    "rename or redefine it instead."
                )
                % {"name": level.name}
            )
        if errors:
            raise ValidationError(errors)
        LeadershipLevel.objects.filter(pk__in=[level.pk for level in removed]).delete()
        saved = []
        for position, row in enumerate(levels, start=1):
            level = row.level or LeadershipLevel(organization=by.organization)
            wanted = {
                "position": position,
                "name": row.name.strip(),
                "definition": row.definition.strip(),
            }
            # Only rows that changed are written: the audit log says what was edited.
            if level.pk is None or any(getattr(level, k) != v for k, v in wanted.items()):
                for field, value in wanted.items():
                    setattr(level, field, value)
                level.save()
            saved.append(level)
    return saved
