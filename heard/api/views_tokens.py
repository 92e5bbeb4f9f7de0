"""API tokens: an administrator makes them for members of the organization; every member sees
and revokes their own (an administrator, anyone's)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from heard.accounts.models import Role
from heard.accounts.queries import member_required, members_for

from . import forms, services
from .queries import get_token_for, tokens_for


def _new_form(request, data=None):
    members = members_for(request.membership).filter(user__is_active=True)
    return forms.NewTokenForm(data, members=members.order_by("user__username"))


@member_required()
def token_list(request):
    membership = request.membership
    form = _new_form(request) if membership.role == Role.ADMIN else None
    return render(
        request,
        "api/token_list.html",
        {"tokens": tokens_for(membership).order_by("revoked_at", "-created_at"), "form": form},
    )


@member_required(Role.ADMIN)
def token_new(request):
    if request.method != "POST":
        return redirect("api_tokens:list")
    form = _new_form(request, request.POST)
    if form.is_valid():
        try:
            made = services.create_token(
                by=request.membership,
                member=form.cleaned_data["member"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The secret is shown on this response only; it is stored nowhere.
            return render(request, "api/token_made.html", {"made": made}, status=201)
    tokens = tokens_for(request.membership).order_by("revoked_at", "-created_at")
    return render(request, "api/token_list.html", {"tokens": tokens, "form": form}, status=400)


@member_required()
def token_revoke(request, pk):
    token = get_token_for(request.membership, pk)
    if request.method != "POST":
        return redirect("api_tokens:list")
    services.revoke_token(by=request.membership, token=token)
    messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("api_tokens:list")
