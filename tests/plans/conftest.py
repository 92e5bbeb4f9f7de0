"""A campaign with two themes and a plan on it: the shared `ours` data (Rosa on the
volunteer's turf, Sam elsewhere), a shareable quote and one "not to be shared"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import numpy as np
import pytest
from factories import AnswerFactory, QuoteFactory

from heard.conversations.models import Quote
from heard.plans import services
from heard.themes.models import Theme, ThemeAssignment
from plans.reading import PRIVATE_QUOTE


def make_theme(campaign, label: str, conversations, highlights=None, hope_phrases=()) -> Theme:
    theme = Theme.objects.create(
        campaign=campaign,
        label=label,
        prototypes=np.zeros((1, 4), dtype=np.float32).tobytes(),
        dimension=4,
        size=len(conversations),
        highlights=highlights or {},
        hope_phrases=list(hope_phrases),
    )
    for conversation in conversations:
        ThemeAssignment.objects.create(
            conversation=conversation, campaign=campaign, theme=theme, score=0.9, note_sha256="x"
        )
    return theme


@pytest.fixture
def planned(ours, may):
    shared = Quote.objects.get(conversation=ours.by_lee)  # "My kids sleep in their coats."
    private = QuoteFactory(
        conversation=ours.by_may, person=ours.sam, text=PRIVATE_QUOTE, consent=Quote.Consent.NONE
    )
    hope_answer = AnswerFactory(
        conversation=ours.by_may, question=ours.hope, text="A boiler that works all winter long."
    )
    cold = make_theme(
        ours.campaign,
        "Cold homes all winter",
        [ours.by_lee, ours.by_may],
        highlights={"quotes": [shared.pk, private.pk], "hope": [hope_answer.pk]},
        hope_phrases=["warm homes"],
    )
    rent = make_theme(ours.campaign, "Rent going up", [])
    plan = services.choose_themes(by=may, campaign=ours.campaign, themes=[cold, rent])
    cold_in_plan = plan.themes.get(theme=cold)
    action_sam = services.add_action(
        by=may,
        plan_theme=cold_in_plan,
        details=services.ActionDetails(
            what="Host a house meeting about the boilers",
            owner_person=ours.sam,
            hours=Decimal("3"),
            due_on=dt.date.today() + dt.timedelta(days=10),
        ),
    )
    action_may = services.add_action(
        by=may,
        plan_theme=cold_in_plan,
        details=services.ActionDetails(
            what="Write to the housing inspector",
            owner_member_id=may.user_id,
            hours=Decimal("2"),
            status="done",
            event=ours.event,
        ),
    )
    return SimpleNamespace(
        plan=plan,
        cold=cold,
        rent=rent,
        cold_in_plan=cold_in_plan,
        shared=shared,
        private=private,
        hope_answer=hope_answer,
        action_sam=action_sam,
        action_may=action_may,
        **vars(ours),
    )
