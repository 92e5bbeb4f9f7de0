"""A campaign listens in several languages: each guide question has its text and help in each,
written in the campaign's editor; the main language's text is required, the others fall back
to it (and say so) where they are missing."""

import pytest
from django.urls import reverse
from factories import CampaignFactory, GuideQuestionFactory

from heard.campaigns.languages import language_choices, name_of
from heard.campaigns.models import Campaign, QuestionWording

from .guide_form import campaign_data


@pytest.fixture
def bilingual(org):
    campaign = CampaignFactory(organization=org, name="Safe Streets", languages=["en", "es"])
    question = GuideQuestionFactory(
        campaign=campaign, prompt="What worries you?", help_text="Ask for a story."
    )
    QuestionWording.objects.create(
        question=question, language="es", prompt="¿Qué le preocupa?", help_text=""
    )
    untranslated = GuideQuestionFactory(campaign=campaign, prompt="What do you hope for?")
    return campaign, question, untranslated


def existing(question, **fields):
    return {"id": question.pk, "prompt": question.prompt, "help_text": question.help_text,
            "purpose": question.purpose, **fields}  # fmt: skip


def test_a_question_reads_in_each_language_falling_back_to_the_main_one_field_by_field(
    bilingual,
):
    campaign, question, untranslated = bilingual
    spanish = question.in_language("es")
    assert (spanish.prompt, spanish.prompt_language) == ("¿Qué le preocupa?", "es")
    # Its help is not written in Spanish: the English help, marked as English.
    assert (spanish.help_text, spanish.help_language) == ("Ask for a story.", "en")
    assert not spanish.fell_back
    missing = untranslated.in_language("es")
    assert (missing.prompt, missing.prompt_language, missing.fell_back) == (
        "What do you hope for?", "en", True,
    )  # fmt: skip
    assert list(question.all_wordings()) == ["en", "es"]


def test_a_conversation_is_held_in_the_member_s_language_when_the_campaign_listens_in_it(
    bilingual,
):
    campaign, _, _ = bilingual
    assert campaign.language_for("es") == "es"
    assert campaign.language_for("es-mx") == "es"
    assert campaign.language_for("fr") == "en"
    assert campaign.language_for(None) == "en"


def test_an_organizer_writes_the_guide_in_english_and_spanish(may_client, org):
    response = may_client.post(
        reverse("campaigns:new"),
        campaign_data(
            [{"prompt": "What is the problem?", "help_text": "Ask for a story.",
              "prompt_es": "¿Cuál es el problema?", "help_es": "Pida una historia.", "ORDER": 1},
             {"prompt": "What do you hope for?", "ORDER": 2}],
            other_languages=["es"],
        ),
    )  # fmt: skip
    assert response.status_code == 302, response.context and response.context["guide"].errors
    campaign = Campaign.objects.get(name="Safe Streets")
    assert campaign.languages == ["en", "es"]
    first, second = campaign.questions.all()
    assert (first.prompt, first.help_text) == ("What is the problem?", "Ask for a story.")
    assert list(first.wordings.values_list("language", "prompt", "help_text")) == [
        ("es", "¿Cuál es el problema?", "Pida una historia.")
    ]
    assert not second.wordings.exists()
    page = may_client.get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    assert "¿Cuál es el problema?" in page
    assert "not written yet: the main language's question is shown" in page


def test_the_editor_shows_each_language_and_says_which_are_not_written_yet(may_client, bilingual):
    campaign, question, untranslated = bilingual
    response = may_client.get(reverse("campaigns:edit", args=[campaign.pk]))
    forms = response.context["guide"].forms
    assert forms[0]["prompt_es"].value() == "¿Qué le preocupa?"
    assert forms[1]["prompt_es"].value() is None
    page = response.content.decode()
    assert 'lang="es"' in page
    assert page.count("Not written in Español yet") == 2  # the second question, the empty row


def test_a_question_needs_its_text_in_the_main_language(may_client, bilingual):
    campaign, question, untranslated = bilingual
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [existing(question, prompt="", prompt_es="¿Qué le preocupa?"), existing(untranslated)],
            other_languages=["es"],
        ),
    )
    assert response.status_code == 400
    assert "Write the question in English." in response.content.decode()
    question.refresh_from_db()
    assert question.prompt == "What worries you?"


def test_help_in_another_language_needs_the_question_in_it_too(may_client, bilingual):
    campaign, question, untranslated = bilingual
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [existing(question, prompt_es="¿Qué le preocupa?"),
             existing(untranslated, help_es="Escuche.")],
            other_languages=["es"],
        ),
    )  # fmt: skip
    assert response.status_code == 400
    assert "Write the question in Español too, or leave its help empty." in (
        response.content.decode()
    )


def test_making_spanish_the_main_language_swaps_the_texts(may_client, bilingual):
    campaign, question, untranslated = bilingual
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data(
            [existing(question, prompt_es="¿Qué le preocupa?", help_es=""),
             existing(untranslated, prompt_es="¿Qué espera?")],
            main_language="es",
            other_languages=["en"],
        ),
    )  # fmt: skip
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.languages == ["es", "en"]
    question.refresh_from_db()
    assert question.prompt == "¿Qué le preocupa?"
    assert list(question.wordings.values_list("language", "prompt", "help_text")) == [
        ("en", "What worries you?", "Ask for a story.")
    ]
    assert not QuestionWording.objects.filter(question__campaign=campaign, language="es").exists()


def test_a_language_dropped_keeps_no_wordings(may_client, bilingual):
    campaign, question, untranslated = bilingual
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data([existing(question), existing(untranslated)], other_languages=[]),
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.languages == ["en"]
    assert not QuestionWording.objects.filter(question__campaign=campaign).exists()


def test_adding_a_language_brings_the_organizer_back_to_write_the_questions_in_it(may_client, org):
    campaign = CampaignFactory(organization=org, name="Safe Streets")
    question = GuideQuestionFactory(campaign=campaign, prompt="What worries you?")
    url = reverse("campaigns:edit", args=[campaign.pk])
    response = may_client.post(
        url, campaign_data([existing(question)], other_languages=["so"]), follow=True
    )
    assert response.redirect_chain == [(url, 302)]
    assert "Write its questions in Soomaali below." in response.content.decode()
    assert response.context["guide"].forms[0]["prompt_so"].value() is None


def test_a_campaign_may_listen_in_languages_heard_s_pages_do_not_speak():
    codes = dict(language_choices())
    # Django's own list, and the community languages it lacks.
    assert {"es", "vi", "ar", "so", "ht", "prs"} <= set(codes)
    assert name_of("so") == "Soomaali"
    assert "es-mx" not in codes  # a guide is written for neighbours, not a locale


def test_an_unknown_language_is_refused(may_client, bilingual):
    campaign, question, untranslated = bilingual
    response = may_client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        campaign_data([existing(question)], other_languages=["xx"]),
    )
    assert response.status_code == 400
    campaign.refresh_from_db()
    assert campaign.languages == ["en", "es"]
