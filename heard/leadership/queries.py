"""Reads of assessments and the emerging-leaders ranking, scoped to the asking membership."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Max, Q, QuerySet, Value
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from heard.accounts.models import Membership
from heard.campaigns.models import SignUp
from heard.commitments.models import Commitment
from heard.conversations.models import Participant, Response
from heard.people.models import Person, Relationship
from heard.people.queries import name_matches, people_for

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
    signal, an orientation or a barrier to asking for help, and the newest that placed them on
    the scale."""

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
        signals=next((a for a in seen if a.signal_count or a.kindliness or a.barriers), None),
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
    """The ranked people: scored and ordered in the database in one query (`order_sql`) that
    returns only their ids, so Python never handles 20,000 people's evidence; slicing it (what a
    paginator does) fetches that page's people with their evidence set on them as attributes
    (`_Sources.evidence`)."""

    def __init__(self, membership: Membership, order_sql: tuple[str, list] | None, evidence):
        self.membership = membership
        self.order_sql = order_sql
        self.evidence = evidence
        self._ids: list[int] | None = None

    def ids(self) -> list[int]:
        if self._ids is None:
            self._ids = []
            if self.order_sql is not None:
                sql, params = self.order_sql
                with connection.cursor() as cursor:
                    cursor.execute(f"{sql} ORDER BY score DESC, name ASC, pk ASC", params)
                    self._ids = [row[0] for row in cursor.fetchall()]
        return self._ids

    def __len__(self) -> int:
        return len(self.ids())

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._people(self.ids()[index])
        return self._people([self.ids()[index]])[0]

    def of(self, person_id: int) -> Person | None:
        """One ranked person with their evidence, or None if they are not ranked."""
        return self._people([person_id])[0] if person_id in self.ids() else None

    def _people(self, ids: list[int]) -> list[Person]:
        if not ids:
            return []
        people = people_for(self.membership).select_related("place").in_bulk(ids)
        found, levels, orientations = self.evidence(ids)
        shown = []
        for pk in ids:
            person = people[pk]
            evidence = found.get(pk) or _Evidence(counts={})
            for name in COUNTED:
                setattr(person, name, evidence.counts.get(name, 0))
            person.evidence, person.score = evidence.score()
            person.last_assessed = evidence.last_assessed
            person.brought_event = evidence.brought_event
            person.brought_event_title = evidence.brought_event_title
            level = levels.get(pk)
            person.latest_level = level.pk if level else None
            person.latest_level_name = level.name if level else None
            person.orientation = orientations.get(pk, "")
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

    The score is summed in the database over one GROUP BY per kind of evidence (a UNION ALL,
    `_order_sql`), and ordered there; only the ranked ids come back, and the evidence in words is
    counted for the page shown. Correlated subqueries per person took 10 s at 100,000
    conversations and 20,000 people, since the database evaluated them for everyone in the
    filter, the ordering and the count; ranking in Python took 0.45 s (benchmarks/pages_at_scale/).

    Staff only (the page is): a volunteer gets nobody, since the evidence spans conversations
    they may not see.
    """
    if not membership.is_staff_role:
        return Ranking(membership, None, None)
    org = membership.organization
    people = people_for(membership)
    if place is not None:
        people = people.filter(place=place)
    if query:
        people = people.filter(name_matches(query))
    if side is not None:
        people = people.filter(sides__side=side)

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
    ties = Relationship.objects.filter(organization=org)
    sources = _Sources(every, assessments, commitments, yeses, attended, ties)

    chosen = None  # the people the orientation or level filter lets through
    if kindliness or level is not None:
        levels, orientations = _newest_judgements(every)
        chosen = [
            pk
            for pk in set(levels) | set(orientations)
            if (not kindliness or orientations.get(pk) == kindliness)
            and (level is None or (pk in levels and levels[pk].pk == level.pk))
        ]
    return Ranking(membership, _order_sql(sources, people, chosen), sources.evidence)


@dataclass(frozen=True)
class _Sources:
    """The querysets the evidence is counted from (bounded by campaign where it applies)."""

    every: QuerySet
    assessments: QuerySet
    commitments: QuerySet
    yeses: QuerySet
    attended: QuerySet
    ties: QuerySet

    def parts(self) -> list[QuerySet]:
        """Each kind of evidence as rows of (person, points, ties, levelled), grouped by person:
        the members of one UNION ALL."""

        def row(queryset, by, points=0, ties=0, levelled=0):
            return (
                queryset.order_by()
                .values(by)
                .annotate(
                    pts=_as_int(points),
                    tie=_as_int(ties),
                    lvl=_as_int(levelled),
                )
                .values_list(by, "pts", "tie", "lvl")
            )

        signals = sum(
            (Count("pk", filter=Q(**{n: True})) * WEIGHTS[n] for n in Assessment.SIGNALS),
            Value(0),
        )
        done = Count("pk", filter=Q(status=Commitment.Status.DONE))
        return [
            row(self.assessments, "person", points=signals),
            row(
                self.commitments,
                "person",
                points=Count("pk") * WEIGHTS["commitments_made"]
                + done * WEIGHTS["commitments_kept"],
            ),
            row(self.yeses, "person", points=Count("pk") * WEIGHTS["said_yes"]),
            row(self.attended, "person", points=Count("pk") * WEIGHTS["events_attended"]),
            row(
                self.attended.exclude(brought_by=None),
                "brought_by",
                points=Count("pk") * WEIGHTS["brought"],
            ),
            row(self.ties, "person", ties=Count("pk")),
            row(self.ties, "other", ties=Count("pk")),
            # Someone an organizer placed on the scale is listed even before other evidence.
            row(self.every.filter(level__isnull=False), "person", levelled=Count("pk")),
        ]

    def evidence(self, ids: list[int]):
        """The evidence of these people (a page of them), person by person."""
        found: dict[int, _Evidence] = {}

        def take(rows, names: tuple[str, ...]) -> None:
            for pk, *values in rows:
                row = found.get(pk)
                if row is None:
                    row = found[pk] = _Evidence(counts={})
                row.counts.update(zip(names, values, strict=True))

        signals = {n: Count("pk", filter=Q(**{n: True})) for n in Assessment.SIGNALS}
        rows = list(
            self.assessments.filter(person__in=ids)
            .order_by()
            .values("person")
            .annotate(last=Max("assessed_on"), **signals)
            .values_list("person", "last", *Assessment.SIGNALS)
        )
        take([(pk, *seen) for pk, _, *seen in rows], Assessment.SIGNALS)
        for pk, last, *_signals in rows:
            found[pk].last_assessed = last
        kept = Count("pk", filter=Q(status=Commitment.Status.DONE))
        rows = (
            self.commitments.filter(person__in=ids)
            .order_by()
            .values("person")
            .annotate(made=Count("pk"), kept=kept)
        )
        take(rows.values_list("person", "made", "kept"), ("commitments_made", "commitments_kept"))
        take(_grouped(self.yeses.filter(person__in=ids), "person"), ("said_yes",))
        take(_grouped(self.attended.filter(person__in=ids), "person"), ("events_attended",))
        # Where they brought people is named when it was one event: then the max is that event.
        rows = (
            self.attended.filter(brought_by__in=ids)
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
        for pk, _count, events, one, title in rows:
            if events == 1:
                found[pk].brought_event, found[pk].brought_event_title = one, title
        ties: Counter = Counter()
        pairs = self.ties.filter(Q(person__in=ids) | Q(other__in=ids)).values_list(
            "person_id", "other_id"
        )
        for a, b in pairs:
            ties[a] += 1
            ties[b] += 1
        take([(pk, ties[pk]) for pk in ids if ties[pk]], ("ties",))
        levels, orientations = _newest_judgements(self.every.filter(person__in=ids))
        return found, levels, orientations


def _as_int(value):
    return Value(value) if isinstance(value, int) else value


def _order_sql(sources: _Sources, people: QuerySet, chosen: list[int] | None):
    """The ranking as SQL: each person's points summed over a UNION ALL of the evidence (one
    GROUP BY per kind, built by Django), joined to the people who may be ranked, listed when
    they have points or a level; with `score` (points + ties up to TIES_CAP) and `name` for
    the order. Hand-written around Django's parts because Django cannot join a subquery."""
    members, params = [], []
    for part in sources.parts():
        sql, part_params = part.query.sql_with_params()
        members.append(sql)
        params += part_params
    union = " UNION ALL ".join(members)
    # The people who may be ranked are the FROM itself (not an IN list): a hash join.
    people_sql, people_params = people.order_by().values("pk", "name").query.sql_with_params()
    chosen_sql = ""
    if chosen is not None:
        chosen_sql = " AND p.pk IN (%s)" % (", ".join(["%s"] * len(chosen)) or "NULL")
    # Every value is a parameter; only Django's compiled SQL and our constants are joined in.
    sql = (
        "SELECT p.pk AS pk, p.name AS name, "  # noqa: S608
        f"e.pts + CASE WHEN e.tie > {TIES_CAP} THEN {TIES_CAP} ELSE e.tie END * {WEIGHTS['ties']}"
        " AS score "
        f"FROM ({people_sql}) p INNER JOIN ("
        # The union's columns are named by its first member: person, pts, tie, lvl.
        "SELECT u.person AS pid, SUM(u.pts) AS pts, SUM(u.tie) AS tie, SUM(u.lvl) AS lvl "
        f"FROM ({union}) u GROUP BY u.person"
        ") e ON e.pid = p.pk "
        f"WHERE (e.pts > 0 OR e.lvl > 0){chosen_sql}"
    )
    return sql, [*people_params, *params, *(chosen or [])]


