"""A saved conversation is corrected by the member who held it and by the organization's
organizers and administrators; a volunteer who did not hold it cannot even open it (404, as for
reading it), and another organization gets 404 and changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from factories import MembershipFactory

from heard.accounts.models import Role
from heard.conversations.corrections import as_it_is, correct_conversation
from heard.conversations.models import ConversationChange
from heard.conversations.queries import may_correct

from .correcting import correct_url, correction_data


def yesterday_but_one(conversation):
    return (conversation.held_on - dt.timedelta(days=1)).isoformat()


def test_the_volunteer_who_held_it_may_correct_it(lee_client, ours):
    assert lee_client.get(correct_url(ours.by_lee)).status_code == 200

    response = lee_client.post(
        correct_url(ours.by_lee),
        correction_data(ours.by_lee, held_on=yesterday_but_one(ours.by_lee)),
    )

    assert response.status_code == 302
    assert ConversationChange.objects.filter(conversation=ours.by_lee).count() == 1


def test_an_organizer_may_correct_a_conversation_a_volunteer_held(may_client, ours):
    assert may_client.get(correct_url(ours.by_lee)).status_code == 200

    response = may_client.post(
        correct_url(ours.by_lee), correction_data(ours.by_lee, venue="tabling")
    )

    assert response.status_code == 302
    ours.by_lee.refresh_from_db()
    assert ours.by_lee.venue == "tabling"


def test_an_administrator_may_correct_any_conversation_of_the_organization(org, ours):
    admin = MembershipFactory(organization=org, role=Role.ADMIN)
    assert may_correct(admin, ours.by_lee) and may_correct(admin, ours.by_may)


def test_another_volunteer_gets_404_and_changes_nothing(lee_client, ours):
    before = ours.by_may.venue
    assert lee_client.get(correct_url(ours.by_may)).status_code == 404

    response = lee_client.post(
        correct_url(ours.by_may), correction_data(ours.by_may, venue="tabling")
    )

    assert response.status_code == 404
    ours.by_may.refresh_from_db()
    assert ours.by_may.venue == before
    assert not ConversationChange.objects.exists()


def test_an_outsider_organization_gets_404_and_none_of_our_words(otto_client, ours, theirs):
    page = otto_client.get(correct_url(ours.by_lee))
    assert page.status_code == 404
    assert "radiator" not in page.content.decode()

    response = otto_client.post(
        correct_url(ours.by_lee),
        correction_data(ours.by_lee, **{f"answer_{ours.problem.pk}": "Written by an outsider"}),
    )

    assert response.status_code == 404
    assert not ours.by_lee.answers.filter(text__contains="outsider").exists()
    assert otto_client.get(correct_url(theirs.conversation)).status_code == 200


def test_the_service_refuses_a_volunteer_who_did_not_hold_it(lee, ours):
    assert not may_correct(lee, ours.by_may)
    with pytest.raises(PermissionDenied):
        correct_conversation(
            by=lee, conversation=ours.by_may, correction=as_it_is(lee, ours.by_may)
        )


def test_the_service_refuses_another_organization(otto, ours):
    assert not may_correct(otto, ours.by_lee)
    with pytest.raises(PermissionDenied):
        correct_conversation(
            by=otto, conversation=ours.by_lee, correction=as_it_is(otto, ours.by_lee)
        )


def test_the_conversation_page_links_to_the_correction_for_those_who_may(
    lee_client, may_client, ours
):
    link = f'href="{correct_url(ours.by_lee)}"'
    assert (
        link
        in lee_client.get(reverse("conversations:detail", args=[ours.by_lee.pk])).content.decode()
    )
    assert (
        link
        in may_client.get(reverse("conversations:detail", args=[ours.by_lee.pk])).content.decode()
    )


def test_anonymous_visitors_are_sent_to_log_in(client, ours):
    response = client.post(correct_url(ours.by_lee), correction_data(ours.by_lee, venue="other"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    ours.by_lee.refresh_from_db()
    assert ours.by_lee.venue == "door"


def test_one_who_may_read_but_not_correct_gets_403(may_client, ours, monkeypatch):
    """Today whoever may read a conversation may correct it; the rule is one helper, and the
    page follows it (403, as member_required answers a teammate whose role may not)."""
    for where in ("queries", "views"):
        monkeypatch.setattr(f"heard.conversations.{where}.may_correct", lambda m, c: False)

    assert may_client.get(correct_url(ours.by_lee)).status_code == 403
    response = may_client.post(
        correct_url(ours.by_lee), correction_data(ours.by_lee, venue="other")
    )
    assert response.status_code == 403
    ours.by_lee.refresh_from_db()
    assert ours.by_lee.venue == "door"
    page = may_client.get(reverse("conversations:detail", args=[ours.by_lee.pk])).content.decode()
    assert correct_url(ours.by_lee) not in page
