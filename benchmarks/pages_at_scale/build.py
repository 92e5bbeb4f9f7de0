"""Build one large organization for the pages-at-scale benchmark (issue 9), once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench .venv/bin/heard migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench \
        .venv/bin/python benchmarks/pages_at_scale/build.py

Everything is made with `bulk_create` in one transaction, from a fixed seed, so a run that stops
half-way leaves nothing behind; a second run finds the organization and does nothing (pass
`--rebuild` to drop and make it again). No signals fire (bulk_create sends none): no audit rows
and no theme runs, which the pages measured here do not read.

The shape (SHAPE below) is an organization that has listened for two years: 100,000
conversations over 3 campaigns by 40 volunteers and 4 staff; 20,000 neighbours, of whom a core
of 2,000 regulars turn up in a third of the conversations (a leader is met many times, most
people once or twice); 1,000 events with 20,000 sign-ups, most of them following a "yes" at the
door; 20,000 commitments due from three months ago to two months ahead, half still open;
5,000 assessments; 15,000 ties.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
import uuid
from decimal import Decimal

SHAPE = {
    "places": 40,
    "households": 8_000,
    "people": 20_000,
    "regulars": 2_000,
    "volunteers": 40,
    "staff": 4,
    "conversations": (40_000, 35_000, 25_000),
    "events": 1_000,
    "signups": 20_000,
    "commitments": 20_000,
    "assessments": 5_000,
    "ties": 15_000,
    "quotes": 15_000,
    "consents": 3_000,
}
SLUG = "bench"
SEED = 9
# Every benchmark member signs in with force_login; this password is only for a person who opens
# the benchmark database in a browser.
PASSWORD = "listen-first"  # noqa: S105 - the demo's password, on a benchmark database

PROBLEMS = [
    "The heating has been off since October.",
    "Rent went up again this spring.",
    "Mould in the bathroom, the kids cough.",
    "The bus stopped running on Sundays.",
    "No crossing near the school.",
    "The landlord does not answer repairs.",
    "Streetlights out on our block.",
    "Afraid of being evicted.",
    "La calefacción no funciona desde octubre.",
    "El alquiler subió otra vez.",
]
WHYS = [
    "My mother lives with us.",
    "I work nights and need to sleep.",
    "We have lived here twenty years.",
    "My kids walk to school alone.",
    "Nobody listens to renters.",
]
QUOTES = [
    "We deserve to be warm in our own homes.",
    "I am tired of asking twice.",
    "If we stand together they will listen.",
    "This building is our home.",
]
WHATS = [
    "Talk to three neighbours on the same floor",
    "Bring the repair letters to the meeting",
    "Call the housing office about the boiler",
    "Host a house meeting",
    "Send the flyer in Spanish",
    "Follow up about the training",
]
FIRST = ["Ana", "Luis", "Maria", "John", "Fatima", "Chen", "Amal", "Rosa", "Sam", "Ola", "Kim"]
LAST = ["Ramirez", "Okafor", "Nguyen", "Smith", "Haddad", "Lopez", "Kowalski", "Diaz", "Lee"]


def setup_django() -> None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
    import django

    django.setup()


def build(rebuild: bool = False) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from heard.accounts.models import Membership, Organization, Role
    from heard.campaigns.models import Campaign, Event, GuideQuestion, Purpose, SignUp
    from heard.commitments.models import CalendarFeed, Commitment
    from heard.conversations.models import (
        Answer,
        Conversation,
        NextStep,
        Participant,
        Quote,
        Response,
        Venue,
    )
    from heard.leadership.models import Assessment
    from heard.people.models import Consent, Household, Person, Place, Relationship

    existing = Organization.objects.filter(slug=SLUG).first()
    if existing and not rebuild:
        print(f"{existing.name} is already built ({existing.conversations.count()} conversations).")
        return
    User = get_user_model()
    rng = random.Random(SEED)
    started = time.monotonic()
    today = timezone.localdate()

    def say(what: str) -> None:
        print(f"{time.monotonic() - started:7.1f} s  {what}", flush=True)

    with transaction.atomic():
        if existing:
            # Conversations protect their campaign and volunteer: delete them first.
            Conversation.objects.filter(organization=existing).delete()
            User.objects.filter(membership__organization=existing).delete()
            existing.delete()
            say("dropped the old organization")
        org = Organization.objects.create(name="Citywide Tenants Network", slug=SLUG)
        password = make_password(PASSWORD)

        places = Place.objects.bulk_create(
            Place(organization=org, name=f"Neighbourhood {i + 1}") for i in range(SHAPE["places"])
        )
        households = Household.objects.bulk_create(
            Household(
                organization=org,
                name=f"The {rng.choice(LAST)} household {i}",
                address=f"{i} Elm Street",
                place=rng.choice(places),
            )
            for i in range(SHAPE["households"])
        )

        def member(username, role, first, last=""):
            user = User.objects.create(
                username=username, first_name=first, last_name=last, password=password
            )
            return Membership.objects.create(user=user, organization=org, role=role)

        admin = member("bench-admin", Role.ADMIN, "Ada", "Admin")
        staff = [admin.user] + [
            member(f"bench-organizer{i}", Role.ORGANIZER, "Olu", f"Organizer {i}").user
            for i in range(1, SHAPE["staff"])
        ]
        volunteers = []
        for i in range(SHAPE["volunteers"]):
            m = member(f"bench-volunteer{i}", Role.VOLUNTEER, rng.choice(FIRST), f"V{i}")
            m.turf.set(rng.sample(places, 2))
            volunteers.append(m.user)
        say("members and places")

        people = Person.objects.bulk_create(
            Person(
                organization=org,
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
                phone=f"555-{i:06d}",
                place=rng.choice(places),
                household=rng.choice(households) if rng.random() < 0.6 else None,
            )
            for i in range(SHAPE["people"])
        )
        regulars = people[: SHAPE["regulars"]]
        say(f"{len(people)} people")

        campaigns = []
        spans = [(730, 400), (420, 120), (150, 0)]  # days ago: start, end
        for n, (start, end) in enumerate(spans):
            campaign = Campaign.objects.create(
                organization=org,
                name=["Heat in Winter", "Rent we can pay", "Safe streets"][n],
                starts_on=today - dt.timedelta(days=start),
                ends_on=today - dt.timedelta(days=end) if end else None,
                is_active=end == 0,
            )
            campaign.questions_list = GuideQuestion.objects.bulk_create(
                GuideQuestion(campaign=campaign, position=p + 1, prompt=prompt, purpose=purpose)
                for p, (prompt, purpose) in enumerate(
                    [
                        ("What keeps you up at night?", Purpose.PROBLEM),
                        ("Why does it matter to you?", Purpose.WHY),
                        ("What do you hope for?", Purpose.HOPE),
                    ]
                )
            )
            campaigns.append(campaign)

        venues = [Venue.DOOR] * 50 + [Venue.TABLING] * 20 + [Venue.ONE_TO_ONE] * 12
        venues += [Venue.SMALL_GROUP] * 10 + [Venue.OTHER] * 8
        steps = [NextStep.NONE] * 30 + [NextStep.HOUSE_MEETING] * 15 + [NextStep.TRAINING] * 15
        steps += [NextStep.ACTION] * 10 + [NextStep.ONE_TO_ONE] * 15 + [NextStep.EVENT] * 15
        answers_to = [Response.NOT_ASKED] * 10 + [Response.YES] * 45
        answers_to += [Response.MAYBE] * 25 + [Response.NO] * 20
        holders = volunteers * 4 + staff  # volunteers hold four in five conversations

        def someone():
            return rng.choice(regulars) if rng.random() < 0.35 else rng.choice(people)

        conversations, participants = [], []
        for campaign, count, (start, end) in zip(
            campaigns, SHAPE["conversations"], spans, strict=True
        ):
            for _ in range(count):
                venue = rng.choice(venues)
                step = rng.choice(steps)
                conversation = Conversation(
                    id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    organization=org,
                    campaign=campaign,
                    venue=venue,
                    held_on=today - dt.timedelta(days=rng.randint(end, start)),
                    place=rng.choice(places),
                    held_by=rng.choice(holders),
                    next_step=step,
                    next_step_response=rng.choice(answers_to) if step else Response.NOT_ASKED,
                )
                conversation.who = (
                    list({someone() for _ in range(rng.randint(3, 5))})
                    if venue == Venue.SMALL_GROUP
                    else [someone()]
                )
                conversations.append(conversation)
                participants += [
                    Participant(conversation=conversation, person=p) for p in conversation.who
                ]
        Conversation.objects.bulk_create(conversations, batch_size=5000)
        say(f"{len(conversations)} conversations")
        Participant.objects.bulk_create(participants, batch_size=5000)
        say(f"{len(participants)} participants")

        answers = []
        for conversation in conversations:
            questions = conversation.campaign.questions_list
            answers.append(
                Answer(conversation=conversation, question=questions[0], text=rng.choice(PROBLEMS))
            )
            if rng.random() < 0.6:
                answers.append(
                    Answer(conversation=conversation, question=questions[1], text=rng.choice(WHYS))
                )
        Answer.objects.bulk_create(answers, batch_size=5000)
        say(f"{len(answers)} answers")

        Quote.objects.bulk_create(
            (
                Quote(
                    conversation=c,
                    person=c.who[0],
                    text=rng.choice(QUOTES),
                    consent=rng.choice(list(Quote.Consent)),
                )
                for c in rng.sample(conversations, SHAPE["quotes"])
            ),
            batch_size=5000,
        )
        say("quotes")

        kinds = list(Event.Kind)
        now = timezone.now()
        events = Event.objects.bulk_create(
            Event(
                organization=org,
                campaign=rng.choice(campaigns),
                kind=rng.choice(kinds),
                title=f"Event {i}",
                # Two years back to two months ahead, like the conversations.
                starts_at=now - dt.timedelta(days=rng.randint(-60, 730), hours=rng.randint(0, 12)),
                location="Community hall",
                capacity=rng.choice([None, 30, 60]),
            )
            for i in range(SHAPE["events"])
        )
        events.sort(key=lambda e: e.starts_at)
        say(f"{len(events)} events")

        # Most sign-ups follow a "yes" at the door: a matching event after the conversation.
        signups, seen = [], set()
        said_yes = [
            c
            for c in conversations
            if c.next_step_response == Response.YES and c.next_step not in ("", NextStep.ONE_TO_ONE)
        ]
        statuses = [SignUp.Status.ATTENDED] * 5 + [SignUp.Status.NO_SHOW] * 2
        statuses += [SignUp.Status.SIGNED_UP] * 3
        while len(signups) < SHAPE["signups"]:
            if rng.random() < 0.7:
                c = rng.choice(said_yes)
                person = rng.choice(c.who)
                held = dt.datetime.combine(c.held_on, dt.time(), tzinfo=dt.UTC)
                later = [e for e in rng.sample(events, 40) if e.starts_at >= held]
                if not later:
                    continue
                event = later[0]
            else:
                person, event = rng.choice(people), rng.choice(events)
            if (event.pk, person.pk) in seen:
                continue
            seen.add((event.pk, person.pk))
            status = rng.choice(statuses) if event.starts_at < now else SignUp.Status.SIGNED_UP
            signups.append(SignUp(event=event, person=person, status=status))
        SignUp.objects.bulk_create(signups, batch_size=5000)
        say(f"{len(signups)} sign-ups")

        commitments = []
        for c in rng.sample(conversations, SHAPE["commitments"]):
            side = rng.choice(list(Commitment.Side))
            due = today + dt.timedelta(days=rng.randint(-90, 60))
            status = rng.choice(
                [Commitment.Status.OPEN] * 10
                + [Commitment.Status.DONE] * 7
                + [Commitment.Status.DROPPED] * 3
            )
            closed = status != Commitment.Status.OPEN
            commitments.append(
                Commitment(
                    organization=org,
                    conversation=c,
                    person=c.who[0],
                    side=side,
                    owner=c.held_by if side == Commitment.Side.ORGANIZER else None,
                    what=rng.choice(WHATS),
                    hours=Decimal(rng.choice(["0.5", "1.0", "2.0", "4.0"])),
                    due_on=due,
                    status=status,
                    closed_note="Done at the meeting" if closed else "",
                    closed_at=now - dt.timedelta(days=rng.randint(0, 90)) if closed else None,
                    closed_by=c.held_by if closed else None,
                )
            )
        Commitment.objects.bulk_create(commitments, batch_size=5000)
        say(f"{len(commitments)} commitments")

        assessments = []
        for c in rng.sample(conversations, SHAPE["assessments"]):
            signals = {name: rng.random() < 0.3 for name in Assessment.SIGNALS}
            assessments.append(
                Assessment(
                    person=c.who[0],
                    conversation=c,
                    assessed_by=c.held_by,
                    assessed_on=c.held_on,
                    note="Offered to bring neighbours",
                    **signals,
                )
            )
        Assessment.objects.bulk_create(assessments, batch_size=5000)
        say(f"{len(assessments)} assessments")

        ties, pairs = [], set()
        tie_kinds = list(Relationship.Kind)
        while len(ties) < SHAPE["ties"]:
            a, b = someone(), rng.choice(people)
            kind = rng.choice(tie_kinds)
            if a.pk == b.pk or (a.pk, b.pk, kind) in pairs:
                continue
            pairs.add((a.pk, b.pk, kind))
            ties.append(Relationship(organization=org, person=a, other=b, kind=kind))
        Relationship.objects.bulk_create(ties, batch_size=5000)
        Consent.objects.bulk_create(
            Consent(
                person=p,
                topic=rng.choice(list(Consent.Topic)),
                granted=rng.random() < 0.8,
                recorded_by=rng.choice(volunteers),
            )
            for p in rng.sample(people, SHAPE["consents"])
        )
        say("ties and consents")

        CalendarFeed.objects.bulk_create(
            CalendarFeed(membership=m, token=f"bench-{m.user.username}")
            for m in Membership.objects.filter(organization=org)
        )
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would gather them on a live database by the next day.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    say("done")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="drop the organization and build")
    args = parser.parse_args(argv)
    setup_django()
    build(rebuild=args.rebuild)


if __name__ == "__main__":
    main()
