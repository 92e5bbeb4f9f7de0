"""Who is asking: every organization-scoped read starts from the request's membership."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Membership, Role


def membership_for(user) -> Membership:
    """The user's membership, or 404: a login without an organization sees nothing."""
    if not user.is_authenticated:
        raise Http404
    try:
        return Membership.objects.select_related("organization", "user").get(user=user)
    except Membership.DoesNotExist:
        raise Http404 from None


def member_required(*roles: str):
    """Decorate a view: log in, attach `request.membership`, and check the role if roles given.

    A teammate whose role is not allowed gets 403; somebody from another organization never
    reaches a row of ours, because every lookup below goes through an access helper (404).
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            request.membership = membership_for(request.user)
            if roles and request.membership.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


STAFF_ROLES = (Role.ADMIN, Role.ORGANIZER)
