"""/privacy/people/<id>/: what Heard holds about a person, their export, and their erasure,
for the administrators of their organization only."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from heard.people.models import Person
from heard.privacy.models import Action, AuditEvent

from .conftest import MARKERS


def page(z):
    return reverse("privacy:person", args=[z.person.pk])


def test_the_administrator_sees_what_heard_holds(zephyrine, ada_client):
    response = ada_client.get(page(zephyrine))
    assert response.status_code == 200
    holdings = response.context["holdings"]
    assert (holdings["conversations_alone"], holdings["conversations_shared"]) == (1, 1)
    assert (holdings["quotes"], holdings["ties"], holdings["sign_ups"]) == (2, 2, 1)
    assert holdings["household_goes"] is True
    text = response.content.decode()
    assert "Download everything (JSON)" in text and "Erase this person" in text


def test_opening_the_page_is_recorded_as_viewing_her(zephyrine, ada, ada_client):
    ada_client.get(page(zephyrine))
    event = AuditEvent.objects.get(action=Action.VIEWED)
    assert (event.actor, event.person_id, event.object_kind) == (
        ada.user,
        zephyrine.person.pk,
        "people.person",
    )


@pytest.mark.parametrize("name", ["privacy:person", "privacy:export"])
@pytest.mark.parametrize(
    ("who", "status"), [("may_client", 403), ("lee_client", 403), ("olive_client", 404)]
)
def test_others_may_not(zephyrine, name, who, status, request):
    client = request.getfixturevalue(who)
    response = client.get(reverse(name, args=[zephyrine.person.pk]))
    assert response.status_code == status
    assert MARKERS["name"] not in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in(zephyrine, client):
    response = client.get(page(zephyrine))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_download_is_her_json_and_is_recorded(zephyrine, ada_client):
    response = ada_client.get(reverse("privacy:export", args=[zephyrine.person.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["person"]["email"] == MARKERS["email"]
    assert AuditEvent.objects.filter(action=Action.EXPORTED).count() == 1


def erase(client, z, typed):
    return client.post(reverse("privacy:erase", args=[z.person.pk]), {"confirm_name": typed})


def test_a_wrong_name_erases_nothing(zephyrine, ada_client):
    response = erase(ada_client, zephyrine, "Zephyrine")
    assert response.status_code == 400
    assert "nothing was erased" in response.content.decode()
    assert Person.objects.filter(pk=zephyrine.person.pk).exists()


def test_her_name_typed_erases_her_and_says_so_without_her_name(zephyrine, ada_client):
    response = erase(ada_client, zephyrine, "  zephyrine   QUILLFEATHER ")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:list")
    assert not Person.objects.filter(pk=zephyrine.person.pk).exists()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"Person #{zephyrine.person.pk}" in message
    assert "Quillfeather" not in message


def test_erasing_is_a_post_only(zephyrine, ada_client):
    response = ada_client.get(reverse("privacy:erase", args=[zephyrine.person.pk]))
    assert response.status_code == 405
    assert Person.objects.filter(pk=zephyrine.person.pk).exists()


@pytest.mark.parametrize(
    ("who", "status"), [("may_client", 403), ("lee_client", 403), ("olive_client", 404)]
)
def test_no_one_else_may_erase_her(zephyrine, who, status, request):
    response = erase(request.getfixturevalue(who), zephyrine, MARKERS["name"])
    assert response.status_code == status
    assert Person.objects.filter(pk=zephyrine.person.pk).exists()


def test_the_person_page_links_to_it_for_administrators_only(zephyrine, ada_client, may_client):
    person_page = reverse("people:detail", args=[zephyrine.person.pk])
    assert page(zephyrine) in ada_client.get(person_page).content.decode()
    assert page(zephyrine) not in may_client.get(person_page).content.decode()


def test_the_audit_log_and_two_factor_are_in_the_administrators_menu(ada_client, may_client):
    mine = ada_client.get(reverse("home")).content.decode()
    assert reverse("privacy:audit") in mine and reverse("security:two_factor") in mine
    theirs = may_client.get(reverse("home")).content.decode()
    assert reverse("privacy:audit") not in theirs and reverse("security:two_factor") not in theirs
