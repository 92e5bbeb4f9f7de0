"""Third spaces: the registry, a place's page, and the organizers' changes to them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import events_for
from heard.conversations.queries import conversations_for
from heard.people.queries import people_for, places_for, search_people
from heard.refusals import show_refusal
from heard.search import search_text
from heard.smallgroups.queries import groups_for
from heard.smallgroups.services import meet_at

from . import services
from .forms import FoundForm, RegularForm, SmallGroupForm, SpaceFilterForm, SpaceForm
from .mentions import find_in_notes, mentions_of, people_of
from .queries import get_regular_for, get_space_for, regulars_of, search_spaces
from .report import themes_of_space

PER_PAGE = 30
CANDIDATES_SHOWN = 20


@member_required()
def space_list(request):
    membership = request.membership
    filters = SpaceFilterForm(request.GET or None, places=places_for(membership))
    chosen = filters.cleaned_data if filters.is_valid() else {}
    spaces = search_spaces(
        membership,
        query=search_text(chosen.get("q") or ""),
        kind=chosen.get("kind") or "",
        neighbourhood=chosen.get("neighbourhood"),
        hub=bool(chosen.get("hub")),
    )
    page = Paginator(spaces, PER_PAGE).get_page(request.GET.get("page"))
    found = find_in_notes(membership, candidates=membership.is_staff_role)
    for space in page:
        space.mentioned_in = found.count_for(space)
    return render(
        request,
        "spaces/list.html",
        {
            "page": page,
            "filters": filters,
            "candidates": found.candidates[:CANDIDATES_SHOWN],
            "more_candidates": max(len(found.candidates) - CANDIDATES_SHOWN, 0),
        },
    )


@member_required()
def space_detail(request, pk):
    membership = request.membership
    space = get_space_for(membership, pk)
    mentions = mentions_of(membership, space)
    held_on = dict(
        conversations_for(membership)
        .filter(pk__in={m.conversation_id for m in mentions})
        .values_list("pk", "held_on")
    )
    groups = groups_for(membership)
    # "Who else goes here?": staff find a person by name, as on an event's page.
    who = search_text(request.GET.get("who", "")).strip()
    found = (
        list(search_people(membership, who, limit=10)) if who and membership.is_staff_role else []
    )
    return render(
        request,
        "spaces/detail.html",
        {
            "space": space,
            "regulars": regulars_of(membership, space),
            "themes": themes_of_space(membership, space),
            "events": events_for(membership).filter(space=space).order_by("-starts_at")[:20],
            "groups": list(groups.filter(space=space)),
            "mentions": [(m, held_on.get(m.conversation_id)) for m in mentions],
            "who": who,
            "found": found,
            "group_form": SmallGroupForm(groups=groups.exclude(space=space))
            if membership.is_staff_role
            else None,
        },
    )


@member_required(*STAFF_ROLES)
def space_edit(request, pk=None):
    membership = request.membership
    space = get_space_for(membership, pk) if pk else None
    initial = SpaceForm.initial_for(space) if space else None
    form = SpaceForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        places=places_for(membership),
    )
    if request.method == "POST" and form.is_valid():
        try:
            space = services.save_space(by=membership, space=space, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("“%(name)s” saved.") % {"name": space.name})
            return redirect("spaces:detail", pk=space.pk)
    return render(
        request,
        "spaces/edit.html",
        {"form": form, "space": space},
        status=400 if form.is_bound else 200,
    )


@member_required(*STAFF_ROLES)
def space_remove(request, pk):
    space = get_space_for(request.membership, pk)
    if request.method != "POST":
        return redirect("spaces:detail", pk=space.pk)
    services.remove_space(by=request.membership, space=space)
    messages.success(request, _("“%(name)s” is no longer in the registry.") % {"name": space.name})
    return redirect("spaces:list")


@member_required(*STAFF_ROLES)
def small_group(request, pk):
    """ "Meet a small group here": the chosen group of the organization meets at this place."""
    membership = request.membership
    space = get_space_for(membership, pk)
    if request.method != "POST":
        return redirect("spaces:detail", pk=space.pk)
    form = SmallGroupForm(request.POST, groups=groups_for(membership))
    if form.is_valid():
        group = meet_at(by=membership, group=form.cleaned_data["group"], space=space)
        messages.success(
            request,
            _("Group %(position)s (%(concern)s) meets here.")
            % {"position": group.position, "concern": group.concern_title},
        )
    else:
        messages.error(request, _("Choose one of the small groups."))
    return redirect("spaces:detail", pk=space.pk)


@member_required(*STAFF_ROLES)
def regular_add(request, pk):
    membership = request.membership
    space = get_space_for(membership, pk)
    if request.method != "POST":
        return redirect("spaces:detail", pk=space.pk)
    form = RegularForm(request.POST, people=people_for(membership))
    if form.is_valid():
        person = form.cleaned_data["person"]
        services.add_regular(by=membership, space=space, person=person)
        messages.success(
            request, _("%(name)s goes to %(place)s.") % {"name": person.name, "place": space.name}
        )
    else:
        messages.error(request, _("Choose someone you can see."))
    return redirect("spaces:detail", pk=space.pk)


@member_required(*STAFF_ROLES)
def regular_remove(request, pk, regular_pk):
    membership = request.membership
    space = get_space_for(membership, pk)
    regular = get_regular_for(membership, space, regular_pk)
    if request.method == "POST":
        services.remove_regular(by=membership, regular=regular)
        messages.success(
            request,
            _("%(name)s no longer listed at %(place)s.")
            % {"name": regular.person.name, "place": space.name},
        )
    return redirect("spaces:detail", pk=space.pk)


@member_required(*STAFF_ROLES)
def add_found(request):
    """Add a place found in notes to the registry, with the people of those conversations as
    its regulars. The place is looked up again in the notes: the form only names it."""
    membership = request.membership
    if request.method != "POST":
        return redirect("spaces:list")
    form = FoundForm(request.POST)
    key = form.cleaned_data["key"] if form.is_valid() else ""
    candidate = next((c for c in find_in_notes(membership).candidates if c.key == key), None)
    if candidate is None:
        messages.error(request, _("That place is no longer mentioned in the notes you can read."))
        return redirect("spaces:list")
    pairs = people_of(candidate.mentions)
    people = people_for(membership).in_bulk({person for person, _ in pairs})
    conversations = conversations_for(membership).in_bulk({c for _, c in pairs})
    space = services.add_found_in_notes(
        by=membership,
        name=candidate.name,
        kind=candidate.kind,
        found=[(people[p], conversations.get(c)) for p, c in pairs if p in people],
    )
    messages.success(request, _("“%(name)s” is in the registry now.") % {"name": space.name})
    return redirect("spaces:detail", pk=space.pk)
