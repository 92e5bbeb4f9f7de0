"""Who is asking: every organization-scoped read starts from the request's membership."""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership, Role


def membership_for(user) -> Membership:
    """The user's membership, or 404: a login without an organization sees nothing."""
    if not user.is_authenticated:
        raise Http404
    try:
        if get_user_model().membership.is_cached(user):
            # Read with the signed-in user (`AccountBackend.get_user`), in the same query.
            membership = user.membership
        else:
            membership = Membership.objects.select_related("organization").get(user=user)
    except Membership.DoesNotExist:
        raise Http404 from None
    # Both ways at once: `user.membership` (the audit log's actor's organization) costs no
    # query of its own afterwards, and `membership.user` is the request's user.
    user.membership = membership
    return membership


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


def members_for(membership: Membership) -> QuerySet[Membership]:
    """The memberships of the asker's organization, with their logins and turf."""
    return (
        Membership.objects.filter(organization=membership.organization)
        .select_related("user")
        .prefetch_related("turf")
    )


def get_member_for(membership: Membership, pk) -> Membership:
    """A member of the asker's organization, or 404: another organization's member is unknown."""
    return get_object_or_404(members_for(membership), pk=pk)


def search_members(membership: Membership, query: str) -> QuerySet[Membership]:
    """Members whose username, name or email contains the query, by name."""
    members = members_for(membership)
    query = query.strip()
    if query:
        members = members.filter(
            Q(user__username__icontains=query)
            | Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__email__icontains=query)
        )
    return members.order_by("user__first_name", "user__last_name", "user__username")
