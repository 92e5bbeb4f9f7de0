"""Build the demo organization: Riverside Neighbors United listening to Millbrook.

One `random.Random(seed)` drives everything, and nothing depends on the clock, so two runs into
two fresh databases give the same people, notes and dates. Conversations are written through
`record_conversation`, the same service the web form uses; people, households and ties are
stored in bulk for speed.

    load_demo(replace=False, log=print)   # what `heard load_demo` calls
"""

import datetime as dt
import random
import time
import uuid
import zoneinfo
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction

from heard.accounts.models import Membership, Organization
from heard.campaigns.models import Campaign, Event, GuideQuestion, QuestionWording, SignUp
from heard.commitments.models import Commitment
from heard.conversations.models import Conversation
from heard.conversations.services import (
    ConversationRecord,
    HeardQuote,
    LeaderSignals,
    Promise,
    record_conversation,
)
from heard.leadership.queries import emerging_leaders
from heard.leadership.services import ScaleLevel, record_assessment, save_scale
from heard.people.models import Consent, Household, Person, Place, Relationship
from heard.people.services import forget_notes_of

from . import DEMO_PASSWORD, fieldnotes
from .campaign import (
    EVENT_ISSUES,
    EVENTS,
    LANGUAGES,
    MAIN_GUIDE,
    MAIN_GUIDE_ES,
    PAST_GUIDE,
    PAST_GUIDE_ES,
    TRAINING_TEXT,
)
from .city import CITY, HOODS, ORGANIZATION_NAME, ORGANIZATION_SLUG, TEAM
from .divides import add_divides
from .entered_twice import SECOND_ENTRIES
from .kindness import EVENT_FOCUS, Kindness
from .leadership import NOTES as ASSESSMENT_NOTES
from .leadership import SCALE
from .notes import Scene, Writer
from .plans import MAIN, Plan, first_authors, make_plans
from .residents import Resident, make_residents, make_ties
from .third_spaces import SpacesNamed, add_small_group, add_spaces
from .votes import add_poll

SEED = 20260401
# Events before this day have happened (attended / no-show); later ones still take sign-ups.
AS_OF = dt.date(2026, 11, 15)
TZ = zoneinfo.ZoneInfo("America/Chicago")

NEXT_STEP_EVENT_KINDS = {
    "training": ("training",),
    "house_meeting": ("house_meeting",),
    "action": ("action",),
    "event": ("meeting", "other"),
}


class DemoError(Exception):
    """The demo cannot be loaded as asked (already there, or a login name is taken)."""


def demo_organization() -> Organization | None:
    return Organization.objects.filter(slug=ORGANIZATION_SLUG).first()


def load_demo(*, replace: bool = False, seed: int = SEED, log: Callable[[str], None] = print):
    """Load the demo organization; refuse if it exists, unless `replace` deletes it first."""
    if demo_organization() is not None:
        if not replace:
            raise DemoError(
                f"The demo organization “{ORGANIZATION_NAME}” is already loaded. "
                "Run `heard load_demo --replace` to delete it and load it again."
            )
        log("Deleting the existing demo organization…")
        delete_demo()
    taken = get_user_model().objects.filter(username__in=[t.username for t in TEAM])
    if taken.exists():
        names = ", ".join(sorted(taken.values_list("username", flat=True)))
        raise DemoError(f"These logins already exist and belong to someone else: {names}.")
    return build_demo(seed=seed, log=log)


def delete_demo() -> None:
    """Delete the demo organization, its conversations and its logins."""
    org = demo_organization()
    if org is None:
        return
    with transaction.atomic():
        user_ids = list(org.memberships.values_list("user_id", flat=True))
        # Conversations protect their campaign and their author: they go first.
        Conversation.objects.filter(organization=org).delete()
        org.delete()
        get_user_model().objects.filter(pk__in=user_ids).delete()


