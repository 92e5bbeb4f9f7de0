"""Correcting a saved conversation: what can be changed, the rules it keeps (the same as at
capture), nothing saved when anything is wrong, and a history of who changed what and when that
never keeps a neighbour's words."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from factories import AnswerFactory, PersonFactory, QuoteFactory

from heard.conversations.corrections import QuoteFix, as_it_is, correct_conversation
from heard.conversations.models import Answer, ConversationChange, Quote
from heard.privacy.models import AuditEvent

from .capture import error_next_to
from .correcting import correct_url, correction_data


def detail_url(conversation) -> str:
    return reverse("conversations:detail", args=[conversation.pk])


def history(conversation) -> list[ConversationChange]:
    return list(ConversationChange.objects.filter(conversation=conversation))


def test_the_page_shows_the_conversation_as_it_is(lee_client, ours):
    page = lee_client.get(correct_url(ours.by_lee)).content.decode()

    assert "The radiator rattles all night." in page
    assert "My kids sleep in their coats." in page
    assert ours.by_lee.held_on.isoformat() in page
    assert "To change who was there or the campaign, record the conversation again." in page
    assert reverse("commitments:list") in page


def test_a_corrected_date_is_stored_with_who_and_when_in_the_history(lee, lee_client, ours):
    before = ours.by_lee.held_on
    after = before - dt.timedelta(days=3)

    response = lee_client.post(
        correct_url(ours.by_lee), correction_data(ours.by_lee, held_on=after.isoformat())
    )

    assert response.status_code == 302
    assert response["Location"] == detail_url(ours.by_lee)
    ours.by_lee.refresh_from_db()
    assert ours.by_lee.held_on == after
    [change] = history(ours.by_lee)
    assert change.changed_by == lee.user
    assert abs(change.changed_at - timezone.now()) < dt.timedelta(minutes=1)
    assert change.changes == [
        {"field": "Date", "before": f"{before:%-d %b %Y}", "after": f"{after:%-d %b %Y}"}
    ]


def test_the_conversation_page_shows_the_history_newest_first(lee_client, may_client, ours):
    lee_client.post(correct_url(ours.by_lee), correction_data(ours.by_lee, venue="tabling"))
    may_client.post(
        correct_url(ours.by_lee),
        correction_data(ours.by_lee, next_step="training", next_step_response="maybe"),
    )

    page = lee_client.get(detail_url(ours.by_lee)).content.decode()

    today = f"{timezone.localdate():%-d %b %Y}"
    by_may = (
        f"Corrected by May Organizer on {today}:</strong> Next step: No next step asked → Training"
    )
    by_lee = f"Corrected by Lee Volunteer on {today}:</strong> Venue: Door-knock → Event tabling"
    assert by_may in page and by_lee in page
    assert page.index(by_may) < page.index(by_lee)
    assert "Their answer to the next step: Not asked → Maybe" in page


def test_answers_are_added_rewritten_and_cleared_and_the_history_keeps_none_of_the_words(
    may_client, ours
):
    AnswerFactory(conversation=ours.by_lee, question=ours.hope, text="A landlord who listens.")
    data = correction_data(
        ours.by_lee,
        **{
            f"answer_{ours.problem.pk}": "The radiator bangs, and the window will not close.",
            f"answer_{ours.hope.pk}": "",
        },
    )

    assert may_client.post(correct_url(ours.by_lee), data).status_code == 302

    answers = dict(ours.by_lee.answers.values_list("question_id", "text"))
    assert answers == {ours.problem.pk: "The radiator bangs, and the window will not close."}
    [change] = history(ours.by_lee)
    assert change.changes == [
        {"field": "Answer to “What keeps you up at night?”", "did": "rewritten"},
        {"field": "Answer to “What do you hope for?”", "did": "cleared"},
    ]
    stored = json.dumps(change.changes, ensure_ascii=False)
    for words in ("radiator", "window", "landlord who listens"):
        assert words not in stored

    data = correction_data(ours.by_lee, **{f"answer_{ours.hope.pk}": "Heat by December."})
    may_client.post(correct_url(ours.by_lee), data)
    assert history(ours.by_lee)[0].changes == [
        {"field": "Answer to “What do you hope for?”", "did": "added"}
    ]


def test_a_quote_is_rewritten_and_its_consent_changed_with_before_and_after(lee_client, ours):
    quote = ours.by_lee.quotes.get()
    data = correction_data(
        ours.by_lee,
        **{
            f"quote_{quote.pk}_text": "My kids sleep in coats.",
            f"quote_{quote.pk}_consent": "none",
        },
    )

    assert lee_client.post(correct_url(ours.by_lee), data).status_code == 302

    quote.refresh_from_db()
    assert (quote.text, quote.consent) == ("My kids sleep in coats.", "none")
    [change] = history(ours.by_lee)
    assert change.changes == [
        {"field": "Quote 1", "did": "rewritten"},
        {
            "field": "Quote 1's consent",
            "before": "Inside the team",
            "after": "Not to be shared",
        },
    ]
    assert "coats" not in json.dumps(change.changes)


def test_a_quote_is_removed(lee_client, ours):
    quote = ours.by_lee.quotes.get()

    lee_client.post(
        correct_url(ours.by_lee), correction_data(ours.by_lee, **{f"quote_{quote.pk}_remove": "on"})
    )

    assert not Quote.objects.filter(pk=quote.pk).exists()
    assert history(ours.by_lee)[0].changes == [{"field": "Quote 1", "did": "removed"}]
    page = lee_client.get(detail_url(ours.by_lee)).content.decode()
    assert "Quote 1 removed" in page
    assert "sleep in their coats" not in page


def test_a_quote_left_empty_must_be_removed_on_purpose(lee_client, ours):
    quote = ours.by_lee.quotes.get()

    response = lee_client.post(
        correct_url(ours.by_lee), correction_data(ours.by_lee, **{f"quote_{quote.pk}_text": ""})
    )

    assert response.status_code == 400
    assert error_next_to(
        response, f"id_quote_{quote.pk}_text", "Write their words, or tick “Remove this quote”."
    )
    assert Quote.objects.filter(pk=quote.pk, text="My kids sleep in their coats.").exists()


def test_nothing_changed_writes_no_history(lee_client, ours):
    response = lee_client.post(correct_url(ours.by_lee), correction_data(ours.by_lee), follow=True)

    assert "Nothing was changed." in response.content.decode()
    assert history(ours.by_lee) == []
    assert not AuditEvent.objects.filter(object_kind="conversations.conversationchange").exists()


def test_an_invalid_date_is_refused_next_to_its_field_and_nothing_is_saved(lee_client, ours):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    data = correction_data(
        ours.by_lee,
        held_on=tomorrow,
        venue="tabling",
        **{f"answer_{ours.problem.pk}": "Something else entirely."},
    )

    response = lee_client.post(correct_url(ours.by_lee), data)

    assert response.status_code == 400
    assert error_next_to(response, "id_held_on", "The date is in the future.")
    # What was typed comes back, to be fixed rather than typed again.
    assert "Something else entirely." in response.content.decode()
    ours.by_lee.refresh_from_db()
    assert ours.by_lee.venue == "door"
    assert ours.by_lee.answers.get().text == "The radiator rattles all night."
    assert history(ours.by_lee) == []


def test_a_date_long_before_the_campaign_is_refused_as_at_capture(lee_client, ours):
    response = lee_client.post(
        correct_url(ours.by_lee), correction_data(ours.by_lee, held_on="2001-01-01")
    )

    assert response.status_code == 400
    assert "a conversation can be dated from" in response.content.decode()


def test_a_next_step_needs_their_answer(lee_client, ours):
    response = lee_client.post(
        correct_url(ours.by_lee),
        correction_data(ours.by_lee, next_step="training", next_step_response="not_asked"),
    )

    assert response.status_code == 400
    assert error_next_to(response, "id_next_step_response", "Did they say yes, maybe or no?")
    ours.by_lee.refresh_from_db()
    assert ours.by_lee.next_step == ""


def test_the_service_refuses_what_the_page_would_too(lee, ours):
    correction = as_it_is(lee, ours.by_lee)
    correction.held_on = timezone.localdate() + dt.timedelta(days=2)
    correction.next_step = "action"
    correction.next_step_response = "not_asked"

    with pytest.raises(ValidationError) as refused:
        correct_conversation(by=lee, conversation=ours.by_lee, correction=correction)

    assert set(refused.value.message_dict) == {"held_on", "next_step_response"}
    assert history(ours.by_lee) == []


def test_an_organizer_neither_sees_nor_corrects_a_quote_not_to_be_shared(may, may_client, ours):
    hidden = QuoteFactory(
        conversation=ours.by_lee, person=ours.rosa, text="Only Lee may read this.", consent="none"
    )

    page = may_client.get(correct_url(ours.by_lee)).content.decode()
    assert "Only Lee may read this." not in page

    may_client.post(
        correct_url(ours.by_lee),
        correction_data(ours.by_lee, **{f"quote_{hidden.pk}_remove": "on"}),
    )
    assert Quote.objects.filter(pk=hidden.pk).exists()

    correction = as_it_is(may, ours.by_lee)
    correction.quotes[hidden.pk] = QuoteFix(text="Overwritten", consent="public")
    with pytest.raises(ValidationError, match="Unknown quote"):
        correct_conversation(by=may, conversation=ours.by_lee, correction=correction)
    hidden.refresh_from_db()
    assert (hidden.text, hidden.consent) == ("Only Lee may read this.", "none")


def test_the_audit_log_records_the_correction_without_words(lee_client, ours):
    quote = ours.by_lee.quotes.get()
    lee_client.post(
        correct_url(ours.by_lee),
        correction_data(ours.by_lee, **{f"quote_{quote.pk}_text": "Words to audit, never."}),
    )

    events = AuditEvent.objects.filter(organization=ours.org)
    assert events.filter(object_kind="conversations.conversationchange", action="created").exists()
    changed = events.get(
        object_kind="conversations.quote", object_id=str(quote.pk), action="changed"
    )
    assert changed.detail == "fields: text"
    assert not any("Words to audit" in e.detail for e in events)


def test_people_and_campaign_are_not_on_the_page(lee_client, ours):
    other = PersonFactory(organization=ours.org, name="Nobody Else")
    data = correction_data(ours.by_lee, people=[other.pk], campaign="999")

    lee_client.post(correct_url(ours.by_lee), data)

    assert list(ours.by_lee.people.all()) == [ours.rosa]
    assert (
        not Answer.objects.filter(conversation=ours.by_lee)
        .exclude(question__campaign=ours.campaign)
        .exists()
    )


def test_a_correction_made_meanwhile_is_not_overwritten_unseen(lee_client, may_client, ours):
    """Lee opens the page; May corrects the venue; Lee's save is refused with nothing saved,
    and the page Lee gets back lets a second save through, knowing."""
    opened = lee_client.get(correct_url(ours.by_lee)).content.decode()
    assert 'name="based_on" value="0"' in opened
    may_client.post(correct_url(ours.by_lee), correction_data(ours.by_lee, venue="tabling"))

    data = correction_data(ours.by_lee, venue="door", next_step="training")
    data.update(next_step_response="yes", based_on="0")
    refused = lee_client.post(correct_url(ours.by_lee), data)

    assert refused.status_code == 400
    assert "Someone else corrected this conversation while you had it open" in (
        refused.content.decode()
    )
    ours.by_lee.refresh_from_db()
    assert (ours.by_lee.venue, ours.by_lee.next_step) == ("tabling", "")
    [mays] = history(ours.by_lee)
    assert f'name="based_on" value="{mays.pk}"' in refused.content.decode()

    data["based_on"] = str(mays.pk)
    assert lee_client.post(correct_url(ours.by_lee), data).status_code == 302
    ours.by_lee.refresh_from_db()
    assert (ours.by_lee.venue, ours.by_lee.next_step) == ("door", "training")


def test_the_page_takes_as_many_queries_with_many_quotes_as_with_one(lee_client, ours, queries_for):
    few = queries_for(lee_client, correct_url(ours.by_lee))
    for n in range(6):
        QuoteFactory(conversation=ours.by_lee, person=ours.rosa, text=f"Another thing {n}.")

    assert queries_for(lee_client, correct_url(ours.by_lee)) == few
    assert few <= 20
