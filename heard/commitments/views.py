from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from heard.accounts.queries import member_required

from . import forms, services
from .calendar import calendar_of
from .models import Commitment
from .queries import (
    GROUPS,
    calendar_feed_of,
    commitments_for,
    commitments_mine,
    feed_for_token,
    get_commitment_for,
    group_counts,
    in_group,
    may_change,
)


@member_required()
def commitment_list(request):
    membership = request.membership
    filters = forms.FilterForm(request.GET)
    # "Team" is the whole organization's: staff only. A volunteer's own are all they may see.
    show = filters.choice("show", "mine") if membership.is_staff_role else "mine"
    group = filters.choice("group", "overdue")
    commitments = commitments_for(membership) if show == "team" else commitments_mine(membership)
    today = timezone.localdate()
    page = Paginator(in_group(commitments, group, today), 20).get_page(request.GET.get("page"))
    for commitment in page:
        commitment.changeable = may_change(membership, commitment)
    feed = calendar_feed_of(membership)
    feed_url = (
        request.build_absolute_uri(reverse("commitments:calendar")) + f"?token={feed.token}"
        if feed
        else None
    )
    counts = group_counts(commitments, today)
    return render(
        request,
        "commitments/list.html",
        {
            "page": page,
            "show": show,
            "group": group,
            "group_label": GROUPS[group],
            "groups": [(key, label, counts[key]) for key, label in GROUPS.items()],
            "today": today,
            "statuses": Commitment.Status.choices,
            "feed_url": feed_url,
            "back": request.get_full_path(),
        },
    )


def _back(request, next_url: str):
    if next_url.startswith(reverse("commitments:list")) and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("commitments:list")


@require_POST
@member_required()
def commitment_update(request, commitment_pk):
    membership = request.membership
    commitment = get_commitment_for(membership, commitment_pk)
    form = forms.UpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing changed: please check the status and the date."))
        return _back(request, request.POST.get("next", "")[:500])
    data = form.cleaned_data
    try:
        services.update_commitment(
            by=membership,
            commitment=commitment,
            status=data["status"],
            note=data["note"],
            due_on=data["due_on"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Saved: %(what)s (%(status)s).")
            % {"what": commitment.what, "status": commitment.get_status_display().lower()},
        )
    return _back(request, data["next"])


@require_POST
@member_required()
def calendar_reset(request):
    services.reset_calendar_feed(by=request.membership)
    messages.success(request, _("A new calendar link is ready; the old one no longer works."))
    return redirect(reverse("commitments:list") + "#calendar")


@require_GET
def calendar_feed(request):
    """The member's calendar (calendar.py), opened by the secret token alone: calendar apps
    do not sign in."""
    feed = feed_for_token(request.GET.get("token", ""))
    if feed is None:
        raise Http404
    # A calendar app sends no session: the feed speaks the language its member chose.
    with translation.override(feed.membership.language or translation.get_language()):
        calendar = calendar_of(feed.membership, request.build_absolute_uri("/"))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="heard.ics"'
    return response
