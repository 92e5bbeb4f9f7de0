"""A capture's audit events (the conversation, each new person, their household) are written
in one insert at the end of its transaction: each is there, with its actor, when the save
succeeds, and none is left behind when it fails."""

import pytest
from conversations.capture import capture_data
from django.db import transaction
from django.urls import reverse
from factories import PlaceFactory

from heard.conversations.models import Conversation
from heard.people.models import Consent, Household, Person, Place
from heard.privacy import audit
from heard.privacy.models import Action, AuditEvent

SYNC = reverse("conversations:sync")


def test_every_row_of_a_capture_is_in_the_log(lee, lee_client, ours):
    data = capture_data(
        ours.campaign,
        answers={ours.problem: "Buses stop at nine."},
        new_people=[{"name": "Odalys Brightwater", "household": "Brightwater household"}],
    )
    assert lee_client.post(SYNC, data).status_code == 201
    odalys = Person.objects.get(name="Odalys Brightwater")
    created = AuditEvent.objects.filter(action=Action.CREATED, actor=lee.user)
    kinds = set(created.values_list("object_kind", "object_id"))
    assert ("conversations.conversation", data["client_id"]) in kinds
    assert ("people.person", str(odalys.pk)) in kinds
    assert ("people.household", str(odalys.household_id)) in kinds


def test_what_a_new_person_said_about_contact_and_notes_is_in_the_log(lee, lee_client, ours):
    """A consent answer is the record the log exists for: who wrote down that a neighbour may
    be called, and when. A new person's answers are inserted together; each has its event."""
    data = capture_data(
        ours.campaign,
        answers={ours.problem: "Buses stop at nine."},
        new_people=[{"name": "Odalys Brightwater", "may_contact": "yes", "notes_kept": "no"}],
    )
    assert lee_client.post(SYNC, data).status_code == 201
    odalys = Person.objects.get(name="Odalys Brightwater")
    answers = Consent.objects.filter(person=odalys)
    assert answers.count() == 2
    logged = AuditEvent.objects.filter(
        action=Action.CREATED, actor=lee.user, object_kind="people.consent"
    )
    assert {(e.object_id, e.person_id, e.organization_id) for e in logged} == {
        (str(a.pk), odalys.pk, ours.org.pk) for a in answers
    }


def test_events_gathered_are_written_when_the_block_ends(org, lee):
    before = AuditEvent.objects.count()
    with audit.acting_as(lee.user), transaction.atomic(), audit.gathered():
        place = PlaceFactory(organization=org, name="Elm Court")
        assert AuditEvent.objects.count() == before
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.order_by("-id").first()
    assert (event.action, event.actor, event.object_kind, event.object_id) == (
        Action.CREATED,
        lee.user,
        "people.place",
        str(place.pk),
    )


def test_a_block_that_fails_leaves_no_event(org, lee):
    before = AuditEvent.objects.count()
    with (
        pytest.raises(RuntimeError),
        audit.acting_as(lee.user),
        transaction.atomic(),
        audit.gathered(),
    ):
        PlaceFactory(organization=org, name="Elm Court")
        raise RuntimeError("the save failed")
    assert not Place.objects.filter(name="Elm Court").exists()
    assert AuditEvent.objects.count() == before


def test_a_failed_capture_leaves_neither_rows_nor_events(lee_client, ours, monkeypatch):
    from heard.conversations import services

    def fail(**kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(services, "record_places_heard", fail)
    data = capture_data(
        ours.campaign,
        answers={ours.problem: "Rent."},
        new_people=[{"name": "Odalys Brightwater", "household": "Brightwater household"}],
    )
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError):
        lee_client.post(SYNC, data)
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()
    assert not Household.objects.filter(name="Brightwater household").exists()
    assert AuditEvent.objects.count() == before
