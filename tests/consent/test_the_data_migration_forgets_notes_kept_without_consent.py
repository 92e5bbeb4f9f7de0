"""Existing installations: people said no before the rule was enforced, and their words were
kept. The data migration applies the rule once to what is stored (run here on today's models,
which the historical ones mirror)."""

import importlib

import numpy as np
import pytest
from django.apps import apps
from factories import AssessmentFactory, ConversationFactory, QuoteFactory

from heard.themes.models import NoteEmbedding, Theme, ThemeAssignment

from .helpers import RECORDS, say

migration = importlib.import_module(
    "heard.people.migrations.0002_forget_notes_kept_without_consent"
)


@pytest.fixture
def group(ours, may):
    talk = ConversationFactory(
        campaign=ours.campaign, held_by=may.user, venue="small_group", people=[ours.rosa, ours.sam]
    )
    QuoteFactory(conversation=talk, person=ours.rosa, text="Rosa's words.")
    QuoteFactory(conversation=talk, person=ours.sam, text="Sam's words.")
    AssessmentFactory(person=ours.rosa, conversation=talk)
    return talk


def test_it_empties_conversations_where_everyone_said_no_and_trims_groups(ours, group):
    theme = Theme.objects.create(
        campaign=ours.campaign, label="cold", prototypes=b"", dimension=4, size=2
    )
    ThemeAssignment.objects.create(
        conversation=ours.by_lee, campaign=ours.campaign, theme=theme, note_sha256="a" * 64
    )
    ThemeAssignment.objects.create(
        conversation=ours.by_may, campaign=ours.campaign, theme=theme, note_sha256="b" * 64
    )
    NoteEmbedding.objects.create(model_id="m", text_sha256="a" * 64, vector=np.zeros(4).tobytes())
    say(ours.rosa, RECORDS, True)
    say(ours.rosa, RECORDS, False)  # the newest answer counts
    say(ours.sam, RECORDS, True)

    migration.forget_withheld_notes(apps, None)

    assert not ours.by_lee.answers.exists() and not ours.by_lee.quotes.exists()
    assert list(group.quotes.values_list("text", flat=True)) == ["Sam's words."]
    assert not group.assessments.exists()
    assert ours.by_may.answers.exists()
    assert not ThemeAssignment.objects.filter(conversation=ours.by_lee).exists()
    theme.refresh_from_db()
    assert theme.size == 1
    assert not NoteEmbedding.objects.exists()


def test_it_leaves_everything_when_nobody_said_no(ours, group):
    say(ours.rosa, RECORDS, False)
    say(ours.rosa, RECORDS, True)
    migration.forget_withheld_notes(apps, None)
    assert ours.by_lee.answers.exists() and group.quotes.count() == 2
