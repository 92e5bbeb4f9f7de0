"""Curation: the organizers' hand on a campaign's themes (rename, pin into the codebook, merge,
split, move a conversation), and who may do it.

Each verb checks the curator, then writes inside one transaction. A curated theme is kept by
re-runs (see `runs`' docstring); a conversation placed by hand is never moved again by a run or
by the worker.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign
from heard.conversations.models import Conversation

from . import embedding, grouping
from .models import Theme, ThemeAssignment
from .notes import notes_for_conversations
from .planning import organization_language, stack, unit
from .writes import _recount, _refresh_highlights

# ---------------------------------------------------------------------------------------------
# Access


def check_curator(by: Membership, campaign: Campaign) -> None:
    """Only the campaign's organization's organizers and admins shape its themes."""
    if campaign.organization_id != by.organization_id or not by.is_staff_role:
        raise PermissionDenied


# ---------------------------------------------------------------------------------------------
# Curation


def rename_theme(*, by: Membership, theme: Theme, name: str) -> Theme:
    """Give a theme the organizers' own name; re-runs keep the theme and its name."""
    check_curator(by, theme.campaign)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": [_("Give the theme a name (the label stays visible).")]})
    if len(name) > 120:
        raise ValidationError({"name": [_("Keep the name under 120 characters.")]})
    with transaction.atomic():
        others = Theme.objects.select_for_update().filter(campaign=theme.campaign, parent=None)
        for other in others.exclude(pk=theme.pk):
            if other.title.casefold() == name.casefold():
                raise ValidationError(
                    {
                        "name": [
                            _("Another theme is already called “%(title)s”.")
                            % {"title": other.title}
                        ]
                    }
                )
        theme.name = name
        theme.kept = True
        theme.save(update_fields=["name", "kept", "updated_at"])
    return theme


def pin_theme(*, by: Membership, theme: Theme, pinned: bool = True) -> Theme:
    """Put a theme into the campaign's codebook (or take it out): a pinned theme is applied
    first to every note on each re-run and is never dropped."""
    check_curator(by, theme.campaign)
    if theme.parent_id is not None:
        raise ValidationError({"__all__": [_("Only a whole theme goes into the codebook.")]})
    with transaction.atomic():
        theme.pinned = pinned
        theme.save(update_fields=["pinned", "updated_at"])
    return theme


def unpin_theme(*, by: Membership, theme: Theme) -> Theme:
    return pin_theme(by=by, theme=theme, pinned=False)


def merge_themes(*, by: Membership, theme: Theme, into: Theme) -> Theme:
    """Fold `theme` into `into`: its conversations, sub-themes and prototypes move over (so
    conversations like either part keep landing in the merged theme); `theme` goes away."""
    check_curator(by, theme.campaign)
    if theme.pk == into.pk:
        raise ValidationError({"into": [_("A theme cannot be merged into itself.")]})
    if theme.campaign_id != into.campaign_id or theme.parent_id or into.parent_id:
        raise ValidationError({"into": [_("Choose another theme of the same campaign.")]})
    with transaction.atomic():
        into.vectors = np.vstack([into.vectors, theme.vectors])
        into.kept = True
        into.pinned = into.pinned or theme.pinned
        into.save()
        ThemeAssignment.objects.filter(theme=theme).update(theme=into, assigned_at=timezone.now())
        theme.children.update(parent=into)
        theme.delete()
        _recount(into.campaign, [into.pk])
        _refresh_highlights(into.campaign, [into.pk])
    into.refresh_from_db()
    return into


