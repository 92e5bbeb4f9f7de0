"""The installable capture page: the service worker, and the kit it keeps on the phone.

The service worker (sw.js beside this file) is served from the site's root so its scope is the
whole site, with its version written in: the hash of itself and of every asset it keeps, so any
change to them installs a new worker and refreshes the phone's copy. The kit lists what a member
needs with no signal: the capture page of each open campaign (its guide) and the people of their
turf; the worker fetches it whenever the capture page opens with signal.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from heard.accounts.queries import member_required
from heard.campaigns.queries import campaigns_for

#: Kept on the phone for everyone, signed in or not: nothing private is in them.
ASSETS = (
    "heard/heard.css",
    "heard/capture.js",
    "heard/outbox.js",
    "heard/guide-language.js",
    "heard/manifest.webmanifest",
    "heard/icons/heard-192.png",
    "heard/icons/heard-512.png",
    "heard/icons/heard-maskable-512.png",
    "heard/icons/heard-180.png",
)
WORKER = Path(__file__).with_name("sw.js")


@cache
def _worker_script() -> str:
    digest = hashlib.sha256(WORKER.read_bytes())
    for name in ASSETS:
        digest.update(Path(finders.find(name)).read_bytes())
    settings = {
        "version": digest.hexdigest()[:16],
        "assets": [static(name) for name in ASSETS],
        "offlinePage": reverse("offline:page"),
        "catalogue": reverse("javascript-catalog"),
        "capture": reverse("conversations:new"),
        "kit": reverse("offline:kit"),
        "peopleSearch": reverse("people:search"),
        "people": reverse("people:turf"),
    }
    return f"const HEARD = {json.dumps(settings)};\n" + WORKER.read_text()


@require_GET
@never_cache  # a new version must reach the phone the next time it has signal
def service_worker(request):
    return HttpResponse(_worker_script(), content_type="text/javascript; charset=utf-8")


@require_GET
def no_signal(request):
    """Shown by the service worker for a page that needs the network when there is none."""
    return render(request, "offline/no_signal.html")


@require_GET
@member_required()
def kit(request):
    """What the phone keeps for this member: the capture page of each open campaign, and the
    people they may see (names, neighbourhood and household only, as the typeahead shows)."""
    capture = reverse("conversations:new")
    open_campaigns = campaigns_for(request.membership).filter(is_active=True).order_by("pk")
    # In the member's language as it is now: the next refresh follows a change.
    own = [reverse("offline:page"), reverse("javascript-catalog")]
    return JsonResponse(
        {
            "member": request.membership.pk,
            "pages": own + [capture] + [f"{capture}?campaign={c.pk}" for c in open_campaigns],
            "people": reverse("people:turf"),
        }
    )
