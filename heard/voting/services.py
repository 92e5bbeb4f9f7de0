"""Writes for statement voting: organizers make polls and statements, open and close them;
any member records a paper sheet; an anonymous phone casts votes.

Votes are written with one INSERT ... ON CONFLICT UPDATE (`bulk_create` with
`update_conflicts`): a changed vote is the same statement as a new one, two taps racing cannot
make two rows, and no signal fires, so the audit log does not record every anonymous tap
(nobody acts: the log is for members' acts; paper sheets are recorded, by who recorded them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Event
from heard.conversations.models import Quote
from heard.themes.models import Theme

from .models import STATEMENT_MAX_CHARS, Poll, Statement, Vote, Voter
from .queries import ballot_ids, ballot_of, public_quotes, texts_taken

#: A poll of Polis's size: the benchmark's 900 statements fit, a runaway paste does not.
MAX_STATEMENTS = 1000
#: How long a phone's voter id is remembered between its votes.
VOTER_CACHE_SECONDS = 6 * 60 * 60


def _staff(by: Membership) -> None:
    if not by.is_staff_role:
        raise PermissionDenied(_("Only organizers and administrators manage polls."))


def _ours(by: Membership, poll: Poll) -> None:
    if poll.organization_id != by.organization_id:
        raise PermissionDenied


def _check_links(by: Membership, campaign: Campaign | None, event: Event | None) -> None:
    for row in (campaign, event):
        if row is not None and row.organization_id != by.organization_id:
            raise PermissionDenied


def clean_text(text: str) -> str:
    return " ".join(text.split())


def create_poll(
    *, by: Membership, title: str, campaign: Campaign | None = None, event: Event | None = None
) -> Poll:
    """A new poll, closed until an organizer opens it."""
    _staff(by)
    _check_links(by, campaign, event)
    title = clean_text(title)
    if not title:
        raise ValidationError({"title": [_("Give the poll a title.")]})
    return Poll.objects.create(
        organization=by.organization,
        title=title,
        campaign=campaign,
        event=event,
        created_by=by.user,
    )


def change_poll(
    *, by: Membership, poll: Poll, title: str, campaign: Campaign | None, event: Event | None
) -> Poll:
    _staff(by)
    _ours(by, poll)
    _check_links(by, campaign, event)
    title = clean_text(title)
    if not title:
        raise ValidationError({"title": [_("Give the poll a title.")]})
    poll.title, poll.campaign, poll.event = title, campaign, event
    poll.save(update_fields=["title", "campaign", "event"])
    return poll


def set_poll_open(*, by: Membership, poll: Poll, is_open: bool) -> Poll:
    _staff(by)
    _ours(by, poll)
    if is_open and not ballot_of(poll).exists():
        raise ValidationError(_("Add at least one statement before opening the poll."))
    poll.is_open = is_open
    poll.save(update_fields=["is_open"])
    return poll


def add_statements(
    *,
    by: Membership,
    poll: Poll,
    texts: Iterable[str],
    source_theme: Theme | None = None,
    source_quote: Quote | None = None,
) -> list[Statement]:
    """Add statements at the end of the poll; a text already there (any case) is skipped."""
    _staff(by)
    _ours(by, poll)
    cleaned: list[str] = []
    seen = texts_taken(poll)
    for text in map(clean_text, texts):
        if not text or text.casefold() in seen:
            continue
        if len(text) > STATEMENT_MAX_CHARS:
            raise ValidationError(
                {
                    "texts": [
                        _("Keep each statement to %(most)d characters: “%(start)s…”")
                        % {"most": STATEMENT_MAX_CHARS, "start": text[:40]}
                    ]
                }
            )
        seen.add(text.casefold())
        cleaned.append(text)
    with transaction.atomic():
        count = poll.statements.count()
        if count + len(cleaned) > MAX_STATEMENTS:
            raise ValidationError(
                {
                    "texts": [
                        _("A poll holds at most %(most)d statements.") % {"most": MAX_STATEMENTS}
                    ]
                }
            )
        start = (poll.statements.aggregate(last=Max("position"))["last"] or 0) + 1
        made = [
            Statement.objects.create(
                poll=poll,
                text=text,
                position=start + i,
                source_theme=source_theme,
                source_quote=source_quote,
            )
            for i, text in enumerate(cleaned)
        ]
    return made


def add_from_themes(
    *, by: Membership, poll: Poll, themes: Iterable[Theme], quotes: Iterable[Quote]
) -> list[Statement]:
    """Statements from the campaign's theme titles and from neighbours' quotes. Only a quote
    its speaker agreed to share publicly may become a statement: anonymous voters are the
    public. All or nothing."""
    _staff(by)
    _ours(by, poll)
    themes, quotes = list(themes), list(quotes)
    if any(t.campaign_id != poll.campaign_id for t in themes):
        raise PermissionDenied
    public = set(
        public_quotes()
        .filter(
            pk__in=[q.pk for q in quotes],
            conversation__organization=by.organization,
            conversation__campaign=poll.campaign_id,
        )
        .values_list("pk", flat=True)
    )
    if any(q.pk not in public for q in quotes):
        raise ValidationError(
            {
                "quotes": [
                    _("Only a quote shared publicly can go on a ballot anyone with the link sees.")
                ]
            }
        )
    made: list[Statement] = []
    with transaction.atomic():
        for theme in themes:
            made += add_statements(by=by, poll=poll, texts=[theme.title], source_theme=theme)
        for quote in quotes:
            made += add_statements(by=by, poll=poll, texts=[quote.text], source_quote=quote)
    return made


def change_statement(*, by: Membership, statement: Statement, text: str, moderated_out: bool):
    """Reword a statement or take it off the ballot (moderated out: kept, never shown, never
    scored, its votes move nobody on the map)."""
    _staff(by)
    _ours(by, statement.poll)
    text = clean_text(text)
    if not text:
        raise ValidationError({"text": [_("A statement needs words (or tick “Moderate out”).")]})
    if len(text) > STATEMENT_MAX_CHARS:
        raise ValidationError(
            {"text": [_("At most %(most)d characters.") % {"most": STATEMENT_MAX_CHARS}]}
        )
    clash = (
        Statement.objects.filter(poll=statement.poll, text__iexact=text)
        .exclude(pk=statement.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"text": [_("The poll already has this statement.")]})
    statement.text, statement.moderated_out = text, moderated_out
    statement.save(update_fields=["text", "moderated_out", "updated_at"])
    return statement


# Votes -----------------------------------------------------------------------------------------


def device_key(device_id: str) -> str:
    """What the table keeps of a phone's cookie: its SHA-256, never the id itself."""
    return hashlib.sha256(device_id.encode()).hexdigest()


