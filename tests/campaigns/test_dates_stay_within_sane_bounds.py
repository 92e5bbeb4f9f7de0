"""Dates typed for events and campaigns stay between 2000-01-01 and five years from today: year
9999 cannot even be turned into UTC (saving it was a 500), and year 1 is always a typo."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from heard.campaigns.models import Campaign, Event, date_out_of_bounds, years_after

from .guide_form import campaign_data

TODAY = timezone.localdate()


def event_data(**fields):
    return {
        "title": "Know your rights",
        "kind": "training",
        "campaign": "",
        "starts_at": f"{TODAY.year + 1}-03-01T18:00",
        "location": "",
        "capacity": "",
        "description": "",
        **fields,
    }


@pytest.mark.parametrize(
    "starts_at",
    ["9999-12-31T23:59", "0001-01-01T00:00", "1999-12-31T23:00", f"{TODAY.year + 6}-01-01T10:00"],
)
def test_an_event_far_in_the_past_or_future_is_a_form_error(may_client, ours, starts_at):
    response = may_client.post(reverse("campaigns:event_new"), event_data(starts_at=starts_at))
    assert response.status_code == 400
    assert response.context["form"].errors["starts_at"][0].startswith("Pick a date on or")
    assert not Event.objects.filter(title="Know your rights").exists()


def test_an_event_next_year_is_saved(may_client, ours):
    response = may_client.post(reverse("campaigns:event_new"), event_data())
    assert response.status_code == 302
    assert Event.objects.filter(title="Know your rights").exists()


def test_an_events_campaign_past_64_bits_is_a_form_error(may_client, ours):
    response = may_client.post(
        reverse("campaigns:event_new"), event_data(campaign="99999999999999999999")
    )
    assert response.status_code == 400
    assert "campaign" in response.context["form"].errors


@pytest.mark.parametrize(
    ("field", "value"),
    [("starts_on", "0001-01-01"), ("ends_on", "9999-12-31"), ("starts_on", "1999-12-31")],
)
def test_a_campaign_date_out_of_bounds_is_a_form_error(may_client, ours, field, value):
    data = campaign_data(name="Typo Campaign", **{field: value})
    if field == "ends_on":
        data["starts_on"] = TODAY.isoformat()
    response = may_client.post(reverse("campaigns:new"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field][0].startswith("Pick a date on or")
    assert not Campaign.objects.filter(name="Typo Campaign").exists()


def test_a_campaign_still_ends_after_it_starts(may_client, ours):
    data = campaign_data(starts_on="2025-06-01", ends_on="2025-05-01")
    response = may_client.post(reverse("campaigns:new"), data)
    assert response.context["form"].errors["ends_on"] == ["The campaign ends before it starts."]


def test_the_bounds_helper_names_the_bound_crossed():
    assert date_out_of_bounds(dt.date(2000, 1, 1)) is None
    assert date_out_of_bounds(dt.date(1999, 12, 31)) == "Pick a date on or after 1 January 2000."
    latest = years_after(TODAY, 5)
    assert date_out_of_bounds(latest) is None
    assert date_out_of_bounds(latest + dt.timedelta(days=1)).startswith("Pick a date on or before")
    assert date_out_of_bounds(TODAY, earliest=TODAY, latest=TODAY) is None


def test_a_leap_day_moves_to_the_28th_in_a_common_year():
    assert years_after(dt.date(2024, 2, 29), 2) == dt.date(2026, 2, 28)
