"""Reads of assessments and the emerging-leaders ranking, scoped to the asking membership."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import (
    Count,
    Max,
    Q,
    QuerySet,
)
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


# The counts each ranked person carries, named as `WEIGHTS` and `evidence_of` read them.
COUNTED = (*Assessment.SIGNALS, "commitments_made", "commitments_kept", "said_yes",
           "events_attended", "brought", "brought_events", "ties")  # fmt: skip


@dataclass
class _Evidence:
    counts: dict
    last_assessed: object = None
    brought_event: int | None = None
    brought_event_title: str = ""

    def score(self) -> tuple[int, int]:
        """(evidence, score): the weighted evidence without ties, and with ties (capped)."""
        evidence = sum(self.counts.get(n, 0) * w for n, w in WEIGHTS.items() if n != "ties")
        ties = min(self.counts.get("ties", 0), TIES_CAP) * WEIGHTS["ties"]
        return evidence, evidence + ties


class Ranking(Sequence):
    """The ranked people, counted in the database and ranked in Python: a list of
    (person id, name) in order, and each one's evidence. Slicing it (what a paginator does)
    fetches only that page's people, with the evidence set on them as attributes."""

    def __init__(self, membership: Membership, order: list[int], found: dict, levels: dict):
        self.membership = membership
        self.order = order
        self.found = found
        self.levels = levels

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._people(self.order[index])
        return self._people([self.order[index]])[0]

    def of(self, person_id: int) -> Person | None:
        """One ranked person with their evidence, or None if they are not ranked."""
        return self._people([person_id])[0] if person_id in self.found else None

    def _people(self, ids: list[int]) -> list[Person]:
        people = people_for(self.membership).select_related("place").in_bulk(ids)
        shown = []
        for pk in ids:
            person = people[pk]
            found = self.found[pk]
            for name in COUNTED:
                setattr(person, name, found.counts.get(name, 0))
            person.evidence, person.score = found.score()
            person.last_assessed = found.last_assessed
            person.brought_event = found.brought_event
            person.brought_event_title = found.brought_event_title
            level = self.levels.get(pk)
            person.latest_level = level.pk if level else None
            person.latest_level_name = level.name if level else None
            person.orientation = found.counts.get("orientation", "")
            shown.append(person)
        return shown


def _grouped(queryset: QuerySet, by: str):
    """One GROUP BY: (person id, how many) pairs."""
    return queryset.order_by().values(by).annotate(n=Count("pk")).values_list(by, "n")


@dataclass(frozen=True)
class LevelNamed:
    pk: int
    name: str


def _newest_judgements(assessments: QuerySet) -> tuple[dict, dict]:
    """person id → the level of their newest assessment that placed them on the scale, and →
    the orientation of their newest that noticed one: one pass over their assessments, newest
    first (they are about the person, not one campaign, so never bounded by it)."""
    levels: dict[int, LevelNamed] = {}
    orientations: dict[int, str] = {}
    rows = (
        assessments.filter(Q(level__isnull=False) | ~Q(kindliness=""))
        .order_by("person_id", "-assessed_on", "-id")
        .values_list("person_id", "level_id", "level__name", "kindliness")
    )
    for person_id, level_id, level_name, kindliness in rows:
        if level_id is not None and person_id not in levels:
            levels[person_id] = LevelNamed(level_id, level_name)
        if kindliness and person_id not in orientations:
            orientations[person_id] = kindliness
    return levels, orientations


