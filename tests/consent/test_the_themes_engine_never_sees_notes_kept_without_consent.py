"""Rule 3 in the themes: a conversation whose people all said no to notes has no note, even if
words are still stored (recorded before the rule, or by a path that forgot it), so no run,
sweep or curation embeds or groups them; and a conversation emptied by a no leaves its theme."""

import numpy as np
import pytest
from factories import AnswerFactory, ConversationFactory, GuideQuestionFactory, QuoteFactory

from heard.campaigns.models import Purpose
from heard.people.services import record_consent
from heard.themes.models import NoteEmbedding, Theme, ThemeAssignment
from heard.themes.notes import answers_for_campaign, notes_for_campaign, notes_for_conversations

from .helpers import RECORDS, say


@pytest.fixture
def quiet(ours, may):
    """A group of Rosa and Sam, and Rosa's conversation with Lee; Rosa said no to notes (as a
    row only: her words are still stored)."""
    group = ConversationFactory(
        campaign=ours.campaign, held_by=may.user, venue="small_group", people=[ours.rosa, ours.sam]
    )
    AnswerFactory(conversation=group, question=ours.problem, text="Rats in the basement.")
    why = GuideQuestionFactory(campaign=ours.campaign, purpose=Purpose.WHY, position=9)
    AnswerFactory(conversation=ours.by_lee, question=why, text="My children are always ill.")
    say(ours.rosa, RECORDS, False)
    return group


def test_a_campaign_s_notes_leave_out_conversations_where_everyone_said_no(ours, quiet):
    notes = {n.conversation_id: n.text for n in notes_for_campaign(ours.campaign.pk)}
    assert ours.by_lee.pk not in notes
    assert notes[quiet.pk] == "Rats in the basement."  # Sam agreed: the group's notes stay
    assert notes[ours.by_may.pk] == "Mould behind the wardrobe."


def test_the_worker_s_sweep_gathers_no_note_for_them_either(ours, quiet):
    notes = notes_for_conversations([ours.by_lee.pk, quiet.pk])
    assert [n.conversation_id for n in notes] == [quiet.pk]


def test_a_conversation_with_only_quotes_is_left_out_too(ours, may):
    only_quotes = ConversationFactory(campaign=ours.campaign, held_by=may.user, people=[ours.sam])
    QuoteFactory(conversation=only_quotes, person=ours.sam, text="Nobody listens to us.")
    assert only_quotes.pk in {n.conversation_id for n in notes_for_campaign(ours.campaign.pk)}
    say(ours.sam, RECORDS, False)
    assert only_quotes.pk not in {n.conversation_id for n in notes_for_campaign(ours.campaign.pk)}


def test_why_and_hope_lines_beside_the_themes_leave_them_out(ours, quiet):
    assert answers_for_campaign(ours.campaign.pk, Purpose.WHY) == {}
    say(ours.rosa, RECORDS, True)
    assert answers_for_campaign(ours.campaign.pk, Purpose.WHY) == {
        ours.by_lee.pk: "My children are always ill."
    }


def test_a_conversation_emptied_by_a_no_leaves_its_theme_and_its_vector(may, ours):
    theme = Theme.objects.create(
        campaign=ours.campaign, label="cold flats", prototypes=b"", dimension=4, size=2
    )
    for conversation, digest in ((ours.by_lee, "a" * 64), (ours.by_may, "b" * 64)):
        ThemeAssignment.objects.create(
            conversation=conversation, campaign=ours.campaign, theme=theme, note_sha256=digest
        )
        NoteEmbedding.objects.create(
            model_id="m", text_sha256=digest, vector=np.zeros(4, np.float32).tobytes()
        )
    record_consent(by=may, person=ours.rosa, topic=RECORDS, granted=False)
    assert not ThemeAssignment.objects.filter(conversation=ours.by_lee).exists()
    assert ThemeAssignment.objects.filter(conversation=ours.by_may).exists()
    theme.refresh_from_db()
    assert theme.size == 1
    assert list(NoteEmbedding.objects.values_list("text_sha256", flat=True)) == ["b" * 64]
