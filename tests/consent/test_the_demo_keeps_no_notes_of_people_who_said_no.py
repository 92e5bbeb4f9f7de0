"""The demo is what people judge Heard by: it must follow the consent rules it teaches. Some
neighbours said no to notes being kept; none of their words or leader signals are stored."""

import pytest

from heard.conversations.models import Answer, Conversation, Quote
from heard.demo.builder import delete_demo, load_demo
from heard.leadership.models import Assessment
from heard.people import consent
from heard.people.models import Consent, Person


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        organization = load_demo(log=lambda line: None)
        yield organization
        delete_demo()


@pytest.fixture
def refusers(demo, db):
    return consent.refusing(Consent.Topic.RECORDS).filter(organization=demo)


def test_some_demo_neighbours_said_no_to_notes_and_to_contact(demo, refusers):
    assert refusers.count() >= 5
    people = Person.objects.filter(organization=demo)
    assert people.filter(consent.said_no(Consent.Topic.CONTACT)).count() >= 50


def test_their_conversations_hold_no_answers_quotes_or_signals(demo, refusers):
    conversations = Conversation.objects.filter(organization=demo)
    emptied = consent.conversations_without_notes(conversations)
    assert emptied  # the rule had something to do
    assert not Answer.objects.filter(conversation_id__in=emptied).exists()
    assert not Quote.objects.filter(conversation_id__in=emptied).exists()
    assert not Assessment.objects.filter(conversation_id__in=emptied).exists()
    assert Conversation.objects.filter(pk__in=emptied).count() == len(emptied)  # still there


def test_no_quote_or_signal_of_theirs_is_stored_anywhere(demo, refusers):
    assert not Quote.objects.filter(person__in=refusers).exists()
    assert not Assessment.objects.filter(person__in=refusers, conversation__isnull=False).exists()


def test_everyone_else_s_notes_are_all_there(demo):
    conversations = Conversation.objects.filter(organization=demo)
    emptied = consent.conversations_without_notes(conversations)
    kept = conversations.exclude(pk__in=emptied)
    assert kept.exclude(answers__isnull=False).count() == 0
