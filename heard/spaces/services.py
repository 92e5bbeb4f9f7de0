"""Writes for third spaces. Organizers keep the registry; whoever records a conversation adds
the places its person said they run into neighbours at."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.people.consent import refusing
from heard.people.models import Consent, Person, Place

from .models import Kind, Regular, ThirdSpace
from .names import fold, guess_kind, sounds_helping, tidy

MAX_NEW_AT_CAPTURE = 10


def _staff(by: Membership) -> None:
    if not by.is_staff_role:
        raise PermissionDenied(_("Only organizers keep the registry of places."))


def _check_fields(by: Membership, *, name: str, kind: str, neighbourhood: Place | None, but=None):
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Name the place.")]
    elif len(name) > 160:
        errors["name"] = [_("Keep the name under 160 characters.")]
    else:
        taken = ThirdSpace.objects.filter(organization=by.organization, name_key=fold(name))
        if but is not None:
            taken = taken.exclude(pk=but.pk)
        if taken.exists():
            errors["name"] = [
                _("“%(name)s” is already in the registry.") % {"name": taken.first().name}
            ]
    if kind not in Kind.values:
        errors["kind"] = [_("Choose a kind of place.")]
    if neighbourhood is not None and neighbourhood.organization_id != by.organization_id:
        errors["neighbourhood"] = [_("Unknown neighbourhood.")]
    if errors:
        raise ValidationError(errors)


def save_space(
    *,
    by: Membership,
    space: ThirdSpace | None = None,
    name: str,
    kind: str,
    neighbourhood: Place | None = None,
    address: str = "",
    note: str = "",
    hub_of_helping: bool = False,
) -> ThirdSpace:
    """Add a place to the registry, or change one; a name already there (whatever its case or
    accents) is refused."""
    _staff(by)
    if space is not None and space.organization_id != by.organization_id:
        raise PermissionDenied
    name = tidy(name)
    _check_fields(by, name=name, kind=kind, neighbourhood=neighbourhood, but=space)
    if space is None:
        space = ThirdSpace(organization=by.organization, added_by=by.user)
    space.name, space.name_key, space.kind = name, fold(name), kind
    space.neighbourhood = neighbourhood
    space.address, space.note = address.strip(), note.strip()
    space.hub_of_helping = hub_of_helping
    try:
        with transaction.atomic():
            space.save()
    except IntegrityError:
        # Another organizer added the same name a moment ago.
        raise ValidationError(
            {"name": [_("“%(name)s” is already in the registry.") % {"name": name}]}
        ) from None
    return space


def remove_space(*, by: Membership, space: ThirdSpace) -> None:
    """Take a place out of the registry; its events and small groups stay, without a place."""
    _staff(by)
    if space.organization_id != by.organization_id:
        raise PermissionDenied
    with transaction.atomic():
        space.delete()


def _space_named(by: Membership, name: str, neighbourhood: Place | None) -> ThirdSpace:
    """The registry's place of that name, or a new one whose kind its words suggest."""
    name = tidy(name)[:160]
    found = ThirdSpace.objects.filter(organization=by.organization, name_key=fold(name)).first()
    if found is not None:
        return found
    return ThirdSpace.objects.create(
        organization=by.organization,
        name=name,
        name_key=fold(name),
        kind=guess_kind(name),
        hub_of_helping=sounds_helping(name),
        neighbourhood=neighbourhood,
        added_by=by.user,
    )


def _refuses_notes(person: Person) -> bool:
    return refusing(Consent.Topic.RECORDS).filter(pk=person.pk).exists()


def record_places_heard(
    *,
    by: Membership,
    person: Person,
    spaces: Iterable[ThirdSpace] = (),
    new_names: Iterable[str] = (),
    conversation=None,
    how: str = Regular.How.CAPTURE,
) -> list[Regular]:
    """ "Where do you run into neighbours?": the person goes to each of these places; names not
    in the registry yet become places (kind guessed from their words). Any member may record
    this for a conversation they hold; somebody who said no to notes being kept gets nothing."""
    spaces = list(spaces)
    new_names = [tidy(n) for n in new_names if tidy(n)]
    if len(new_names) > MAX_NEW_AT_CAPTURE:
        raise ValidationError(
            {"other_places": [_("At most %(count)d new places.") % {"count": MAX_NEW_AT_CAPTURE}]}
        )
    ours = {by.organization_id, person.organization_id} | {s.organization_id for s in spaces}
    if conversation is not None:
        ours.add(conversation.organization_id)
    if ours != {by.organization_id}:
        raise ValidationError({"spaces": [_("Unknown place.")]})
    if not spaces and not new_names or _refuses_notes(person):
        return []
    with transaction.atomic():
        neighbourhood = getattr(conversation, "place", None) or person.place
        spaces += [_space_named(by, name, neighbourhood) for name in new_names]
        made = []
        # The day we heard it: the conversation's, else today.
        heard_on = getattr(conversation, "held_on", None) or timezone.localdate()
        for space in dict.fromkeys(spaces):
            regular, _created = Regular.objects.get_or_create(
                person=person,
                space=space,
                defaults={
                    "how": how,
                    "conversation": conversation,
                    "recorded_by": by.user,
                    "recorded_on": heard_on,
                },
            )
            made.append(regular)
    return made


def add_found_in_notes(
    *, by: Membership, name: str, kind: str, found: Iterable[tuple[Person, object]]
) -> ThirdSpace:
    """A place mentioned in notes joins the registry, and the people of the conversations that
    mention it become its regulars ("found in notes"). `found` pairs each person with the
    conversation that mentions the place."""
    _staff(by)
    found = list(found)
    with transaction.atomic():
        space = _space_named(by, name, None)
        if kind in Kind.values and space.kind == Kind.OTHER:
            space.kind = kind
            space.save(update_fields=["kind"])
        for person, conversation in found:
            record_places_heard(
                by=by,
                person=person,
                spaces=[space],
                conversation=conversation,
                how=Regular.How.NOTES,
            )
    return space


def add_regular(*, by: Membership, space: ThirdSpace, person: Person) -> Regular:
    """An organizer knows someone goes there."""
    _staff(by)
    if {space.organization_id, person.organization_id} != {by.organization_id}:
        raise PermissionDenied
    with transaction.atomic():
        regular, _created = Regular.objects.get_or_create(
            person=person,
            space=space,
            defaults={"how": Regular.How.ORGANIZER, "recorded_by": by.user},
        )
    return regular


def remove_regular(*, by: Membership, regular: Regular) -> None:
    """They do not go there (any more), or it was recorded by mistake."""
    _staff(by)
    if regular.space.organization_id != by.organization_id:
        raise PermissionDenied
    with transaction.atomic():
        regular.delete()
