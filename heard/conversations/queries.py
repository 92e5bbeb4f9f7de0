"""Reads of conversations, scoped to the asking membership."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership
from heard.people.models import Person

from .models import Conversation, Participant


def conversations_for(membership: Membership) -> QuerySet[Conversation]:
    """Organizers see the organization's conversations; a volunteer sees the ones they held."""
    conversations = Conversation.objects.filter(organization=membership.organization)
    if not membership.is_staff_role:
        conversations = conversations.filter(held_by=membership.user)
    return conversations


def _with_details(conversations: QuerySet[Conversation]) -> QuerySet[Conversation]:
    return conversations.select_related("campaign", "place", "held_by").prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related("person")),
    )


def get_conversation_for(membership: Membership, pk) -> Conversation:
    return get_object_or_404(
        _with_details(conversations_for(membership)).prefetch_related(
            "answers__question", "quotes__person", "commitments__person", "assessments__person"
        ),
        pk=pk,
    )


def search_conversations(
    membership: Membership, query: str = "", campaign_id=None, venue: str = ""
) -> QuerySet[Conversation]:
    conversations = _with_details(conversations_for(membership))
    if campaign_id:
        conversations = conversations.filter(campaign_id=campaign_id)
    if venue:
        conversations = conversations.filter(venue=venue)
    query = query.strip()
    if query:
        conversations = conversations.filter(
            Q(people__name__icontains=query)
            | Q(answers__text__icontains=query)
            | Q(quotes__text__icontains=query)
            | Q(place__name__icontains=query)
        ).distinct()
    return conversations


def conversations_with(membership: Membership, person: Person) -> QuerySet[Conversation]:
    return get_conversation_details(conversations_for(membership).filter(people=person))


def get_conversation_details(conversations: QuerySet[Conversation]) -> QuerySet[Conversation]:
    return _with_details(conversations).prefetch_related(
        "answers__question", "quotes", "assessments"
    )
