"""The capture form asks "where do you run into neighbours?": places of the registry and new
ones, one a line, recorded for the person the leader signals were seen in, in the same
transaction as the conversation."""

import uuid

import pytest
from conversations.capture import URL, capture_data
from django.core.exceptions import ValidationError
from django.utils import timezone

from heard.conversations.models import Conversation
from heard.conversations.services import ConversationRecord, record_conversation
from heard.people.models import Consent
from heard.spaces.models import Regular, ThirdSpace
from heard.spaces.services import save_space


def test_chosen_and_typed_places_are_recorded_for_the_person(lee_client, lee, may, ours):
    library = save_space(by=may, name="Maple Library", kind="library")
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        answers={ours.problem: "The heat is off again."},
        spaces=[library.pk],
        other_places="the laundromat on Elm\nSt Mark's church hall\n\nmaple library",
    )
    response = lee_client.post(URL, data)
    assert response.status_code == 302, response.context["form"].errors
    regulars = Regular.objects.filter(person=ours.rosa).select_related("space")
    assert sorted((r.space.name, r.how, r.recorded_by) for r in regulars) == [
        ("Maple Library", "capture", lee.user),
        ("St Mark's church hall", "capture", lee.user),
        ("the laundromat on Elm", "capture", lee.user),
    ]
    assert {r.conversation_id for r in regulars} == {uuid.UUID(data["client_id"])}
    kinds = dict(ThirdSpace.objects.values_list("name", "kind"))
    assert kinds["St Mark's church hall"] == "worship"
    assert kinds["the laundromat on Elm"] == "laundromat"


def test_the_places_go_to_the_person_the_signals_were_seen_in(may_client, ours):
    data = capture_data(
        ours.campaign,
        venue="small_group",
        people=[ours.rosa, ours.sam],
        answers={ours.problem: "Mould."},
        signals_seen_in=f"p{ours.sam.pk}",
        other_places="Piedmont Park",
    )
    assert may_client.post(URL, data).status_code == 302
    assert list(Regular.objects.values_list("person", flat=True)) == [ours.sam.pk]


def test_the_question_is_optional(may_client, ours):
    data = capture_data(ours.campaign, people=[ours.rosa], answers={ours.problem: "Cold."})
    assert may_client.post(URL, data).status_code == 302
    assert not Regular.objects.exists()
    assert not ThirdSpace.objects.exists()


def test_another_organizations_place_is_refused_by_form_and_service(may_client, may, ours, otto):
    theirs = save_space(by=otto, name="Westside Laundromat", kind="laundromat")
    data = capture_data(
        ours.campaign, people=[ours.rosa], answers={ours.problem: "Cold."}, spaces=[theirs.pk]
    )
    response = may_client.post(URL, data)
    assert response.status_code == 400
    assert "spaces" in response.context["form"].errors
    record = ConversationRecord(
        id=uuid.uuid4(),
        campaign=ours.campaign,
        venue="door",
        held_on=timezone.localdate(),
        people=[ours.rosa],
        answers={ours.problem.pk: "Cold."},
        spaces=[theirs],
    )
    with pytest.raises(ValidationError) as refused:
        record_conversation(by=may, record=record)
    assert "spaces" in refused.value.message_dict
    assert not Conversation.objects.filter(pk=record.id).exists()


def test_someone_who_said_no_to_notes_is_not_recorded_anywhere(may_client, may, ours):
    Consent.objects.create(person=ours.rosa, topic="records", granted=False, recorded_by=may.user)
    data = capture_data(
        ours.campaign, people=[ours.rosa], answers={ours.problem: "Cold."}, other_places="The Park"
    )
    assert may_client.post(URL, data).status_code == 302
    assert not Regular.objects.exists()
    assert not ThirdSpace.objects.exists()


def test_too_many_new_places_are_refused_with_a_message(may_client, ours):
    many = "\n".join(f"Place number {n}" for n in range(11))
    data = capture_data(
        ours.campaign, people=[ours.rosa], answers={ours.problem: "Cold."}, other_places=many
    )
    response = may_client.post(URL, data)
    assert response.status_code == 400
    assert "At most 10 places" in str(response.context["form"].errors["other_places"])


def test_a_long_list_of_places_folds_away_on_the_phone(may_client, may, ours):
    for n in range(13):
        save_space(by=may, name=f"Place {n}", kind="other")
    page = may_client.get(URL).content.decode()
    assert "Choose from the 13 places we know" in page
    assert page.count('name="spaces"') == 13
