"""The Export page and its downloads: thin views over exports.py."""

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render

from heard.accounts.queries import member_required
from heard.campaigns.queries import campaigns_for

from . import exports
from .forms import ExportForm


@member_required()
def index(request):
    membership = request.membership
    staff = membership.is_staff_role
    choices = [
        (
            kind,
            label + (" and their themes" if staff and kind == "conversations" else ""),
            [fmt for fmt in exports.FORMATS if exports.available(kind, fmt)],
        )
        for kind, label in exports.KINDS.items()
        if kind != "tags" or staff
    ]
    form = ExportForm(campaigns=campaigns_for(membership))
    return render(request, "exchange/index.html", {"choices": choices, "form": form})


@member_required()
def download(request, kind, fmt):
    membership = request.membership
    form = ExportForm(request.GET, campaigns=campaigns_for(membership))
    if not exports.available(kind, fmt) or not form.is_valid():
        raise Http404("No such export.")
    made = exports.export_file(
        by=membership, kind=kind, fmt=fmt, campaign=form.cleaned_data["campaign"]
    )
    response = StreamingHttpResponse(made.chunks, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    return response
