"""Who talks with whom, where and when: the calendar of the demo's conversations.

Plans are made in Python before anything is stored. Door-knocking happens in sessions
(mostly Saturdays) on each teammate's turf; tabling at the city's festivals and markets; small
groups gather a neighbourhood, a congregation, a school's parents or co-workers; one-to-ones
follow up the leaders noticed earlier.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from .city import HOODS_BY_KEY, TEAM, Teammate
from .residents import Resident

TEAM_BY_USERNAME = {t.username: t for t in TEAM}

MAIN = "main"
PAST = "past"
MAIN_WINDOW = (dt.date(2026, 4, 1), dt.date(2026, 10, 31))
PAST_WINDOW = (dt.date(2025, 6, 7), dt.date(2025, 8, 30))

# Fewer doors in the July heat, more once the campaign is rolling.
MONTH_WEIGHTS = {4: 0.8, 5: 1.2, 6: 1.1, 7: 0.6, 8: 1.0, 9: 1.2, 10: 1.0}
DAY_WEIGHTS = {5: 3.0, 6: 0.8, 1: 1.0, 3: 1.0}  # Saturday, Sunday, Tuesday, Thursday evenings

TABLINGS = (
    (MAIN, dt.date(2026, 4, 25), "downtown", "the Farmers Market", ("organizer", "admin")),
    (MAIN, dt.date(2026, 5, 3), "la_loma", "the Cinco de Mayo festival", ("voluntaria", "luis")),
    (MAIN, dt.date(2026, 5, 23), "downtown", "the Farmers Market", ("jamal", "admin")),
    (MAIN, dt.date(2026, 6, 4), "mill_row", "the Hollis plant gate", ("ray", "organizer")),
    (MAIN, dt.date(2026, 6, 20), "eastgate", "the Juneteenth festival at Carver Park",
     ("volunteer", "organizer", "jamal")),
    (MAIN, dt.date(2026, 7, 11), "la_loma", "the laundromat on Alder", ("voluntaria",)),
    (MAIN, dt.date(2026, 7, 18), "downtown", "the public library", ("admin", "jamal")),
    (MAIN, dt.date(2026, 8, 1), "cedar_grove", "the Back-to-School Bash",
     ("kim", "organizer")),
    (MAIN, dt.date(2026, 8, 22), "eastgate", "the Kroger on 45", ("volunteer",)),
    (MAIN, dt.date(2026, 9, 13), "la_loma", "the St. Brigid's fiesta", ("voluntaria", "luis")),
    (MAIN, dt.date(2026, 9, 19), "oak_hill", "the Oak Hill yard sale", ("earl",)),
    (MAIN, dt.date(2026, 10, 10), "pine_haven", "the Pine Haven fall cookout",
     ("becky", "luis")),
    (MAIN, dt.date(2026, 10, 17), "downtown", "the Farmers Market",
     ("admin", "jamal", "volunteer")),
    (PAST, dt.date(2025, 6, 21), "eastgate", "the Juneteenth festival at Carver Park",
     ("organizer", "volunteer")),
    (PAST, dt.date(2025, 8, 9), "la_loma", "the laundromat on Alder", ("voluntaria",)),
)  # fmt: skip

PAST_DOORS = {"organizer": 7, "volunteer": 12, "voluntaria": 10, "earl": 7}


@dataclass(eq=False)
class Plan:
    campaign: str
    venue: str
    held_on: dt.date
    author: Teammate
    people: list[Resident]
    place: str
    where: str = ""
    order: int = 0
    extra: dict = field(default_factory=dict)


def make_plans(rng: random.Random, residents: list[Resident]) -> list[Plan]:
    plans: list[Plan] = []
    plans += _doors(rng, residents, PAST, PAST_WINDOW, PAST_DOORS)
    plans += _tabling(rng, residents, PAST)
    main_doors = {t.username: t.doors for t in TEAM if t.doors}
    plans += _doors(rng, residents, MAIN, MAIN_WINDOW, main_doors)
    plans += _tabling(rng, residents, MAIN)
    plans += _groups(rng, residents)
    plans += _one_to_ones(rng, plans)
    plans += _others(rng, plans)
    plans.sort(key=lambda p: (p.held_on, p.order))
    return plans


def _days(rng: random.Random, start: dt.date, end: dt.date) -> list[dt.date]:
    """Candidate canvass days, weighted and shuffled: take them in order."""
    days = []
    day = start
    while day <= end:
        weight = DAY_WEIGHTS.get(day.weekday(), 0) * MONTH_WEIGHTS.get(day.month, 1.0)
        if weight:
            # Weighted shuffle: sort by a random key raised to 1/weight.
            days.append((rng.random() ** (1 / weight), day))
        day += dt.timedelta(days=1)
    return [d for _, d in sorted(days, reverse=True)]


def _doors(rng, residents, campaign, window, counts) -> list[Plan]:
    plans = []
    knocked: set[int] = set()
    for username, doors in counts.items():
        teammate = TEAM_BY_USERNAME[username]
        start = max(window[0], dt.date(window[0].year, *teammate.starts))
        if campaign == PAST:
            start = window[0]
        primary = [r for r in residents if r.home.place in teammate.turf]
        secondary = [
            r
            for r in residents
            if r.hood.key in teammate.hoods and r.home.place not in teammate.turf
        ]
        if not primary:
            primary, secondary = secondary, []
        days = _days(rng, start, window[1])
        # Everyone's first outing is the first Saturday they can make.
        first_saturday = start + dt.timedelta(days=(5 - start.weekday()) % 7)
        days.remove(first_saturday)
        days.insert(0, first_saturday)
        while doors > 0 and days:
            day = days.pop(0)
            for _ in range(min(rng.randint(2, 6), doors)):
                pool = primary if rng.random() < 0.85 else secondary or primary
                fresh = [r for r in pool if r.index not in knocked]
                if not fresh:
                    fresh = [r for r in primary + secondary if r.index not in knocked]
                if not fresh:
                    break
                person = rng.choice(fresh)
                knocked.add(person.index)
                people = [person]
                housemates = [m for m in person.home.members if m.index not in knocked]
                if housemates and rng.random() < 0.12:
                    people.append(housemates[0])
                    knocked.add(housemates[0].index)
                plans.append(
                    Plan(
                        campaign, "door", day, teammate, people, person.home.place, order=len(plans)
                    )  # fmt: skip
                )
                doors -= 1
    return plans


def _tabling(rng, residents, campaign) -> list[Plan]:
    plans = []
    met: set[int] = set()
    for when, day, hood_key, where, usernames in TABLINGS:
        if when != campaign:
            continue
        hood = HOODS_BY_KEY[hood_key]
        local = [r for r in residents if r.hood is hood]
        for username in usernames:
            for _ in range(rng.randint(2, 4)):
                pool = local if rng.random() < 0.8 and hood_key != "downtown" else residents
                fresh = [r for r in pool if r.index not in met] or pool
                person = rng.choice(fresh)
                met.add(person.index)
                plans.append(
                    Plan(
                        campaign,
                        "tabling",
                        day,
                        TEAM_BY_USERNAME[username],
                        [person],
                        hood.name,
                        where=where,
                        order=1000 + len(plans),
                    )  # fmt: skip
                )
    return plans


def _groups(rng, residents) -> list[Plan]:
    """Small groups of 3 to 6: a neighbourhood's, a congregation's, a school's, a workplace's."""
    sources: list[tuple[str, list[Resident], str]] = []
    for hood_key in HOODS_BY_KEY:
        for _ in range(4):
            members = [r for r in residents if r.hood.key == hood_key]
            sources.append(("hood", members, hood_key))
    for attribute, count in (("church", 6), ("school", 3), ("workplace", 3)):
        names = sorted({getattr(r, attribute) for r in residents if getattr(r, attribute)})
        for _ in range(count):
            name = rng.choice(names)
            members = [r for r in residents if getattr(r, attribute) == name]
            sources.append((attribute, members, name))
    plans = []
    start, end = dt.date(2026, 5, 2), MAIN_WINDOW[1]
    span = (end - start).days
    for kind, members, label in sources:
        if len(members) < 3:
            continue
        people = rng.sample(members, min(len(members), rng.randint(3, 6)))
        leaders = [r for r in people if r.leader]
        host = leaders[0] if leaders else people[0]
        people.remove(host)
        people.insert(0, host)
        spanish_room = sum(r.lang == "es" for r in people) * 2 >= len(people)
        if host.hood.key in ("la_loma", "pine_haven") and (spanish_room or rng.random() < 0.5):
            author = TEAM_BY_USERNAME["luis"]
        elif kind == "hood" and rng.random() < 0.35:
            author = next(t for t in TEAM if t.doors and host.hood.key == t.hoods[0])
        else:
            author = TEAM_BY_USERNAME["organizer"]
        day = start + dt.timedelta(days=rng.randrange(span))
        if day.weekday() < 5 and rng.random() < 0.6:
            day += dt.timedelta(days=5 - day.weekday())
        day = min(day, end)
        plans.append(
            Plan(
                MAIN,
                "small_group",
                day,
                author,
                people,
                host.home.place,
                order=2000 + len(plans),
                extra={"source": kind, "label": label},
            )  # fmt: skip
        )
    return plans


def _first_contacts(plans: list[Plan], campaign: str) -> dict[int, Plan]:
    first: dict[int, Plan] = {}
    for plan in sorted(plans, key=lambda p: (p.held_on, p.order)):
        if plan.campaign != campaign:
            continue
        for person in plan.people:
            first.setdefault(person.index, plan)
    return first


def _one_to_ones(rng, plans) -> list[Plan]:
    """Leaders noticed in a first conversation get a scheduled one-to-one a few weeks later."""
    first = _first_contacts(plans, MAIN)
    people = {p.index: p for plan in plans for p in plan.people}
    result = []
    for index in sorted(first, key=lambda i: (first[i].held_on, first[i].order, i)):
        person, met = people[index], first[index]
        if not person.leader:
            continue
        day = met.held_on + dt.timedelta(days=rng.randint(6, 30))
        if day > MAIN_WINDOW[1]:
            continue
        if person.lang == "es" or person.hood.key == "la_loma":
            author = TEAM_BY_USERNAME["luis"]
        elif met.author.role == "volunteer" and rng.random() < 0.25:
            author = met.author
        else:
            author = TEAM_BY_USERNAME["organizer"]
        result.append(
            Plan(
                MAIN,
                "one_to_one",
                day,
                author,
                [person],
                person.home.place,
                order=3000 + len(result),
            )  # fmt: skip
        )
        later = day + dt.timedelta(days=rng.randint(21, 45))
        if rng.random() < 0.15 and later <= MAIN_WINDOW[1]:
            result.append(
                Plan(
                    MAIN,
                    "one_to_one",
                    later,
                    author,
                    [person],
                    person.home.place,
                    order=3000 + len(result),
                )  # fmt: skip
            )
    return result


def _others(rng, plans) -> list[Plan]:
    """A phone call back, a chat at the laundromat: conversations outside the usual venues."""
    first = _first_contacts(plans, MAIN)
    people = {p.index: p for plan in plans for p in plan.people}
    candidates = sorted(first)
    result = []
    for index in rng.sample(candidates, 12):
        met = first[index]
        day = met.held_on + dt.timedelta(days=rng.randint(3, 40))
        if day > MAIN_WINDOW[1]:
            continue
        person = people[index]
        result.append(
            Plan(
                MAIN,
                "other",
                day,
                met.author,
                [person],
                person.home.place,
                order=4000 + len(result),
            )  # fmt: skip
        )
    return result


def first_authors(plans: list[Plan]) -> dict[int, Teammate]:
    """Who first talked with each person, in either campaign: they added the person."""
    authors: dict[int, Teammate] = {}
    for plan in plans:
        for person in plan.people:
            authors.setdefault(person.index, plan.author)
    return authors
