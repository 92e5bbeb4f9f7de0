"""An organization's administrator decides whether member volunteers read the action plans:
plans are handed out at meetings, but one naming an action's target may have to wait."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from factories import MembershipFactory

from heard.accounts.models import Role
from heard.accounts.services import set_volunteer_sharing


@pytest.fixture
def ada(org):
    return MembershipFactory(organization=org, role=Role.ADMIN, user__username="ada")


def client_of(membership):
    client = Client()
    client.force_login(membership.user)
    return client


def plan_urls(campaign):
    return [
        reverse(name, args=[campaign.pk]) for name in ("plans:detail", "plans:pdf", "plans:docx")
    ]


def test_volunteers_read_plans_until_the_administrator_keeps_them_to_staff(
    ada, lee_client, may_client, planned
):
    assert all(lee_client.get(url).status_code == 200 for url in plan_urls(planned.campaign))
    response = client_of(ada).post(reverse("members:sharing"), {})  # the box left unticked
    assert response.status_code == 302
    for url in plan_urls(planned.campaign):
        assert lee_client.get(url).status_code == 403, url
        assert may_client.get(url).status_code == 200, url
    campaign_page = lee_client.get(reverse("campaigns:detail", args=[planned.campaign.pk]))
    assert "Action plan" not in campaign_page.content.decode()
    client_of(ada).post(reverse("members:sharing"), {"read_plans": "on"})
    assert lee_client.get(plan_urls(planned.campaign)[0]).status_code == 200


def test_only_an_administrator_decides(may, lee, may_client, lee_client, otto_client):
    for client in (may_client, lee_client):
        assert client.post(reverse("members:sharing"), {}).status_code == 403
    assert otto_client.post(reverse("members:sharing"), {}).status_code == 403
    may.organization.refresh_from_db()
    assert may.organization.volunteers_read_plans
    with pytest.raises(PermissionDenied):
        set_volunteer_sharing(by=may, read_plans=False)


def test_the_administrators_page_shows_the_choice(ada):
    page = client_of(ada).get(reverse("members:sharing"))
    assert page.status_code == 200
    assert 'name="read_plans"' in page.content.decode() and "checked" in page.content.decode()
