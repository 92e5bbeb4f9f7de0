"""The Members page lists the organization's logins for its administrator: role, turf, whether
they may log in and when they last did, with search and pages. Organizers and volunteers get
403; another organization's administrator finds none of our members."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from factories import MembershipFactory

from heard.accounts.models import Role

MEMBER_PAGES = ["list", "new"]


def test_the_administrator_sees_each_member_with_role_turf_and_last_sign_in(ada_client, may, lee):
    lee.user.last_login = timezone.make_aware(dt.datetime(2026, 3, 14, 9, 30))
    lee.user.save()
    text = ada_client.get(reverse("members:list")).content.decode()
    assert "May Organizer" in text and "Lee Volunteer" in text and "Ada Admin" in text
    assert "Member volunteer" in text and "Organizer" in text
    assert "Maple Court" in text
    assert "14 Mar 2026" in text
    assert "never" in text  # may has never logged in


def test_a_deactivated_member_is_marked(ada_client, lee):
    lee.user.is_active = False
    lee.user.save()
    assert "deactivated" in ada_client.get(reverse("members:list")).content.decode()


def test_search_finds_members_by_name_username_or_email(ada_client, may, lee):
    lee.user.email = "lee@eastside.example.org"
    lee.user.save()
    by_email = ada_client.get(reverse("members:list"), {"q": "eastside.example"})
    assert "Lee Volunteer" in by_email.content.decode()
    assert "May Organizer" not in by_email.content.decode()
    by_username = ada_client.get(reverse("members:list"), {"q": "may"}).content.decode()
    assert "May Organizer" in by_username and "Lee Volunteer" not in by_username


def test_the_list_comes_in_pages_of_thirty(ada_client, org):
    MembershipFactory.create_batch(35, organization=org)
    first = ada_client.get(reverse("members:list"))
    assert len(first.context["page"]) == 30
    assert "Page 1 of 2" in first.content.decode()
    assert len(ada_client.get(reverse("members:list"), {"page": 2}).context["page"]) == 6


def test_the_list_reads_in_the_same_few_queries_for_many_members(ada_client, org, queries_for):
    few = queries_for(ada_client, reverse("members:list"))
    MembershipFactory.create_batch(20, organization=org)
    assert queries_for(ada_client, reverse("members:list")) == few


def test_another_organizations_members_are_not_listed(ada_client, otto):
    text = ada_client.get(reverse("members:list")).content.decode()
    assert "Otto" not in text


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_organizers_and_volunteers_get_403(may_client, lee_client, name):
    assert may_client.get(reverse(f"members:{name}")).status_code == 403
    assert lee_client.get(reverse(f"members:{name}")).status_code == 403


@pytest.mark.parametrize("name", ["edit", "password"])
def test_another_organizations_administrator_gets_404_on_our_members(otto_admin, lee, name):
    from django.test import Client

    client = Client()
    client.force_login(otto_admin.user)
    response = client.get(reverse(f"members:{name}", args=[lee.pk]))
    assert response.status_code == 404
    assert "Lee Volunteer" not in response.content.decode()


def test_only_administrators_see_the_members_link(ada_client, may_client, lee_client):
    link = f'href="{reverse("members:list")}"'
    assert link in ada_client.get(reverse("home")).content.decode()
    assert link not in may_client.get(reverse("home")).content.decode()
    assert link not in lee_client.get(reverse("home")).content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in(client, lee):
    response = client.get(reverse("members:edit", args=[lee.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_roles_offered_are_the_three_roles(ada_client):
    text = ada_client.get(reverse("members:new")).content.decode()
    for value in Role.values:
        assert f'value="{value}"' in text
