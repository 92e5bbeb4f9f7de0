"""The demo's statement-voting poll: what Millbrook's organizers asked neighbours to vote on
after the listening campaign, and a few hundred seeded votes.

Three kinds of neighbour vote differently (renters worried about rent and repairs, long-time
owners about taxes and parking, young families about schools and buses), so the maths finds two
or three opinion groups; a handful of statements nearly everyone agrees with are the common
ground. Each statement carries the chance that each kind agrees; a voter sees a random part of
the ballot (most see 10-20 statements, some stop before 7 and are counted but not grouped).
"""

from __future__ import annotations

import hashlib
import random

from heard.accounts.models import Membership
from heard.campaigns.queries import campaigns_for, events_for
from heard.voting.models import Poll, Vote, Voter
from heard.voting.services import add_statements, create_poll, record_paper_sheet, set_poll_open

TITLE = "Millbrook: what should we work on together?"
KINDS = ("renter", "owner", "family")
VOTERS = {"renter": 130, "owner": 95, "family": 55}
PAPER_SHEETS = 12

# (statement, chance of agreeing for a renter, an owner, a young family)
STATEMENTS = (
    ("Every home in Millbrook should stay warm all winter.", 0.92, 0.85, 0.9),
    ("The streetlights on our blocks should be fixed before the winter.", 0.85, 0.88, 0.9),
    ("Neighbours should know each other's names on their block.", 0.8, 0.82, 0.85),
    ("Landlords who ignore repairs should be fined.", 0.93, 0.35, 0.7),
    ("Rent increases above 5% a year should not be allowed.", 0.9, 0.2, 0.6),
    ("Property taxes in Millbrook are already too high.", 0.4, 0.92, 0.55),
    ("New apartment buildings should be built near Route 7.", 0.75, 0.15, 0.6),
    ("Street parking should stay free for residents.", 0.3, 0.9, 0.45),
    ("Route 7 buses should run every 15 minutes, evenings too.", 0.85, 0.3, 0.9),
    ("Cedar Grove school needs more classrooms now.", 0.55, 0.45, 0.95),
    ("The city should buy the empty lot on Pine for a playground.", 0.6, 0.3, 0.92),
    ("Our neighbourhood is safer than it was five years ago.", 0.35, 0.7, 0.4),
    ("The tenants' union speaks for people like me.", 0.88, 0.12, 0.45),
    ("Utility shut-offs should be banned in winter.", 0.9, 0.6, 0.85),
    ("The city listens to long-time residents more than to newcomers.", 0.8, 0.25, 0.7),
    ("More police patrols would make my block better.", 0.25, 0.8, 0.35),
    ("Flyers and meetings should be in Spanish as well as English.", 0.85, 0.55, 0.8),
    ("The library should stay open on Sundays.", 0.7, 0.72, 0.8),
    ("New neighbours are changing Millbrook for the better.", 0.75, 0.3, 0.7),
    ("I would come to a meeting to act on what we agree here.", 0.7, 0.6, 0.65),
)


def add_poll(seed: int, team: dict[str, Membership], log) -> Poll:
    """The poll, open, with its statements, phone votes and paper sheets. Its own random
    stream: adding it changed nothing else the demo makes."""
    rng = random.Random(seed + 23)
    organizer, volunteer = team["organizer"], team["volunteer"]
    campaign = campaigns_for(organizer).filter(is_active=True).order_by("starts_on").first()
    meeting = (
        events_for(organizer).filter(campaign=campaign, kind="house_meeting").order_by("starts_at")
    ).last()
    poll = create_poll(by=organizer, title=TITLE, campaign=campaign, event=meeting)
    statements = add_statements(by=organizer, poll=poll, texts=[s[0] for s in STATEMENTS])
    set_poll_open(by=organizer, poll=poll, is_open=True)
    chances = {s.text: row[1:] for s, row in zip(statements, STATEMENTS, strict=True)}
    voters, votes = [], []
    for kind_index, kind in enumerate(KINDS):
        for n in range(VOTERS[kind]):
            device = hashlib.sha256(f"demo-{seed}-{kind}-{n}".encode()).hexdigest()
            voter = Voter(poll=poll, device=device)
            voters.append(voter)
            votes.append((voter, _ballot(rng, statements, chances, kind_index)))
    Voter.objects.bulk_create(voters)
    Vote.objects.bulk_create(
        Vote(voter=voter, statement=statement, choice=choice)
        for voter, ballot in votes
        for statement, choice in ballot
    )
    for _ in range(PAPER_SHEETS):
        kind_index = rng.randrange(len(KINDS))
        ballot = dict(_ballot(rng, statements, chances, kind_index, seen=1.0))
        record_paper_sheet(
            by=volunteer, poll=poll, answers={s.pk: ballot.get(s) for s in statements}
        )
    log(
        f"A statement-voting poll: {len(statements)} statements, {len(voters)} phones and "
        f"{PAPER_SHEETS} paper sheets."
    )
    return poll


def _ballot(rng, statements, chances, kind_index, seen=None):
    """The statements one voter saw, each agree (1), disagree (-1) or pass (0)."""
    share = seen if seen is not None else rng.choice((0.25, 0.6, 0.75, 0.9, 1.0))
    ballot = []
    for statement in statements:
        if rng.random() > share:
            continue
        agree = chances[statement.text][kind_index]
        draw = rng.random()
        choice = 1 if draw < agree else 0 if draw < agree + (1 - agree) * 0.15 else -1
        ballot.append((statement, choice))
    return ballot
