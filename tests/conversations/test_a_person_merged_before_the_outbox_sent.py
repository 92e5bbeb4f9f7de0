"""A phone saved a conversation naming someone; before it had signal, an organizer merged that
record into another. The conversation goes to the person kept, with who said what, instead of
being refused as "Unknown person"."""

from django.urls import reverse
from factories import PersonFactory

from heard.conversations.models import Conversation
from heard.people.merging import merge_people

from .capture import capture_data

SYNC = reverse("conversations:sync")


def saved_offline(ours, person):
    return capture_data(
        ours.campaign,
        people=[person],
        answers={ours.problem: "The boiler again."},
        quotes=[{"text": "We need each other.", "consent": "team", "speaker": f"p{person.pk}"}],
        signals_seen_in=f"p{person.pk}",
        offered_to_help="on",
    )


def test_the_conversation_goes_to_the_person_kept(lee_client, ours, org, maple, may):
    duplicate = PersonFactory(organization=org, name="Rosa Alvarez", place=maple)
    data = saved_offline(ours, duplicate)
    merge_people(by=may, keep=ours.rosa, duplicate=duplicate)
    answer = lee_client.post(SYNC, data)
    assert answer.status_code == 201, answer.json()
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert list(conversation.people.all()) == [ours.rosa]
    assert conversation.quotes.get().person == ours.rosa
    assert ours.rosa.assessments.filter(offered_to_help=True).exists()


def test_a_record_merged_twice_still_leads_to_the_person_kept(lee_client, ours, org, maple, may):
    first = PersonFactory(organization=org, name="Rosa A.", place=maple)
    second = PersonFactory(organization=org, name="R. Alvarez", place=maple)
    data = saved_offline(ours, second)
    merge_people(by=may, keep=first, duplicate=second)
    merge_people(by=may, keep=ours.rosa, duplicate=first)
    assert lee_client.post(SYNC, data).status_code == 201
    assert list(Conversation.objects.get(pk=data["client_id"]).people.all()) == [ours.rosa]


def test_merged_into_someone_the_volunteer_may_not_see_is_still_unknown(
    lee_client, ours, org, maple, may
):
    duplicate = PersonFactory(organization=org, name="Sam O.", place=maple)
    data = saved_offline(ours, duplicate)
    merge_people(by=may, keep=ours.sam, duplicate=duplicate)  # Sam lives outside Lee's turf
    answer = lee_client.post(SYNC, data)
    assert answer.status_code == 422
    assert "Unknown person." in " ".join(answer.json()["reasons"])
