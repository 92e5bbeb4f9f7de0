"""Every URL pattern of heard.urls, with its parameters filled by another organization's objects.

`routes()` walks the resolver; `fillings(route, theirs)` gives the parameter values to try, or
raises `Unfillable`: a pattern added later whose parameters nobody mapped fails the matrix
loudly instead of being skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from two_organizations import every_object


class Unfillable(Exception):
    """A URL parameter this matrix does not know how to fill with the other side's object."""


@dataclass(frozen=True)
class Route:
    pieces: tuple  # the RoutePattern / RegexPattern of each level, outermost first
    namespace: str | None
    pattern: URLPattern

    @property
    def name(self) -> str:
        name = self.pattern.name or "(unnamed)"
        return f"{self.namespace}:{name}" if self.namespace else name

    @property
    def text(self) -> str:
        return "".join(str(piece) for piece in self.pieces)

    @property
    def parameters(self) -> set[str]:
        names: set[str] = set()
        for piece in self.pieces:
            if isinstance(piece, RoutePattern):
                names |= set(piece.converters)
            else:
                names |= set(piece.regex.groupindex)
        return names

    def url(self, values: dict[str, str]) -> str:
        return "/" + "".join(_fill_piece(piece, values) for piece in self.pieces)


def routes(resolver=None):
    """Each URL pattern once. django-ninja writes one pattern per operation, so a path with GET
    and POST (/api/v1/conversations/) has two identical patterns; the first answers both
    methods and the second is never reached, so it is walked once."""
    seen = set()
    for route in _all_routes(resolver or get_resolver()):
        if route.text not in seen:
            seen.add(route.text)
            yield route


