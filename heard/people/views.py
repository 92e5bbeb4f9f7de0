from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render

from heard.accounts.queries import member_required
from heard.commitments.queries import commitments_of
from heard.conversations.queries import conversations_with

from .queries import get_person_for, relationships_of, search_people


@member_required()
def person_list(request):
    query = request.GET.get("q", "")
    people = search_people(request.membership, query, limit=0)
    page = Paginator(people, 30).get_page(request.GET.get("page"))
    return render(request, "people/list.html", {"page": page, "query": query})


@member_required()
def person_detail(request, pk):
    membership = request.membership
    person = get_person_for(membership, pk)
    conversations = list(conversations_with(membership, person))
    quotes = [q for c in conversations for q in c.quotes.all() if q.person_id == person.id]
    next_steps = [c for c in conversations if c.next_step]
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "conversations": conversations,
            "quotes": quotes,
            "next_steps": next_steps,
            "commitments": commitments_of(membership, person),
            "ties": relationships_of(membership, person),
            "assessments": person.assessments.filter(
                conversation__in=[c.pk for c in conversations]
            ),
        },
    )


@member_required()
def person_search(request):
    """The capture form's typeahead: people the asker may see, matching what was typed."""
    query = request.GET.get("q", "")
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
