from heard.common_ground.models import PersonSide


def sides_url(person):
    return f"/common-ground/people/{person.pk}/sides/"


def test_a_volunteer_records_the_side_of_someone_on_their_turf(lee_client, ours, tenure):
    field = f"divide_{tenure.divide.pk}"
    page = lee_client.post(sides_url(ours.rosa), {field: tenure.renter.pk})
    assert page.status_code == 302
    assert PersonSide.objects.get(person=ours.rosa).side == tenure.renter
    # "Not known" removes it.
    lee_client.post(sides_url(ours.rosa), {field: ""})
    assert not PersonSide.objects.filter(person=ours.rosa).exists()


def test_another_divides_side_is_refused(may_client, ours, tenure, org):
    from heard.common_ground.models import Divide, Side

    other = Side.objects.create(
        divide=Divide.objects.create(organization=org, name="Faith"), name="Church"
    )
    page = may_client.post(sides_url(ours.rosa), {f"divide_{tenure.divide.pk}": other.pk})
    assert page.status_code == 400
    assert not PersonSide.objects.exists()


def test_nobody_reaches_a_person_they_may_not_see(lee_client, otto_client, ours, tenure):
    # Sam lives in Riverside, off the volunteer's turf; the outsider sees none of ours.
    assert lee_client.get(sides_url(ours.sam)).status_code == 404
    assert (
        otto_client.post(
            sides_url(ours.rosa), {f"divide_{tenure.divide.pk}": tenure.owner.pk}
        ).status_code
        == 404
    )
    assert not PersonSide.objects.exists()


def test_one_tap_on_a_conversations_page_records_one_side_and_comes_back(lee_client, ours, tenure):
    from heard.common_ground.models import Divide

    heating = Divide.objects.get(organization=ours.org, name="Heating: gas or electric")
    gas = heating.sides.get(name="Gas boiler")
    PersonSide.objects.create(person=ours.rosa, divide=heating, side=gas)
    page = lee_client.get(f"/conversations/{ours.by_lee.pk}/")
    asked = page.context["ask_sides"]
    # Rosa's heating is known; her tenure is not, so only tenure is asked.
    assert [(row.person, [d.name for d in row.divides]) for row in asked] == [
        (ours.rosa, ["Housing tenure"])
    ]
    back = f"/conversations/{ours.by_lee.pk}/"
    page = lee_client.post(
        sides_url(ours.rosa), {f"divide_{tenure.divide.pk}": tenure.owner.pk, "next": back}
    )
    assert page.status_code == 302 and page["Location"] == back
    assert PersonSide.objects.get(person=ours.rosa, divide=tenure.divide).side == tenure.owner
    assert PersonSide.objects.get(person=ours.rosa, divide=heating).side == gas  # untouched
    # Somewhere else is never where a one-tap answer goes.
    page = lee_client.post(
        sides_url(ours.rosa),
        {f"divide_{tenure.divide.pk}": tenure.renter.pk, "next": "https://elsewhere.example/"},
    )
    assert page["Location"] == f"/people/{ours.rosa.pk}/"
    for odd in ("99999999999999999999", "//elsewhere.example/", "people:list"):
        page = lee_client.post(
            sides_url(ours.rosa), {f"divide_{tenure.divide.pk}": tenure.renter.pk, "next": odd}
        )
        assert page["Location"] == f"/people/{ours.rosa.pk}/", odd
