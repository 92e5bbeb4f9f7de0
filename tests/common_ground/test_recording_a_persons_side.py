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
