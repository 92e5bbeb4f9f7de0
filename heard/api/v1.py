"""The JSON API, version 1: thin operations over the same access helpers, consent rules and
services as the pages.

- Reads: every row through a `*_for(membership)` helper, so a volunteer's token sees their turf
  and the conversations they held, and another organization's ids are 404.
- Consent (heard/people/consent.py): quotes through `visible_quotes` (never a "not to be shared"
  quote the member may not read), no phone or email of someone who said no to contact.
- The one write, creating a conversation, is `record_conversation`, the capture form's service:
  idempotent on the client's UUID (a retry returns the stored conversation with 200).
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from ninja import NinjaAPI, Query, Router, Status
from ninja.errors import HttpError

from heard.accounts.models import Membership
from heard.campaigns.queries import campaigns_for, events_for, get_campaign_for, get_event_for
from heard.commitments.queries import GROUPS, commitments_for, commitments_mine, in_group
from heard.conversations.queries import get_conversation_for, search_conversations
from heard.conversations.services import (
    ConversationRecord,
    HeardQuote,
    Promise,
    record_conversation,
)
from heard.people import consent
from heard.people.queries import get_person_for, people_for, places_for, search_people
from heard.people.services import NewPerson
from heard.privacy.audit import acting_as, record_viewed
from heard.search import search_text
from heard.themes.queries import themes_for

from . import schemas as s
from .auth import BearerToken, MemberSession

api = NinjaAPI(
    title="Heard API",
    version="1",
    description=(
        "Heard's JSON API. Authenticate with `Authorization: Bearer <token>` (an administrator "
        "makes tokens on /api/tokens/). A token acts as its member, with exactly their access."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    auth=[BearerToken(), MemberSession()],
)

MAX_LIMIT = 200
#: Offsets past this are not a page anyone reads; bounded so no database sees a huge number.
MAX_OFFSET = 1_000_000
SEARCH_MAX = 200

Limit = Query(50, ge=1, le=MAX_LIMIT, description="How many items per page.")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")


def _member(request) -> Membership:
    return request.membership


def _page(rows, limit: int, offset: int, out) -> dict:
    return {
        "count": rows.count(),
        "limit": limit,
        "offset": offset,
        "items": [out(row) for row in rows[offset : offset + limit]],
    }


def _staff_only(membership: Membership) -> None:
    if not membership.is_staff_role:
        raise HttpError(403, "Only organizers and administrators read this.")


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


# ---------------------------------------------------------------------------------------------
# People

people = Router(tags=["people"])


def _place(place) -> dict | None:
    return {"id": place.pk, "name": place.name} if place else None


def person_out(person) -> dict:
    refused = not consent.may_contact(person)
    return {
        "id": person.pk,
        "name": person.name,
        "language": person.language,
        "place": _place(person.place),
        "household_id": person.household_id,
        "contact_refused": refused,
        "phone": "" if refused else person.phone,
        "email": "" if refused else person.email,
    }


@people.get(
    "/",
    response={200: s.PersonPage, **s.ERRORS},
    url_name="people",
    summary="People the member may see",
)
def list_people(
    request,
    q: str = Query(
        "",
        max_length=SEARCH_MAX,
        description="Name, or phone or email of people who may be contacted.",
    ),
    place: s.Id | None = Query(None, description="Only the people of this place."),
    limit: int = Limit,
    offset: int = Offset,
):
    rows = search_people(_member(request), search_text(q), limit=0)
    if place is not None:
        rows = rows.filter(place_id=place)
    return _page(rows.order_by("name", "id"), limit, offset, person_out)


@people.get(
    "/{person_id}",
    response={200: s.PersonOut, **s.ERRORS},
    url_name="person",
    summary="One person",
)
def get_person(request, person_id: s.Id):
    membership = _member(request)
    person = get_person_for(membership, person_id)
    record_viewed(membership=membership, kind="people.person", pk=person.pk)
    return person_out(person)


# ---------------------------------------------------------------------------------------------
# Campaigns (their guide questions are what a new conversation answers)

campaigns = Router(tags=["campaigns"])


def campaign_out(campaign) -> dict:
    return {
        "id": campaign.pk,
        "name": campaign.name,
        "description": campaign.description,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
        "is_active": campaign.is_active,
        "languages": list(campaign.languages),
        "questions": [
            {
                "id": q.pk,
                "position": q.position,
                "prompt": q.prompt,
                "help_text": q.help_text,
                "purpose": q.purpose,
                "wordings": [
                    {
                        "language": code,
                        "prompt": w.prompt,
                        "prompt_language": w.prompt_language,
                        "help_text": w.help_text,
                        "help_language": w.help_language,
                    }
                    for code, w in q.all_wordings().items()
                ],
            }
            for q in campaign.questions.all()
        ],
    }


@campaigns.get(
    "/",
    response={200: s.CampaignPage, **s.ERRORS},
    url_name="campaigns",
    summary="Campaigns, with their listening guides",
)
def list_campaigns(request, limit: int = Limit, offset: int = Offset):
    rows = (
        campaigns_for(_member(request))
        .prefetch_related("questions__wordings")
        .order_by("-is_active", "-starts_on", "name", "id")
    )
    return _page(rows, limit, offset, campaign_out)


@campaigns.get(
    "/{campaign_id}/themes",
    response={200: s.ThemePage, **s.ERRORS},
    url_name="themes",
    summary="A campaign's themes (organizers and administrators)",
)
def list_themes(request, campaign_id: s.Id, limit: int = Limit, offset: int = Offset):
    membership = _member(request)
    campaign = get_campaign_for(membership, campaign_id)
    _staff_only(membership)
    rows = themes_for(membership, campaign)
    return _page(
        rows,
        limit,
        offset,
        lambda t: {
            "id": t.pk,
            "title": t.title,
            "label": t.label,
            "keywords": [str(k) for k in t.keywords or []],
            "size": t.size,
            "pinned": t.pinned,
        },
    )


# ---------------------------------------------------------------------------------------------
# Conversations

conversations = Router(tags=["conversations"])


def conversation_out(c) -> dict:
    return {
        "id": c.pk,
        "campaign_id": c.campaign_id,
        "campaign": c.campaign.name,
        "venue": c.venue,
        "held_on": c.held_on,
        "place": _place(c.place),
        "held_by": c.held_by.get_full_name() or c.held_by.get_username(),
        "people": [{"id": p.person_id, "name": p.person.name} for p in c.participants.all()],
        "next_step": c.next_step,
        "next_step_response": c.next_step_response,
        "language": c.language,
        "created_at": c.created_at,
    }


def conversation_detail(c) -> dict:
    return {
        **conversation_out(c),
        "notes_withheld": c.notes_withheld,
        "answers": [
            {"question_id": a.question_id, "question": a.question.prompt, "text": a.text}
            for a in c.answers.all()
        ],
        "quotes": [
            {
                "id": q.pk,
                "person": {"id": q.person.pk, "name": q.person.name} if q.person else None,
                "text": q.text,
                "consent": q.consent,
                "language": q.language,
            }
            for q in c.visible_quotes
        ],
    }


@conversations.get(
    "/",
    response={200: s.ConversationPage, **s.ERRORS},
    url_name="conversations",
    summary="Conversations the member may open",
)
def list_conversations(
    request,
    q: str = Query("", max_length=SEARCH_MAX, description="Words in names, answers, quotes."),
    campaign: s.Id | None = Query(None),
    held_from: s.Day | None = Query(None, description="Held on or after this day."),
    held_until: s.Day | None = Query(None, description="Held on or before this day."),
    limit: int = Limit,
    offset: int = Offset,
):
    rows = search_conversations(_member(request), search_text(q), campaign_id=campaign)
    if held_from is not None:
        rows = rows.filter(held_on__gte=held_from)
    if held_until is not None:
        rows = rows.filter(held_on__lte=held_until)
    return _page(rows.order_by("-held_on", "-created_at", "id"), limit, offset, conversation_out)


@conversations.get(
    "/{conversation_id}",
    response={200: s.ConversationDetail, **s.ERRORS},
    url_name="conversation",
    summary="One conversation, with its answers and the quotes the member may read",
)
def get_conversation(request, conversation_id: uuid.UUID):
    membership = _member(request)
    conversation = get_conversation_for(membership, conversation_id)
    record_viewed(membership=membership, kind="conversations.conversation", pk=conversation.pk)
    return conversation_detail(conversation)


@conversations.post(
    "/",
    response={200: s.ConversationDetail, 201: s.ConversationDetail, 409: s.Problem, **s.ERRORS},
    url_name="conversations",
    summary="Record a conversation (idempotent on its id)",
    description=(
        "Stored by the same service as the capture form, in one transaction. 201 when stored, "
        "200 when this member already stored a conversation with this id (a retry), 409 when "
        "the id is another member's, 422 with the reasons in words when refused."
    ),
)
def create_conversation(request, payload: s.ConversationIn):
    membership = _member(request)
    conversation_record = _record_from(membership, payload)
    try:
        with acting_as(membership.user):
            conversation, created = record_conversation(by=membership, record=conversation_record)
    except ValidationError as error:
        if _id_in_use(error):
            return Status(409, {"detail": "This conversation id is already in use."})
        return Status(422, {"detail": _reasons(error)})
    return Status(
        201 if created else 200,
        conversation_detail(get_conversation_for(membership, conversation.pk)),
    )


def _record_from(membership: Membership, payload: s.ConversationIn) -> ConversationRecord:
    """The payload as the capture form's record; ids it names are looked up through the access
    helpers (an id the member may not see is refused in words, never revealed)."""
    problems: dict[str, list[str]] = {}
    campaign = campaigns_for(membership).filter(pk=payload.campaign_id).first()
    if campaign is None:
        raise HttpError(422, "Unknown campaign.")
    places = {p.pk: p for p in places_for(membership).filter(pk__in=_place_ids(payload))}
    place = None
    if payload.place_id is not None:
        place = places.get(payload.place_id)
        if place is None:
            problems.setdefault("place", []).append("Unknown place.")
    wanted = list(dict.fromkeys(payload.people))
    found = {p.pk: p for p in people_for(membership).filter(pk__in=wanted)}
    if len(found) < len(wanted):
        problems.setdefault("people", []).append("Unknown person.")
    known = [found[pk] for pk in wanted if pk in found]
    new_people = []
    for new in payload.new_people:
        if new.place_id is not None and new.place_id not in places:
            problems.setdefault("new_people", []).append("Unknown place.")
        new_people.append(
            NewPerson(
                name=new.name.strip(),
                phone=new.phone.strip(),
                email=new.email.strip(),
                language=new.language,
                place=places.get(new.place_id) if new.place_id else place,
                may_contact=new.may_contact,
                notes_kept=new.notes_kept,
            )
        )
        if not new.name.strip():
            problems.setdefault("new_people", []).append("A new person needs a name.")
    quotes = []
    for quote in payload.quotes:
        speaker = None
        if quote.person_id is not None:
            speaker = found.get(quote.person_id)
            if speaker is None:
                problems.setdefault("quotes", []).append(
                    "A quote names someone who is not in this conversation."
                )
        quotes.append(
            HeardQuote(
                text=quote.text,
                consent=quote.consent,
                person=speaker,
                language=quote.language or "",
            )
        )
    promises = []
    for promise in payload.promises:
        hours = Decimal(str(round(promise.hours, 1)))  # at least 0.1: the schema says so
        promises.append(
            Promise(
                side=promise.side, what=promise.what.strip(), hours=hours, due_on=promise.due_on
            )
        )
    answers = {}
    for answer in payload.answers:
        answers[answer.question_id] = answer.text
    if problems:
        raise HttpError(422, _words(problems))
    return ConversationRecord(
        id=payload.id,
        campaign=campaign,
        venue=payload.venue,
        held_on=payload.held_on,
        # Unsaid: the member's own language when the campaign listens in it (their interface
        # language, once chosen, else the request's), as on the capture page.
        language=payload.language
        or campaign.language_for(getattr(membership, "language", "") or get_language()),
        place=place,
        people=known,
        new_people=new_people,
        answers=answers,
        quotes=quotes,
        next_step=payload.next_step,
        next_step_response=payload.next_step_response,
        promises=promises,
    )


def _place_ids(payload: s.ConversationIn) -> set[int]:
    ids = {payload.place_id} | {new.place_id for new in payload.new_people}
    return {pk for pk in ids if pk is not None}


def _id_in_use(error: ValidationError) -> bool:
    return any(e.code == "id_in_use" for e in getattr(error, "error_dict", {}).get("__all__", []))


def _reasons(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return _words(error.message_dict)
    return " ".join(error.messages)


def _words(problems: dict[str, list[str]]) -> str:
    """Reasons as one sentence per problem, e.g. "held_on: The date is in the future."."""
    return " ".join(
        message if field == "__all__" else f"{field}: {message}"
        for field, messages in problems.items()
        for message in dict.fromkeys(messages)
    )


# ---------------------------------------------------------------------------------------------
# Commitments

commitments = Router(tags=["commitments"])


def commitment_out(c) -> dict:
    return {
        "id": c.pk,
        "conversation_id": c.conversation_id,
        "person": {"id": c.person.pk, "name": c.person.name},
        "side": c.side,
        "owner": (c.owner.get_full_name() or c.owner.get_username()) if c.owner else None,
        "what": c.what,
        "hours": float(c.hours),
        "due_on": c.due_on,
        "status": c.status,
    }


@commitments.get(
    "/",
    response={200: s.CommitmentPage, **s.ERRORS},
    url_name="commitments",
    summary="Commitments: the member's own, or (staff) the team's",
)
def list_commitments(
    request,
    show: Literal["mine", "team"] = Query(
        "mine", description="`team` is the whole organization's, for organizers and admins."
    ),
    group: Literal[tuple(GROUPS)] = Query(None, description="Only this group."),  # type: ignore
    limit: int = Limit,
    offset: int = Offset,
):
    membership = _member(request)
    if show == "team":
        _staff_only(membership)
    rows = commitments_for(membership) if show == "team" else commitments_mine(membership)
    if group:
        rows = in_group(rows, group, timezone.localdate())
    else:
        rows = rows.select_related("person", "owner").order_by("due_on", "id")
    return _page(rows, limit, offset, commitment_out)


# ---------------------------------------------------------------------------------------------
# Events

events = Router(tags=["events"])


def event_out(e) -> dict:
    return {
        "id": e.pk,
        "campaign_id": e.campaign_id,
        "kind": e.kind,
        "title": e.title,
        "starts_at": e.starts_at,
        "location": e.location,
        "description": e.description,
        "capacity": e.capacity,
    }


@events.get(
    "/",
    response={200: s.EventPage, **s.ERRORS},
    url_name="events",
    summary="Events (trainings, house meetings, actions)",
)
def list_events(
    request,
    campaign: s.Id | None = Query(None),
    upcoming: bool = Query(False, description="Only events that have not started yet."),
    limit: int = Limit,
    offset: int = Offset,
):
    rows = events_for(_member(request))
    if campaign is not None:
        rows = rows.filter(campaign_id=campaign)
    if upcoming:
        rows = rows.filter(starts_at__gte=timezone.now())
    return _page(rows.order_by("starts_at", "id"), limit, offset, event_out)


@events.get(
    "/{event_id}",
    response={200: s.EventOut, **s.ERRORS},
    url_name="event",
    summary="One event",
)
def get_event(request, event_id: s.Id):
    return event_out(get_event_for(_member(request), event_id))


api.add_router("/v1/people", people)
api.add_router("/v1/campaigns", campaigns)
api.add_router("/v1/conversations", conversations)
api.add_router("/v1/commitments", commitments)
api.add_router("/v1/events", events)
