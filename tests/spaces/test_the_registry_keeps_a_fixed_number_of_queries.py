"""The registry and a place's page take as many queries with 30 places, regulars and notes as
with 3: mentions come from one query for the answers and one regular expression."""

import pytest
from django.urls import reverse
from factories import AnswerFactory, ConversationFactory, PersonFactory

from heard.spaces.models import Regular
from heard.spaces.services import save_space


@pytest.fixture
def grow(ours, may, lee, maple):
    first = save_space(by=may, name="Place 0 Park", kind="park")
    made = {"n": 0}

    def grow(n):
        for _ in range(n):
            i = made["n"] = made["n"] + 1
            space = save_space(by=may, name=f"Place {i} Park", kind="park")
            person = PersonFactory(organization=ours.org, place=maple)
            conversation = ConversationFactory(
                campaign=ours.campaign, held_by=lee.user, people=[person]
            )
            AnswerFactory(
                conversation=conversation,
                question=ours.problem,
                text=f"We meet at Place {i} Park and at Place 0 Park, and at Elm Street Library.",
            )
            Regular.objects.create(person=person, space=space, how="notes")
            Regular.objects.create(person=person, space=first, how="capture")

    return first, grow


@pytest.mark.parametrize("who", ["may_client", "lee_client"])
def test_the_registry_and_a_place_page_do_not_grow_with_their_rows(grow, queries_for, who, request):
    client = request.getfixturevalue(who)
    first, grow = grow
    grow(3)
    few = [queries_for(client, reverse("spaces:list")),
           queries_for(client, reverse("spaces:detail", args=[first.pk]))]  # fmt: skip
    grow(27)
    many = [queries_for(client, reverse("spaces:list")),
            queries_for(client, reverse("spaces:detail", args=[first.pk]))]  # fmt: skip
    assert many == few
    assert few[0] <= 12 and few[1] <= 16