def build_demo(*, seed: int = SEED, log: Callable[[str], None] = print) -> Organization:
    started = time.monotonic()
    rng = random.Random(seed)
    writer = Writer(rng)
    residents = make_residents(rng)
    plans = make_plans(rng, residents)
    ties = make_ties(rng, residents)
    with transaction.atomic():
        org = Organization.objects.create(name=ORGANIZATION_NAME, slug=ORGANIZATION_SLUG)
        places = _places(org)
        team = _team(org, places)
        log(f"{ORGANIZATION_NAME} in {CITY}: {len(places)} places, {len(team)} logins.")
        campaigns = _campaigns(org)
        _people(org, residents, places, team, plans)
        _entered_twice(org, residents, team)
        _ties(org, ties)
        households = len({r.home for r in residents})
        log(f"{len(residents)} people in {households} households, {len(ties)} relationships.")
        spaces = add_spaces(org, places, team["organizer"])
        events = _events(org, campaigns, spaces)
        builder = Builder(rng, writer, org, places, team, campaigns, events, residents)
        builder.kindness = Kindness(seed, residents)
        builder.spaces_named = SpacesNamed(random.Random(seed + 17), spaces)
        builder.record(plans, log)
        _finish_commitments(rng, org)
        _consents(rng, residents, plans, team)
        _brought(seed, org, residents, log)
        _leadership(seed, team, log)
        sides = add_divides(seed, team["organizer"], residents)
        log(f"Two divides of the organization's own, {sides} people's sides on them.")
        add_poll(seed, team, log)
        add_small_group(team["organizer"], campaigns[MAIN][0], spaces, log)
    log(f"Demo loaded in {time.monotonic() - started:.1f} s.")
    return org


def _places(org: Organization) -> dict[str, Place]:
    places = {}
    for hood in HOODS:
        places[hood.name] = Place.objects.create(organization=org, name=hood.name)
    for hood in HOODS:
        for turf in hood.turfs:
            places[turf] = Place.objects.create(
                organization=org, name=turf, kind=Place.Kind.TURF, parent=places[hood.name]
            )
    return places


def _team(org: Organization, places: dict[str, Place]) -> dict[str, Membership]:
    User = get_user_model()
    # Argon2 is slow on purpose: hash the demo password once for every demo login.
    hashed = make_password(DEMO_PASSWORD)
    team = {}
    for teammate in TEAM:
        user = User(
            username=teammate.username,
            first_name=teammate.first_name,
            last_name=teammate.last_name,
            email=f"{teammate.first_name.lower()}@riverside-neighbors.example.org",
            # No demo login is staff: the organization's administrator manages its members on
            # the Members page; Django's admin is for the server's operator alone.
        )
        user.password = hashed
        user.save()
        # "voluntaria" sees Heard in Spanish from her first sign-in; the others, their browser's.
        membership = Membership.objects.create(
            user=user, organization=org, role=teammate.role, language=teammate.language
        )
        if teammate.role == "volunteer":
            membership.turf.set([places[name] for name in teammate.turf])
        team[teammate.username] = membership
    return team


def _campaigns(org: Organization) -> dict[str, tuple[Campaign, dict[str, int]]]:
    main = Campaign.objects.create(
        organization=org,
        name="Listening to Millbrook",
        description=(
            "Seven months of deep-listening conversations across Millbrook's neighborhoods: at "
            "the door, at festival tables, one-to-one and in small groups. We listen for the "
            "problems people face, why they care, what they hope for and where neighbors who "
            "rarely talk share common ground, and we invite them to act together."
        ),
        starts_on=dt.date(2026, 4, 1),
        ends_on=dt.date(2026, 10, 31),
        is_active=True,
        languages=list(LANGUAGES),
    )
    past = Campaign.objects.create(
        organization=org,
        name="Summer Listening 2025",
        description="Our first round of door-knocking in Eastgate, La Loma and Oak Hill.",
        starts_on=dt.date(2025, 6, 1),
        ends_on=dt.date(2025, 8, 31),
        is_active=False,
        languages=list(LANGUAGES),
    )
    result = {}
    guides = ((MAIN, main, MAIN_GUIDE, MAIN_GUIDE_ES), ("past", past, PAST_GUIDE, PAST_GUIDE_ES))
    for key, campaign, guide, in_spanish in guides:
        questions = GuideQuestion.objects.bulk_create(
            GuideQuestion(
                campaign=campaign, position=i, prompt=prompt, help_text=help_text, purpose=purpose
            )
            for i, (purpose, prompt, help_text) in enumerate(guide, start=1)
        )
        QuestionWording.objects.bulk_create(
            QuestionWording(question=q, language="es", prompt=prompt, help_text=help_text)
            for q in questions
            if q.purpose in in_spanish
            for prompt, help_text in [in_spanish[q.purpose]]
        )
        result[key] = (campaign, {q.purpose: q.pk for q in questions})
    return result


