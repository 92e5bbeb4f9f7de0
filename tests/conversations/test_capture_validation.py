"""The capture form refuses what it must, with a plain message next to the field to fix, and
stores nothing until everything is right."""

import datetime as dt

import pytest
from django.utils import timezone

from heard.conversations.models import Conversation

from .capture import SOON, URL, capture_data, error_at_the_top, error_next_to

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


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


def test_a_date_in_the_future_is_refused(post):
    response = post(held_on=TOMORROW.isoformat())
    assert error_next_to(response, "id_held_on", "The date is in the future.")


def test_a_date_is_needed(post):
    assert error_next_to(post(held_on=""), "id_held_on", "This field is required.")


def test_a_conversation_with_nothing_heard_is_refused(post):
    response = post(answers={}, quotes=[{"text": "   "}])
    assert error_at_the_top(
        response, "The conversation is empty: write down at least one thing you heard."
    )


def test_a_conversation_needs_someone_to_have_talked_with(post):
    response = post(people=[])
    assert error_next_to(response, "person-search", "Who did you talk with? Find or add a person.")


def test_another_organizations_campaign_is_unknown(post, theirs):
    response = post(campaign=theirs.campaign.pk)
    assert error_next_to(response, "id_campaign", "Unknown campaign.")
    assert "Westside Rent Strike" not in response.content.decode()


def test_another_organizations_person_is_unknown(post, theirs):
    response = post(people=[theirs.olga])
    assert error_next_to(response, "person-search", "Unknown person.")
    assert "Olga" not in response.content.decode()


def test_a_person_the_volunteer_may_not_see_is_unknown(post, ours):
    assert error_next_to(post(people=[ours.sam]), "person-search", "Unknown person.")


def test_another_organizations_place_is_refused(post, theirs):
    response = post(place=theirs.place.pk)
    assert "place" in response.context["form"].errors


def test_an_answer_longer_than_20000_characters_is_refused(post, ours):
    response = post(answers={ours.problem: "x" * 20_001})
    assert error_next_to(
        response,
        f"id_answer_{ours.problem.pk}",
        "Keep this under 20,000 characters; put the rest in another note.",
    )


def test_an_answer_of_exactly_20000_characters_is_kept(lee_client, ours):
    data = capture_data(ours.campaign, people=[ours.rosa], answers={ours.problem: "x" * 20_000})
    assert lee_client.post(URL, data).status_code == 302


def test_a_quote_longer_than_2000_characters_is_refused(post):
    response = post(quotes=[{"text": "y" * 2_001, "consent": "team"}])
    assert error_next_to(
        response,
        "id_quote-0-text",
        "Keep this under 2,000 characters; put the rest in another note.",
    )


def test_a_next_step_needs_their_answer(post):
    response = post(next_step="training", next_step_response="not_asked")
    assert error_next_to(response, "id_next_step_response", "Did they say yes, maybe or no?")


def test_a_commitment_needs_hours_and_a_date(post):
    response = post(promises=[{"side": "person", "what": "Host a house meeting"}])
    assert error_next_to(response, "id_promise-0-hours", "How many hours?")
    assert error_next_to(response, "id_promise-0-due_on", "By when?")


def test_hours_and_a_date_need_to_say_what_will_be_done(post):
    response = post(promises=[{"side": "organizer", "hours": "2", "due_on": SOON}])
    assert error_next_to(response, "id_promise-0-what", "What will they do?")


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("0", "Ensure this value is greater than or equal to 0.5."),
        ("-1", "Ensure this value is greater than or equal to 0.5."),
        ("200.5", "Ensure this value is less than or equal to 200."),
        ("1.25", "Ensure that there are no more than 1 decimal place."),
        ("lots", "Enter a number."),
    ],
)
def test_hours_must_be_sensible(post, hours, message):
    response = post(
        promises=[{"side": "person", "what": "Knock doors", "hours": hours, "due_on": SOON}]
    )
    assert error_next_to(response, "id_promise-0-hours", message)


def test_a_new_person_with_a_phone_but_no_name_is_refused(post):
    response = post(people=[], new_people=[{"phone": "555-0199"}])
    assert error_next_to(response, "id_new-0-name", "Add their name, or clear the other fields.")


def test_a_new_persons_email_must_look_like_one(post):
    response = post(new_people=[{"name": "Kofi", "email": "not-an-email"}])
    assert error_next_to(response, "id_new-0-email", "Enter a valid email address.")


def test_every_mistake_is_shown_at_once(post, theirs):
    response = post(
        held_on=TOMORROW.isoformat(),
        campaign=theirs.campaign.pk,
        next_step="action",
        promises=[{"side": "person", "what": "Knock doors"}],
        new_people=[{"phone": "555-0199"}],
    )
    assert error_next_to(response, "id_held_on", "The date is in the future.")
    assert error_next_to(response, "id_campaign", "Unknown campaign.")
    assert error_next_to(response, "id_next_step_response", "Did they say yes, maybe or no?")
    assert error_next_to(response, "id_promise-0-hours", "How many hours?")
    assert error_next_to(response, "id_new-0-name", "Add their name, or clear the other fields.")
    # The sections with errors are open, so the volunteer sees them on a phone.
    text = response.content.decode()
    assert '<details class="new-people" open>' in text
    assert '<details class="promises" open>' in text
