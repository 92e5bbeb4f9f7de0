"""Reads of divides and sides, scoped to the asking membership."""

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
