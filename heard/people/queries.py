"""Reads of people, households and places, always scoped to the asking membership."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from heard.accounts.models import Membership

from . import consent
from .duplicates import Index, Likeness, Record
from .folding import fold
from .models import Consent, Household, MergedRecord, Person, Place, Relationship


def people_for(membership: Membership) -> QuerySet[Person]:
    """Organizers see everyone in their organization; a volunteer sees their turf's people and
    the people they have talked with themselves."""
    people = Person.objects.filter(organization=membership.organization)
    if membership.is_staff_role:
        return people
    return people.filter(
        Q(place__in=membership.turf.all())
        | Q(participations__conversation__held_by=membership.user)
    ).distinct()


def get_person_for(membership: Membership, pk) -> Person:
    people = consent.with_answers(people_for(membership).select_related("place", "household"))
    return get_object_or_404(people, pk=pk)


def places_for(membership: Membership) -> QuerySet[Place]:
    return Place.objects.filter(organization=membership.organization)


def households_for(membership: Membership) -> QuerySet[Household]:
    return Household.objects.filter(organization=membership.organization)


def search_people(membership: Membership, query: str, limit: int = 20) -> QuerySet[Person]:
    """People whose name, phone or email contains the query, for lists and the typeahead; the
    phone or email of someone who asked not to be contacted is not searched. Names are matched
    without accents or case ("tomas" finds "Tomás") on either database."""
    people = consent.with_consent(people_for(membership).select_related("place", "household"))
    query = query.strip()
    if query:
        people = people.filter(name_matches(query) | consent.matches_contact(query))
    return people.order_by("name")[:limit] if limit else people.order_by("name")


def merged_into(membership: Membership, ids) -> dict[int, Person]:
    """For each of these ids whose record was merged into another, the person kept, when the
    member may see them: what a phone saved before the merge still reaches them."""
    merged = MergedRecord.objects.filter(merged_id__in=ids)
    if not merged.exists():  # nearly always: ask who may be seen only when someone was merged
        return {}
    kept = merged.filter(into__in=people_for(membership))
    return {row.merged_id: row.into for row in kept.select_related("into")}


#: The most people a phone keeps for finding someone with no signal: a volunteer's turf is far
#: smaller; an organizer's phone keeps the most recently added, and finds the rest with signal.
CARRIED_AT_MOST = 5000


def people_to_carry(membership: Membership) -> list[dict]:
    """The people the member may see, as the capture page's typeahead shows them (name,
    neighbourhood, household; no phone or email), for finding someone with no signal. `folded`
    is the name as the server matches it (no accents or case), so both find the same people."""
    people = (
        people_for(membership)
        .order_by("-created_at", "-pk")
        .values("id", "name", "name_folded", "place__name", "household__name")[:CARRIED_AT_MOST]
    )
    return [
        {
            "id": p["id"],
            "name": p["name"],
            "folded": p["name_folded"],
            "place": p["place__name"] or "",
            "household": p["household__name"] or "",
        }
        for p in people
    ]


def name_matches(query: str, prefix: str = "") -> Q:
    """People (or, with `prefix` such as "people__", rows reaching people) whose name holds the
    query, ignoring accents and case: the folded query against the stored folded name."""
    folded = fold(query)
    if not folded:
        return Q(pk__in=[])
    return Q(**{f"{prefix}name_folded__contains": folded})


def relationships_of(membership: Membership, person: Person) -> list[tuple[Relationship, Person]]:
    """Each tie of a person with the other side, only where the asker may see the other side."""
    visible = people_for(membership)
    ties = Relationship.objects.filter(Q(person=person) | Q(other=person)).select_related(
        "person", "other"
    )
    visible_ids = set(
        visible.filter(Q(ties_out__other=person) | Q(ties_in__person=person)).values_list(
            "id", flat=True
        )
    )
    result = []
    for tie in ties:
        other = tie.other if tie.person_id == person.id else tie.person
        if other.id in visible_ids:
            result.append((tie, other))
    return result


def get_tie_for(membership: Membership, person: Person, pk) -> Relationship:
    """One of the person's ties whose other side the asker may see, or 404."""
    for tie, _other in relationships_of(membership, person):
        if tie.pk == pk:
            return tie
    raise Http404("No such tie.")


@dataclass(frozen=True)
class Lookalike:
    """Someone already stored who looks like a person being added or looked at."""

    person: Person
    likeness: Likeness


#: At most this many stored people are weighed against one person (a name's words, a phone's
#: last digits and an email pick them; the matcher then scores them).
LOOKALIKE_CANDIDATES = 400


