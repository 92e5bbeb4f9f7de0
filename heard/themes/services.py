"""Writes for themes: runs, incremental assignment, and the organizers' curation.

Every verb takes keyword arguments and writes inside one transaction. Slow work (embedding) is
done before the transaction opens, so a long run never holds the database's write lock while
the model thinks.

How a re-run respects curation:

1. Conversations an organizer moved by hand stay where they were put.
2. Curated themes (pinned into the codebook, renamed, merged, split, or given a conversation by
   hand) act as a codebook: each remaining note whose nearest existing theme is a curated one,
   and which is close enough to it, is coded with it. Their prototypes follow their members.
3. The other notes are grouped afresh. Each new group that matches an old uncurated theme (its
   centroid is close, one-to-one by the Hungarian method) *is* that theme: same id, new label.
   Old uncurated themes that nothing matched go away; unmatched groups become new themes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Purpose
from heard.conversations.models import Conversation

from . import embedding, grouping
from .models import NoteEmbedding, Theme, ThemeAssignment, ThemeRun
from .notes import Note, answers_for_campaign, notes_for_campaign, notes_for_conversations
from .planning import Draft, Plan, plan_run, stack, unit
from .queries import highlight_candidates

logger = logging.getLogger(__name__)

#: A campaign that was never themed gets its first run once it has this many notes.
FIRST_RUN_MIN_NOTES = 12
#: Notes embedded between two progress reports (and cache writes) in a run.
EMBED_CHUNK = 256
#: A queued or running run that has not reported for this long is taken as dead.
STALE_AFTER = timezone.timedelta(minutes=15)
#: The most pending conversations one assignment task takes on at once.
SWEEP_LIMIT = 2000

Progress = Callable[[int, int], None]


# ---------------------------------------------------------------------------------------------
# Access


def check_curator(by: Membership, campaign: Campaign) -> None:
    """Only the campaign's organization's organizers and admins shape its themes."""
    if campaign.organization_id != by.organization_id or not by.is_staff_role:
        raise PermissionDenied


# ---------------------------------------------------------------------------------------------
# Runs


def request_run(*, by: Membership | None, campaign: Campaign) -> tuple[ThemeRun, bool]:
    """Queue a run of the campaign's themes for the worker, unless one is already under way.
    Returns (run, created)."""
    if by is not None:
        check_curator(by, campaign)
    with transaction.atomic():
        active = (
            campaign.theme_runs.filter(
                status__in=[ThemeRun.Status.QUEUED, ThemeRun.Status.RUNNING],
                updated_at__gte=timezone.now() - STALE_AFTER,
            )
            .order_by("-created_at")
            .first()
        )
        if active is not None:
            return active, False
        run = ThemeRun.objects.create(campaign=campaign, requested_by=by.user if by else None)
        transaction.on_commit(lambda: _enqueue_run(run.pk))
    return run, True


def _enqueue_run(run_id: int) -> None:
    from .tasks import theme_campaign_task

    theme_campaign_task.enqueue(run_id=run_id)


def theme_campaign(
    *, campaign: Campaign, run: ThemeRun | None = None, progress: Progress | None = None
) -> ThemeRun:
    """Group all of a campaign's notes into themes, keeping identities and curation (see the
    module docstring). Notes are embedded through the database cache, so a re-run embeds only
    texts it has never seen. Returns the finished run."""
    if run is None:
        run = ThemeRun.objects.create(campaign=campaign)
    _report(run, status=ThemeRun.Status.RUNNING, started_at=timezone.now(), stage="Reading notes")
    try:
        notes = notes_for_campaign(campaign.pk)
        _report(run, note_count=len(notes), total=len(notes), stage="Understanding the notes")
        vectors, newly = _embed_with_progress(notes, run, progress)
        _report(run, newly_embedded=newly, stage="Finding themes")
        plan = plan_run(campaign, notes, vectors)
        _report(run, stage="Saving themes")
        with transaction.atomic():
            preferred = _apply(campaign, notes, plan)
            counts = _recount(campaign)
            _refresh_highlights(campaign, preferred=preferred)
        _report(
            run,
            status=ThemeRun.Status.DONE,
            stage="",
            finished_at=timezone.now(),
            theme_count=len(plan.drafts),
            unclear_count=counts["unclear"],
            unclear_below=plan.unclear_below,
        )
    except Exception as error:
        _report(
            run, status=ThemeRun.Status.FAILED, error=repr(error)[:2000], finished_at=timezone.now()
        )
        raise
    # Conversations recorded while the run was grouping were assigned to the old themes, some
    # of which may be gone now: place them among the new ones.
    seen = {note.conversation_id for note in notes}
    later = [
        conversation_id
        for conversation_id in ThemeAssignment.objects.filter(
            campaign=campaign, by_organizer=False
        ).values_list("conversation_id", flat=True)
        if conversation_id not in seen
    ]
    pending = _pending(campaign.pk, limit=SWEEP_LIMIT)
    if later or pending:
        assign_conversations(conversation_ids=[*later, *pending])
    run.refresh_from_db()
    return run


def _report(run: ThemeRun, **fields) -> None:
    for name, value in fields.items():
        setattr(run, name, value)
    fields["updated_at"] = timezone.now()
    ThemeRun.objects.filter(pk=run.pk).update(**fields)


class _CountingEmbedder:
    """Counts the texts that actually reach the model (the cache's misses)."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.model_id = embedder.model_id
        self.dimension = embedder.dimension
        self.embedded = 0

    def embed(self, texts, progress=None):
        self.embedded += len(texts)
        return self.embedder.embed(texts, progress)


def _embed_with_progress(
    notes: Sequence[Note], run: ThemeRun, progress: Progress | None
) -> tuple[np.ndarray, int]:
    counting = _CountingEmbedder(embedding.base_embedder())
    cached = embedding.CachedEmbedder(counting, embedding.DatabaseEmbeddingCache())
    parts = []
    for start in range(0, len(notes), EMBED_CHUNK):
        chunk = notes[start : start + EMBED_CHUNK]
        parts.append(cached.embed([n.text for n in chunk]))
        done = start + len(chunk)
        _report(run, done=done)
        if progress is not None:
            progress(done, len(notes))
    if not parts:
        return np.zeros((0, counting.dimension), dtype=np.float32), 0
    return np.vstack(parts), counting.embedded


# ---------------------------------------------------------------------------------------------
# Applying a run (one transaction)


def _apply(campaign: Campaign, notes: Sequence[Note], plan: Plan) -> dict[int, list]:
    """Write the plan; returns, per theme id, the conversations its quotes should come from."""
    Theme.objects.filter(pk__in=plan.gone).delete()
    why_phrases = _phrases(plan, notes, answers_for_campaign(campaign.pk, Purpose.WHY))
    hope_phrases = _phrases(plan, notes, answers_for_campaign(campaign.pk, Purpose.HOPE))
    rows = []
    preferred: dict[int, list] = {}
    for draft, why_words, hope_words in zip(plan.drafts, why_phrases, hope_phrases, strict=True):
        theme = _save_draft(campaign, draft, parent=None)
        preferred[theme.pk] = [notes[i].conversation_id for i in draft.quotes]
        theme.why_phrases, theme.hope_phrases = why_words, hope_words
        theme.save(update_fields=["why_phrases", "hope_phrases"])
        kept_children = []
        for child in draft.children:
            kept_children.append(_save_draft(campaign, child, parent=theme))
        theme.children.exclude(pk__in=[c.pk for c in kept_children]).delete()
        for i in draft.members:
            if i in plan.manual:
                continue
            sub = draft.sub_of.get(i)
            rows.append(
                ThemeAssignment(
                    conversation_id=notes[i].conversation_id,
                    campaign=campaign,
                    theme=theme,
                    subtheme=kept_children[sub] if sub is not None else None,
                    score=draft.scores.get(i, 0.0),
                    note_sha256=notes[i].sha256,
                )
            )
    for i, score in plan.unclear.items():
        if i not in plan.manual:
            rows.append(
                ThemeAssignment(
                    conversation_id=notes[i].conversation_id,
                    campaign=campaign,
                    theme=None,
                    score=score,
                    note_sha256=notes[i].sha256,
                )
            )
    _upsert(rows)
    return preferred


def _phrases(plan: Plan, notes: Sequence[Note], answers: dict) -> list[list[str]]:
    """Key phrases of each theme's why (or hope) answers, in the neighbours' own words."""
    groups = [
        [
            answers[notes[i].conversation_id]
            for i in d.members
            if notes[i].conversation_id in answers
        ]
        for d in plan.drafts
    ]
    return grouping.key_phrases(groups) if groups else []


def _save_draft(campaign: Campaign, draft: Draft, parent: Theme | None) -> Theme:
    theme = draft.theme or Theme(campaign=campaign, parent=parent)
    theme.parent = parent
    theme.label = draft.label[:200]
    theme.keywords = draft.keywords
    theme.vectors = draft.prototypes
    theme.save()
    return theme


def _upsert(rows: list[ThemeAssignment]) -> None:
    ThemeAssignment.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["conversation"],
        update_fields=["campaign", "theme", "subtheme", "score", "note_sha256", "assigned_at"],
    )


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


