"""A correction reaches the themes at once: a quote whose consent is taken back leaves the theme
pages (they re-check consent as they are read) and the person's page; a conversation whose
words changed is placed again by the worker, unless an organizer placed it by hand; one left
with no words leaves its theme, and the vector of its old words is forgotten."""

import pytest
from django.urls import reverse
from themes_factories import PER_TOPIC, add_conversation, login, theme_of, topic_note

from heard.analysis.cache import text_sha256
from heard.campaigns.models import Purpose
from heard.conversations.corrections import QuoteFix, as_it_is, correct_conversation
from heard.themes.models import NoteEmbedding, ThemeAssignment
from heard.themes.services import move_conversation, theme_campaign

SHARED = "The landlord laughed when I asked for heat"


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return {topic: theme_of(conversations[0]) for topic, conversations in listened.items()}


@pytest.fixture
def quoted(campaign, listened, volunteer):
    """A rent conversation Victor held, with a quote shared inside the team, in its theme."""
    conversation = add_conversation(
        campaign, volunteer, topic_note("rent", 3), quotes=[(SHARED, "team")]
    )
    theme_campaign(campaign=campaign)
    return conversation


def correct(by, conversation, **changes):
    correction = as_it_is(by, conversation)
    for name, value in changes.items():
        setattr(correction, name, value)
    return correct_conversation(by=by, conversation=conversation, correction=correction)


def test_a_quote_no_longer_to_be_shared_leaves_the_theme_and_person_pages_at_once(
    client, campaign, quoted, organizer, volunteer, django_capture_on_commit_callbacks
):
    login(client, organizer)
    theme = theme_of(quoted)
    quote = quoted.quotes.get()
    pages = [
        reverse("themes:campaign", args=[campaign.pk]),
        reverse("themes:detail", args=[theme.pk]),
        reverse("people:detail", args=[quote.person_id]),
    ]
    for url in pages:
        assert SHARED in client.get(url).content.decode(), url

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("conversations:correct", args=[quoted.pk]),
            {
                "held_on": quoted.held_on.isoformat(),
                "venue": quoted.venue,
                "place": quoted.place_id or "",
                "next_step": "",
                "next_step_response": "not_asked",
                **{f"answer_{a.question_id}": a.text for a in quoted.answers.all()},
                f"quote_{quote.pk}_text": quote.text,
                f"quote_{quote.pk}_consent": "none",
            },
        )
    assert response.status_code == 302

    for url in pages:
        assert SHARED not in client.get(url).content.decode(), url
    # The conversation did not move: only who may read the quote changed.
    assert theme_of(quoted) == theme


def test_a_quote_someone_now_lets_us_share_joins_its_theme_at_once(
    client, campaign, listened, volunteer, organizer, django_capture_on_commit_callbacks
):
    private = "We only told you because you listened"
    conversation = add_conversation(
        campaign, volunteer, topic_note("park", 5), quotes=[(private, "none")]
    )
    theme_campaign(campaign=campaign)
    url = reverse("themes:campaign", args=[campaign.pk])
    assert private not in login(client, organizer).get(url).content.decode()

    quote = conversation.quotes.get()
    with django_capture_on_commit_callbacks(execute=True):
        correct(volunteer, conversation, quotes={quote.pk: QuoteFix(text=private, consent="team")})

    # The theme's quotes were chosen again: the newly shared one is among them.
    assert private in client.get(url).content.decode()


def test_a_conversation_whose_words_changed_is_placed_again(
    campaign, themed, listened, organizer, django_capture_on_commit_callbacks
):
    conversation = listened["rent"][6]  # no other note has the same words
    problem = campaign.questions.get(purpose=Purpose.PROBLEM)
    old_digest = conversation.theme_assignment.note_sha256
    assert NoteEmbedding.objects.filter(text_sha256=old_digest).exists()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        correct(organizer, conversation, answers={problem.pk: topic_note("traffic", 40)})

    assert len(callbacks) == 1
    assert theme_of(conversation) == themed["traffic"]
    assert conversation.theme_assignment.note_sha256 == text_sha256(topic_note("traffic", 40))
    themed["rent"].refresh_from_db()
    themed["traffic"].refresh_from_db()
    assert (themed["rent"].size, themed["traffic"].size) == (PER_TOPIC - 1, PER_TOPIC + 1)
    # "I didn't say that": the vector of the words as they were goes too.
    assert not NoteEmbedding.objects.filter(text_sha256=old_digest).exists()


def test_a_conversation_an_organizer_placed_keeps_its_theme(
    campaign, themed, listened, organizer, django_capture_on_commit_callbacks
):
    conversation = listened["rent"][1]
    move_conversation(by=organizer, conversation=conversation, to=themed["park"])
    problem = campaign.questions.get(purpose=Purpose.PROBLEM)

    with django_capture_on_commit_callbacks(execute=True):
        correct(organizer, conversation, answers={problem.pk: topic_note("traffic", 41)})

    assert theme_of(conversation) == themed["park"]
    assert conversation.theme_assignment.by_organizer
    assert conversation.theme_assignment.note_sha256 == text_sha256(topic_note("traffic", 41))


def test_a_conversation_left_with_no_words_leaves_its_theme(
    campaign, themed, listened, organizer, django_capture_on_commit_callbacks
):
    conversation = listened["park"][2]
    cleared = {a.question_id: "" for a in conversation.answers.all()}

    with django_capture_on_commit_callbacks(execute=True):
        correct(organizer, conversation, answers=cleared)

    assert not ThemeAssignment.objects.filter(conversation=conversation).exists()
    themed["park"].refresh_from_db()
    assert themed["park"].size == PER_TOPIC - 1


def test_a_correction_of_the_date_alone_does_not_disturb_the_themes(
    campaign, themed, listened, organizer, django_capture_on_commit_callbacks
):
    conversation = listened["traffic"][4]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        correct(organizer, conversation, venue="tabling")

    assert callbacks == []
    assert theme_of(conversation) == themed["traffic"]
