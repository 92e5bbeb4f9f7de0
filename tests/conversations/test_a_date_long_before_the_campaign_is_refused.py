"""A conversation dated more than a year before its campaign starts is a typo (0001-01-01 for
an empty date, 1925 for 2025): the form says so next to the Date field, and the service refuses
it whoever calls."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from factories import CampaignFactory, GuideQuestionFactory

from heard.campaigns.models import LISTENING_BEFORE_START
from heard.conversations.models import Conversation
from heard.conversations.services import ConversationRecord, record_conversation

from .capture import URL, capture_data, error_next_to

STARTS_ON = dt.date(2025, 3, 1)
EARLIEST = dt.date(2024, 3, 1)
TOO_EARLY = (
    "This campaign started on 1 March 2025; "
    "a conversation can be dated from 1 March 2024 at the earliest."
)


@pytest.fixture
def campaign(ours):
    ours.campaign.starts_on = STARTS_ON
    ours.campaign.save(update_fields=["starts_on"])
    return ours.campaign


def a_record(ours, campaign, held_on, **changes) -> ConversationRecord:
    fields = {
        "id": uuid.uuid4(),
        "campaign": campaign,
        "venue": "door",
        "held_on": held_on,
        "people": [ours.rosa],
        "answers": {ours.problem.pk: "The boiler."},
    }
    return ConversationRecord(**{**fields, **changes})


def refusal(by, record) -> dict:
    with pytest.raises(ValidationError) as caught:
        record_conversation(by=by, record=record)
    assert not Conversation.objects.filter(pk=record.id).exists()
    return caught.value.message_dict


def test_the_earliest_date_is_a_year_before_the_campaign_starts(campaign):
    assert campaign.starts_on - LISTENING_BEFORE_START == EARLIEST
    assert campaign.earliest_conversation_date == EARLIEST


@pytest.mark.parametrize("held_on", ["2024-02-29", "0001-01-01"])
def test_the_form_refuses_a_date_too_early_next_to_the_date_field(
    lee_client, ours, campaign, held_on
):
    data = capture_data(
        campaign, people=[ours.rosa], answers={ours.problem: "The boiler."}, held_on=held_on
    )
    response = lee_client.post(URL, data)
    assert response.status_code == 400
    assert error_next_to(response, "id_held_on", TOO_EARLY)
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()


def test_the_form_keeps_a_date_just_inside_the_bound(lee_client, ours, campaign):
    data = capture_data(
        campaign,
        people=[ours.rosa],
        answers={ours.problem: "The boiler."},
        held_on=EARLIEST.isoformat(),
    )
    assert lee_client.post(URL, data).status_code == 302
    assert Conversation.objects.get(pk=data["client_id"]).held_on == EARLIEST


@pytest.mark.parametrize("held_on", [dt.date(2024, 2, 29), dt.date(1, 1, 1)])
def test_record_conversation_refuses_a_date_too_early(may, ours, campaign, held_on):
    errors = refusal(may, a_record(ours, campaign, held_on))
    assert errors == {"held_on": [TOO_EARLY]}


def test_record_conversation_keeps_a_date_just_inside_the_bound(may, ours, campaign):
    conversation, created = record_conversation(by=may, record=a_record(ours, campaign, EARLIEST))
    assert created
    assert conversation.held_on == EARLIEST


def test_a_campaign_that_starts_later_says_when_it_starts(may, ours, campaign):
    campaign.starts_on = timezone.localdate() + dt.timedelta(days=400)
    campaign.save(update_fields=["starts_on"])
    errors = refusal(may, a_record(ours, campaign, timezone.localdate() - dt.timedelta(days=1)))
    assert errors["held_on"][0].startswith("This campaign starts on ")


def test_a_campaign_without_a_start_date_takes_conversations_from_the_year_2000(may, ours):
    campaign = CampaignFactory(organization=ours.org, starts_on=None)
    question = GuideQuestionFactory(campaign=campaign)
    answers = {question.pk: "The boiler."}
    errors = refusal(may, a_record(ours, campaign, dt.date(1999, 12, 31), answers=answers))
    assert errors == {
        "held_on": ["A conversation can be dated from 1 January 2000 at the earliest."]
    }
    record = a_record(ours, campaign, dt.date(2000, 1, 1), answers=answers)
    assert record_conversation(by=may, record=record)[1]


def test_a_start_date_typed_as_year_one_still_floors_at_the_year_2000(may, ours, campaign):
    campaign.starts_on = dt.date(1, 1, 1)
    campaign.save(update_fields=["starts_on"])
    assert campaign.earliest_conversation_date == dt.date(2000, 1, 1)
    errors = refusal(may, a_record(ours, campaign, dt.date(1, 1, 1)))
    assert errors == {
        "held_on": ["A conversation can be dated from 1 January 2000 at the earliest."]
    }


def test_another_organizations_campaign_start_is_never_shown(may, ours, theirs):
    theirs.campaign.starts_on = STARTS_ON
    theirs.campaign.save(update_fields=["starts_on"])
    errors = refusal(may, a_record(ours, theirs.campaign, dt.date(1, 1, 1), answers={}))
    assert errors["campaign"] == ["Unknown campaign."]
    assert "March" not in str(errors)
