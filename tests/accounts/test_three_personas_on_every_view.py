"""Every page, opened by each persona: the organizer may, the volunteer teammate gets 403 on
organizer-only pages, the outsider gets 404 on every object of ours, a login without an
organization gets 404, and an anonymous visitor is sent to log in."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The apps whose views this table must cover; a new URL there fails
# test_every_page_of_ours_is_in_the_table until it is added below.
NAMESPACES = {"people", "conversations", "campaigns", "common_ground", "plans"}
TOP_LEVEL = {"home"}


@dataclass(frozen=True)
class Page:
    name: str
    kwargs: Callable = lambda ours: {}
    organizer: int = 200
    volunteer: int = 200
    outsider: int = 200
    #: Signed out, or signed in with no organization: a page sends to the login and shows
    #: nothing; a few answers are for scripts, and say so in their own status.
    anonymous: int = 302
    loner: int = 404

    def url(self, ours) -> str:
        return reverse(self.name, kwargs=self.kwargs(ours))

    def __str__(self) -> str:
        return self.name


PAGES = [
    Page("home"),
    Page("people:list"),
    Page("people:search"),
    Page("people:detail", lambda o: {"pk": o.rosa.pk}, outsider=404),
    # Recording consent is a POST; a GET goes back to the person (Lee heard Rosa: Lee may).
    Page(
        "people:consent",
        lambda o: {"pk": o.rosa.pk},
        organizer=302,
        volunteer=302,
        outsider=404,
    ),
    # Who knows whom: Rosa lives on Lee's turf. Ending a tie is a POST; a GET goes back.
    Page("people:ties", lambda o: {"pk": o.rosa.pk}, outsider=404),
    Page(
        "people:end_tie",
        lambda o: {"pk": o.rosa.pk, "tie_pk": 1},
        organizer=302,
        volunteer=302,
        outsider=404,
    ),
    # Merging two records of one person: staff only; the outsider finds neither.
    Page(
        "people:merge",
        lambda o: {"pk": o.rosa.pk, "other_pk": o.sam.pk},
        volunteer=403,
        outsider=404,
    ),
    Page("conversations:list"),
    Page("conversations:new"),
    Page("conversations:detail", lambda o: {"pk": o.by_lee.pk}, outsider=404),
    # Lee held it: Lee may correct it, as may the organizer.
    Page("conversations:correct", lambda o: {"pk": o.by_lee.pk}, outsider=404),
    Page("campaigns:list"),
    Page("campaigns:new", volunteer=403),
    Page("campaigns:detail", lambda o: {"pk": o.campaign.pk}, outsider=404),
    Page("campaigns:edit", lambda o: {"pk": o.campaign.pk}, volunteer=403, outsider=404),
    Page("campaigns:events"),
    Page("campaigns:event_new", volunteer=403),
    Page("campaigns:event", lambda o: {"pk": o.event.pk}, outsider=404),
    Page("campaigns:event_edit", lambda o: {"pk": o.event.pk}, volunteer=403, outsider=404),
    # Common ground is read by staff; any member records a neighbour's side.
    Page("common_ground:index", volunteer=403),
    Page(
        "common_ground:campaign",
        lambda o: {"campaign_pk": o.campaign.pk},
        volunteer=403,
        outsider=404,
    ),
    Page(
        "common_ground:kindliness",
        lambda o: {"campaign_pk": o.campaign.pk},
        volunteer=403,
        outsider=404,
    ),
    Page("common_ground:divides", volunteer=403),
    Page("common_ground:divide", lambda o: {"pk": o.divide.pk}, volunteer=403, outsider=404),
    Page(
        "common_ground:remove_divide",
        lambda o: {"pk": o.divide.pk},
        organizer=302,
        volunteer=403,
        outsider=404,
    ),
    Page("common_ground:person_sides", lambda o: {"pk": o.rosa.pk}, outsider=404),
    # Changing a sign-up's status is a POST; a GET goes back to the event.
    Page(
        "campaigns:signup_status",
        lambda o: {"pk": o.event.pk, "signup_pk": o.signup.pk},
        organizer=302,
        volunteer=403,
        outsider=404,
    ),
]


def _plan_theme(ours):
    """A chosen theme with one action on the campaign's plan, made when a plans page asks."""
    from heard.plans.models import ActionPlan, PlanAction, PlanTheme

    plan, _ = ActionPlan.objects.get_or_create(campaign=ours.campaign)
    chosen, _ = PlanTheme.objects.get_or_create(plan=plan, title="Cold homes")
    PlanAction.objects.get_or_create(plan_theme=chosen, what="Write to the inspector")
    return chosen


