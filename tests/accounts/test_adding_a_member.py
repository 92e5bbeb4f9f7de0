"""An administrator adds a member: a login of their organization with a role, turf from its own
places and a first password that Django's password validators accept."""

from django.contrib.auth import authenticate, get_user_model
from django.urls import reverse
from factories import PlaceFactory

from heard.accounts.models import Membership, Role

User = get_user_model()
GOOD_PASSWORD = "porch-light-cinnamon-47"


def _new(client, **changes):
    data = {
        "username": "rosa",
        "full_name": "Rosa María Alvarez",
        "email": "rosa@example.org",
        "role": Role.VOLUNTEER,
        "password": GOOD_PASSWORD,
        "password_again": GOOD_PASSWORD,
        **changes,
    }
    return client.post(reverse("members:new"), data)


def test_a_new_volunteer_can_log_in_and_sees_their_turf(ada_client, org, maple):
    response = _new(ada_client, turf=[maple.pk])
    member = Membership.objects.get(user__username="rosa")
    assert response.status_code == 302
    assert response["Location"] == reverse("members:edit", args=[member.pk])
    assert member.organization == org
    assert member.role == Role.VOLUNTEER
    assert list(member.turf.all()) == [maple]
    assert (member.user.first_name, member.user.last_name) == ("Rosa", "María Alvarez")
    assert not member.user.is_staff and not member.user.is_superuser
    assert authenticate(username="rosa", password=GOOD_PASSWORD) == member.user


def test_a_username_taken_anywhere_in_the_installation_is_a_clear_error(ada_client, otto):
    response = _new(ada_client, username="OTTO")
    assert response.status_code == 400
    assert "The username “OTTO” is taken" in response.content.decode()
    assert not User.objects.filter(username="OTTO").exists()


def test_a_weak_password_is_refused_by_djangos_validators(ada_client):
    response = _new(ada_client, password="password", password_again="password")
    assert response.status_code == 400
    assert "This password is too common" in response.content.decode()
    assert not User.objects.filter(username="rosa").exists()


def test_a_password_like_the_username_is_refused(ada_client):
    response = _new(
        ada_client, username="rosaalvarez1", password="rosaalvarez1", password_again="rosaalvarez1"
    )
    assert response.status_code == 400
    assert "too similar" in response.content.decode()


def test_two_different_passwords_are_refused(ada_client):
    response = _new(ada_client, password_again=GOOD_PASSWORD + "x")
    assert response.status_code == 400
    assert "The two passwords differ" in response.content.decode()


def test_turf_from_another_organization_is_refused(ada_client, theirs):
    response = _new(ada_client, turf=[theirs.place.pk])
    assert response.status_code == 400
    assert not User.objects.filter(username="rosa").exists()


def test_a_username_with_spaces_is_refused(ada_client):
    response = _new(ada_client, username="rosa alvarez")
    assert response.status_code == 400
    assert not Membership.objects.filter(user__username="rosa alvarez").exists()


def test_an_organizer_cannot_add_members(may_client):
    assert _new(may_client).status_code == 403
    assert not User.objects.filter(username="rosa").exists()


def test_the_service_refuses_turf_of_another_organization(ada, theirs):
    import pytest
    from django.core.exceptions import ValidationError

    from heard.accounts.services import add_member

    with pytest.raises(ValidationError) as error:
        add_member(
            by=ada,
            username="rosa",
            full_name="Rosa",
            email="",
            role=Role.VOLUNTEER,
            turf=[theirs.place],
            password=GOOD_PASSWORD,
        )
    assert "turf" in error.value.message_dict
    assert not User.objects.filter(username="rosa").exists()


def test_the_form_offers_only_our_organizations_places(ada_client, org, theirs):
    mine = PlaceFactory(organization=org, name="Linden Row")
    text = ada_client.get(reverse("members:new")).content.decode()
    assert "Linden Row" in text and f'value="{mine.pk}"' in text
    assert "Westside Towers" not in text
