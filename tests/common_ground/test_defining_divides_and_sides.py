import pytest
from django.core.exceptions import ValidationError
from factories import PersonFactory

from heard.common_ground import services
from heard.common_ground.models import Divide, PersonSide, Side


def test_an_organizer_adds_a_divide_with_its_sides(may_client, org):
    page = may_client.post(
        "/common-ground/divides/",
        {"name": "Long-time residents and newcomers", "sides": "Here 10+ years\nNewcomer\n\n"},
    )
    assert page.status_code == 302
    divide = Divide.objects.get(organization=org)
    assert [s.name for s in divide.sides.all()] == ["Here 10+ years", "Newcomer"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "Tenure", "sides": "Renter"}, "sides", "at least two sides"),
        ({"name": "Tenure", "sides": "Renter\nrenter"}, "sides", "named twice"),
        ({"name": "", "sides": "A\nB"}, "name", "required"),
    ],
)
def test_a_divide_that_cannot_be_one_is_refused_with_a_reason(
    may_client, org, data, field, message
):
    page = may_client.post("/common-ground/divides/", data)
    assert page.status_code == 400
    assert message in " ".join(page.context["form"].errors[field])
    assert not Divide.objects.filter(organization=org).exists()


def test_two_divides_cannot_share_a_name(may, tenure):
    with pytest.raises(ValidationError, match="already a divide"):
        services.define_divide(by=may, name="housing TENURE", description="", sides=["A", "B"])


def test_a_side_people_are_on_is_kept_and_sides_can_swap_names(may, org, tenure):
    PersonSide.objects.create(
        person=PersonFactory(organization=org), divide=tenure.divide, side=tenure.renter
    )
    with pytest.raises(ValidationError, match="people are on “Renter”"):
        services.change_divide(
            by=may, divide=tenure.divide, name="Tenure", description="",
            renamed={}, removed={tenure.renter.pk}, added=[],
        )  # fmt: skip
    services.change_divide(
        by=may, divide=tenure.divide, name="Tenure", description="",
        renamed={tenure.renter.pk: "Owner", tenure.owner.pk: "Renter"}, removed=set(),
        added=["Lives with family"],
    )  # fmt: skip
    names = dict(Side.objects.filter(divide=tenure.divide).values_list("pk", "name"))
    assert names[tenure.renter.pk] == "Owner" and names[tenure.owner.pk] == "Renter"
    assert "Lives with family" in names.values()


def test_removing_a_divide_removes_the_sides_recorded_on_it(may_client, org, tenure):
    PersonSide.objects.create(
        person=PersonFactory(organization=org), divide=tenure.divide, side=tenure.owner
    )
    page = may_client.post(f"/common-ground/divides/{tenure.divide.pk}/remove/", follow=True)
    assert "with 1 person&#x27;s side" in page.content.decode()
    assert not PersonSide.objects.exists() and not Side.objects.exists()


def test_volunteers_may_not_define_divides_and_outsiders_never_see_ours(
    lee_client, otto_client, tenure
):
    assert lee_client.get("/common-ground/divides/").status_code == 403
    assert (
        lee_client.post("/common-ground/divides/", {"name": "X", "sides": "a\nb"}).status_code
        == 403
    )
    assert otto_client.get(f"/common-ground/divides/{tenure.divide.pk}/").status_code == 404
    assert otto_client.post(f"/common-ground/divides/{tenure.divide.pk}/remove/").status_code == 404
    assert "Housing tenure" not in otto_client.get("/common-ground/divides/").content.decode()