def _people(org, residents: list[Resident], places, team, plans: list[Plan]) -> None:
    added_by = first_authors(plans)
    homes = list(dict.fromkeys(r.home for r in residents))
    households = Household.objects.bulk_create(
        Household(organization=org, name=home.name, address=home.address, place=places[home.place])
        for home in homes
    )
    for home, household in zip(homes, households, strict=True):
        home.household = household
    people = Person.objects.bulk_create(
        Person(
            organization=org,
            name=r.name,
            phone=r.phone,
            email=r.email,
            language=r.lang,
            place=places[r.home.place],
            household=r.home.household,
            added_by=team[added_by[r.index].username].user if r.index in added_by else None,
        )
        for r in residents
    )
    for resident, person in zip(residents, people, strict=True):
        resident.person = person


def _entered_twice(org, residents: list[Resident], team) -> None:
    """A few neighbours written down a second time at a sign-in table (`entered_twice.py`)."""
    by_name = {r.name: r for r in residents}
    volunteer = next(m for m in team.values() if m.role == "volunteer")
    for name, written in SECOND_ENTRIES:
        first = by_name[name].person
        digits = "".join(c for c in first.phone if c.isdigit())
        phone = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" if len(digits) == 10 else first.phone
        Person.objects.create(
            organization=org, name=written, phone=phone, place=first.place, added_by=volunteer.user
        )


def _ties(org, ties) -> None:
    Relationship.objects.bulk_create(
        Relationship(organization=org, person=a.person, other=b.person, kind=kind, note=note)
        for a, b, kind, note in ties
    )


def _events(org, campaigns, spaces) -> list[Event]:
    events = []
    for kind, title, words, palabras, when, location, hood, capacity, campaign in EVENTS:
        event = Event(
            organization=org,
            campaign=campaigns[campaign][0],
            kind=kind,
            title=title,
            starts_at=dt.datetime(*when, tzinfo=TZ),
            location=f"{location}, {CITY}",
            description=TRAINING_TEXT if kind == "training" else "",
            capacity=capacity,
            focus=EVENT_FOCUS.get(title, Event.Focus.ORGANIZING),
            # Held at a place of the registry when its location starts with the place's name.
            space=next((s for name, s in spaces.items() if location.startswith(name)), None),
        )
        event.words, event.palabras, event.hood = words, palabras, hood
        events.append(event)
    Event.objects.bulk_create(events)
    return events


