"""Who is acting, for the audit log; and which pages count as reading a neighbour's record.

`AuditMiddleware` sits right after AuthenticationMiddleware: every row a request saves is
attributed to its user, and a successful GET of a page in `VIEWED_PAGES` records a "viewed"
event (reading a person's record is worth knowing about, not only changing it).
"""

from __future__ import annotations

from .audit import acting_as, record_viewed

#: URL name -> the kind of record the page shows (its `pk` is the record's id).
VIEWED_PAGES = {
    "people:detail": "people.person",
    "privacy:person": "people.person",
    "conversations:detail": "conversations.conversation",
}


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(request.user):
            response = self.get_response(request)
            if request.method == "GET" and response.status_code == 200:
                record_view(request)
        return response


def record_view(request) -> None:
    match = request.resolver_match
    kind = VIEWED_PAGES.get(match.view_name) if match else None
    if kind is None or "pk" not in match.kwargs:
        return
    record_viewed(membership=getattr(request, "membership", None), kind=kind, pk=match.kwargs["pk"])
