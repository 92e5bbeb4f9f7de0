"""The ladder page: organizers and admins see it; a volunteer gets 403 (it compares
volunteers); an outsider sees only their own organization, and our campaign is unknown to them."""

import pytest
from django.test import Client
from django.urls import reverse
from factories import CampaignFactory, ConversationFactory, MembershipFactory, PersonFactory

from heard.accounts.models import Role
from heard.conversations.models import NextStep, Response

URL = reverse("reports:ladder")


def test_the_organizer_sees_the_funnel_and_the_table(may_client, ours):
    response = may_client.get(URL, {"campaign": ours.campaign.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Heat in Winter" in html
    for rung in ("Asked", "Said yes", "Signed up", "Came"):
        assert rung in html
    assert "Event tabling" in html or "Door-knock" in html
    # The funnel is drawn with widths, no script.
    assert 'style="width: 100%"' in html


def test_by_volunteer_names_who_held_the_conversations(may_client, ours):
    html = may_client.get(URL, {"by": "volunteer"}).content.decode()
    assert "May Organizer" in html and "Lee Volunteer" in html


def test_an_admin_sees_it_too(org, ours):
    admin = MembershipFactory(organization=org, role=Role.ADMIN)
    client = Client()
    client.force_login(admin.user)
    assert client.get(URL).status_code == 200


def test_a_volunteer_is_refused(lee_client, ours):
    assert lee_client.get(URL).status_code == 403


def test_an_outsider_sees_none_of_ours(otto_client, ours, theirs):
    response = otto_client.get(URL, {"by": "volunteer"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Westside Rent Strike" in html
    for secret in ours.secrets + ["May Organizer", "Lee Volunteer"]:
        assert secret not in html
    # Our campaign's id is not a campaign of theirs: said, and the report stays theirs.
    response = otto_client.get(URL, {"campaign": ours.campaign.pk})
    assert response.status_code == 400
    assert "Unknown campaign" in response.content.decode()
    assert "Heat in Winter" not in response.content.decode()


def test_a_login_without_organization_gets_nothing(loner_client, ours):
    assert loner_client.get(URL).status_code in (403, 404)


@pytest.mark.parametrize(
    "query",
    [
        {"campaign": "9" * 30},
        {"campaign": "x"},
        {"by": "place"},
        {"page": "-1"},
        {"page": "999"},
        {"campaign": "\x00"},
    ],
)
def test_bad_filters_get_an_answer_not_a_crash(may_client, ours, query):
    assert may_client.get(URL, query).status_code in (200, 400)


def test_the_page_takes_the_same_queries_with_many_conversations(
    may_client, may, lee, ours, queries_for
):
    few = queries_for(may_client, URL, {"by": "volunteer"})
    for _ in range(30):
        volunteer = MembershipFactory(organization=ours.org, role=Role.VOLUNTEER)
        person = PersonFactory(organization=ours.org)
        ConversationFactory(
            campaign=ours.campaign,
            held_by=volunteer.user,
            people=[person],
            next_step=NextStep.TRAINING,
            next_step_response=Response.YES,
        )
    CampaignFactory(organization=ours.org)
    many = queries_for(may_client, URL, {"by": "volunteer"})
    assert many == few
    # 32 volunteers: the table paginates.
    html = may_client.get(URL, {"by": "volunteer"}).content.decode()
    assert "Page 1 of 2" in html


def test_the_page_pins_its_queries(may_client, ours, queries_for):
    """Session, user with their membership, the chosen campaign, the campaigns to choose from,
    the report."""
    assert queries_for(may_client, URL, {"campaign": ours.campaign.pk}) == PAGE_QUERIES


PAGE_QUERIES = 5
