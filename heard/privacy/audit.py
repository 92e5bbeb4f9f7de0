"""Recording audit events, and knowing who is acting.

Who acts is kept in a context variable: `AuditMiddleware` sets it to the request's user for
each request, the privacy commands set it to the operator ("command line"), and receivers deep
inside a `save()` read it without anyone passing a user down. Nothing is recorded while
`audit_paused()` is in force (the demo builder, the erasure, which records one event of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy

from .models import Action, AuditEvent

#: How the operator running `heard` commands on the server is named in the log.
OPERATOR = "command line"
#: A failed sign-in with a name no member has: what was typed may be anything, even a
#: neighbour's name or a password typed in the wrong box, so it is not kept.
UNKNOWN_USER = "unknown user"


@dataclass(frozen=True)
class Actor:
    """A signed-in user (`user`), or someone named without a login (`name`)."""

    user: Any = None
    name: str = ""


_actor: ContextVar[Actor | None] = ContextVar("heard_audit_actor", default=None)
_paused: ContextVar[bool] = ContextVar("heard_audit_paused", default=False)
_gathering: ContextVar[list[AuditEvent] | None] = ContextVar("heard_audit_gathering", default=None)


@contextmanager
def acting_as(user: Any = None, *, name: str = "") -> Iterator[None]:
    """Attribute what happens inside to this user (or name)."""
    token = _actor.set(Actor(user=user, name=name))
    try:
        yield
    finally:
        _actor.reset(token)


def acting_as_operator():
    return acting_as(name=OPERATOR)


@contextmanager
def audit_paused() -> Iterator[None]:
    """Record nothing inside: for bulk loads and for the erasure, which writes its own event."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


@contextmanager
def gathered() -> Iterator[None]:
    """Write the events recorded inside in one insert when the block ends, not one each: a
    capture stores a conversation, its people, their consent and their household, and writes an
    event for each. Use it inside the transaction that makes the rows, so the events commit or
    roll back with them; when the block fails, its events are dropped with its rows. Inside
    another `gathered()`, the outer one writes them."""
    if _gathering.get() is not None:
        yield
        return
    events: list[AuditEvent] = []
    token = _gathering.set(events)
    try:
        yield
    finally:
        _gathering.reset(token)
    if events:  # only reached when the block did not raise
        AuditEvent.objects.bulk_create(events)


def is_paused() -> bool:
    return _paused.get()


def has_actor() -> bool:
    return _actor.get() is not None


def _signed_in(user: Any) -> bool:
    return user is not None and bool(getattr(user, "is_authenticated", False))


def organization_of_user(user: Any) -> int | None:
    """The organization of a signed-in member (None for a login without one)."""
    from heard.accounts.models import Membership

    if not _signed_in(user):
        return None
    try:
        return user.membership.organization_id
    except Membership.DoesNotExist:
        return None


def current_actor() -> tuple[Any, str]:
    """(the signed-in user or None, the name the log gives them)."""
    actor = _actor.get()
    if actor is None:
        return None, ""
    if _signed_in(actor.user):
        return actor.user, actor.user.get_username()
    return None, actor.name


#: `record(organization_id=...)`'s default: the acting member's organization.
ACTORS_ORGANIZATION: Any = object()


def object_kind(model: type[models.Model]) -> str:
    return model._meta.label_lower


def record(
    action: str,
    *,
    user: Any = None,
    actor_name: str | None = None,
    organization_id: Any = ACTORS_ORGANIZATION,
    kind: str = "",
    object_id: Any = "",
    person_id: int | None = None,
    detail: str = "",
) -> AuditEvent | None:
    """Write one event. The actor is `user` when given, else whoever is acting now; the
    organization, unless given (None: the operator's log only), is the actor's. Never pass a
    neighbour's name or words in `detail`."""
    if is_paused():
        return None
    if user is None and actor_name is None:
        user, actor_name = current_actor()
    elif actor_name is None:
        actor_name = user.get_username() if _signed_in(user) else ""
    if organization_id is ACTORS_ORGANIZATION:
        organization_id = organization_of_user(user)
    event = AuditEvent(
        organization_id=organization_id,
        actor_id=user.pk if _signed_in(user) else None,
        actor_name=actor_name[:150],
        action=action,
        object_kind=kind,
        object_id=str(object_id)[:64] if object_id != "" else "",
        person_id=person_id,
        detail=detail[:300],
    )
    gathering = _gathering.get()
    if gathering is not None:
        gathering.append(event)  # written when `gathered()` ends
    else:
        event.save()
    return event


