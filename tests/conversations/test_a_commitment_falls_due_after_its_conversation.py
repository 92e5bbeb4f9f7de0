"""A commitment falls due after the conversation it was made in and within two years of it: the
form says so next to the date, and the service refuses it whoever calls."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from heard.commitments.models import Commitment
from heard.commitments.rules import due_date_problem
from heard.conversations.services import ConversationRecord, Promise, record_conversation

from .capture import URL, capture_data, error_next_to

TODAY = timezone.localdate()
LAST_WEEK = TODAY - dt.timedelta(days=7)


def post(client, ours, due_on):
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        answers={ours.problem: "The boiler."},
        held_on=LAST_WEEK.isoformat(),
        promises=[{"side": "person", "what": "Call Sam", "hours": "1", "due_on": due_on}],
    )
    return client.post(URL, data)


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        (LAST_WEEK - dt.timedelta(days=1), "It falls due before the conversation took place."),
        (dt.date(LAST_WEEK.year + 3, 1, 1), "Pick a date on or before"),
        (dt.date(9999, 12, 31), "Pick a date on or before"),
        (dt.date(1, 1, 1), "It falls due before the conversation took place."),
    ],
)
def test_a_due_date_outside_its_span_is_shown_next_to_the_date(lee_client, ours, due_on, message):
    response = post(lee_client, ours, due_on.isoformat())
    assert response.status_code == 400
    [error] = response.context["promises"].forms[0].errors["due_on"]
    assert error.startswith(message)
    assert not Commitment.objects.exists()


@pytest.mark.parametrize("due_on", [LAST_WEEK, TODAY + dt.timedelta(days=365)])
def test_a_due_date_on_the_day_or_within_two_years_is_kept(lee_client, ours, due_on):
    assert post(lee_client, ours, due_on.isoformat()).status_code == 302
    assert Commitment.objects.get().due_on == due_on


def test_the_service_refuses_it_too(lee, ours):
    record = ConversationRecord(
        id=uuid.uuid4(),
        campaign=ours.campaign,
        venue="door",
        held_on=TODAY,
        people=[ours.rosa],
        answers={ours.problem.pk: "Noise."},
        promises=[Promise("person", "Host", Decimal("1"), TODAY - dt.timedelta(days=1))],
    )
    with pytest.raises(ValidationError) as refused:
        record_conversation(by=lee, record=record)
    assert refused.value.message_dict["promises"] == [
        "“Host”: It falls due before the conversation took place."
    ]


def test_the_rule_reads_the_same_everywhere():
    held_on = dt.date(2024, 2, 29)
    assert due_date_problem(dt.date(2026, 2, 28), held_on=held_on) is None
    assert due_date_problem(dt.date(2026, 3, 1), held_on=held_on) is not None


def test_the_date_field_error_sits_next_to_the_field(lee_client, ours):
    response = post(lee_client, ours, (LAST_WEEK - dt.timedelta(days=1)).isoformat())
    assert error_next_to(
        response, "id_promise-0-due_on", "It falls due before the conversation took place."
    )
