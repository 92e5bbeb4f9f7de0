"""The phone's outbox under a bad network, for the fault test and benchmarks/offline_sync/.

Conversations are made as the capture form posts them (`capture_data`), each with its own id,
for members who may see the people named. Each client sends its own conversations as the
outbox does (heard/static/heard/outbox.js): again and again until it hears 200 or 201, the queue
shuffled, a failed send put back behind the others with a growing, jittered wait. Every send
draws a fault, seeded per client:

- `drop_request`: never reaches the server;
- `drop_response`: the server stores it and answers, the answer never reaches the phone;
- `gave_up`: the phone stops waiting while the server is still at work, and sends again soon,
  so the retry races the first send;
- `duplicate`: a second connection of the same member sends the same conversation at once.

How a fault is made is the transport's business: a TCP proxy in front of a real server in the
benchmark, threads around Django's test client in the test. `check_stored` then reads the
database: every conversation sent stored once, whole, and nothing else.
"""

import datetime as dt
import heapq
import random
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from heard.campaigns.queries import campaigns_for
from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Participant, Quote, Venue
from heard.people.consent import said_no
from heard.people.models import Consent, Household, Person
from heard.people.queries import people_for

from .capture import capture_data

FAULTS = ("drop_request", "drop_response", "gave_up", "duplicate")
STORED = (200, 201)
#: Answers the outbox keeps a conversation waiting on (the volunteer must act): a fault test
#: must never see one, so a client stops sending that conversation and the check fails.
WAITS = (401, 409, 422)


@dataclass(frozen=True)
class Faults:
    drop_request: float = 0.05
    drop_response: float = 0.05
    gave_up: float = 0.05
    duplicate: float = 0.05
    #: A random pause before each send (seconds), so that clients interleave differently.
    max_delay: float = 0.01
    #: The outbox's wait after a failed send: first, doubling, at most (seconds), ±50% jitter.
    backoff: float = 0.02
    backoff_cap: float = 0.5
    #: Bounded: a conversation not stored after this many sends fails the run.
    max_sends: int = 40

    def draw(self, rng: random.Random) -> str | None:
        roll = rng.random()
        for kind in FAULTS:
            roll -= getattr(self, kind)
            if roll < 0:
                return kind
        return None


class Transport(Protocol):
    """One member's connection to the sync endpoint."""

    def post(self, data: dict, fault: str | None) -> int | None:
        """Send `data` with `fault` made on the way; the status the phone saw, or None when it
        saw no answer."""

    def twin(self) -> "Transport":
        """Another connection of the same member, for a duplicate sent at the same time."""


@dataclass
class Tally:
    """What the clients saw, counted across threads."""

    sends: int = 0
    faults: Counter = field(default_factory=Counter)
    seen: Counter = field(default_factory=Counter)  # statuses the phones saw
    duplicates: Counter = field(default_factory=Counter)  # statuses the twin sends saw
    unseen: Counter = field(default_factory=Counter)  # statuses of answers lost on the way
    stuck: list = field(default_factory=list)  # (conversation id, status) never stored
    errors: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def other_statuses(self) -> Counter:
        return Counter({s: n for s, n in (self.seen + self.duplicates).items() if s not in STORED})


def send_all(items: list[dict], transport: Transport, faults: Faults, seed: int, tally: Tally):
    """One client's outbox: every item (form data) sent until it is answered 200 or 201."""
    rng = random.Random(seed)
    queue = [(0.0, rng.random(), index) for index in range(len(items))]  # shuffled
    heapq.heapify(queue)
    sends = Counter()
    while queue:
        ready, _, index = heapq.heappop(queue)
        time.sleep(max(0.0, ready - time.monotonic()) + rng.uniform(0, faults.max_delay))
        data = items[index]
        fault = faults.draw(rng)
        sends[index] += 1
        try:
            status = _send(transport, data, fault, tally)
        except Exception as error:  # noqa: BLE001 - reported, fails the run
            with tally.lock:
                tally.errors.append(f"{data['client_id']}: {error!r}")
            return
        with tally.lock:
            tally.sends += 1
            if fault:
                tally.faults[fault] += 1
            if status is not None:
                tally.seen[status] += 1
        if status in STORED:
            continue
        if status in WAITS or sends[index] >= faults.max_sends:
            with tally.lock:
                tally.stuck.append((data["client_id"], status))
            continue
        wait = min(faults.backoff_cap, faults.backoff * 2 ** (sends[index] - 1))
        heapq.heappush(
            queue, (time.monotonic() + wait * rng.uniform(0.5, 1.5), rng.random(), index)
        )


