"""The leaders page filters by orientation, latest level and side of a divide, besides campaign,
neighbourhood and name."""

import pytest
from factories import AssessmentFactory, OrganizationFactory, PersonFactory

from heard.common_ground.models import Divide, PersonSide, Side

URL = "/leaders/"


@pytest.fixture
def people(ours, scale):
    core, active, _ = scale
    ana = PersonFactory(organization=ours.org, name="Ana Activist")
    ben = PersonFactory(organization=ours.org, name="Ben Empathic")
    # Ana was empathic once, then seen as an activist: the latest noticed orientation counts.
    AssessmentFactory(person=ana, kindliness="empathic", assessed_on="2026-01-05")
    AssessmentFactory(person=ana, kindliness="activist", level=active, assessed_on="2026-03-05")
    # Ben's latest assessment noticed no orientation: his earlier one still holds.
    AssessmentFactory(person=ben, kindliness="empathic", level=active, assessed_on="2026-02-01")
    AssessmentFactory(person=ben, kindliness="", level=core, assessed_on="2026-04-01")
    return ana, ben


def names(client, **query):
    return [leader.person.name for leader in client.get(URL, query).context["leaders"]]


def test_filters_by_the_latest_noticed_orientation(may_client, people):
    assert names(may_client, kindliness="activist") == ["Ana Activist"]
    assert names(may_client, kindliness="empathic") == ["Ben Empathic"]
    assert names(may_client, kindliness="rescuer") == []
    page = may_client.get(URL, {"q": "Ana"}).content.decode()
    assert "Activist" in page


def test_filters_by_the_latest_level(may_client, people, scale):
    core, active, contact = scale
    assert names(may_client, level=core.pk) == ["Ben Empathic"]
    assert names(may_client, level=active.pk) == ["Ana Activist"]
    assert names(may_client, level=contact.pk) == []


def test_another_organizations_level_or_side_is_no_filter(may_client, people, make_scale):
    theirs = make_scale(OrganizationFactory(), [("Theirs", "Their words")])[0]
    response = may_client.get(URL, {"level": theirs.pk})
    assert response.status_code == 200 and response.context["form"].errors
    assert "Theirs" not in response.content.decode()


def test_filters_by_side_of_a_divide(may_client, ours, people):
    ana, ben = people
    tenure = Divide.objects.create(organization=ours.org, name="Tenure")
    renters = Side.objects.create(divide=tenure, name="Renters", position=1)
    owners = Side.objects.create(divide=tenure, name="Owners", position=2)
    PersonSide.objects.create(person=ana, divide=tenure, side=renters)
    PersonSide.objects.create(person=ben, divide=tenure, side=owners)
    assert names(may_client, side=renters.pk) == ["Ana Activist"]
    assert names(may_client, side=owners.pk) == ["Ben Empathic"]
    assert "Tenure: Renters" in may_client.get(URL).content.decode()