def _all_routes(resolver, pieces=(), namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _all_routes(
                pattern, (*pieces, pattern.pattern), pattern.namespace or namespace
            )
        elif isinstance(pattern, URLPattern):
            yield Route((*pieces, pattern.pattern), namespace, pattern)
        else:  # pragma: no cover - Django has only these two
            raise Unfillable(f"unknown kind of URL pattern: {pattern!r}")


# Heard's own pages: which of the other side's objects each `pk` names. A parameter called
# `<model>_pk` (campaign_pk, signup_pk, ...) needs no entry: it names that model's object.
HEARD_PARAMETERS = {
    "people:detail": {"pk": "person"},
    "people:consent": {"pk": "person"},
    "conversations:detail": {"pk": "conversation"},
    "conversations:correct": {"pk": "conversation"},
    "campaigns:detail": {"pk": "campaign"},
    "campaigns:edit": {"pk": "campaign"},
    "campaigns:event": {"pk": "event"},
    "campaigns:event_edit": {"pk": "event"},
    "campaigns:signup_status": {"pk": "event", "signup_pk": "signup"},
    "themes:detail": {"pk": "theme"},
    "themes:rename": {"pk": "theme"},
    "themes:pin": {"pk": "theme"},
    "themes:merge": {"pk": "theme"},
    "themes:split": {"pk": "theme"},
    "privacy:person": {"pk": "person"},
    "privacy:export": {"pk": "person"},
    "privacy:erase": {"pk": "person"},
    "members:edit": {"pk": "admin"},
    "members:active": {"pk": "admin"},
    "members:password": {"pk": "admin"},
    "leadership:assess": {"pk": "person"},
    "common_ground:divide": {"pk": "divide"},
    "common_ground:remove_divide": {"pk": "divide"},
    "common_ground:person_sides": {"pk": "person"},
    "voting:poll": {"pk": "poll"},
    "voting:open": {"pk": "poll"},
    "voting:from_themes": {"pk": "poll"},
    "voting:paper": {"pk": "poll"},
    "voting:results": {"pk": "poll"},
    "voting:read_aloud": {"pk": "poll"},
    "voting:statement": {"pk": "statement"},
    # The public ballot's link names the poll by its token, not its pk ("object.attribute").
    "voting:vote": {"token": "poll.token"},
    "people:ties": {"pk": "person"},
    "people:end_tie": {"pk": "person", "tie_pk": "relationship"},
    "people:merge": {"pk": "person", "other_pk": "neighbour"},
    "smallgroups:friend_remove": {"pk": "critical_friend"},
    "smallgroups:plan": {"pk": "small_group_plan"},
    "smallgroups:resolve": {"pk": "small_group_plan"},
    "smallgroups:lock_add": {"pk": "small_group_plan"},
    "smallgroups:lock_remove": {"pk": "small_group_plan"},
    "smallgroups:invitations": {"pk": "small_group_plan"},
    "plans:detail": {"pk": "campaign"},
    "plans:pdf": {"pk": "campaign"},
    "plans:docx": {"pk": "campaign"},
    "plans:choose": {"pk": "campaign"},
    "plans:notes": {"pk": "plan_theme"},
    "plans:action_add": {"pk": "plan_theme"},
    "plans:action_edit": {"pk": "plan_action"},
    "plans:action_status": {"pk": "plan_action"},
    "plans:action_remove": {"pk": "plan_action"},
    # A literal ("=value") for a parameter that names no object: the export of every kind is
    # A's own, and must hold nothing of B.
    "exchange:download": {"kind": "=conversations", "fmt": "=csv"},
    "spaces:detail": {"pk": "third_space"},
    "spaces:edit": {"pk": "third_space"},
    "spaces:remove": {"pk": "third_space"},
    "spaces:small_group": {"pk": "third_space"},
    "spaces:regular_add": {"pk": "third_space"},
    "spaces:regular_remove": {"pk": "third_space", "regular_pk": "regular"},
    "exchange:import": {"pk": "import_batch"},
    "exchange:import_apply": {"pk": "import_batch"},
    "exchange:import_discard": {"pk": "import_batch"},
    "api_tokens:revoke": {"pk": "api_token"},
    # The API's operations name their ids `<x>_id` (person_id, conversation_id, campaign_id,
    # event_id): no entry needed.
}
#: `<x>_pk` / `<x>_id` parameters whose x is not the attribute's own name.
PARAMETER_ALIASES = {"member": "admin", "membership": "admin", "place": "turf"}
#: The admin's catch-all pattern takes any path.
CATCH_ALL = "no/such/page/"


def fillings(route: Route, theirs: SimpleNamespace) -> list[dict[str, str]]:
    """Each set of parameter values to try; [{}] for a pattern without parameters."""
    parameters = route.parameters
    if not parameters:
        return [{}]
    if route.namespace == "admin":
        return _admin_fillings(route, theirs)
    named = HEARD_PARAMETERS.get(route.name, {})
    values = {}
    for parameter in sorted(parameters):
        attribute = named.get(parameter) or _attribute_for(parameter)
        if attribute and attribute.startswith("="):
            values[parameter] = attribute[1:]
            continue
        attribute, _, field = (attribute or "").partition(".")
        target = getattr(theirs, attribute, None) if attribute else None
        if target is None:
            raise Unfillable(
                f"{route.name} ({route.text}): no object of the other organization for "
                f"<{parameter}>; map it in HEARD_PARAMETERS"
            )
        values[parameter] = str(getattr(target, field or "pk"))
    return [values]


def _attribute_for(parameter: str) -> str | None:
    match = re.fullmatch(r"(\w+?)_(?:pk|id)", parameter)
    if not match:
        return None
    return PARAMETER_ALIASES.get(match.group(1), match.group(1))


def admin_objects(theirs: SimpleNamespace) -> dict:
    """The other side's object of each model (the first made, e.g. its admin's login)."""
    found = {}
    for instance in every_object(theirs):
        found.setdefault(type(instance), instance)
    found[type(theirs.admin.user)] = theirs.admin.user
    return found


def _admin_fillings(route: Route, theirs) -> list[dict[str, str]]:
    parameters = route.parameters
    if parameters == {"url"}:
        return [{"url": CATCH_ALL}]
    if parameters == {"app_label"}:
        group = _group_regex(route, "app_label")
        return [{"app_label": label} for label in group.split("|")]
    if parameters == {"content_type_id", "object_id"}:
        return [
            {
                "content_type_id": str(ContentType.objects.get_for_model(instance).pk),
                "object_id": str(instance.pk),
            }
            for instance in every_object(theirs)
        ]
    model = _admin_model(route)
    if len(parameters) == 1 and model is not None:
        instance = admin_objects(theirs).get(model)
        if instance is None:
            raise Unfillable(
                f"{route.name} ({route.text}): the other organization has no "
                f"{model._meta.label}; make one in two_organizations.py"
            )
        return [{parameters.pop(): str(instance.pk)}]
    raise Unfillable(f"{route.name} ({route.text}): parameters {sorted(parameters)} unknown")


def _admin_model(route: Route):
    match = re.match(r"admin/(\w+)/(\w+)/", route.text)
    if not match:
        return None
    try:
        return apps.get_model(match.group(1), match.group(2))
    except LookupError:
        return None


def _group_regex(route: Route, name: str) -> str:
    for piece in route.pieces:
        if isinstance(piece, RegexPattern) and name in piece.regex.groupindex:
            start = str(piece).index(f"(?P<{name}>") + len(f"(?P<{name}>")
            return str(piece)[start : _closing(str(piece), start)]
    raise Unfillable(f"{route.text}: no regex group {name}")


def _closing(text: str, start: int) -> int:
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "(" and text[index - 1] != "\\":
            depth += 1
        elif text[index] == ")" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index
    raise Unfillable(f"unbalanced regex: {text}")


def _fill_piece(piece, values: dict[str, str]) -> str:
    text = str(piece)
    if isinstance(piece, RoutePattern):
        return re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: values[m.group(2)], text)
    out, index = [], 0
    while (start := text.find("(?P<", index)) != -1:
        name = text[start + 4 : text.index(">", start)]
        out.append(text[index:start])
        out.append(values[name])
        index = _closing(text, text.index(">", start) + 1) + 1
    out.append(text[index:])
    filled = "".join(out).removeprefix("^").removesuffix("$")
    if re.search(r"[\\()\[\]*+?|^$]", filled):
        raise Unfillable(f"cannot write a URL for the regex {text!r}")
    return filled
