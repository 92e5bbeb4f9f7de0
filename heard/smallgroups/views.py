"""The small-groups pages: thin views over queries.py (reads) and services.py (writes). Staff
only (the rule is in queries.py): a volunteer gets 403, another organization's rows 404. An
address that only takes a POST answers a GET with the page it belongs to."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from heard.accounts.queries import STAFF_ROLES, member_required, members_for
from heard.campaigns.queries import get_campaign_for
from heard.people.queries import people_for

from . import forms, services
from .queries import (
    friends_for,
    get_plan_for,
    groups_of,
    invitations_of,
    lockable_people,
    locks_of,
    plans_for,
    suggested_friends,
)


def _plan(request, campaign_pk, pk):
    campaign = get_campaign_for(request.membership, campaign_pk)
    plan = get_plan_for(request.membership, pk)
    if plan.campaign_id != campaign.pk:
        raise Http404
    return campaign, plan


def _friend_form(membership, data=None):
    return forms.FriendForm(
        data,
        people=people_for(membership),
        members=members_for(membership).filter(user__is_active=True),
    )


@member_required(*STAFF_ROLES)
def index(request, campaign_pk):
    membership = request.membership
    campaign = get_campaign_for(membership, campaign_pk)
    form = forms.FormGroupsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.form_groups(by=membership, campaign=campaign, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("smallgroups:plan", campaign.pk, plan.pk)
    return render(
        request,
        "smallgroups/index.html",
        {
            "campaign": campaign,
            "form": form,
            "plans": plans_for(membership, campaign)[:10],
            "friends": friends_for(membership),
            "suggested": suggested_friends(membership, campaign),
            "friend_form": _friend_form(membership),
        },
        status=400 if form.errors else 200,
    )


@member_required(*STAFF_ROLES)
def plan(request, campaign_pk, pk):
    membership = request.membership
    campaign, chosen = _plan(request, campaign_pk, pk)
    return render(
        request,
        "smallgroups/plan.html",
        {
            "campaign": campaign,
            "plan": chosen,
            "groups": groups_of(chosen),
            "locks": locks_of(chosen),
            "lock_form": forms.LockForm(people=lockable_people(membership, chosen)),
        },
    )


@member_required(*STAFF_ROLES)
def resolve(request, campaign_pk, pk):
    campaign, chosen = _plan(request, campaign_pk, pk)
    if request.method != "POST":
        return redirect("smallgroups:plan", campaign.pk, chosen.pk)
    services.form_groups(
        by=request.membership,
        campaign=campaign,
        pool=chosen.pool,
        size_min=chosen.size_min,
        size_max=chosen.size_max,
        plan=chosen,
    )
    messages.success(request, _("Groups formed again, keeping every lock."))
    return redirect("smallgroups:plan", campaign.pk, chosen.pk)


@member_required(*STAFF_ROLES)
def lock_add(request, campaign_pk, pk):
    membership = request.membership
    campaign, chosen = _plan(request, campaign_pk, pk)
    if request.method != "POST":
        return redirect("smallgroups:plan", campaign.pk, chosen.pk)
    form = forms.LockForm(request.POST, people=lockable_people(membership, chosen))
    if form.is_valid():
        services.lock_people(by=membership, plan=chosen, **form.cleaned_data)
        messages.success(request, _("Locked. Form the groups again to apply it."))
    else:
        messages.error(request, _("Choose two different people of these groups."))
    return redirect("smallgroups:plan", campaign.pk, chosen.pk)


@member_required(*STAFF_ROLES)
def lock_remove(request, campaign_pk, pk, lock_pk):
    campaign, chosen = _plan(request, campaign_pk, pk)
    lock = get_object_or_404(locks_of(chosen), pk=lock_pk)
    if request.method == "POST":
        services.unlock(by=request.membership, lock=lock)
    return redirect("smallgroups:plan", campaign.pk, chosen.pk)


@member_required(*STAFF_ROLES)
def invitations(request, campaign_pk, pk):
    campaign, chosen = _plan(request, campaign_pk, pk)
    return render(
        request,
        "smallgroups/invitations.html",
        {"campaign": campaign, "plan": chosen, "cards": invitations_of(groups_of(chosen))},
    )


@member_required(*STAFF_ROLES)
def friend_add(request, campaign_pk):
    membership = request.membership
    campaign = get_campaign_for(membership, campaign_pk)
    if request.method != "POST":
        return redirect("smallgroups:index", campaign.pk)
    form = _friend_form(membership, request.POST)
    if form.is_valid():
        friend = services.mark_critical_friend(by=membership, **form.cleaned_data)
        messages.success(
            request,
            _("%(name)s is marked willing to be a critical friend.") % {"name": friend.name},
        )
    else:
        messages.error(request, _("Choose one person or one member of ours."))
    return redirect("smallgroups:index", campaign.pk)


@member_required(*STAFF_ROLES)
def friend_remove(request, campaign_pk, pk):
    membership = request.membership
    campaign = get_campaign_for(membership, campaign_pk)
    friend = get_object_or_404(friends_for(membership), pk=pk)
    if request.method == "POST":
        services.unmark_critical_friend(by=membership, friend=friend)
    return redirect("smallgroups:index", campaign.pk)
