"""A campaign with themes and conversations on both sides of a renters/owners divide."""

import hashlib
from types import SimpleNamespace

import numpy as np
import pytest
from factories import ConversationFactory, PersonFactory, QuoteFactory

from heard.common_ground.models import Divide, PersonSide, Side
from heard.themes.models import Theme, ThemeAssignment


def make_theme(campaign, label: str, size: int = 0) -> Theme:
    theme = Theme(campaign=campaign, label=label, size=size)
    theme.vectors = np.ones((1, 8), dtype=np.float32) / np.sqrt(8)
    theme.save()
    return theme


def place_in(conversation, theme) -> None:
    ThemeAssignment.objects.create(
        conversation=conversation,
        campaign=conversation.campaign,
        theme=theme,
        score=0.8,
        note_sha256=hashlib.sha256(str(conversation.pk).encode()).hexdigest(),
    )


@pytest.fixture
def tenure(org):
    divide = Divide.objects.create(organization=org, name="Housing tenure")
    renter = Side.objects.create(divide=divide, name="Renter", position=0)
    owner = Side.objects.create(divide=divide, name="Owner", position=1)
    return SimpleNamespace(divide=divide, renter=renter, owner=owner)


@pytest.fixture
def heard_across(ours, may, tenure):
    """Heat: 6 of 20 renters' and 5 of 20 owners' conversations (common ground). Rent: 12 of
    20 renters', 0 of owners' (the renters' concern). The rest unclear. One quote per side under
    heat, and one not to be shared."""
    campaign = ours.campaign
    heat = make_theme(campaign, "Cold flats in winter", size=11)
    rent = make_theme(campaign, "Rent going up", size=12)
    made = {"renter": [], "owner": []}
    for side, heat_n, rent_n in ((tenure.renter, 6, 12), (tenure.owner, 5, 0)):
        for i in range(20):
            person = PersonFactory(organization=ours.org, name=f"{side.name} {i}")
            PersonSide.objects.create(person=person, divide=tenure.divide, side=side)
            conversation = ConversationFactory(campaign=campaign, held_by=may.user, people=[person])
            theme = heat if i < heat_n else rent if i < heat_n + rent_n else None
            place_in(conversation, theme)
            made[side.name.lower()].append(conversation)
    QuoteFactory(conversation=made["renter"][0], text="We wear coats indoors.", consent="team")
    QuoteFactory(conversation=made["owner"][0], text="The boiler is older than me.", consent="team")
    QuoteFactory(conversation=made["owner"][1], text="Never share this one.", consent="none")
    return SimpleNamespace(heat=heat, rent=rent, **made)
