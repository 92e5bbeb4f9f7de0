"""Writes for members: an organization's administrator adds members, changes their role and turf,
deactivates and reactivates them, sets new passwords and decides what volunteers may read.

Each verb re-checks the rules whoever calls it (a view, a command, a test): only an active
administrator acts; only on members of their own organization (another organization's member is
404, as if unknown); turf only from their own organization's places; and the organization is never
left without an active administrator, or nobody could manage its members again.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Membership, Organization, Role

if TYPE_CHECKING:
    from heard.people.models import Place


def add_member(
    *,
    by: Membership,
    username: str,
    full_name: str,
    email: str,
    role: str,
    turf: "Iterable[Place]",
    password: str,
) -> Membership:
    """Make a login and its membership in the administrator's organization."""
    User = get_user_model()
    username = username.strip()
    first_name, _space, last_name = full_name.strip().partition(" ")
    user = User(username=username, first_name=first_name, last_name=last_name.strip(), email=email)
    with transaction.atomic():
        _lock_organization_of(by)
        _check_role(role)
        turf = _turf_of(by, turf)
        # Logins are installation-wide; "Rosa" and "rosa" as two people would be a trap.
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(
                {
                    "username": _("The username “%(username)s” is taken. Choose another one.")
                    % {"username": username}
                }
            )
        _check_password(password, user)
        user.set_password(password)
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:  # the same username saved a moment ago by someone else
            raise ValidationError(
                {
                    "username": _("The username “%(username)s” is taken. Choose another one.")
                    % {"username": username}
                }
            ) from None
        member = Membership.objects.create(user=user, organization=by.organization, role=role)
        member.turf.set(turf)
        return member


def change_member(*, by: Membership, member: Membership, role: str, turf: "Iterable[Place]"):
    """Give a member of the organization another role or other turf."""
    with transaction.atomic():
        member = _ours_locked(by, member)
        _check_role(role)
        turf = _turf_of(by, turf)
        if member.role == Role.ADMIN and role != Role.ADMIN and member.user.is_active:
            _check_another_admin_remains(member)
        member.role = role
        member.save(update_fields=["role"])
        member.turf.set(turf)
        return member


def set_member_active(*, by: Membership, member: Membership, active: bool) -> Membership:
    """Deactivate a member (their login stops working at once) or let them back in.

    Nothing they recorded is removed: conversations keep who held them.
    """
    with transaction.atomic():
        member = _ours_locked(by, member)
        if not active and member.role == Role.ADMIN and member.user.is_active:
            _check_another_admin_remains(member)
        member.user.is_active = active
        member.user.save(update_fields=["is_active"])
        return member


def set_member_password(*, by: Membership, member: Membership, password: str) -> Membership:
    """Set a member's password, checked by the installation's password validators.

    Their open sessions end, since Django ties a session to the password it was made with.
    """
    with transaction.atomic():
        member = _ours_locked(by, member)
        _check_password(password, member.user)
        member.user.set_password(password)
        member.user.save(update_fields=["password"])
        return member


def set_volunteer_sharing(*, by: Membership, read_plans: bool) -> Organization:
    """Decide whether member volunteers read the organization's action plans (staff always do)."""
    with transaction.atomic():
        _lock_organization_of(by)
        organization = Organization.objects.get(pk=by.organization_id)
        organization.volunteers_read_plans = read_plans
        organization.save(update_fields=["volunteers_read_plans"])
        return organization


def _lock_organization_of(by: Membership) -> None:
    """Only an active administrator acts; one change at a time per organization, so two
    administrators demoting each other at once cannot both succeed."""
    if by.role != Role.ADMIN or not by.user.is_active:
        raise PermissionDenied
    Organization.objects.select_for_update().get(pk=by.organization_id)


def _ours_locked(by: Membership, member: Membership) -> Membership:
    _lock_organization_of(by)
    try:
        return Membership.objects.select_related("user").get(
            pk=member.pk, organization_id=by.organization_id
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def _check_role(role: str) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the roles.")})


def _turf_of(by: Membership, turf: "Iterable[Place]") -> "list[Place]":
    turf = list(turf)
    if any(place.organization_id != by.organization_id for place in turf):
        raise ValidationError({"turf": _("Turf can only be places of your organization.")})
    return turf


def _check_another_admin_remains(member: Membership) -> None:
    others = Membership.objects.filter(
        organization_id=member.organization_id, role=Role.ADMIN, user__is_active=True
    ).exclude(pk=member.pk)
    if not others.exists():
        raise ValidationError(
            _(
                "%(name)s is the organization's only active administrator. "
                "Make someone else an administrator first."
            )
            % {"name": member.display_name}
        )


def _check_password(password: str, user) -> None:
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None


def choose_language(*, membership: Membership, language: str) -> None:
    """Remember the language a member chose for themselves (one of settings.LANGUAGES)."""
    if language and language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Heard does not speak that language yet.")})
    Membership.objects.filter(pk=membership.pk).update(language=language)
    membership.language = language
