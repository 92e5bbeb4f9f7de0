"""Three personas on the leaders page and a person's leadership path."""

import pytest
from factories import AssessmentFactory, MembershipFactory, PersonFactory, SignUpFactory

from heard.accounts.models import Role
from heard.campaigns.models import SignUp
from heard.leadership.models import Assessment


@pytest.fixture
def leader(ours):
    SignUpFactory(event=ours.event, person=ours.sam, status=SignUp.Status.ATTENDED)
    return ours.sam


def test_an_organizer_and_an_admin_see_the_leaders(may_client, org, leader, client):
    assert "Sam Okafor" in may_client.get("/leaders/").content.decode()
    admin = MembershipFactory(organization=org, role=Role.ADMIN)
    client.force_login(admin.user)
    assert "Sam Okafor" in client.get("/leaders/").content.decode()


def test_a_volunteer_is_refused(lee_client, leader):
    assert lee_client.get("/leaders/").status_code == 403
    assert lee_client.get(f"/leaders/{leader.pk}/assess/").status_code == 403
    response = lee_client.post(f"/leaders/{leader.pk}/assess/", {"signals": ["took_on_role"]})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_an_outsider_sees_none_of_ours(otto_client, ours, leader):
    page = otto_client.get("/leaders/").content.decode()
    for secret in ours.secrets:
        assert secret not in page
    assert otto_client.get(f"/leaders/{leader.pk}/assess/").status_code == 404
    response = otto_client.post(f"/leaders/{leader.pk}/assess/", {"signals": ["took_on_role"]})
    assert response.status_code == 404
    assert not Assessment.objects.exists()


def test_an_organizer_records_an_assessment_and_sees_the_path(may_client, may, ours, leader):
    AssessmentFactory(person=leader, assessed_on="2025-01-05", note="Asked how to help")
    response = may_client.post(
        f"/leaders/{leader.pk}/assess/",
        {"signals": ["took_on_role"], "kindliness": "activist", "note": "Chaired the meeting"},
    )
    assert response.status_code == 302
    latest = Assessment.objects.filter(person=leader).first()
    assert latest.took_on_role and latest.assessed_by == may.user
    assert latest.note == "Chaired the meeting"
    page = may_client.get(f"/leaders/{leader.pk}/assess/").content.decode()
    assert page.index("Asked how to help") < page.index("Chaired the meeting")
    assert "May Organizer" in page
    ranked = may_client.get("/leaders/").content.decode()
    assert "took on a role once" in ranked


def test_an_empty_assessment_is_refused_with_a_message(may_client, leader):
    response = may_client.post(f"/leaders/{leader.pk}/assess/", {"note": "  "})
    assert response.status_code == 200
    assert "Say what you saw" in response.content.decode()
    assert not Assessment.objects.exists()


def test_a_path_paginates(may_client, ours):
    person = PersonFactory(organization=ours.org)
    AssessmentFactory.create_batch(31, person=person)
    page = may_client.get(f"/leaders/{person.pk}/assess/").context["page"]
    assert page.paginator.count == 31 and len(page.object_list) == 30


def test_the_person_page_links_staff_to_the_path(may_client, lee_client, ours):
    path = f"/leaders/{ours.rosa.pk}/assess/"
    assert path in may_client.get(f"/people/{ours.rosa.pk}/").content.decode()
    assert path not in lee_client.get(f"/people/{ours.rosa.pk}/").content.decode()
