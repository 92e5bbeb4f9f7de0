"""A campaign of ours with two themes and 20 neighbours who said yes, on both sides of a
renters/owners divide and in two neighbourhoods."""

import hashlib
from types import SimpleNamespace

import numpy as np
import pytest
from factories import ConversationFactory, PersonFactory

from heard.common_ground.models import Divide, PersonSide, Side
from heard.conversations.models import Response
from heard.themes.models import Theme, ThemeAssignment


def make_theme(campaign, label: str) -> Theme:
    theme = Theme(campaign=campaign, label=label, size=10)
    theme.vectors = np.ones((1, 8), dtype=np.float32) / np.sqrt(8)
    theme.save()
    return theme


@pytest.fixture
def said_yes(ours, may, maple, riverside):
    campaign = ours.campaign
    bus = make_theme(campaign, "Bus cuts")
    rent = make_theme(campaign, "Rent going up")
    tenure = Divide.objects.create(organization=ours.org, name="Renters and owners")
    renter = Side.objects.create(divide=tenure, name="Renter", position=0)
    owner = Side.objects.create(divide=tenure, name="Owner", position=1)
    people = []
    for i in range(20):
        person = PersonFactory(
            organization=ours.org, name=f"Neighbour{i} Yes", place=maple if i % 2 else riverside
        )
        PersonSide.objects.create(person=person, divide=tenure, side=renter if i % 3 else owner)
        conversation = ConversationFactory(
            campaign=campaign,
            held_by=may.user,
            people=[person],
            next_step="house_meeting",
            next_step_response=Response.YES,
        )
        ThemeAssignment.objects.create(
            conversation=conversation,
            campaign=campaign,
            theme=bus if i < 12 else rent,
            score=0.8,
            note_sha256=hashlib.sha256(str(conversation.pk).encode()).hexdigest(),
        )
        people.append(person)
    return SimpleNamespace(campaign=campaign, bus=bus, rent=rent, people=people)
