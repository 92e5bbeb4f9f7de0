"""Who knows whom, from a person's page: find someone, say how they know each other; end a tie.

No JavaScript needed: the search is a GET, each result carries its own small form (a volunteer
on a phone with a poor signal can still add a tie)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from heard.accounts.queries import member_required
from heard.refusals import show_refusal
from heard.search import search_text

from .forms import TieForm
from .queries import get_person_for, get_tie_for, people_for, relationships_of, search_people
from .services import add_tie, end_tie

RESULTS = 12


@member_required()
def ties(request, pk):
    membership = request.membership
    person = get_person_for(membership, pk)
    form = TieForm(request.POST or None, people=people_for(membership).exclude(pk=person.pk))
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["other"]
        try:
            add_tie(
                by=membership,
                person=person,
                other=other,
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("%(name)s and %(other)s: tie recorded.")
                % {"name": person.name, "other": other.name},
            )
            return redirect("people:ties", pk=person.pk)
    query = search_text(request.GET.get("q", ""))
    found = (
        search_people(membership, query, limit=0).exclude(pk=person.pk)[:RESULTS] if query else []
    )
    return render(
        request,
        "people/ties.html",
        {
            "person": person,
            "ties": relationships_of(membership, person),
            "form": form,
            "query": query,
            "found": found,
            "kinds": TieForm.base_fields["kind"].choices,
        },
        status=400 if form.errors else 200,
    )


@member_required()
def end(request, pk, tie_pk):
    """End a tie (a POST; a GET goes back to the ties page)."""
    membership = request.membership
    person = get_person_for(membership, pk)
    if request.method != "POST":
        return redirect("people:ties", pk=person.pk)
    tie = get_tie_for(membership, person, tie_pk)
    end_tie(by=membership, tie=tie)
    messages.success(request, _("Tie ended."))
    return redirect("people:ties", pk=person.pk)
