"""Reads for small groups, each through the asker's membership.

The rule: small groups gather people from the whole campaign, beyond any volunteer's turf, and
name them beside each other; so plans, groups, locks and critical friends are staff's only. A
volunteer gets 403 from every page (the views) and nothing from these helpers; another
organization's plan is 404.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, SignUp
from heard.common_ground.divides import divide_choices, every_person_side
from heard.conversations.models import Participant, Response, Venue
from heard.leadership.models import Assessment
from heard.leadership.queries import emerging_leaders
from heard.people.models import Person
from heard.people.queries import people_for
from heard.themes.models import ThemeAssignment
from heard.themes.queries import themes_for

from .models import CriticalFriend, GroupSeat, Lock, Pool, SmallGroup, SmallGroupPlan
from .solver import FriendCandidate, PoolPerson

VENUE = "Venue"
SUGGESTED_FRIENDS = 5  # emerging leaders offered as critical friends beside those marked


def plans_for(membership: Membership, campaign: Campaign) -> QuerySet[SmallGroupPlan]:
    if not membership.is_staff_role:
        return SmallGroupPlan.objects.none()
    return (
        SmallGroupPlan.objects.filter(
            campaign=campaign, campaign__organization=membership.organization
        )
        .annotate(group_count=Count("groups"))
        .order_by("-created_at", "-id")
    )


def get_plan_for(membership: Membership, pk) -> SmallGroupPlan:
    plans = SmallGroupPlan.objects.filter(campaign__organization=membership.organization)
    if not membership.is_staff_role:
        plans = plans.none()
    return get_object_or_404(plans.select_related("campaign"), pk=pk)


def groups_of(plan: SmallGroupPlan) -> list[SmallGroup]:
    """The plan's groups with their seated people, in two queries plus one for the friends."""
    groups = list(
        plan.groups.select_related(
            "concern", "friend_person", "friend_member__user", "space"
        ).order_by("position")
    )
    seats = defaultdict(list)
    for seat in (
        GroupSeat.objects.filter(plan=plan)
        .select_related("person")
        .order_by("person__name", "person_id")
    ):
        seats[seat.group_id].append(seat.person)
    for group in groups:
        group.people = seats[group.pk]
    return groups


@dataclass
class Invitation:
    person: Person
    group: SmallGroup
    others: list[str]  # the other members' first names, then the friend's


def invitations_of(groups: list[SmallGroup]) -> list[Invitation]:
    """One card per seated person (groups from `groups_of`): first names only, no contact."""
    cards = []
    for group in groups:
        for person in group.people:
            others = [p.name.split()[0] for p in group.people if p.pk != person.pk and p.name]
            cards.append(Invitation(person, group, others))
    return cards


def locks_of(plan: SmallGroupPlan) -> QuerySet[Lock]:
    return plan.locks.select_related("person_a", "person_b").order_by("id")


def lockable_people(membership: Membership, plan: SmallGroupPlan) -> QuerySet[Person]:
    """The people a lock may name: those the plan's groups seat."""
    return people_for(membership).filter(pk__in=plan.seats.values("person")).order_by("name")


def friends_for(membership: Membership) -> QuerySet[CriticalFriend]:
    if not membership.is_staff_role:
        return CriticalFriend.objects.none()
    return (
        CriticalFriend.objects.filter(organization=membership.organization)
        .select_related("person", "member__user")
        .order_by("id")
    )


def pool_people(membership: Membership, campaign: Campaign, pool: str) -> QuerySet[Person]:
    """The people a plan may seat: of the campaign's conversations, those who said yes to a next
    step, came to one of its events, or everyone."""
    if not membership.is_staff_role:
        return Person.objects.none()
    if pool == Pool.SAID_YES:
        # One filter call, so the yes is said in a conversation of this campaign.
        people = people_for(membership).filter(
            participations__conversation__campaign=campaign,
            participations__conversation__next_step_response=Response.YES,
        )
    else:
        people = people_for(membership).filter(participations__conversation__campaign=campaign)
    if pool == Pool.ATTENDED:
        attended = SignUp.objects.filter(
            event__campaign=campaign, status=SignUp.Status.ATTENDED
        ).values("person")
        people = people.filter(pk__in=attended)
    return people.distinct()


@dataclass
class SolverInput:
    people: list[PoolPerson]
    friends: list[FriendCandidate]
    names: dict[int, Person]  # person id → the person, for reasons and pages
    theme_titles: dict[int, str]
    value_labels: dict[str, dict[str, str]]  # attribute → value key → what it is called
    friend_names: dict[str, str]
    suggested: list[Person]  # emerging leaders offered as friends, not yet marked