def _plan_action(ours):
    return _plan_theme(ours).actions.get()


# The plan is handed to every member; staff change it. A POST-only address answers a GET
# with the plan page.
PAGES += [
    Page("plans:detail", lambda o: {"pk": o.campaign.pk}, outsider=404),
    Page("plans:pdf", lambda o: {"pk": o.campaign.pk}, outsider=404),
    Page("plans:docx", lambda o: {"pk": o.campaign.pk}, outsider=404),
    Page("plans:choose", lambda o: {"pk": o.campaign.pk}, 302, 403, 404),
    Page("plans:notes", lambda o: {"pk": _plan_theme(o).pk}, 302, 403, 404),
    Page("plans:action_add", lambda o: {"pk": _plan_theme(o).pk}, 200, 403, 404),
    Page("plans:action_edit", lambda o: {"pk": _plan_action(o).pk}, 200, 403, 404),
    Page("plans:action_status", lambda o: {"pk": _plan_action(o).pk}, 302, 403, 404),
    Page("plans:action_remove", lambda o: {"pk": _plan_action(o).pk}, 302, 403, 404),
]


def _small_group_plan(ours):
    """A plan of small groups on the campaign, with one group, one seat and one lock."""
    from heard.smallgroups.models import GroupSeat, Lock, SmallGroup, SmallGroupPlan

    plan, made = SmallGroupPlan.objects.get_or_create(campaign=ours.campaign, status="GREEDY")
    if made:
        group = SmallGroup.objects.create(plan=plan, position=1, concern_title="Cold homes")
        GroupSeat.objects.create(plan=plan, group=group, person=ours.rosa)
        Lock.objects.create(plan=plan, person_a=ours.rosa, person_b=ours.sam, together=True)
    return plan


def _critical_friend(ours):
    from heard.smallgroups.models import CriticalFriend

    return CriticalFriend.objects.get_or_create(organization=ours.org, person=ours.sam)[0]


def _small_groups(o, **more):
    return {"campaign_pk": o.campaign.pk, **more}


# Small groups gather people from the whole campaign beyond any turf: staff only. A POST-only
# address answers a GET with its page.
NAMESPACES |= {"smallgroups"}
PAGES += [
    Page("smallgroups:index", _small_groups, 200, 403, 404),
    Page("smallgroups:friend_add", _small_groups, 302, 403, 404),
    Page(
        "smallgroups:friend_remove",
        lambda o: _small_groups(o, pk=_critical_friend(o).pk),
        302,
        403,
        404,
    ),
    Page("smallgroups:plan", lambda o: _small_groups(o, pk=_small_group_plan(o).pk), 200, 403, 404),
    Page(
        "smallgroups:resolve", lambda o: _small_groups(o, pk=_small_group_plan(o).pk), 302, 403, 404
    ),
    Page(
        "smallgroups:lock_add",
        lambda o: _small_groups(o, pk=_small_group_plan(o).pk),
        302,
        403,
        404,
    ),
    Page(
        "smallgroups:lock_remove",
        lambda o: _small_groups(
            o, pk=_small_group_plan(o).pk, lock_pk=_small_group_plan(o).locks.get().pk
        ),
        302,
        403,
        404,
    ),
    Page(
        "smallgroups:invitations",
        lambda o: _small_groups(o, pk=_small_group_plan(o).pk),
        200,
        403,
        404,
    ),
]


def _import_batch(ours):
    from heard.exchange.models import ImportBatch

    batch, _ = ImportBatch.objects.get_or_create(
        organization=ours.org,
        filename="sign-in.csv",
        defaults={"columns": ["Name"], "rows": [["Ana Diaz"]], "mapping": {"0": "name"}},
    )
    return batch


# Every member exports what they may see (an outsider exports their own organization's).
NAMESPACES |= {"exchange"}
PAGES += [
    Page("exchange:index"),
    Page("exchange:download", lambda o: {"kind": "people", "fmt": "csv"}),
    # Importing people is staff work; a GET of a button's address goes back to the import.
    Page("exchange:imports", volunteer=403),
    Page("exchange:import", lambda o: {"pk": _import_batch(o).pk}, volunteer=403, outsider=404),
    Page(
        "exchange:import_apply",
        lambda o: {"pk": _import_batch(o).pk},
        organizer=302,
        volunteer=403,
        outsider=404,
    ),
    Page(
        "exchange:import_discard",
        lambda o: {"pk": _import_batch(o).pk},
        organizer=302,
        volunteer=403,
        outsider=404,
    ),
]


