"""Writes for common ground: organizers name divides and their sides; members record the side a
neighbour is on."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.people.models import Person

from .models import Divide, PersonSide, Side

MAX_SIDES = 12


def _staff(by: Membership) -> None:
    if not by.is_staff_role:
        raise PermissionDenied(_("Only organizers define divides."))


def _clean_sides(names: list[str]) -> list[str]:
    cleaned = [" ".join(n.split()) for n in names if n.strip()]
    seen: set[str] = set()
    repeated = [n for n in cleaned if n.casefold() in seen or seen.add(n.casefold())]
    if repeated:
        raise ValidationError({"sides": [_("“%(side)s” is named twice.") % {"side": repeated[0]}]})
    return cleaned


def _name_taken(by: Membership, name: str, but=None) -> bool:
    others = Divide.objects.filter(organization=by.organization).annotate(low=Lower("name"))
    if but is not None:
        others = others.exclude(pk=but.pk)
    return others.filter(low=name.casefold()).exists()


def define_divide(*, by: Membership, name: str, description: str, sides: list[str]) -> Divide:
    """A new divide with at least two sides."""
    _staff(by)
    name = " ".join(name.split())
    sides = _clean_sides(sides)
    errors = {}
    if not name:
        errors["name"] = [_("Name the divide.")]
    elif _name_taken(by, name):
        errors["name"] = [_("There is already a divide called “%(name)s”.") % {"name": name}]
    if len(sides) < 2:
        errors["sides"] = [_("A divide has at least two sides: one per line.")]
    elif len(sides) > MAX_SIDES:
        errors["sides"] = [_("At most %(count)d sides.") % {"count": MAX_SIDES}]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        divide = Divide.objects.create(
            organization=by.organization, name=name, description=description.strip()
        )
        Side.objects.bulk_create(
            Side(divide=divide, name=side, position=i) for i, side in enumerate(sides)
        )
    return divide


def change_divide(
    *,
    by: Membership,
    divide: Divide,
    name: str,
    description: str,
    renamed: dict[int, str],
    removed: set[int],
    added: list[str],
) -> Divide:
    """Rename the divide or its sides, remove sides nobody is on, add sides. All or nothing."""
    _staff(by)
    if divide.organization_id != by.organization_id:
        raise PermissionDenied
    sides = {s.pk: s for s in divide.sides.all()}
    name = " ".join(name.split())
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Name the divide.")]
    elif _name_taken(by, name, but=divide):
        errors["name"] = [_("There is already a divide called “%(name)s”.") % {"name": name}]
    in_use = set(
        PersonSide.objects.filter(side__in=removed & set(sides)).values_list("side_id", flat=True)
    )
    for pk in sorted(in_use):
        errors.setdefault("sides", []).append(
            _(
                "Nobody can be left without a side: people are on “%(side)s”. "
                "Move them first, or rename it."
            )
            % {"side": sides[pk].name}
        )
    kept = {pk: " ".join(renamed.get(pk, s.name).split()) for pk, s in sides.items()}
    kept = {pk: n for pk, n in kept.items() if pk not in removed}
    if any(not n for n in kept.values()):
        errors.setdefault("sides", []).append(_("A side needs a name (or tick “Remove”)."))
    try:
        added = _clean_sides(added)
        _clean_sides([*kept.values(), *added])
    except ValidationError as error:
        errors.setdefault("sides", []).extend(error.message_dict["sides"])
    if len(kept) + len(added) < 2:
        errors.setdefault("sides", []).append(_("A divide keeps at least two sides."))
    if len(kept) + len(added) > MAX_SIDES:
        errors.setdefault("sides", []).append(_("At most %(count)d sides.") % {"count": MAX_SIDES})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        divide.name, divide.description = name, description.strip()
        divide.save(update_fields=["name", "description"])
        Side.objects.filter(pk__in=removed & set(sides)).delete()
        # Two passes, so that swapping two sides' names never trips the unique name rule.
        for pk in kept:
            Side.objects.filter(pk=pk).update(name=f"~{pk}~")
        for pk, side_name in kept.items():
            Side.objects.filter(pk=pk).update(name=side_name)
        start = max((s.position for s in sides.values()), default=0) + 1
        Side.objects.bulk_create(
            Side(divide=divide, name=n, position=start + i) for i, n in enumerate(added)
        )
    return divide


def remove_divide(*, by: Membership, divide: Divide) -> int:
    """Remove a divide and every side recorded on it; returns how many people's sides went."""
    _staff(by)
    if divide.organization_id != by.organization_id:
        raise PermissionDenied
    with transaction.atomic():
        people = PersonSide.objects.filter(divide=divide)
        count = people.count()
        people.delete()
        divide.delete()
    return count


def record_sides(*, by: Membership, person: Person, chosen: dict[int, int | None]) -> int:
    """Set the person's side on each divide named in `chosen` (divide id → side id, or None for
    "not known", which removes it). Returns how many changed."""
    if person.organization_id != by.organization_id:
        raise PermissionDenied
    divides = {
        d.pk: {s.pk for s in d.sides.all()}
        for d in Divide.objects.filter(
            organization=by.organization, pk__in=chosen
        ).prefetch_related("sides")
    }
    if set(chosen) - set(divides) or any(
        side is not None and side not in divides[pk] for pk, side in chosen.items()
    ):
        raise ValidationError(_("Choose one of the divide's sides."))
    current = dict(
        PersonSide.objects.filter(person=person, divide__in=list(divides)).values_list(
            "divide_id", "side_id"
        )
    )
    changed = 0
    try:
        with transaction.atomic():
            for divide_id, side_id in chosen.items():
                if current.get(divide_id) == side_id:
                    continue
                changed += 1
                if side_id is None:
                    PersonSide.objects.filter(person=person, divide_id=divide_id).delete()
                else:
                    PersonSide.objects.update_or_create(
                        person=person,
                        divide_id=divide_id,
                        defaults={"side_id": side_id, "recorded_by": by.user},
                    )
    except IntegrityError as error:  # two saves raced: the other one stored a side
        raise ValidationError(
            _("Someone saved this person's sides at the same time: try again.")
        ) from error
    return changed