def _send(transport: Transport, data: dict, fault: str | None, tally: Tally) -> int | None:
    if fault != "duplicate":
        return transport.post(data, fault)
    twin = transport.twin()
    answered = []
    start = threading.Barrier(2)

    def other():
        start.wait()
        answered.append(twin.post(data, None))

    thread = threading.Thread(target=other)
    thread.start()
    start.wait()
    status = transport.post(data, None)
    thread.join()
    with tally.lock:
        tally.duplicates[answered[0]] += 1
    return status


def run_clients(plans, faults: Faults, seed: int, tally: Tally) -> Tally:
    """`plans`: (transport, items) per client, each client a thread of its own."""
    threads = [
        threading.Thread(target=send_all, args=(items, transport, faults, seed * 1000 + i, tally))
        for i, (transport, items) in enumerate(plans)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


# What is sent ---------------------------------------------------------------------------------


@dataclass
class Sender:
    """A member who sends, and what they may name: campaigns as (id, question ids, earliest
    date), people as ids (none who said no to notes being kept, so all their words are kept)."""

    user_id: int
    campaigns: list[tuple[int, list[int], dt.date]]
    people: list[int]


def sender_for(membership, today: dt.date) -> Sender:
    """What `membership` may name: campaigns open for a conversation dated a few days ago, and
    the people they may see who have not said no to notes being kept."""
    campaigns = [
        (c.pk, [q.pk for q in c.questions.all()], c.earliest_conversation_date)
        for c in campaigns_for(membership).prefetch_related("questions")
        if c.earliest_conversation_date <= today - dt.timedelta(days=1) and c.questions.all()
    ]
    people = list(
        people_for(membership)
        .exclude(said_no(Consent.Topic.RECORDS))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return Sender(user_id=membership.user_id, campaigns=campaigns, people=people)


@dataclass
class Sent:
    """A conversation as sent, and what must be stored of it."""

    data: dict
    user_id: int
    campaign_id: int
    held_on: dt.date
    venue: str
    known: list[int]
    new: list[str]  # new people's names (unique)
    households: list[str]  # new households' names (unique)
    answers: dict[int, str]
    quotes: list[tuple[str, str, str]]  # (speaker key: "", "p<id>", "n<row>"), text, consent
    promises: list[tuple[str, str, Decimal, dt.date]]

    @property
    def id(self) -> uuid.UUID:
        return uuid.UUID(self.data["client_id"])


SYLLABLES = [c + v for c in "bdfgkmnprstvz" for v in "aeiou"]
SAID = (
    "the boiler is out again and the landlord does not answer the rent went up the bus stopped "
    "coming the park is dark at night my neighbour helps me with the shopping we need a crossing "
    "near the school el agua sale fría desde enero la renta subió otra vez nadie contesta"
)
WORDS = SAID.split()


class NameMaker:
    """Names no one else has: four-syllable words, each used once, none inside another and
    none inside a name already stored, so no new person looks like anyone (no "ask")."""

    def __init__(self, rng: random.Random, taken: set[str]):
        self.rng = rng
        self.taken = taken  # folded names already stored
        self.used: set[str] = set()

    def word(self) -> str:
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(4))
            if word not in self.used and not any(word in name for name in self.taken):
                self.used.add(word)
                return word.capitalize()


def make_conversations(
    senders: list[Sender], count: int, rng: random.Random, today: dt.date, taken: set[str]
) -> list[tuple[int, Sent]]:
    """`count` conversations, spread over `senders` in turn: (sender's index, conversation)."""
    names = NameMaker(rng, taken)
    made = []
    for n in range(count):
        index = n % len(senders)
        made.append((index, _conversation(n, senders[index], rng, today, names)))
    return made


@dataclass(frozen=True)
class Stored:
    """A campaign or question as `capture_data` takes it: its id is all it reads."""

    pk: int


def _conversation(n, sender: Sender, rng, today, names: NameMaker) -> Sent:
    campaign_id, questions, earliest = rng.choice(sender.campaigns)
    held_on = max(earliest, today - dt.timedelta(days=rng.randint(1, 20)))
    known = rng.sample(sender.people, k=min(len(sender.people), rng.choice([0, 1, 1, 1, 2])))
    new_count = rng.choice([0, 0, 0, 1, 1, 2]) if known else rng.choice([1, 1, 2])
    new_rows, new_names, households = [], [], []
    for _ in range(new_count):
        name = f"{names.word()} {names.word()}"
        row = {"name": name, "language": rng.choice(["en", "es"])}
        if rng.random() < 0.5:
            row["email"] = f"{name.replace(' ', '.').lower()}@example.org"
        if rng.random() < 0.3:
            row["household"] = f"{name.split()[1]} household"
            households.append(row["household"])
        if rng.random() < 0.2:
            row["may_contact"] = "no"
        new_rows.append(row)
        new_names.append(name)
    asked = rng.sample(questions, k=rng.randint(1, len(questions)))
    answers = {q: f"{_words(rng, 8, 40)} (conversation {n}, question {q})" for q in asked}
    speakers = [""] + [f"p{pk}" for pk in known] + [f"n{row}" for row in range(new_count)]
    quotes = [
        (
            rng.choice(speakers),
            f"“{_words(rng, 4, 20)}” ({n}.{i})",
            rng.choice(["team", "public", "none"]),
        )
        for i in range(rng.choice([0, 0, 1, 1, 2]))
    ]
    promises = [
        (
            rng.choice(["person", "organizer"]),
            f"{_words(rng, 3, 8)} ({n}.{i})",
            Decimal(rng.choice(["0.5", "1.0", "2.5", "4.0"])),
            held_on + dt.timedelta(days=rng.randint(0, 90)),
        )
        for i in range(rng.choice([0, 0, 0, 1, 2]))
    ]
    venue = rng.choice(Venue.values)
    data = capture_data(
        Stored(campaign_id),
        people=known,
        answers={Stored(q): text for q, text in answers.items()},
        new_people=new_rows,
        quotes=[{"text": t, "consent": c, "speaker": s} for s, t, c in quotes],
        promises=[
            {"side": s, "what": w, "hours": str(h), "due_on": d.isoformat()}
            for s, w, h, d in promises
        ],
        client_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        held_on=held_on.isoformat(),
        venue=venue,
    )
    return Sent(
        data=data,
        user_id=sender.user_id,
        campaign_id=campaign_id,
        held_on=held_on,
        venue=venue,
        known=known,
        new=new_names,
        households=households,
        answers=answers,
        quotes=quotes,
        promises=promises,
    )


def _words(rng, least: int, most: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(least, most))).capitalize()