def split_theme(*, by: Membership, theme: Theme) -> list[Theme]:
    """Split a theme into its sub-themes, or in two by grouping its conversations when it has
    none. The parts are new, kept themes; the split theme goes away."""
    check_curator(by, theme.campaign)
    if theme.parent_id is not None:
        raise ValidationError({"__all__": [_("Split the whole theme, not a sub-theme.")]})
    assignments = list(ThemeAssignment.objects.filter(theme=theme))
    if len(assignments) < 2:
        raise ValidationError(
            {"__all__": [_("A theme needs at least two conversations to split.")]}
        )
    vectors = _vectors_of(assignments)
    children = list(theme.children.all())
    if len(children) >= 2:
        parts = [(c.label, c.keywords, c.vectors) for c in children]
        owners, prototypes = stack(children)
        by_child = {c.pk: k for k, c in enumerate(children)}
        side = [
            by_child[a.subtheme_id]
            if a.subtheme_id in by_child
            else by_child[owners[int((prototypes @ vectors[i]).argmax())].pk]
            for i, a in enumerate(assignments)
        ]
    else:
        halves = grouping.split_in_two(vectors)
        side = [int(h) for h in halves]
        texts = {
            n.conversation_id: n.text
            for n in notes_for_conversations([a.conversation_id for a in assignments])
        }
        parts = []
        for k in (0, 1):
            members = [a for a, s in zip(assignments, side, strict=True) if s == k]
            if not members:
                raise ValidationError(
                    {"__all__": [_("These conversations are too alike to split.")]}
                )
            centroid = unit(vectors[[i for i, s in enumerate(side) if s == k]].mean(axis=0))
            names = grouping.name_groups(
                [[texts.get(a.conversation_id, "") for a in members]],
                language=organization_language(),
            )
            label, keywords = names[0] if names else (f"{theme.label} ({k + 1})", [])
            parts.append((label, keywords, centroid[None, :]))
    with transaction.atomic():
        made = []
        for label, keywords, prototypes in parts:
            part = Theme(
                campaign=theme.campaign,
                label=label[:200],
                keywords=keywords,
                kept=True,
                pinned=theme.pinned,
                why_phrases=theme.why_phrases,
                hope_phrases=theme.hope_phrases,
            )
            part.vectors = prototypes
            part.save()
            made.append(part)
        for i, assignment in enumerate(assignments):
            assignment.theme = made[side[i]]
            assignment.subtheme = None
            assignment.score = float(np.max(made[side[i]].vectors @ vectors[i]))
        ThemeAssignment.objects.bulk_update(
            assignments, ["theme", "subtheme", "score"], batch_size=500
        )
        theme.delete()
        _recount(theme.campaign, [p.pk for p in made])
        _refresh_highlights(theme.campaign, [p.pk for p in made])
    return list(Theme.objects.filter(pk__in=[p.pk for p in made]).order_by("-size", "id"))


def _vectors_of(assignments: Sequence[ThemeAssignment]) -> np.ndarray:
    """The cached vectors of these conversations' notes (embedding any the cache lost)."""
    notes = {
        n.conversation_id: n
        for n in notes_for_conversations([a.conversation_id for a in assignments])
    }
    texts = [
        notes[a.conversation_id].text if a.conversation_id in notes else "" for a in assignments
    ]
    return embedding.note_embedder().embed(texts)


def move_conversation(
    *, by: Membership, conversation: Conversation, to: Theme | None
) -> ThemeAssignment:
    """Place a conversation by hand in a theme (or among the unclear ones). No run or automatic
    assignment moves it again, and the theme it went to is kept by re-runs."""
    check_curator(by, conversation.campaign)
    if conversation.organization_id != by.organization_id:
        raise PermissionDenied
    if to is not None and (to.campaign_id != conversation.campaign_id or to.parent_id):
        raise ValidationError({"to": [_("Choose a theme of this conversation's campaign.")]})
    notes = notes_for_conversations([conversation.pk])
    score, digest, subtheme = 0.0, "", None
    if notes:
        digest = notes[0].sha256
        if to is not None:
            vector = embedding.note_embedder().embed([notes[0].text])[0]
            score = float(np.max(to.vectors @ vector))
            children = list(to.children.all())
            if children:
                owners, prototypes = stack(children)
                subtheme = owners[int((prototypes @ vector).argmax())]
    with transaction.atomic():
        previous = (
            ThemeAssignment.objects.filter(conversation=conversation)
            .values_list("theme_id", flat=True)
            .first()
        )
        assignment, _created = ThemeAssignment.objects.update_or_create(
            conversation=conversation,
            defaults={
                "campaign_id": conversation.campaign_id,
                "theme": to,
                "subtheme": subtheme,
                "score": score,
                "note_sha256": digest,
                "by_organizer": True,
                "place_id": conversation.place_id,
                "held_on": conversation.held_on,
            },
        )
        if to is not None and not to.kept:
            to.kept = True
            to.save(update_fields=["kept", "updated_at"])
        touched = [t for t in (previous, to.pk if to else None) if t is not None]
        _recount(conversation.campaign, touched + ([subtheme.pk] if subtheme else []))
        _refresh_highlights(conversation.campaign, touched)
    return assignment
