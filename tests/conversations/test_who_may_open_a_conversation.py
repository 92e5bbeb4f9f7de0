"""A conversation is read by the organization's organizers and by the volunteer who held it;
anyone else gets 404, as if it did not exist."""

import uuid

from django.urls import reverse


def detail(conversation_or_id):
    return reverse(
        "conversations:detail", args=[getattr(conversation_or_id, "pk", conversation_or_id)]
    )


def test_the_volunteer_opens_the_conversations_they_held(lee_client, ours):
    response = lee_client.get(detail(ours.by_lee))
    assert response.status_code == 200
    assert "The radiator rattles all night." in response.content.decode()


def test_the_volunteer_cannot_open_a_conversation_held_by_someone_else(lee_client, ours):
    response = lee_client.get(detail(ours.by_may))
    assert response.status_code == 404
    assert "Mould" not in response.content.decode()


def test_the_organizer_opens_every_conversation_of_the_organization(may_client, ours):
    assert may_client.get(detail(ours.by_lee)).status_code == 200
    assert may_client.get(detail(ours.by_may)).status_code == 200


def test_an_outsider_gets_404_not_our_conversation(otto_client, ours, theirs):
    assert otto_client.get(detail(ours.by_may)).status_code == 404
    assert otto_client.get(detail(theirs.conversation)).status_code == 200


def test_an_unknown_conversation_id_is_404(may_client, ours):
    assert may_client.get(detail(uuid.uuid4())).status_code == 404
    assert may_client.get("/conversations/not-a-uuid/").status_code == 404


def test_the_conversation_page_needs_a_fixed_number_of_queries(
    may_client, ours, django_assert_max_num_queries
):
    # 13: the page shows the conversation's corrections too (one query for all of them); 16
    # with the one-tap sides question (the divides, their sides, the sides already known).
    with django_assert_max_num_queries(16):
        may_client.get(detail(ours.by_lee))