def _times(n: int) -> str:
    if n == 1:
        return _("once")
    if n == 2:
        return _("twice")
    return ngettext("%(count)d time", "%(count)d times", n) % {"count": n}


# How each leader signal reads in a reason.
SIGNAL_WORDS = {
    "offered_to_help": gettext_lazy("offered to help"),
    "named_neighbours": gettext_lazy("named neighbours to talk to"),
    "wants_to_host": gettext_lazy("offered to host"),
    "took_on_role": gettext_lazy("took on a role"),
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
        Reason(
            _("%(signal)s %(times)s")
            % {"signal": SIGNAL_WORDS[name], "times": _times(getattr(person, name))},
            path,
        )
        for name in Assessment.SIGNALS
        if getattr(person, name)
    ]
    if person.commitments_made:
        made = person.commitments_made
        words = ngettext(
            "kept %(kept)d of %(made)d commitment", "kept %(kept)d of %(made)d commitments", made
        ) % {"kept": person.commitments_kept, "made": made}
        found.append(Reason(words, f"{page}#commitments"))
    if person.events_attended:
        n = person.events_attended
        found.append(
            Reason(
                ngettext("came to %(count)d event", "came to %(count)d events", n) % {"count": n},
                page,
            )
        )
    if person.brought:
        n = person.brought
        if person.brought_events == 1:
            event = reverse("campaigns:event", args=[person.brought_event])
            words = ngettext(
                "brought %(count)d neighbour to %(event)s",
                "brought %(count)d neighbours to %(event)s",
                n,
            ) % {"count": n, "event": person.brought_event_title}
            found.append(Reason(words, event))
        else:
            words = ngettext(
                "brought %(count)d neighbour to %(events)d events",
                "brought %(count)d neighbours to %(events)d events",
                n,
            ) % {"count": n, "events": person.brought_events}
            found.append(Reason(words, page))
    if person.said_yes:
        found.append(
            Reason(
                _("said yes to a next step %(times)s") % {"times": _times(person.said_yes)},
                f"{page}#next-steps",
            )
        )
    if person.ties:
        found.append(
            Reason(
                ngettext("knows %(count)d neighbour", "knows %(count)d neighbours", person.ties)
                % {"count": person.ties},
                f"{page}#ties",
            )
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
