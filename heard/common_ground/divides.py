"""Every divide a page can look across: the three built in and the organization's own.

A divide's sides are keyed by strings, so that a neighbourhood (a place id), a language code,
a kindliness orientation and an organization's side (a side id) read the same way. A
conversation is on every side one of its people is on: a small group that brought renters and
owners together counts for both, since what it raised was heard on both sides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.conversations.models import Conversation, Participant
from heard.leadership.models import Assessment, Kindliness
from heard.people.models import Person, Place

from .models import PersonSide
from .queries import divides_for

NEIGHBOURHOOD, LANGUAGE, KINDLINESS = "neighbourhood", "language", "kindliness"


@dataclass(frozen=True)
class DivideChoice:
    key: str  # a built-in name, or the Divide's id as text
    name: str
    sides: tuple[tuple[str, str], ...]  # (side key, what it is called), in the order shown

    def label(self, side: str) -> str:
        return dict(self.sides).get(side, side)


def divide_choices(membership: Membership) -> list[DivideChoice]:
    places = _neighbourhoods(membership)
    built_in = [
        DivideChoice(
            NEIGHBOURHOOD, _("Neighbourhood"), tuple((str(k), v) for k, v in places.items())
        ),
        DivideChoice(LANGUAGE, _("Language"), tuple(Person.Language.choices)),
        DivideChoice(KINDLINESS, _("Kindliness orientation"), tuple(Kindliness.choices[1:])),
    ]
    own = [
        DivideChoice(str(d.pk), d.name, tuple((str(s.pk), s.name) for s in d.sides.all()))
        for d in divides_for(membership)
    ]
    return built_in + own


def choice_for(membership: Membership, key: str) -> DivideChoice | None:
    return next((c for c in divide_choices(membership) if c.key == key), None)


def conversation_sides(
    membership: Membership, choice: DivideChoice, conversations: Iterable
) -> dict:
    """conversation id → the set of side keys it is on (empty sides are left out). The
    conversations are a queryset the caller scoped through an access helper."""
    conversations = Conversation.objects.filter(pk__in=conversations.values("pk"))
    found: dict = defaultdict(set)
    if choice.key == NEIGHBOURHOOD:
        # Where it was held; else where its people live. A turf counts for its neighbourhood.
        up = _turf_parents(membership)
        held = dict(conversations.values_list("pk", "place_id"))
        for pk, place_id in held.items():
            if place_id is not None:
                found[pk].add(str(up.get(place_id, place_id)))
        rows = Participant.objects.filter(
            conversation__in=[pk for pk, place in held.items() if place is None],
            person__place__isnull=False,
        ).values_list("conversation_id", "person__place_id")
        for pk, place_id in rows:
            found[pk].add(str(up.get(place_id, place_id)))
    elif choice.key == LANGUAGE:
        rows = Participant.objects.filter(conversation__in=conversations).values_list(
            "conversation_id", "person__language"
        )
        for pk, language in rows:
            found[pk].add(language)
    elif choice.key == KINDLINESS:
        participants = Participant.objects.filter(conversation__in=conversations)
        latest = latest_orientations(participants.values("person_id"))
        for pk, person_id in participants.values_list("conversation_id", "person_id"):
            if person_id in latest:
                found[pk].add(latest[person_id])
    else:
        rows = PersonSide.objects.filter(
            divide_id=int(choice.key),
            person__participations__conversation__in=conversations,
        ).values_list("person__participations__conversation_id", "side_id")
        for pk, side_id in rows:
            found[pk].add(str(side_id))
    return found


def _neighbourhoods(membership: Membership) -> dict[int, str]:
    """Every place that is not a turf inside a neighbourhood (a turf counts for its parent)."""
    places = Place.objects.filter(organization=membership.organization)
    turfs = places.filter(kind=Place.Kind.TURF, parent__isnull=False)
    return dict(places.exclude(pk__in=turfs.values("pk")).values_list("pk", "name"))


def _turf_parents(membership: Membership) -> dict[int, int]:
    return dict(
        Place.objects.filter(
            organization=membership.organization, kind=Place.Kind.TURF, parent__isnull=False
        ).values_list("pk", "parent_id")
    )


def latest_orientations(people) -> dict[int, str]:
    """person id → the kindliness orientation of their newest assessment that noticed one."""
    rows = (
        Assessment.objects.filter(person__in=people)
        .exclude(kindliness="")
        .order_by("person_id", "-assessed_on", "-id")
        .values_list("person_id", "kindliness")
    )
    latest: dict[int, str] = {}
    for person_id, kindliness in rows:
        latest.setdefault(person_id, kindliness)
    return latest


def person_sides(membership: Membership, choice: DivideChoice) -> dict[int, str]:
    """person id → side key, for every person of the organization whose side is known."""
    return every_person_side(membership, [choice])[choice.key]


def every_person_side(membership: Membership, choices: list[DivideChoice]) -> dict[str, dict]:
    """`person_sides` for each of these divides, in at most four queries whatever their number
    (the person page asks about all of them): divide key → {person id → side key}."""
    people = Person.objects.filter(organization=membership.organization)
    keys = {choice.key for choice in choices}
    found: dict[str, dict] = {key: {} for key in keys}
    if keys & {NEIGHBOURHOOD, LANGUAGE}:
        # A turf counts for its neighbourhood.
        up = _turf_parents(membership) if NEIGHBOURHOOD in keys else {}
        for pk, place_id, language in people.values_list("pk", "place_id", "language"):
            if NEIGHBOURHOOD in keys and place_id is not None:
                found[NEIGHBOURHOOD][pk] = str(up.get(place_id, place_id))
            if LANGUAGE in keys:
                found[LANGUAGE][pk] = language
    if KINDLINESS in keys:
        found[KINDLINESS] = latest_orientations(people.values("pk"))
    own = [int(key) for key in keys - {NEIGHBOURHOOD, LANGUAGE, KINDLINESS}]
    if own:
        rows = PersonSide.objects.filter(divide_id__in=own, person__in=people)
        for pk, divide_id, side_id in rows.values_list("person_id", "divide_id", "side_id"):
            found[str(divide_id)][pk] = str(side_id)
    return found
