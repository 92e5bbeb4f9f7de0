"""What the API reads and writes, as pydantic schemas (django-ninja turns them into OpenAPI).

Every text a client sends is bounded and refused when it holds a NUL or a lone surrogate (which
no database stores); every id is bounded as `heard.ids` bounds ids typed into URLs.
"""

import datetime as dt
import re
import uuid
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field, Strict

from heard.commitments.models import Commitment
from heard.conversations.models import MAX_TEXT, NextStep, Quote, Response, Venue
from heard.ids import MAX_ID
from heard.people.models import Person

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
#: In a JSON body a number is a number: "5" is refused, as the schema says (pydantic would
#: otherwise read it as 5). Query and path values are text by nature and use `Id`.
BodyId = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
StrictBool = Annotated[bool, Strict()]


def _iso_day(value):
    """A day as the schema says, YYYY-MM-DD: pydantic would also read 0 or "0" as 1 January
    1970 (a Unix time)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("A day is written YYYY-MM-DD.")
    return value


Day = Annotated[dt.date, BeforeValidator(_iso_day)]


def _storable(text: str) -> str:
    if "\x00" in text:
        raise ValueError("Text may not contain a NUL character.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return text


def Text(max_length: int):  # noqa: N802 - reads as a type in the schemas below
    return Annotated[str, Field(max_length=max_length), AfterValidator(_storable)]


class Problem(Schema):
    """Why a request was refused, in words (or, for a malformed request, per field)."""

    detail: Any


ERRORS = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem}


class PageOf(Schema):
    count: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int


# ---------------------------------------------------------------------------------------------
# Reads


class PlaceOut(Schema):
    id: int
    name: str


class PersonOut(Schema):
    id: int
    name: str
    language: str
    place: PlaceOut | None
    household_id: int | None
    contact_refused: bool = Field(
        description="They said no to being contacted: phone and email are left empty."
    )
    phone: str
    email: str


class PersonPage(PageOf):
    items: list[PersonOut]


class PersonRef(Schema):
    id: int
    name: str


class AnswerOut(Schema):
    question_id: int
    question: str
    text: str


class QuoteOut(Schema):
    id: int
    person: PersonRef | None
    text: str
    consent: Literal["team", "public", "none"]
    language: str = Field(description="The language they said it in (never translated).")


class ConversationOut(Schema):
    id: uuid.UUID
    campaign_id: int
    campaign: str
    venue: str
    held_on: dt.date
    place: PlaceOut | None
    held_by: str
    people: list[PersonRef]
    next_step: str
    next_step_response: str
    language: str = Field(description="The language it was held in, one of the campaign's.")
    created_at: dt.datetime


class ConversationDetail(ConversationOut):
    notes_withheld: bool = Field(
        description="Everyone in it said no to notes being kept: no answers or quotes."
    )
    answers: list[AnswerOut]
    quotes: list[QuoteOut] = Field(description="Only the quotes this member may read.")


class ConversationPage(PageOf):
    items: list[ConversationOut]


class WordingOut(Schema):
    language: str
    prompt: str
    prompt_language: str = Field(
        description="The language `prompt` is in: the main one where not written in `language`."
    )
    help_text: str
    help_language: str


class QuestionOut(Schema):
    id: int
    position: int
    prompt: str = Field(description="In the campaign's main language.")
    help_text: str
    purpose: str
    wordings: list[WordingOut] = Field(
        description="The question in each of the campaign's languages, main first."
    )


class CampaignOut(Schema):
    id: int
    name: str
    description: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    is_active: bool
    languages: list[str] = Field(
        description="The languages it listens in (ISO codes), its guide's main language first."
    )
    questions: list[QuestionOut]


class CampaignPage(PageOf):
    items: list[CampaignOut]


class ThemeOut(Schema):
    id: int
    title: str
    label: str
    keywords: list[str]
    size: int
    pinned: bool


class ThemePage(PageOf):
    items: list[ThemeOut]


class CommitmentOut(Schema):
    id: int
    conversation_id: uuid.UUID | None
    person: PersonRef
    side: str
    owner: str | None
    what: str
    hours: float
    due_on: dt.date
    status: str


class CommitmentPage(PageOf):
    items: list[CommitmentOut]


class EventOut(Schema):
    id: int
    campaign_id: int | None
    kind: str
    title: str
    starts_at: dt.datetime
    location: str
    description: str
    capacity: int | None


class EventPage(PageOf):
    items: list[EventOut]


# ---------------------------------------------------------------------------------------------
# Writes

MAX_PEOPLE = 20
ASKED = "Asked at the door; null if not asked."


class NewPersonIn(Schema):
    name: Text(160) = Field(min_length=1)
    phone: Text(40) = ""
    email: Text(254) = ""
    language: Literal[tuple(Person.Language.values)] = Person.Language.ENGLISH  # type: ignore
    place_id: BodyId | None = None
    may_contact: StrictBool | None = Field(None, description=ASKED)
    notes_kept: StrictBool | None = Field(None, description=ASKED)


class AnswerIn(Schema):
    question_id: BodyId
    text: Text(MAX_TEXT)


LanguageCode = Annotated[str, Field(min_length=2, max_length=12, pattern=r"^[a-z]{2,3}(-[a-z]+)?$")]


class QuoteIn(Schema):
    text: Text(2000)
    consent: Literal[tuple(Quote.Consent.values)] = Quote.Consent.NONE  # type: ignore
    person_id: BodyId | None = Field(
        None,
        description="Who said it, among `people`; null for the first person of the conversation.",
    )
    language: LanguageCode | None = Field(
        None, description="The language they said it in; null for the conversation's."
    )


class PromiseIn(Schema):
    side: Literal[tuple(Commitment.Side.values)]  # type: ignore
    what: Text(400) = Field(min_length=1)
    hours: Annotated[float, Strict()] = Field(
        ge=0.1, le=200, description="Rounded to a tenth of an hour."
    )
    due_on: Day


class ConversationIn(Schema):
    id: uuid.UUID = Field(
        description="Made by the client when the conversation was captured; sending the same "
        "id again returns the stored conversation instead of storing it twice."
    )
    campaign_id: BodyId
    venue: Literal[tuple(Venue.values)]  # type: ignore
    held_on: Day
    language: LanguageCode | None = Field(
        None,
        description="The language it was held in, one of the campaign's `languages`; null: the "
        "member's own language when the campaign listens in it, else the campaign's main one.",
    )
    place_id: BodyId | None = None
    people: list[BodyId] = Field(default_factory=list, max_length=MAX_PEOPLE)
    new_people: list[NewPersonIn] = Field(default_factory=list, max_length=MAX_PEOPLE)
    answers: list[AnswerIn] = Field(default_factory=list, max_length=50)
    quotes: list[QuoteIn] = Field(default_factory=list, max_length=50)
    next_step: Literal[tuple(NextStep.values)] = ""  # type: ignore
    next_step_response: Literal[tuple(Response.values)] = Response.NOT_ASKED  # type: ignore
    promises: list[PromiseIn] = Field(default_factory=list, max_length=10)
