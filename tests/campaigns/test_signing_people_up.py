"""Signing people up for an event: once each, never past capacity, and the organizer records who
came."""

import pytest
from django.urls import reverse
from factories import EventFactory, PersonFactory, SignUpFactory

from heard.campaigns.models import SignUp
from heard.campaigns.services import set_signup_status, sign_up


def event_url(event):
    return reverse("campaigns:event", args=[event.pk])


def status_url(signup):
    return reverse("campaigns:signup_status", args=[signup.event_id, signup.pk])


def person_errors(response):
    return response.context["form"].errors["person"]


def test_an_organizer_signs_someone_up(may_client, ours):
    response = may_client.post(event_url(ours.event), {"person": ours.sam.pk}, follow=True)
    assert response.redirect_chain == [(event_url(ours.event), 302)]
    assert SignUp.objects.get(event=ours.event, person=ours.sam).status == "signed_up"
    text = response.content.decode()
    assert "Sam Okafor is signed up." in text
    assert "Sign-ups (2)" in text


def test_signing_someone_up_twice_is_refused_with_a_message(may_client, ours):
    response = may_client.post(event_url(ours.event), {"person": ours.rosa.pk})
    assert response.status_code == 400
    assert person_errors(response) == ["Rosa Alvarez is already signed up."]
    assert "Rosa Alvarez is already signed up." in response.content.decode()
    assert SignUp.objects.filter(event=ours.event).count() == 1


def test_a_full_event_refuses_more_sign_ups(may_client, ours):
    ours.event.capacity = 1
    ours.event.save()
    response = may_client.post(event_url(ours.event), {"person": ours.sam.pk})
    assert response.status_code == 400
    assert person_errors(response) == ["This event is full."]
    assert not SignUp.objects.filter(person=ours.sam).exists()
    assert "Sign-ups (1 of 1)" in response.content.decode()


def test_the_volunteer_may_sign_up_only_people_they_may_see(lee_client, ours):
    other_event = EventFactory(organization=ours.org)
    response = lee_client.post(event_url(other_event), {"person": ours.sam.pk})
    assert response.status_code == 400
    assert person_errors(response) == ["Unknown person."]
    assert lee_client.post(event_url(other_event), {"person": ours.rosa.pk}).status_code == 302
    assert list(other_event.signups.values_list("person__name", flat=True)) == ["Rosa Alvarez"]


def test_the_volunteer_sees_only_the_sign_ups_of_people_they_may_see(lee_client, ours):
    SignUpFactory(event=ours.event, person=ours.sam)
    response = lee_client.get(event_url(ours.event))
    assert [s.person for s in response.context["signups"]] == [ours.rosa]
    text = response.content.decode()
    assert "Sam Okafor" not in text
    # The volunteer's own choices do not offer Sam either.
    assert list(response.context["form"].fields["person"].queryset) == [ours.rosa]


def test_an_organizer_records_who_came(may_client, ours):
    response = may_client.post(status_url(ours.signup), {"status": "attended"})
    assert response.status_code == 302
    assert response["Location"] == event_url(ours.event)
    ours.signup.refresh_from_db()
    assert ours.signup.status == SignUp.Status.ATTENDED


def test_an_unknown_status_changes_nothing(may_client, ours):
    may_client.post(status_url(ours.signup), {"status": "vanished"})
    ours.signup.refresh_from_db()
    assert ours.signup.status == SignUp.Status.SIGNED_UP


def test_the_volunteer_may_not_change_a_sign_ups_status(lee_client, ours):
    assert lee_client.post(status_url(ours.signup), {"status": "no_show"}).status_code == 403
    ours.signup.refresh_from_db()
    assert ours.signup.status == SignUp.Status.SIGNED_UP


def test_a_sign_up_is_changed_only_through_its_own_event(may_client, ours):
    other_event = EventFactory(organization=ours.org)
    url = reverse("campaigns:signup_status", args=[other_event.pk, ours.signup.pk])
    assert may_client.post(url, {"status": "no_show"}).status_code == 404


def test_the_organizer_gets_a_status_menu_and_the_volunteer_a_label(may_client, lee_client, ours):
    assert (
        f'action="{status_url(ours.signup)}"'
        in may_client.get(event_url(ours.event)).content.decode()
    )
    volunteer_text = lee_client.get(event_url(ours.event)).content.decode()
    assert status_url(ours.signup) not in volunteer_text
    assert '<span class="tag">Signed up</span>' in volunteer_text


def test_the_services_refuse_people_and_sign_ups_of_another_organization(may, ours, theirs):
    with pytest.raises(ValueError):
        sign_up(by=may, event=ours.event, person=theirs.olga)
    with pytest.raises(ValueError):
        sign_up(by=may, event=theirs.event, person=ours.rosa)
    with pytest.raises(ValueError):
        set_signup_status(by=may, signup=theirs.signup, status="attended")
    assert sign_up(by=may, event=ours.event, person=ours.rosa) == ours.signup


def test_the_event_page_needs_the_same_queries_for_3_or_30_sign_ups(may_client, ours, queries_for):
    def add_signups(n):
        for _ in range(n):
            SignUpFactory(event=ours.event, person=PersonFactory(organization=ours.org))

    add_signups(3)
    few = queries_for(may_client, event_url(ours.event))
    add_signups(27)
    assert queries_for(may_client, event_url(ours.event)) == few


def test_the_organizer_finds_a_person_then_signs_them_up(may_client, ours):
    page = may_client.get(event_url(ours.event), {"who": "okaf"})
    assert [(p, already) for p, already in page.context["found"]] == [(ours.sam, False)]
    text = page.content.decode()
    assert f'<input type="hidden" name="person" value="{ours.sam.pk}">' in text
    assert '<select name="person"' not in text  # no menu of everyone in the organization
    signed = may_client.post(f"{event_url(ours.event)}?who=okaf", {"person": ours.sam.pk})
    # Back to the same search, where Sam's row now says he is signed up.
    assert signed["Location"] == f"{event_url(ours.event)}?who=okaf#sign-up"
    again = may_client.get(event_url(ours.event), {"who": "555-02"})
    assert again.context["found"] == [(ours.sam, True)]


def test_a_search_that_finds_nobody_says_so(may_client, ours):
    text = may_client.get(event_url(ours.event), {"who": "<b>Zed</b>"}).content.decode()
    assert "Nobody found for “&lt;b&gt;Zed&lt;/b&gt;”." in text


def test_the_volunteers_search_finds_only_people_they_may_see(lee_client, ours):
    assert lee_client.get(event_url(ours.event), {"who": "Sam"}).context["found"] == []
    found = lee_client.get(event_url(ours.event), {"who": "rosa"}).context["found"]
    assert found == [(ours.rosa, True)]
