"""The Import pages: upload, map the columns, look at the check, choose per match, apply."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import campaigns_for
from heard.refusals import show_refusal

from . import checking, services
from .forms import ChoicesForm, MappingForm, UploadForm
from .models import ImportBatch
from .queries import get_import_for, imports_for

SAMPLES = 3
PROBLEMS_SHOWN = 200


@member_required(*STAFF_ROLES)
def import_list(request):
    membership = request.membership
    form = UploadForm(
        request.POST or None, request.FILES or None, campaigns=campaigns_for(membership)
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.start_import(
                by=membership,
                filename=upload.name,
                data=upload.read(),
                kind=form.cleaned_data["kind"],
                campaign=form.cleaned_data["campaign"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return redirect("exchange:import", pk=batch.pk)
    page = Paginator(imports_for(membership).defer("rows"), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "exchange/imports.html",
        {"form": form, "page": page},
        status=400 if form.errors else 200,
    )


@member_required(*STAFF_ROLES)
def import_detail(request, pk):
    membership = request.membership
    batch = get_import_for(membership, pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        return render(request, "exchange/import_done.html", {"batch": batch})
    batch.refresh_from_db(fields=["rows"])
    samples = [[row[i] for row in batch.rows[:SAMPLES]] for i in range(len(batch.columns))]
    data = request.POST if request.method == "POST" else None
    mapping_form = MappingForm(
        data if data and "map" in data else None,
        initial=batch.mapping,
        columns=batch.columns,
        samples=samples,
        fields=services.fields_of(batch),
    )
    if mapping_form.is_bound and mapping_form.is_valid():
        try:
            services.set_mapping(by=membership, batch=batch, mapping=mapping_form.mapping())
        except ValidationError as error:
            show_refusal(mapping_form, error)
        else:
            return redirect("exchange:import", pk=batch.pk)
    checked = services.check(membership, batch)
    choices_form = ChoicesForm(data if data and "choose" in data else None, rows=checked.matched)
    if choices_form.is_bound and choices_form.is_valid():
        services.set_choices(by=membership, batch=batch, choices=choices_form.choices())
        messages.success(request, _("Your choices are saved."))
        return redirect("exchange:import", pk=batch.pk)
    return render(
        request,
        "exchange/import.html",
        {
            "batch": batch,
            "mapping_form": mapping_form,
            "mapping_problems": services.mapping_problems(batch, batch.mapping),
            "checked": checked,
            "problems": checked.problems[:PROBLEMS_SHOWN],
            "matches": [(row, choices_form[f"row_{row.number}"]) for row in checked.matched],
            "choices_form": choices_form,
            "counts": {a: checked.count(a) for a in checking.ACTIONS},
        },
        status=400 if mapping_form.errors or choices_form.errors else 200,
    )


@member_required(*STAFF_ROLES)
def import_apply(request, pk):
    membership = request.membership
    batch = get_import_for(membership, pk)
    if request.method != "POST":  # the button lives on the import's page
        return redirect("exchange:import", pk=batch.pk)
    try:
        report = services.apply_import(by=membership, batch=batch)
    except ValidationError as error:
        for message in error.messages[:20]:
            messages.error(request, message)
        return redirect("exchange:import", pk=batch.pk)
    messages.success(
        request,
        _(
            "Imported: %(created)s new, %(merged)s added to people already here, "
            "%(skipped)s left out."
        )
        % report,
    )
    return redirect("exchange:import", pk=batch.pk)


@member_required(*STAFF_ROLES)
def import_discard(request, pk):
    membership = request.membership
    batch = get_import_for(membership, pk)
    if request.method != "POST":
        return redirect("exchange:import", pk=batch.pk)
    try:
        services.discard_import(by=membership, batch=batch)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("exchange:imports")
