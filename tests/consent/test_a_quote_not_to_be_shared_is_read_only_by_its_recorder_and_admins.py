"""Rule 1: a quote marked "not to be shared" is read by the member who recorded the conversation
and by the organization's administrators, nobody else, on every page and in every search."""

import pytest
from django.urls import reverse

ROSA_SECRET = "cousin threatened my husband"  # in Lee's conversation with Rosa
SAM_SECRET = "no papers, please keep this between us"  # in May's conversation with Sam
SHARED = "tenants meeting in the lobby"  # Sam, inside the team


def page(client, name, *args, **query):
    return client.get(reverse(name, args=args), query)


def text_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_recorder_reads_the_hidden_quote_on_the_conversation_page(lee_client, ours, hidden):
    text = text_of(page(lee_client, "conversations:detail", ours.by_lee.pk))
    assert ROSA_SECRET in text
    assert "share: not to be shared" in text  # and is told it stays with them


def test_an_organizer_who_did_not_record_it_never_reads_it(may_client, ours, hidden):
    text = text_of(page(may_client, "conversations:detail", ours.by_lee.pk))
    assert ROSA_SECRET not in text
    assert "radiator rattles" in text  # the rest of the conversation is there


def test_an_organizer_reads_the_hidden_quote_they_recorded_and_the_shared_ones(
    may_client, ours, hidden
):
    text = text_of(page(may_client, "conversations:detail", ours.by_may.pk))
    assert SAM_SECRET in text and SHARED in text


def test_the_administrator_reads_every_hidden_quote(ada_client, ours, hidden):
    assert ROSA_SECRET in text_of(page(ada_client, "conversations:detail", ours.by_lee.pk))
    assert SAM_SECRET in text_of(page(ada_client, "conversations:detail", ours.by_may.pk))


def test_another_volunteer_cannot_open_the_conversation_at_all(vic_client, ours, hidden):
    assert page(vic_client, "conversations:detail", ours.by_lee.pk).status_code == 404


@pytest.mark.parametrize(
    "persona, sees",
    [("lee", True), ("ada", True), ("may", False), ("vic", False)],
)
def test_the_person_page_shows_the_hidden_quote_only_to_the_recorder_and_admins(
    request, ours, hidden, persona, sees
):
    client = request.getfixturevalue(f"{persona}_client")
    text = text_of(page(client, "people:detail", ours.rosa.pk))
    assert (ROSA_SECRET in text) is sees


def test_the_person_page_still_shows_shared_quotes_to_the_team(may_client, ours, hidden):
    assert SHARED in text_of(page(may_client, "people:detail", ours.sam.pk))
    assert SAM_SECRET in text_of(page(may_client, "people:detail", ours.sam.pk))  # May heard it


@pytest.mark.parametrize(
    "persona, finds",
    [("lee", True), ("ada", True), ("may", False), ("vic", False)],
)
def test_searching_the_words_of_a_hidden_quote_finds_it_only_for_those_who_may_read_it(
    request, ours, hidden, persona, finds
):
    client = request.getfixturevalue(f"{persona}_client")
    response = page(client, "conversations:list", q="cousin threatened")
    found = [c.pk for c in response.context["page"]]
    assert (ours.by_lee.pk in found) is finds
    assert found == ([ours.by_lee.pk] if finds else [])


def test_searching_a_shared_quote_or_a_name_still_finds_the_conversation(may_client, ours, hidden):
    by_quote = page(may_client, "conversations:list", q="lobby").context["page"]
    assert [c.pk for c in by_quote] == [ours.by_may.pk]
    by_name = page(may_client, "conversations:list", q="Rosa").context["page"]
    assert [c.pk for c in by_name] == [ours.by_lee.pk]


def test_a_hidden_quote_whose_words_are_also_in_the_notes_does_not_hide_the_notes(
    may_client, ours, hidden
):
    # Search by notes is unaffected: the rule hides the quote, not the conversation.
    found = page(may_client, "conversations:list", q="radiator").context["page"]
    assert [c.pk for c in found] == [ours.by_lee.pk]


@pytest.mark.parametrize("persona", ["may", "lee", "ada", "vic"])
def test_the_home_page_shows_no_quote_at_all(request, ours, hidden, persona):
    text = text_of(request.getfixturevalue(f"{persona}_client").get(reverse("home")))
    assert ROSA_SECRET not in text and SAM_SECRET not in text and SHARED not in text
