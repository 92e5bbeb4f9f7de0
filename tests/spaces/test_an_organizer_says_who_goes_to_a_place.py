"""Organizers record who goes to a place from its page (found by name) and take someone off;
volunteers cannot, and nobody reaches a person or a regular they may not see."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from heard.spaces.models import Regular
from heard.spaces.services import add_regular


def test_the_organizer_finds_someone_and_adds_them(may_client, may, laundromat, ours, maple):
    from factories import PersonFactory

    ana = PersonFactory(organization=ours.org, name="Ana Ruiz", place=maple)
    url = reverse("spaces:detail", args=[laundromat.pk])
    assert ana in may_client.get(url, {"who": "ana"}).context["found"]
    response = may_client.post(
        reverse("spaces:regular_add", args=[laundromat.pk]), {"person": ana.pk}
    )
    assert response.status_code == 302
    regular = Regular.objects.get(space=laundromat, person=ana)
    assert (regular.how, regular.recorded_by) == ("organizer", may.user)


def test_the_organizer_takes_someone_off(may_client, laundromat, ours):
    regular = Regular.objects.get(space=laundromat, person=ours.sam)
    url = reverse("spaces:regular_remove", args=[laundromat.pk, regular.pk])
    assert may_client.post(url).status_code == 302
    assert not Regular.objects.filter(pk=regular.pk).exists()


def test_another_organizations_person_is_refused(may_client, may, laundromat, theirs):
    response = may_client.post(
        reverse("spaces:regular_add", args=[laundromat.pk]), {"person": theirs.olga.pk}
    )
    assert response.status_code == 302
    assert not Regular.objects.filter(person=theirs.olga).exists()
    with pytest.raises(PermissionDenied):
        add_regular(by=may, space=laundromat, person=theirs.olga)


def test_a_volunteer_may_not_change_who_goes_there(lee_client, lee, laundromat, ours):
    response = lee_client.post(
        reverse("spaces:regular_add", args=[laundromat.pk]), {"person": ours.rosa.pk}
    )
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        add_regular(by=lee, space=laundromat, person=ours.rosa)