def solver_input(membership: Membership, campaign: Campaign, pool: str) -> SolverInput:
    """Everything the solver needs about a pool, read in a fixed number of queries."""
    people = {p.pk: p for p in pool_people(membership, campaign, pool).select_related("place")}
    themes = {t.pk: t.title for t in themes_for(membership, campaign)}
    concerns: dict[int, set[int]] = defaultdict(set)
    venues: dict[int, str] = {}
    rows = (
        Participant.objects.filter(person__in=list(people), conversation__campaign=campaign)
        .order_by("conversation__held_on", "conversation_id")
        .values_list("person_id", "conversation_id", "conversation__venue")
    )
    conversation_people = defaultdict(list)
    for person_id, conversation_id, venue in rows:
        conversation_people[conversation_id].append(person_id)
        venues[person_id] = venue  # their latest conversation's venue
    placed = ThemeAssignment.objects.filter(
        conversation__in=list(conversation_people), theme__in=list(themes)
    ).values_list("conversation_id", "theme_id")
    for conversation_id, theme_id in placed:
        for person_id in conversation_people[conversation_id]:
            concerns[person_id].add(theme_id)

    choices = divide_choices(membership)
    sides = every_person_side(membership, choices)
    value_labels = {c.name: dict(c.sides) for c in choices}
    value_labels[VENUE] = dict(Venue.choices)
    anchors = set(
        Participant.objects.filter(
            person__in=list(people),
            conversation__campaign=campaign,
            conversation__next_step_response=Response.YES,
        ).values_list("person_id", flat=True)
    )
    signals = Q()
    for signal in Assessment.SIGNALS:
        signals |= Q(**{signal: True})
    anchors |= set(
        Assessment.objects.filter(signals, person__in=list(people)).values_list(
            "person_id", flat=True
        )
    )
    pool_people_ = [
        PoolPerson(
            pk,
            frozenset(concerns[pk]),
            {
                **{c.name: sides.get(c.key, {}).get(pk) for c in choices},
                VENUE: venues.get(pk),
            },
            anchor=pk in anchors,
        )
        for pk in sorted(people)
    ]

    marked = list(friends_for(membership))
    marked_people = {f.person_id for f in marked if f.person_id}
    friend_concerns = _concerns_of(campaign, marked_people, themes)
    friends = [
        FriendCandidate(f.key, frozenset(friend_concerns.get(f.person_id, ())), f.person_id)
        for f in marked
    ]
    friend_names = {f.key: f.name for f in marked}
    suggested = suggested_friends(membership, campaign, marked_people)
    suggested_concerns = _concerns_of(campaign, {p.pk for p in suggested}, themes)
    for person in suggested:
        key = f"person:{person.pk}"
        friends.append(
            FriendCandidate(key, frozenset(suggested_concerns.get(person.pk, ())), person.pk)
        )
        friend_names[key] = person.name
    return SolverInput(
        people=pool_people_,
        friends=friends,
        names=people,
        theme_titles=themes,
        value_labels=value_labels,
        friend_names=friend_names,
        suggested=suggested,
    )


def suggested_friends(
    membership: Membership, campaign: Campaign, marked: set[int] | None = None
) -> list[Person]:
    """The campaign's strongest emerging leaders not yet marked willing: offered as critical
    friends (a leader already shows the organization's ways) until someone marks them."""
    if marked is None:
        marked = set(
            friends_for(membership).filter(person__isnull=False).values_list("person", flat=True)
        )
    leaders = emerging_leaders(membership, campaign=campaign)[: SUGGESTED_FRIENDS + len(marked)]
    return [p for p in leaders if p.pk not in marked][:SUGGESTED_FRIENDS]


def _concerns_of(campaign: Campaign, person_ids: set[int], themes: dict[int, str]) -> dict:
    found: dict[int, set[int]] = defaultdict(set)
    rows = ThemeAssignment.objects.filter(
        conversation__campaign=campaign,
        conversation__participants__person__in=person_ids,
        theme__in=list(themes),
    ).values_list("conversation__participants__person", "theme_id")
    for person_id, theme_id in rows:
        if person_id in person_ids:
            found[person_id].add(theme_id)
    return found


def groups_for(membership: Membership) -> QuerySet[SmallGroup]:
    """Every small group of the organization (staff only), for choosing where one meets."""
    if not membership.is_staff_role:
        return SmallGroup.objects.none()
    return (
        SmallGroup.objects.filter(plan__campaign__organization=membership.organization)
        .select_related("plan__campaign", "space")
        .order_by("-plan__created_at", "plan_id", "position")
    )
