"""The next-step ladder: how a conversation's invitation became a sign-up and then a visit.

A conversation ends with an invitation (`next_step`) and an answer (`next_step_response`). The
ladder follows each one through four rungs, each a part of the one before:

- **asked**: a next step was named and the answer was yes, maybe or no ("not asked" is not);
- **yes**: the answer was yes;
- **signed up**: said yes, and one of the conversation's people was then signed up for a step
  that matches the invitation (`follow_up_filters`), whatever came of the sign-up;
- **came**: signed up, and came (a sign-up marked attended, or the later one-to-one held).

Everything is counted in the database: one query for the groups, whatever the number of
conversations (the report must stay fast with 100,000 of them).
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Event, SignUp
from heard.conversations.models import Conversation, NextStep, Participant, Response, Venue
from heard.conversations.queries import conversations_for

GROUPINGS = {"venue": "Venue", "volunteer": "Volunteer"}

#: The event kinds that follow through each invitation to an event. An invitation to "an
#: event" is kept by any gathering; the other invitations only by their own kind.
EVENT_KINDS_FOR = {
    NextStep.HOUSE_MEETING: [Event.Kind.HOUSE_MEETING],
    NextStep.TRAINING: [Event.Kind.TRAINING],
    NextStep.ACTION: [Event.Kind.ACTION],
    NextStep.EVENT: [kind for kind, _ in Event.Kind.choices],
}


def follow_up_filters() -> tuple[Q, Q]:
    """What "matches" an invitation, as two conditions on a Conversation: (signed up, came).

    A step matches when one of the conversation's people (any participant, since a small
    group is invited together) took it on or after the day of the conversation:

    - house meeting, training, action: a sign-up for an event of the same kind starting on or
      after that day; an invitation to an event: a sign-up for an event of any kind. Came = that
      sign-up is marked attended (a no-show signed up but did not come);
    - one-to-one: a one-to-one conversation with the same person held on a later day. It is
      both the sign-up and the visit: there is nothing to sign up for but the meeting itself.

    A sign-up for an event that started before the conversation is not its follow-through
    (they were already coming, or already came). The event need not be of the same campaign:
    a neighbour met in one campaign who comes to the next campaign's training still climbed.
    """
    # Uncorrelated subqueries (conversation ids), so the database builds each set once and
    # hashes it, rather than probing sign-ups once per conversation: seconds at 100,000.
    signed = Q()
    came = Q()
    for step, kinds in EVENT_KINDS_FOR.items():
        matching = {
            "conversation__next_step": step,
            "person__signups__event__kind__in": kinds,
            "person__signups__event__starts_at__date__gte": F("conversation__held_on"),
        }
        followed = Participant.objects.filter(**matching)
        # One filter() call: the attended sign-up must be the matching one, not any other.
        attended = Participant.objects.filter(
            **matching, person__signups__status=SignUp.Status.ATTENDED
        )
        signed |= Q(next_step=step, pk__in=followed.values("conversation_id"))
        came |= Q(next_step=step, pk__in=attended.values("conversation_id"))
    later = Participant.objects.filter(
        conversation__next_step=NextStep.ONE_TO_ONE,
        person__participations__conversation__venue=Venue.ONE_TO_ONE,
        person__participations__conversation__held_on__gt=F("conversation__held_on"),
    )
    one_to_one = Q(next_step=NextStep.ONE_TO_ONE, pk__in=later.values("conversation_id"))
    return signed | one_to_one, came | one_to_one


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
            ("Asked", self.asked, self.conversations),
            ("Said yes", self.yes, self.asked),
            ("Signed up", self.signed_up, self.yes),
            ("Came", self.came, self.signed_up),
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


def _counts(conversations: QuerySet[Conversation], fields: list[str]) -> list[dict]:
    signed, came = follow_up_filters()
    asked = ~Q(next_step="") & ~Q(next_step_response=Response.NOT_ASKED)
    yes = asked & Q(next_step_response=Response.YES)
    return list(
        conversations.order_by()
        .values(*fields)
        .annotate(
            conversations=Count("pk"),
            asked=Count("pk", filter=asked),
            yes=Count("pk", filter=yes),
            signed_up=Count("pk", filter=yes & signed),
            # An attended sign-up (or the one-to-one held) is a sign-up too: came implies signed.
            came=Count("pk", filter=yes & came),
        )
    )


def _name(row: dict) -> str:
    full = f"{row['held_by__first_name']} {row['held_by__last_name']}".strip()
    return full or row["held_by__username"]


def ladder_for(
    membership: Membership, campaign: Campaign | None = None, by: str = "venue"
) -> Ladder:
    """The ladder per venue or per volunteer (who held the conversations), over the
    conversations the member may see, of one campaign or all. One query."""
    if by not in GROUPINGS:
        raise ValueError(f"Group the ladder by one of {sorted(GROUPINGS)}, not {by!r}.")
    conversations = conversations_for(membership)
    if campaign is not None:
        conversations = conversations.filter(campaign=campaign)
    if by == "venue":
        counts = _counts(conversations, ["venue"])
        labels = dict(Venue.choices)
        rows = [
            LadderRow(key=r["venue"], label=labels.get(r["venue"], r["venue"]), **_only(r))
            for r in counts
        ]
        order = list(labels)
        rows.sort(key=lambda r: order.index(r.key) if r.key in order else len(order))
    else:
        fields = ["held_by", "held_by__first_name", "held_by__last_name", "held_by__username"]
        counts = _counts(conversations, fields)
        rows = [LadderRow(key=r["held_by"], label=_name(r), **_only(r)) for r in counts]
        rows.sort(key=lambda r: (-r.asked, r.label.casefold()))
    total = LadderRow(
        key=None,
        label="All",
        **{f: sum(getattr(r, f) for r in rows) for f in _COUNTS},
    )
    return Ladder(by=by, rows=rows, total=total)


_COUNTS = ("conversations", "asked", "yes", "signed_up", "came")


def _only(row: dict) -> dict:
    return {f: row[f] for f in _COUNTS}
