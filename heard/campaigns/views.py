from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.conversations.queries import conversations_for
from heard.ids import parse_id
from heard.people.queries import people_for, search_people
from heard.search import search_text
from heard.spaces.queries import spaces_for

from . import forms, services
from .languages import name_of
from .queries import (
    campaigns_for,
    events_for,
    get_campaign_for,
    get_event_for,
    nearest_events,
    search_campaigns,
    signups_for,
)


@member_required()
def campaign_list(request):
    query = search_text(request.GET.get("q", ""))
    page = Paginator(search_campaigns(request.membership, query), 20).get_page(
        request.GET.get("page")
    )
    return render(request, "campaigns/list.html", {"page": page, "query": query})


@member_required()
def campaign_detail(request, pk):
    campaign = get_campaign_for(request.membership, pk)
    events = events_for(request.membership).filter(campaign=campaign)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "questions": campaign.questions.prefetch_related("wordings"),
            "events": nearest_events(events),
            "event_count": events.count(),
            "conversation_count": conversations_for(request.membership)
            .filter(campaign=campaign)
            .count(),
        },
    )


@member_required(*STAFF_ROLES)
def campaign_edit(request, pk=None):
    campaign = get_campaign_for(request.membership, pk) if pk else None
    data = request.POST if request.method == "POST" else None
    form = forms.CampaignForm(data, instance=campaign)
    # The guide is shown in the languages chosen on this page (those posted, when valid).
    stored = list(campaign.languages) if campaign else []
    guide = forms.GuideFormSet(
        data,
        instance=campaign,
        prefix="guide",
        form_kwargs={
            "languages": form.languages(),
            "stored_main": stored[0] if stored else form.languages()[0],
        },
    )
    if request.method == "POST" and all([form.is_valid(), guide.is_valid()]):
        campaign = services.save_campaign(by=request.membership, form=form, guide=guide)
        added = [code for code in campaign.languages if code not in stored]
        if stored and added:
            # The questions wait for their words in the language just added: the same page.
            names = ", ".join(name_of(code) for code in added)
            messages.success(
                request,
                _("Campaign saved. Write its questions in %(names)s below.") % {"names": names},
            )
            return redirect("campaigns:edit", pk=campaign.pk)
        messages.success(request, _("Campaign saved."))
        return redirect("campaigns:detail", pk=campaign.pk)
    return render(
        request,
        "campaigns/edit.html",
        {"form": form, "guide": guide, "campaign": campaign},
        status=400 if form.is_bound else 200,
    )


@member_required()
def event_list(request):
    events = events_for(request.membership).select_related("campaign")
    # ?campaign=: one campaign's events, from its page's "All N events".
    chosen = parse_id(request.GET.get("campaign"))
    campaign = campaigns_for(request.membership).filter(pk=chosen).first() if chosen else None
    if campaign is not None:
        events = events.filter(campaign=campaign)
    page = Paginator(events.order_by("-starts_at"), 20).get_page(request.GET.get("page"))
    return render(request, "campaigns/event_list.html", {"page": page, "campaign": campaign})


@member_required(*STAFF_ROLES)
def event_edit(request, pk=None):
    event = get_event_for(request.membership, pk) if pk else None
    spaces = spaces_for(request.membership)
    # "Host an event here" on a place's page opens the form with that place chosen.
    host = spaces.filter(pk=parse_id(request.GET.get("space"))).first() if not event else None
    form = forms.EventForm(
        request.POST if request.method == "POST" else None,
        instance=event,
        # Only then: an initial value overrides what an edited event has saved.
        initial={"space": host, "location": host.address} if host else None,
        campaigns=campaigns_for(request.membership),
        spaces=spaces,
    )
    if request.method == "POST" and form.is_valid():
        event = services.save_event(by=request.membership, form=form)
        messages.success(request, _("Event saved."))
        return redirect("campaigns:event", pk=event.pk)
    return render(
        request,
        "campaigns/event_edit.html",
        {"form": form, "event": event},
        status=400 if form.is_bound else 200,
    )


@member_required()
def event_detail(request, pk):
    membership = request.membership
    event = get_event_for(membership, pk)
    form = forms.SignUpForm(
        request.POST if request.method == "POST" else None,
        people=people_for(membership),
        event=event,
    )
    # Find the person by name, phone or email, then sign them up: an organization has thousands
    # of people, too many for one menu on a phone. A sign-up posts to the search's own URL.
    who = search_text(request.GET.get("who", ""))
    # "Who brought them?" is chosen once beside the search and goes with each sign-up from it:
    # at the door, one neighbour often brings several.
    brought_by = parse_id(request.GET.get("by", ""))
    if request.method == "POST" and form.is_valid():
        services.sign_up(
            by=membership,
            event=event,
            person=form.cleaned_data["person"],
            brought_by=form.cleaned_data["brought_by"],
        )
        messages.success(
            request, _("%(name)s is signed up.") % {"name": form.cleaned_data["person"]}
        )
        # Back to the same search, where the row now says "Signed up" in view.
        url = reverse("campaigns:event", args=[event.pk])
        kept = {"who": who, **({"by": brought_by} if brought_by else {})}
        return redirect(f"{url}?{urlencode(kept)}#sign-up" if who else url)
    # Only the sign-ups of people this member may see, and the count of those: a volunteer is
    # not told how many others signed up.
    signups = list(
        signups_for(membership)
        .filter(event=event)
        .select_related("person", "brought_by")
        .order_by("person__name")
    )
    signed_up = {s.person_id for s in signups}
    found = list(search_people(membership, who, limit=10)) if who else []
    return render(
        request,
        "campaigns/event_detail.html",
        {
            "event": event,
            "form": form,
            "signups": signups,
            "signup_count": len(signups),
            "statuses": forms.SignUp.Status.choices,
            "who": who,
            "found": [(person, person.pk in signed_up) for person in found],
            # Who may have brought them: the people already signed up whom this member sees.
            "bringers": [s.person for s in signups],
            "brought_by": brought_by,
        },
        status=400 if form.is_bound else 200,
    )


@member_required(*STAFF_ROLES)
def signup_status(request, pk, signup_pk):
    event = get_event_for(request.membership, pk)
    signup = get_object_or_404(signups_for(request.membership).filter(event=event), pk=signup_pk)
    form = forms.SignUpStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.set_signup_status(
            by=request.membership, signup=signup, status=form.cleaned_data["status"]
        )
    return redirect("campaigns:event", pk=event.pk)
