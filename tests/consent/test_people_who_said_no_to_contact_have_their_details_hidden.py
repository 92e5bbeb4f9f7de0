"""Rule 2: the phone and email of someone whose newest answer is "no, do not contact me again"
are shown on no page, in no list or JSON, and searching by them finds nobody. The person is
still there by name: the team must know not to knock."""

import pytest
from django.urls import reverse
from factories import PersonFactory

from heard.people import consent
from heard.people.models import Person

from .helpers import CONTACT, say

ROSAS_PHONE = "555-0101"
SAMS_PHONE = "555-0202"


@pytest.fixture
def rosa_said_no(ours):
    say(ours.rosa, CONTACT, True)
    say(ours.rosa, CONTACT, False)  # the newest answer is in force
    ours.rosa.email = "rosa@example.org"
    ours.rosa.save()
    return ours.rosa


@pytest.mark.parametrize("persona", ["may", "lee", "ada", "vic"])
def test_the_person_page_says_asked_not_to_be_contacted_instead_of_the_details(
    request, ours, rosa_said_no, persona
):
    client = request.getfixturevalue(f"{persona}_client")
    text = client.get(reverse("people:detail", args=[ours.rosa.pk])).content.decode()
    assert "Asked not to be contacted" in text
    assert ROSAS_PHONE not in text and "rosa@example.org" not in text


def test_someone_never_asked_or_who_said_yes_shows_their_details(may_client, ours, rosa_said_no):
    text = may_client.get(reverse("people:detail", args=[ours.sam.pk])).content.decode()
    assert SAMS_PHONE in text and "Asked not to be contacted" not in text


def test_a_yes_after_a_no_shows_the_details_again(may_client, ours, rosa_said_no):
    say(ours.rosa, CONTACT, True)
    text = may_client.get(reverse("people:detail", args=[ours.rosa.pk])).content.decode()
    assert ROSAS_PHONE in text and "Asked not to be contacted" not in text


@pytest.mark.parametrize("query", [ROSAS_PHONE, "0101", "rosa@example", "ROSA@EXAMPLE.ORG"])
def test_searching_the_people_list_by_their_phone_or_email_finds_nobody(
    may_client, ours, rosa_said_no, query
):
    response = may_client.get(reverse("people:list"), {"q": query})
    assert list(response.context["page"]) == []
    assert "Rosa Alvarez" not in response.content.decode()


def test_searching_by_name_still_finds_them_without_their_details(may_client, ours, rosa_said_no):
    response = may_client.get(reverse("people:list"), {"q": "Rosa"})
    assert [p.pk for p in response.context["page"]] == [ours.rosa.pk]
    assert ROSAS_PHONE not in response.content.decode()


def test_searching_by_the_phone_of_someone_who_may_be_contacted_still_works(
    may_client, ours, rosa_said_no
):
    response = may_client.get(reverse("people:list"), {"q": SAMS_PHONE})
    assert [p.pk for p in response.context["page"]] == [ours.sam.pk]


@pytest.mark.parametrize("persona", ["may", "lee", "ada"])
def test_the_typeahead_finds_them_by_name_only_and_never_sends_contact_details(
    request, ours, rosa_said_no, persona
):
    client = request.getfixturevalue(f"{persona}_client")
    by_phone = client.get(reverse("people:search"), {"q": ROSAS_PHONE}).json()
    assert by_phone == {"results": []}
    by_name = client.get(reverse("people:search"), {"q": "Rosa"})
    assert [r["id"] for r in by_name.json()["results"]] == [ours.rosa.pk]
    assert ROSAS_PHONE not in by_name.content.decode()
    assert "rosa@example.org" not in by_name.content.decode()


def test_the_event_sign_up_search_does_not_find_them_by_phone(may_client, ours, rosa_said_no):
    url = reverse("campaigns:event", args=[ours.event.pk])
    by_phone = may_client.get(url, {"who": ROSAS_PHONE})
    assert by_phone.context["found"] == []
    by_name = may_client.get(url, {"who": "Rosa"})
    assert [p.pk for p, _ in by_name.context["found"]] == [ours.rosa.pk]
    assert ROSAS_PHONE not in by_name.content.decode()


def test_the_sign_up_list_names_them_without_details(may_client, ours, rosa_said_no):
    text = may_client.get(reverse("campaigns:event", args=[ours.event.pk])).content.decode()
    assert "Rosa Alvarez" in text  # signed up in `ours`
    assert ROSAS_PHONE not in text and "rosa@example.org" not in text


def test_lists_and_exports_leave_them_out_of_the_contactable(ours, rosa_said_no):
    everyone = Person.objects.filter(organization=ours.org)
    assert set(consent.contactable(everyone)) == {ours.sam}
    assert consent.contact_shown(ours.rosa) == ""
    assert consent.contact_shown(ours.sam) == SAMS_PHONE


def test_the_rule_reads_the_newest_answer_whatever_the_order_of_ids(ours):
    # Recorded later, stored with a smaller id (an import, a sync): the time decides.
    newcomer = PersonFactory(organization=ours.org, phone="555-0909")
    later = say(newcomer, CONTACT, True)
    earlier = say(newcomer, CONTACT, False)
    type(earlier).objects.filter(pk=earlier.pk).update(
        recorded_at=later.recorded_at.replace(year=later.recorded_at.year - 1)
    )
    assert consent.may_contact(newcomer)
    assert list(consent.contactable(Person.objects.filter(pk=newcomer.pk))) == [newcomer]
