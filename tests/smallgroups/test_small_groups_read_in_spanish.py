"""Groups formed by a Spanish-speaking organizer: the pages, and the reason each group was
made, are in Spanish."""

import pytest
from django.urls import reverse
from spanish import get_in_spanish, post_in_spanish

from heard.smallgroups.models import SmallGroupPlan

pytestmark = pytest.mark.django_db


def test_forming_groups_in_spanish_gives_spanish_pages_and_reasons(may_client, said_yes):
    campaign = said_yes.campaign
    index = get_in_spanish(may_client, reverse("smallgroups:index", args=[campaign.pk]))
    post_in_spanish(
        may_client,
        reverse("smallgroups:index", args=[campaign.pk]),
        {"pool": "said_yes", "size_min": 4, "size_max": 5},
    )
    plan = SmallGroupPlan.objects.get()
    page = get_in_spanish(may_client, reverse("smallgroups:plan", args=[campaign.pk, plan.pk]))
    cards = get_in_spanish(
        may_client, reverse("smallgroups:invitations", args=[campaign.pk, plan.pk])
    )

    assert "<h1>Grupos pequeños</h1>" in index.content.decode()
    assert "Amigos críticos" in index.content.decode()
    text = page.content.decode()
    assert "Qué tan lejos de lo mejor posible" in text and "How far from" not in text
    assert "todos plantearon Bus cuts" in text and "barrios" in text
    assert "all raised" not in text
    assert "Te invitamos a un grupo pequeño" in cards.content.decode()
