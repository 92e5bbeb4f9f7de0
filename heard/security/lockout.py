"""What a locked-out person sees: the login page, saying when to try again."""

import datetime as dt
import math

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext


def lockout_ends(username: str | None, *, request=None) -> dt.datetime:
    """When the username may sign in again: its latest failure plus the cool-off."""
    latest = AccessAttempt.objects.filter(username=username).aggregate(latest=Max("attempt_time"))[
        "latest"
    ]
    return (latest or timezone.now()) + get_cool_off(request)


def lockout_message(ends: dt.datetime, *, now: dt.datetime | None = None) -> str:
    """ "Try again after 14:32, in 15 minutes": the clock time in the organization's time zone,
    rounded up so it is never a minute early."""
    now = now or timezone.now()
    minutes = max(1, math.ceil((ends - now).total_seconds() / 60))
    shown = ends
    if shown.second or shown.microsecond:
        shown = shown.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return ngettext(
        "Too many failed sign-ins for this account. Try again after %(time)s, in %(count)d minute.",
        "Too many failed sign-ins for this account. "
        "Try again after %(time)s, in %(count)d minutes.",
        minutes,
    ) % {"time": f"{timezone.localtime(shown):%H:%M}", "count": minutes}


def locked_out_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page again, with the username kept and the message.

    429 Too Many Requests, so a script sees the refusal too. The form is not bound: binding it
    would check the password again and count one more failure.
    """
    username = get_client_username(request, credentials)
    form = AuthenticationForm(request, initial={"username": username})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    context = {
        "form": form,
        "lockout": lockout_message(lockout_ends(username, request=request)),
        "next": next_url,
    }
    return render(request, "registration/login.html", context, status=429)
