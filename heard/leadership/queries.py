"""Reads of assessments and the emerging-leaders ranking, scoped to the asking membership."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Least
from django.urls import reverse

from heard.accounts.models import Membership
from heard.campaigns.models import SignUp
from heard.commitments.models import Commitment
from heard.conversations.models import Participant, Response
from heard.people.models import Person, Relationship
from heard.people.queries import people_for

from .models import Assessment, Kindliness, LeadershipLevel

# The weights of the score, one place; the docstring of `emerging_leaders` explains them.
WEIGHTS = {
    "offered_to_help": 2,
    "named_neighbours": 2,
    "wants_to_host": 3,
    "took_on_role": 3,
    "commitments_made": 1,
    "commitments_kept": 3,
    "said_yes": 2,
    "events_attended": 3,
    "brought": 3,
    "ties": 1,
}
# Knowing many people is a leader's raw material, not yet leadership: ties count up to this many.
TIES_CAP = 10


def assessments_for(membership: Membership) -> QuerySet[Assessment]:
    """Organizers and admins see every assessment of their organization; a volunteer sees the
    assessments made in the conversations they held (what the capture form recorded)."""
    assessments = Assessment.objects.filter(person__organization=membership.organization)
    if membership.is_staff_role:
        return assessments
    return assessments.filter(conversation__held_by=membership.user)


def path_of(membership: Membership, person: Person) -> QuerySet[Assessment]:
    """A person's assessments over time, oldest first, with who assessed and on which level of
    the scale: their path."""
    return (
        assessments_for(membership)
        .filter(person=person)
        .select_related("assessed_by", "conversation", "level")
        .order_by("assessed_on", "id")
    )


@dataclass(frozen=True)
class KeptWord:
    kept: int
    made: int


def commitments_kept(commitments: Iterable[Commitment]) -> KeptWord:
    """How many of a person's own commitments (their side, not the organizer's promise) were
    kept, of those made, among `commitments`: what `commitments_of(membership, person)` let
    this member see (the person page has them in hand, so no second query)."""
    theirs = [c for c in commitments if c.side == Commitment.Side.PERSON]
    return KeptWord(kept=sum(c.status == Commitment.Status.DONE for c in theirs), made=len(theirs))


@dataclass(frozen=True)
class Standing:
    """Where a person stands, as this member may see it: the newest assessment that saw a leader
    signal or an orientation, and the newest that placed them on the scale."""

    signals: Assessment | None
    level: Assessment | None


def standing_of(membership: Membership, person: Person) -> Standing:
    """A person's standing for their page, in one query (a person's assessments are few)."""
    seen = list(
        assessments_for(membership)
        .filter(person=person)
        .select_related("level")
        .order_by("-assessed_on", "-id")
    )
    return Standing(
        signals=next((a for a in seen if a.signal_count or a.kindliness), None),
        level=next((a for a in seen if a.level_id), None),
    )


def scale_for(membership: Membership) -> QuerySet[LeadershipLevel]:
    """The organization's leadership scale, strongest level first. Every member's organization
    has its own (or none yet); the scale holds no neighbour's data, but only staff use it."""
    return LeadershipLevel.objects.filter(organization=membership.organization).order_by(
        "position", "id"
    )


def scale_in_use(membership: Membership) -> QuerySet[LeadershipLevel]:
    """The scale with how many assessments name each level: one in use cannot be removed."""
    return scale_for(membership).annotate(uses=Count("assessments"))