# ---------------------------------------------------------------------------------------------
# Incremental assignment (the worker's everyday job)


def _pending(campaign_id: int, limit: int) -> list:
    return list(
        Conversation.objects.filter(campaign_id=campaign_id, theme_assignment__isnull=True)
        .values_list("pk", flat=True)
        .order_by()[:limit]
    )


def pending_in_campaigns_of(conversation_ids: Sequence, limit: int = SWEEP_LIMIT) -> list:
    """These conversations and any others of their campaigns not yet assigned: one task
    catches up on everything recorded since the last, so a burst of 500 captures is embedded in
    a few batches rather than 500 single calls."""
    campaign_ids = set(
        Conversation.objects.filter(pk__in=list(conversation_ids)).values_list(
            "campaign_id", flat=True
        )
    )
    pending: list = []
    for campaign_id in sorted(campaign_ids):
        pending += _pending(campaign_id, limit)
    return pending


def assign_conversations(*, conversation_ids: Sequence) -> int:
    """Place these conversations in their campaigns' existing themes (or unclear), embedding
    only their notes. Conversations an organizer placed are left alone. A campaign that was
    never themed gets its first run queued once it has enough notes. Returns how many were
    assigned."""
    notes = notes_for_conversations(list(conversation_ids))
    if not notes:
        return 0
    campaign_of = dict(
        Conversation.objects.filter(pk__in=[n.conversation_id for n in notes]).values_list(
            "pk", "campaign_id"
        )
    )
    manual = set(
        ThemeAssignment.objects.filter(
            conversation_id__in=list(campaign_of), by_organizer=True
        ).values_list("conversation_id", flat=True)
    )
    by_campaign: dict[int, list[Note]] = {}
    for note in notes:
        if note.conversation_id not in manual:
            by_campaign.setdefault(campaign_of[note.conversation_id], []).append(note)
    assigned = 0
    for campaign_id, campaign_notes in by_campaign.items():
        assigned += _assign_in_campaign(campaign_id, campaign_notes)
    return assigned


