"""What themes hear from the capture apps below them, which know nothing of themes.

- Erasing a conversation erases what was derived from it: its note's cached vector. A person's
  words can be erased everywhere on request (ARCHITECTURE.md, Privacy). The theme assignment
  goes with the conversation (cascade); this removes the note's vector from the embedding cache
  too, unless another conversation holds the very same text.
- A conversation whose notes were withheld (consent withdrawn) leaves its theme.
- A newly recorded conversation is placed among its campaign's themes by the worker.
- A corrected conversation is placed again when its words changed, and its theme's quotes are
  chosen again when what may be shared changed; its assignment keeps its place and date.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from heard.conversations.corrections import conversation_corrected
from heard.conversations.models import Conversation
from heard.conversations.services import conversation_recorded
from heard.people.services import notes_withheld
from heard.worker.queue import enqueue_once

from .models import NoteEmbedding, ThemeAssignment

logger = logging.getLogger(__name__)


@receiver(post_delete, sender=ThemeAssignment, dispatch_uid="themes_forget_vector")
def forget_vector(sender, instance: ThemeAssignment, **kwargs) -> None:
    digest = instance.note_sha256
    if digest and not ThemeAssignment.objects.filter(note_sha256=digest).exists():
        NoteEmbedding.objects.filter(text_sha256=digest).delete()


@receiver(post_save, sender=Conversation, dispatch_uid="themes_follow_where_and_when")
def follow_where_and_when(sender, instance: Conversation, created=False, update_fields=None, **kw):
    """A conversation's date or place corrected: its assignment's copy follows, in the same
    transaction, so the Themes page's months and neighbourhoods move with it."""
    if created or (update_fields is not None and not {"place", "held_on"} & set(update_fields)):
        return
    ThemeAssignment.objects.filter(conversation_id=instance.pk).exclude(
        place_id=instance.place_id, held_on=instance.held_on
    ).update(place_id=instance.place_id, held_on=instance.held_on)


@receiver(notes_withheld, dispatch_uid="themes_unassign_withheld_notes")
def unassign_withheld(sender, conversation_ids, **kwargs) -> None:
    """A conversation whose notes were removed (consent withdrawn) leaves its theme."""
    from .assignment import unassign_conversations

    unassign_conversations(conversation_ids=conversation_ids)


@receiver(conversation_recorded, dispatch_uid="themes_place_new_conversations")
def place_new(sender, conversation_id, campaign_id, **kwargs) -> None:
    """Sent after a new conversation commits: the worker places it among its campaign's themes,
    by a sweep of the campaign `SWEEP_GATHER` later (one waiting sweep covers every capture
    meanwhile). Recording never fails because the queue did: a conversation left unplaced is
    picked up by the next sweep of its campaign, or by the next run."""
    from . import assignment  # the module, not the name: SWEEP_GATHER is read at call time

    try:
        assignment.request_sweep(campaign_id, delay=assignment.SWEEP_GATHER)
    except Exception:
        logger.exception("Could not queue theme assignment for %s", conversation_id)


@receiver(conversation_corrected, dispatch_uid="themes_follow_corrections")
def follow_correction(
    sender, conversation_id, notes_changed=False, consent_changed=False, **kwargs
) -> None:
    """Sent after the correction commits. A quote's consent is re-checked by every theme page
    as it is read, so a quote no longer to be shared is gone at once; choosing the theme's
    quotes again lets another take its place (or a newly shared one in). Placing the
    conversation again embeds its note: that is the worker's job."""
    from .tasks import place_corrected_conversations
    from .writes import _refresh_highlights

    if consent_changed:
        placed = (
            ThemeAssignment.objects.filter(conversation_id=conversation_id, theme__isnull=False)
            .select_related("campaign")
            .first()
        )
        if placed is not None:
            with transaction.atomic():
                _refresh_highlights(placed.campaign, [placed.theme_id])
    if notes_changed:
        try:
            # Corrected twice before the worker got to it: placed once, by the words as they
            # are when it runs.
            enqueue_once(place_corrected_conversations, [str(conversation_id)])
        except Exception:
            # The correction is saved; the next run of the campaign places it.
            logger.exception("Could not queue placing corrected conversation %s", conversation_id)
