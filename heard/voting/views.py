"""The voting pages: organizers' polls and results, members' paper sheets, and the public
ballot a link or QR code opens. Thin: check access, call one query or service, render."""

from __future__ import annotations

import secrets

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import campaigns_for, events_for
from heard.ids import parse_id
from heard.opinions.maths import MIN_VOTES_TO_GROUP
from heard.refusals import show_refusal

from . import forms, services
from .ballot import ballot_page
from .queries import (
    ballot_ids,
    ballot_of,
    get_poll_by_token,
    get_poll_for,
    get_statement_for,
    polls_for,
    public_quotes,
    quote_suggestions,
    statements_of,
    theme_choices,
    theme_suggestions,
)
from .ratelimit import allow_vote
from .results import results_for

DEVICE_COOKIE = "heard_voter"
DEVICE_SALT = "heard.voting.device"
DEVICE_COOKIE_AGE = 365 * 24 * 60 * 60


def _poll_form(request, membership, poll=None):
    initial = {}
    if poll is not None:
        initial = {"title": poll.title, "campaign": poll.campaign_id, "event": poll.event_id}
    return forms.PollForm(
        request.POST or None,
        initial=initial,
        campaigns=campaigns_for(membership).order_by("-starts_on", "name"),
        events=events_for(membership).order_by("-starts_at"),
    )


@member_required()
def poll_list(request):
    """Every member: volunteers find the open polls to record paper sheets; only organizers
    and administrators see how many voted."""
    return render(request, "voting/list.html", {"polls": polls_for(request.membership)})


