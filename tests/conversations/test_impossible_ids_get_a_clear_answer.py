"""An id no row can have (longer than 64 bits, negative, not ASCII digits) gets a plain 404 or a
form error, never a 500: SQLite raises OverflowError on a number past 64 bits in a query."""

import pytest
from django.urls import reverse

from heard.conversations.models import Conversation
from heard.ids import MAX_ID, parse_id

from .capture import URL, capture_data, error_next_to

HUGE = "99999999999999999999"


@pytest.fixture
def post(lee_client, ours):
    def post(**changes):
        defaults = {"people": [ours.rosa], "answers": {ours.problem: "The boiler."}}
        data = capture_data(ours.campaign, **{**defaults, **changes})
        response = lee_client.post(URL, data)
        assert response.status_code == 400
        assert not Conversation.objects.filter(pk=data["client_id"]).exists()
        return response

    return post


@pytest.mark.parametrize("value", [HUGE, "-1", "0", "²", "1e3", " "])
def test_a_person_id_that_cannot_be_is_an_unknown_person(post, value):
    assert error_next_to(post(people=[value]), "person-search", "Unknown person.")


@pytest.mark.parametrize("field", ["campaign", "place"])
def test_a_campaign_or_place_id_past_64_bits_is_a_form_error(post, field):
    response = post(**{field: HUGE})
    assert field in response.context["form"].errors


def test_a_new_persons_place_past_64_bits_is_a_form_error(post):
    response = post(new_people=[{"name": "Kofi", "place": HUGE}])
    assert "place" in response.context["new_people"].forms[0].errors


def test_a_row_count_in_other_digits_is_not_a_crash(post):
    assert post(**{"new-TOTAL_FORMS": "²"}).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        f"/people/{HUGE}/",
        f"/campaigns/{HUGE}/",
        f"/campaigns/events/{HUGE}/",
        f"/campaigns/events/1/signups/{HUGE}/",
        f"/themes/campaign/{HUGE}/",
        f"/themes/{HUGE}/",
    ],
)
def test_an_id_past_18_digits_in_a_url_is_not_found(may_client, ours, url):
    assert may_client.get(url).status_code == 404


def test_urls_still_take_ordinary_ids(may_client, ours):
    url = reverse("people:detail", args=[ours.rosa.pk])
    assert url == f"/people/{ours.rosa.pk}/"
    assert may_client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        (" 7 ", 7),
        ("000123", 123),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        (HUGE, None),
        ("0", None),
        ("-5", None),
        ("²", None),
        ("٣", None),
        ("", None),
        (None, None),
        (True, None),
        (12, 12),
        (10**30, None),
    ],
)
def test_parse_id_names_only_what_can_be_an_id(value, expected):
    assert parse_id(value) == expected
