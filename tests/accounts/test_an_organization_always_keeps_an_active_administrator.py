"""Nobody could manage an organization's members without an active administrator, so the last
one can be neither demoted nor deactivated; with a second administrator, either may step down."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from factories import MembershipFactory

from heard.accounts import services
from heard.accounts.models import Role


def test_the_only_administrator_cannot_make_themselves_an_organizer(ada_client, ada):
    response = ada_client.post(reverse("members:edit", args=[ada.pk]), {"role": Role.ORGANIZER})
    assert response.status_code == 400
    assert "only active administrator" in response.content.decode()
    ada.refresh_from_db()
    assert ada.role == Role.ADMIN


def test_the_only_administrator_cannot_deactivate_themselves(ada_client, ada):
    response = ada_client.post(
        reverse("members:active", args=[ada.pk]), {"active": "0"}, follow=True
    )
    assert "only active administrator" in response.content.decode()
    ada.user.refresh_from_db()
    assert ada.user.is_active


def test_a_deactivated_second_administrator_does_not_count(ada, org):
    other = MembershipFactory(organization=org, role=Role.ADMIN, user__is_active=False)
    with pytest.raises(ValidationError):
        services.change_member(by=ada, member=ada, role=Role.VOLUNTEER, turf=[])
    assert other.role == Role.ADMIN


def test_with_a_second_administrator_one_may_step_down(ada_client, ada, org):
    MembershipFactory(organization=org, role=Role.ADMIN)
    response = ada_client.post(reverse("members:edit", args=[ada.pk]), {"role": Role.ORGANIZER})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    ada.refresh_from_db()
    assert ada.role == Role.ORGANIZER
    assert ada_client.get(reverse("members:list")).status_code == 403


def test_reactivating_an_administrator_needs_no_other(ada, org):
    gone = MembershipFactory(organization=org, role=Role.ADMIN, user__is_active=False)
    services.set_member_active(by=ada, member=gone, active=True)
    gone.user.refresh_from_db()
    assert gone.user.is_active


def test_the_services_refuse_a_non_administrator(may, lee):
    with pytest.raises(PermissionDenied):
        services.set_member_active(by=may, member=lee, active=False)


def test_the_services_treat_another_organizations_member_as_unknown(ada, otto):
    with pytest.raises(Http404):
        services.set_member_password(by=ada, member=otto, password="porch-light-cinnamon-47")
    with pytest.raises(Http404):
        services.change_member(by=ada, member=otto, role=Role.VOLUNTEER, turf=[])
