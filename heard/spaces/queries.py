"""Reads of third spaces, scoped to the asking membership.

Every member reads the registry: where neighbours meet is what a volunteer needs on the doorstep.
Who goes there is shown only for the people `people_for` the member holds; the others are
counted, never named."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership
from heard.people.models import Person
from heard.people.queries import people_for

from .models import Regular, ThirdSpace
from .names import fold


def spaces_for(membership: Membership) -> QuerySet[ThirdSpace]:
    return ThirdSpace.objects.filter(organization=membership.organization)


def get_space_for(membership: Membership, pk) -> ThirdSpace:
    return get_object_or_404(spaces_for(membership).select_related("neighbourhood"), pk=pk)


def search_spaces(
    membership: Membership,
    *,
    query: str = "",
    kind: str = "",
    neighbourhood=None,
    hub: bool = False,
) -> QuerySet[ThirdSpace]:
    """The registry's list: matching the name, address or note (the name without accents or
    case), of a kind, in a neighbourhood, hubs of helping only; with how many go there."""
    spaces = spaces_for(membership).select_related("neighbourhood")
    query = query.strip()
    if query:
        spaces = spaces.filter(
            Q(name_key__contains=fold(query))
            | Q(name__icontains=query)
            | Q(address__icontains=query)
            | Q(note__icontains=query)
        )
    if kind:
        spaces = spaces.filter(kind=kind)
    if neighbourhood is not None:
        spaces = spaces.filter(neighbourhood=neighbourhood)
    if hub:
        spaces = spaces.filter(hub_of_helping=True)
    return spaces.annotate(regular_count=Count("regulars")).order_by("name", "id")


@dataclass(frozen=True)
class Regulars:
    """Who goes to a place, as far as the member may see: the rest are only counted."""

    shown: list[Regular]
    hidden: int

    @property
    def total(self) -> int:
        return len(self.shown) + self.hidden


def regulars_of(membership: Membership, space: ThirdSpace) -> Regulars:
    rows = list(
        Regular.objects.filter(space=space)
        .select_related("person__place")
        .order_by("person__name", "id")
    )
    visible = set(
        people_for(membership)
        .filter(pk__in=[r.person_id for r in rows])
        .values_list("pk", flat=True)
    )
    shown = [r for r in rows if r.person_id in visible]
    return Regulars(shown=shown, hidden=len(rows) - len(shown))


def get_regular_for(membership: Membership, space: ThirdSpace, pk) -> Regular:
    """One of the place's regulars whom the member may see, or 404."""
    return get_object_or_404(
        Regular.objects.filter(space=space, person__in=people_for(membership)), pk=pk
    )


def spaces_of(membership: Membership, person: Person) -> QuerySet[ThirdSpace]:
    """The third spaces a person goes to (the person page: "runs into neighbours at …"). The
    caller has already fetched the person through `get_person_for`."""
    return spaces_for(membership).filter(regulars__person=person).order_by("name")


def find_by_name(membership: Membership, name: str) -> ThirdSpace | None:
    return spaces_for(membership).filter(name_key=fold(name)).first()
