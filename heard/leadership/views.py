from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import campaigns_for
from heard.people.queries import get_person_for, places_for
from heard.search import search_text

from .forms import AssessmentForm, LeaderFilterForm
from .queries import emerging_leaders, explained, path_of
from .services import record_assessment


@member_required(*STAFF_ROLES)
def leader_list(request):
    membership = request.membership
    form = LeaderFilterForm(
        request.GET,
        campaigns=campaigns_for(membership).order_by("-starts_on", "name"),
        places=places_for(membership).order_by("name"),
    )
    # A filter that does not hold (an id of nothing we know) is dropped, not a crash.
    filters = form.cleaned_data if form.is_valid() else {}
    people = emerging_leaders(
        membership,
        campaign=filters.get("campaign"),
        place=filters.get("place"),
        query=search_text(request.GET.get("q", "")),
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
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_assessment(
                by=membership,
                person=person,
                signals=set(form.cleaned_data["signals"]),
                kindliness=form.cleaned_data["kindliness"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"Assessment of {person.name} recorded.")
            return redirect("leadership:assess", pk=person.pk)
    return render(
        request,
        "leadership/assess.html",
        {
            "person": person,
            "form": form,
            "page": Paginator(path_of(membership, person), 30).get_page(request.GET.get("page")),
        },
    )
