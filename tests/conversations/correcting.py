"""The correction page as a phone posts it: the conversation as it is, with what is changed."""

from django.urls import reverse

from heard.conversations.models import Conversation


def correct_url(conversation: Conversation) -> str:
    return reverse("conversations:correct", args=[conversation.pk])


def correction_data(conversation: Conversation, *, quotes=None, **changes) -> dict:
    """POST data for the correction page that changes nothing, then `changes` on top (field
    names as on the page: held_on, venue, answer_<question id>, quote_<id>_consent, ...).
    `quotes`: the quotes the page shows the member (all of the conversation's by default)."""
    conversation.refresh_from_db()
    data = {
        "held_on": conversation.held_on.isoformat(),
        "venue": conversation.venue,
        "place": conversation.place_id or "",
        "next_step": conversation.next_step,
        "next_step_response": conversation.next_step_response,
    }
    answers = {a.question_id: a.text for a in conversation.answers.all()}
    for question in conversation.campaign.questions.all():
        data[f"answer_{question.pk}"] = answers.get(question.pk, "")
    for quote in conversation.quotes.all() if quotes is None else quotes:
        data[f"quote_{quote.pk}_text"] = quote.text
        data[f"quote_{quote.pk}_consent"] = quote.consent
    data.update(changes)
    return data
