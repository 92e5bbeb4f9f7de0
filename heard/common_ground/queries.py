"""Reads of divides and sides, scoped to the asking membership."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership
from heard.people.models import Person

from .models import Divide, PersonSide, Side


def divides_for(membership: Membership) -> QuerySet[Divide]:
    """The organization's own divides with their sides. Every member sees them: a volunteer
    records a neighbour's side at capture."""
    return Divide.objects.filter(organization=membership.organization).prefetch_related(
        Prefetch("sides", queryset=Side.objects.annotate(people=Count("people_on_it")))
    )


def get_divide_for(membership: Membership, pk) -> Divide:
    return get_object_or_404(divides_for(membership), pk=pk)


def sides_of(membership: Membership, person: Person) -> dict[int, PersonSide]:
    """The person's side on each of the organization's divides: divide id → their row."""
    rows = PersonSide.objects.filter(
        person=person, divide__organization=membership.organization
    ).select_related("side")
    return {row.divide_id: row for row in rows}


def sides_for(membership: Membership) -> QuerySet[Side]:
    """Every side of the organization's divides, divide by divide (for filters)."""
    return (
        Side.objects.filter(divide__organization=membership.organization)
        .select_related("divide")
        .order_by("divide__name", "position", "id")
    )


@dataclass
class SidesToAsk:
    person: Person
    divides: list[Divide]  # the organization's divides where their side is not known yet


def sides_to_ask(membership: Membership, people: list[Person]) -> list[SidesToAsk]:
    """For each of these people, the divides whose side nobody recorded yet (the one-tap
    question after capture). Three queries, however many people and divides."""
    divides = list(divides_for(membership))
    if not divides or not people:
        return []
    known = set(
        PersonSide.objects.filter(person__in=people, divide__in=divides).values_list(
            "person_id", "divide_id"
        )
    )
    asked = [
        SidesToAsk(person, [d for d in divides if (person.pk, d.pk) not in known])
        for person in people
    ]
    return [row for row in asked if row.divides]
