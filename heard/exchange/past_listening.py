"""Importing past listening: a spreadsheet of conversations (door notes, a tabling sheet) into one
campaign, so that what was heard before Heard can be themed with the rest.

Each row is one conversation: its date, where it was held, who held it, the person it was with
(matched to the people already here as the people import does, else added), the next step and
their answer, and one column per guide question. The check names every problem by row and
column; the apply stores each row through `record_conversation`, the same service as the capture
form, in one transaction: all or nothing. A row's conversation id (Heard's own export carries it)
makes a second import of the same file store nothing twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign
from heard.conversations.models import Conversation, NextStep, Response, Venue
from heard.conversations.services import ConversationRecord, date_problem, record_conversation
from heard.people import consent
from heard.people.duplicates import Index
from heard.people.folding import fold
from heard.people.models import Person, Place
from heard.people.queries import people_for, person_record, places_for
from heard.people.services import NewPerson

from .checking import ACTIONS, CREATE, MERGE, SKIP, Checked, Row, doubled, file_record, match
from .models import ImportBatch

BASE_FIELDS = {
    "": gettext_lazy("Leave out"),
    "id": gettext_lazy("Conversation id (from a Heard export)"),
    "held_on": gettext_lazy("Date"),
    "venue": gettext_lazy("Where (door, tabling, one-to-one, small group)"),
    "held_by": gettext_lazy("Held by (a member's username)"),
    "person": gettext_lazy("Person's name"),
    "phone": gettext_lazy("Person's phone"),
    "email": gettext_lazy("Person's email"),
    "neighbourhood": gettext_lazy("Neighbourhood"),
    "next_step": gettext_lazy("Next step invited"),
    "next_step_response": gettext_lazy("Their answer (yes, maybe, no)"),
}
HEADERS = {
    "id": "id", "date": "held_on", "held_on": "held_on", "fecha": "held_on", "day": "held_on",
    "venue": "venue", "where": "venue", "type": "venue", "held_by": "held_by", "held by": "held_by",
    "volunteer": "held_by", "canvasser": "held_by", "person": "person", "people": "person",
    "name": "person", "nombre": "person", "phone": "phone", "email": "email",
    "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "barrio": "neighbourhood",
    "next_step": "next_step", "next step": "next_step", "next_step_response": "next_step_response",
    "response": "next_step_response",
}  # fmt: skip
VENUES = {fold(label): value for value, label in Venue.choices} | {
    "door": Venue.DOOR, "doors": Venue.DOOR, "canvass": Venue.DOOR, "door knock": Venue.DOOR,
    "tabling": Venue.TABLING, "table": Venue.TABLING, "event": Venue.TABLING,
    "one to one": Venue.ONE_TO_ONE, "1:1": Venue.ONE_TO_ONE, "121": Venue.ONE_TO_ONE,
    "one_to_one": Venue.ONE_TO_ONE, "small group": Venue.SMALL_GROUP,
    "small_group": Venue.SMALL_GROUP, "other": Venue.OTHER,
    # Spanish door notes (folded: no accents)
    "puerta": Venue.DOOR, "puerta a puerta": Venue.DOOR, "tocar puertas": Venue.DOOR,
    "mesa": Venue.TABLING, "mesa informativa": Venue.TABLING, "uno a uno": Venue.ONE_TO_ONE,
    "grupo pequeno": Venue.SMALL_GROUP, "otro": Venue.OTHER,
}  # fmt: skip
NEXT_STEPS = {fold(label): value for value, label in NextStep.choices if value} | {
    value: value for value in NextStep.values if value
} | {
    "reunion en casa": NextStep.HOUSE_MEETING, "capacitacion": NextStep.TRAINING,
    "accion": NextStep.ACTION, "uno a uno": NextStep.ONE_TO_ONE, "evento": NextStep.EVENT,
}  # fmt: skip
RESPONSES = {fold(label): value for value, label in Response.choices} | {
    value: value for value in Response.values
} | {"si": Response.YES, "quizas": Response.MAYBE, "tal vez": Response.MAYBE,
     "no se pregunto": Response.NOT_ASKED}  # fmt: skip
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y", "%B %d, %Y", "%d %B %Y")


def fields_for(campaign: Campaign) -> dict[str, str]:
    """The fields a column may fill: the conversation's, and each guide question's answer."""
    questions = {
        f"answer:{q.pk}": _("Answer: %(question)s") % {"question": q.prompt}
        for q in campaign.questions.all()
    }
    return {**BASE_FIELDS, **questions}


def mapping_problems(campaign: Campaign, mapping: dict[str, str]) -> list[str]:
    fields = [f for f in mapping.values() if f]
    problems = doubled(mapping, fields_for(campaign))
    if "held_on" not in fields:
        problems.append(_("Map a column to Date."))
    if "person" not in fields:
        problems.append(_("Map a column to Person's name."))
    if not any(f.startswith("answer:") for f in fields):
        problems.append(_("Map at least one column to a guide question's answer."))
    return problems


def guess(campaign: Campaign, columns: list[str]) -> dict[str, str]:
    prompts = {fold(q.prompt): f"answer:{q.pk}" for q in campaign.questions.all()}
    mapping: dict[str, str] = {}
    for index, header in enumerate(columns):
        key = fold(header).removeprefix("answer: ").strip()
        found = HEADERS.get(key) or prompts.get(key, "")
        if found and found not in mapping.values():
            mapping[str(index)] = found
    return mapping


@dataclass
class Heard(Row):
    """One row as it would be imported: a conversation, and the person it was with."""

    held_on: dt.date | None = None
    held_by: Membership | None = None
    already_here: bool = False  # the conversation id is stored already: nothing to do

    @property
    def name(self) -> str:
        return self.values.get("person", "")


def check_conversations(membership: Membership, batch: ImportBatch) -> Checked:
    campaign = batch.campaign
    fields = fields_for(campaign)
    members = {
        m.user.get_username().casefold(): m
        for m in Membership.objects.filter(
            organization=membership.organization, user__is_active=True
        ).select_related("user", "organization")
    }
    people = consent.with_consent(people_for(membership)).select_related("household")
    ours = {p.pk: p for p in people}
    # Contact details of someone who said no to contact are not compared: "same phone" on the
    # import page would tell the organizer their number.
    here = Index(person_record(p) for p in ours.values())
    earlier = Index()
    places = {fold(p.name) for p in places_for(membership)}
    new_places: dict[str, str] = {}
    ids = [
        _uuid(cells[int(i)]) for cells in batch.rows for i, f in batch.mapping.items() if f == "id"
    ]
    stored = set(
        Conversation.objects.filter(
            organization=membership.organization, pk__in=[i for i in ids if i]
        ).values_list("pk", flat=True)
    )
    rows = []
    for index, cells in enumerate(batch.rows):
        values = {
            name: " ".join(str(cells[int(i)]).split())
            for i, name in batch.mapping.items()
            if name and int(i) < len(cells)
        }
        if not any(values.values()):
            continue
        row = Heard(number=index + 2, values=values)
        _check(row, campaign, fields, members, membership, places, new_places)
        if values.get("id") and _uuid(values["id"]) in stored:
            row.already_here, row.action = True, SKIP
        elif not row.problems:
            match(row, file_record(row), ours, here, earlier)
            chosen = batch.choices.get(str(row.number))
            row.action = (
                chosen if chosen in ACTIONS else (MERGE if row.looks_like_someone else CREATE)
            )
            if row.action == MERGE and not row.looks_like_someone:
                row.action = CREATE
            if row.person is None and row.same_as_row is None:
                earlier.add(file_record(row))
        rows.append(row)
    return Checked(rows=rows, new_places=sorted(new_places.values()))


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(text).strip())
    except ValueError:
        return None


def _date(text: str) -> dt.date | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _check(row, campaign, fields, members, membership, places, new_places) -> None:
    v = row.values
    if v.get("id") and _uuid(v["id"]) is None:
        row.problems.append(
            (fields["id"], _("“%(value)s” is not a conversation id.") % {"value": v["id"]})
        )
    row.held_on = _date(v.get("held_on", ""))
    if row.held_on is None:
        row.problems.append((fields["held_on"], _("Write the date as 2026-05-31 or 5/31/2026.")))
    elif problem := date_problem(campaign, row.held_on):
        row.problems.append((fields["held_on"], problem))
    venue = VENUES.get(fold(v.get("venue", "")) or "door")
    if venue is None:
        row.problems.append((fields["venue"], _("Write door, tabling, one-to-one or small group.")))
    v["venue"] = venue or ""
    row.held_by = members.get(v.get("held_by", "").casefold()) if v.get("held_by") else membership
    if row.held_by is None:
        row.problems.append(
            (
                fields["held_by"],
                _("No member signs in as “%(username)s”.") % {"username": v["held_by"]},
            )
        )
    if not v.get("person"):
        row.problems.append((fields["person"], _("Whom was it with? A name is needed.")))
    elif len(v["person"]) > 160:
        row.problems.append(
            (fields["person"], _("Longer than %(count)d characters.") % {"count": 160})
        )
    if v.get("next_step"):
        step = NEXT_STEPS.get(fold(v["next_step"]))
        if step is None:
            row.problems.append(
                (
                    fields["next_step"],
                    _("Write house meeting, training, action, one-to-one or event."),
                )
            )
        v["next_step"] = step or ""
    if v.get("next_step_response"):
        said = RESPONSES.get(fold(v["next_step_response"]))
        if said is None:
            row.problems.append(
                (fields["next_step_response"], _("Write yes, maybe, no or not asked."))
            )
        v["next_step_response"] = said or ""
    answers = [name for name in v if name.startswith("answer:") and v[name]]
    if not answers:
        row.problems.append(
            (
                _("Answers"),
                _("No answer to any guide question: nothing was heard to import."),
            )
        )
    for name in answers:
        if len(v[name]) > 20_000:
            row.problems.append(
                (fields[name], _("Longer than %(count)s characters.") % {"count": "20,000"})
            )
    if v.get("neighbourhood") and fold(v["neighbourhood"]) not in places:
        new_places.setdefault(fold(v["neighbourhood"]), v["neighbourhood"][:120])


def store_conversations(by: Membership, batch: ImportBatch, checked: Checked) -> dict:
    """Inside the caller's transaction: each row through `record_conversation`."""
    campaign = batch.campaign
    places = {fold(p.name): p for p in places_for(by)}
    for name in checked.new_places:
        places[fold(name)] = Place.objects.create(organization=by.organization, name=name)
    made: dict[int, Person] = {}
    stored = skipped = 0
    for row in checked.rows:
        if row.action == SKIP:
            skipped += 1
            continue
        v = row.values
        place = places.get(fold(v.get("neighbourhood", ""))) if v.get("neighbourhood") else None
        person = None
        if row.action == MERGE:
            person = row.person or made.get(row.same_as_row)
        new = []
        if person is None:
            new = [
                NewPerson(
                    name=v["person"],
                    phone=v.get("phone", ""),
                    email=v.get("email", ""),
                    place=place,
                )
            ]
        record = ConversationRecord(
            id=_uuid(v.get("id", "")) or uuid.uuid4(),
            campaign=campaign,
            venue=v["venue"],
            held_on=row.held_on,
            place=place,
            people=[person] if person else [],
            new_people=new,
            answers={
                int(k.split(":")[1]): text
                for k, text in v.items()
                if k.startswith("answer:") and text
            },
            next_step=v.get("next_step", ""),
            next_step_response=v.get("next_step_response") or Response.NOT_ASKED,
        )
        conversation, _created = record_conversation(by=row.held_by, record=record)
        made[row.number] = person or conversation.participants.get().person
        stored += 1
    return {
        "created": stored,
        "merged": checked.count(MERGE),
        "skipped": skipped,
        "new_places": checked.new_places,
    }