def emerging_leaders(
    membership: Membership,
    campaign=None,
    place=None,
    query: str = "",
    kindliness: str = "",
    level: LeadershipLevel | None = None,
    side=None,
) -> Ranking:
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

    Each kind of evidence is one GROUP BY over the organization (ten queries whatever the
    number of people), and the ranking is made in Python: correlated subqueries per person
    took 10 s at 100,000 conversations and 20,000 people, since the database evaluated them for
    everyone in the filter, the ordering and the count (benchmarks/pages_at_scale/).

    Staff only (the page is): a volunteer gets nobody, since the evidence spans conversations
    they may not see.
    """
    if not membership.is_staff_role:
        return Ranking(membership, [], {}, {})
    org = membership.organization
    people = people_for(membership)
    if place is not None:
        people = people.filter(place=place)
    if query:
        people = people.filter(name__icontains=query)
    if side is not None:
        people = people.filter(sides__side=side)
    names = dict(people.order_by().values_list("pk", "name"))

    every = Assessment.objects.filter(person__organization=org)
    assessments = every
    commitments = Commitment.objects.filter(organization=org, side=Commitment.Side.PERSON)
    yeses = Participant.objects.filter(
        conversation__organization=org, conversation__next_step_response=Response.YES
    )
    attended = SignUp.objects.filter(event__organization=org, status=SignUp.Status.ATTENDED)
    if campaign is not None:
        assessments = assessments.filter(conversation__campaign=campaign)
        commitments = commitments.filter(conversation__campaign=campaign)
        yeses = yeses.filter(conversation__campaign=campaign)
        attended = attended.filter(event__campaign=campaign)

    found: dict[int, _Evidence] = {}
    points: Counter = Counter()  # the weighted evidence, without ties

    def take(rows, names: tuple[str, ...]) -> None:
        """Rows of (person id, *counts named `names`) into each person's evidence and points
        (a tight loop: it runs once per person and kind of evidence, 50,000 times at scale)."""
        weights = [WEIGHTS.get(name, 0) for name in names]
        for pk, *values in rows:
            row = found.get(pk)
            if row is None:
                row = found[pk] = _Evidence(counts={})
            row.counts.update(zip(names, values, strict=True))
            points[pk] += sum(n * w for n, w in zip(values, weights, strict=True))

    signals = {n: Count("pk", filter=Q(**{n: True})) for n in Assessment.SIGNALS}
    rows = assessments.order_by().values("person").annotate(last=Max("assessed_on"), **signals)
    rows = list(rows.values_list("person", "last", *Assessment.SIGNALS))
    take([(pk, *seen) for pk, _, *seen in rows], Assessment.SIGNALS)
    for pk, last, *_ in rows:
        found[pk].last_assessed = last
    kept = Count("pk", filter=Q(status=Commitment.Status.DONE))
    rows = commitments.order_by().values("person").annotate(made=Count("pk"), kept=kept)
    take(rows.values_list("person", "made", "kept"), ("commitments_made", "commitments_kept"))
    take(_grouped(yeses, "person"), ("said_yes",))
    take(_grouped(attended, "person"), ("events_attended",))
    # Where they brought people is named when it was one event: then the max is that event.
    rows = (
        attended.exclude(brought_by=None)
        .order_by()
        .values("brought_by")
        .annotate(
            n=Count("pk"),
            events=Count("event", distinct=True),
            one=Max("event"),
            title=Max("event__title"),
        )
    )
    rows = list(rows.values_list("brought_by", "n", "events", "one", "title"))
    take([(pk, n, events) for pk, n, events, _, _ in rows], ("brought", "brought_events"))
    for pk, _, events, one, title in rows:
        if events == 1:
            found[pk].brought_event, found[pk].brought_event_title = one, title
    ties: Counter = Counter()
    for a, b in Relationship.objects.filter(organization=org).values_list("person_id", "other_id"):
        ties[a] += 1
        ties[b] += 1
    # The organizer's latest judgement on the scale and the latest orientation noticed, over
    # all time (they are about the person, not one campaign).
    levels, orientations = _newest_judgements(every)

    ranked = []
    for pk, name in names.items():
        evidence = found.get(pk)
        if evidence is None and pk not in levels:
            continue
        evidence = evidence or _Evidence(counts={})
        evidence.counts["ties"] = ties.get(pk, 0)
        evidence.counts["orientation"] = orientations.get(pk, "")
        if kindliness and evidence.counts["orientation"] != kindliness:
            continue
        if level is not None and (levels.get(pk) is None or levels[pk].pk != level.pk):
            continue
        # Someone an organizer placed on the scale is on the path even before other evidence.
        if points[pk] <= 0 and levels.get(pk) is None:
            continue
        found[pk] = evidence
        score = points[pk] + min(evidence.counts["ties"], TIES_CAP) * WEIGHTS["ties"]
        ranked.append((-score, name, pk))
    ranked.sort()
    return Ranking(membership, [pk for _, _, pk in ranked], found, levels)


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
