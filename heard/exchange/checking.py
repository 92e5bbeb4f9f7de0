"""Checking an import of people before anything is stored: each row's problems named by row and
column, and who each row looks like, among the people already here (the duplicates matcher of
`heard.people.duplicates`) and among the rows above it in the same file.

Nothing here writes. `check_people` is run for the preview and again inside the apply, so what
is applied is what was checked against the people as they are at that moment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.accounts.models import Membership
from heard.people import consent
from heard.people.duplicates import Index, Record
from heard.people.folding import fold
from heard.people.models import Person, Place
from heard.people.queries import people_for, person_record, places_for

from .models import ImportBatch
from .queries import imports_for

#: Heard's fields an import column may fill, as the mapping form lists them.
FIELDS = {
    "": gettext_lazy("Leave out"),
    "name": gettext_lazy("Name"),
    "first_name": gettext_lazy("First name"),
    "last_name": gettext_lazy("Last name"),
    "phone": gettext_lazy("Phone"),
    "email": gettext_lazy("Email"),
    "address": gettext_lazy("Address"),
    "household": gettext_lazy("Household"),
    "neighbourhood": gettext_lazy("Neighbourhood"),
    "language": gettext_lazy("Language"),
    "may_contact": gettext_lazy("May be contacted (yes / no)"),
    "id": gettext_lazy("Heard id (from a Heard export)"),
}
#: Headers as organizing tools and spreadsheets write them (folded), and the field each means.
HEADERS = {
    "name": "name", "full name": "name", "nombre completo": "name", "contact name": "name",
    "first name": "first_name", "firstname": "first_name", "first": "first_name",
    "given name": "first_name", "given_name": "first_name", "nombre": "first_name",
    "last name": "last_name", "lastname": "last_name", "last": "last_name", "surname": "last_name",
    "family name": "last_name", "family_name": "last_name", "apellido": "last_name",
    "apellidos": "last_name",
    "phone": "phone", "phone number": "phone", "mobile": "phone", "cell": "phone",
    "cell phone": "phone", "telephone": "phone", "telefono": "phone", "tel": "phone",
    "email": "email", "e-mail": "email", "email address": "email", "correo": "email",
    "address": "address", "street address": "address", "address1": "address",
    "address line 1": "address", "direccion": "address",
    "household": "household", "hogar": "household",
    "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "barrio": "neighbourhood",
    "ward": "neighbourhood", "turf": "neighbourhood", "area": "neighbourhood",
    "language": "language", "languages_spoken": "language", "idioma": "language",
    "may_contact": "may_contact", "may contact": "may_contact", "contact ok": "may_contact",
    "id": "id", "heard id": "id",
}  # fmt: skip
LANGUAGES = {
    "en": "en", "english": "en", "ingles": "en", "es": "es", "spanish": "es", "espanol": "es",
    "other": "other", "otro": "other",
}  # fmt: skip
YES_NO = {"yes": True, "y": True, "si": True, "true": True, "1": True,
          "no": False, "n": False, "false": False, "0": False}  # fmt: skip

MERGE, SKIP, CREATE = "merge", "skip", "create"
ACTIONS = {
    MERGE: gettext_lazy("Same person: add what is new"),
    SKIP: gettext_lazy("Leave this row out"),
    CREATE: gettext_lazy("Someone new"),
}


@dataclass
class Row:
    """One row of the file as it would be imported."""

    number: int  # as the spreadsheet numbers it: the header is row 1
    values: dict[str, str]
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column, what is wrong)
    person: Person | None = None  # the person already here it looks like
    same_as_row: int | None = None  # an earlier row of the file it looks like
    reasons: str = ""
    action: str = CREATE

    @property
    def name(self) -> str:
        return self.values.get("name", "")

    @property
    def looks_like_someone(self) -> bool:
        return self.person is not None or self.same_as_row is not None


@dataclass
class Checked:
    rows: list[Row]
    new_places: list[str]

    @property
    def problems(self) -> list[Row]:
        return [row for row in self.rows if row.problems]

    @property
    def matched(self) -> list[Row]:
        return [row for row in self.rows if row.looks_like_someone and not row.problems]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if not row.problems and row.action == action)


def guess_mapping(membership: Membership, columns: list[str]) -> dict[str, str]:
    """Column index -> field: as the organization mapped a column of the same name last time,
    else as the header says, each field at most once."""
    remembered = _remembered(membership)
    mapping: dict[str, str] = {}
    for index, header in enumerate(columns):
        key = fold(header)
        guess = remembered.get(key, HEADERS.get(key, ""))
        if guess and guess not in mapping.values():
            mapping[str(index)] = guess
    return mapping


def _remembered(membership: Membership) -> dict[str, str]:
    """Folded header -> field, as the organization's last people import mapped its columns."""
    last = (
        imports_for(membership)
        .filter(kind=ImportBatch.Kind.PEOPLE)
        .exclude(mapping={})
        .order_by("-created_at", "-id")
        .first()
    )
    if last is None:
        return {}
    return {
        fold(last.columns[int(i)]): f
        for i, f in last.mapping.items()
        if int(i) < len(last.columns) and f in FIELDS
    }


