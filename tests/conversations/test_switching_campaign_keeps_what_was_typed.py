"""Answers are typed for one campaign's questions. Switching the campaign, by "Show this
campaign's guide" or by saving with another campaign picked, brings the new guide with
everything typed still on screen: an answer moves to the same question, the rest wait above the
guide until copied in or left out. Nothing is dropped silently, nothing crosses unseen."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from factories import CampaignFactory, GuideQuestionFactory

from heard.conversations.forms import GUIDE_CHANGED
from heard.conversations.models import Conversation

from .capture import URL, capture_data, error_next_to


@pytest.fixture
def safe_streets(ours):
    campaign = CampaignFactory(organization=ours.org, name="Safe Streets")
    # The same question as the winter campaign's first, and one of its own.
    same = GuideQuestionFactory(campaign=campaign, position=1, prompt="What keeps you up at night?")
    own = GuideQuestionFactory(campaign=campaign, position=2, prompt="Where do you feel unsafe?")
    return campaign, same, own


def typed_for_winter(ours, **fields):
    """The form as typed on the winter campaign's guide, with another campaign then picked."""
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        answers={ours.problem: "Cold radiators.", ours.hope: "A warm flat."},
        quotes=[{"text": "We freeze.", "consent": "team"}],
    )
    data["guide"] = ours.campaign.pk
    data.update(fields)
    return data


def test_show_this_campaigns_guide_carries_everything(lee_client, ours, safe_streets):
    campaign, same, own = safe_streets
    data = typed_for_winter(ours, campaign=campaign.pk, switch="1")
    response = lee_client.post(URL, data)
    assert response.status_code == 200
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()
    form = response.context["form"]
    assert response.context["campaign"] == campaign
    assert not form.errors  # the half-filled form comes back without a wall of errors
    assert form[f"answer_{same.pk}"].value() == "Cold radiators."
    assert form[f"answer_{own.pk}"].value() in (None, "")
    carried = response.context["carried"].forms
    assert [(f["prompt"].value(), f["text"].value()) for f in carried] == [
        ("What do you hope for?", "A warm flat.")
    ]
    html = response.content.decode()
    assert "Showing the guide of “Safe Streets”. 1 answer moved to the same question" in html
    assert "We freeze." in html  # the quote, the people, everything else stays
    assert f'name="people" value="{ours.rosa.pk}"' in html
    assert f'name="guide" value="{campaign.pk}"' in html


def test_saving_with_another_campaign_picked_says_the_guide_changed(lee_client, ours, safe_streets):
    campaign, same, own = safe_streets
    data = typed_for_winter(ours, campaign=campaign.pk)
    response = lee_client.post(URL, data)
    assert response.status_code == 400
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()
    assert error_next_to(response, "id_campaign", GUIDE_CHANGED)
    assert response.context["form"][f"answer_{same.pk}"].value() == "Cold radiators."
    [carried] = response.context["carried"].forms
    assert carried["text"].value() == "A warm flat."
    assert "Copy this into a question of the guide" in carried.errors["text"][0]


def test_a_carried_answer_is_kept_until_it_is_placed_or_left_out(lee_client, ours, safe_streets):
    campaign, same, own = safe_streets
    switched = lee_client.post(URL, typed_for_winter(ours, campaign=campaign.pk, switch="1"))
    data = _as_posted(switched)
    # Saving as it is: refused, the carried answer still there.
    again = lee_client.post(URL, data)
    assert again.status_code == 400
    assert again.context["carried"].forms[0]["text"].value() == "A warm flat."
    # Copied into the new question and left out: saved, on the new campaign's guide.
    data[f"answer_{own.pk}"] = "By the underpass, and I hope for a warm flat."
    data["carried-0-DELETE"] = "on"
    saved = lee_client.post(URL, data)
    assert saved.status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert conversation.campaign == campaign
    assert {a.question_id: a.text for a in conversation.answers.all()} == {
        same.pk: "Cold radiators.",
        own.pk: "By the underpass, and I hope for a warm flat.",
    }


def test_switching_back_puts_carried_answers_back_in_their_questions(
    lee_client, ours, safe_streets
):
    campaign, *_ = safe_streets
    switched = lee_client.post(URL, typed_for_winter(ours, campaign=campaign.pk, switch="1"))
    data = _as_posted(switched)
    data.update(campaign=ours.campaign.pk, switch="1")
    back = lee_client.post(URL, data)
    form = back.context["form"]
    assert form[f"answer_{ours.problem.pk}"].value() == "Cold radiators."
    assert form[f"answer_{ours.hope.pk}"].value() == "A warm flat."
    assert not back.context["carried"].forms


def test_the_script_never_reloads_the_page_without_keeping_what_was_typed():
    """Without the outbox the form is posted as "switch"; with it, the draft is kept before the
    other campaign's page opens (tests/browser/test_capture_with_no_signal.py walks it)."""
    script = Path(finders.find("heard/capture.js")).read_text(encoding="utf-8")
    assert 'marker.name = "switch"' in script
    switch = script[script.index('campaign.addEventListener("change"') :]
    assert switch.index("await keepDraft();") < switch.index("window.location.assign(")


def _as_posted(response) -> dict:
    """What the browser would post back from the page in `response` (the forms' values)."""
    context = response.context
    data = {}
    for name in context["form"].fields:
        value = context["form"][name].value()
        if value is not None:
            data[name] = value
    data["guide"] = context["campaign"].pk
    for formset in (
        context["new_people"],
        context["quotes"],
        context["promises"],
        context["carried"],
    ):
        management = formset.management_form
        for name in management.fields:
            if management[name].value() is not None:
                data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                if value not in (None, False):
                    data[form.add_prefix(name)] = value
    data["people"] = [p.pk for p in context["chosen_people"]]
    data.pop("switch", None)
    return data
