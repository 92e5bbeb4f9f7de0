"""The kindliness lens of a campaign: who is behind each theme, place and side by their
orientation to kindness and what makes asking for help hard for them, and which activities reach
whom (JRF's "make kindness palatable": some neighbours never come to what is offered as help but
come to a meal or a game).

People, not conversations, are counted here: an orientation is a person's. Each person counts
with their newest noticed orientation and the barriers of their newest assessment that noticed
any (feelings about help change; the newest observation stands). Counts come from the people the
member may see, in a fixed number of queries whatever the campaign's size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Event, SignUp
from heard.conversations.models import Participant
from heard.conversations.queries import conversations_for
from heard.leadership.models import Assessment, Kindliness
from heard.people.models import Person
from heard.people.queries import people_for
from heard.spaces.models import Regular
from heard.spaces.queries import spaces_for
from heard.themes.queries import themes_for

from .divides import (
    KINDLINESS,
    LANGUAGE,
    NEIGHBOURHOOD,
    DivideChoice,
    every_person_side,
    latest_orientations,
)

NOT_NOTICED = ""
# The orientations in the order the bars show them, "not noticed" last.
ORIENTATIONS = [*Kindliness.values[1:], NOT_NOTICED]
# Activities a neighbour reached if they signed up or came (a no-show was not reached).
REACHED = (SignUp.Status.SIGNED_UP, SignUp.Status.ATTENDED)


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    count: int
    percent: float


@dataclass
class Mix:
    """The people of one row (a theme, a place, a side, an activity) by orientation and by what
    makes asking for help hard for them."""

    label: str
    people: int = 0
    orientations: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    barriers: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    finds_asking_hard: int = 0  # people with at least one barrier
    theme_id: int | None = None
    space_id: int | None = None

    def add(self, orientation: str, barriers: frozenset[str]) -> None:
        self.people += 1
        self.orientations[orientation] += 1
        for barrier in barriers:
            self.barriers[barrier] += 1
        self.finds_asking_hard += bool(barriers)

    @property
    def segments(self) -> list[Segment]:
        """The bar: each orientation's share of the row's people, in a fixed order."""
        labels = dict(Kindliness.choices)
        return [
            Segment(key or "unknown", labels[key], n, 100 * n / self.people)
            for key in ORIENTATIONS
            if (n := self.orientations.get(key, 0))
        ]

    @property
    def noticed_words(self) -> str:
        """The noticed orientations in words under the bar: "traditional 2 · rescuer 1"."""
        return " · ".join(
            f"{s.label.lower()} {s.count}" for s in self.segments if s.key != "unknown"
        )

    @property
    def noticed(self) -> int:
        return self.people - self.orientations.get(NOT_NOTICED, 0)

    @property
    def barrier_words(self) -> list[tuple[str, int]]:
        return [
            (BARRIER_WORDS[b], self.barriers[b]) for b in Assessment.BARRIERS if self.barriers[b]
        ]


BARRIER_WORDS = {
    "gave_without_return": gettext_lazy("gave without getting back"),
    "bitter_about_help": gettext_lazy("bitter about one-way help"),
    "wants_self_reliance": gettext_lazy("would rather manage alone"),
}


@dataclass
class Reach:
    """Who help-focused and not-help-focused activities reached, side by side."""

    help: Mix
    social: Mix
    organizing: Mix
    only_social_hard: int = 0  # find asking hard, reached by social activities and no help ones
    only_help: int = 0
    only_social: int = 0
    both: int = 0
    hard_unreached: int = 0  # find asking for help hard and came to none of the campaign's events
    events: dict[str, int] = field(default_factory=dict)  # focus -> number of events

    @property
    def rows(self) -> list[Mix]:
        return [m for m in (self.help, self.social, self.organizing) if m.people]


@dataclass
class KindlinessLens:
    campaign: Campaign
    people: int  # people in the campaign's conversations the member may see
    everyone: Mix
    themes: list[Mix]
    places: list[Mix]
    spaces: list[Mix]  # the third spaces the campaign's people go to; hubs of helping marked
    divides: list[tuple[DivideChoice, list[Mix]]]
    reach: Reach

    @property
    def legend(self) -> list[tuple[str, str]]:
        labels = dict(Kindliness.choices)
        return [(key or "unknown", labels[key]) for key in ORIENTATIONS]


def kindliness_lens(
    membership: Membership, campaign: Campaign, choices: list[DivideChoice]
) -> KindlinessLens:
    """The lens for one campaign, across the divides given (`divide_choices`): neighbourhood
    becomes the places table, kindliness itself is left out (it is what the bars show)."""
    seen = people_for(membership)
    conversations = conversations_for(membership).filter(campaign=campaign)
    participants = Participant.objects.filter(conversation__in=conversations, person__in=seen)
    rows = list(participants.values_list("person_id", "conversation__theme_assignment__theme_id"))
    in_campaign = {person for person, _ in rows}
    signups = SignUp.objects.filter(event__campaign=campaign, status__in=REACHED, person__in=seen)
    reached = list(signups.values_list("person_id", "event__focus"))
    # The judgements are read for these people by subquery, not by a list of their ids: a
    # city-wide campaign holds more people than SQLite takes parameters in one query.
    everyone = Person.objects.filter(
        Q(pk__in=participants.values("person_id")) | Q(pk__in=signups.values("person_id"))
    )
    orientation = latest_orientations(everyone.values("pk"))
    barriers = _newest_barriers(everyone.values("pk"))

    def judged(person: int) -> tuple[str, frozenset[str]]:
        return orientation.get(person, NOT_NOTICED), barriers.get(person, frozenset())

    all_mix = Mix(_("Everyone in the campaign's conversations"))
    for person in in_campaign:
        all_mix.add(*judged(person))

    themes = {t.pk: Mix(t.title, theme_id=t.pk) for t in themes_for(membership, campaign)}
    counted: set[tuple[int, int]] = set()
    for person, theme_id in rows:
        if theme_id in themes and (person, theme_id) not in counted:
            counted.add((person, theme_id))
            themes[theme_id].add(*judged(person))

    shown = [c for c in choices if c.key != KINDLINESS]
    sides_of = every_person_side(membership, shown)
    by_divide: list[tuple[DivideChoice, list[Mix]]] = []
    places: list[Mix] = []
    for choice in shown:
        mixes = {key: Mix(label) for key, label in choice.sides}
        for person in in_campaign:
            side = sides_of[choice.key].get(person)
            if side in mixes:
                mixes[side].add(*judged(person))
        found = [m for m in mixes.values() if m.people]
        if choice.key == NEIGHBOURHOOD:
            places = sorted(found, key=lambda m: (-m.people, m.label))
        elif choice.key != LANGUAGE or len(found) > 1:
            by_divide.append((choice, found))

    return KindlinessLens(
        campaign=campaign,
        people=len(in_campaign),
        everyone=all_mix,
        themes=sorted((m for m in themes.values() if m.people), key=lambda m: (-m.people, m.label)),
        places=places,
        spaces=_spaces(membership, participants.values("person_id"), judged),
        divides=by_divide,
        reach=_reach(campaign, reached, in_campaign, judged),
    )


def _spaces(membership: Membership, in_campaign, judged) -> list[Mix]:
    """Who goes to each third space, by orientation: where help-focused hubs and ordinary
    meeting places reach those who find asking for help hard. `in_campaign`: a subquery of the
    campaign's people."""
    mixes: dict[int, Mix] = {}
    rows = Regular.objects.filter(
        space__in=spaces_for(membership), person__in=in_campaign
    ).values_list("space_id", "space__name", "space__hub_of_helping", "person_id")
    for space_id, name, hub, person in rows:
        label = _("%(name)s (hub of helping)") % {"name": name} if hub else name
        mixes.setdefault(space_id, Mix(label, space_id=space_id)).add(*judged(person))
    return sorted(mixes.values(), key=lambda m: (-m.people, m.label))


