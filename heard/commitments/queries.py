from django.db.models import QuerySet

from heard.accounts.models import Membership
from heard.conversations.queries import conversations_for
from heard.people.models import Person

from .models import Commitment


def commitments_for(membership: Membership) -> QuerySet[Commitment]:
    """Commitments come with the conversation they were made in: the same visibility."""
    commitments = Commitment.objects.filter(organization=membership.organization)
    if not membership.is_staff_role:
        commitments = commitments.filter(conversation__in=conversations_for(membership))
    return commitments


def commitments_of(membership: Membership, person: Person) -> QuerySet[Commitment]:
    return commitments_for(membership).filter(person=person).select_related("owner")
