"""The next-step ladder: how a conversation's invitation became a sign-up and then a visit.

A conversation ends with an invitation (`next_step`) and an answer (`next_step_response`). The
ladder follows each one through four rungs, each a part of the one before:

- **asked**: a next step was named and the answer was yes, maybe or no ("not asked" is not);
- **yes**: the answer was yes;
- **signed up**: said yes, and one of the conversation's people was then signed up for a step
  that matches the invitation (`follow_ups`), whatever came of the sign-up;
- **came**: signed up, and came (a sign-up marked attended, or the later one-to-one held).

Everything is counted in the database, in one query whatever the number of conversations (the
report must stay fast with 100,000 of them; see `_counts` for how, and
benchmarks/pages_at_scale/ for the numbers).
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, F, Max, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Event, SignUp
from heard.conversations.models import Conversation, NextStep, Participant, Response, Venue
from heard.conversations.queries import conversations_for

GROUPINGS = {"venue": _("Venue"), "volunteer": _("Volunteer"), "campaign": _("Campaign")}

#: The event kinds that follow through each invitation to an event. An invitation to "an
#: event" is kept by any gathering; the other invitations only by their own kind.
EVENT_KINDS_FOR = {
    NextStep.HOUSE_MEETING: [Event.Kind.HOUSE_MEETING],
    NextStep.TRAINING: [Event.Kind.TRAINING],
    NextStep.ACTION: [Event.Kind.ACTION],
    NextStep.EVENT: [kind for kind, _ in Event.Kind.choices],
}


def _last_signups(organization) -> QuerySet:
    """Per person: the day of their last sign-up that would follow each invitation to an event
    (`signed_<step>`), and of the last such one they came to (`came_<step>`).

    What "matches" an invitation: one of the conversation's people (any participant, since a
    small group is invited together) took the step on or after the day of the conversation.
    For a house meeting, training or action, a sign-up for an event of that kind; for "an
    event", of any kind (EVENT_KINDS_FOR). Came = such a sign-up is marked attended (a no-show
    signed up but did not come). A sign-up for an event that started before the conversation is
    not its follow-through (they were already coming, or already came), so the last one is the
    one to compare. The event need not be of the same campaign: a neighbour met in one campaign
    who comes to the next campaign's training still climbed."""
    days = {}
    for step, kinds in EVENT_KINDS_FOR.items():
        matching = Q(event__kind__in=kinds)
        days[f"signed_{step}"] = Max("event__starts_at__date", filter=matching)
        days[f"came_{step}"] = Max(
            "event__starts_at__date", filter=matching & Q(status=SignUp.Status.ATTENDED)
        )
    return (
        SignUp.objects.filter(event__organization=organization)
        .order_by()
        .values("person_id")
        .annotate(**days)
    )


def _last_one_to_ones(organization) -> QuerySet:
    """Per person: the day of their last one-to-one conversation. An invitation to a one-to-one
    is followed (signed up and came: there is nothing to sign up for but the meeting itself)
    when one is held with one of the conversation's people on a later day."""
    return (
        Participant.objects.filter(
            conversation__organization=organization, conversation__venue=Venue.ONE_TO_ONE
        )
        .order_by()
        .values("person_id")
        .annotate(last_one_to_one=Max("conversation__held_on"))
    )


@dataclass
class Rung:
    label: str
    count: int
    rate: float | None  # of the rung before, 0..1; None when the rung before is empty

    @property
    def percent(self) -> int | None:
        return None if self.rate is None else round(self.rate * 100)


@dataclass
class LadderRow:
    key: object
    label: str
    conversations: int
    asked: int
    yes: int
    signed_up: int
    came: int

    @property
    def rungs(self) -> list[Rung]:
        steps = [
            (_("Asked"), self.asked, self.conversations),
            (_("Said yes"), self.yes, self.asked),
            (pgettext("next-step ladder", "Signed up"), self.signed_up, self.yes),
            (_("Came"), self.came, self.signed_up),
        ]
        return [Rung(label, n, n / before if before else None) for label, n, before in steps]

    @property
    def came_of_asked(self) -> float | None:
        return self.came / self.asked if self.asked else None

    def bar(self, count: int) -> int:
        """A rung's width in the funnel, in percent of the conversations asked."""
        return round(100 * count / self.asked) if self.asked else 0


