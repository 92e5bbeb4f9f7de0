"""`heard demo-scale --conversations N`: the demo organization grown to N conversations, for
benchmarks and for anyone who wants to see Heard at the size of a city-wide campaign.

Each new conversation copies one of the demo's own (`growing.py`), so the demo logins see a
big version of the same organization: the same campaigns, teammates, turfs, themes. People grow
at one new neighbour for every five conversations, a core of them met again and again (the
proportions of `benchmarks/pages_at_scale/build.py`); a tenth of a place's people are its core,
and a third of the people in a conversation come from it.

Rows are written with `bulk_create`, a batch of whole conversations per transaction: a run
stopped half-way leaves whole conversations, and the next run goes on from there. It writes what
`record_conversation` writes (participants, new people with their consent answers and household,
answers, quotes, leader signals, commitments, places where neighbours meet, ties) and what the
app derives after it: the folded names (`Person.objects.bulk_create` keeps them), each note's
theme (the theme of the note its words come from, in the campaign's current themes) and the
themes' sizes. What it leaves out, on purpose: audit events (generated rows are nobody's act, as
for `load_demo`) and cached note vectors (no sentence encoder runs; a re-run of a campaign's
themes embeds the grown notes then).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from heard.accounts.models import Organization
from heard.campaigns.models import Campaign, Event, SignUp
from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Participant, Quote, Response
from heard.leadership.models import Assessment
from heard.people.consent import refusing
from heard.people.models import Consent, Household, Person, Place, Relationship
from heard.spaces.models import Regular
from heard.themes.models import ThemeAssignment
from heard.themes.notes import notes_for_conversations
from heard.themes.writes import _recount, copy_where_and_when

from . import growing
from .builder import AS_OF, NEXT_STEP_EVENT_KINDS, SEED, DemoError, demo_organization
from .growing import Template, Words

BATCH = 2000
#: One new neighbour for every five conversations (20,000 people for 100,000 conversations).
NEW_PEOPLE_PER_CONVERSATION = 0.2
#: A place's core (regulars met often) is a tenth of its people...
CORE_SHARE = 0.1
#: ...and a third of the people in a conversation come from it.
FROM_THE_CORE = 0.35
#: One more event (a meeting, a training held again) for every this many conversations.
CONVERSATIONS_PER_EVENT = 120
TIE_KINDS = {"neighbour": 4, "friend": 3, "congregation": 2, "school": 1, "coworker": 1}

Log = Callable[[str], None]


@dataclass
class Grown:
    added: int
    total: int
    seconds: float
    rows: Counter = field(default_factory=Counter)


def grow_demo(
    *, conversations: int, batch_size: int = BATCH, seed: int = SEED, log: Log = print
) -> Grown:
    """Grow the demo organization to `conversations` conversations in all (never shrinks it:
    a run asking for no more than there are adds nothing)."""
    started = time.monotonic()
    org = demo_organization()
    if org is None:
        raise DemoError("There is no demo organization to grow.")
    ids = list(Conversation.objects.filter(organization=org).values_list("pk", flat=True))
    indices = [i for i in map(growing.grown_index, ids) if i is not None]
    need = conversations - len(ids)
    if need <= 0:
        log(f"The demo already has {len(ids):,} conversations: nothing to add.")
        return Grown(added=0, total=len(ids), seconds=time.monotonic() - started)
    templates = growing.load_templates(org)
    if not templates:
        raise DemoError("The demo's conversations have no themes yet: run `heard run` once.")
    town = Town.load(org, templates)
    grower = Grower(org, templates, town, seed)
    log(
        f"Growing {org.name} from {len(ids):,} to {conversations:,} conversations "
        f"({len(templates)} of the demo's conversations as templates)…"
    )
    first = max(indices, default=-1) + 1
    rows: Counter = Counter()
    for start in range(0, need, batch_size):
        count = min(batch_size, need - start)
        with transaction.atomic():
            rows += grower.batch(range(first + start, first + start + count))
        done = start + count
        rate = done / max(time.monotonic() - started, 1e-6)
        log(f"  {len(ids) + done:,} conversations ({done:,} new, {rate:,.0f} a second)")
    if connection.vendor == "postgresql":
        # Fresh statistics for the planner, as autovacuum would gather them by the next day.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    seconds = time.monotonic() - started
    log(
        f"Added {need:,} conversations in {seconds:.0f} s: "
        + ", ".join(f"{n:,} {what}" for what, n in rows.items())
        + "."
    )
    return Grown(added=need, total=len(ids) + need, seconds=seconds, rows=rows)


class Town:
    """The organization's people a new conversation may meet, by place, in memory. Each person
    is one `Person` object (a bare one for those already stored), so sets of who-is-where work
    by identity before and after the new ones are stored."""

    def __init__(self) -> None:
        self.places: dict[int, str] = {}
        self.people: dict[int, list[Person]] = {}
        self.core: dict[int, list[Person]] = {}
        self.households: dict[int, list[tuple[Household, str]]] = {}
        self.members: dict[int, list[Person]] = {}  # id(household) -> people
        self.regulars: set[tuple[int, int]] = set()  # (id(person), space id)
        self.signups: set[tuple[int, int]] = set()  # (id(event), id(person))
        self.taken: Counter = Counter()  # id(event) -> sign-ups
        # Per campaign and kind, (starts at, order added, event) sorted: the order added breaks
        # ties between events at the same hour, the same on every run.
        self.events: dict[tuple[int, str], list[tuple[dt.datetime, int, Event]]] = {}
        self.added_events = 0
        self.numbers = 0

    @classmethod
    def load(cls, org: Organization, templates: list[Template]) -> Town:
        town = cls()
        town.places = dict(Place.objects.filter(organization=org).values_list("pk", "name"))
        households = {
            pk: Household(pk=pk)
            for pk in Household.objects.filter(organization=org).values_list("pk", flat=True)
        }
        rows = Household.objects.filter(organization=org).order_by("pk")
        for pk, name, place_id in rows.values_list("pk", "name", "place_id"):
            if place_id is not None:
                town.households.setdefault(place_id, []).append(
                    (households[pk], growing.surname_of(name))
                )
        # Someone who said no to notes is not met again here: a conversation of only such
        # people keeps no notes, and the grown ones all have notes and a theme.
        refused = set(refusing(Consent.Topic.RECORDS).values_list("pk", flat=True))
        by_pk: dict[int, Person] = {}
        people = Person.objects.filter(organization=org).order_by("pk")
        for pk, place_id, household_id in people.values_list("pk", "place_id", "household_id"):
            if pk in refused or place_id is None:
                continue
            person = by_pk[pk] = Person(pk=pk, place_id=place_id)
            town._settle(person, place_id)
            if household_id is not None:
                town.members.setdefault(id(households[household_id]), []).append(person)
        for person_id, space_id in Regular.objects.filter(space__organization=org).values_list(
            "person_id", "space_id"
        ):
            if person_id in by_pk:
                town.regulars.add((id(by_pk[person_id]), space_id))
        events = {e.pk: e for e in Event.objects.filter(organization=org).order_by("pk")}
        for event in events.values():
            town._add_event(event)
        for event_id, person_id in SignUp.objects.filter(event__organization=org).values_list(
            "event_id", "person_id"
        ):
            town.taken[id(events[event_id])] += 1
            if person_id in by_pk:
                town.signups.add((id(events[event_id]), id(by_pk[person_id])))
        town.numbers = Person.objects.filter(organization=org).count()
        return town

    def _settle(self, person: Person, place_id: int) -> None:
        """One more person of the place; every tenth, in the order they were stored, is of its
        core (so a run that goes on from an earlier one finds the same core)."""
        people = self.people.setdefault(place_id, [])
        if len(people) % round(1 / CORE_SHARE) == 0:
            self.core.setdefault(place_id, []).append(person)
        people.append(person)

    def _add_event(self, event: Event) -> None:
        if event.campaign_id is None:
            return
        key = (event.campaign_id, event.kind)
        self.added_events += 1
        bisect.insort(self.events.setdefault(key, []), (event.starts_at, self.added_events, event))

    def event_after(self, campaign_id: int, kinds, day: dt.date) -> Event | None:
        """The first event of these kinds in the campaign within six weeks after `day` with a
        place left."""
        after = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        until = after + dt.timedelta(days=42)
        found = []
        for kind in kinds:
            calendar = self.events.get((campaign_id, kind), [])
            at = bisect.bisect_left(calendar, (after, 0))
            for starts_at, _key, event in calendar[at:]:
                if starts_at > until:
                    break
                if not event.capacity or self.taken[id(event)] < event.capacity:
                    found.append((starts_at, event))
                    break
        return min(found, key=lambda pair: pair[0])[1] if found else None


class Grower:
    """Makes the rows of a batch of new conversations, from their templates, and stores them."""

    def __init__(self, org: Organization, templates: list[Template], town: Town, seed: int):
        self.org, self.templates, self.town, self.seed = org, templates, town, seed
        self.words = Words(templates)
        self.campaigns = {c.pk: c for c in Campaign.objects.filter(organization=org)}
        self.events_of = {}
        for event in Event.objects.filter(organization=org).order_by("starts_at", "pk"):
            self.events_of.setdefault(event.campaign_id, []).append(event)
        # Promises are about a place ("a house meeting on Tanner Rd"): traded only within one.
        self.promisers: dict[int | None, list[Template]] = {}
        for t in templates:
            if t.promises:
                self.promisers.setdefault(t.place_id, []).append(t)
        people = sum(t.people for t in templates) / len(templates)
        self.new_share = min(1.0, NEW_PEOPLE_PER_CONVERSATION / people)
        self.today = timezone.localdate()

    def batch(self, indices: range) -> Counter:
        self.rows: dict[str, list] = {}
        self.theme_of: dict = {}
        for index in indices:
            self.conversation(index, random.Random(self.seed * 1_000_003 + index))
        return self.store()

    def add(self, kind: str, row) -> None:
        self.rows.setdefault(kind, []).append(row)

    def conversation(self, index: int, rng: random.Random) -> None:
        template = rng.choice(self.templates)
        campaign = self.campaigns[template.campaign_id]
        day = growing.held_on(rng, template, campaign, self.today)
        place_id = template.place_id
        conversation = Conversation(
            id=growing.grown_id(index),
            organization=self.org,
            campaign_id=campaign.pk,
            venue=template.venue,
            held_on=day,
            language=template.language,
            place_id=place_id,
            held_by_id=template.held_by_id,
            next_step=template.next_step,
            next_step_response=template.next_step_response,
        )
        self.add("conversations", conversation)
        meet_in = place_id if place_id in self.town.people else rng.choice(list(self.town.people))
        people: list[Person] = []
        for _ in range(template.people):
            person = self.someone(rng, meet_in, template, day)
            if person not in people:
                people.append(person)
        for person in people:
            self.add("participants", Participant(conversation=conversation, person=person))
        for qid, text in self.words.answers(rng, template).items():
            self.add("answers", Answer(conversation=conversation, question_id=qid, text=text))
        for at, text, consent, language in template.quotes:
            self.add(
                "quotes",
                Quote(
                    conversation=conversation,
                    person=people[min(at, len(people) - 1)],
                    text=self.words.quote(rng, template, text),
                    consent=consent,
                    language=language,
                ),
            )
        for at, signals in template.signals:
            self.add(
                "assessments",
                Assessment(
                    person=people[min(at, len(people) - 1)],
                    conversation=conversation,
                    assessed_by_id=template.held_by_id,
                    assessed_on=day,
                    **signals,
                ),
            )
        promiser = template
        if template.promises and rng.random() < 0.5:
            promiser = rng.choice(self.promisers[template.place_id])
        for side, what, hours, days in promiser.promises:
            self.add(
                "commitments", self.promise(rng, conversation, people[0], side, what, hours, days)
            )
        for at, space_id, how in template.regulars:
            person = people[min(at, len(people) - 1)]
            if (id(person), space_id) not in self.town.regulars:
                self.town.regulars.add((id(person), space_id))
                self.add(
                    "regulars",
                    Regular(
                        person=person,
                        space_id=space_id,
                        how=how,
                        conversation=conversation,
                        recorded_by_id=template.held_by_id,
                        recorded_on=day,
                    ),
                )
        self.theme_of[conversation.pk] = template
        if rng.random() < 1 / CONVERSATIONS_PER_EVENT:
            self.event_again(rng, campaign, day)
        if template.next_step_response == Response.YES:
            for person in people[: 1 if rng.random() < 0.7 else 2]:
                self.sign_up(rng, campaign, template.next_step, day, person)

    def someone(self, rng: random.Random, place_id: int, template: Template, day) -> Person:
        """Someone met again, often from the place's core, or a new neighbour."""
        roll = rng.random()
        if roll >= self.new_share:
            core = self.town.core.get(place_id)
            if core and rng.random() < FROM_THE_CORE:
                return rng.choice(core)
            return rng.choice(self.town.people[place_id])
        return self.newcomer(rng, place_id, template, day)

    def newcomer(self, rng: random.Random, place_id: int, template: Template, day) -> Person:
        town = self.town
        town.numbers += 1
        place_name = town.places[place_id]
        spanish = template.language == "es"
        homes = town.households.get(place_id, [])
        roll = rng.random()
        home, surname, joined = None, "", False
        if homes and roll < 0.4:
            home, surname = rng.choice(homes)
            joined = True
        said = growing.neighbour(rng, place_name, town.numbers, surname=surname, spanish=spanish)
        if not joined and roll < 0.75:
            name, address = growing.household(rng, place_name, said.last)
            home = Household(organization=self.org, name=name, address=address, place_id=place_id)
            self.add("households", home)
            homes.append((home, said.last))
            town.households[place_id] = homes
        person = Person(
            organization=self.org,
            name=said.name,
            phone=said.phone,
            email=said.email,
            language=said.language,
            place_id=place_id,
            household=home,
            added_by_id=template.held_by_id,
        )
        self.add("people", person)
        # What they said at the door about notes and being contacted again, as `add_person`
        # records it: yes to notes (see Town.load), and to contact most of the time.
        for topic, granted in (
            (Consent.Topic.RECORDS, True),
            (Consent.Topic.CONTACT, bool(said.phone or said.email) and rng.random() < 0.92),
        ):
            self.add(
                "consents",
                Consent(
                    person=person, topic=topic, granted=granted, recorded_by_id=template.held_by_id
                ),
            )
        if joined and town.members.get(id(home)):
            kin = rng.choice(town.members[id(home)])
            self.add(
                "ties", Relationship(organization=self.org, person=person, other=kin, kind="family")
            )
        neighbours = town.people.get(place_id)
        if neighbours and rng.random() < 0.5:
            kind = growing.weighted(rng, TIE_KINDS)
            other = rng.choice(neighbours)
            self.add(
                "ties", Relationship(organization=self.org, person=person, other=other, kind=kind)
            )
        if home is not None:
            town.members.setdefault(id(home), []).append(person)
        town._settle(person, place_id)
        return person

    def promise(self, rng, conversation, person, side, what, hours, days) -> Commitment:
        due_on = conversation.held_on + dt.timedelta(days=days)
        status = Commitment.Status.OPEN
        if due_on < AS_OF:
            # As the demo closes its own (builder._finish_commitments).
            roll = rng.random()
            if roll < 0.65:
                status = Commitment.Status.DONE
            elif roll < 0.78:
                status = Commitment.Status.DROPPED
        return Commitment(
            organization=self.org,
            conversation=conversation,
            person=person,
            side=side,
            owner_id=conversation.held_by_id if side == Commitment.Side.ORGANIZER else None,
            what=what,
            hours=hours,
            due_on=due_on,
            status=status,
        )

    def event_again(self, rng: random.Random, campaign: Campaign, day: dt.date) -> None:
        """A meeting of the campaign held again a week to a month later, where it was held."""
        models = self.events_of.get(campaign.pk)
        if not models:
            return
        model = rng.choice(models)
        on = min(day + dt.timedelta(days=rng.randint(7, 30)), AS_OF)
        event = Event(
            organization=self.org,
            campaign=campaign,
            kind=model.kind,
            title=model.title,
            starts_at=dt.datetime.combine(on, model.starts_at.timetz()),
            location=model.location,
            description=model.description,
            capacity=model.capacity,
            focus=model.focus,
            space_id=model.space_id,
        )
        self.add("events", event)
        self.town._add_event(event)

    def sign_up(self, rng, campaign: Campaign, next_step: str, day, person: Person) -> None:
        kinds = NEXT_STEP_EVENT_KINDS.get(next_step)
        event = kinds and self.town.event_after(campaign.pk, kinds, day)
        if not event or (id(event), id(person)) in self.town.signups:
            return
        self.town.signups.add((id(event), id(person)))
        self.town.taken[id(event)] += 1
        status = SignUp.Status.SIGNED_UP
        if event.starts_at.date() < AS_OF:
            status = SignUp.Status.ATTENDED if rng.random() < 0.78 else SignUp.Status.NO_SHOW
        self.add("sign-ups", SignUp(event=event, person=person, status=status))

    def store(self) -> Counter:
        """Everything of the batch, parents first, then each note's theme and the sizes."""
        order = [
            (Household, "households"),
            (Person, "people"),
            (Consent, "consents"),
            (Relationship, "ties"),
            (Conversation, "conversations"),
            (Participant, "participants"),
            (Answer, "answers"),
            (Quote, "quotes"),
            (Assessment, "assessments"),
            (Commitment, "commitments"),
            (Regular, "regulars"),
            (Event, "events"),
            (SignUp, "sign-ups"),
        ]
        counts: Counter = Counter()
        for model, kind in order:
            rows = self.rows.get(kind, [])
            if rows:
                model.objects.bulk_create(rows, batch_size=1000)
                counts[kind] += len(rows)
        counts["theme assignments"] += self.place_in_themes()
        return counts

    def place_in_themes(self) -> int:
        """Each new note goes where its words come from: the template's theme (or among the
        unclear), in its campaign's current themes; the sizes are counted again."""
        notes = notes_for_conversations(list(self.theme_of))
        rows, touched = [], {}
        for note in notes:
            template = self.theme_of[note.conversation_id]
            rows.append(
                ThemeAssignment(
                    conversation_id=note.conversation_id,
                    campaign_id=template.campaign_id,
                    theme_id=template.theme_id,
                    subtheme_id=template.subtheme_id,
                    score=template.score,
                    note_sha256=note.sha256,
                )
            )
            themes = touched.setdefault(template.campaign_id, set())
            themes.update(t for t in (template.theme_id, template.subtheme_id) if t is not None)
        copy_where_and_when(rows)
        ThemeAssignment.objects.bulk_create(rows, batch_size=1000)
        for campaign_id, theme_ids in touched.items():
            _recount(Campaign(pk=campaign_id), sorted(theme_ids))
        return len(rows)
