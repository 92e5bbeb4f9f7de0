import datetime as dt
import re

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from heard.accounts.models import Membership
from heard.campaigns.models import Event, SignUp
from heard.conversations.models import Conversation
from heard.conversations.queries import conversations_for, may_correct
from heard.people.models import Person

from .models import CalendarFeed, Commitment

#: What `secrets.token_urlsafe` makes: anything else in the URL is not a token of ours.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]+")


def commitments_for(membership: Membership) -> QuerySet[Commitment]:
    """Commitments come with the conversation they were made in: the same visibility."""
    commitments = Commitment.objects.filter(organization=membership.organization)
    if not membership.is_staff_role:
        commitments = commitments.filter(conversation__in=conversations_for(membership))
    return commitments


def commitments_of(membership: Membership, person: Person) -> QuerySet[Commitment]:
    return commitments_for(membership).filter(person=person).select_related("owner")


#: "Due this week" is the next seven days from today: a promise due next Monday is as near on
#: a Friday as one due on Sunday, whatever the calendar week says.
WEEK = dt.timedelta(days=7)

#: The groups of the commitments page, in the order an organizer follows them up.
GROUPS = {
    # A group names many commitments: its own words, apart from one commitment's status.
    "overdue": pgettext_lazy("commitments", "Overdue"),
    "week": pgettext_lazy("commitments", "Due this week"),
    "later": pgettext_lazy("commitments", "Later"),
    "done": pgettext_lazy("commitments", "Done"),
    "dropped": pgettext_lazy("commitments", "Dropped"),
}


def commitments_mine(membership: Membership) -> QuerySet[Commitment]:
    """A member's own: they owe it (owner) or it was promised in a conversation they held."""
    user = membership.user
    # The member's conversations as a set the database builds once from its index (a few
    # thousand ids), not a join of every commitment to its conversation: 100,000 rows at scale.
    held = Conversation.objects.filter(held_by=user).values("pk")
    return commitments_for(membership).filter(Q(owner=user) | Q(conversation__in=held))


def _group_filter(group: str, today: dt.date) -> Q:
    open_ = Q(status=Commitment.Status.OPEN)
    return {
        "overdue": open_ & Q(due_on__lt=today),
        "week": open_ & Q(due_on__gte=today, due_on__lt=today + WEEK),
        "later": open_ & Q(due_on__gte=today + WEEK),
        "done": Q(status=Commitment.Status.DONE),
        "dropped": Q(status=Commitment.Status.DROPPED),
    }[group]


def in_group(
    commitments: QuerySet[Commitment], group: str, today: dt.date | None = None
) -> QuerySet[Commitment]:
    """One group of the page, with what each row shows; the closed ones newest first."""
    today = today or timezone.localdate()
    rows = commitments.filter(_group_filter(group, today)).select_related(
        "person", "owner", "conversation"
    )
    if group in ("done", "dropped"):
        return rows.order_by("-closed_at", "-due_on", "-id")
    return rows.order_by("due_on", "id")


def group_counts(commitments: QuerySet[Commitment], today: dt.date | None = None) -> dict:
    """How many in each group, in one query."""
    today = today or timezone.localdate()
    return commitments.aggregate(
        **{group: Count("id", filter=_group_filter(group, today)) for group in GROUPS}
    )


def get_commitment_for(membership: Membership, pk) -> Commitment:
    return get_object_or_404(commitments_for(membership).select_related("conversation"), pk=pk)


def may_change(membership: Membership, commitment: Commitment) -> bool:
    """Staff, or the member who held the conversation the promise was made in."""
    if commitment.organization_id != membership.organization_id:
        return False
    if membership.is_staff_role:
        return True
    # The same people who may correct the conversation the promise was made in.
    return commitment.conversation is not None and may_correct(membership, commitment.conversation)


def calendar_feed_of(membership: Membership) -> CalendarFeed | None:
    """The member's own calendar link, if they made one."""
    return CalendarFeed.objects.filter(membership=membership).first()


def feed_for_token(token: str) -> CalendarFeed | None:
    """The calendar feed a token opens, or None: a token of the wrong shape never reaches the
    database, and a deactivated member's link stops working."""
    if not token or len(token) > 64 or not TOKEN_SHAPE.fullmatch(token):
        return None
    return (
        CalendarFeed.objects.select_related("membership__user", "membership__organization")
        .filter(token=token, membership__user__is_active=True)
        .first()
    )


def calendar_commitments(membership: Membership) -> QuerySet[Commitment]:
    """What the calendar feed holds of commitments: the member's own open ones."""
    return (
        commitments_mine(membership)
        .filter(status=Commitment.Status.OPEN)
        .select_related("person")
        .order_by("due_on", "id")
    )


def calendar_events(membership: Membership) -> QuerySet[Event]:
    """What the feed holds of sign-ups: each upcoming event that people of the member's own
    conversations signed up for (and have not yet come to), among the events they may see,
    once, with how many of their people signed up (`their_signups`).

    One row per event, not per sign-up: a busy volunteer's people fill a training, and a feed
    with one copy of it per person (900 at 100,000 conversations) reads worse in a calendar and
    took seconds to build."""
    held = conversations_for(membership).filter(held_by=membership.user)
    return (
        # The people of the member's own conversations are people they may see, whatever
        # their role, so no wider helper is needed to scope them.
        Event.objects.filter(
            organization=membership.organization,
            starts_at__gte=timezone.now() - dt.timedelta(days=1),
            signups__status=SignUp.Status.SIGNED_UP,
            signups__person__participations__conversation__in=held,
        )
        .annotate(their_signups=Count("signups", distinct=True))
        .order_by("starts_at", "id")
    )
