"""A capture larger than Django accepts at once (2.5 MB) comes back as the form, saying what was
too large, with everything that fits kept: not a bare "Bad Request (400)" page with the
conversation typed on a doorstep gone. Nothing is saved until the volunteer has looked."""

import re
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from factories import CampaignFactory, GuideQuestionFactory

from heard.conversations.models import Conversation

from .capture import URL, capture_data

FORM = "application/x-www-form-urlencoded"


def oversized(ours, answer: str, **fields) -> dict:
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        answers={ours.problem: answer, ours.hope: "Heat that works."},
        quotes=[{"text": "My kids sleep in their coats.", "consent": "team"}],
        **fields,
    )
    assert len(urlencode(data, doseq=True)) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return data


def post(client, data):
    return client.post(URL, urlencode(data, doseq=True), content_type=FORM)


def test_the_form_comes_back_with_what_fits(lee_client, ours):
    data = oversized(ours, "x" * 3_000_000)
    response = post(lee_client, data)
    assert response.status_code == 413
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()
    html = response.content.decode()
    assert "What you sent was too large to save at once (3.0 MB)" in html
    assert (
        "Your answer to “What keeps you up at night?” was cut to its first 20,000 characters"
        in html
    )
    form = response.context["form"]
    assert form[f"answer_{ours.problem.pk}"].value() == "x" * 20_000
    assert form[f"answer_{ours.hope.pk}"].value() == "Heat that works."
    assert form["client_id"].value() == data["client_id"]  # saving again stores it once
    assert response.context["quotes"].forms[0]["text"].value() == "My kids sleep in their coats."
    assert [p.pk for p in response.context["chosen_people"]] == [ours.rosa.pk]


def test_saving_what_came_back_stores_the_conversation(lee_client, ours):
    data = oversized(ours, "x" * 3_000_000)
    post(lee_client, data)
    data[f"answer_{ours.problem.pk}"] = "x" * 20_000
    assert post(lee_client, data).status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert len(conversation.answers.get(question=ours.problem).text) == 20_000


def test_letters_beyond_ascii_are_cut_whole(lee_client, ours):
    response = post(lee_client, oversized(ours, "é" * 500_000))
    assert response.status_code == 413
    assert response.context["form"][f"answer_{ours.problem.pk}"].value() == "é" * 20_000


def test_many_answers_each_within_the_limit_are_all_kept_whole(lee_client, ours):
    # 2.7 MB in twelve answers of 19,000 four-byte letters: nothing needs cutting.
    long_guide = CampaignFactory(organization=ours.org, name="Long guide")
    questions = [GuideQuestionFactory(campaign=long_guide, prompt=f"Q{n}") for n in range(12)]
    answers = {question: "🙂" * 19_000 for question in questions}
    data = capture_data(long_guide, people=[ours.rosa], answers=answers)
    assert len(urlencode(data, doseq=True)) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = post(lee_client, data)
    assert response.status_code == 413
    assert "was cut" not in response.content.decode()
    form = response.context["form"]
    assert [form[f"answer_{q.pk}"].value() for q in questions] == ["🙂" * 19_000] * 12


def test_the_csrf_check_still_applies(lee, ours):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lee.user)
    data = oversized(ours, "x" * 3_000_000)
    assert post(client, data).status_code == 403
    page = client.get(URL).content.decode()
    data["csrfmiddlewaretoken"] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert post(client, data).status_code == 413


def test_someone_signed_out_is_sent_to_sign_in_without_the_body_being_read(client, ours):
    response = post(client, oversized(ours, "x" * 3_000_000))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("field_id", "limit"), [("id_answer_{problem}", 20_000), ("id_quote-0-text", 2_000)]
)
def test_text_boxes_say_their_limit_to_the_browser(lee_client, ours, field_id, limit):
    html = lee_client.get(URL).content.decode()
    field_id = field_id.format(problem=ours.problem.pk)
    [textarea] = re.findall(rf"<textarea[^>]*id=\"{re.escape(field_id)}\"[^>]*>", html)
    assert f'maxlength="{limit}"' in textarea