def _space(ours):
    """A place where our neighbours meet, with Rosa as a regular, made when a page asks."""
    from heard.spaces.models import Regular, ThirdSpace

    space, made = ThirdSpace.objects.get_or_create(
        organization=ours.org,
        name_key="the laundromat on elm",
        defaults={"name": "The laundromat on Elm", "kind": "laundromat"},
    )
    if made:
        Regular.objects.create(person=ours.rosa, space=space, how="capture")
    return {"pk": space.pk}


def _regular(ours):
    from heard.spaces.models import Regular

    space = _space(ours)
    return {**space, "regular_pk": Regular.objects.get(space_id=space["pk"]).pk}


# Every member reads the registry and a place's page (names only of people they may see);
# staff keep the registry. POST-only addresses answer a GET with a page.
NAMESPACES |= {"spaces"}
PAGES += [
    Page("spaces:list"),
    Page("spaces:new", volunteer=403),
    Page("spaces:found", organizer=302, volunteer=403, outsider=302),
    Page("spaces:detail", _space, outsider=404),
    Page("spaces:edit", _space, volunteer=403, outsider=404),
    Page("spaces:remove", _space, 302, 403, 404),
    Page("spaces:small_group", _space, 302, 403, 404),
    Page("spaces:regular_add", _space, 302, 403, 404),
    Page("spaces:regular_remove", _regular, 302, 403, 404),
]


def _api_token(ours):
    """Lee's API token (any member sees and revokes their own; the organizer is no admin)."""
    from heard.accounts.models import Membership
    from heard.api.models import ApiToken

    lee = Membership.objects.get(user__username="lee")
    return ApiToken.objects.get_or_create(
        organization=ours.org,
        membership=lee,
        name="Lee's phone",
        defaults={"prefix": "abcdefgh", "secret_sha256": "0" * 64},
    )[0]


# API tokens: every member sees their own; only an administrator makes them. Revoking is a POST;
# a GET goes back to the list.
NAMESPACES |= {"api_tokens"}
PAGES += [
    Page("api_tokens:list"),
    Page("api_tokens:new", organizer=403, volunteer=403, outsider=403),
    Page("api_tokens:revoke", lambda o: {"pk": _api_token(o).pk}, 404, 302, 404),
]

# Offline capture: what the phone keeps (the kit, the turf's people) is a member's; the outbox
# answers a script, so signed out it says 401 rather than sending to a login page; the service
# worker is the same script for everyone, like a static file.
NAMESPACES |= {"offline"}
PAGES += [
    Page("people:turf"),
    Page("conversations:sync", anonymous=401),
    Page("offline:kit"),
    Page("offline:page", anonymous=200, loner=200),  # "No signal": nobody's data
    Page("offline:service_worker", anonymous=200, loner=200),
]

pages = pytest.mark.parametrize("page", PAGES, ids=str)


def _named_urls(resolver, namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _named_urls(pattern, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_page_of_ours_is_in_the_table():
    ours = {
        name
        for name in _named_urls(get_resolver())
        if name in TOP_LEVEL or name.split(":")[0] in NAMESPACES
    }
    assert ours == {page.name for page in PAGES}


@pages
def test_an_anonymous_visitor_is_sent_to_log_in(client, ours, page):
    url = page.url(ours)
    response = client.get(url)
    assert response.status_code == page.anonymous
    if page.anonymous == 302:
        assert response["Location"].startswith(reverse("login"))
        assert "next=" in response["Location"]


@pages
def test_a_login_without_an_organization_sees_nothing(loner_client, ours, page):
    response = loner_client.get(page.url(ours))
    assert response.status_code == page.loner


@pages
def test_the_organizer_may_open_every_page(may_client, ours, page):
    response = may_client.get(page.url(ours))
    assert response.status_code == page.organizer


@pages
def test_the_volunteer_teammate_gets_403_on_organizer_only_pages(lee_client, ours, page):
    response = lee_client.get(page.url(ours))
    assert response.status_code == page.volunteer


@pages
def test_the_outsider_gets_404_on_our_objects_and_none_of_our_data(otto_client, ours, theirs, page):
    response = otto_client.get(page.url(ours))
    assert response.status_code == page.outsider
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    for secret in ours.secrets:
        assert secret not in text
