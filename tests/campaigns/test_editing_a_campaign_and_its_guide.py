"""An organizer writes a campaign and its listening guide: questions with helper text, in the
order they are asked, added, moved and removed in one form."""

import datetime as dt

import pytest
from django.urls import reverse
from factories import AnswerFactory, CampaignFactory, GuideQuestionFactory

from heard.campaigns.models import Campaign, GuideQuestion

from .guide_form import campaign_data


def existing(question, **changes):
    row = {
        "id": question.pk,
        "prompt": question.prompt,
        "help_text": question.help_text,
        "purpose": question.purpose,
    }
    row.update(changes)
    return row


def prompts(campaign):
    return list(campaign.questions.values_list("prompt", flat=True))


@pytest.fixture
def guide(org):
    campaign = CampaignFactory(organization=org, name="Safe Streets")
    return campaign, [
        GuideQuestionFactory(campaign=campaign, position=n, prompt=prompt)
        for n, prompt in enumerate(["First?", "Second?", "Third?"], start=1)
    ]


def test_an_organizer_creates_a_campaign_with_its_guide(may_client, org):
    response = may_client.post(
        reverse("campaigns:new"),
        campaign_data(
            [
                {"prompt": "What is the problem?", "help_text": "Ask for a story.", "ORDER": 1},
                {"prompt": "What do you hope for?", "purpose": "hope", "ORDER": 2},
                {},  # the empty extra row
            ]
        ),
    )
    campaign = Campaign.objects.get(name="Safe Streets")
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:detail", args=[campaign.pk])
    assert campaign.organization == org
    assert campaign.ends_on == dt.date(2025, 6, 30)
    questions = list(campaign.questions.all())
    assert [(q.position, q.prompt, q.help_text, q.purpose) for q in questions] == [
        (1, "What is the problem?", "Ask for a story.", "other"),
        (2, "What do you hope for?", "", "hope"),
    ]


def test_the_guide_is_reordered_with_the_order_numbers(may_client, guide):
    campaign, (first, second, third) = guide
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [existing(first, ORDER=3), existing(second, ORDER=1), existing(third, ORDER=2)]
        ),
    )
    assert response.status_code == 302
    assert prompts(campaign) == ["Second?", "Third?", "First?"]
    assert list(campaign.questions.values_list("position", flat=True)) == [1, 2, 3]


def test_a_question_is_removed_and_the_rest_close_up(may_client, guide):
    campaign, (first, second, third) = guide
    may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [
                existing(first, ORDER=1),
                existing(second, ORDER=2, DELETE="on"),
                existing(third, ORDER=3),
            ]
        ),
    )
    assert prompts(campaign) == ["First?", "Third?"]
    assert list(campaign.questions.values_list("position", flat=True)) == [1, 2]
    assert not GuideQuestion.objects.filter(pk=second.pk).exists()


def test_a_question_added_with_an_order_number_goes_there(may_client, guide):
    campaign, (first, second, third) = guide
    may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [
                existing(first, ORDER=1),
                existing(second, ORDER=3),
                existing(third, ORDER=4),
                {"prompt": "Inserted?", "help_text": "Between first and second.", "ORDER": 2},
            ]
        ),
    )
    assert prompts(campaign) == ["First?", "Inserted?", "Second?", "Third?"]
    assert campaign.questions.get(prompt="Inserted?").help_text == "Between first and second."


def test_a_question_added_without_an_order_number_goes_last(may_client, guide):
    campaign, (first, second, third) = guide
    may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [
                existing(first, ORDER=1),
                existing(second, ORDER=2),
                existing(third, ORDER=3),
                {"prompt": "Added at the end?"},
            ]
        ),
    )
    assert prompts(campaign) == ["First?", "Second?", "Third?", "Added at the end?"]


def test_prompts_and_helper_text_are_edited_in_place(may_client, guide):
    campaign, (first, second, third) = guide
    may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [
                existing(first, ORDER=1, prompt="First, reworded?", help_text="Wait for it."),
                existing(second, ORDER=2),
                existing(third, ORDER=3),
            ],
            name="Safe Streets 2025",
        ),
    )
    first.refresh_from_db()
    assert (first.prompt, first.help_text) == ("First, reworded?", "Wait for it.")
    campaign.refresh_from_db()
    assert campaign.name == "Safe Streets 2025"


def test_the_helper_text_is_shown_under_the_question_when_recording(may_client, guide):
    campaign, (first, _, _) = guide
    first.help_text = "Ask what happened, then wait."
    first.save()
    text = may_client.get(reverse("conversations:new"), {"campaign": campaign.pk}).content.decode()
    assert "First?" in text
    # Marked with its language, which guide-language.js changes with the conversation's.
    assert (
        '<small class="help" data-help lang="en" dir="auto">Ask what happened, then wait.</small>'
        in (text)
    )


def test_a_campaign_cannot_end_before_it_starts(may_client, guide):
    campaign, questions = guide
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [existing(q, ORDER=n) for n, q in enumerate(questions, start=1)],
            starts_on="2025-06-01",
            ends_on="2025-05-01",
            name="Renamed",
        ),
    )
    assert response.status_code == 400
    assert response.context["form"].errors["ends_on"] == ["The campaign ends before it starts."]
    assert not response.context["form"].non_field_errors()
    assert '<p class="error" role="alert">The campaign ends before it starts.</p>' in (
        response.content.decode()
    )
    campaign.refresh_from_db()
    assert campaign.name == "Safe Streets"


def test_a_campaign_needs_a_name(may_client, org):
    response = may_client.post(reverse("campaigns:new"), campaign_data(name=""))
    assert response.status_code == 400
    assert response.context["form"].errors["name"] == ["This field is required."]
    assert not Campaign.objects.exists()


def test_a_question_with_answers_cannot_be_removed(may_client, guide, may):
    campaign, (first, second, third) = guide
    AnswerFactory(conversation__campaign=campaign, question=second, text="Already heard.")
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [
                existing(first, ORDER=1),
                existing(second, ORDER=2, DELETE="on"),
                existing(third, ORDER=3),
            ]
        ),
    )
    assert response.status_code == 400
    assert "“Second?” already has answers, so it cannot be removed." in response.content.decode()
    assert prompts(campaign) == ["First?", "Second?", "Third?"]


def test_the_volunteer_may_not_create_or_edit_campaigns(lee_client, guide):
    campaign, _ = guide
    assert lee_client.post(reverse("campaigns:new"), campaign_data()).status_code == 403
    response = lee_client.post(
        reverse("campaigns:edit", args=[campaign.pk]), campaign_data(name="Volunteer's")
    )
    assert response.status_code == 403
    assert Campaign.objects.get().name == "Safe Streets"


def test_the_edit_form_shows_the_guide_in_order_with_an_empty_row(may_client, guide):
    campaign, _ = guide
    response = may_client.get(reverse("campaigns:edit", args=[campaign.pk]))
    guide_forms = response.context["guide"].forms
    assert [f["prompt_en"].value() for f in guide_forms] == ["First?", "Second?", "Third?", None]
    assert [f["ORDER"].value() for f in guide_forms] == [1, 2, 3, None]
