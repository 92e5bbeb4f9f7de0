"""The plan is the organization's handout: every member reads it, staff change it, an outsider
finds nothing. A volunteer's page and exports name only the people they may see."""

import pytest
from django.urls import reverse

from heard.plans.models import PlanAction
from plans.reading import docx_text, pdf_text


def urls(planned):
    pk = planned.campaign.pk
    return [
        reverse("plans:detail", args=[pk]),
        reverse("plans:pdf", args=[pk]),
        reverse("plans:docx", args=[pk]),
        reverse("plans:action_add", args=[planned.cold_in_plan.pk]),
        reverse("plans:action_edit", args=[planned.action_sam.pk]),
    ]


def test_the_volunteer_reads_the_plan_without_the_names_they_may_not_see(lee_client, planned):
    page = lee_client.get(reverse("plans:detail", args=[planned.campaign.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Cold homes all winter" in html
    assert "Rosa Alvarez" in html  # on Lee's turf
    assert "Sam Okafor" not in html  # elsewhere, and Lee never talked with him
    assert "A neighbour" in html  # Sam's action is still there, unnamed
    assert "Add an action" not in html
    pdf = pdf_text(lee_client.get(reverse("plans:pdf", args=[planned.campaign.pk])).content)
    word = docx_text(lee_client.get(reverse("plans:docx", args=[planned.campaign.pk])).content)
    for text in (pdf, word):
        assert "Cold homes all winter" in text
        assert "Rosa Alvarez" in text
        assert "Sam Okafor" not in text
    # Sam's hope came from a conversation Lee may not open.
    assert "A boiler that works all winter long." not in html + pdf + word


def test_the_organizer_sees_everyone_who_raised_it(may_client, planned):
    html = may_client.get(reverse("plans:detail", args=[planned.campaign.pk])).content.decode()
    assert "Rosa Alvarez" in html
    assert "Sam Okafor" in html
    assert "1 of 2 actions done" in html


@pytest.mark.parametrize("index", range(5))
def test_an_outsider_gets_404(otto_client, planned, index):
    assert otto_client.get(urls(planned)[index]).status_code == 404


def test_a_volunteer_may_not_change_the_plan(lee_client, planned):
    assert lee_client.get(urls(planned)[3]).status_code == 403
    response = lee_client.post(
        reverse("plans:action_status", args=[planned.action_sam.pk]), {"status": "dropped"}
    )
    assert response.status_code == 403
    planned.action_sam.refresh_from_db()
    assert planned.action_sam.status == PlanAction.Status.PLANNED


def test_an_outsider_cannot_change_our_plan(otto_client, planned):
    response = otto_client.post(
        reverse("plans:action_status", args=[planned.action_sam.pk]), {"status": "dropped"}
    )
    assert response.status_code == 404
    planned.action_sam.refresh_from_db()
    assert planned.action_sam.status == PlanAction.Status.PLANNED


def test_the_campaign_page_leads_every_member_to_the_plan(may_client, lee_client, ours):
    plan = reverse("plans:detail", args=[ours.campaign.pk])
    for client in (may_client, lee_client):
        page = client.get(reverse("campaigns:detail", args=[ours.campaign.pk])).content.decode()
        assert f'href="{plan}"' in page
