"""A correction keeps the consent rules (heard/people/consent.py): a conversation whose people
all said no to notes being kept gets no answers or quotes back, and the history of a
correction holds none of a neighbour's words, so an erased person leaves no trace in it."""

import json

import pytest
from django.core.exceptions import ValidationError
from factories import ConsentFactory, ConversationFactory, QuoteFactory

from heard.conversations.corrections import NO_NOTES, as_it_is, correct_conversation
from heard.conversations.models import Answer, ConversationChange
from heard.people.models import Consent
from heard.privacy.models import AuditEvent
from heard.privacy.services import erase_person

from .correcting import correct_url, correction_data


@pytest.fixture
def withheld(ours, lee):
    """Rosa said no to notes being kept: her conversation with Lee keeps no notes."""
    ConsentFactory(person=ours.rosa, topic=Consent.Topic.RECORDS, granted=False)
    conversation = ConversationFactory(campaign=ours.campaign, held_by=lee.user, people=[ours.rosa])
    return conversation


def test_the_page_offers_no_answers_where_everyone_said_no_to_notes(lee_client, withheld):
    page = lee_client.get(correct_url(withheld)).content.decode()

    assert "Everyone in this conversation asked us not to keep notes" in page
    assert 'name="answer_' not in page


def test_posting_an_answer_anyway_stores_nothing(lee_client, ours, withheld):
    data = correction_data(withheld, **{f"answer_{ours.problem.pk}": "Words she asked us to drop"})

    response = lee_client.post(correct_url(withheld), data, follow=True)

    assert "Nothing was changed." in response.content.decode()
    assert not Answer.objects.filter(conversation=withheld).exists()
    assert not ConversationChange.objects.filter(conversation=withheld).exists()


def test_the_service_refuses_to_add_answers_back(lee, ours, withheld):
    correction = as_it_is(lee, withheld)
    correction.answers[ours.problem.pk] = "Words she asked us to drop"

    with pytest.raises(ValidationError) as refused:
        correct_conversation(by=lee, conversation=withheld, correction=correction)

    assert refused.value.message_dict == {f"answer_{ours.problem.pk}": [NO_NOTES]}
    assert not Answer.objects.filter(conversation=withheld).exists()


def test_the_other_details_of_such_a_conversation_may_still_be_corrected(lee_client, withheld):
    response = lee_client.post(correct_url(withheld), correction_data(withheld, venue="other"))

    assert response.status_code == 302
    withheld.refresh_from_db()
    assert withheld.venue == "other"


def test_an_erased_persons_words_are_nowhere_in_the_history(lee, lee_client, ours):
    """Rosa and Sam talked with Lee together. Lee corrects Rosa's quote twice (her words, then
    her consent) and Sam's answer; then Rosa is erased. The conversation stays, with Sam, and
    its history says what changed and when, and nothing of Rosa."""
    group = ConversationFactory(
        campaign=ours.campaign, held_by=lee.user, people=[ours.sam, ours.rosa]
    )
    Answer.objects.create(conversation=group, question=ours.problem, text="Sam: no hot water.")
    quote = QuoteFactory(
        conversation=group, person=ours.rosa, text="Quillfeather told me the rent doubles."
    )
    lee_client.post(
        correct_url(group),
        correction_data(group, **{f"quote_{quote.pk}_text": "Obsidianwick says rent doubles."}),
    )
    lee_client.post(
        correct_url(group),
        correction_data(
            group,
            **{
                f"quote_{quote.pk}_consent": "none",
                f"answer_{ours.problem.pk}": "Sam: no hot water since May.",
            },
        ),
    )
    assert ConversationChange.objects.filter(conversation=group).count() == 2

    erase_person(by=None, person=ours.rosa)

    changes = ConversationChange.objects.filter(conversation=group)
    assert changes.count() == 2
    kept = json.dumps([c.changes for c in changes], ensure_ascii=False)
    kept += " ".join(str(c) for c in changes)
    kept += json.dumps(
        list(AuditEvent.objects.values_list("detail", flat=True)), ensure_ascii=False
    )
    for trace in ("Rosa", "Alvarez", "Quillfeather", "Obsidianwick", "rent doubles", "hot water"):
        assert trace not in kept
    assert "Quote 1's consent" in kept  # the history itself stays