class Builder:
    """Turns each plan into a conversation record, in date order, and stores it."""

    def __init__(self, rng, writer, org, places, team, campaigns, events, residents):
        self.rng, self.writer, self.org = rng, writer, org
        self.places, self.team, self.campaigns, self.events = places, team, campaigns, events
        self.assessed: set[int] = set()
        self.signups: dict[tuple[int, int], str] = {}
        self.residents = residents
        self.kindness: Kindness | None = None  # what makes asking for help hard, if anything
        self.spaces_named: SpacesNamed | None = None
        self.hood_leaders: dict[str, list[Resident]] = {}
        for r in residents:
            if r.leader:
                self.hood_leaders.setdefault(r.hood.key, []).append(r)

    def record(self, plans: list[Plan], log) -> None:
        venues: Counter[str] = Counter()
        for done, plan in enumerate(plans, start=1):
            record = self.conversation(plan)
            record_conversation(by=self.team[plan.author.username], record=record)
            venues[plan.venue] += 1
            if done % 100 == 0:
                log(f"  {done} conversations…")
        summary = ", ".join(f"{venues[v]} {v.replace('_', ' ')}" for v in sorted(venues))
        log(f"{len(plans)} conversations: {summary}.")
        self.turnout(plans)
        if self.kindness is not None:
            self.kindness.shape_turnout(self.signups, self.events, self.residents, self.met, AS_OF)
        events = {e.pk: e for e in self.events}
        SignUp.objects.bulk_create(
            SignUp(event=events[event_id], person_id=person_id, status=status)
            for (event_id, person_id), status in self.signups.items()
        )
        log(f"{len(self.events)} events, {len(self.signups)} sign-ups.")

    def conversation(self, plan: Plan) -> ConversationRecord:
        rng = self.rng
        campaign, questions = self.campaigns[plan.campaign]
        speaker = plan.people[0]
        author = plan.author
        spanish_room = sum(p.lang == "es" for p in plan.people) * 2 > len(plan.people)
        spanish = author.spanish and spanish_room and rng.random() < 0.85
        signals, kindliness = self.signals(plan)
        next_step, response, event = self.next_step(plan)
        host = self.host_for(plan, signals)
        # Luis follows up in La Loma and with Spanish speakers, as the one-to-one plans do.
        luis = speaker.lang == "es" or speaker.hood.key == "la_loma"
        organizer = "Luis" if luis else "Denise"
        words = {"house_meeting": f"house meeting at {host}'s", "one_to_one": "1:1"}
        if event is not None and response in ("yes", "maybe"):
            self.sign_up(event, plan, response)
        scene = Scene(
            venue=plan.venue,
            held_on=plan.held_on,
            author=author,
            speaker=speaker.speaker,
            others=[p.speaker for p in plan.people[1:]],
            spanish=spanish,
            where=plan.where,
            signals=tuple(
                s
                for s in ("offered_to_help", "named_neighbors", "wants_to_host", "took_on_role")
                if signals.get(s)
            ),  # fmt: skip
            kindliness=kindliness,
            next_step=next_step,
            response=response if next_step else "not_asked",
            event=event.words if event else words.get(next_step, ""),
            event_es=event.palabras if event else self.event_es(next_step, host),
            event_date=event.starts_at.date() if event else None,
            names=self.names(speaker, spanish) if signals.get("named_neighbors") else "",
            source=plan.extra.get("source", ""),
            host=host,
            organizer=organizer,
        )
        answers = self.writer.answers(scene, list(questions))
        quotes = self.quotes(plan, scene)
        noticed_orientation, barriers = self.noticed(plan)
        return ConversationRecord(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            campaign=campaign,
            venue=plan.venue,
            held_on=plan.held_on,
            # Held in Spanish where the notes were written in it.
            language="es" if spanish else "en",
            place=self.places[plan.place],
            people=[p.person for p in plan.people],
            answers={questions[purpose]: text for purpose, text in answers.items()},
            quotes=quotes,
            next_step=next_step,
            next_step_response=response if next_step else "not_asked",
            signals=LeaderSignals(
                offered_to_help=signals.get("offered_to_help", False),
                named_neighbours=signals.get("named_neighbors", False),
                wants_to_host=signals.get("wants_to_host", False),
                took_on_role=signals.get("took_on_role", False),
                kindliness=kindliness or noticed_orientation,
                **dict.fromkeys(barriers, True),
            ),
            promises=self.promises(plan, scene) if plan.venue == "one_to_one" else [],
            spaces=self.spaces_named.of(speaker.hood.name) if self.spaces_named else [],
        )

    def signals(self, plan: Plan) -> tuple[dict[str, bool], str]:
        """Leader signals, seen in the first person of the conversation (a group's host)."""
        rng, person = self.rng, plan.people[0]
        signals: dict[str, bool] = {}
        if person.leader:
            first_time = person.index not in self.assessed
            if plan.venue == "one_to_one":
                signals = {
                    "took_on_role": rng.random() < 0.6,
                    "offered_to_help": rng.random() < 0.5,
                    "named_neighbors": rng.random() < 0.5,
                    "wants_to_host": rng.random() < 0.3,
                }
            elif plan.venue == "small_group":
                signals = {"wants_to_host": True, "named_neighbors": rng.random() < 0.4}
            elif first_time or rng.random() < 0.3:
                signals = {
                    "offered_to_help": rng.random() < 0.55,
                    "named_neighbors": rng.random() < 0.55,
                    "wants_to_host": rng.random() < 0.3,
                }
            if signals and not any(signals.values()):
                signals["offered_to_help"] = True
        elif plan.venue in ("door", "tabling") and rng.random() < 0.04:
            signals = {"offered_to_help": True}
        kindliness = ""
        if signals and person.kindliness and (plan.venue == "one_to_one" or rng.random() < 0.5):
            kindliness = person.kindliness
        if any(signals.values()) or kindliness:
            self.assessed.add(person.index)
        return signals, kindliness

    def noticed(self, plan: Plan) -> tuple[str, frozenset[str]]:
        """How the first person relates to help, as far as the volunteer noticed it."""
        if self.kindness is None:
            return "", frozenset()
        return self.kindness.noticed(plan.venue, plan.people[0])

    def next_step(self, plan: Plan) -> tuple[str, str, Event | None]:
        """The invitation at the end, chosen among what is actually on the calendar."""
        rng, person = self.rng, plan.people[0]
        asked = {"door": 0.62, "tabling": 0.7, "one_to_one": 1.0, "small_group": 0.9}
        if rng.random() > (0.95 if person.leader else asked.get(plan.venue, 0.5)):
            return "", "not_asked", None
        kinds = {
            "door": {"event": 30, "house_meeting": 25, "training": 12, "one_to_one": 18,
                     "action": 15},
            "tabling": {"event": 40, "training": 25, "house_meeting": 15, "action": 20},
            "one_to_one": {"training": 35, "house_meeting": 30, "action": 35},
            "small_group": {"action": 40, "event": 25, "house_meeting": 20, "training": 15},
        }.get(plan.venue, {"event": 1, "training": 1, "one_to_one": 1})  # fmt: skip
        options: dict[str, tuple[int, Event | None]] = {}
        for kind, weight in kinds.items():
            event = self.event_for(kind, plan)
            if event is not None or kind in ("house_meeting", "one_to_one"):
                options[kind] = (weight, event)
        if not options:
            options["house_meeting"] = (1, None)
        kind = rng.choices(list(options), [weight for weight, _ in options.values()])[0]
        odds = (65, 25, 10) if person.leader else (30, 38, 32)
        return kind, rng.choices(("yes", "maybe", "no"), odds)[0], options[kind][1]

    def event_for(self, next_step: str, plan: Plan) -> Event | None:
        kinds = NEXT_STEP_EVENT_KINDS.get(next_step)
        if not kinds:
            return None
        person = plan.people[0]
        hood = person.hood.key
        soon = plan.held_on + dt.timedelta(days=75)
        upcoming = [
            e for e in self.events if e.kind in kinds and plan.held_on < e.starts_at.date() <= soon
        ]
        # Mostly their own neighbourhood's meetings or city-wide ones; sometimes another
        # neighbourhood's, about an issue they raised.
        local = [e for e in upcoming if e.hood in (hood, "")]
        relevant = [e for e in upcoming if EVENT_ISSUES.get(e.title) in person.issues]
        if next_step == "house_meeting" or (local and self.rng.random() < 0.8):
            upcoming = local
        else:
            upcoming = relevant or local
        if person.lang != "es":
            upcoming = [e for e in upcoming if "Spanish" not in e.words]
        return upcoming[0] if upcoming else None

    def event_es(self, next_step: str, host: str) -> str:
        if next_step == "one_to_one":
            return "plática uno a uno con Luis"
        return f"junta en casa de {host}"

    def host_for(self, plan: Plan, signals: dict[str, bool]) -> str:
        person = plan.people[0]
        if signals.get("wants_to_host") or plan.venue == "small_group":
            return person.first
        leaders = [r for r in self.hood_leaders.get(person.hood.key, []) if r is not person]
        return self.rng.choice(leaders).first if leaders else person.first

    def names(self, person: Resident, spanish: bool) -> str:
        """The neighbours a person named: real ties of theirs, by first name or family."""
        ties = list(dict.fromkeys(o for o, kind in person.ties if kind != "family"))
        ties = [o for o in ties if o.first != person.first]
        chosen = self.rng.sample(ties, min(len(ties), self.rng.randint(1, 3)))
        if not chosen:
            return ""
        labels: list[str] = []
        for other in chosen:
            if len(other.home.members) > 1 and self.rng.random() < 0.3:
                family = other.home.surname
                if spanish:
                    label = f"los {family}"
                elif family.endswith(("s", "z", "x")):
                    label = f"the {family} family"
                else:
                    label = f"the {family}s"
            else:
                label = other.first
            if label not in labels:
                labels.append(label)
        if len(labels) == 1:
            return labels[0]
        return ", ".join(labels[:-1]) + (" y " if spanish else " and ") + labels[-1]

    def sign_up(self, event: Event, plan: Plan, response: str) -> None:
        rng = self.rng
        people = plan.people if plan.venue == "small_group" else plan.people[:1]
        for person in people:
            if response == "maybe" and rng.random() > 0.35:
                continue
            self.add_signup(event, person, 0.78 if response == "yes" else 0.5)

    def add_signup(self, event: Event, person: Resident, shows_up: float) -> None:
        key = (event.pk, person.person.pk)
        taken = sum(1 for event_id, _ in self.signups if event_id == event.pk)
        if key in self.signups or (event.capacity and taken >= event.capacity):
            return
        if event.starts_at.date() >= AS_OF:
            status = SignUp.Status.SIGNED_UP
        else:
            shown = self.rng.random() < shows_up
            status = SignUp.Status.ATTENDED if shown else SignUp.Status.NO_SHOW
        self.signups[key] = status

    def turnout(self, plans: list[Plan]) -> None:
        """Meetings also fill by phone-banking: people met before a meeting in its
        neighbourhood, or who raised its issue, sign up without having been asked at the door;
        leaders are called about the next training."""
        self.training_ids = {e.pk for e in self.events if e.kind == "training"}
        met: dict[int, dt.date] = {}
        for plan in plans:
            for person in plan.people:
                met.setdefault(person.index, plan.held_on)
        self.met = met
        for event in self.events:
            day = event.starts_at.date()
            issue = EVENT_ISSUES.get(event.title)
            for person in self.residents:
                if person.index not in met or met[person.index] >= day:
                    continue
                if event.kind == "training":
                    # Leaders noticed so far are called about the next training, once.
                    trained = {p for (e, p) in self.signups if e in self.training_ids}
                    spanish = "Spanish" in event.words
                    fits = person.leader and (person.lang == "es") == spanish
                    odds = 0.3 if fits and person.person.pk not in trained else 0.0
                elif event.hood == person.hood.key or (issue and issue in person.issues):
                    odds = 0.3
                elif not event.hood:
                    odds = 0.04
                else:
                    continue
                if self.rng.random() < odds:
                    self.add_signup(event, person, 0.7)

    def quotes(self, plan: Plan, scene: Scene) -> list[HeardQuote]:
        rng = self.rng
        odds = {"door": 0.3, "tabling": 0.2, "one_to_one": 0.6, "small_group": 0.75}
        if rng.random() > odds.get(plan.venue, 0.2):
            return []
        count = 2 if plan.venue == "small_group" and rng.random() < 0.4 else 1
        quotes = []
        for person in plan.people[:count]:
            consent = rng.choices(("team", "public", "none"), (62, 22, 16))[0]
            text, language = self.writer.quote(scene, person.speaker)
            quotes.append(
                HeardQuote(text=text, consent=consent, person=person.person, language=language)
            )
        return quotes

    def promises(self, plan: Plan, scene: Scene) -> list[Promise]:
        rng, writer = self.rng, self.writer
        slots = {**plan.people[0].speaker.slots, "word": writer.word(
            plan.people[0].issues[0], plan.people[0].hood)}  # fmt: skip
        promises = []
        issue = plan.people[0].issues[0]
        sides = [("person", fieldnotes.PROMISES_PERSON)] * rng.randint(1, 2)
        sides.append(("organizer", fieldnotes.PROMISES_ORGANIZER))
        for side, banks in sides:
            key = issue if issue in banks and rng.random() < 0.6 else "*"
            what, hours = writer.deal(("promise", side, key), banks[key])
            hours = Decimal(str(hours * rng.choice((1, 1, 1, 1.5, 2))))
            promises.append(
                Promise(
                    side=side,
                    what=writer.fill(what, slots, plan.held_on),
                    hours=hours,
                    due_on=plan.held_on + dt.timedelta(days=rng.randint(7, 35)),
                )
            )
        return promises


