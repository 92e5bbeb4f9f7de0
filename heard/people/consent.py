"""What a person agreed to, decided in one place.

Every page, search and export asks these functions; none re-states a rule. The newest Consent
row per person and topic is in force; with no row, the person was never asked, and Heard keeps
what it was given (notes) but treats contact as allowed only where a detail was given at all.
"""

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from heard.accounts.models import Membership, Role

from .models import Consent, Person


def _newest(topic: str) -> Subquery:
    return Subquery(
        Consent.objects.filter(person=OuterRef("pk"), topic=topic)
        .order_by("-recorded_at", "-id")
        .values("granted")[:1]
    )


def said_no(topic: str) -> Q:
    """People whose newest answer on this topic is no (for `Person` querysets)."""
    return Q(
        Exists(
            Consent.objects.filter(
                person=OuterRef("pk"),
                topic=topic,
                granted=False,
                id=Subquery(
                    Consent.objects.filter(person=OuterRef("person"), topic=topic)
                    .order_by("-recorded_at", "-id")
                    .values("id")[:1]
                ),
            )
        )
    )


def with_consent(people: QuerySet[Person]) -> QuerySet[Person]:
    """Annotate `may_contact` and `notes_kept` (True, False or None when never asked)."""
    return people.annotate(
        contact_consent=_newest(Consent.Topic.CONTACT),
        records_consent=_newest(Consent.Topic.RECORDS),
    )


def may_contact(person: Person) -> bool:
    """Contact details are shown, listed and exported only if the person did not say no."""
    newest = person.consents.filter(topic=Consent.Topic.CONTACT).order_by("-recorded_at", "-id")
    answer = newest.values_list("granted", flat=True).first()
    return answer is not False


def notes_may_be_kept(people: Iterable[Person]) -> bool:
    """A conversation's notes are kept unless every person in it said no to notes being kept."""
    people = [p for p in people if getattr(p, "pk", None)]
    if not people:
        return True
    refused = Person.objects.filter(pk__in=[p.pk for p in people]).filter(
        said_no(Consent.Topic.RECORDS)
    )
    return refused.count() < len(people)


def may_see_unshared_quote(membership: Membership, held_by_id: int) -> bool:
    """A "not to be shared" quote: the member who recorded it and the organization's
    administrators, nobody else."""
    return membership.role == Role.ADMIN or membership.user_id == held_by_id
