from themes_factories import add_conversation

from heard.campaigns.models import GuideQuestion, Purpose
from heard.conversations.models import Answer
from heard.themes.notes import notes_for_campaign, notes_for_conversations


def add_answer(conversation, purpose, text, position):
    question = GuideQuestion.objects.create(
        campaign=conversation.campaign, position=position, prompt=purpose, purpose=purpose
    )
    Answer.objects.create(conversation=conversation, question=question, text=text)


def test_the_note_is_what_they_raised_without_why_hope_or_follow_up(campaign, organizer):
    conversation = add_conversation(
        campaign, organizer, "The rent went up again", why="My kids", hope="Fair rents"
    )
    add_answer(conversation, Purpose.ISSUES, "Repairs too", 4)
    add_answer(conversation, Purpose.NOTES, "House meeting: yes, after his shift", 5)

    [note] = notes_for_conversations([conversation.pk])

    assert note.text == "The rent went up again\nRepairs too"


def test_free_notes_count_when_nothing_was_raised_otherwise(campaign, organizer):
    conversation = add_conversation(campaign, organizer, "", why="Because of my mother")
    add_answer(conversation, Purpose.NOTES, "Talked about the bus route closing", 5)

    [note] = notes_for_conversations([conversation.pk])

    assert note.text == "Talked about the bus route closing"


def test_a_conversation_with_only_why_and_hope_answers_is_still_grouped(campaign, organizer):
    conversation = add_conversation(campaign, organizer, "", why="My family", hope="Safe streets")

    [note] = notes_for_campaign(campaign.pk)

    assert note.conversation_id == conversation.pk
    assert note.text == "My family\nSafe streets"


def test_a_conversation_with_only_a_quote_is_grouped_by_its_quote(campaign, organizer):
    add_conversation(campaign, organizer, "", quotes=[("We need a crossing guard", "none")])

    [note] = notes_for_campaign(campaign.pk)

    assert note.text == "We need a crossing guard"
