"""Factories and fakes for the themes tests (kept apart from conftest so tests can import them)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Sequence

import numpy as np
from django.contrib.auth import get_user_model

from heard.accounts.models import Membership, Organization
from heard.campaigns.models import Campaign, Purpose
from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.people.models import Person, Place

# Each topic's notes share most of their words, so a bag-of-words embedder groups them.
#: Enough notes per topic that the analysis may find three themes (it expects >= 10 each).
PER_TOPIC = 14

TOPICS = {
    "rent": "rent landlord raised the rent again lease rent increase apartment",
    "traffic": "cars speeding street crossing kids school traffic speed bumps",
    "park": "park lights broken trash park benches playground park cleanup",
}
EXTRA = ["worried", "every", "month", "neighbours", "block", "family", "again", "evening"]


class HashingEmbedder:
    """A deterministic bag-of-words embedder: each word adds ±1 to a hashed dimension.

    It counts how many texts reach it, so tests can see what the cache saved.
    """

    model_id = "test-hashing-bow"
    dimension = 256

    def __init__(self) -> None:
        self.calls = 0
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str], progress=None) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                digest = hashlib.sha256(word.encode()).digest()
                index = int.from_bytes(digest[:4], "little") % self.dimension
                vectors[row, index] += 1.0 if digest[4] % 2 else -1.0
            norm = np.linalg.norm(vectors[row])
            if norm:
                vectors[row] /= norm
        if progress is not None:
            progress(len(texts), len(texts))
        return vectors


def make_member(organization: Organization, username: str, role: str) -> Membership:
    user = get_user_model().objects.create_user(username=username, password="pw-for-tests-only")
    return Membership.objects.create(user=user, organization=organization, role=role)


def topic_note(topic: str, n: int) -> str:
    words = TOPICS[topic].split()
    return " ".join(words) + " " + EXTRA[n % len(EXTRA)] + " " + EXTRA[(n * 3 + 1) % len(EXTRA)]


def add_conversation(
    campaign: Campaign,
    by: Membership,
    note: str,
    *,
    why: str = "",
    hope: str = "",
    quotes: Sequence[tuple[str, str]] = (),
    place: Place | None = None,
    held_on: dt.date | None = None,
) -> Conversation:
    """A conversation stored directly (no worker involved), with its answers and quotes."""
    person = Person.objects.create(organization=campaign.organization, name=f"Neighbour {note[:8]}")
    conversation = Conversation.objects.create(
        id=uuid.uuid4(),
        organization=campaign.organization,
        campaign=campaign,
        venue="door",
        held_on=held_on or dt.date(2025, 3, 1),
        place=place,
        held_by=by.user,
    )
    Participant.objects.create(conversation=conversation, person=person)
    questions = {q.purpose: q for q in campaign.questions.all()}
    for purpose, text in ((Purpose.PROBLEM, note), (Purpose.WHY, why), (Purpose.HOPE, hope)):
        if text:
            Answer.objects.create(conversation=conversation, question=questions[purpose], text=text)
    for text, consent in quotes:
        Quote.objects.create(conversation=conversation, person=person, text=text, consent=consent)
    return conversation


def theme_of(conversation: Conversation):
    conversation.theme_assignment.refresh_from_db()
    return conversation.theme_assignment.theme


def login(client, membership: Membership):
    client.force_login(membership.user)
    return client