def doubled(mapping: dict[str, str], labels: dict[str, str]) -> list[str]:
    """A field two columns are mapped to, in words: each import kind refuses it."""
    fields = [f for f in mapping.values() if f]
    return [
        _("Two columns are mapped to %(field)s.") % {"field": labels[f]}
        for f in set(fields)
        if fields.count(f) > 1
    ]


def mapping_problems(mapping: dict[str, str]) -> list[str]:
    fields = [f for f in mapping.values() if f]
    problems = doubled(mapping, FIELDS)
    if "name" not in fields and "first_name" not in fields and "last_name" not in fields:
        problems.append(_("Map a column to Name (or to First name and Last name)."))
    return problems


def check_people(membership: Membership, batch: ImportBatch) -> Checked:
    """Every row of the batch checked, with who it looks like and what will happen to it."""
    places = {fold(p.name): p for p in places_for(membership)}
    people = consent.with_consent(people_for(membership)).select_related("household")
    ours = {p.pk: p for p in people}
    # Contact details of someone who said no to contact are not compared: "same phone" on the
    # import page would tell the organizer their number.
    here = Index(person_record(p) for p in ours.values())
    earlier = Index()
    new_places: dict[str, str] = {}
    rows = []
    for index, cells in enumerate(batch.rows):
        values = _values(cells, batch.mapping)
        if not any(values.values()):
            continue  # a blank line in the spreadsheet
        row = Row(number=index + 2, values=values)
        _check(row, places, new_places, ours)
        if not row.problems:
            _match(row, ours, here, earlier)
            row.action = batch.choices.get(
                str(row.number), MERGE if row.looks_like_someone else CREATE
            )
            if row.action not in ACTIONS or (row.action == MERGE and not row.looks_like_someone):
                row.action = CREATE
            earlier.add(file_record(row))
        rows.append(row)
    return Checked(rows=rows, new_places=sorted(new_places.values()))


def _values(cells: list[str], mapping: dict[str, str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for index, name in mapping.items():
        if name and int(index) < len(cells):
            values[name] = " ".join(str(cells[int(index)]).split())
    if not values.get("name"):
        values["name"] = " ".join(
            part for part in (values.get("first_name", ""), values.get("last_name", "")) if part
        )
    return values


def _check(row: Row, places: dict, new_places: dict, ours: dict) -> None:
    v = row.values
    if not v["name"]:
        row.problems.append((FIELDS["name"], _("A name is needed.")))
    elif len(v["name"]) > Person._meta.get_field("name").max_length:
        row.problems.append(
            (FIELDS["name"], _("Longer than %(count)d characters.") % {"count": 160})
        )
    if v.get("email"):
        try:
            validate_email(v["email"])
        except ValidationError:
            row.problems.append(
                (FIELDS["email"], _("“%(value)s” is not an email address.") % {"value": v["email"]})
            )
    phone = v.get("phone", "")
    if phone and (len(re.sub(r"\D", "", phone)) < 7 or len(phone) > 40):
        row.problems.append(
            (FIELDS["phone"], _("“%(value)s” is not a phone number.") % {"value": v["phone"]})
        )
    if v.get("language"):
        language = LANGUAGES.get(fold(v["language"]))
        if language is None:
            row.problems.append((FIELDS["language"], _("Write English, Spanish or Other.")))
        v["language"] = language or ""
    if v.get("may_contact"):
        said = YES_NO.get(fold(v["may_contact"]))
        if said is None:
            row.problems.append((FIELDS["may_contact"], _("Write yes or no.")))
        v["may_contact"] = "" if said is None else ("yes" if said else "no")
    if v.get("neighbourhood"):
        key = fold(v["neighbourhood"])
        if key not in places:
            new_places.setdefault(
                key, v["neighbourhood"][: Place._meta.get_field("name").max_length]
            )
    if v.get("id"):
        pk = int(v["id"]) if v["id"].isdigit() and len(v["id"]) < 19 else None
        if pk not in ours:
            row.problems.append(
                (FIELDS["id"], _("No person #%(id)s in your organization.") % {"id": v["id"]})
            )
    for name, limit in (("address", 240), ("household", 160), ("email", 254)):
        if len(v.get(name, "")) > limit:
            row.problems.append(
                (FIELDS[name], _("Longer than %(count)d characters.") % {"count": limit})
            )


def _match(row: Row, ours: dict, here: Index, earlier: Index) -> None:
    if row.values.get("id"):
        row.person, row.reasons = ours[int(row.values["id"])], _("same Heard id")
        return
    match(row, file_record(row), ours, here, earlier)


def file_record(row: Row) -> Record:
    """A row of the file as the matcher sees it, keyed by ("row", number): a key that a stored
    person's id can never equal (the matcher never compares a record with its own key)."""
    v = row.values
    return Record(
        ("row", row.number), row.name, v.get("phone", ""), v.get("email", ""), v.get("address", "")
    )


def match(row: Row, record: Record, ours: dict, here: Index, earlier: Index) -> None:
    """Who the row looks like: a person stored here first, else a row above in the file."""
    found = here.lookalikes(record)
    if found:
        row.person, row.reasons = ours[found[0].b.key], found[0].likeness.said
        return
    above = earlier.lookalikes(record)
    if above:
        row.same_as_row, row.reasons = above[0].b.key[1], above[0].likeness.said
