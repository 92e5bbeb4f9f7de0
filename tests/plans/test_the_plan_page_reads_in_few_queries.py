"""The plan page and its exports take the same number of queries however many actions and
people a theme has: everything is read per plan, not per row."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from factories import ConversationFactory, PersonFactory

from heard.conversations.models import Response
from heard.plans import services
from heard.themes.models import ThemeAssignment


def grow(planned, may, n: int) -> None:
    for i in range(n):
        person = PersonFactory(organization=planned.org, name=f"Neighbour {i}")
        conversation = ConversationFactory(
            campaign=planned.campaign,
            held_by=may.user,
            people=[person],
            next_step_response=Response.YES,
        )
        ThemeAssignment.objects.create(
            conversation=conversation,
            campaign=planned.campaign,
            theme=planned.cold,
            score=0.5,
            note_sha256="x",
        )
        services.add_action(
            by=may,
            plan_theme=planned.cold_in_plan,
            details=services.ActionDetails(
                what=f"Door-knock block {i}",
                owner_person=person,
                hours=Decimal("1.5"),
                due_on=dt.date.today(),
                commitment=None,
                event=planned.event,
            ),
        )


def test_the_page_and_the_pdf_take_as_many_queries_with_many_actions(
    may, may_client, lee_client, planned, queries_for
):
    urls = [
        reverse("plans:detail", args=[planned.campaign.pk]),
        reverse("plans:pdf", args=[planned.campaign.pk]),
    ]
    few = [queries_for(client, url) for url in urls for client in (may_client, lee_client)]
    grow(planned, may, 8)
    many = [queries_for(client, url) for url in urls for client in (may_client, lee_client)]
    assert many == few
    assert max(many) <= 20, many