# What is stored -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Before:
    conversations: frozenset
    people: int
    households: int


def before_sending() -> Before:
    return Before(
        conversations=frozenset(Conversation.objects.values_list("id", flat=True)),
        people=Person.objects.count(),
        households=Household.objects.count(),
    )


def check_stored(sent: list[Sent], before: Before) -> dict:
    """Read back everything sent, straight from the database; AssertionError naming the first
    problems unless every conversation is stored exactly once and exactly as sent."""
    problems: list[str] = []
    wanted = {s.id: s for s in sent}
    if len(wanted) != len(sent):
        problems.append("Two conversations were sent with the same id.")
    rows = {
        pk: (campaign, held_on, venue, held_by)
        for pk, campaign, held_on, venue, held_by in Conversation.objects.values_list(
            "id", "campaign_id", "held_on", "venue", "held_by_id"
        )
    }
    new_ids = set(rows) - before.conversations
    if new_ids != set(wanted):
        missing, extra = set(wanted) - new_ids, new_ids - set(wanted)
        problems.append(f"{len(missing)} sent and not stored, {len(extra)} stored and not sent.")
    new_names = [name for s in sent for name in s.new]
    household_names = [name for s in sent for name in s.households]
    person_ids = _ids_by_name(Person, new_names)
    household_ids = _ids_by_name(Household, household_names)
    twice = [name for name, ids in person_ids.items() if len(ids) != 1]
    twice += [name for name, ids in household_ids.items() if len(ids) != 1]
    if twice:
        problems.append(
            f"{len(twice)} new people or households stored twice or not at all: {twice[:5]}"
        )
    grown = Person.objects.count() - before.people
    if grown != len(new_names):
        problems.append(f"People grew by {grown}, {len(new_names)} new people were sent.")
    grown = Household.objects.count() - before.households
    if grown != len(household_names):
        problems.append(f"Households grew by {grown}, {len(household_names)} were sent.")
    stored = _stored_parts(set(wanted))
    whole = 0
    for pk, s in wanted.items():
        if pk not in rows:
            continue
        expected = _expected_parts(s, {n: ids[0] for n, ids in person_ids.items() if ids})
        got = {"row": rows[pk], **{part: stored[part].get(pk, Counter()) for part in PARTS}}
        if got == expected:
            whole += 1
        elif len(problems) < 20:
            problems.append(f"{pk} is not stored as sent: {_difference(expected, got)}")
    if whole != len(sent) and not any("not stored as sent" in p for p in problems):
        problems.append(f"Only {whole} of {len(sent)} conversations are stored whole.")
    if problems:
        raise AssertionError("\n".join(problems))
    return {
        "conversations": whole,
        "new people": len(new_names),
        "households": len(household_names),
    }


