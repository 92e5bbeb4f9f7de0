"""Writes for people: adding a neighbour met at the door, with their household."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models.functions import Length

from heard.accounts.models import Membership

from .models import Household, Person, Place


@dataclass(frozen=True)
class NewPerson:
    """A person added inline while recording a conversation."""

    name: str
    phone: str = ""
    email: str = ""
    language: str = Person.Language.ENGLISH
    place: Place | None = None
    household_name: str = ""


def add_person(*, by: Membership, person: NewPerson) -> Person:
    """Store a new person in the asker's organization; a named household is found or made."""
    with transaction.atomic():
        household = None
        if person.household_name:
            household = _household_named(by.organization, person.household_name)
            if household is None:
                household = Household.objects.create(
                    organization=by.organization, name=person.household_name, place=person.place
                )
        return Person.objects.create(
            organization=by.organization,
            name=person.name,
            phone=person.phone,
            email=person.email,
            language=person.language,
            place=person.place,
            household=household,
            added_by=by.user,
        )


def _household_named(organization, name: str) -> Household | None:
    """The organization's household with this name, whatever the case.

    SQLite folds only ASCII letters when it ignores case, so "RAMÍREZ" would miss "Ramírez" there
    (and not on PostgreSQL): the names are compared in Python, among those of the same length.
    """
    wanted = name.casefold()
    same_length = (
        Household.objects.filter(organization=organization)
        .annotate(name_length=Length("name"))
        .filter(name_length=len(name))
        .order_by("id")
    )
    return next((h for h in same_length if h.name.casefold() == wanted), None)
