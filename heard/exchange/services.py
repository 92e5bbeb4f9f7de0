"""Writes of an import: start one from an uploaded file, set its mapping and choices, and apply
it all or nothing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.people.folding import fold
from heard.people.models import Consent, Household, Person, Place
from heard.privacy import audit
from heard.privacy.models import Action

from . import checking, past_listening
from .models import ImportBatch
from .reading import Unreadable, read_table

CHUNK = 1000


def _staff(by: Membership) -> None:
    if not by.is_staff_role:
        raise PermissionDenied(_("Only organizers import people."))


def start_import(
    *, by: Membership, filename: str, data: bytes, kind: str = ImportBatch.Kind.PEOPLE,
    campaign=None,
) -> ImportBatch:  # fmt: skip
    """Read the file and keep it, mapped as Heard guesses; nothing is imported yet. Past
    conversations go into a campaign of the organization."""
    _staff(by)
    conversations = kind == ImportBatch.Kind.CONVERSATIONS
    if conversations and (campaign is None or campaign.organization_id != by.organization_id):
        raise ValidationError(
            {"campaign": [_("Choose the campaign these conversations belong to.")]}
        )
    try:
        columns, rows = read_table(filename, data)
    except Unreadable as error:
        raise ValidationError({"file": [str(error)]}) from None
    return ImportBatch.objects.create(
        organization=by.organization,
        kind=kind,
        campaign=campaign if conversations else None,
        filename=filename[:200],
        columns=columns,
        rows=rows,
        mapping=(
            past_listening.guess(campaign, columns)
            if conversations
            else checking.guess_mapping(by, columns)
        ),
        created_by=by.user,
    )


def fields_of(batch: ImportBatch) -> dict[str, str]:
    if batch.kind == ImportBatch.Kind.CONVERSATIONS:
        return past_listening.fields_for(batch.campaign)
    return checking.FIELDS


def check(by: Membership, batch: ImportBatch):
    """The check of the batch's rows, for its kind (see checking.py and past_listening.py)."""
    if batch.kind == ImportBatch.Kind.CONVERSATIONS:
        return past_listening.check_conversations(by, batch)
    return checking.check_people(by, batch)


def _open(by: Membership, batch: ImportBatch) -> ImportBatch:
    _staff(by)
    if batch.organization_id != by.organization_id:
        raise PermissionDenied(_("This import is not of your organization."))
    if batch.status != ImportBatch.Status.PREVIEW:
        raise ValidationError(_("This import is already done or discarded."))
    return batch


def set_mapping(*, by: Membership, batch: ImportBatch, mapping: dict[str, str]) -> ImportBatch:
    batch = _open(by, batch)
    fields = fields_of(batch)
    mapping = {i: f for i, f in mapping.items() if f in fields and int(i) < len(batch.columns)}
    problems = mapping_problems(batch, mapping)
    if problems:
        raise ValidationError(problems)
    batch.mapping, batch.choices = mapping, {}
    batch.save(update_fields=["mapping", "choices"])
    return batch


def mapping_problems(batch: ImportBatch, mapping: dict[str, str]) -> list[str]:
    if batch.kind == ImportBatch.Kind.CONVERSATIONS:
        return past_listening.mapping_problems(batch.campaign, mapping)
    return checking.mapping_problems(mapping)


def set_choices(*, by: Membership, batch: ImportBatch, choices: dict[str, str]) -> ImportBatch:
    batch = _open(by, batch)
    batch.choices = {row: a for row, a in choices.items() if a in checking.ACTIONS}
    batch.save(update_fields=["choices"])
    return batch


def discard_import(*, by: Membership, batch: ImportBatch) -> ImportBatch:
    batch = _open(by, batch)
    batch.status, batch.rows = ImportBatch.Status.DISCARDED, []
    batch.save(update_fields=["status", "rows"])
    return batch


