"""What `heard demo-scale` copies from: the demo's own conversations as templates, and the
neighbours of Millbrook a bigger organization would meet.

A new conversation is one of the demo's conversations met again somewhere else in its campaign's
weeks: the same campaign, venue, teammate, place, language and next step, as many people, its
answers with a sentence traded for one from another conversation of the same theme and language,
its quotes, leader signals, promises and places where neighbours meet. So every proportion the
demo has per conversation holds at any size, and each note stays in the theme its words come
from. What a bigger organization has more of is people: they come from `city.py`'s name lists
and the neighbourhood's mix, as the demo's residents do.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import uuid
from dataclasses import dataclass, field

from heard.campaigns.models import Campaign
from heard.commitments.models import Commitment
from heard.conversations.models import Conversation
from heard.leadership.models import Assessment
from heard.spaces.models import Regular
from heard.themes.models import ThemeAssignment
from heard.themes.notes import NOTE_PURPOSES

from .city import FIRST_NAMES, HOODS, SURNAMES, Hood
from .residents import TURF_STREETS, weighted

#: Generated conversations' ids: version 8 (RFC 9562, "custom") with this tag in their top bits,
#: so a run tells the demo's own conversations (the templates) from those it grew, and the k-th
#: grown conversation has the same id on every run.
TAG = 0x4845_4152_445F_5343  # "HEARD_SC"

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def grown_id(index: int) -> uuid.UUID:
    number = (TAG << 64) | index
    # Version 8 and the RFC 4122 variant, set by hand: Python's uuid takes version=8 from 3.14.
    number = (number & ~(0xF << 76)) | (8 << 76)
    number = (number & ~(0x3 << 62)) | (0x2 << 62)
    return uuid.UUID(int=number)


def grown_index(pk: uuid.UUID) -> int | None:
    """The index of a grown conversation, None for one of the demo's own (or a member's)."""
    if (pk.int >> 64) == _GROWN_HIGH and pk.version == 8:
        return pk.int & 0xFFFF_FFFF_FFFF
    return None


_GROWN_HIGH = grown_id(0).int >> 64


@dataclass
class Template:
    """One of the demo's conversations, as what a new one copies."""

    id: uuid.UUID
    campaign_id: int
    venue: str
    held_on: dt.date
    place_id: int | None
    held_by_id: int
    next_step: str
    next_step_response: str
    language: str
    people: int
    theme_id: int | None
    subtheme_id: int | None
    score: float
    #: (question id, purpose, text), in the guide's order.
    answers: list[tuple[int, str, str]] = field(default_factory=list)
    #: (index of the person among the participants, text, consent, language).
    quotes: list[tuple[int, str, str, str]] = field(default_factory=list)
    #: (index of the person, the assessment's signal, kindliness and barrier fields).
    signals: list[tuple[int, dict]] = field(default_factory=list)
    #: (side, what, hours, days from the conversation to the due date).
    promises: list[tuple[str, str, object, int]] = field(default_factory=list)
    #: (index of the person, space id, how).
    regulars: list[tuple[int, int, str]] = field(default_factory=list)


def load_templates(organization) -> list[Template]:
    """The organization's conversations that were not grown, with what each holds, oldest
    first. Only those placed in a theme (or unclear) by a theme run: a conversation with no
    note (everyone in it said no to notes) is not copied."""
    placed = {
        a.conversation_id: a
        for a in ThemeAssignment.objects.filter(campaign__organization=organization)
    }
    conversations = (
        Conversation.objects.filter(organization=organization, pk__in=list(placed))
        .prefetch_related("participants", "answers__question", "quotes", "commitments")
        .order_by("held_on", "id")
    )
    assessed: dict[uuid.UUID, list[Assessment]] = {}
    for assessment in Assessment.objects.filter(
        conversation__organization=organization, level=None
    ).order_by("id"):
        assessed.setdefault(assessment.conversation_id, []).append(assessment)
    regulars: dict[uuid.UUID, list[Regular]] = {}
    for regular in (
        Regular.objects.filter(space__organization=organization)
        .exclude(conversation=None)
        .order_by("pk")
    ):
        regulars.setdefault(regular.conversation_id, []).append(regular)
    templates = []
    for c in conversations:
        if grown_index(c.pk) is not None:
            continue
        who = [p.person_id for p in c.participants.all()]
        index = {person_id: i for i, person_id in enumerate(who)}
        assignment = placed[c.pk]
        templates.append(
            Template(
                id=c.pk,
                campaign_id=c.campaign_id,
                venue=c.venue,
                held_on=c.held_on,
                place_id=c.place_id,
                held_by_id=c.held_by_id,
                next_step=c.next_step,
                next_step_response=c.next_step_response,
                language=c.language,
                people=len(who),
                theme_id=assignment.theme_id,
                subtheme_id=assignment.subtheme_id,
                score=assignment.score,
                answers=[(a.question_id, a.question.purpose, a.text) for a in c.answers.all()],
                quotes=[
                    (index.get(q.person_id, 0), q.text, q.consent, q.language)
                    for q in c.quotes.all()
                ],
                signals=[
                    (
                        index.get(a.person_id, 0),
                        {
                            name: getattr(a, name)
                            for name in (*Assessment.SIGNALS, *Assessment.BARRIERS, "kindliness")
                        },
                    )
                    for a in assessed.get(c.pk, [])
                ],
                promises=[
                    (p.side, p.what, p.hours, (p.due_on - c.held_on).days)
                    for p in sorted(c.commitments.all(), key=lambda p: p.pk)
                    if p.side in (Commitment.Side.PERSON, Commitment.Side.ORGANIZER)
                ],
                regulars=[
                    (index.get(r.person_id, 0), r.space_id, r.how) for r in regulars.get(c.pk, [])
                ],
            )
        )
    return templates


