"""Writes shared by runs, incremental assignment and curation: upserting assignments, storing
theme sizes, and choosing the quotes the Themes page shows.

They live apart so that `runs`, `assignment` and `curation` can all use them without importing
one another. Callers open the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count

from heard.campaigns.models import Campaign
from heard.conversations.models import Conversation

from .models import Theme, ThemeAssignment
from .queries import highlight_candidates


def _upsert(rows: list[ThemeAssignment]) -> None:
    copy_where_and_when(rows)
    ThemeAssignment.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["conversation"],
        update_fields=[
            "campaign",
            "theme",
            "subtheme",
            "score",
            "note_sha256",
            "assigned_at",
            "place",
            "held_on",
        ],
    )


def copy_where_and_when(rows: Sequence[ThemeAssignment]) -> None:
    """Give each assignment its conversation's place and date (see `ThemeAssignment.place`)."""
    ids = [row.conversation_id for row in rows]
    facts: dict = {}
    for chunk in range(0, len(ids), 500):
        facts.update(
            (pk, (place, held_on))
            for pk, place, held_on in Conversation.objects.filter(
                pk__in=ids[chunk : chunk + 500]
            ).values_list("pk", "place_id", "held_on")
        )
    for row in rows:
        row.place_id, row.held_on = facts.get(row.conversation_id, (None, None))


def _refresh_highlights(
    campaign: Campaign,
    theme_ids: Sequence[int] | None = None,
    *,
    preferred: dict[int, list] | None = None,
) -> None:
    """Choose again the quotes and why/hope lines the Themes page shows for these themes
    (`preferred`: per theme, the conversations the analysis picked to quote, first)."""
    themes = Theme.objects.filter(campaign=campaign, parent=None)
    if theme_ids is not None:
        themes = themes.filter(pk__in=theme_ids)
    themes = list(themes.only("id", "highlights"))
    chosen = highlight_candidates(campaign, [t.pk for t in themes], preferred=preferred)
    for theme in themes:
        theme.highlights = chosen[theme.pk]
    Theme.objects.bulk_update(themes, ["highlights"], batch_size=200)


def _recount(campaign: Campaign, theme_ids: Sequence[int] | None = None) -> dict[str, int]:
    """Store each theme's size (top-level: conversations; sub-themes: their share of them)."""
    themes = Theme.objects.filter(campaign=campaign)
    if theme_ids is not None:
        themes = themes.filter(pk__in=theme_ids)
    assignments = ThemeAssignment.objects.filter(campaign=campaign)
    sizes = dict(
        assignments.filter(theme__in=themes).values_list("theme").annotate(n=Count("id")).order_by()
    )
    sizes.update(
        assignments.filter(subtheme__in=themes)
        .values_list("subtheme")
        .annotate(n=Count("id"))
        .order_by()
    )
    changed = []
    for theme in themes.only("id", "size"):
        size = sizes.get(theme.pk, 0)
        if theme.size != size:
            theme.size = size
            changed.append(theme)
    Theme.objects.bulk_update(changed, ["size"], batch_size=500)
    return {"unclear": assignments.filter(theme__isnull=True).count()}
