"""The cross-organization matrix: every URL of Heard, Django's admin included, opened and posted
to by every kind of member of organization A with B's objects in the URL. A must read nothing of
B's (no response carries B's marker) and write nothing (B's rows are the same after).

The URLs come from walking the resolver, so a page added later is tried too; one whose
parameters the walker cannot fill fails `test_every_url_pattern_can_be_filled` by name.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import resolve
from django.utils import timezone
from snapshot import rows_of
from two_organizations import MARKER, build_organization, every_object
from url_walker import Route, Unfillable, fillings, routes

from heard.accounts.models import Membership, Role

# The public ballot is a capability URL: whoever holds a poll's link may vote, so B's link shows
# B's poll title and its statements to anyone, A's members included. Those words, and only those,
# may show there; anything else of B's on that page is a leak like any other.
CAPABILITY_ROUTES = {"voting:vote"}


def _capability_words(b) -> list[str]:
    from heard.voting.models import Statement

    texts = Statement.objects.filter(poll=b.poll).values_list("text", flat=True)
    return [b.poll.title.lower(), *(text.lower() for text in texts)]


# Whatever the status, the body carries none of B's words; these statuses say "no" or show a
# page of A's own (a list, a form, a redirect after a write to A's own rows); 422 is the
# outbox's "refused" (conversations/views_sync.py), the JSON twin of the form's 400.
ALLOWED_STATUS = {200, 204, 302, 400, 403, 404, 405, 422}
STRONG_PASSWORD = "porch-light-cinnamon-47"  # noqa: S105


@pytest.fixture
def a_and_b(db):
    a = build_organization("amark")
    b = build_organization(MARKER)
    return a, b


def _persona(a, kind: str):
    """The member of A that `kind` names; 'flagged' ones carry is_staff and is_superuser."""
    if not kind.startswith("flagged"):
        return getattr(a, kind).user
    role = kind.removeprefix("flagged_")
    user = get_user_model().objects.create_user(
        username=f"amark-{kind}", password=STRONG_PASSWORD, is_staff=True, is_superuser=True
    )
    membership = Membership.objects.create(user=user, organization=a.org, role=role)
    if role == Role.VOLUNTEER:
        membership.turf.set([a.turf])
    return user


def _post_data(values: dict[str, str], b) -> dict:
    """Plausible form data: a rename, a delete confirmation, a role, a password, and B's ids in
    every field that names an object. Never B's words, so an echoed form cannot look like a
    leak."""
    today = timezone.localdate()
    return {
        "post": "yes",
        "confirm": "yes",
        "name": "renamed by a",
        "label": "renamed by a",
        "title": "renamed by a",
        "prompt": "renamed by a",
        "text": "renamed by a",
        "what": "renamed by a",
        "note": "renamed by a",
        "description": "renamed by a",
        "role": Role.ADMIN,
        "active": "0",
        "password": STRONG_PASSWORD,
        "password_again": STRONG_PASSWORD,
        "new_password1": STRONG_PASSWORD,
        "new_password2": STRONG_PASSWORD,
        "status": "attended",
        "topic": "contact",
        "granted": "on",
        "pinned": "on",
        "venue": "door",
        "held_on": today.isoformat(),
        "starts_on": (today - dt.timedelta(days=5)).isoformat(),
        "starts_at": (timezone.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        "kind": "training",
        "organization": b.org.pk,
        "person": b.person.pk,
        "people": [b.person.pk, b.neighbour.pk],
        "other": b.neighbour.pk,
        "campaign": b.campaign.pk,
        "event": b.event.pk,
        "theme": b.theme.pk,
        "into": b.theme.pk,
        "target": b.subtheme.pk,
        "themes": [b.theme.pk, b.subtheme.pk],
        "conversation": str(b.conversation.pk),
        "conversations": [str(b.conversation.pk)],
        "question": b.question.pk,
        "place": b.turf.pk,
        "household": b.household.pk,
        "turf": [b.turf.pk],
        "user": b.admin.user.pk,
        "id": str(b.conversation.pk),
        **{key: value for key, value in values.items() if key not in {"url"}},
    }


def _body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace").lower()


def _cases(b):
    """(route, values, url) for every URL pattern and every filling of it."""
    for route in routes():
        for values in fillings(route, b):
            url = route.url(values)
            match = resolve(url)
            assert match.func is route.pattern.callback, f"{url} resolves elsewhere than {route}"
            yield route, values, url


def test_every_url_pattern_can_be_filled(a_and_b):
    _, b = a_and_b
    unfillable = []
    for route in routes():
        try:
            fillings(route, b)
        except Unfillable as error:
            unfillable.append(str(error))
    assert unfillable == [], "\n".join(unfillable)


def test_an_unknown_parameter_fails_loudly(a_and_b):
    from django.urls import path
    from django.urls.resolvers import RoutePattern

    pattern = path("<id:widget_pk>/", lambda request, widget_pk: None, name="widget")
    route = Route((RoutePattern("gadgets/"), pattern.pattern), "gadgets", pattern)
    with pytest.raises(Unfillable, match="widget_pk"):
        fillings(route, a_and_b[1])


PERSONAS = ["admin", "organizer", "volunteer", "flagged_volunteer", "flagged_admin"]


@pytest.mark.parametrize("kind", PERSONAS)
def test_no_member_of_a_reads_or_writes_anything_of_b(a_and_b, kind, record_property):
    a, b = a_and_b
    user = _persona(a, kind)
    before = _rows_of_b(b)
    assert len(before) > 40  # B really holds a row of every kind
    # One client for the whole walk: a new one would load the middleware stack every time. A
    # crash is one more problem in the list, not the end of the walk.
    client = Client(raise_request_exception=False)
    problems, cases = [], 0
    for route, values, url in _cases(b):
        maybe_wrote = False
        for method in ("get", "post"):
            if client.session.get("_auth_user_id") != str(user.pk):
                client.force_login(user)  # after a logout URL, or a password changed
            data = _post_data(values, b) if method == "post" else None
            response = getattr(client, method)(url, data)
            cases += 1
            where = f"{method.upper()} {url} ({route.name}) as {kind}"
            if response.status_code not in ALLOWED_STATUS:
                problems.append(f"{where}: status {response.status_code}")
            body = _body(response)
            if route.name in CAPABILITY_ROUTES:
                for words in _capability_words(b):
                    body = body.replace(words, "")
            if MARKER in body or MARKER in response.get("Location", "").lower():
                problems.append(f"{where}: shows B's data ({response.status_code})")
            maybe_wrote |= _may_have_written(response)
        # Refusals are checked by the last comparison; a page that said yes, right away.
        if maybe_wrote:
            before = _compare(before, _rows_of_b(b), f"{url} ({route.name}) as {kind}", problems)
    _compare(before, _rows_of_b(b), f"somewhere, as {kind}", problems)
    record_property("cases", cases)
    print(f"\n{kind}: {cases} URL × object × method cases tried")
    assert cases > 300
    assert problems == [], "\n".join(problems)


def _rows_of_b(b):
    return rows_of(b.org, [*b.installation_wide, b.group])


def _may_have_written(response) -> bool:
    if response.status_code in {403, 404, 405}:
        return False
    # Django's admin sending a member back to its login wrote nothing.
    return not response.get("Location", "").startswith("/admin/login/")


def _compare(before, after, where, problems):
    if after != before:
        changed = sorted(
            str(key) for key in before.keys() | after.keys() if before.get(key) != after.get(key)
        )
        problems.append(f"{where}: changed B's rows {changed[:5]}")
    return after


def test_b_s_own_admin_reaches_every_filled_url(a_and_b):
    """The filling is right: with B's objects in them, B's own administrator gets past 404 on
    Heard's pages (so A's 404 above means 'not yours', not 'no such page')."""
    _, b = a_and_b
    client = Client()
    client.force_login(b.admin.user)
    missing = [
        url
        for route, values, url in _cases(b)
        if values and route.namespace != "admin" and client.get(url).status_code == 404
    ]
    assert missing == []


def test_the_operator_reads_b_in_django_admin(a_and_b):
    """Django's admin does show B's words, to the server's operator (a superuser with no
    membership): so the matrix above would have seen them had the admin let a member in."""
    _, b = a_and_b
    operator = get_user_model().objects.create_superuser("operator", password=STRONG_PASSWORD)
    client = Client()
    client.force_login(operator)
    assert client.get("/admin/").status_code == 200
    shown = 0
    for route, values, url in _cases(b):
        if route.name.endswith("_change") and route.namespace == "admin" and values:
            response = client.get(url)
            assert response.status_code == 200, url
            shown += MARKER in _body(response)
    assert shown >= 15


def test_every_object_of_b_carries_the_marker(a_and_b):
    _, b = a_and_b
    for instance in every_object(b):
        texts = [
            str(field.value_from_object(instance))
            for field in instance._meta.concrete_fields
            if field.get_internal_type() in {"CharField", "TextField", "JSONField", "EmailField"}
            and not field.choices
            # Language codes ("es", a membership's or a campaign's) are not words of B's.
            and field.name
            not in {"password", "key", "note_sha256", "ip_address", "language", "languages"}
        ]
        assert any(MARKER in text.lower() for text in texts) or not texts, instance


def test_b_s_ballot_shows_a_its_poll_title_and_statements_and_nothing_more(a_and_b):
    """The one exception above, pinned: the capability page does show B's words (so the
    exception is needed), and only the poll's title and statement texts."""
    a, b = a_and_b
    client = Client()
    client.force_login(a.organizer.user)
    body = _body(client.get(f"/vote/{b.poll.token}/"))
    assert b.poll.title.lower() in body and b.statement.text.lower() in body
    for words in _capability_words(b):
        body = body.replace(words, "")
    assert MARKER not in body


@pytest.mark.parametrize("kind", ["admin", "organizer", "volunteer"])
def test_every_api_operation_on_an_object_of_b_is_404_to_a_token_of_a(a_and_b, kind):
    """The JSON API answers with status codes, not pages: B's ids are 404 to each of A's
    members' tokens (and to their sessions), exactly as if they did not exist."""
    from heard.api.services import create_token

    a, b = a_and_b
    member = getattr(a, kind)
    secret = create_token(by=a.admin, member=member, name="matrix").secret
    with_token = Client(headers={"Authorization": f"Bearer {secret}"})
    clients = [with_token]
    if kind != "admin":  # an administrator's session first goes through two-factor sign-in
        clients.append(Client())
        clients[-1].force_login(member.user)
    tried = 0
    for route, _, url in _cases(b):
        if route.namespace != "api" or not route.parameters:
            continue
        for client in clients:
            response = client.get(url)
            assert response.status_code == 404, f"GET {url} as {kind}: {response.status_code}"
            assert MARKER not in _body(response)
            tried += 1
    assert tried >= 4 * len(clients)
