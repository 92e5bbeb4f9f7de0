from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.people.queries import get_person_for

from . import exports, forms, services
from .queries import (
    commitment_choices,
    event_choices,
    get_action_for,
    get_plan_campaign_for,
    get_plan_theme_for,
    may_edit_plan,
    owner_choices,
    plan_page,
    theme_choices,
)


def _action_form(membership, plan_theme, data=None, initial=None):
    campaign = plan_theme.plan.campaign
    return forms.ActionForm(
        data,
        initial=initial,
        owners=owner_choices(membership, campaign),
        commitments=commitment_choices(membership, plan_theme),
        events=event_choices(membership, campaign),
    )


@member_required()
def plan_detail(request, pk):
    membership = request.membership
    campaign = get_plan_campaign_for(membership, pk)
    page = plan_page(membership, campaign)
    editing = may_edit_plan(membership)
    context = {"page": page, "campaign": campaign, "editing": editing}
    if editing:
        chosen = [t.plan_theme.theme_id for t in page.themes if t.plan_theme.theme_id]
        context["choose_form"] = forms.ChooseThemesForm(
            initial={"themes": chosen}, themes=theme_choices(membership, campaign)
        )
        for theme in page.themes:
            theme.notes_form = forms.ThemeNotesForm(
                initial={
                    "challenge": theme.plan_theme.challenge,
                    "opportunity": theme.plan_theme.opportunity,
                },
                prefix=f"t{theme.plan_theme.pk}",
            )
        context["statuses"] = forms.StatusForm.base_fields["status"].choices
    return render(request, "plans/plan.html", context)


def _to_plan(campaign_pk, anchor=""):
    return redirect(reverse("plans:detail", args=[campaign_pk]) + anchor)


@member_required(*STAFF_ROLES)
def choose_themes(request, pk):
    membership = request.membership
    campaign = get_plan_campaign_for(membership, pk)
    if request.method != "POST":  # the form lives on the plan page
        return _to_plan(campaign.pk)
    form = forms.ChooseThemesForm(request.POST, themes=theme_choices(membership, campaign))
    if not form.is_valid():
        messages.error(request, _("Nothing changed: choose among the campaign's themes."))
        return _to_plan(campaign.pk)
    plan = services.choose_themes(
        by=membership, campaign=campaign, themes=list(form.cleaned_data["themes"])
    )
    if plan.kept:
        messages.info(
            request,
            _("Kept, because they have actions: %(themes)s.") % {"themes": "; ".join(plan.kept)},
        )
    messages.success(request, _("The plan's themes are saved."))
    return _to_plan(campaign.pk)


@member_required(*STAFF_ROLES)
def theme_notes(request, pk):
    membership = request.membership
    plan_theme = get_plan_theme_for(membership, pk)
    if request.method != "POST":
        return _to_plan(plan_theme.plan.campaign_id, f"#theme-{plan_theme.pk}")
    form = forms.ThemeNotesForm(request.POST, prefix=f"t{plan_theme.pk}")
    if form.is_valid():
        services.write_theme_notes(by=membership, plan_theme=plan_theme, **form.cleaned_data)
        messages.success(request, _("Notes on “%(theme)s” saved.") % {"theme": plan_theme.title})
    else:
        messages.error(request, _("Nothing saved: the notes are too long."))
    return _to_plan(plan_theme.plan.campaign_id, f"#theme-{plan_theme.pk}")


def _details(membership, form) -> services.ActionDetails:
    member_id, person_id = form.owner_ids()
    person = get_person_for(membership, person_id) if person_id else None
    data = form.cleaned_data
    return services.ActionDetails(
        what=data["what"],
        owner_member_id=member_id,
        owner_person=person,
        hours=data.get("hours"),
        due_on=data.get("due_on"),
        status=data["status"],
        commitment=data.get("commitment"),
        event=data.get("event"),
    )


@member_required(*STAFF_ROLES)
def action_add(request, pk):
    membership = request.membership
    plan_theme = get_plan_theme_for(membership, pk)
    campaign = plan_theme.plan.campaign
    form = _action_form(membership, plan_theme, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_action(
                by=membership, plan_theme=plan_theme, details=_details(membership, form)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action added."))
            return _to_plan(campaign.pk, f"#theme-{plan_theme.pk}")
    return render(
        request,
        "plans/action.html",
        {"form": form, "plan_theme": plan_theme, "campaign": campaign, "action": None},
    )


@member_required(*STAFF_ROLES)
def action_edit(request, pk):
    membership = request.membership
    action = get_action_for(membership, pk)
    plan_theme = action.plan_theme
    campaign = plan_theme.plan.campaign
    form = _action_form(
        membership, plan_theme, request.POST or None, initial=forms.ActionForm.initial_for(action)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.change_action(by=membership, action=action, details=_details(membership, form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action saved."))
            return _to_plan(campaign.pk, f"#theme-{plan_theme.pk}")
    return render(
        request,
        "plans/action.html",
        {"form": form, "plan_theme": plan_theme, "campaign": campaign, "action": action},
    )


@member_required(*STAFF_ROLES)
def action_status(request, pk):
    membership = request.membership
    action = get_action_for(membership, pk)
    if request.method != "POST":
        return _to_plan(action.plan_theme.plan.campaign_id, f"#theme-{action.plan_theme_id}")
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        services.set_action_status(by=membership, action=action, status=form.cleaned_data["status"])
    else:
        messages.error(request, _("Nothing changed: pick a status."))
    return _to_plan(action.plan_theme.plan.campaign_id, f"#theme-{action.plan_theme_id}")


@member_required(*STAFF_ROLES)
def action_remove(request, pk):
    membership = request.membership
    action = get_action_for(membership, pk)
    campaign_pk, theme_pk = action.plan_theme.plan.campaign_id, action.plan_theme_id
    if request.method != "POST":
        return _to_plan(campaign_pk, f"#theme-{theme_pk}")
    services.remove_action(by=membership, action=action)
    messages.success(request, _("Action removed."))
    return _to_plan(campaign_pk, f"#theme-{theme_pk}")


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@member_required()
def plan_pdf(request, pk):
    campaign = get_plan_campaign_for(request.membership, pk)
    page = plan_page(request.membership, campaign)
    return _download(exports.plan_pdf(page), "application/pdf", exports.filename(page, "pdf"))


@member_required()
def plan_docx(request, pk):
    campaign = get_plan_campaign_for(request.membership, pk)
    page = plan_page(request.membership, campaign)
    return _download(
        exports.plan_docx(page),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        exports.filename(page, "docx"),
    )
