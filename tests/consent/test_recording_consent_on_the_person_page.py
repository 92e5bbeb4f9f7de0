"""The person page shows what the person agreed to and lets the team (and the volunteer who
heard them) record a new answer: a POST, then a message saying what happened."""

import pytest
from django.urls import reverse

from heard.people import consent

from .helpers import CONTACT, RECORDS


def post(client, person, topic, granted):
    return client.post(
        reverse("people:consent", args=[person.pk]),
        {"topic": topic, "granted": granted},
        follow=True,
    )


def test_the_page_shows_each_answer_in_force(may_client, ours):
    text = may_client.get(reverse("people:detail", args=[ours.rosa.pk])).content.decode()
    assert "May be contacted again: <strong>not asked</strong>" in text
    assert "Agreed to notes being kept: <strong>not asked</strong>" in text


def test_an_organizer_records_a_no_to_contact_and_is_told(may_client, ours):
    response = post(may_client, ours.rosa, CONTACT, "no")
    text = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("people:detail", args=[ours.rosa.pk])
    assert "Rosa Alvarez asked not to be contacted" in text
    assert "May be contacted again: <strong>no</strong>" in text
    assert "Asked not to be contacted" in text and "555-0101" not in text
    assert not consent.may_contact(ours.rosa)


def test_a_no_to_notes_says_what_was_removed(lee_client, ours):
    text = post(lee_client, ours.rosa, RECORDS, "no").content.decode()
    assert "Rosa Alvarez asked us not to keep notes." in text
    assert "Removed: the notes of 1 conversation, 1 quote and 0 leader signals." in text
    assert not ours.by_lee.answers.exists()
    page = lee_client.get(reverse("conversations:detail", args=[ours.by_lee.pk]))
    assert "asked us not to keep notes" in page.content.decode()
    assert "radiator rattles" not in page.content.decode()


@pytest.mark.parametrize("persona", ["may", "ada", "lee"])
def test_the_form_is_there_for_those_who_may_record(request, ours, persona):
    client = request.getfixturevalue(f"{persona}_client")
    text = client.get(reverse("people:detail", args=[ours.rosa.pk])).content.decode()
    assert reverse("people:consent", args=[ours.rosa.pk]) in text


def test_a_volunteer_who_never_heard_them_sees_no_form_and_is_refused(vic_client, ours):
    text = vic_client.get(reverse("people:detail", args=[ours.rosa.pk])).content.decode()
    assert reverse("people:consent", args=[ours.rosa.pk]) not in text
    response = vic_client.post(
        reverse("people:consent", args=[ours.rosa.pk]), {"topic": CONTACT, "granted": "no"}
    )
    assert response.status_code == 403
    assert consent.may_contact(ours.rosa)


def test_the_outsider_gets_404(otto_client, ours):
    response = otto_client.post(
        reverse("people:consent", args=[ours.rosa.pk]), {"topic": RECORDS, "granted": "no"}
    )
    assert response.status_code == 404
    assert ours.by_lee.answers.exists()


@pytest.mark.parametrize("data", [{"topic": "photos", "granted": "no"}, {"topic": CONTACT}])
def test_a_malformed_post_records_nothing_and_says_so(may_client, ours, data):
    response = may_client.post(reverse("people:consent", args=[ours.rosa.pk]), data, follow=True)
    assert "Choose what they agreed to, and yes or no." in response.content.decode()
    assert not ours.rosa.consents.exists()