class Words:
    """The notes of a new conversation: its template's, with a sentence or an answer traded
    for one from another conversation of the same campaign, theme and language."""

    def __init__(self, templates: list[Template]):
        self.kin: dict[tuple, list[Template]] = {}
        for t in templates:
            self.kin.setdefault((t.campaign_id, t.theme_id, t.language), []).append(t)

    def other(self, rng: random.Random, template: Template) -> Template:
        kin = self.kin[(template.campaign_id, template.theme_id, template.language)]
        return rng.choice(kin) if len(kin) > 1 else template

    def answers(self, rng: random.Random, template: Template) -> dict[int, str]:
        other = self.other(rng, template)
        theirs = {qid: text for qid, _purpose, text in other.answers}
        said = {}
        for qid, purpose, text in template.answers:
            if purpose in NOTE_PURPOSES:
                said[qid] = _blend(rng, text, theirs.get(qid, ""))
            elif qid in theirs and rng.random() < 0.35:
                said[qid] = theirs[qid]
            else:
                said[qid] = text
        return said

    def quote(self, rng: random.Random, template: Template, text: str) -> str:
        if rng.random() < 0.3:
            other = self.other(rng, template)
            if other.quotes:
                return rng.choice(other.quotes)[1]
        return text


def _blend(rng: random.Random, own: str, theirs: str) -> str:
    """The first sentence (the concern as first said) stays; one of the others may be traded
    for one of theirs, or dropped."""
    sentences = _SENTENCE.split(own.strip())
    others = _SENTENCE.split(theirs.strip()) if theirs.strip() else []
    head, rest = sentences[:1], sentences[1:]
    if others and rng.random() < 0.6:
        borrowed = rng.choice(others)
        if rest:
            rest[rng.randrange(len(rest))] = borrowed
        elif borrowed not in head:
            rest.append(borrowed)
    if len(rest) >= 2 and rng.random() < 0.3:
        rest.pop(rng.randrange(len(rest)))
    return " ".join(head + rest)


def held_on(rng: random.Random, template: Template, campaign: Campaign, today: dt.date):
    """Within three weeks of the template's day, inside the campaign and never after today."""
    day = template.held_on + dt.timedelta(days=rng.randint(-21, 21))
    latest = min(campaign.ends_on or today, today)
    earliest = campaign.starts_on or template.held_on
    return max(min(day, latest), min(earliest, latest))


# ---------------------------------------------------------------------------------------------
# Neighbours


HOOD_OF: dict[str, Hood] = {}
for _hood in HOODS:
    HOOD_OF[_hood.name] = _hood
    for _turf in _hood.turfs:
        HOOD_OF[_turf] = _hood


@dataclass
class Neighbour:
    first: str
    last: str
    language: str
    phone: str
    email: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def neighbour(
    rng: random.Random, place_name: str, number: int, surname: str = "", spanish: bool = False
) -> Neighbour:
    """Someone living in this place, named as the demo names its residents (`city.py`)."""
    hood = HOOD_OF.get(place_name, HOODS[0])
    group = "latino" if spanish else weighted(rng, hood.mix)
    gender = "f" if rng.random() < 0.53 else "m"
    first = rng.choice(FIRST_NAMES[group][gender])
    last = surname or rng.choice(SURNAMES[group])
    language = "en"
    if spanish or (group == "latino" and rng.random() < hood.spanish):
        language = "es"
    elif group in ("viet", "sudanese") and rng.random() < 0.3:
        language = "other"
    # 555-01xx numbers are the fictional ones; a grown city needs more, in the same exchange.
    phone = f"({rng.choice(('731', '901', '615', '423'))}) 555-{number % 10_000:04d}"
    phone = phone if rng.random() < 0.7 else ""
    email = ""
    if rng.random() < 0.25:
        email = f"{_ascii(first)}.{_ascii(last)}{number}@example.org"
    return Neighbour(first=first, last=last, language=language, phone=phone, email=email)


def household(rng: random.Random, place_name: str, surname: str) -> tuple[str, str]:
    """A new household's name and address in this place."""
    hood = HOOD_OF.get(place_name, HOODS[0])
    street = rng.choice(TURF_STREETS.get(place_name, hood.streets))
    return f"The {surname} household", f"{rng.randrange(100, 2900, 2)} {street}"


def surname_of(household_name: str) -> str:
    """ "The Ramírez / Díaz household" -> "Ramírez"."""
    words = household_name.removeprefix("The ").removesuffix(" household")
    return words.split(" / ")[0].strip()


def _ascii(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())