def cast_vote(*, poll: Poll, device_id: str, statement_id: int, choice: int) -> Vote:
    """An anonymous phone's vote (new or changed) on one statement of an open poll.

    The statement must be on this poll's ballot: another poll's statement id, or one moderated
    out, is refused. The phone's voter row is made at its first vote, not when the page opens.
    """
    if not poll.is_open:
        raise PermissionDenied(_("This poll is closed."))
    if choice not in Vote.Choice.values:
        raise ValidationError(_("Agree, disagree or pass."))
    if statement_id not in ballot_ids(poll):
        raise ValidationError(_("That statement is not on this poll."))
    voter_id = _voter_of(poll, device_key(device_id))
    return _upsert(voter_id, {statement_id: choice})[0]


def _voter_of(poll: Poll, device: str) -> int:
    """The id of the phone's voter row, made at its first vote.

    Remembered in the cache (by the poll's token, never reused, and the device key): a phone
    voting on 40 statements looks itself up once, not 40 times. A voter row is only ever
    deleted with its poll, whose link then answers 404 before this is reached."""
    key = f"voting:voter:{poll.token}:{device}"
    voter_id = cache.get(key)
    if voter_id is None:
        voter_id = (
            Voter.objects.filter(poll=poll, device=device).values_list("pk", flat=True).first()
        )
    if voter_id is None:
        # bulk_create: an INSERT with no signal (see the module); a second tab racing loses
        # the INSERT and reads the row the first one made.
        try:
            with transaction.atomic():
                [voter] = Voter.objects.bulk_create([Voter(poll=poll, device=device)])
            voter_id = voter.pk
        except IntegrityError:
            voter_id = Voter.objects.get(poll=poll, device=device).pk
    cache.set(key, voter_id, VOTER_CACHE_SECONDS)
    return voter_id


def _upsert(voter_id: int, choices: dict[int, int]) -> list[Vote]:
    return Vote.objects.bulk_create(
        [Vote(voter_id=voter_id, statement_id=s, choice=c) for s, c in choices.items()],
        update_conflicts=True,
        unique_fields=["voter", "statement"],
        update_fields=["choice", "voted_at"],
    )


def record_paper_sheet(*, by: Membership, poll: Poll, answers: dict[int, int | None]) -> Voter:
    """One paper sheet as one anonymous voter: statement id -> choice, None for left blank.

    Any member of the organization may record sheets for an open poll (volunteers run the
    house meetings); who recorded it is kept, never who filled it in."""
    _ours(by, poll)
    if not poll.is_open:
        raise ValidationError(_("This poll is closed: open it again to record more sheets."))
    on_ballot = set(ballot_ids(poll))
    if set(answers) - on_ballot:
        raise ValidationError(_("The sheet names a statement that is not on this poll."))
    if any(c is not None and c not in Vote.Choice.values for c in answers.values()):
        raise ValidationError(_("Agree, disagree, pass or blank."))
    chosen = {s: c for s, c in answers.items() if c is not None}
    if not chosen:
        raise ValidationError(_("The sheet is blank: mark at least one statement."))
    with transaction.atomic():
        voter = Voter.objects.create(poll=poll, kind=Voter.Kind.PAPER, recorded_by=by.user)
        _upsert(voter.pk, chosen)
    return voter