def _assign_in_campaign(campaign_id: int, notes: list[Note]) -> int:
    themes = list(
        Theme.objects.filter(campaign_id=campaign_id).only(
            "id", "parent_id", "prototypes", "dimension"
        )
    )
    top = [t for t in themes if t.parent_id is None]
    if not top:
        _maybe_first_run(campaign_id)
        return 0
    vectors = embedding.note_embedder().embed([n.text for n in notes])
    owners, prototypes = stack(top)
    nearest, scores = grouping.assign(vectors, prototypes, unclear_below=_cut(campaign_id))
    children: dict[int, list[Theme]] = {}
    for theme in themes:
        if theme.parent_id is not None:
            children.setdefault(theme.parent_id, []).append(theme)
    rows = []
    for row, (note, proto, score) in enumerate(zip(notes, nearest, scores, strict=True)):
        theme = owners[proto] if proto >= 0 else None
        subtheme = None
        if theme is not None and children.get(theme.pk):
            sub_owners, sub_prototypes = stack(children[theme.pk])
            subtheme = sub_owners[int((sub_prototypes @ vectors[row]).argmax())]
        rows.append(
            ThemeAssignment(
                conversation_id=note.conversation_id,
                campaign_id=campaign_id,
                theme=theme,
                subtheme=subtheme,
                score=float(score),
                note_sha256=note.sha256,
            )
        )
    with transaction.atomic():
        # An organizer may have placed one of these while the model was embedding.
        placed = set(
            ThemeAssignment.objects.filter(
                conversation_id__in=[r.conversation_id for r in rows], by_organizer=True
            ).values_list("conversation_id", flat=True)
        )
        rows = [r for r in rows if r.conversation_id not in placed]
        before = dict(
            ThemeAssignment.objects.filter(
                conversation_id__in=[r.conversation_id for r in rows]
            ).values_list("conversation_id", "theme_id")
        )
        _upsert(rows)
        touched = {r.theme_id for r in rows} | {r.subtheme_id for r in rows} | set(before.values())
        _recount(Campaign(pk=campaign_id), [t for t in touched if t is not None])
    return len(rows)