@member_required(*STAFF_ROLES)
def poll_new(request):
    membership = request.membership
    form = _poll_form(request, membership)
    if request.method == "POST" and form.is_valid():
        try:
            poll = services.create_poll(by=membership, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Poll made. Add its statements, then open it."))
            return redirect("voting:poll", pk=poll.pk)
    return render(request, "voting/new.html", {"form": form}, status=400 if form.errors else 200)


@member_required(*STAFF_ROLES)
def poll_detail(request, pk):
    """The poll's title, links and statements; two forms post here, told apart by `form`."""
    membership = request.membership
    poll = get_poll_for(membership, pk)
    which = request.POST.get("form") if request.method == "POST" else None
    poll_form = _poll_form(request if which == "poll" else _Unbound(), membership, poll)
    add_form = forms.StatementsForm(request.POST if which == "statements" else None)
    bound = poll_form if which == "poll" else add_form
    if request.method == "POST" and bound.is_valid():
        try:
            if which == "poll":
                services.change_poll(by=membership, poll=poll, **poll_form.cleaned_data)
                messages.success(request, _("Poll saved."))
            else:
                made = services.add_statements(
                    by=membership, poll=poll, texts=add_form.cleaned_data["texts"]
                )
                messages.success(
                    request,
                    ngettext("%(count)d statement added.", "%(count)d statements added.", len(made))
                    % {"count": len(made)},
                )
        except ValidationError as error:
            show_refusal(bound, error)
        else:
            return redirect("voting:poll", pk=poll.pk)
    link = request.build_absolute_uri(reverse("voting:vote", args=[poll.token]))
    on_ballot = set(ballot_ids(poll))
    rows = [
        (
            s,
            s.pk in on_ballot,
            forms.StatementForm(
                initial={"text": s.text, "moderated_out": s.moderated_out}, prefix=f"s{s.pk}"
            ),
        )
        for s in statements_of(poll)
    ]
    return render(
        request,
        "voting/poll.html",
        {
            "poll": poll,
            "poll_form": poll_form,
            "add_form": add_form,
            "statements": rows,
            "on_ballot": len(on_ballot),
            "link": link,
            "qr": segno.make(link, error="m").svg_inline(
                scale=4, border=2, light="#fff", title=_("QR code of the poll's link")
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


class _Unbound:
    """A request stand-in whose POST is empty: the form not posted is shown unbound."""

    POST = None


@require_POST
@member_required(*STAFF_ROLES)
def poll_open(request, pk):
    membership = request.membership
    poll = get_poll_for(membership, pk)
    try:
        services.set_poll_open(by=membership, poll=poll, is_open=request.POST.get("open") == "1")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The poll is open: share its link.") if poll.is_open else _("The poll is closed."),
        )
    return redirect("voting:poll", pk=poll.pk)


@require_POST
@member_required(*STAFF_ROLES)
def statement_change(request, pk):
    membership = request.membership
    statement = get_statement_for(membership, pk)
    form = forms.StatementForm(request.POST, prefix=f"s{statement.pk}")
    if form.is_valid():
        try:
            services.change_statement(by=membership, statement=statement, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Statement saved."))
    else:
        messages.error(request, _("A statement needs words, at most 140 characters."))
    return redirect("voting:poll", pk=statement.poll_id)


@member_required(*STAFF_ROLES)
def from_themes(request, pk):
    """Start from the campaign's themes: their titles, and neighbours' quotes shared publicly."""
    membership = request.membership
    poll = get_poll_for(membership, pk)
    themes = theme_suggestions(membership, poll)
    quotes = quote_suggestions(membership, poll)
    form = forms.FromThemesForm(
        request.POST or None,
        themes=theme_choices(membership, poll, themes),
        quotes=public_quotes().filter(pk__in=[q.pk for q in quotes]),
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = services.add_from_themes(by=membership, poll=poll, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                ngettext("%(count)d statement added.", "%(count)d statements added.", len(made))
                % {"count": len(made)},
            )
            return redirect("voting:poll", pk=poll.pk)
    return render(
        request,
        "voting/from_themes.html",
        {"poll": poll, "form": form, "themes": themes, "quotes": quotes},
        status=400 if form.errors else 200,
    )


@member_required()
def paper_sheet(request, pk):
    """Any member records a paper sheet from a house meeting: one anonymous voter."""
    membership = request.membership
    poll = get_poll_for(membership, pk)
    form = forms.PaperSheetForm(request.POST or None, statements=ballot_of(poll))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_paper_sheet(by=membership, poll=poll, answers=form.answers())
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Sheet recorded. Next sheet:"))
            return redirect("voting:paper", pk=poll.pk)
    return render(
        request,
        "voting/paper.html",
        {"poll": poll, "form": form},
        status=400 if form.errors else 200,
    )


@member_required(*STAFF_ROLES)
def results(request, pk):
    poll = get_poll_for(request.membership, pk)
    return render(
        request,
        "voting/results.html",
        {"poll": poll, "results": results_for(poll), "min_votes": MIN_VOTES_TO_GROUP},
    )


@member_required(*STAFF_ROLES)
def read_aloud(request, pk):
    """The common ground in big type, to read to the room or print."""
    poll = get_poll_for(request.membership, pk)
    return render(request, "voting/read_aloud.html", {"poll": poll, "results": results_for(poll)})


# The public ballot -------------------------------------------------------------------------------


@never_cache
def vote(request, token):
    """No login: one statement at a time, agree / disagree / pass, by plain form POST (answered
    with the next statement).

    A phone is one voter, known by a random id in a signed cookie (made on its first visit);
    votes are rate-limited per phone and per address. The page shows the poll's title and
    statements, and the phone's own votes, nothing else of the organization."""
    poll = get_poll_by_token(token)
    device_id = request.get_signed_cookie(DEVICE_COOKIE, default=None, salt=DEVICE_SALT)
    new_device = not device_id
    if new_device:
        device_id = secrets.token_urlsafe(16)
    if request.method == "POST":
        response = _cast(request, poll, device_id)
    elif not poll.is_open:
        response = render(request, "voting/public_closed.html", {"poll": poll})
    else:
        asked = parse_id(request.GET.get("change", ""))
        page = ballot_page(poll, device_id, asked)
        response = render(request, "voting/public_vote.html", {"page": page, "poll": poll})
    if new_device:
        response.set_signed_cookie(
            DEVICE_COOKIE,
            device_id,
            salt=DEVICE_SALT,
            max_age=DEVICE_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def _cast(request, poll, device_id):
    if not poll.is_open:
        return render(request, "voting/public_closed.html", {"poll": poll}, status=403)
    if not allow_vote(device_id=device_id, address=request.META.get("REMOTE_ADDR", "")):
        return render(request, "voting/public_too_many.html", {"poll": poll}, status=429)
    form = forms.VoteForm(request.POST)
    if form.is_valid():
        try:
            services.cast_vote(
                poll=poll,
                device_id=device_id,
                statement_id=form.cleaned_data["statement"],
                choice=form.choice,
            )
        except (ValidationError, PermissionDenied):
            pass
        else:
            # The answer to a vote is the next statement, in the same response: one round trip
            # per vote on a poor signal, not a redirect and a second request. Sending the form
            # again (a reload) records the same vote again, which changes nothing.
            page = ballot_page(poll, device_id)
            return render(request, "voting/public_vote.html", {"page": page, "poll": poll})
    return render(request, "voting/public_refused.html", {"poll": poll}, status=400)
