"""/people/<id>/merge/<other id>/: both records side by side, merged on confirm into the one
chosen; staff only; a person of another organization is 404, whichever side they are on."""

import pytest
from django.urls import reverse
from factories import ConsentFactory, ConversationFactory, PersonFactory

from heard.conversations.models import Participant
from heard.people.models import Consent, Person


@pytest.fixture
def alvins(org, maple, may, ours):
    first = PersonFactory(
        organization=org, name="Alvin Gaines", phone="(901) 555-0110", place=maple
    )
    second = PersonFactory(organization=org, name="Alvin Gaines", phone="", place=None)
    ConversationFactory(campaign=ours.campaign, held_by=may.user, people=[second])
    return first, second


def url(a, b):
    return reverse("people:merge", kwargs={"pk": a.pk, "other_pk": b.pk})


def test_the_page_shows_both_records_and_what_each_holds(may_client, alvins):
    first, second = alvins
    page = may_client.get(url(first, second)).content.decode()
    assert page.count("Alvin Gaines") >= 2
    assert f"#{first.pk}" in page and f"#{second.pk}" in page
    assert "(901) 555-0110" in page
    assert "Conversations: 1" in page
    assert "Keep this record" in page


def test_confirming_merges_into_the_record_chosen(may_client, alvins):
    first, second = alvins
    response = may_client.post(url(first, second), {"keep": first.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", kwargs={"pk": first.pk})
    assert not Person.objects.filter(pk=second.pk).exists()
    assert Participant.objects.filter(person=first).count() == 1


def test_the_other_record_may_be_the_one_kept(may_client, alvins):
    first, second = alvins
    may_client.post(url(first, second), {"keep": second.pk})
    assert list(Person.objects.filter(name="Alvin Gaines").values_list("pk", "phone")) == [
        (second.pk, "(901) 555-0110")
    ]


def test_a_choice_that_is_neither_merges_nothing(may_client, alvins, ours):
    first, second = alvins
    response = may_client.post(url(first, second), {"keep": ours.rosa.pk})
    assert response.status_code == 200
    assert "Choose which record to keep." in response.content.decode()
    assert Person.objects.filter(name="Alvin Gaines").count() == 2


def test_a_phone_of_someone_who_said_no_to_contact_is_not_shown(may_client, alvins):
    first, second = alvins
    ConsentFactory(person=first, topic=Consent.Topic.CONTACT, granted=False)
    page = may_client.get(url(first, second)).content.decode()
    assert "555-0110" not in page
    assert "asked not to be contacted" in page


def test_a_volunteer_gets_403_and_merges_nothing(lee_client, alvins):
    first, second = alvins
    assert lee_client.get(url(first, second)).status_code == 403
    assert lee_client.post(url(first, second), {"keep": first.pk}).status_code == 403
    assert Person.objects.filter(name="Alvin Gaines").count() == 2


def test_another_organization_s_person_is_404_on_either_side(
    may_client, otto_client, alvins, theirs
):
    first, _ = alvins
    assert may_client.get(url(first, theirs.olga)).status_code == 404
    assert may_client.post(url(theirs.olga, first), {"keep": first.pk}).status_code == 404
    assert otto_client.post(url(first, theirs.olga), {"keep": theirs.olga.pk}).status_code == 404
    assert Person.objects.filter(pk=first.pk).exists()


def test_the_same_person_twice_is_404(may_client, alvins):
    first, _ = alvins
    assert may_client.get(url(first, first)).status_code == 404
