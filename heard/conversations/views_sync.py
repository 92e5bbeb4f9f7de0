"""The outbox's door: a conversation saved on a phone, sent when there is signal.

The phone sends exactly what the capture form would post (the same fields, the id the form took
when it opened), so one set of rules decides what is stored, whichever way it arrives. The
answer is JSON the outbox can act on without reading a page:

- 201 `recorded` / 200 `already`: stored (once, however often it is sent: the id decides);
- 409 `ask`: a new person looks like someone already recorded, and only the volunteer can say
  whether it is them; it stays in the outbox until they open it and answer;
- 422 `refused`: a rule was broken (a date in the future, a campaign or person they may no
  longer see, nothing heard); it stays in the outbox with the reasons, in words;
- 401 `signed_out`: nothing is read until they sign in again; 403 is a stale CSRF token.

GET gives the outbox a fresh CSRF token and says whose outbox this is (the phone may hold one
saved by someone else who used it before, which it must not send as this member).
"""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from heard.accounts.queries import membership_for
from heard.campaigns.queries import campaigns_for
from heard.people.queries import people_for, places_for

from .body import keep_oversized_post
from .capture import Capture, campaign_in
from .services import record_conversation
from .views import say_recorded


def _signed_out():
    return JsonResponse(
        {"status": "signed_out", "reasons": [_("Sign in again to send what is waiting.")]},
        status=401,
    )


@csrf_exempt  # checked inside, once an oversized body is read: see body.py
@require_http_methods(["GET", "POST"])
def sync(request):
    if not (request.user.is_authenticated and request.user.is_active):
        return _signed_out()
    request.membership = membership_for(request.user)
    if request.method == "GET":
        return JsonResponse({"csrf": get_token(request), "member": request.membership.pk})
    return _receive(request)


@keep_oversized_post
@csrf_protect
def _receive(request):
    membership = request.membership
    if request.oversized:
        return _answer("refused", 422, [_("What was sent is too large: open it to check it.")])
    data = request.POST
    campaign = campaign_in(campaigns_for(membership), data.get("guide") or data.get("campaign"))
    capture = Capture.build(
        data,
        campaign=campaign,
        membership=membership,
        places=places_for(membership),
        people=people_for(membership),
    )
    if not capture.is_valid():
        return _answer("refused", 422, capture.reasons())
    if capture.ask_about_lookalikes(membership):
        return _answer("ask", 409, capture.notes)
    try:
        conversation, created = record_conversation(by=membership, record=capture.record())
    except ValidationError as error:
        capture.attach(error)
        return _answer("refused", 422, capture.reasons())
    if request.headers.get("X-Heard-Flash"):
        # Saved while the volunteer waits: the page they go to next says so, as after a post.
        say_recorded(request, conversation, created)
    return JsonResponse(
        {
            "status": "recorded" if created else "already",
            "url": reverse("conversations:detail", args=[conversation.pk]),
        },
        status=201 if created else 200,
    )


def _answer(status: str, code: int, reasons: list[str]) -> JsonResponse:
    return JsonResponse({"status": status, "reasons": reasons}, status=code)
