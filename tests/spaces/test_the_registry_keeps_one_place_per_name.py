"""Organizers keep the registry: one place per name in an organization, whatever its case or
accents; the form says what is wrong; volunteers read it but do not change it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from heard.spaces.models import ThirdSpace
from heard.spaces.services import remove_space, save_space


def test_a_name_already_there_in_other_case_or_accents_is_refused(may):
    save_space(by=may, name="Café Olé", kind="cafe")
    with pytest.raises(ValidationError) as refused:
        save_space(by=may, name="  cafe   OLE ", kind="cafe")
    assert "already in the registry" in str(refused.value)
    assert ThirdSpace.objects.count() == 1


def test_another_organization_may_use_the_same_name(may, otto):
    save_space(by=may, name="Central Library", kind="library")
    save_space(by=otto, name="Central Library", kind="library")
    assert ThirdSpace.objects.count() == 2


def test_renaming_a_place_to_its_own_name_in_other_case_is_fine(may):
    space = save_space(by=may, name="Piedmont Park", kind="park")
    save_space(by=may, space=space, name="PIEDMONT park", kind="park")
    space.refresh_from_db()
    assert (space.name, space.name_key) == ("PIEDMONT park", "piedmont park")


def test_a_volunteer_may_not_add_or_remove_places(lee, may):
    with pytest.raises(PermissionDenied):
        save_space(by=lee, name="Piedmont Park", kind="park")
    space = save_space(by=may, name="Piedmont Park", kind="park")
    with pytest.raises(PermissionDenied):
        remove_space(by=lee, space=space)


def test_another_organizations_neighbourhood_is_refused(may, theirs):
    with pytest.raises(ValidationError) as refused:
        save_space(by=may, name="Piedmont Park", kind="park", neighbourhood=theirs.place)
    assert "neighbourhood" in refused.value.message_dict


def test_the_form_shows_the_refusal_beside_the_name(may_client, may):
    save_space(by=may, name="St Mark's church hall", kind="worship")
    response = may_client.post(
        reverse("spaces:new"), {"name": "st marks church hall", "kind": "worship"}
    )
    assert response.status_code == 302  # no apostrophe: another name
    response = may_client.post(
        reverse("spaces:new"), {"name": "ST MARK'S  church hall", "kind": "worship"}
    )
    assert response.status_code == 400
    assert "already in the registry" in response.content.decode()
    response = may_client.post(reverse("spaces:new"), {"name": "", "kind": "nowhere"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"name", "kind"}


def test_removing_a_place_leaves_its_events_without_a_place(may_client, may, ours):
    space = save_space(by=may, name="Piedmont Park", kind="park")
    ours.event.space = space
    ours.event.save()
    response = may_client.post(reverse("spaces:remove", args=[space.pk]))
    assert response.status_code == 302
    ours.event.refresh_from_db()
    assert ours.event.space is None
    assert not ThirdSpace.objects.exists()


def test_the_list_searches_and_filters(may_client, may, maple):
    save_space(by=may, name="Café Olé", kind="cafe", neighbourhood=maple)
    save_space(by=may, name="Food bank", kind="other", hub_of_helping=True)
    save_space(by=may, name="Piedmont Park", kind="park")

    def names(**query):
        response = may_client.get(reverse("spaces:list"), query)
        return [s.name for s in response.context["page"]]

    assert names() == ["Café Olé", "Food bank", "Piedmont Park"]
    assert names(q="cafe ole") == ["Café Olé"]
    assert names(kind="park") == ["Piedmont Park"]
    assert names(neighbourhood=maple.pk) == ["Café Olé"]
    assert names(hub="on") == ["Food bank"]
    assert names(neighbourhood="999999999999999999999") == [
        "Café Olé",
        "Food bank",
        "Piedmont Park",
    ]
