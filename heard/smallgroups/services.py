"""Writes for small groups: form (or re-form) a plan's groups, lock two people together or apart,
mark a critical friend. Staff only; each verb is one transaction."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign
from heard.people.models import Person
from heard.spaces.models import ThirdSpace

from . import solver
from .models import CriticalFriend, GroupSeat, Lock, Pool, SmallGroup, SmallGroupPlan
from .queries import VENUE, solver_input
from .reasons import group_reason, no_friend_yet

SIZE_LIMITS = (2, 20)


def plurals() -> dict[str, tuple[str, str]]:
    """What to call one and several values of a counted attribute, keyed as the attributes are
    named in the reader's language (the divides' names are translated when they are read)."""
    return {
        _("Neighbourhood"): (_("neighbourhood"), _("neighbourhoods")),
        _("Language"): (_("language"), _("languages")),
        VENUE: (_("venue"), _("venues")),
    }


def _staff(by: Membership) -> None:
    if not by.is_staff_role:
        raise PermissionDenied


def check_sizes(size_min: int, size_max: int) -> None:
    low, high = SIZE_LIMITS
    if not (low <= size_min <= size_max <= high):
        raise ValidationError(
            {
                "size_max": _("Sizes run from %(low)d to %(high)d, the smallest first.")
                % {"low": low, "high": high}
            }
        )


def form_groups(
    *,
    by: Membership,
    campaign: Campaign,
    pool: str = Pool.SAID_YES,
    size_min: int = 6,
    size_max: int = 8,
    plan: SmallGroupPlan | None = None,
    time_limit: int = 10,
) -> SmallGroupPlan:
    """Solve the pool into groups and store them; given a plan, solve it again with its locks
    (its pool and sizes unless new ones are given) and replace its groups."""
    _staff(by)
    if campaign.organization_id != by.organization_id:
        raise PermissionDenied
    if pool not in Pool.values:
        raise ValidationError({"pool": _("Choose one of the pools offered.")})
    check_sizes(size_min, size_max)
    data = solver_input(by, campaign, pool)
    locks = []
    if plan is not None:
        locks = [
            solver.Lock(lock.person_a_id, lock.person_b_id, lock.together)
            for lock in plan.locks.all()
        ]
    # Solved outside the transaction: ten seconds of CPU need no rows held.
    answer = solver.solve(
        data.people,
        size_min,
        size_max,
        locks=locks,
        friends=data.friends,
        time_limit=time_limit,
    )
    people = {p.id: p for p in data.people}
    attributes = solver.attribute_names(data.people)
    with transaction.atomic():
        if plan is None:
            plan = SmallGroupPlan(campaign=campaign)
        else:
            plan = SmallGroupPlan.objects.select_for_update().get(pk=plan.pk)
            plan.groups.all().delete()
        plan.pool, plan.size_min, plan.size_max, plan.time_limit = (
            pool,
            size_min,
            size_max,
            time_limit,
        )
        plan.status = answer.status
        plan.objective, plan.bound, plan.gap = answer.objective, answer.bound, answer.gap
        plan.mix, plan.mix_ceiling = answer.mix, answer.mix_ceiling
        plan.pool_size, plan.left_out = len(data.people), len(answer.left_out)
        plan.seconds = answer.seconds
        plan.solved_at, plan.solved_by = timezone.now(), by.user
        plan.save()
        seats = []
        for position, found in enumerate(answer.groups, start=1):
            values = solver.describe(found, people, attributes)
            labelled = {
                a: _labelled(counts, data.value_labels.get(a, {})) for a, counts in values.items()
            }
            kind, _sep, key = (found.friend or "").partition(":")
            group = SmallGroup.objects.create(
                plan=plan,
                position=position,
                concern_id=found.concern,
                concern_title=data.theme_titles.get(found.concern, "")[:200],
                friend_person_id=int(key) if kind == "person" else None,
                friend_member_id=int(key) if kind == "member" else None,
                # no friend's name in the stored words: erasing a person leaves none behind
                reason=group_reason(
                    data.theme_titles.get(found.concern, ""), labelled, None, plurals()
                ).removesuffix("; " + no_friend_yet()),
                mix=found.mix,
            )
            seats += [GroupSeat(plan=plan, group=group, person_id=p) for p in found.members]
        GroupSeat.objects.bulk_create(seats)
    return plan


def _labelled(counts: Counter, labels: dict[str, str]) -> Counter:
    named: Counter = Counter()
    for value, n in counts.items():
        named[labels.get(value, value)] += n
    return named


@transaction.atomic
def lock_people(
    *, by: Membership, plan: SmallGroupPlan, person_a: Person, person_b: Person, together: bool
) -> Lock:
    """Keep two people together or apart in every later solve of the plan (a new lock on the
    same two replaces the old one)."""
    _staff(by)
    if plan.campaign.organization_id != by.organization_id:
        raise PermissionDenied
    if person_a.organization_id != by.organization_id or (
        person_b.organization_id != by.organization_id
    ):
        raise PermissionDenied
    if person_a.pk == person_b.pk:
        raise ValidationError({"person_b": _("Choose two different people.")})
    a, b = sorted([person_a.pk, person_b.pk])
    lock, _created = Lock.objects.update_or_create(
        plan=plan,
        person_a_id=a,
        person_b_id=b,
        defaults={"together": together, "created_by": by.user},
    )
    return lock


@transaction.atomic
def unlock(*, by: Membership, lock: Lock) -> None:
    _staff(by)
    if lock.plan.campaign.organization_id != by.organization_id:
        raise PermissionDenied
    lock.delete()


@transaction.atomic
def mark_critical_friend(
    *, by: Membership, person: Person | None = None, member: Membership | None = None
) -> CriticalFriend:
    """Someone willing to be a group's critical friend: a person or a member, of our own."""
    _staff(by)
    if (person is None) == (member is None):
        raise ValidationError(_("Mark a person or a member."))
    owner = person.organization_id if person else member.organization_id
    if owner != by.organization_id:
        raise PermissionDenied
    friend, _created = CriticalFriend.objects.get_or_create(
        organization=by.organization,
        person=person,
        member=member,
        defaults={"marked_by": by.user},
    )
    return friend


@transaction.atomic
def unmark_critical_friend(*, by: Membership, friend: CriticalFriend) -> None:
    _staff(by)
    if friend.organization_id != by.organization_id:
        raise PermissionDenied
    friend.delete()


def meet_at(*, by: Membership, group: SmallGroup, space: ThirdSpace | None) -> SmallGroup:
    """Where a small group meets: one of the organization's third spaces, or nowhere yet."""
    _staff(by)
    ours = {group.plan.campaign.organization_id}
    if space is not None:
        ours.add(space.organization_id)
    if ours != {by.organization_id}:
        raise PermissionDenied
    with transaction.atomic():
        group.space = space
        group.save(update_fields=["space"])
    return group
