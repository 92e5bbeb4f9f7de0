"""Erasing a conversation erases what was derived from it: its note's cached vector.

A person's words can be erased everywhere on request (ARCHITECTURE.md, Privacy). The theme
assignment goes with the conversation (cascade); this removes the note's vector from the
embedding cache too, unless another conversation holds the very same text.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from heard.people.services import notes_withheld

from .models import NoteEmbedding, ThemeAssignment


@receiver(post_delete, sender=ThemeAssignment, dispatch_uid="themes_forget_vector")
def forget_vector(sender, instance: ThemeAssignment, **kwargs) -> None:
    digest = instance.note_sha256
    if digest and not ThemeAssignment.objects.filter(note_sha256=digest).exists():
        NoteEmbedding.objects.filter(text_sha256=digest).delete()


@receiver(notes_withheld, dispatch_uid="themes_unassign_withheld_notes")
def unassign_withheld(sender, conversation_ids, **kwargs) -> None:
    """A conversation whose notes were removed (consent withdrawn) leaves its theme."""
    from .assignment import unassign_conversations

    unassign_conversations(conversation_ids=conversation_ids)
