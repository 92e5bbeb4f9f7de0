"""Shared data for the themes tests: three personas, a campaign whose neighbours talk about a few
clearly different things, and a fake embedder so no test loads the real model."""

from __future__ import annotations

import datetime as dt

import pytest
from themes_factories import (
    PER_TOPIC,
    TOPICS,
    HashingEmbedder,
    add_conversation,
    make_member,
    topic_note,
)

from heard.accounts.models import Membership, Organization, Role
from heard.campaigns.models import Campaign, GuideQuestion, Purpose
from heard.conversations.models import Conversation
from heard.people.models import Place
from heard.themes import embedding


@pytest.fixture(autouse=True)
def fake_embedder(monkeypatch) -> HashingEmbedder:
    fake = HashingEmbedder()
    monkeypatch.setattr(embedding, "base_embedder", lambda: fake)
    return fake


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def organization(db) -> Organization:
    return Organization.objects.create(name="Eastside Neighbours", slug="eastside")


@pytest.fixture
def organizer(organization) -> Membership:
    return make_member(organization, "olivia", Role.ORGANIZER)


@pytest.fixture
def volunteer(organization) -> Membership:
    return make_member(organization, "victor", Role.VOLUNTEER)


@pytest.fixture
def outsider(db) -> Membership:
    other = Organization.objects.create(name="Westside Tenants", slug="westside")
    return make_member(other, "oscar", Role.ORGANIZER)


@pytest.fixture
def places(organization) -> list[Place]:
    return [
        Place.objects.create(organization=organization, name=name)
        for name in ("Riverside", "Hillcrest")
    ]


@pytest.fixture
def campaign(organization) -> Campaign:
    campaign = Campaign.objects.create(organization=organization, name="Listening 2025")
    for position, (purpose, prompt) in enumerate(
        [
            (Purpose.PROBLEM, "What is hard around here?"),
            (Purpose.WHY, "Why does it matter to you?"),
            (Purpose.HOPE, "What do you hope for?"),
        ],
        start=1,
    ):
        GuideQuestion.objects.create(
            campaign=campaign, position=position, prompt=prompt, purpose=purpose
        )
    return campaign


@pytest.fixture
def listened(campaign, organizer, places) -> dict[str, list[Conversation]]:
    """Fourteen conversations on each of three topics, across two neighbourhoods and two months."""
    made: dict[str, list[Conversation]] = {}
    for topic in TOPICS:
        made[topic] = [
            add_conversation(
                campaign,
                organizer,
                topic_note(topic, n),
                why=f"my family {topic} safety home",
                hope=f"a fair {topic} plan for everyone",
                place=places[n % 2],
                held_on=dt.date(2025, 2 + n % 2, 10),
            )
            for n in range(PER_TOPIC)
        ]
    return made