def _count(queryset: QuerySet, link: str) -> Coalesce:
    """A correlated count per person: one subquery in the same SELECT, so the ranking is one
    query whatever the number of people, and no join multiplies another's rows."""
    counted = (
        queryset.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def emerging_leaders(
    membership: Membership,
    campaign=None,
    place=None,
    query: str = "",
    kindliness: str = "",
    level: LeadershipLevel | None = None,
    side=None,
):
    """People ranked by the evidence that they are becoming leaders, best first.

    Evidence, each counted over all time (or within one campaign when `campaign` is given):
    leader signals seen in assessments (offered to help ×2, named neighbours ×2, wants to host
    ×3, took on a role ×3 per assessment that saw it); commitments they made (×1 each) and kept
    (×3 more each: done, their side); next steps they said yes to (×2 per conversation they took
    part in); events they came to (×3 per attended sign-up); people they brought to events (×3
    per attended sign-up that names them as who brought the person); and ties to other people
    (×1 each, at most 10: knowing people is raw material, not yet leadership, and is not
    campaign-bound).
    Filters: `campaign` bounds the evidence; `place`, `query` (name), `side` (their side of a
    divide), `kindliness` (their latest noticed orientation) and `level` (their latest level)
    choose the people.

    Only people with some evidence beyond ties, or placed on the organization's scale, are
    listed; each carries their latest level (`latest_level`, `latest_level_name`), which is an
    organizer's judgement shown beside the evidence, not part of the score. Ties and equal
    scores break by name.

    Staff only (the page is): a volunteer gets nobody, since the evidence spans conversations
    they may not see.
    """
    if not membership.is_staff_role:
        return Person.objects.none()
    people = people_for(membership).select_related("place")
    if place is not None:
        people = people.filter(place=place)
    if query:
        people = people.filter(name__icontains=query)
    if side is not None:
        people = people.filter(sides__side=side)

    assessments = Assessment.objects.all()
    commitments = Commitment.objects.filter(side=Commitment.Side.PERSON)
    yeses = Participant.objects.filter(conversation__next_step_response=Response.YES)
    attended = SignUp.objects.filter(status=SignUp.Status.ATTENDED)
    if campaign is not None:
        assessments = assessments.filter(conversation__campaign=campaign)
        commitments = commitments.filter(conversation__campaign=campaign)
        yeses = yeses.filter(conversation__campaign=campaign)
        attended = attended.filter(event__campaign=campaign)

    counts = {
        name: _count(assessments.filter(**{name: True}), "person") for name in Assessment.SIGNALS
    }
    counts["commitments_made"] = _count(commitments, "person")
    counts["commitments_kept"] = _count(commitments.filter(status=Commitment.Status.DONE), "person")
    counts["said_yes"] = _count(yeses, "person")
    counts["events_attended"] = _count(attended, "person")
    counts["brought"] = _count(attended, "brought_by")
    # Where they brought people: named in the reason when it was one event.
    brought_to = attended.filter(brought_by=OuterRef("pk")).order_by()
    counts["brought_events"] = Coalesce(
        Subquery(
            brought_to.values("brought_by").annotate(n=Count("event", distinct=True)).values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )
    counts["n_ties_out"] = _count(Relationship.objects.all(), "person")
    counts["n_ties_in"] = _count(Relationship.objects.all(), "other")
    people = people.annotate(**counts).annotate(
        ties=F("n_ties_out") + F("n_ties_in"),
        last_assessed=Subquery(
            assessments.filter(person=OuterRef("pk"))
            .order_by()
            .values("person")
            .annotate(last=Max("assessed_on"))
            .values("last")
        ),
    )
    # The organizer's latest judgement on the scale, over all time (a level is about the
    # person, not one campaign); named as the scale names it now.
    levelled = (
        Assessment.objects.filter(person=OuterRef("pk"), level__isnull=False)
        .order_by("-assessed_on", "-id")
        .values("level")[:1]
    )
    noticed = (
        Assessment.objects.filter(person=OuterRef("pk"))
        .exclude(kindliness="")
        .order_by("-assessed_on", "-id")
        .values("kindliness")[:1]
    )
    people = people.annotate(
        latest_level=Subquery(levelled),
        orientation=Subquery(noticed),
        brought_event=Subquery(brought_to.values("event")[:1]),
        brought_event_title=Subquery(brought_to.values("event__title")[:1]),
    )
    if kindliness:
        people = people.filter(orientation=kindliness)
    if level is not None:
        people = people.filter(latest_level=level.pk)
    people = people.annotate(
        latest_level_name=Subquery(
            LeadershipLevel.objects.filter(pk=OuterRef("latest_level")).values("name")[:1]
        )
    )
    evidence = sum(
        (F(name) * weight for name, weight in WEIGHTS.items() if name != "ties"), Value(0)
    )
    # Someone an organizer placed on the scale is on the path even before other evidence.
    people = people.annotate(evidence=evidence).filter(
        Q(evidence__gt=0) | Q(latest_level__isnull=False)
    )
    score = F("evidence") + Least(F("ties"), Value(TIES_CAP)) * WEIGHTS["ties"]
    return people.annotate(score=score).order_by("-score", "name", "pk")


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# How each leader signal reads in a reason.
SIGNAL_WORDS = {
    "offered_to_help": "offered to help",
    "named_neighbours": "named neighbours to talk to",
    "wants_to_host": "offered to host",
    "took_on_role": "took on a role",
}


@dataclass(frozen=True)
class Reason:
    """One piece of evidence in words, with where it can be checked."""

    words: str
    url: str


def evidence_of(person) -> list[Reason]:
    """The evidence of an annotated person (from `emerging_leaders`) in words, strongest kind
    first, e.g. "offered to host twice", "kept 3 of 3 commitments", "came to 2 events", each
    linked to where it shows: signals to the person's path, an event they brought people to
    to its page, the rest to the person's page (its commitments, next steps or ties)."""
    page = reverse("people:detail", args=[person.pk])
    path = reverse("leadership:assess", args=[person.pk])
    found = [
        Reason(f"{SIGNAL_WORDS[name]} {_times(getattr(person, name))}", path)
        for name in Assessment.SIGNALS
        if getattr(person, name)
    ]
    if person.commitments_made:
        made = _plural(person.commitments_made, "commitment", "commitments")
        found.append(Reason(f"kept {person.commitments_kept} of {made}", f"{page}#commitments"))
    if person.events_attended:
        found.append(Reason(f"came to {_plural(person.events_attended, 'event', 'events')}", page))
    if person.brought:
        neighbours = _plural(person.brought, "neighbour", "neighbours")
        if person.brought_events == 1:
            event = reverse("campaigns:event", args=[person.brought_event])
            found.append(Reason(f"brought {neighbours} to {person.brought_event_title}", event))
        else:
            found.append(Reason(f"brought {neighbours} to {person.brought_events} events", page))
    if person.said_yes:
        found.append(
            Reason(f"said yes to a next step {_times(person.said_yes)}", f"{page}#next-steps")
        )
    if person.ties:
        found.append(
            Reason(f"knows {_plural(person.ties, 'neighbour', 'neighbours')}", f"{page}#ties")
        )
    return found


def reasons(person) -> list[str]:
    """The evidence of an annotated person in words only (see `evidence_of`)."""
    return [reason.words for reason in evidence_of(person)]


@dataclass
class Leader:
    person: Person
    evidence: list[Reason]
    orientation: str = ""

    @property
    def reasons(self) -> list[str]:
        return [reason.words for reason in self.evidence]


def explained(people) -> list[Leader]:
    """Rows for a page of ranked people: each person with their evidence and orientation."""
    return [
        Leader(
            person=p,
            evidence=evidence_of(p),
            orientation=Kindliness(p.orientation).label if p.orientation else "",
        )
        for p in people
    ]
