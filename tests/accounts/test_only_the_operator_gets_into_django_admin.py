"""Django's admin reads and writes every organization's rows, so only the server's operator (a
superuser with no membership) gets in. A member is refused whatever flags their login carries:
the demo's administrator was a superuser and read another organization's people there."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from factories import MembershipFactory

from heard.accounts.models import Role

User = get_user_model()


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_operator_opens_the_admin_and_any_organizations_people(operator_client, theirs):
    assert operator_client.get(reverse("admin:index")).status_code == 200
    url = reverse("admin:people_person_change", args=[theirs.olga.pk])
    response = operator_client.get(url)
    assert response.status_code == 200
    assert "Olga Westsider" in response.content.decode()


@pytest.mark.parametrize("role", Role.values)
def test_a_member_flagged_superuser_is_refused_and_reads_nothing(org, theirs, role):
    member = MembershipFactory(
        organization=org,
        role=role,
        user__username=f"flagged-{role}",
        user__is_staff=True,
        user__is_superuser=True,
    )
    client = _client(member.user)
    for url in (
        reverse("admin:index"),
        reverse("admin:people_person_changelist"),
        reverse("admin:people_person_change", args=[theirs.olga.pk]),
        reverse("admin:people_person_delete", args=[theirs.olga.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    response = client.post(
        reverse("admin:people_person_delete", args=[theirs.olga.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert theirs.olga.__class__.objects.filter(pk=theirs.olga.pk).exists()


def test_the_admin_login_page_shows_a_member_no_data(org, theirs):
    member = MembershipFactory(organization=org, role=Role.ADMIN, user__is_superuser=True)
    response = _client(member.user).get(reverse("admin:login"))
    assert response.status_code == 200
    assert "Olga Westsider" not in response.content.decode()
    assert "not authorized" in response.content.decode()


def test_an_inactive_or_plain_staff_operator_login_is_refused(db):
    inactive = User.objects.create_superuser("gone", password="a-long-operator-pw")
    inactive.is_active = False
    inactive.save()
    staff = User.objects.create_user("helper", password="a-long-operator-pw", is_staff=True)
    for user in (inactive, staff):
        response = _client(user).get(reverse("admin:index"))
        assert response.status_code == 302


def test_an_operator_given_a_membership_loses_the_admin(operator, org):
    MembershipFactory(organization=org, user=operator, role=Role.ADMIN)
    assert _client(operator).get(reverse("admin:index")).status_code == 302
