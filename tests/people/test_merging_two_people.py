"""Merging a duplicate into the person kept: every conversation, quote, tie, commitment,
consent, leader signal, sign-up, side and small-group place moves, nothing is lost or doubled,
blank contact details are filled, the duplicate is gone and the log says so. Staff only, within
the organization."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from factories import (
    AssessmentFactory,
    CommitmentFactory,
    ConsentFactory,
    ConversationFactory,
    EventFactory,
    HouseholdFactory,
    PersonFactory,
    QuoteFactory,
    RelationshipFactory,
    SignUpFactory,
)

from heard.campaigns.models import SignUp
from heard.common_ground.models import PersonSide
from heard.conversations.models import Participant
from heard.people import consent
from heard.people.merging import merge_people
from heard.people.models import Consent, Person, Relationship
from heard.privacy.models import AuditEvent
from heard.smallgroups.models import GroupSeat, Lock, SmallGroup, SmallGroupPlan


@pytest.fixture
def two(org, maple, ours):
    keep = PersonFactory(organization=org, name="Graciela Ramírez", phone="", email="", place=None)
    dup = PersonFactory(
        organization=org,
        name="Graciela Ramirez",
        phone="(731) 555-0142",
        email="graciela@example.org",
        place=maple,
        household=HouseholdFactory(organization=org, name="Ramírez home", address="5 Elm"),
    )
    return keep, dup


def test_conversations_quotes_commitments_signals_and_consents_move(may, ours, two):
    keep, dup = two
    alone = ConversationFactory(campaign=ours.campaign, held_by=may.user, people=[dup])
    both = ConversationFactory(campaign=ours.campaign, held_by=may.user, people=[keep, dup])
    quote = QuoteFactory(conversation=both, person=dup, text="We need heat.")
    promise = CommitmentFactory(conversation=alone, person=dup)
    signal = AssessmentFactory(person=dup)
    ConsentFactory(person=keep, topic=Consent.Topic.CONTACT, granted=True)
    ConsentFactory(person=dup, topic=Consent.Topic.CONTACT, granted=False)

    merge_people(by=may, keep=keep, duplicate=dup)

    assert not Person.objects.filter(pk=dup.pk).exists()
    assert set(Participant.objects.filter(person=keep).values_list("conversation", flat=True)) == {
        alone.pk,
        both.pk,
    }
    assert Participant.objects.filter(conversation=both).count() == 1
    for row in (quote, promise, signal):
        row.refresh_from_db()
        assert row.person_id == keep.pk
    # Both answers are history; the newest (the duplicate's no) is in force.
    assert Consent.objects.filter(person=keep).count() == 2
    assert not consent.may_contact(Person.objects.get(pk=keep.pk))


def test_blank_contact_details_are_filled_and_the_log_says_who_merged(may, two, maple):
    keep, dup = two
    viewed = AuditEvent.objects.create(action="viewed", person_id=dup.pk, object_id=str(dup.pk))
    merge_people(by=may, keep=keep, duplicate=dup)
    # The log's rows about the duplicate are about the kept person now: an erasure reaches them.
    viewed.refresh_from_db()
    assert viewed.person_id == keep.pk
    keep.refresh_from_db()
    assert (keep.phone, keep.email, keep.place) == (
        "(731) 555-0142",
        "graciela@example.org",
        maple,
    )
    assert keep.household.address == "5 Elm"
    event = AuditEvent.objects.get(detail=f"merged person #{dup.pk} into this one")
    assert (event.actor, event.person_id, event.object_id) == (may.user, keep.pk, str(keep.pk))


def test_ties_move_without_a_self_tie_or_the_same_tie_twice(may, org, two):
    keep, dup = two
    third, fourth = PersonFactory(organization=org), PersonFactory(organization=org)
    RelationshipFactory(organization=org, person=keep, other=dup, kind="family")
    RelationshipFactory(organization=org, person=keep, other=third, kind="neighbour")
    RelationshipFactory(organization=org, person=third, other=dup, kind="neighbour")  # same tie
    RelationshipFactory(organization=org, person=dup, other=third, kind="friend")
    RelationshipFactory(organization=org, person=fourth, other=dup, kind="coworker")

    merge_people(by=may, keep=keep, duplicate=dup)

    ties = {
        (t.person_id, t.other_id, t.kind) for t in Relationship.objects.filter(organization=org)
    }
    assert ties == {
        (keep.pk, third.pk, "neighbour"),
        (keep.pk, third.pk, "friend"),
        (fourth.pk, keep.pk, "coworker"),
    }


def test_a_sign_up_to_the_same_event_keeps_the_further_status(may, org, two):
    keep, dup = two
    event = EventFactory(organization=org)
    other = EventFactory(organization=org)
    SignUpFactory(event=event, person=keep, status=SignUp.Status.SIGNED_UP)
    SignUpFactory(event=event, person=dup, status=SignUp.Status.ATTENDED)
    SignUpFactory(event=other, person=dup)
    brought = SignUpFactory(event=other, brought_by=dup)

    merge_people(by=may, keep=keep, duplicate=dup)

    assert dict(SignUp.objects.filter(person=keep).values_list("event", "status")) == {
        event.pk: SignUp.Status.ATTENDED,
        other.pk: SignUp.Status.SIGNED_UP,
    }
    brought.refresh_from_db()
    assert brought.brought_by_id == keep.pk


def test_the_kept_person_s_side_of_a_divide_stays(may, ours, two):
    keep, dup = two
    gas, electric = ours.divide.sides.order_by("id")
    PersonSide.objects.create(person=keep, divide=ours.divide, side=gas)
    PersonSide.objects.create(person=dup, divide=ours.divide, side=electric)
    merge_people(by=may, keep=keep, duplicate=dup)
    assert list(PersonSide.objects.values_list("person", "side")) == [(keep.pk, gas.pk)]


def test_small_group_seats_and_locks_move_once(may, org, ours, two):
    keep, dup = two
    third = PersonFactory(organization=org)
    plan = SmallGroupPlan.objects.create(campaign=ours.campaign, status="GREEDY")
    group = SmallGroup.objects.create(plan=plan, position=1, concern_title="Heat", reason="-")
    GroupSeat.objects.create(plan=plan, group=group, person=keep)
    GroupSeat.objects.create(plan=plan, group=group, person=dup)
    Lock.objects.create(plan=plan, person_a=keep, person_b=dup, together=True)
    Lock.objects.create(plan=plan, person_a=dup, person_b=third, together=False)

    merge_people(by=may, keep=keep, duplicate=dup)

    assert list(GroupSeat.objects.values_list("person", flat=True)) == [keep.pk]
    assert list(Lock.objects.values_list("person_a", "person_b", "together")) == [
        (keep.pk, third.pk, False)
    ]


def test_a_volunteer_may_not_merge(lee, two):
    keep, dup = two
    with pytest.raises(PermissionDenied):
        merge_people(by=lee, keep=keep, duplicate=dup)
    assert Person.objects.filter(pk=dup.pk).exists()


def test_another_organization_s_person_is_refused(otto, may, two, theirs):
    keep, _ = two
    with pytest.raises(PermissionDenied):
        merge_people(by=may, keep=keep, duplicate=theirs.olga)
    with pytest.raises(PermissionDenied):
        merge_people(by=otto, keep=theirs.olga, duplicate=keep)


def test_a_person_is_not_merged_with_themself(may, two):
    keep, _ = two
    with pytest.raises(ValidationError):
        merge_people(by=may, keep=keep, duplicate=keep)