def apply_import(*, by: Membership, batch: ImportBatch) -> dict:
    """Store every row as checked now, in one transaction: if any row has a problem, nothing is
    stored and the refusal names each row and column. Returns the report."""
    with transaction.atomic():
        batch = _open(by, ImportBatch.objects.select_for_update().get(pk=batch.pk))
        checked = check(by, batch)
        if checked.problems:
            raise ValidationError(
                [
                    _("Row %(number)d, %(column)s: %(problem)s")
                    % {"number": row.number, "column": column, "problem": message}
                    for row in checked.problems
                    for column, message in row.problems
                ]  # fmt: skip
            )
        if batch.kind == ImportBatch.Kind.CONVERSATIONS:
            report = past_listening.store_conversations(by, batch, checked)
        else:
            report = _store(by, checked)
        batch.status, batch.applied_at, batch.report = (
            ImportBatch.Status.APPLIED,
            timezone.now(),
            report,
        )
        batch.rows = []  # the words of the file are in Heard's tables now, or were not wanted
        batch.save(update_fields=["status", "applied_at", "report", "rows"])
        audit.record(
            Action.CREATED,
            user=by.user,
            organization_id=by.organization_id,
            kind="exchange.importbatch",
            object_id=batch.pk,
            detail=(
                f"{batch.kind} imported from a file: {report['created']} new, "
                f"{report['merged']} with people already here, {report['skipped']} left out"
            ),
        )
        return report


def _store(by: Membership, checked: checking.Checked) -> dict:
    org = by.organization
    places = {fold(p.name): p for p in Place.objects.filter(organization=org)}
    for name in checked.new_places:
        places[fold(name)] = Place.objects.create(organization=org, name=name)
    households = {
        fold(h.address): h for h in Household.objects.filter(organization=org).exclude(address="")
    }
    made: dict[int, Person] = {}  # row number -> the person it became
    new: list[Person] = []
    changed: dict[int, Person] = {}
    consents: list[tuple[Person, bool]] = []
    skipped = 0
    for row in checked.rows:
        v = row.values
        if row.action == checking.SKIP:
            skipped += 1
            continue
        target = None
        if row.action == checking.MERGE:
            target = row.person or made.get(row.same_as_row)
        household = _household(org, v, places, households)
        place = places.get(fold(v.get("neighbourhood", ""))) if v.get("neighbourhood") else None
        if target is None:
            target = Person(
                organization=org,
                name=v["name"],
                phone=v.get("phone", ""),
                email=v.get("email", ""),
                language=v.get("language") or Person.Language.ENGLISH,
                place=place,
                household=household,
                added_by=by.user,
            )
            new.append(target)
        else:
            # Only what is missing is filled: a file never overwrites what a member recorded.
            for name, value in (("phone", v.get("phone")), ("email", v.get("email")),
                                ("place", place), ("household", household)):  # fmt: skip
                if value and not getattr(target, name):
                    setattr(target, name, value)
                    if target.pk:
                        changed[target.pk] = target
        made[row.number] = target
        if v.get("may_contact"):
            consents.append((target, v["may_contact"] == "yes"))
    Person.objects.bulk_create(new, batch_size=CHUNK)
    Person.objects.bulk_update(
        list(changed.values()), ["phone", "email", "place", "household"], batch_size=CHUNK
    )
    Consent.objects.bulk_create(
        (
            Consent(person=p, topic=Consent.Topic.CONTACT, granted=g, recorded_by=by.user)
            for p, g in consents
        ),  # fmt: skip
        batch_size=CHUNK,
    )
    return {
        "created": len(new),
        "merged": sum(1 for r in checked.rows if r.action == checking.MERGE),
        "skipped": skipped,
        "new_places": checked.new_places,
    }


def _household(org, v: dict, places: dict, households: dict) -> Household | None:
    address = v.get("address", "")
    if not address:
        return None
    key = fold(address)
    if key not in households:
        place = places.get(fold(v.get("neighbourhood", ""))) if v.get("neighbourhood") else None
        name = v.get("household") or address
        households[key] = Household.objects.create(
            organization=org, name=name[:160], address=address[:240], place=place
        )
    return households[key]
