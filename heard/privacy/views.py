"""The audit log page and a person's rights page: for the organization's administrators."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.accounts.models import Role
from heard.accounts.queries import member_required
from heard.people.queries import get_person_for

from .forms import AuditFilterForm, EraseForm
from .queries import audit_events_for, filter_events, holdings_of, kinds_in_log, members_in_log
from .services import erase_person, export_person

PAGE_SIZE = 50


@member_required(Role.ADMIN)
def audit_log(request):
    membership = request.membership
    form = AuditFilterForm(
        request.GET or None, members=members_in_log(membership), kinds=kinds_in_log(membership)
    )
    events = filter_events(audit_events_for(membership), form.wanted())
    if request.GET.get("format") == "csv":
        return _csv(events)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "privacy/audit.html", {"form": form, "page": page})


class _Echo:
    def write(self, value):
        return value


def _cell(value) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet; a username can start so.
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(events) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    header = ["at", "member", "action", "record kind", "record id", "detail"]

    def rows():
        yield writer.writerow(header)
        for e in events.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    _cell(value)
                    for value in (
                        timezone.localtime(e.at).isoformat(timespec="seconds"),
                        e.actor_name,
                        e.action,
                        e.object_kind,
                        e.object_id,
                        e.detail,
                    )
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    today = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="heard-audit-{today}.csv"'
    return response


@member_required(Role.ADMIN)
def person_rights(request, pk):
    person = get_person_for(request.membership, pk)
    return _rights_page(request, person, EraseForm(person=person))


def _rights_page(request, person, form, status=200):
    return render(
        request,
        "privacy/person.html",
        {"person": person, "holdings": holdings_of(person), "form": form},
        status=status,
    )


@member_required(Role.ADMIN)
def person_export(request, pk):
    person = get_person_for(request.membership, pk)
    data = export_person(by=request.membership, person=person)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="heard-person-{person.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


@member_required(Role.ADMIN)
@require_POST
def person_erase(request, pk):
    person = get_person_for(request.membership, pk)
    form = EraseForm(request.POST, person=person)
    if not form.is_valid():
        return _rights_page(request, person, form, status=400)
    erasure = erase_person(by=request.membership, person=person)
    # No name in the message: messages may be kept in the session table.
    messages.success(
        request,
        _("Person #%(id)s and everything Heard held about them have been erased.")
        % {"id": erasure.person_id},
    )
    return redirect("people:list")
