"""A volunteer captures in the conversation's language: the campaign's languages to choose from,
the guide shown in the one chosen (every language on the page, swapped by guide-language.js
without the server), and the conversation and its quotes recording the language."""

import json
import re

import pytest
from factories import CampaignFactory, GuideQuestionFactory

from heard.campaigns.models import QuestionWording
from heard.conversations.models import Conversation, ConversationChange

from .capture import URL, capture_data, error_next_to
from .correcting import correct_url, correction_data


@pytest.fixture
def bilingual(ours):
    campaign = CampaignFactory(organization=ours.org, name="Escuchando", languages=["en", "es"])
    problem = GuideQuestionFactory(
        campaign=campaign, prompt="What keeps you up at night?", help_text="Ask for a story."
    )
    QuestionWording.objects.create(
        question=problem,
        language="es",
        prompt="¿Qué no le deja dormir?",
        help_text="Pida una historia.",
    )
    hope = GuideQuestionFactory(campaign=campaign, prompt="What do you hope for?")
    return campaign, problem, hope


def wordings_of(page: str) -> list[dict]:
    return [
        json.loads(raw.replace("&quot;", '"'))
        for raw in re.findall(r'data-wordings="([^"]*)"', page)
    ]


def test_the_capture_page_offers_the_campaign_s_languages_and_every_wording(lee_client, bilingual):
    campaign, problem, hope = bilingual
    response = lee_client.get(URL, {"campaign": campaign.pk})
    page = response.content.decode()
    form = response.context["form"]
    assert [code for code, _ in form.fields["language"].widget.choices] == ["en", "es"]
    assert form["language"].value() == "en"  # the member's language is English
    assert "Language of the conversation" in page
    assert "heard/guide-language.js" in page
    first, second = wordings_of(page)
    assert first["es"] == ["¿Qué no le deja dormir?", "es", "Pida una historia.", "es"]
    # Not written in Spanish: the English text, saying it is English.
    assert second["es"] == ["What do you hope for?", "en", "", "en"]
    # Without a script, the guide shows in the language chosen: English.
    assert '<span data-prompt lang="en" dir="auto">What keeps you up at night?</span>' in page


def test_a_spanish_speaking_member_sees_the_spanish_guide_first(lee_client, bilingual):
    campaign, problem, hope = bilingual
    # A Spanish browser (LocaleMiddleware reads it, as for any page).
    response = lee_client.get(URL, {"campaign": campaign.pk}, HTTP_ACCEPT_LANGUAGE="es")
    page = response.content.decode()
    assert response.context["form"]["language"].value() == "es"
    assert '<span data-prompt lang="es" dir="auto">¿Qué no le deja dormir?</span>' in page
    assert "Pida una historia." in page
    # The question not written in Spanish shows in English, tagged so.
    assert re.search(
        r'What do you hope for\?</span> <span class="tag" data-fell-back>EN</span>', page
    )


def test_a_conversation_captured_in_spanish_records_it(lee_client, ours, bilingual, maple):
    campaign, problem, hope = bilingual
    data = capture_data(
        campaign,
        people=[ours.rosa],
        place=maple.pk,
        language="es",
        answers={problem: "La calefacción no sirve desde octubre."},
        quotes=[{"text": "Mis hijos duermen con abrigo.", "consent": "team"}],
    )
    response = lee_client.post(URL, data)
    assert response.status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert conversation.language == "es"
    assert list(conversation.quotes.values_list("language", flat=True)) == ["es"]


def test_a_form_that_comes_back_keeps_the_spanish_guide(lee_client, ours, bilingual):
    campaign, problem, hope = bilingual
    data = capture_data(campaign, people=[ours.rosa], language="es", venue="")
    response = lee_client.post(URL, data)
    assert response.status_code == 400
    assert '<span data-prompt lang="es" dir="auto">¿Qué no le deja dormir?</span>' in (
        response.content.decode()
    )


def test_without_a_choice_the_conversation_is_held_in_the_main_language(lee_client, ours):
    data = capture_data(ours.campaign, people=[ours.rosa], answers={ours.problem: "Cold."})
    response = lee_client.post(URL, data)
    assert response.status_code == 302
    assert Conversation.objects.get(pk=data["client_id"]).language == "en"


def test_a_campaign_of_one_language_asks_nothing(lee_client, ours):
    response = lee_client.get(URL, {"campaign": ours.campaign.pk})
    page = response.content.decode()
    assert "Language of the conversation" not in page
    assert '<input type="hidden" name="language" value="en"' in page


def test_a_language_the_campaign_does_not_listen_in_is_refused(lee_client, ours, bilingual):
    campaign, problem, hope = bilingual
    data = capture_data(
        campaign, people=[ours.rosa], language="fr", answers={problem: "Il fait froid."}
    )
    response = lee_client.post(URL, data)
    assert response.status_code == 400
    assert error_next_to(
        response, "id_language", "This campaign listens in English, Español: choose one of them."
    )
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()


def test_a_correction_changes_the_language_and_its_quotes_follow(
    lee, lee_client, ours, bilingual, maple
):
    campaign, problem, hope = bilingual
    data = capture_data(
        campaign,
        people=[ours.rosa],
        place=maple.pk,
        answers={problem: "La calefacción no sirve."},
        quotes=[{"text": "Tenemos frío.", "consent": "team"}],
    )
    assert lee_client.post(URL, data).status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert conversation.language == "en"  # recorded in the wrong language
    response = lee_client.post(
        correct_url(conversation), correction_data(conversation, language="es")
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.language == "es"
    assert list(conversation.quotes.values_list("language", flat=True)) == ["es"]
    change = ConversationChange.objects.get(conversation=conversation)
    assert change.lines == ["Language: English → Español"]


def test_the_correction_page_shows_the_guide_in_the_conversation_s_language(
    lee_client, ours, bilingual, maple
):
    campaign, problem, hope = bilingual
    data = capture_data(
        campaign, people=[ours.rosa], language="es", answers={problem: "Hace frío."}
    )
    assert lee_client.post(URL, data).status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    page = lee_client.get(correct_url(conversation)).content.decode()
    assert '<span data-prompt lang="es" dir="auto">¿Qué no le deja dormir?</span>' in page
    assert "heard/guide-language.js" in page
