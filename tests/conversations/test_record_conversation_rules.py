"""`record_conversation` re-checks its rules whoever calls it (the web form, an import, a future
API), and stores a conversation once per id."""

import datetime as dt
import uuid
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from factories import GuideQuestionFactory, PlaceFactory

from heard.commitments.models import Commitment
from heard.conversations.models import Conversation
from heard.conversations.services import (
    ConversationRecord,
    HeardQuote,
    LeaderSignals,
    Promise,
    check_conversation,
    record_conversation,
)
from heard.leadership.models import Assessment
from heard.people.services import NewPerson

TODAY = timezone.localdate()


def a_record(ours, **changes) -> ConversationRecord:
    fields = {
        "id": uuid.uuid4(),
        "campaign": ours.campaign,
        "venue": "door",
        "held_on": TODAY,
        "people": [ours.rosa],
        "answers": {ours.problem.pk: "The boiler."},
    }
    fields.update(changes)
    return ConversationRecord(**fields)


def refusal(by, record) -> dict:
    with pytest.raises(ValidationError) as caught:
        record_conversation(by=by, record=record)
    assert not Conversation.objects.filter(pk=record.id).exists()
    return caught.value.message_dict


def test_a_valid_record_passes_the_check(may, ours):
    check_conversation(by=may, record=a_record(ours))


def test_another_organizations_campaign_is_refused(may, ours, theirs):
    errors = refusal(
        may, a_record(ours, campaign=theirs.campaign, answers={}, quotes=[HeardQuote("x", "team")])
    )
    assert errors["campaign"] == ["Unknown campaign."]


def test_a_future_date_is_refused(may, ours):
    errors = refusal(may, a_record(ours, held_on=TODAY + dt.timedelta(days=1)))
    assert errors == {"held_on": ["The date is in the future."]}


def test_another_organizations_place_is_refused(may, ours, theirs):
    assert refusal(may, a_record(ours, place=theirs.place)) == {"place": ["Unknown place."]}


def test_another_organizations_person_is_refused(may, ours, theirs):
    errors = refusal(may, a_record(ours, people=[ours.rosa, theirs.olga]))
    assert errors == {"people": ["Unknown person."]}


def test_somebody_must_have_been_talked_with(may, ours):
    errors = refusal(may, a_record(ours, people=[]))
    assert errors == {"people": ["Who did you talk with? Find or add a person."]}


def test_a_new_person_alone_is_enough(may, ours):
    conversation, created = record_conversation(
        by=may, record=a_record(ours, people=[], new_people=[NewPerson(name="Kofi Mensah")])
    )
    assert created
    assert [p.name for p in conversation.people.all()] == ["Kofi Mensah"]


def test_answers_to_another_campaigns_guide_are_refused(may, ours, theirs):
    stray = GuideQuestionFactory(campaign__organization=ours.org)
    for question in (stray, theirs.question):
        errors = refusal(may, a_record(ours, answers={question.pk: "Crossed over."}))
        assert errors == {"answers": ["An answer belongs to another campaign's guide."]}


@pytest.mark.parametrize(
    "changes",
    [
        {"answers": {}},
        {"answers": {}, "quotes": []},
        {"answers": {0: "  \n "}},
        {"answers": {}, "quotes": [HeardQuote(text="   ", consent="public")]},
    ],
    ids=["no answers", "nothing at all", "blank answer", "blank quote"],
)
def test_an_empty_conversation_is_refused(may, ours, changes):
    if changes["answers"]:
        changes["answers"] = {ours.problem.pk: "  \n "}
    errors = refusal(may, a_record(ours, **changes))
    assert errors["__all__"] == [
        "The conversation is empty: write down at least one thing you heard."
    ]


def test_a_quote_alone_is_enough(may, ours):
    conversation, _ = record_conversation(
        by=may, record=a_record(ours, answers={}, quotes=[HeardQuote("Enough is enough.", "team")])
    )
    assert conversation.quotes.get().text == "Enough is enough."


def test_every_broken_rule_is_reported_together(may, ours, theirs):
    errors = refusal(
        may,
        a_record(
            ours,
            held_on=TODAY + dt.timedelta(days=3),
            place=theirs.place,
            people=[],
            answers={},
        ),
    )
    assert set(errors) == {"held_on", "place", "people", "__all__"}


def test_the_same_id_twice_is_stored_once(lee, ours):
    record = a_record(ours, promises=[Promise("person", "Knock", Decimal(1), TODAY)])
    first, created = record_conversation(by=lee, record=record)
    again, created_again = record_conversation(by=lee, record=record)
    assert (created, created_again) == (True, False)
    assert again == first
    assert Commitment.objects.filter(conversation=first).count() == 1
    assert first.answers.count() == 1


def test_the_same_id_from_a_teammate_is_refused(may, lee, ours):
    record = a_record(ours, id=ours.by_lee.pk)
    with pytest.raises(ValidationError) as caught:
        record_conversation(by=may, record=record)
    assert caught.value.message_dict == {"__all__": ["This conversation id is already in use."]}


def test_the_same_id_from_another_organization_is_refused(otto, ours, theirs):
    record = ConversationRecord(
        id=ours.by_may.pk,
        campaign=theirs.campaign,
        venue="door",
        held_on=TODAY,
        people=[theirs.olga],
        answers={theirs.question.pk: "Mine."},
    )
    with pytest.raises(ValidationError):
        record_conversation(by=otto, record=record)
    assert Conversation.objects.get(pk=ours.by_may.pk).organization == ours.org


def test_two_saves_of_the_same_id_racing_store_it_once(lee, ours):
    record = a_record(ours, new_people=[NewPerson(name="Kofi Mensah")])
    stored, _ = record_conversation(by=lee, record=record)
    # The second save looked before the first one committed, so it did not see it.
    real_first = QuerySet.first
    calls = []

    def blind_once(queryset):
        calls.append(queryset)
        return None if len(calls) == 1 else real_first(queryset)

    with mock.patch.object(QuerySet, "first", blind_once):
        again, created = record_conversation(by=lee, record=record)
    assert (again, created) == (stored, False)
    assert Conversation.objects.filter(pk=record.id).count() == 1
    assert ours.org.people.filter(name="Kofi Mensah").count() == 1


def test_quotes_signals_and_commitments_belong_to_the_first_person(may, ours):
    conversation, _ = record_conversation(
        by=may,
        record=a_record(
            ours,
            people=[ours.sam],
            quotes=[HeardQuote("Mine to say.", "public")],
            signals=LeaderSignals(wants_to_host=True),
            promises=[
                Promise("person", "Host", Decimal("2.5"), TODAY),
                Promise("organizer", "Bring chairs", Decimal("1"), TODAY),
            ],
        ),
    )
    assert conversation.quotes.get().person == ours.sam
    assert Assessment.objects.get(conversation=conversation).person == ours.sam
    owners = {c.side: c.owner for c in conversation.commitments.all()}
    assert owners == {"person": None, "organizer": may.user}
    assert {c.person for c in conversation.commitments.all()} == {ours.sam}


def test_no_assessment_is_stored_when_no_signal_was_noticed(may, ours):
    conversation, _ = record_conversation(by=may, record=a_record(ours))
    assert not conversation.assessments.exists()


def test_a_place_of_ours_is_kept(may, ours):
    place = PlaceFactory(organization=ours.org, name="Oak Terrace")
    conversation, _ = record_conversation(by=may, record=a_record(ours, place=place))
    assert conversation.place == place
