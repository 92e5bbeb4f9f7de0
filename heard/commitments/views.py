import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from icalendar import Calendar, Event

from heard.accounts.queries import member_required

from . import forms, services
from .models import Commitment
from .queries import (
    GROUPS,
    calendar_commitments,
    calendar_feed_of,
    calendar_signups,
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
        messages.error(request, "Nothing changed: please check the status and the date.")
        return _back(request, request.POST.get("next", "")[:500])
    data = form.cleaned_data
    try:
        if data["due_on"] and data["due_on"] != commitment.due_on:
            services.change_due_date(by=membership, commitment=commitment, due_on=data["due_on"])
        status, note = data["status"], data["note"]
        if status == Commitment.Status.OPEN:
            if commitment.status != Commitment.Status.OPEN:
                services.reopen_commitment(by=membership, commitment=commitment)
        elif status != commitment.status or note != commitment.closed_note:
            services.close_commitment(
                by=membership, commitment=commitment, status=status, note=note
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Saved: {commitment.what} ({commitment.get_status_display().lower()})."
        )
    return _back(request, data["next"])


@require_POST
@member_required()
def calendar_reset(request):
    services.reset_calendar_feed(by=request.membership)
    messages.success(request, "A new calendar link is ready; the old one no longer works.")
    return redirect(reverse("commitments:list") + "#calendar")


@require_GET
def calendar_feed(request):
    """The member's calendar, opened by the secret token alone (calendar apps do not sign in).

    It holds the member's own open commitments, all-day on their due date, and the upcoming
    events that people of the member's own conversations signed up for. No phone, email or
    address is in it, and a person is named only as the other side of a commitment; a
    sign-up says that one of their people signed up, not who.
    """
    feed = feed_for_token(request.GET.get("token", ""))
    if feed is None:
        raise Http404
    membership = feed.membership
    calendar = Calendar()
    calendar.add("prodid", "-//Heard//Commitments//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Heard: {membership.organization.name}")
    stamp = timezone.now()
    host = request.get_host()
    for commitment in calendar_commitments(membership):
        event = Event()
        event.add("uid", f"commitment-{commitment.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", commitment.due_on)
        event.add("dtend", commitment.due_on + dt.timedelta(days=1))
        event.add(
            "summary",
            f"{commitment.get_side_display()}: {commitment.what} ({commitment.person.name})",
        )
        event.add("description", f"{commitment.hours} h. Mark it done in Heard.")
        event.add("url", request.build_absolute_uri(reverse("commitments:list")))
        calendar.add_component(event)
    for signup in calendar_signups(membership):
        event = Event()
        event.add("uid", f"signup-{signup.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", signup.event.starts_at)
        event.add("duration", dt.timedelta(hours=1))
        event.add("summary", f"{signup.event.title} (one of your people signed up)")
        if signup.event.location:
            event.add("location", signup.event.location)
        event.add(
            "url", request.build_absolute_uri(reverse("campaigns:event", args=[signup.event_id]))
        )
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="heard.ics"'
    return response
