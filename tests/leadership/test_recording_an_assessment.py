"""The assessment service: organizers only, same organization, consent, with a reason."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from factories import ConsentFactory, PersonFactory

from heard.leadership.queries import assessments_for
from heard.leadership.services import record_assessment
from heard.people.models import Consent


def test_an_organizer_records_signals_and_why(may, ours):
    made = record_assessment(
        by=may,
        person=ours.sam,
        conversation=ours.by_may,
        signals={"wants_to_host", "named_neighbours"},
        note="Offered her living room",
    )
    assert made.wants_to_host and made.named_neighbours and not made.offered_to_help
    assert made.assessed_by == may.user and made.note == "Offered her living room"
    assert list(assessments_for(may)) == [made]


def test_a_volunteer_may_not_assess(lee, ours):
    with pytest.raises(PermissionDenied):
        record_assessment(by=lee, person=ours.rosa, signals={"offered_to_help"})


def test_a_person_of_another_organization_is_refused(otto, ours):
    with pytest.raises(PermissionDenied):
        record_assessment(by=otto, person=ours.sam, signals={"offered_to_help"})


def test_the_person_must_have_been_in_the_conversation(may, ours):
    with pytest.raises(ValidationError):
        record_assessment(
            by=may, person=ours.rosa, conversation=ours.by_may, signals={"offered_to_help"}
        )


def test_no_future_date_and_no_empty_assessment(may, ours):
    with pytest.raises(ValidationError):
        record_assessment(
            by=may,
            person=ours.sam,
            signals={"offered_to_help"},
            assessed_on=dt.date.today() + dt.timedelta(days=2),
        )
    with pytest.raises(ValidationError):
        record_assessment(by=may, person=ours.sam)


def test_someone_who_said_no_to_notes_gets_no_signals(may, ours):
    person = PersonFactory(organization=ours.org)
    ConsentFactory(person=person, topic=Consent.Topic.RECORDS, granted=False)
    with pytest.raises(ValidationError):
        record_assessment(by=may, person=person, signals={"offered_to_help"})


def test_a_volunteer_sees_the_assessments_of_their_own_conversations(may, lee, ours):
    theirs = record_assessment(
        by=may, person=ours.rosa, conversation=ours.by_lee, signals={"offered_to_help"}
    )
    record_assessment(by=may, person=ours.sam, signals={"offered_to_help"})
    assert list(assessments_for(lee)) == [theirs]
