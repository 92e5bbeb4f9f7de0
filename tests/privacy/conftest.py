"""Administrators (the only members who read the audit log, export and erase), and one
neighbour whose every word carries a marker no other row holds, so a dump of the database can be
searched for them after an erasure."""

from types import SimpleNamespace

import numpy as np
import pytest
from django.test import Client
from factories import (
    AnswerFactory,
    AssessmentFactory,
    CommitmentFactory,
    ConsentFactory,
    ConversationFactory,
    HouseholdFactory,
    MembershipFactory,
    PersonFactory,
    QuoteFactory,
    RelationshipFactory,
    SignUpFactory,
)

from heard.accounts.models import Role
from heard.analysis.cache import text_sha256
from heard.themes.models import NoteEmbedding, Theme, ThemeAssignment


@pytest.fixture
def ada(org):
    """The administrator of our organization."""
    return MembershipFactory(organization=org, role=Role.ADMIN, user__username="ada")


@pytest.fixture
def olive(otto):
    """The administrator of the other organization."""
    return MembershipFactory(
        organization=otto.organization, role=Role.ADMIN, user__username="olive"
    )


def client_for(membership) -> Client:
    client = Client()
    client.force_login(membership.user)
    return client


@pytest.fixture
def ada_client(ada):
    return client_for(ada)


@pytest.fixture
def olive_client(olive):
    return client_for(olive)


#: Everything of Zephyrine's that must be gone after her erasure (and be in her export).
MARKERS = {
    "name": "Zephyrine Quillfeather",
    "phone": "555-7319-4402",
    "email": "zephyrine.q@marker.example",
    "address": "41 Obsidianwick Lane",
    "answer": "the boiler-grumblewort leaks into the stairwell",
    "why": "my grandmother-thistlecrown taught me to speak up",
    "quote": "we are not ghosts-velvetmarrow in our own homes",
    "group_quote": "the council-pennywhistle never answers us",
    "note": "met at the laundromat-quixotry",
    "commitment": "bring-fernsparrow to the tenants meeting",
}
#: Words of the others in her group conversation: they stay.
STAYING = {
    "group_answer": "the whole block-cobblestone wants the repairs done",
    "sam_quote": "I have lived here-marigoldhush for thirty years",
}


@pytest.fixture
def zephyrine(ours, may, lee):
    """Our neighbour with a one-to-one conversation, a group conversation with Sam, ties,
    consents, a sign-up, commitments, leader signals, a household of her own, and a theme
    whose label, phrases and highlights come from her words."""
    org, campaign = ours.org, ours.campaign
    household = HouseholdFactory(
        organization=org, name="Quillfeather household", address=MARKERS["address"]
    )
    person = PersonFactory(
        organization=org,
        name=MARKERS["name"],
        phone=MARKERS["phone"],
        email=MARKERS["email"],
        household=household,
    )
    alone = ConversationFactory(campaign=campaign, held_by=may.user, people=[person])
    answer = AnswerFactory(conversation=alone, question=ours.problem, text=MARKERS["answer"])
    why = AnswerFactory(conversation=alone, question=ours.hope, text=MARKERS["why"])
    quote = QuoteFactory(conversation=alone, person=person, text=MARKERS["quote"], consent="none")
    CommitmentFactory(conversation=alone, person=person, what=MARKERS["commitment"])
    AssessmentFactory(person=person, conversation=alone)

    group = ConversationFactory(
        campaign=campaign, held_by=lee.user, venue="small_group", people=[person, ours.sam]
    )
    group_answer = AnswerFactory(
        conversation=group, question=ours.problem, text=STAYING["group_answer"]
    )
    group_quote = QuoteFactory(conversation=group, person=person, text=MARKERS["group_quote"])
    sam_quote = QuoteFactory(conversation=group, person=ours.sam, text=STAYING["sam_quote"])
    AssessmentFactory(person=person, conversation=group, wants_to_host=True)

    RelationshipFactory(person=person, other=ours.rosa, note=MARKERS["note"])
    RelationshipFactory(person=ours.sam, other=person, kind="friend")
    ConsentFactory(person=person, topic="records", granted=True)
    ConsentFactory(person=person, topic="contact", granted=True)
    SignUpFactory(event=ours.event, person=person)

    # Her conversation sits in a theme named from her words, with her quote highlighted.
    theme = Theme.objects.create(
        campaign=campaign,
        label="boiler-grumblewort leaks",
        keywords=["boiler-grumblewort", "stairwell"],
        why_phrases=["grandmother-thistlecrown taught me"],
        hope_phrases=[],
        highlights={"quotes": [quote.pk, sam_quote.pk], "why": [why.pk], "hope": []},
        prototypes=np.ones((1, 4), dtype=np.float32).tobytes(),
        dimension=4,
        size=2,
    )
    alone_note = text_sha256(MARKERS["answer"])
    group_note = text_sha256(STAYING["group_answer"])
    for conversation, digest in ((alone, alone_note), (group, group_note)):
        ThemeAssignment.objects.create(
            conversation=conversation,
            campaign=campaign,
            theme=theme,
            score=0.9,
            note_sha256=digest,
        )
        NoteEmbedding.objects.create(
            model_id="fake", text_sha256=digest, vector=np.ones(4, np.float32).tobytes()
        )
    return SimpleNamespace(
        person=person,
        household=household,
        alone=alone,
        group=group,
        answer=answer,
        why=why,
        quote=quote,
        group_answer=group_answer,
        group_quote=group_quote,
        sam_quote=sam_quote,
        theme=theme,
        alone_note=alone_note,
        group_note=group_note,
    )
