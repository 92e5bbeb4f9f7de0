from django.core.management import call_command
from themes_factories import add_conversation

from heard.analysis.cache import text_sha256
from heard.themes.models import NoteEmbedding, ThemeAssignment
from heard.themes.services import theme_campaign


def test_deleting_a_conversation_deletes_its_notes_cached_vector(campaign, listened, organizer):
    gone = add_conversation(campaign, organizer, "A note said by one neighbour only")
    theme_campaign(campaign=campaign)
    digest = text_sha256("A note said by one neighbour only")
    assert NoteEmbedding.objects.filter(text_sha256=digest).exists()

    gone.delete()

    assert not ThemeAssignment.objects.filter(note_sha256=digest).exists()
    assert not NoteEmbedding.objects.filter(text_sha256=digest).exists()


def test_a_vector_another_conversation_still_uses_is_kept(campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    shared = listened["rent"][0]
    digest = shared.theme_assignment.note_sha256
    assert ThemeAssignment.objects.filter(note_sha256=digest).count() > 1  # same words twice

    shared.delete()

    assert NoteEmbedding.objects.filter(text_sha256=digest).exists()


def test_unused_vectors_can_be_forgotten(campaign, listened, organizer, capsys):
    theme_campaign(campaign=campaign)
    NoteEmbedding.objects.create(model_id="m", text_sha256="f" * 64, vector=b"\0" * 4)
    kept = NoteEmbedding.objects.count() - 1

    call_command("forget_unused_embeddings")

    assert NoteEmbedding.objects.count() == kept
    assert "Forgot 1 cached vector." in capsys.readouterr().out
