"""Reads of campaigns, guides and events, scoped to the asking membership."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from heard.accounts.models import Membership
from heard.conversations.queries import conversations_for
from heard.people.queries import people_for

from .models import Campaign, Event, SignUp


def campaigns_for(membership: Membership) -> QuerySet[Campaign]:
    """Every member sees the organization's campaigns: volunteers record conversations in them."""
    return Campaign.objects.filter(organization=membership.organization)


def get_campaign_for(membership: Membership, pk) -> Campaign:
    return get_object_or_404(campaigns_for(membership), pk=pk)


def search_campaigns(membership: Membership, query: str = "") -> QuerySet[Campaign]:
    campaigns = (
        campaigns_for(membership)
        # Counted through the access helper: a volunteer is told how many of the campaign's
        # conversations they may open, not how many the whole team has held.
        .annotate(conversation_count=_count_of(conversations_for(membership), "campaign"))
        .order_by("-is_active", "-starts_on", "name")
    )
    if query.strip():
        campaigns = campaigns.filter(
            Q(name__icontains=query.strip()) | Q(description__icontains=query.strip())
        )
    return campaigns


def events_for(membership: Membership) -> QuerySet[Event]:
    return Event.objects.filter(organization=membership.organization)


#: The events a campaign's page lists; the rest are a link away, on the events page.
EVENTS_SHOWN = 10


def nearest_events(events: QuerySet[Event], limit: int = EVENTS_SHOWN) -> list[Event]:
    """The next `limit` events, or, when fewer are ahead, the latest past ones before them, in
    date order: a campaign two years old has hundreds. Always two queries (a pinned count)."""
    now = timezone.now()
    ahead = list(events.filter(starts_at__gte=now).order_by("starts_at")[:limit])
    past = list(events.filter(starts_at__lt=now).order_by("-starts_at")[:limit])
    return [*reversed(past[: limit - len(ahead)]), *ahead]


def get_event_for(membership: Membership, pk) -> Event:
    return get_object_or_404(events_for(membership).select_related("campaign", "space"), pk=pk)


def signups_for(membership: Membership) -> QuerySet[SignUp]:
    """Sign-ups of the people the member may see: an event is open to every member, but who
    signed up for it is a list of people, and a volunteer sees only their own."""
    signups = SignUp.objects.filter(event__organization=membership.organization)
    if not membership.is_staff_role:
        signups = signups.filter(person__in=people_for(membership))
    return signups


def _count_of(rows: QuerySet, link: str) -> Coalesce:
    """How many of `rows` point at the outer row through `link`, as one subquery: the count
    stays scoped by the helper that made `rows`, which a join-and-Count on a relation would not."""
    counted = (
        rows.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
