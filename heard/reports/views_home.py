"""The home dashboard: what a member needs first. It reads conversations, people, commitments
and events, so it sits with the reports on top of those apps (accounts reads none of them)."""

from django.shortcuts import render
from django.utils import timezone

from heard.accounts.queries import member_required
from heard.campaigns.queries import events_for
from heard.commitments.models import Commitment
from heard.commitments.queries import commitments_for
from heard.conversations.queries import conversations_for, with_details
from heard.people.queries import people_for


@member_required()
def home(request):
    """What a member needs first: record a conversation, see what is recent and what is due."""
    membership = request.membership
    conversations = conversations_for(membership)
    return render(
        request,
        "reports/home.html",
        {
            # Who was there, where and when: not the answers (a list, not the details page).
            "recent": with_details(conversations)[:8],
            "conversation_count": conversations.count(),
            "people_count": people_for(membership).count(),
            "open_commitments": commitments_for(membership)
            .filter(status=Commitment.Status.OPEN)
            # The person and who holds it, with each row: not a query per commitment.
            .select_related("person", "owner")
            .order_by("due_on")[:8],
            # Open ones come earliest due first, so the overdue lead; the page marks them.
            "today": timezone.localdate(),
            "upcoming_events": events_for(membership)
            .filter(starts_at__date__gte=timezone.localdate())
            .order_by("starts_at")[:5],
        },
    )