@dataclass
class Ladder:
    by: str
    rows: list[LadderRow]
    total: LadderRow


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def _counts(conversations: QuerySet[Conversation], organization, labels: dict) -> list[dict]:
    """The ladder's counts per group of `conversations`, in one query. `labels` names the
    columns of a group, alias -> field of Conversation; the first is its key.

    The query is the union of two parts, added up here per key:

    - the groups' conversations, asked and yes: one pass over the conversations;
    - the groups' signed up and came: each participant of a conversation that said yes, with
      the last day they signed up for (and came to) each kind of step and the last day they had
      a one-to-one, per person (`_last_signups`, `_last_one_to_ones`): hash joins on the
      person, no row multiplied by another's sign-ups.

    Earlier designs tested each rung with `IN` subqueries per kind of step (ten of them) or
    joined every participant to every sign-up; at 100,000 conversations on PostgreSQL they took
    2.2 s and 0.6 s. Django cannot join a subquery, so the outer SELECTs are written here by
    hand; every part inside them is built by Django (the access helper's scope, the local day of
    an event on either database), and the SQL around them is plain enough for SQLite and
    PostgreSQL alike. Nothing typed by a user is in the string: the values are parameters."""
    asked = ~Q(next_step="") & ~Q(next_step_response=Response.NOT_ASKED)
    key, *_ = labels
    aliases = {f"ladder_{alias}": F(field) for alias, field in labels.items()}
    base = (
        conversations.order_by()
        .values(**aliases)
        .annotate(
            ladder_n=Count("pk"),
            ladder_asked=Count("pk", filter=asked),
            ladder_yes=Count("pk", filter=asked & Q(next_step_response=Response.YES)),
        )
    )
    invited = (
        conversations.filter(next_step_response=Response.YES)
        .exclude(next_step="")
        .order_by()
        .values(
            ladder_id=F("pk"),
            ladder_key=F(labels[key]),
            ladder_person=F("participants__person"),
            ladder_step=F("next_step"),
            ladder_held=F("held_on"),
        )
    )
    signed, came, params = [], [], []
    for step in EVENT_KINDS_FOR:
        signed.append(f"(i.ladder_step = %s AND s.signed_{step} >= i.ladder_held)")
        came.append(f"(i.ladder_step = %s AND s.came_{step} >= i.ladder_held)")
        params.append(step)
    one_to_one = "(i.ladder_step = %s AND o.last_one_to_one > i.ladder_held)"
    signed.append(one_to_one)
    came.append(one_to_one)
    params.append(NextStep.ONE_TO_ONE)
    parts = [_sql(q) for q in (base, invited, _last_signups(organization))]
    parts.append(_sql(_last_one_to_ones(organization)))
    (base_sql, base_params), (invited_sql, invited_params), *joined = parts
    nulls = ", ".join(["NULL"] * (len(labels) - 1))
    followed = (
        "SELECT i.ladder_id, i.ladder_key,"  # noqa: S608
        f" MAX(CASE WHEN {' OR '.join(signed)} THEN 1 ELSE 0 END) AS signed,"
        f" MAX(CASE WHEN {' OR '.join(came)} THEN 1 ELSE 0 END) AS came"
        f" FROM ({invited_sql}) i"
        f" LEFT JOIN ({joined[0][0]}) s ON s.person_id = i.ladder_person"
        f" LEFT JOIN ({joined[1][0]}) o ON o.person_id = i.ladder_person"
        " GROUP BY i.ladder_id, i.ladder_key"
    )
    sql = (
        f"SELECT b.*, 0, 0 FROM ({base_sql}) b UNION ALL"  # noqa: S608
        f" SELECT f.ladder_key, {nulls + ', ' if nulls else ''}0, 0, 0, COUNT(*), SUM(f.came)"
        f" FROM ({followed}) f WHERE f.signed = 1 GROUP BY f.ladder_key"
    )
    sql_params = (
        *base_params,
        *params,
        *params,
        *invited_params,
        *joined[0][1],
        *joined[1][1],
    )
    rows: dict = {}
    with connections[conversations.db].cursor() as cursor:
        cursor.execute(sql, sql_params)
        for values in cursor.fetchall():
            named = dict(zip([*labels, *_COUNTS], values, strict=True))
            row = rows.setdefault(named[key], {f: 0 for f in _COUNTS})
            if named["conversations"]:  # the first part, which alone holds the labels
                row.update({alias: named[alias] for alias in labels})
            for f in _COUNTS:
                row[f] += named[f] or 0
    return list(rows.values())


def _name(row: dict) -> str:
    full = f"{row['first_name']} {row['last_name']}".strip()
    return full or row["username"]


def ladder_for(
    membership: Membership, campaign: Campaign | None = None, by: str = "venue"
) -> Ladder:
    """The ladder per venue, per volunteer (who held the conversations) or per campaign, over
    the conversations the member may see, of one campaign or all. One query."""
    if by not in GROUPINGS:
        raise ValueError(f"Group the ladder by one of {sorted(GROUPINGS)}, not {by!r}.")
    conversations = conversations_for(membership)
    if campaign is not None:
        conversations = conversations.filter(campaign=campaign)
    if by == "venue":
        counts = _counts(conversations, membership.organization, {"venue": "venue"})
        labels = dict(Venue.choices)
        rows = [
            LadderRow(key=r["venue"], label=labels.get(r["venue"], r["venue"]), **_only(r))
            for r in counts
        ]
        order = list(labels)
        rows.sort(key=lambda r: order.index(r.key) if r.key in order else len(order))
    elif by == "volunteer":
        fields = ("first_name", "last_name", "username")
        counts = _counts(
            conversations,
            membership.organization,
            {"held_by": "held_by", **{f: f"held_by__{f}" for f in fields}},
        )
        rows = [LadderRow(key=r["held_by"], label=_name(r), **_only(r)) for r in counts]
        rows.sort(key=lambda r: (-r.asked, r.label.casefold()))
    else:
        counts = _counts(
            conversations,
            membership.organization,
            {
                "campaign": "campaign",
                "name": "campaign__name",
                "starts_on": "campaign__starts_on",
                "is_active": "campaign__is_active",
            },
        )
        rows = [LadderRow(key=r["campaign"], label=r["name"], **_only(r)) for r in counts]
        # As the campaign list orders them: the running ones first, then the newest.
        by_start = sorted(counts, key=lambda r: str(r["starts_on"] or ""), reverse=True)
        starts = {r["campaign"]: n for n, r in enumerate(by_start)}
        active = {r["campaign"]: bool(r["is_active"]) for r in counts}
        rows.sort(key=lambda r: (not active[r.key], starts[r.key], r.label.casefold()))
    total = LadderRow(
        key=None,
        label=_("All"),
        **{f: sum(getattr(r, f) for r in rows) for f in _COUNTS},
    )
    return Ladder(by=by, rows=rows, total=total)


_COUNTS = ("conversations", "asked", "yes", "signed_up", "came")


def _only(row: dict) -> dict:
    return {f: row[f] for f in _COUNTS}
