"""On the demo, the organizer's leaders page lists at least 15 people with reasons."""

import pytest
from django.test import Client

from heard.accounts.models import Membership
from heard.demo.builder import delete_demo, load_demo


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        organization = load_demo(log=lambda line: None)
        yield organization
        delete_demo()


def test_the_organizer_sees_at_least_fifteen_leaders_with_reasons(demo, db):
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    response = client.get("/leaders/")
    assert response.status_code == 200
    leaders = response.context["leaders"]
    assert len(leaders) >= 15
    assert all(leader.reasons for leader in leaders)
    # Evidence beyond knowing people: a signal, a kept commitment, an event or a yes.
    assert sum(any("kept" in r for r in leader.reasons) for leader in leaders) >= 15
    assert "said yes to a next step" in response.content.decode()
