"""Rule 3: when a person says no to notes being kept, `record_consent` removes at once what was
stored beyond it: every note of a conversation where everyone has now said no, and in a group
only that person's own quotes and leader signals. Who they talked with, when, the next step
and the commitments stay: they are the organizing, not the notes."""

import pytest
from django.core.exceptions import PermissionDenied
from factories import (
    AnswerFactory,
    AssessmentFactory,
    CommitmentFactory,
    ConversationFactory,
    MembershipFactory,
    QuoteFactory,
)

from heard.conversations.models import Answer, Conversation, Quote
from heard.leadership.models import Assessment
from heard.people import consent
from heard.people.models import Consent
from heard.people.services import record_consent

from .helpers import CONTACT, RECORDS, say


@pytest.fixture
def group(ours, may):
    """A small group of Rosa and Sam: an answer, a quote and a leader signal from each."""
    talk = ConversationFactory(
        campaign=ours.campaign, held_by=may.user, venue="small_group", people=[ours.rosa, ours.sam]
    )
    AnswerFactory(conversation=talk, question=ours.problem, text="The boiler fails every week.")
    QuoteFactory(conversation=talk, person=ours.rosa, text="Rosa in the group.")
    QuoteFactory(conversation=talk, person=ours.sam, text="Sam in the group.")
    AssessmentFactory(person=ours.rosa, conversation=talk)
    AssessmentFactory(person=ours.sam, conversation=talk)
    return talk


def test_a_no_empties_the_conversations_where_they_were_alone(lee, ours):
    QuoteFactory(conversation=ours.by_lee, person=ours.rosa, text="Only Rosa said this.")
    AssessmentFactory(person=ours.rosa, conversation=ours.by_lee)
    CommitmentFactory(conversation=ours.by_lee, person=ours.rosa)
    row, forgotten = record_consent(by=lee, person=ours.rosa, topic=RECORDS, granted=False)
    assert (row.topic, row.granted, row.recorded_by) == (RECORDS, False, lee.user)
    assert not Answer.objects.filter(conversation=ours.by_lee).exists()
    assert not Quote.objects.filter(conversation=ours.by_lee).exists()
    assert not Assessment.objects.filter(conversation=ours.by_lee).exists()
    assert Conversation.objects.filter(pk=ours.by_lee.pk).exists()
    assert ours.by_lee.commitments.count() == 1
    assert (forgotten.conversations, forgotten.quotes, forgotten.signals) == (1, 2, 1)


def test_in_a_group_only_their_own_quotes_and_signals_go(may, ours, group):
    _, forgotten = record_consent(by=may, person=ours.rosa, topic=RECORDS, granted=False)
    assert list(group.answers.values_list("text", flat=True)) == ["The boiler fails every week."]
    assert list(group.quotes.values_list("text", flat=True)) == ["Sam in the group."]
    assert list(group.assessments.values_list("person", flat=True)) == [ours.sam.pk]
    # Rosa's own conversation with Lee had only her in it: emptied too.
    assert not ours.by_lee.answers.exists()
    assert forgotten.conversations == 1


def test_when_the_last_person_of_a_group_says_no_its_notes_go(may, ours, group):
    record_consent(by=may, person=ours.rosa, topic=RECORDS, granted=False)
    record_consent(by=may, person=ours.sam, topic=RECORDS, granted=False)
    assert not group.answers.exists() and not group.quotes.exists()
    assert not group.assessments.exists()


def test_other_people_s_conversations_are_untouched(may, ours, group):
    record_consent(by=may, person=ours.rosa, topic=RECORDS, granted=False)
    assert list(ours.by_may.answers.values_list("text", flat=True)) == [
        "Mould behind the wardrobe."
    ]


def test_a_yes_or_a_contact_answer_removes_nothing(may, ours, group):
    record_consent(by=may, person=ours.rosa, topic=RECORDS, granted=True)
    record_consent(by=may, person=ours.rosa, topic=CONTACT, granted=False)
    assert group.quotes.count() == 2 and ours.by_lee.answers.count() == 1
    assert not consent.may_contact(ours.rosa)


def test_the_volunteer_who_heard_them_may_record_it_another_may_not(lee, vic, ours):
    record_consent(by=lee, person=ours.rosa, topic=CONTACT, granted=False)
    with pytest.raises(PermissionDenied):
        record_consent(by=vic, person=ours.rosa, topic=CONTACT, granted=True)
    assert not consent.may_contact(ours.rosa)


def test_nobody_records_consent_for_another_organization_s_neighbour(otto, ours):
    with pytest.raises(PermissionDenied):
        record_consent(by=otto, person=ours.rosa, topic=RECORDS, granted=False)
    assert ours.by_lee.answers.exists()
    assert not Consent.objects.filter(person=ours.rosa).exists()


def test_an_unknown_topic_is_refused(may, ours):
    with pytest.raises(ValueError):
        record_consent(by=may, person=ours.rosa, topic="photos", granted=False)


def test_an_administrator_may_record_it(org, ours):
    admin = MembershipFactory(organization=org, role="admin")
    record_consent(by=admin, person=ours.sam, topic=RECORDS, granted=False)
    assert not ours.by_may.answers.exists()


def test_notes_may_be_kept_unless_everyone_in_the_conversation_said_no(ours):
    assert consent.notes_may_be_kept([ours.rosa, ours.sam])
    say(ours.rosa, RECORDS, False)
    assert consent.notes_may_be_kept([ours.rosa, ours.sam])
    assert not consent.notes_may_be_kept([ours.rosa])
    say(ours.sam, RECORDS, False)
    assert not consent.notes_may_be_kept([ours.rosa, ours.sam])
    say(ours.sam, RECORDS, True)
    assert consent.notes_may_be_kept([ours.rosa, ours.sam])


def test_someone_not_stored_yet_has_not_said_no(ours):
    from heard.people.models import Person

    say(ours.rosa, RECORDS, False)
    newcomer = Person(organization=ours.org, name="Just met at the door")
    assert consent.notes_may_be_kept([ours.rosa, newcomer])
    assert consent.notes_may_be_kept([])
