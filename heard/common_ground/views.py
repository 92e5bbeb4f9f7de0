"""The Common ground pages: thin views over report.py (reads) and services.py (writes)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import get_campaign_for
from heard.people.queries import get_person_for
from heard.refusals import show_refusal
from heard.themes.queries import campaigns_with_themes

from . import forms, services
from .connectors import connectors_on
from .divides import NEIGHBOURHOOD, choice_for, divide_choices
from .kindliness import kindliness_lens
from .queries import divides_for, get_divide_for, sides_of
from .report import common_ground_page


@member_required(*STAFF_ROLES)
def index(request):
    return render(
        request,
        "common_ground/index.html",
        {
            "campaigns": campaigns_with_themes(request.membership),
            "divides": divides_for(request.membership),
        },
    )


@member_required(*STAFF_ROLES)
def campaign(request, campaign_pk):
    membership = request.membership
    chosen_campaign = get_campaign_for(membership, campaign_pk)
    choices = divide_choices(membership)
    picker = forms.DividePickerForm(request.GET, choices=choices)
    # An unknown divide (a removed one, a typo in the address) falls back to neighbourhood.
    key = picker.cleaned_data["divide"] if picker.is_valid() else ""
    divide = choice_for(membership, key or NEIGHBOURHOOD)
    return render(
        request,
        "common_ground/campaign.html",
        {
            "page": common_ground_page(membership, chosen_campaign, divide),
            "connectors": connectors_on(membership, divide),
            "picker": picker,
            "choices": choices,
        },
        status=200 if picker.is_valid() or not request.GET.get("divide") else 400,
    )


@member_required(*STAFF_ROLES)
def kindliness(request, campaign_pk):
    """The kindliness lens: staff only, like the Themes and Common ground pages it crosses."""
    membership = request.membership
    chosen_campaign = get_campaign_for(membership, campaign_pk)
    lens = kindliness_lens(membership, chosen_campaign, divide_choices(membership))
    return render(request, "common_ground/kindliness.html", {"lens": lens})


@member_required(*STAFF_ROLES)
def divide_list(request):
    membership = request.membership
    form = forms.DivideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            divide = services.define_divide(by=membership, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Divide “%(name)s” added.") % {"name": divide.name})
            return redirect("common_ground:divides")
    return render(
        request,
        "common_ground/divides.html",
        {"divides": divides_for(membership), "form": form},
        status=400 if form.errors else 200,
    )


@member_required(*STAFF_ROLES)
def divide_change(request, pk):
    membership = request.membership
    divide = get_divide_for(membership, pk)
    form = forms.ChangeDivideForm(request.POST or None, divide=divide)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_divide(by=membership, divide=divide, **form.changes())
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("Divide “%(name)s” saved.") % {"name": form.cleaned_data["name"]}
            )
            return redirect("common_ground:divides")
    return render(
        request,
        "common_ground/divide_change.html",
        {"divide": divide, "form": form},
        status=400 if form.errors else 200,
    )


@member_required(*STAFF_ROLES)
def divide_remove(request, pk):
    """Remove a divide (a POST; a GET goes back to the divide's page)."""
    divide = get_divide_for(request.membership, pk)
    if request.method != "POST":
        return redirect("common_ground:divide", pk=divide.pk)
    count = services.remove_divide(by=request.membership, divide=divide)
    done = ngettext(
        "Divide “%(name)s” removed, with %(count)d person's side.",
        "Divide “%(name)s” removed, with %(count)d people's sides.",
        count,
    )
    messages.success(request, done % {"name": divide.name, "count": count})
    return redirect("common_ground:divides")


@member_required()
def person_sides(request, pk):
    """Which side of each divide a neighbour is on; any member who may see them records it."""
    membership = request.membership
    person = get_person_for(membership, pk)
    divides = divides_for(membership)
    form = forms.PersonSidesForm(
        request.POST or None, divides=divides, current=sides_of(membership, person)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_sides(by=membership, person=person, chosen=form.chosen())
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(name)s's sides saved.") % {"name": person.name})
            back = request.POST.get("next", "")
            if back.startswith("/") and url_has_allowed_host_and_scheme(
                back, {request.get_host()}, request.is_secure()
            ):
                # The one-tap question on a conversation's page comes back to it (a path of
                # this site only; never handed to `redirect`, which would take it for a view name).
                return HttpResponseRedirect(back)
            return redirect("people:detail", pk=person.pk)
    return render(
        request,
        "common_ground/person_sides.html",
        {"person": person, "form": form},
        status=400 if form.errors else 200,
    )
