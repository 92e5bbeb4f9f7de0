"""The API carries languages: a campaign's, each question in each of them (what an offline
capture page needs), and the language a conversation and its quotes were held in."""

import uuid

import pytest
from django.utils import timezone
from factories import CampaignFactory, GuideQuestionFactory

from heard.campaigns.models import QuestionWording
from heard.conversations.models import Conversation


@pytest.fixture
def bilingual(ours):
    campaign = CampaignFactory(organization=ours.org, name="Escuchando", languages=["en", "es"])
    problem = GuideQuestionFactory(campaign=campaign, prompt="What keeps you up at night?")
    QuestionWording.objects.create(question=problem, language="es", prompt="¿Qué le preocupa?")
    return campaign, problem


def _body(ours, campaign, question, **more) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "campaign_id": campaign.pk,
        "venue": "door",
        "held_on": timezone.localdate().isoformat(),
        "people": [ours.rosa.pk],
        "answers": [{"question_id": question.pk, "text": "La renta subió otra vez."}],
        **more,
    }


def _post(client, body):
    return client.post("/api/v1/conversations/", body, content_type="application/json")


def test_a_conversation_in_spanish_goes_there_and_back(ours, lee, api, bilingual):
    campaign, problem = bilingual
    client = api(lee)
    body = _body(
        ours, campaign, problem, language="es",
        quotes=[{"text": "Ya no alcanza.", "consent": "team"},
                {"text": "We all pay too much.", "consent": "team", "language": "en"}],
    )  # fmt: skip
    response = _post(client, body)
    assert response.status_code == 201, response.json()
    assert response.json()["language"] == "es"
    assert [q["language"] for q in response.json()["quotes"]] == ["es", "en"]
    read = client.get(f"/api/v1/conversations/{body['id']}").json()
    assert read["language"] == "es"
    assert Conversation.objects.get(pk=body["id"]).language == "es"


def test_left_out_the_language_is_the_campaign_s_main_one(ours, lee, api, bilingual):
    campaign, problem = bilingual
    body = _body(ours, campaign, problem)
    response = _post(api(lee), body)
    assert response.status_code == 201
    assert response.json()["language"] == "en"


def test_a_language_the_campaign_does_not_listen_in_is_refused_in_words(ours, lee, api, bilingual):
    campaign, problem = bilingual
    body = _body(ours, campaign, problem, language="fr")
    response = _post(api(lee), body)
    assert response.status_code == 422
    assert response.json()["detail"] == "language: This campaign listens in English, Español."
    assert not Conversation.objects.filter(pk=body["id"]).exists()


def test_a_language_code_that_is_no_code_is_refused(ours, lee, api, bilingual):
    campaign, problem = bilingual
    response = _post(api(lee), _body(ours, campaign, problem, language="<script>"))
    assert response.status_code == 422


def test_campaigns_give_their_guide_in_each_of_their_languages(lee, api, bilingual):
    campaign, problem = bilingual
    items = api(lee).get("/api/v1/campaigns/").json()["items"]
    found = next(c for c in items if c["id"] == campaign.pk)
    assert found["languages"] == ["en", "es"]
    (question,) = found["questions"]
    assert question["wordings"] == [
        {"language": "en", "prompt": "What keeps you up at night?", "prompt_language": "en",
         "help_text": "", "help_language": "en"},
        {"language": "es", "prompt": "¿Qué le preocupa?", "prompt_language": "es",
         "help_text": "", "help_language": "en"},
    ]  # fmt: skip
