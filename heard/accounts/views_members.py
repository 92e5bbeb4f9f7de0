"""The Members page: an organization's administrator manages its logins inside Heard."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.people.queries import places_for
from heard.search import search_text

from . import forms, services
from .models import Role
from .queries import get_member_for, member_required, search_members


@member_required(Role.ADMIN)
def member_list(request):
    query = search_text(request.GET.get("q", ""))
    page = Paginator(search_members(request.membership, query), 30).get_page(
        request.GET.get("page")
    )
    return render(request, "accounts/member_list.html", {"page": page, "query": query})


@member_required(Role.ADMIN)
def member_add(request):
    data = request.POST if request.method == "POST" else None
    form = forms.NewMemberForm(data, places=places_for(request.membership))
    if form.is_bound and form.is_valid():
        try:
            member = services.add_member(by=request.membership, **form.member())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s can now log in.") % {"name": member.display_name})
            return redirect("members:edit", pk=member.pk)
    return render(
        request, "accounts/member_add.html", {"form": form}, status=400 if form.is_bound else 200
    )


@member_required(Role.ADMIN)
def member_edit(request, pk):
    member = get_member_for(request.membership, pk)
    data = request.POST if request.method == "POST" else None
    form = forms.MemberChangeForm(data, places=places_for(request.membership), member=member)
    if form.is_bound and form.is_valid():
        try:
            member = services.change_member(
                by=request.membership,
                member=member,
                role=form.cleaned_data["role"],
                turf=form.cleaned_data["turf"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(name)s’s role and turf are saved.") % {"name": member.display_name}
            )
            # An administrator who made themselves an organizer may no longer open this page.
            return redirect("members:list" if member.role == Role.ADMIN else "home")
    return render(
        request,
        "accounts/member_edit.html",
        {"member": member, "form": form},
        status=400 if form.is_bound else 200,
    )


@member_required(Role.ADMIN)
@require_POST
def member_active(request, pk):
    member = get_member_for(request.membership, pk)
    form = forms.ActiveForm(request.POST)
    if form.is_valid():
        try:
            member = services.set_member_active(
                by=request.membership, member=member, active=form.cleaned_data["active"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if member.user.is_active:
                done = _("%(name)s can log in again.")
            else:
                done = _("%(name)s can no longer log in.")
            messages.success(request, done % {"name": member.display_name})
    return redirect("members:edit", pk=member.pk)


@member_required(Role.ADMIN)
def member_password(request, pk):
    member = get_member_for(request.membership, pk)
    form = forms.PasswordForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            member = services.set_member_password(
                by=request.membership, member=member, password=form.cleaned_data["password"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if member.user_id == request.user.pk:
                # Their own password: stay logged in here, other sessions end.
                update_session_auth_hash(request, member.user)
            messages.success(
                request, _("%(name)s has a new password.") % {"name": member.display_name}
            )
            return redirect("members:edit", pk=member.pk)
    return render(
        request,
        "accounts/member_password.html",
        {"member": member, "form": form},
        status=400 if form.is_bound else 200,
    )


@member_required(Role.ADMIN)
def sharing(request):
    """What the organization shares with its member volunteers beyond their turf."""
    organization = request.membership.organization
    data = request.POST if request.method == "POST" else None
    form = forms.SharingForm(data, initial={"read_plans": organization.volunteers_read_plans})
    if form.is_bound and form.is_valid():
        services.set_volunteer_sharing(
            by=request.membership, read_plans=form.cleaned_data["read_plans"]
        )
        messages.success(request, _("What volunteers may read is saved."))
        return redirect("members:sharing")
    return render(request, "accounts/sharing.html", {"form": form})
