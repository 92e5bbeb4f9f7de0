"""The demo's third spaces, the places its people name at capture, and a small group meeting
at one (the data is in `places_to_meet.py`)."""

import random

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign
from heard.people.models import Place
from heard.smallgroups.models import GroupSeat, SmallGroup, SmallGroupPlan
from heard.spaces.models import Regular, ThirdSpace
from heard.spaces.services import save_space

from .places_to_meet import ASKED_SHARE, SMALL_GROUP, SPACES

SEATS = 6


def add_spaces(org, places: dict[str, Place], organizer: Membership) -> dict[str, ThirdSpace]:
    return {
        space.name: save_space(
            by=organizer,
            name=space.name,
            kind=space.kind,
            neighbourhood=places[space.hood],
            address=space.address,
            note=space.note,
            hub_of_helping=space.hub_of_helping,
        )
        for space in SPACES
    }


class SpacesNamed:
    """What a conversation's person answers to "where do you run into neighbours?": now and
    then one or two places of their own neighbourhood. Its own generator, so the rest of the
    demo draws the same numbers as before."""

    def __init__(self, rng: random.Random, spaces: dict[str, ThirdSpace]):
        self.rng = rng
        self.by_hood: dict[str, list[ThirdSpace]] = {}
        for space in spaces.values():
            self.by_hood.setdefault(space.neighbourhood.name, []).append(space)

    def of(self, hood: str) -> list[ThirdSpace]:
        near = self.by_hood.get(hood, [])
        if not near or self.rng.random() >= ASKED_SHARE:
            return []
        return self.rng.sample(near, k=min(len(near), self.rng.choice((1, 1, 2))))


def add_small_group(organizer: Membership, campaign: Campaign, spaces, log) -> None:
    """One small group of the place's regulars, meeting there (made by hand: the solver needs
    themes, which the worker finds after the demo is loaded)."""
    concern, name, reason = SMALL_GROUP
    space = spaces[name]
    regulars = Regular.objects.filter(
        space=space, person__participations__conversation__campaign=campaign
    ).order_by("person__name", "person_id")
    people = list(dict.fromkeys(regulars.values_list("person_id", flat=True)))[:SEATS]
    plan = SmallGroupPlan.objects.create(
        campaign=campaign, status=SmallGroupPlan.Status.GREEDY, size_min=4, size_max=SEATS
    )
    group = SmallGroup.objects.create(
        plan=plan,
        position=1,
        concern_title=concern,
        friend_member=organizer,
        reason=reason,
        space=space,
    )
    GroupSeat.objects.bulk_create(
        GroupSeat(plan=plan, group=group, person_id=person) for person in people
    )
    regulars = Regular.objects.filter(space__organization=organizer.organization).count()
    log(
        f"{len(spaces)} places where neighbours meet, {regulars} regulars; a small group at {name}."
    )
