"""Two records of one person, side by side; on confirm, one is merged into the other."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from heard.accounts.queries import STAFF_ROLES, member_required

from .forms import MergeForm
from .merging import merge_people
from .queries import get_person_for, holdings_of


@member_required(*STAFF_ROLES)
def merge(request, pk, other_pk):
    membership = request.membership
    person = get_person_for(membership, pk)
    other = get_person_for(membership, other_pk)
    if person.pk == other.pk:
        raise Http404("A person is not merged with themself.")
    form = MergeForm(request.POST or None, people=[person, other])
    if request.method == "POST" and form.is_valid():
        keep, duplicate = (
            (person, other) if form.cleaned_data["keep"] == person.pk else (other, person)
        )
        merge_people(by=membership, keep=keep, duplicate=duplicate)
        messages.success(
            request,
            _("Merged: everything recorded for the other %(duplicate)s is now %(kept)s's.")
            % {"duplicate": duplicate.name, "kept": keep.name},
        )
        return redirect("people:detail", pk=keep.pk)
    radios = list(form["keep"])
    sides = [(p, holdings_of(membership, p), radios[i]) for i, p in enumerate((person, other))]
    return render(request, "people/merge.html", {"form": form, "sides": sides, "person": person})
