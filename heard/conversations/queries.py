"""Reads of conversations, scoped to the asking membership.

Quotes are read through `visible_quotes` (a list each conversation carries), filtered by the
consent rules in `heard.people.consent`: a page that forgets the prefetch shows no quote at all,
never a hidden one.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership
from heard.people import consent
from heard.people.models import Person
from heard.people.queries import name_matches

from .models import Conversation, ConversationChange, Participant, Quote


def conversations_for(membership: Membership) -> QuerySet[Conversation]:
    """Organizers see the organization's conversations; a volunteer sees the ones they held."""
    conversations = Conversation.objects.filter(organization=membership.organization)
    if not membership.is_staff_role:
        conversations = conversations.filter(held_by=membership.user)
    return conversations


def _visible_quotes(membership: Membership) -> Prefetch:
    return Prefetch(
        "quotes",
        queryset=Quote.objects.filter(consent.quotes_seen_by(membership)).select_related("person"),
        to_attr="visible_quotes",
    )


def with_details(conversations: QuerySet[Conversation]) -> QuerySet[Conversation]:
    """What every list of conversations shows: campaign, place, who held it, its people."""
    return conversations.select_related("campaign", "place", "held_by").prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related("person")),
    )


def get_conversation_for(membership: Membership, pk) -> Conversation:
    conversation = get_object_or_404(
        with_details(conversations_for(membership)).prefetch_related(
            "answers__question",
            _visible_quotes(membership),
            "commitments__person",
            "assessments__person",
            Prefetch("changes", queryset=ConversationChange.objects.select_related("changed_by")),
        ),
        pk=pk,
    )
    conversation.notes_withheld = bool(
        consent.conversations_without_notes(Conversation.objects.filter(pk=conversation.pk))
    )
    return conversation


def may_correct(membership: Membership, conversation: Conversation) -> bool:
    """Who may correct a saved conversation: the member who held it, and the organization's
    organizers and administrators (the same people who may change its commitments)."""
    if conversation.organization_id != membership.organization_id:
        return False
    return membership.is_staff_role or conversation.held_by_id == membership.user_id


def get_conversation_to_correct(membership: Membership, pk) -> Conversation:
    """A conversation the member may correct: 404 when they may not read it (as for opening it),
    403 when they may read it but not correct it."""
    conversation = get_conversation_for(membership, pk)
    if not may_correct(membership, conversation):
        raise PermissionDenied
    return conversation


def search_conversations(
    membership: Membership, query: str = "", campaign_id=None, venue: str = ""
) -> QuerySet[Conversation]:
    conversations = with_details(conversations_for(membership))
    if campaign_id:
        conversations = conversations.filter(campaign_id=campaign_id)
    if venue:
        conversations = conversations.filter(venue=venue)
    query = query.strip()
    if query:
        # Only quotes the asker may read are searched: finding a conversation by the words of
        # a quote hidden from them would tell them what it says.
        quoted = Quote.objects.filter(
            consent.quotes_seen_by(membership), conversation=OuterRef("pk"), text__icontains=query
        )
        conversations = conversations.filter(
            name_matches(query, prefix="people__")
            | Q(answers__text__icontains=query)
            | Q(Exists(quoted))
            | Q(place__name__icontains=query)
        ).distinct()
    return conversations


def conversations_with(membership: Membership, person: Person) -> QuerySet[Conversation]:
    """The conversations with this person the member may open, with the quotes they may read."""
    return get_conversation_details(
        conversations_for(membership).filter(people=person)
    ).prefetch_related(_visible_quotes(membership))


def get_conversation_details(conversations: QuerySet[Conversation]) -> QuerySet[Conversation]:
    return with_details(conversations).prefetch_related("answers__question", "assessments")
