"""`heard demo-scale`: the demo organization grown to N conversations, whole, in its themes, in
the demo's proportions, with its access rules, and never twice.

The demo is loaded and themed once for the module (a word-hashing embedder stands in for the
sentence encoder), then grown by 200 conversations in batches of 64.
"""

import hashlib
import re
from collections import Counter

import numpy as np
import pytest
from django.db.models import Count

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign
from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.conversations.queries import conversations_for
from heard.demo.builder import delete_demo, load_demo
from heard.demo.growing import grown_id, grown_index
from heard.demo.scale import NEW_PEOPLE_PER_CONVERSATION, grow_demo
from heard.people.folding import fold
from heard.people.models import Person
from heard.people.queries import people_for, search_people
from heard.themes import embedding
from heard.themes.models import NoteEmbedding, Theme, ThemeAssignment
from heard.themes.runs import theme_campaign

GROWN = 200


class WordsEmbedder:
    """Each word adds ±1 to a hashed dimension: notes sharing words land near each other."""

    model_id = "test-demo-scale-words"
    dimension = 128

    def embed(self, texts, progress=None):
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.sha256(word.encode()).digest()
                vectors[row, digest[0] % self.dimension] += 1.0 if digest[1] % 2 else -1.0
            vectors[row] /= max(float(np.linalg.norm(vectors[row])), 1e-9)
        return vectors


def shape(organization) -> dict:
    conversations = Conversation.objects.filter(organization=organization)
    return {
        "conversations": conversations.count(),
        "people": Person.objects.filter(organization=organization).count(),
        "participants": Participant.objects.filter(conversation__in=conversations).count(),
        "answers": Answer.objects.filter(conversation__in=conversations).count(),
        "quotes": Quote.objects.filter(conversation__in=conversations).count(),
        "commitments": Commitment.objects.filter(organization=organization).count(),
    }


@pytest.fixture(scope="module")
def grown(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(embedding, "base_embedder", WordsEmbedder)
        organization = load_demo(log=lambda line: None)
        for campaign in Campaign.objects.filter(organization=organization):
            theme_campaign(campaign=campaign)
        before = shape(organization)
        result = grow_demo(
            conversations=before["conversations"] + GROWN, batch_size=64, log=lambda line: None
        )
        yield organization, before, result
        delete_demo()
        NoteEmbedding.objects.filter(model_id=WordsEmbedder.model_id).delete()


@pytest.fixture
def new_conversations(grown, db):
    organization, _, _ = grown
    ids = [grown_id(i) for i in range(GROWN)]
    return Conversation.objects.filter(organization=organization, pk__in=ids)


def test_the_demo_grows_to_exactly_the_number_asked(grown, new_conversations):
    organization, before, result = grown

    assert result.added == GROWN
    assert shape(organization)["conversations"] == before["conversations"] + GROWN
    assert new_conversations.count() == GROWN


def test_a_second_run_with_the_same_number_adds_nothing(grown, db):
    organization, before, _ = grown
    now = shape(organization)

    again = grow_demo(conversations=now["conversations"], log=lambda line: None)
    fewer = grow_demo(conversations=10, log=lambda line: None)

    assert again.added == 0 and fewer.added == 0
    assert shape(organization) == now


def test_the_grown_conversations_keep_the_demos_proportions(grown, new_conversations):
    organization, before, _ = grown
    after = shape(organization)
    added = {key: after[key] - before[key] for key in after}

    def per_conversation(counts, key):
        return counts[key] / counts["conversations"]

    # People: one new neighbour per five conversations, give or take chance.
    assert added["people"] / GROWN >= 0.5 * NEW_PEOPLE_PER_CONVERSATION
    assert added["people"] / GROWN <= 2 * NEW_PEOPLE_PER_CONVERSATION
    # Each conversation copies one of the demo's: per conversation, what the demo has.
    for key in ("participants", "answers", "commitments"):
        demo, new = per_conversation(before, key), per_conversation(added, key)
        assert 0.7 * demo <= new <= 1.3 * demo, key
    venues = Counter(new_conversations.values_list("venue", flat=True))
    assert 0.45 <= venues["door"] / GROWN <= 0.75  # 300 of the demo's 496


def test_every_new_conversation_is_whole_dated_in_its_campaign_and_not_in_the_future(
    new_conversations,
):
    for conversation in new_conversations.select_related("campaign").annotate(
        met=Count("participants", distinct=True), said=Count("answers", distinct=True)
    ):
        campaign = conversation.campaign
        assert conversation.met >= 1 and conversation.said >= 1
        assert campaign.starts_on <= conversation.held_on <= campaign.ends_on
    # Commitments belong to someone who was there.
    for commitment in Commitment.objects.filter(conversation__in=new_conversations):
        assert commitment.conversation.participants.filter(person=commitment.person_id).exists()


def test_every_new_note_is_in_a_theme_of_its_campaign_and_theme_sizes_agree(
    grown, new_conversations
):
    organization, _, _ = grown
    placed = ThemeAssignment.objects.filter(conversation__in=new_conversations).select_related(
        "theme", "conversation"
    )

    assert placed.count() == GROWN
    assert placed.filter(theme=None).count() <= GROWN // 10
    for assignment in placed.exclude(theme=None):
        assert assignment.theme.campaign_id == assignment.conversation.campaign_id
        assert assignment.theme.parent_id is None
    for theme in Theme.objects.filter(campaign__organization=organization):
        held = theme.assignments if theme.parent_id is None else theme.sub_assignments
        assert theme.size == held.count(), theme


def test_a_volunteer_still_sees_only_their_turf_and_their_own_conversations(grown, db):
    organization, _, _ = grown
    volunteer = Membership.objects.get(organization=organization, user__username="volunteer")
    turf = set(volunteer.turf.values_list("pk", flat=True))
    seen = people_for(volunteer)
    theirs = Participant.objects.filter(conversation__held_by=volunteer.user)

    for person in seen:
        assert person.place_id in turf or theirs.filter(person=person).exists()
    grown_people = Person.objects.filter(
        organization=organization,
        participations__conversation__pk__in=[grown_id(i) for i in range(GROWN)],
    ).distinct()
    assert grown_people.exclude(pk__in=seen.values("pk")).exists()
    assert set(conversations_for(volunteer).values_list("held_by", flat=True)) == {
        volunteer.user_id
    }


def test_a_new_person_is_found_by_their_name_without_accents(grown, db):
    organization, before, _ = grown
    organizer = Membership.objects.get(organization=organization, user__username="organizer")
    newcomers = Person.objects.filter(organization=organization).order_by("-pk")
    accented = next(p for p in newcomers[:200] if fold(p.name) != p.name.lower())
    typed = fold(accented.name).upper()

    assert accented.name_folded == fold(accented.name)
    assert accented in search_people(organizer, typed, limit=1000)


def test_grown_ids_tell_grown_conversations_from_the_demos(grown, db):
    organization, _, _ = grown
    indices = [grown_index(pk) for pk in Conversation.objects.values_list("pk", flat=True)]

    assert sorted(i for i in indices if i is not None) == list(range(GROWN))
    assert indices.count(None) == Conversation.objects.count() - GROWN
