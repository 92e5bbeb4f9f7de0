"""Reads of campaigns, guides and events, scoped to the asking membership."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership

from .models import Campaign, Event


def campaigns_for(membership: Membership) -> QuerySet[Campaign]:
    """Every member sees the organization's campaigns: volunteers record conversations in them."""
    return Campaign.objects.filter(organization=membership.organization)


def get_campaign_for(membership: Membership, pk) -> Campaign:
    return get_object_or_404(campaigns_for(membership), pk=pk)


def search_campaigns(membership: Membership, query: str = "") -> QuerySet[Campaign]:
    campaigns = (
        campaigns_for(membership)
        .annotate(conversation_count=Count("conversations", distinct=True))
        .order_by("-is_active", "-starts_on", "name")
    )
    if query.strip():
        campaigns = campaigns.filter(
            Q(name__icontains=query.strip()) | Q(description__icontains=query.strip())
        )
    return campaigns


def events_for(membership: Membership) -> QuerySet[Event]:
    return Event.objects.filter(organization=membership.organization)


def get_event_for(membership: Membership, pk) -> Event:
    return get_object_or_404(events_for(membership).select_related("campaign"), pk=pk)