PARTS = ("participants", "answers", "quotes", "commitments")


def _ids_by_name(model, names: list[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {name: [] for name in names}
    for chunk in range(0, len(names), 500):
        for pk, name in model.objects.filter(name__in=names[chunk : chunk + 500]).values_list(
            "id", "name"
        ):
            found[name].append(pk)
    return found


def _stored_parts(ids: set) -> dict[str, dict]:
    parts: dict[str, dict] = {part: {} for part in PARTS}
    queries = {
        "participants": Participant.objects.values_list("conversation_id", "person_id"),
        "answers": Answer.objects.values_list("conversation_id", "question_id", "text"),
        "quotes": Quote.objects.values_list("conversation_id", "person_id", "text", "consent"),
        "commitments": Commitment.objects.values_list(
            "conversation_id", "person_id", "side", "owner_id", "what", "hours", "due_on", "status"
        ),
    }
    for part, query in queries.items():
        for conversation_id, *rest in query.iterator(chunk_size=5000):
            if conversation_id in ids:
                parts[part].setdefault(conversation_id, Counter())[tuple(rest)] += 1
    return parts


def _expected_parts(s: Sent, person_of: dict[str, int]) -> dict:
    new_ids = [person_of.get(name) for name in s.new]
    people = s.known + new_ids

    def speaker(key: str):
        if not key:
            return people[0]
        return int(key[1:]) if key[0] == "p" else new_ids[int(key[1:])]

    return {
        "row": (s.campaign_id, s.held_on, s.venue, s.user_id),
        "participants": Counter((pk,) for pk in people),
        "answers": Counter((q, text) for q, text in s.answers.items()),
        "quotes": Counter((speaker(k), text, consent) for k, text, consent in s.quotes),
        "commitments": Counter(
            (people[0], side, s.user_id if side == "organizer" else None, what, hours, due, "open")
            for side, what, hours, due in s.promises
        ),
    }


def _difference(expected: dict, got: dict) -> str:
    return "; ".join(
        f"{part}: expected {expected[part]}, stored {got[part]}"
        for part in expected
        if expected[part] != got[part]
    )
