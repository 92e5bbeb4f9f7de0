"""A sign-up may say who brought the person: bringing neighbours is a leader's work."""

from django.urls import reverse
from factories import EventFactory, PersonFactory

from heard.campaigns.models import SignUp


def event_url(event):
    return reverse("campaigns:event", args=[event.pk])


def test_an_organizer_says_who_brought_someone(may_client, ours):
    response = may_client.post(
        event_url(ours.event), {"person": ours.sam.pk, "brought_by": ours.rosa.pk}
    )
    assert response.status_code == 302
    assert SignUp.objects.get(event=ours.event, person=ours.sam).brought_by == ours.rosa
    assert "brought by Rosa Alvarez" in may_client.get(event_url(ours.event)).content.decode()


def test_who_brought_them_is_optional(may_client, ours):
    assert may_client.post(event_url(ours.event), {"person": ours.sam.pk}).status_code == 302
    assert SignUp.objects.get(event=ours.event, person=ours.sam).brought_by is None


def test_the_search_offers_those_signed_up_and_carries_the_choice(may_client, ours):
    page = may_client.get(event_url(ours.event), {"who": "Sam", "by": ours.rosa.pk})
    text = page.content.decode()
    assert f'<option value="{ours.rosa.pk}" selected>Brought by Rosa Alvarez</option>' in text
    assert f'name="brought_by" value="{ours.rosa.pk}"' in text


def test_nobody_brings_themselves_or_comes_from_another_organization(may_client, ours, otto):
    response = may_client.post(
        event_url(ours.event), {"person": ours.sam.pk, "brought_by": ours.sam.pk}
    )
    assert response.status_code == 400
    stranger = PersonFactory(organization=otto.organization)
    response = may_client.post(
        event_url(ours.event), {"person": ours.sam.pk, "brought_by": stranger.pk}
    )
    assert response.status_code == 400
    assert "Unknown person." in response.content.decode()
    assert not SignUp.objects.filter(person=ours.sam).exists()


def test_a_volunteer_names_only_people_they_may_see(lee_client, ours):
    event = EventFactory(organization=ours.org)
    response = lee_client.post(
        event_url(event), {"person": ours.rosa.pk, "brought_by": ours.sam.pk}
    )
    assert response.status_code == 400
    assert not event.signups.exists()
