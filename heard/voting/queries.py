"""Reads of polls, statements and votes, scoped to the asking membership; and the public
ballot a poll's link opens.

Who sees what:
- organizers and administrators: every poll of the organization, its statements, how many
  voted, and the results;
- a volunteer: the organization's polls and their statements (what any voter reads anyway), so
  they can record a paper sheet; no count of voters or votes and no results;
- whoever holds a poll's link: its title and the statements on its ballot, nothing else.
"""

from __future__ import annotations

from django.db.models import Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign
from heard.conversations.models import Quote
from heard.conversations.queries import conversations_for
from heard.themes.models import Theme
from heard.themes.queries import themes_for

from .models import STATEMENT_MAX_CHARS, Poll, Statement, Vote, Voter


def polls_for(membership: Membership) -> QuerySet[Poll]:
    """The organization's polls, newest first; `voter_count` for organizers and admins only."""
    polls = Poll.objects.filter(organization=membership.organization).select_related(
        "campaign", "event"
    )
    # Subqueries, not a join of statements and voters: 900 statements x 2,000 voters would be
    # 1.8 million joined rows to count.
    polls = polls.annotate(
        statement_count=_count(Statement.objects.filter(moderated_out=False), "poll")
    )
    if membership.is_staff_role:
        polls = polls.annotate(voter_count=_count(Voter.objects.all(), "poll"))
    return polls


def _count(rows: QuerySet, link: str) -> Coalesce:
    counted = rows.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(
        Subquery(counted.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
        0,
    )


def get_poll_for(membership: Membership, pk) -> Poll:
    return get_object_or_404(
        Poll.objects.filter(organization=membership.organization).select_related(
            "campaign", "event"
        ),
        pk=pk,
    )


def get_statement_for(membership: Membership, pk) -> Statement:
    """A statement of one of the organization's polls (organizers edit them)."""
    if not membership.is_staff_role:
        raise Http404
    return get_object_or_404(
        Statement.objects.filter(poll__organization=membership.organization).select_related("poll"),
        pk=pk,
    )


def statements_of(poll: Poll) -> QuerySet[Statement]:
    """Every statement of the poll, moderated out ones included (the organizer's page)."""
    return poll.statements.select_related("source_theme", "source_quote")


def on_the_ballot(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    """The statements voters may see: not moderated out, and one made of a neighbour's quote
    only while that quote is still theirs to share publicly (a consent narrowed later takes it
    off the ballot at once)."""
    return statements.filter(moderated_out=False).filter(
        Q(source_quote__isnull=True) | Q(source_quote__consent=Quote.Consent.PUBLIC)
    )


def ballot_of(poll: Poll) -> QuerySet[Statement]:
    return on_the_ballot(Statement.objects.filter(poll=poll))


def get_poll_by_token(token: str) -> Poll:
    """The poll a link names, open or closed, or 404. The link is the capability: whoever holds
    it may vote, whatever organization (if any) they belong to."""
    return get_object_or_404(Poll.objects.only("id", "title", "is_open", "token"), token=token)


def ballot_ids(poll: Poll) -> list[int]:
    """The ids of the statements on the ballot, in the organizer's order. Read once per poll
    object: a vote checks its statement against them and then shows the next one from them, in
    the same request."""
    if getattr(poll, "_ballot_ids", None) is None:
        ids = ballot_of(poll).order_by("position", "id").values_list("pk", flat=True)
        poll._ballot_ids = list(ids)
    return poll._ballot_ids


def statement_text(pk: int) -> Statement:
    """One statement's words, for the ballot (its id comes from `ballot_ids`)."""
    return Statement.objects.only("id", "text").get(pk=pk)


def votes_of_device(poll: Poll, device: str) -> dict[int, int]:
    """statement id -> the choice of the phone with this device key (its SHA-256)."""
    return dict(
        Vote.objects.filter(voter__poll=poll, voter__device=device).values_list(
            "statement_id", "choice"
        )
    )


# Starting from the campaign's themes ---------------------------------------------------------


def theme_suggestions(membership: Membership, poll: Poll) -> list[Theme]:
    """The poll's campaign's themes (organizers only) whose title is not a statement yet."""
    if poll.campaign is None:
        return []
    taken = texts_taken(poll)
    return [
        theme
        for theme in themes_for(membership, poll.campaign)
        if theme.title.casefold() not in taken and len(theme.title) <= STATEMENT_MAX_CHARS
    ]


def theme_choices(membership: Membership, poll: Poll, suggested: list[Theme]) -> QuerySet[Theme]:
    """The suggested themes as a queryset, for the form's choices."""
    if poll.campaign is None:
        return Theme.objects.none()
    return themes_for(membership, poll.campaign).filter(pk__in=[t.pk for t in suggested])


def quote_suggestions(membership: Membership, poll: Poll, limit: int = 60) -> list[Quote]:
    """Neighbours' own words a poll may put before the public: quotes of the campaign's
    conversations (as far as the member may see them) whose consent is PUBLIC, short enough to
    be a statement, not already on the poll. A quote shared only inside the team, or not to be
    shared, never reaches a ballot (anonymous voters are the public)."""
    if poll.campaign is None or not membership.is_staff_role:
        return []
    campaign: Campaign = poll.campaign
    conversations = conversations_for(membership).filter(campaign=campaign)
    taken = texts_taken(poll)
    quotes = (
        public_quotes()
        .filter(conversation__in=conversations.values("pk"))
        .order_by("-conversation__held_on", "id")
    )
    found = []
    for quote in quotes.iterator():
        text = " ".join(quote.text.split())
        if len(text) <= STATEMENT_MAX_CHARS and text.casefold() not in taken:
            found.append(quote)
            if len(found) >= limit:
                break
    return found


def public_quotes() -> QuerySet[Quote]:
    """Quotes their speaker agreed to share publicly: the only ones a ballot may hold."""
    return Quote.objects.filter(consent=Quote.Consent.PUBLIC)


def texts_taken(poll: Poll) -> set[str]:
    """The poll's statements' texts, casefolded: a new statement must not repeat one."""
    return {t.casefold() for t in poll.statements.values_list("text", flat=True)}


# What the results are computed from ----------------------------------------------------------


def votes_state(poll: Poll) -> tuple:
    """What the results depend on, cheaply: the votes' count and newest change, and the
    statements' (a moderation, an edit). Equal states give equal results."""
    votes = Vote.objects.filter(voter__poll=poll).aggregate(n=Count("id"), last=Max("voted_at"))
    statements = Statement.objects.filter(poll=poll).aggregate(
        n=Count("id"), last=Max("updated_at")
    )
    quotes = ballot_of(poll).count()  # a quote's consent narrowed takes a statement off
    return (
        poll.pk,
        votes["n"],
        str(votes["last"]),
        statements["n"],
        str(statements["last"]),
        quotes,
    )


def vote_rows(poll: Poll) -> list[tuple[int, int, int]]:
    """(voter id, statement id, choice) of every vote on the poll."""
    return list(
        Vote.objects.filter(voter__poll=poll)
        .order_by()
        .values_list("voter_id", "statement_id", "choice")
    )
