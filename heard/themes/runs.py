"""Theme runs: grouping all of a campaign's notes into themes, and writing the result.

A run embeds every note (through the database cache, so only texts never seen reach the model)
and plans the themes (`planning.plan_run`) before any transaction opens, so a long run never
holds the database's write lock while the model thinks; the plan is then written in one
transaction. Also here: closing runs a stopped worker left behind, and forgetting cached vectors
no note uses any more.

How a re-run respects curation (decided in `planning.py`, written here):

1. Conversations an organizer moved by hand stay where they were put.
2. Curated themes (pinned into the codebook, renamed, merged, split, or given a conversation by
   hand) keep their notes, and take in each new note (or one unclear last time) whose nearest
   theme they are. Their prototypes follow their members, and they get fresh labels from their
   members' words (an organizer's name, if any, is still what the page shows).
3. Everything else is grouped again by `heard.analysis`, starting from where the last run left
   each note. Each group keeps the id of the old uncurated theme whose notes it mostly holds
   (one-to-one, Hungarian method on shared notes), with a new label; old uncurated themes no
   group took over go away, and the other groups become new themes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Purpose

from . import embedding, grouping
from .curation import check_curator
from .models import NoteEmbedding, Theme, ThemeAssignment, ThemeRun
from .notes import Note, answers_for_campaign, notes_for_campaign
from .planning import Draft, Plan, plan_run
from .writes import _recount, _refresh_highlights, _upsert

logger = logging.getLogger(__name__)

#: A campaign that was never themed gets its first run once it has this many notes.
FIRST_RUN_MIN_NOTES = 12
#: Notes embedded between two progress reports (and cache writes) in a run.
EMBED_CHUNK = 256
#: A queued or running run that has not reported for this long is taken as dead.
STALE_AFTER = timezone.timedelta(minutes=15)

Progress = Callable[[int, int], None]


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
    _report(
        run,
        status=ThemeRun.Status.RUNNING,
        started_at=timezone.now(),
        stage=gettext_noop("Reading notes"),
    )
    try:
        notes = notes_for_campaign(campaign.pk)
        _report(
            run,
            note_count=len(notes),
            total=len(notes),
            stage=gettext_noop("Understanding the notes"),
        )
        vectors, newly = _embed_with_progress(notes, run, progress)
        _report(run, newly_embedded=newly, stage=gettext_noop("Finding themes"))
        plan = plan_run(campaign, notes, vectors)
        _report(run, stage=gettext_noop("Saving themes"))
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
    # Imported here, not at the top: assignment imports request_run from this module (to queue a
    # campaign's first run), so a module-level import each way would be a cycle.
    from .assignment import SWEEP_LIMIT, _pending, assign_conversations

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


# ---------------------------------------------------------------------------------------------
# Housekeeping


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