def lookalikes_for(
    membership: Membership,
    *,
    name: str,
    phone: str = "",
    email: str = "",
    address: str = "",
    exclude=None,
    limit: int = 3,
) -> list[Lookalike]:
    """People the member may see who look like this name, phone, email and address, the
    likeliest first. The phone and email of someone who said no to contact are not compared:
    "same phone" would tell the member their number."""
    # In steps, each a plain query, rather than one: "same name block, or same phone and not
    # refusing contact, among those the member may see" planned as one query read every
    # participation and conversation of the organization (50-100 ms a new person at 7,000
    # people, the tail of every save that adds someone).
    digits = "".join(c for c in phone if c.isdigit())
    ours = Person.objects.filter(organization=membership.organization)
    if exclude is not None:
        ours = ours.exclude(pk=exclude.pk)
    by_name = _ids(ours.filter(_same_block(fold(name).split())))
    by_contact = []
    if len(digits) >= 7:
        by_contact.append(Q(phone__contains=digits[-4:]))
    if email.strip():
        by_contact.append(Q(email__iexact=email.strip()))
    by_contact_only = _ids(ours.filter(reduce(or_, by_contact))) - by_name if by_contact else set()
    contact = consent.answers_in_force(by_name | by_contact_only, Consent.Topic.CONTACT)
    # Someone who said no to contact is found by their name only: never by their number.
    found = by_name | {pk for pk in by_contact_only if contact.get(pk) is not False}
    people = people_for(membership).filter(pk__in=found).select_related("place", "household")
    candidates = {p.pk: p for p in people.order_by("pk")[:LOOKALIKE_CANDIDATES]}
    for person in candidates.values():
        person.contact_refused = contact.get(person.pk) is False
    index = Index(person_record(p) for p in candidates.values())
    wanted = Record(key=None, name=name, phone=phone, email=email, address=address)
    return [Lookalike(candidates[m.b.key], m.likeness) for m in index.lookalikes(wanted)][:limit]


#: How many ids each of lookalikes' first steps reads at most, before those the member may see
#: are kept: more than `LOOKALIKE_CANDIDATES`, as a volunteer sees only some of them.
LOOKALIKE_IDS = 4 * LOOKALIKE_CANDIDATES


def _ids(people: QuerySet[Person]) -> set[int]:
    return set(people.values_list("pk", flat=True)[:LOOKALIKE_IDS])


def _same_block(words: list[str]) -> Q:
    """People whose folded name shares a blocking key with these words (as the matcher files
    them): a word of theirs, with a word starting with the initial of another."""
    words = [w for w in words if len(w) > 1] or words
    if len(words) == 1:
        return Q(name_folded__contains=words[0])
    near = Q(pk__in=[])
    for word in words:
        for other in words:
            if other != word:
                initial = Q(name_folded__startswith=other[0]) | Q(
                    name_folded__contains=f" {other[0]}"
                )
                near |= Q(name_folded__contains=word) & initial
    return near


def lookalikes_of(membership: Membership, person: Person, limit: int = 3) -> list[Lookalike]:
    """Other people the member may see who look like this stored person."""
    shown = consent.may_contact(person)
    return lookalikes_for(
        membership,
        name=person.name,
        phone=person.phone if shown else "",
        email=person.email if shown else "",
        address=person.household.address if person.household_id else "",
        exclude=person,
        limit=limit,
    )


def person_record(person: Person) -> Record:
    """A stored person as the duplicates matcher sees them, their contact details left out when
    they said no to contact (annotated by `consent.with_consent`)."""
    shown = not person.contact_refused
    return Record(
        key=person.pk,
        name=person.name,
        phone=person.phone if shown else "",
        email=person.email if shown else "",
        address=person.household.address if person.household_id else "",
    )


#: How the merge page names what points at a person (other relations use the model's name).
HOLDING_NAMES = {
    "conversations.Participant.person": _("conversations"),
    "conversations.Quote.person": _("quotes"),
    "people.Relationship.person": _("ties"),
    "people.Relationship.other": _("ties"),
    "people.Consent.person": _("consent answers"),
    "campaigns.SignUp.person": _("sign-ups"),
    "campaigns.SignUp.brought_by": _("people brought to events"),
    "commitments.Commitment.person": _("commitments"),
    "leadership.Assessment.person": _("leader signals"),
    "common_ground.PersonSide.person": _("sides"),
    "plans.PlanAction.owner_person": _("actions in plans"),
    "smallgroups.CriticalFriend.person": _("critical friend roles"),
    "smallgroups.SmallGroup.friend_person": _("small groups as critical friend"),
    "smallgroups.GroupSeat.person": _("small-group seats"),
    "smallgroups.Lock.person_a": _("small-group pairings"),
    "smallgroups.Lock.person_b": _("small-group pairings"),
    "spaces.Regular.person": _("places they go"),
    "people.MergedRecord.into": _("records merged into this one before"),
}


def holdings_of(membership: Membership, person: Person) -> list[tuple[str, int]]:
    """What points at a person, counted, for the merge page (staff only: they see it all)."""
    from .merging import person_relations

    if not membership.is_staff_role or person.organization_id != membership.organization_id:
        raise Http404
    counted: dict[str, int] = {}
    for label, model, name in person_relations():
        if model._meta.auto_created or label == "conversations.Conversation.people":
            continue
        n = model.objects.filter(**{name: person}).count()
        if n:
            what = str(HOLDING_NAMES.get(label, model._meta.verbose_name_plural))
            counted[what] = counted.get(what, 0) + n
    return list(counted.items())