def _cut(campaign_id: int) -> float:
    """The last run's unclear cut, so new notes are filed by the rule the run used."""
    cut = (
        ThemeRun.objects.filter(campaign_id=campaign_id, status=ThemeRun.Status.DONE)
        .exclude(unclear_below=None)
        .order_by("-finished_at", "-id")
        .values_list("unclear_below", flat=True)
        .first()
    )
    return grouping.UNCLEAR_FLOOR if cut is None else cut


def _maybe_first_run(campaign_id: int) -> None:
    campaign = Campaign.objects.get(pk=campaign_id)
    if campaign.theme_runs.exists():
        return
    if Conversation.objects.filter(campaign_id=campaign_id).count() >= FIRST_RUN_MIN_NOTES:
        request_run(by=None, campaign=campaign)


# ---------------------------------------------------------------------------------------------
# Curation


def rename_theme(*, by: Membership, theme: Theme, name: str) -> Theme:
    """Give a theme the organizers' own name; re-runs keep the theme and its name."""
    check_curator(by, theme.campaign)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": ["Give the theme a name (the label stays visible)."]})
    if len(name) > 120:
        raise ValidationError({"name": ["Keep the name under 120 characters."]})
    with transaction.atomic():
        others = Theme.objects.select_for_update().filter(campaign=theme.campaign, parent=None)
        for other in others.exclude(pk=theme.pk):
            if other.title.casefold() == name.casefold():
                raise ValidationError(
                    {"name": [f"Another theme is already called “{other.title}”."]}
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
        raise ValidationError({"__all__": ["Only a whole theme goes into the codebook."]})
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
        raise ValidationError({"into": ["A theme cannot be merged into itself."]})
    if theme.campaign_id != into.campaign_id or theme.parent_id or into.parent_id:
        raise ValidationError({"into": ["Choose another theme of the same campaign."]})
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
        raise ValidationError({"__all__": ["Split the whole theme, not a sub-theme."]})
    assignments = list(ThemeAssignment.objects.filter(theme=theme))
    if len(assignments) < 2:
        raise ValidationError({"__all__": ["A theme needs at least two conversations to split."]})
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
                raise ValidationError({"__all__": ["These conversations are too alike to split."]})
            centroid = unit(vectors[[i for i, s in enumerate(side) if s == k]].mean(axis=0))
            names = grouping.name_groups([[texts.get(a.conversation_id, "") for a in members]])
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
        raise ValidationError({"to": ["Choose a theme of this conversation's campaign."]})
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
        assignment, _ = ThemeAssignment.objects.update_or_create(
            conversation=conversation,
            defaults={
                "campaign_id": conversation.campaign_id,
                "theme": to,
                "subtheme": subtheme,
                "score": score,
                "note_sha256": digest,
                "by_organizer": True,
            },
        )
        if to is not None and not to.kept:
            to.kept = True
            to.save(update_fields=["kept", "updated_at"])
        touched = [t for t in (previous, to.pk if to else None) if t is not None]
        _recount(conversation.campaign, touched + ([subtheme.pk] if subtheme else []))
        _refresh_highlights(conversation.campaign, touched)
    return assignment


def close_stale_runs(*, campaign: Campaign) -> int:
    """Mark runs the worker never finished (it was stopped) as failed, so a new one can start."""
    return campaign.theme_runs.filter(
        status__in=[ThemeRun.Status.QUEUED, ThemeRun.Status.RUNNING],
        updated_at__lt=timezone.now() - STALE_AFTER,
    ).update(status=ThemeRun.Status.FAILED, error="The worker stopped before finishing.")


def forget_unused_embeddings() -> int:
    """Delete cached vectors of texts no theme assignment points to (erased or edited notes).
    Returns how many were deleted."""
    used = set(ThemeAssignment.objects.values_list("note_sha256", flat=True))
    unused = [
        digest
        for digest in NoteEmbedding.objects.values_list("text_sha256", flat=True).distinct()
        if digest not in used
    ]
    return embedding.DatabaseEmbeddingCache().delete_texts(unused)