def _reach(campaign: Campaign, reached, in_campaign: set[int], judged) -> Reach:
    focus_of: dict[int, set[str]] = defaultdict(set)
    for person, focus in reached:
        focus_of[person].add(focus)
    reach = Reach(
        help=Mix(_("Help-focused")),
        social=Mix(_("Not about help")),
        organizing=Mix(_("Organizing")),
        events=dict(
            Event.objects.filter(campaign=campaign)
            .values_list("focus")
            .annotate(n=Count("pk"))
            .values_list("focus", "n")
        ),
    )
    mixes = {
        Event.Focus.HELP: reach.help,
        Event.Focus.SOCIAL: reach.social,
        Event.Focus.ORGANIZING: reach.organizing,
    }
    for person, focuses in focus_of.items():
        orientation, barriers = judged(person)
        for focus in focuses:
            mixes[focus].add(orientation, barriers)
        went_help, went_social = Event.Focus.HELP in focuses, Event.Focus.SOCIAL in focuses
        reach.both += went_help and went_social
        reach.only_help += went_help and not went_social
        reach.only_social += went_social and not went_help
        reach.only_social_hard += bool(barriers) and went_social and not went_help
    reach.hard_unreached = sum(
        1 for person in in_campaign if judged(person)[1] and person not in focus_of
    )
    return reach


def _newest_barriers(people) -> dict[int, frozenset[str]]:
    """person id → the barriers of their newest assessment that noticed any."""
    any_barrier = Q()
    for name in Assessment.BARRIERS:
        any_barrier |= Q(**{name: True})
    rows = (
        Assessment.objects.filter(any_barrier, person__in=people)
        .order_by("person_id", "-assessed_on", "-id")
        .values_list("person_id", *Assessment.BARRIERS)
    )
    newest: dict[int, frozenset[str]] = {}
    for person_id, *flags in rows:
        if person_id not in newest:
            newest[person_id] = frozenset(
                name for name, on in zip(Assessment.BARRIERS, flags, strict=True) if on
            )
    return newest
