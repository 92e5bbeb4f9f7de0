"""Reads of people, households and places, always scoped to the asking membership."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership

from . import consent
from .folding import fold
from .models import Household, Person, Place, Relationship


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
    for tie, _ in relationships_of(membership, person):
        if tie.pk == pk:
            return tie
    raise Http404("No such tie.")
