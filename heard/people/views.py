from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from heard.accounts.queries import member_required
from heard.commitments.queries import commitments_of
from heard.common_ground.connectors import roles_of
from heard.common_ground.queries import sides_of
from heard.conversations.queries import conversations_with
from heard.leadership.queries import commitments_kept, standing_of
from heard.search import search_text
from heard.spaces.queries import spaces_of

from . import consent
from .forms import ConsentForm
from .models import Consent
from .queries import (
    get_person_for,
    lookalikes_of,
    people_to_carry,
    relationships_of,
    search_people,
)
from .services import record_consent


@member_required()
def person_list(request):
    query = search_text(request.GET.get("q", ""))
    people = search_people(request.membership, query, limit=0)
    page = Paginator(people, 30).get_page(request.GET.get("page"))
    return render(request, "people/list.html", {"page": page, "query": query})


@member_required()
def person_detail(request, pk):
    membership = request.membership
    person = get_person_for(membership, pk)
    conversations = list(conversations_with(membership, person))
    quotes = [q for c in conversations for q in c.visible_quotes if q.person_id == person.id]
    next_steps = [c for c in conversations if c.next_step]
    commitments = list(commitments_of(membership, person))
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "conversations": conversations,
            "quotes": quotes,
            "next_steps": next_steps,
            "commitments": commitments,
            "ties": relationships_of(membership, person),
            "standing": standing_of(membership, person),
            "kept": commitments_kept(commitments),
            "sides": [row.side for row in sides_of(membership, person).values()],
            "roles": roles_of(membership, person),
            "spaces": list(spaces_of(membership, person)),
            "consents": consent.answers_of(person),
            "may_record_consent": consent.may_record_consent(membership, person),
            # Merging is staff's: a volunteer sees only part of the people a match would name.
            "lookalikes": lookalikes_of(membership, person) if membership.is_staff_role else [],
        },
    )


# What the page says once a consent is recorded, by topic and answer.
RECORDED = {
    (Consent.Topic.CONTACT, True): _("%(name)s may be contacted again."),
    (Consent.Topic.CONTACT, False): (
        _("%(name)s asked not to be contacted: their phone and email are hidden everywhere.")
    ),
    (Consent.Topic.RECORDS, True): _("%(name)s agreed to notes being kept."),
    (Consent.Topic.RECORDS, False): _("%(name)s asked us not to keep notes."),
}


@member_required()
def person_consent(request, pk):
    """Record a person's yes or no on contact or notes, from their page (a GET goes back)."""
    membership = request.membership
    person = get_person_for(membership, pk)
    if not consent.may_record_consent(membership, person):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("people:detail", pk=person.pk)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Choose what they agreed to, and yes or no."))
        return redirect("people:detail", pk=person.pk)
    topic, granted = form.cleaned_data["topic"], form.cleaned_data["granted"]
    _consent, forgotten = record_consent(by=membership, person=person, topic=topic, granted=granted)
    message = RECORDED[(topic, granted)] % {"name": person.name}
    if forgotten.conversations or forgotten.quotes or forgotten.signals:
        message += " " + gettext(
            "Removed: the notes of %(conversations)s, %(quotes)s and %(signals)s."
        ) % {
            "conversations": ngettext(
                "%(n)d conversation", "%(n)d conversations", forgotten.conversations
            )
            % {"n": forgotten.conversations},
            "quotes": ngettext("%(n)d quote", "%(n)d quotes", forgotten.quotes)
            % {"n": forgotten.quotes},
            "signals": ngettext("%(n)d leader signal", "%(n)d leader signals", forgotten.signals)
            % {"n": forgotten.signals},
        }
    messages.success(request, message)
    return redirect("people:detail", pk=person.pk)


@member_required()
def people_turf(request):
    """The people a phone keeps for the capture page with no signal (heard/offline)."""
    return JsonResponse({"people": people_to_carry(request.membership)})


@member_required()
def person_search(request):
    """The capture form's typeahead: people the asker may see, matching what was typed."""
    query = search_text(request.GET.get("q", ""))
    people = search_people(request.membership, query, limit=12) if query.strip() else []
    return JsonResponse(
        {
            "results": [
                {
                    "id": p.id,
                    "name": p.name,
                    "place": p.place.name if p.place else "",
                    "household": p.household.name if p.household else "",
                }
                for p in people
            ]
        }
    )