def _finish_commitments(rng: random.Random, org: Organization) -> None:
    """Most commitments due before the report-back were kept; some dropped, some overdue."""
    done, dropped = [], []
    for commitment in Commitment.objects.filter(organization=org).order_by("pk"):
        if commitment.due_on >= AS_OF:
            continue
        roll = rng.random()
        if roll < 0.65:
            done.append(commitment.pk)
        elif roll < 0.78:
            dropped.append(commitment.pk)
    Commitment.objects.filter(pk__in=done).update(status=Commitment.Status.DONE)
    Commitment.objects.filter(pk__in=dropped).update(status=Commitment.Status.DROPPED)


def _consents(rng, residents: list[Resident], plans: list[Plan], team) -> None:
    authors = first_authors(plans)
    consents = []
    for resident in residents:
        if resident.index not in authors:
            continue
        user = team[authors[resident.index].username].user
        consents.append(
            Consent(
                person=resident.person,
                topic=Consent.Topic.RECORDS,
                granted=rng.random() < 0.97,
                recorded_by=user,
            )
        )
        consents.append(
            Consent(
                person=resident.person,
                topic=Consent.Topic.CONTACT,
                granted=bool(resident.phone or resident.email) and rng.random() < 0.92,
                recorded_by=user,
            )
        )
    Consent.objects.bulk_create(consents)
    # Someone who said no to notes leaves none behind: their conversations keep who, when and
    # the next step, but no answers, quotes or leader signals (in a group, only their own
    # quotes and signals go). The same rule `record_consent` applies when someone says no.
    forget_notes_of(
        [c.person.pk for c in consents if c.topic == Consent.Topic.RECORDS and not c.granted]
    )