#: Each record kind as the audit log names it, in the reader's language (the models' own
#: verbose names are English and changing them would mean migrations in every app).
KIND_NAMES = {
    "accounts.organization": pgettext_lazy("audit record kind", "Organization"),
    "accounts.membership": pgettext_lazy("audit record kind", "Membership"),
    "people.place": pgettext_lazy("audit record kind", "Place"),
    "people.household": pgettext_lazy("audit record kind", "Household"),
    "people.person": pgettext_lazy("audit record kind", "Person"),
    "people.mergedrecord": pgettext_lazy("audit record kind", "Merged record"),
    "people.relationship": pgettext_lazy("audit record kind", "Relationship"),
    "people.consent": pgettext_lazy("audit record kind", "Consent"),
    "campaigns.campaign": pgettext_lazy("audit record kind", "Campaign"),
    "campaigns.guidequestion": pgettext_lazy("audit record kind", "Guide question"),
    "campaigns.questionwording": pgettext_lazy("audit record kind", "Question in another language"),
    "campaigns.event": pgettext_lazy("audit record kind", "Event"),
    "campaigns.signup": pgettext_lazy("audit record kind", "Sign-up"),
    "conversations.conversation": pgettext_lazy("audit record kind", "Conversation"),
    "conversations.participant": pgettext_lazy("audit record kind", "Participant"),
    "conversations.answer": pgettext_lazy("audit record kind", "Answer"),
    "conversations.quote": pgettext_lazy("audit record kind", "Quote"),
    "conversations.conversationchange": pgettext_lazy("audit record kind", "Conversation change"),
    "commitments.commitment": pgettext_lazy("audit record kind", "Commitment"),
    "commitments.calendarfeed": pgettext_lazy("audit record kind", "Calendar feed"),
    "leadership.leadershiplevel": pgettext_lazy("audit record kind", "Leadership level"),
    "leadership.assessment": pgettext_lazy("audit record kind", "Assessment"),
    "themes.noteembedding": pgettext_lazy("audit record kind", "Note embedding"),
    "themes.themerun": pgettext_lazy("audit record kind", "Theme run"),
    "themes.theme": pgettext_lazy("audit record kind", "Theme"),
    "themes.themeassignment": pgettext_lazy("audit record kind", "Theme assignment"),
    "privacy.auditevent": pgettext_lazy("audit record kind", "Audit event"),
    "common_ground.divide": pgettext_lazy("audit record kind", "Divide"),
    "common_ground.side": pgettext_lazy("audit record kind", "Side"),
    "common_ground.personside": pgettext_lazy("audit record kind", "Person's side"),
    "common_ground.tiescores": pgettext_lazy("audit record kind", "Tie scores"),
    "plans.actionplan": pgettext_lazy("audit record kind", "Action plan"),
    "plans.plantheme": pgettext_lazy("audit record kind", "Plan theme"),
    "plans.planaction": pgettext_lazy("audit record kind", "Plan action"),
    "smallgroups.criticalfriend": pgettext_lazy("audit record kind", "Critical friend"),
    "smallgroups.smallgroupplan": pgettext_lazy("audit record kind", "Small group plan"),
    "smallgroups.smallgroup": pgettext_lazy("audit record kind", "Small group"),
    "smallgroups.groupseat": pgettext_lazy("audit record kind", "Group seat"),
    "smallgroups.lock": pgettext_lazy("audit record kind", "Lock"),
    "voting.poll": pgettext_lazy("audit record kind", "Poll"),
    "voting.statement": pgettext_lazy("audit record kind", "Statement"),
    "voting.voter": pgettext_lazy("audit record kind", "Voter"),
    "voting.vote": pgettext_lazy("audit record kind", "Vote"),
    "exchange.importbatch": pgettext_lazy("audit record kind", "Import"),
    "spaces.thirdspace": pgettext_lazy("audit record kind", "Third space"),
    "spaces.regular": pgettext_lazy("audit record kind", "Regular"),
    "api.apitoken": pgettext_lazy("audit record kind", "API token"),
}


def kind_label(kind: str) -> str:
    """ "people.person" as a reader says it: "Person"; a login is a "Login"."""
    from django.apps import apps
    from django.conf import settings

    if kind.lower() == settings.AUTH_USER_MODEL.lower():
        return gettext("Login")
    if kind.lower() in KIND_NAMES:
        return str(KIND_NAMES[kind.lower()])
    try:
        model = apps.get_model(kind)
    except (LookupError, ValueError):
        return kind
    return capfirst(str(model._meta.verbose_name))


def record_viewed(*, membership: Any, kind: str, pk: Any) -> AuditEvent | None:
    """A member read a person's or a conversation's record (a page or the API): who, which,
    never what it said. A person's record is also filed under the person, for their export."""
    return record(
        Action.VIEWED,
        user=membership.user if membership else None,
        **({"organization_id": membership.organization_id} if membership else {}),
        kind=kind,
        object_id=pk,
        person_id=int(pk) if kind == "people.person" else None,
    )
