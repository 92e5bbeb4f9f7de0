"""A conversation sent twice (a retry on a poor signal, a double tap) is stored once; somebody
else's conversation id is refused without saying anything about that conversation."""

from django.urls import reverse

from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.people.models import Person

from .capture import SOON, URL, capture_data, error_at_the_top

ALREADY_IN_USE = "This conversation id is already in use."


def full_conversation(ours):
    return capture_data(
        ours.campaign,
        people=[ours.rosa],
        new_people=[{"name": "Kofi Mensah"}],
        answers={ours.problem: "The boiler."},
        quotes=[{"text": "Together.", "consent": "team"}],
        promises=[{"side": "person", "what": "Call two neighbours", "hours": "1", "due_on": SOON}],
    )


def reusing_lees_id(ours):
    """May's conversation posted with the id of one Lee already recorded."""
    return capture_data(
        ours.campaign,
        client_id=str(ours.by_lee.pk),
        people=[ours.sam],
        answers={ours.problem: "Overwriting Lee's notes."},
    )


def rows():
    return [
        model.objects.count()
        for model in (Conversation, Participant, Answer, Quote, Commitment, Person)
    ]


def test_the_same_conversation_posted_twice_is_stored_once(lee_client, ours):
    data = full_conversation(ours)
    first = lee_client.post(URL, data)
    after_first = rows()
    second = lee_client.post(URL, data, follow=True)
    assert rows() == after_first
    detail = reverse("conversations:detail", args=[data["client_id"]])
    assert first["Location"] == detail
    assert second.redirect_chain == [(detail, 302)]
    assert "This conversation was already recorded." in second.content.decode()


def test_a_teammate_reusing_someones_conversation_id_is_refused(may_client, ours):
    data = reusing_lees_id(ours)
    before = rows()
    response = may_client.post(URL, data)
    assert response.status_code == 400
    assert error_at_the_top(response, ALREADY_IN_USE)
    text = response.content.decode()
    assert "radiator rattles" not in text and "sleep in their coats" not in text
    assert rows() == before
    assert list(ours.by_lee.people.all()) == [ours.rosa]
    assert ours.by_lee.answers.get().text == "The radiator rattles all night."


def test_an_outsider_reusing_our_conversation_id_is_refused_and_learns_nothing(
    otto_client, ours, theirs
):
    data = capture_data(
        theirs.campaign,
        client_id=str(ours.by_may.pk),
        people=[theirs.olga],
        answers={theirs.question: "Probing."},
    )
    response = otto_client.post(URL, data)
    assert response.status_code == 400
    assert error_at_the_top(response, ALREADY_IN_USE)
    text = response.content.decode()
    for secret in ours.secrets:
        assert secret not in text
    assert Conversation.objects.get(pk=ours.by_may.pk).organization == ours.org
