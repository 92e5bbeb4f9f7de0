from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import campaigns_for
from heard.common_ground.queries import sides_for
from heard.people.queries import get_person_for, places_for
from heard.search import search_text

from .forms import AssessmentForm, LeaderFilterForm, ScaleFormSet
from .queries import emerging_leaders, explained, path_of, scale_for, scale_in_use
from .services import ScaleLevel, record_assessment, save_scale


@member_required(*STAFF_ROLES)
def leader_list(request):
    membership = request.membership
    form = LeaderFilterForm(
        request.GET,
        campaigns=campaigns_for(membership).order_by("-starts_on", "name"),
        places=places_for(membership).order_by("name"),
        sides=sides_for(membership),
        levels=scale_for(membership),
    )
    # A filter that does not hold (an id of nothing we know) is dropped, not a crash.
    filters = form.cleaned_data if form.is_valid() else {}
    people = emerging_leaders(
        membership,
        campaign=filters.get("campaign"),
        place=filters.get("place"),
        query=search_text(request.GET.get("q", "")),
        side=filters.get("side"),
        kindliness=filters.get("kindliness", ""),
        level=filters.get("level"),
    )
    page = Paginator(people, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "leadership/list.html",
        {"form": form, "page": page, "leaders": explained(page)},
    )


@member_required(*STAFF_ROLES)
def assess(request, pk):
    """An organizer records what they saw of a person, with why; the path shows beside it."""
    membership = request.membership
    person = get_person_for(membership, pk)
    levels = scale_for(membership)
    form = AssessmentForm(request.POST or None, levels=levels)
    if request.method == "POST" and form.is_valid():
        try:
            record_assessment(
                by=membership,
                person=person,
                level=form.cleaned_data["level"],
                signals=set(form.cleaned_data["signals"]),
                kindliness=form.cleaned_data["kindliness"],
                barriers=set(form.cleaned_data["barriers"]),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Assessment of %(name)s recorded.") % {"name": person.name})
            return redirect("leadership:assess", pk=person.pk)
    return render(
        request,
        "leadership/assess.html",
        {
            "person": person,
            "form": form,
            "has_scale": levels.exists(),
            "page": Paginator(path_of(membership, person), 30).get_page(request.GET.get("page")),
        },
    )


@member_required(*STAFF_ROLES)
def scale(request):
    """The organization's own leadership scale: add, reorder, rename, redefine, remove unused."""
    membership = request.membership
    levels = list(scale_in_use(membership))
    formset = ScaleFormSet(
        request.POST if request.method == "POST" else None,
        initial=[
            {"id": level, "name": level.name, "definition": level.definition, "ORDER": n}
            for n, level in enumerate(levels, start=1)
        ],
        form_kwargs={"levels": scale_for(membership)},
        prefix="scale",
    )
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        rows = [
            ScaleLevel(
                name=f.cleaned_data["name"],
                definition=f.cleaned_data["definition"],
                level=f.cleaned_data.get("id"),
            )
            for f in formset.ordered_forms
        ]
        removed = [f.cleaned_data["id"] for f in formset.deleted_forms if f.cleaned_data.get("id")]
        try:
            save_scale(by=membership, levels=rows, removed=removed)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Leadership scale saved."))
            return redirect("leadership:scale")
    uses = {level.pk: level.uses for level in levels}
    rows = [(f, uses.get(f.initial.get("id").pk) if f.initial.get("id") else None) for f in formset]
    return render(
        request,
        "leadership/scale.html",
        {"formset": formset, "rows": rows, "errors": errors},
        status=400 if request.method == "POST" else 200,
    )
