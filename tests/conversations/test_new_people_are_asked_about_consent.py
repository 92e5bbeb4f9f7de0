"""Each new person on the capture form is asked two questions (may we contact them again, may we
keep notes), yes by default. When everyone in a conversation said no to notes, its answers,
quotes and leader signals are not stored; the date, people, next step and commitments are."""

from factories import ConsentFactory

from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Quote
from heard.leadership.models import Assessment
from heard.people.models import Consent, Person

from .capture import SOON, URL, capture_data

NOTES_WITHHELD = "Conversation recorded without its notes"


def capture(client, ours, *, people=(), new_people=(), **fields):
    data = capture_data(
        ours.campaign,
        people=people,
        new_people=new_people,
        answers={ours.problem: "The landlord ignores us."},
        quotes=[{"text": "We are tired.", "consent": "team"}],
        next_step="house_meeting",
        next_step_response="yes",
        offered_to_help="on",
        promises=[{"side": "person", "what": "Call Sam", "hours": "1", "due_on": SOON}],
        **fields,
    )
    response = client.post(URL, data, follow=True)
    return response, Conversation.objects.get(pk=data["client_id"])


def answers_of(name: str) -> dict[str, bool]:
    rows = Consent.objects.filter(person__name=name)
    return {row.topic: row.granted for row in rows}


def test_the_form_asks_both_questions_with_yes_chosen(lee_client, ours):
    html = lee_client.get(URL).content.decode()
    assert "May we contact them again?" in html
    assert "Agreed to notes being kept?" in html
    form = lee_client.get(URL).context["new_people"].forms[0]
    assert form["may_contact"].value() == "yes"
    assert form["notes_kept"].value() == "yes"


def test_the_answers_are_recorded_as_consent_rows(lee_client, lee, ours):
    capture(
        lee_client,
        ours,
        new_people=[{"name": "Kofi Mensah", "may_contact": "no", "notes_kept": "yes"}],
    )
    assert answers_of("Kofi Mensah") == {"contact": False, "records": True}
    assert set(Consent.objects.values_list("recorded_by", flat=True)) == {lee.user_id}


def test_a_row_without_the_questions_records_nothing(lee_client, ours):
    capture(lee_client, ours, new_people=[{"name": "Kofi Mensah", "may_contact": ""}])
    assert answers_of("Kofi Mensah") == {"records": True}
    capture(
        lee_client,
        ours,
        new_people=[{"name": "Ama Owusu", "may_contact": "", "notes_kept": ""}],
    )
    assert answers_of("Ama Owusu") == {}


def test_when_everyone_said_no_only_the_facts_are_stored(lee_client, ours):
    response, conversation = capture(
        lee_client, ours, new_people=[{"name": "Kofi Mensah", "notes_kept": "no"}]
    )
    assert NOTES_WITHHELD in response.content.decode()
    assert not Answer.objects.filter(conversation=conversation).exists()
    assert not Quote.objects.filter(conversation=conversation).exists()
    assert not Assessment.objects.filter(conversation=conversation).exists()
    assert [p.name for p in conversation.people.all()] == ["Kofi Mensah"]
    assert (conversation.next_step, conversation.next_step_response) == ("house_meeting", "yes")
    assert Commitment.objects.filter(conversation=conversation).count() == 1


def test_someone_known_who_said_no_keeps_their_conversations_out_of_the_notes(lee_client, ours):
    ConsentFactory(person=ours.rosa, topic="records", granted=False)
    response, conversation = capture(lee_client, ours, people=[ours.rosa])
    assert NOTES_WITHHELD in response.content.decode()
    assert not conversation.answers.exists()


def test_in_a_group_the_others_notes_are_kept_and_the_refusers_words_are_not(lee_client, ours):
    response, conversation = capture(
        lee_client,
        ours,
        people=[ours.rosa],
        new_people=[{"name": "Kofi Mensah", "notes_kept": "no"}],
        venue="small_group",
        **{"quote-0-speaker": "n0", "signals_seen_in": "n0"},
    )
    assert "Thank you for listening." in response.content.decode()
    assert conversation.answers.count() == 1
    assert not conversation.quotes.exists()  # Kofi's own words
    assert not Assessment.objects.filter(conversation=conversation).exists()
    kofi = Person.objects.get(name="Kofi Mensah")
    assert set(conversation.people.all()) == {ours.rosa, kofi}


def test_when_everyone_agreed_everything_is_kept(lee_client, ours):
    response, conversation = capture(lee_client, ours, new_people=[{"name": "Kofi Mensah"}])
    assert "Thank you for listening." in response.content.decode()
    assert conversation.answers.count() == 1
    assert conversation.quotes.count() == 1
    assert Assessment.objects.filter(conversation=conversation).count() == 1
