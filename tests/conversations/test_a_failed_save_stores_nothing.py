"""Everything heard in a conversation is stored in one transaction: if anything fails partway,
nothing is left behind — no conversation, no new person or household, no answers or quotes."""

from unittest import mock

import pytest

from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.leadership.models import Assessment
from heard.people.models import Household, Person

from .capture import SOON, URL, capture_data

MODELS = (Conversation, Participant, Answer, Quote, Commitment, Assessment, Person, Household)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


# A real transaction (not the test's wrapping one), so the rollback is the one users would get.
@pytest.mark.django_db(transaction=True)
def test_a_failure_after_the_conversation_row_is_written_stores_nothing(lee_client, ours):
    before = counts()
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        new_people=[{"name": "Kofi Mensah", "household": "Mensah household"}],
        answers={ours.problem: "The boiler.", ours.hope: "Heat."},
        quotes=[{"text": "Together.", "consent": "public"}],
        offered_to_help="on",
        next_step="action",
        next_step_response="yes",
        promises=[{"side": "person", "what": "Call two neighbours", "hours": "1", "due_on": SOON}],
    )
    # The commitments are the last thing written: by then every other row exists.
    with (
        mock.patch.object(
            Commitment.objects, "bulk_create", side_effect=RuntimeError("disk full")
        ) as failing,
        pytest.raises(RuntimeError, match="disk full"),
    ):
        lee_client.post(URL, data)
    assert failing.called
    assert counts() == before
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()
    assert not Person.objects.filter(name="Kofi Mensah").exists()
    assert not Household.objects.filter(name="Mensah household").exists()

    # Sending it again (the retry after the failure) stores it in full, once.
    response = lee_client.post(URL, data)
    assert response.status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert conversation.participants.count() == 2
    assert conversation.commitments.count() == 1
