"""The demo's kindliness lens: what makes asking for help hard for some neighbours, and which of
the calendar's gatherings are about help and which are not (JRF's "make kindness palatable").

A random stream of its own (from the demo's seed) decides who finds asking hard, whether a
volunteer noticed it, and how that shapes who came to what, so that the rest of the demo is
the same with or without it. The story it tells is the report's: neighbours who would rather
manage alone stay away from what is offered as help, and come to a cookout.
"""

from __future__ import annotations

import datetime as dt
import random

from heard.campaigns.models import Event, SignUp

from .residents import KINDLINESS_WEIGHTS, weighted

# What each gathering of the calendar is for, by title; the rest are organizing.
EVENT_FOCUS = {
    "Tenant rights clinic": Event.Focus.HELP,
    "Know Your Rights / Conozca sus derechos": Event.Focus.HELP,
    "Summer cookout at Carver Park": Event.Focus.SOCIAL,
}

# Who finds asking for help hard: a share of neighbours, fewer of the leaders; rescuers most
# (the report: resistance to vulnerability, expressed through helping others).
FINDS_ASKING_HARD = {"leader": 0.06, "neighbour": 0.17, "rescuer": 0.3}
# Given that someone does, how often each barrier is behind it (more than one may be).
BARRIER_ODDS = {"wants_self_reliance": 0.6, "gave_without_return": 0.4, "bitter_about_help": 0.3}
# Neighbours who are not leaders and whose orientation to kindness shows at all.
ORIENTATION_SHOWS = 0.45
# How often a volunteer notices how someone relates to help, by where they met.
NOTICED_AT = {"one_to_one": 0.85, "small_group": 0.4, "door": 0.3, "tabling": 0.15}
# Of the sign-ups of those who find asking hard: the share of help-focused ones they keep, and
# the chance they came to a gathering not about help held after we first met them.
KEEPS_HELP = 0.25
COMES_TO_SOCIAL = 0.55


class Kindness:
    def __init__(self, seed: int, residents) -> None:
        self.rng = random.Random(seed * 7919 + 17)
        self.barriers: dict[int, frozenset[str]] = {}
        self.orientations: dict[int, str] = {}
        for resident in residents:
            if resident.kindliness:
                self.orientations[resident.index] = resident.kindliness
            elif self.rng.random() < ORIENTATION_SHOWS:
                self.orientations[resident.index] = weighted(self.rng, KINDLINESS_WEIGHTS)
            key = "rescuer" if resident.kindliness == "rescuer" else (
                "leader" if resident.leader else "neighbour"
            )  # fmt: skip
            if self.rng.random() >= FINDS_ASKING_HARD[key]:
                continue
            found = {b for b, odds in BARRIER_ODDS.items() if self.rng.random() < odds}
            self.barriers[resident.index] = frozenset(found or {"wants_self_reliance"})

    def noticed(self, venue: str, resident) -> tuple[str, frozenset[str]]:
        """The orientation and barriers a volunteer noticed in this conversation (nothing,
        most of the time)."""
        orientation = self.orientations.get(resident.index, "")
        barriers = self.barriers.get(resident.index, frozenset())
        if (orientation or barriers) and self.rng.random() < NOTICED_AT.get(venue, 0.1):
            return orientation, barriers
        return "", frozenset()

    def shape_turnout(self, signups: dict, events, residents, met: dict[int, dt.date], as_of):
        """Those who find asking hard mostly skip what is offered as help, and some come to a
        meal or a game instead. `signups` is the builder's {(event id, person id): status}."""
        by_person = {r.person.pk: r for r in residents if r.index in self.barriers}
        focus = {e.pk: e.focus for e in events}
        for key in list(signups):
            event_id, person_id = key
            helped = person_id in by_person and focus[event_id] == Event.Focus.HELP
            if helped and self.rng.random() >= KEEPS_HELP:
                del signups[key]
        for event in events:
            day = event.starts_at.date()
            if event.focus != Event.Focus.SOCIAL or day >= as_of:
                continue
            for person_id, resident in by_person.items():
                first = met.get(resident.index)
                if first and first < day and self.rng.random() < COMES_TO_SOCIAL:
                    signups.setdefault((event.pk, person_id), SignUp.Status.ATTENDED)
