"""Django's admin belongs to the server's operator, never to an organization's members.

The admin reads and writes every organization's rows with no access helper in between, so a
member who reached it (an administrator made staff by habit, a demo login, a flag set by mistake)
would read and delete another organization's people. Only the login made with
`heard createsuperuser` for whoever runs the server, with no membership, gets in; an
organization's administrator manages their members inside Heard, on the Members page.
"""

from .models import Membership


def is_operator(user) -> bool:
    """An active superuser who belongs to no organization."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_superuser
        and not Membership.objects.filter(user_id=user.pk).exists()
    )


def operator_only(request) -> bool:
    """`AdminSite.has_permission`, for the operator alone (whatever flags a member carries)."""
    return is_operator(request.user)