def _brought(seed: int, org: Organization, residents: list[Resident], log) -> None:
    """Leaders bring neighbours they know: when someone came to an event with a leader they
    have a tie to, the sign-up often says that leader brought them. Its own random stream."""
    rng = random.Random(seed + 10)
    leaders = {r.person.pk for r in residents if r.leader}
    ties: dict[int, set[int]] = {}
    for a, b in Relationship.objects.filter(organization=org).values_list("person", "other"):
        ties.setdefault(a, set()).add(b)
        ties.setdefault(b, set()).add(a)
    attended = SignUp.objects.filter(
        event__organization=org, status=SignUp.Status.ATTENDED
    ).order_by("event_id", "pk")
    came: dict[int, set[int]] = {}
    for signup in attended:
        came.setdefault(signup.event_id, set()).add(signup.person_id)
    brought = []
    for signup in attended:
        if signup.person_id in leaders:
            continue
        bringers = sorted(ties.get(signup.person_id, set()) & came[signup.event_id] & leaders)
        if bringers and rng.random() < 0.7:
            signup.brought_by_id = rng.choice(bringers)
            brought.append(signup)
    SignUp.objects.bulk_update(brought, ["brought_by"])
    log(f"{len(brought)} neighbours came to an event brought by a leader they know.")


def _leadership(seed: int, team: dict[str, Membership], log) -> None:
    """The organization's own scale (from `leadership.py`) and the organizers' assessments on it
    of the people the ranking puts first, many with an earlier step, so the demo shows levels
    and paths. Its own random stream: adding it changed nothing else the demo makes."""
    rng = random.Random(seed + 9)
    organizer, admin = team["organizer"], team["admin"]
    levels = save_scale(by=organizer, levels=[ScaleLevel(name=n, definition=d) for n, d in SCALE])
    assessed = 0
    for rank, person in enumerate(emerging_leaders(organizer)[:32]):
        position = min(len(levels), 1 + rank // 8 + (rng.random() < 0.35))
        latest = AS_OF - dt.timedelta(days=rng.randint(1, 30))
        steps = [(position, latest)]
        if position < len(levels) and rng.random() < 0.6:
            steps.insert(0, (position + 1, latest - dt.timedelta(days=rng.randint(35, 80))))
        first = person.name.split()[0]
        for step, day in steps:
            try:
                record_assessment(
                    by=admin if rng.random() < 0.25 else organizer,
                    person=person,
                    level=levels[step - 1],
                    note=rng.choice(ASSESSMENT_NOTES[step]).format(first=first),
                    assessed_on=day,
                )
            except ValidationError:
                continue  # they asked us not to keep notes: no assessment either
            assessed += 1
    log(f"A {len(levels)}-level leadership scale, {assessed} assessments on it.")
