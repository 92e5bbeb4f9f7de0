"""Incremental assignment, the worker's everyday job: placing newly recorded conversations in
their campaign's existing themes (or among the unclear ones) without a full run.

Only the new notes are embedded; each goes to its nearest theme by the cut the last run used.
Conversations an organizer placed are never moved. A campaign that was never themed gets its
first run queued once it has enough notes.

A new conversation asks for a *sweep* of its campaign (`request_sweep`), which places every
conversation of the campaign not yet placed. A sweep already waiting covers the new one, so a
burst of 500 captures queues one task, not 500 (`heard.worker.queue.enqueue_once`); a sweep
already running does not, since it may have read before the new conversation was committed.
Two sweeps of one campaign never run at once (`one_at_a_time`): the second finds the first
holding the campaign and leaves a sweep waiting for a few seconds later instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from heard.campaigns.models import Campaign
from heard.conversations.models import Conversation
from heard.worker.queue import enqueue_once, in_database, one_at_a_time

from . import embedding, grouping
from .models import Theme, ThemeAssignment, ThemeRun
from .notes import Note, notes_for_conversations
from .planning import stack
from .runs import FIRST_RUN_MIN_NOTES, request_run
from .writes import _recount, _upsert

#: The most waiting conversations a sweep embeds at once; it goes on until none is left.
SWEEP_LIMIT = 2000
#: A sweep that finds another sweeping its campaign leaves one waiting for this much later: the
#: worker's polling interval, since every conversation saved meanwhile waits for that sweep (a
#: new one is not queued while it waits), and a new conversation should reach its theme within
#: 2 s. Cheap when the other sweep is still busy: it takes the lock or defers again.
SWEEP_RETRY = dt.timedelta(seconds=0.5)
#: A new conversation's sweep waits this long before a worker takes it, so the captures saved
#: meanwhile join it. Each sweep costs the same whatever it places (reading the campaign's
#: unplaced conversations, recounting the themes it touched: some 15 ms of the database and as
#: much of the worker at 10,000 conversations); taken at once, a busy worker ran 12 sweeps a
#: second placing 3 conversations each. The lag it adds is well inside the 2 s a conversation
#: should take to reach its theme.
SWEEP_GATHER = dt.timedelta(seconds=0.3)


def _pending(campaign_id: int, limit: int, after=None) -> list:
    """Conversations of the campaign not yet placed, in id order from after `after`."""
    pending = Conversation.objects.filter(campaign_id=campaign_id, theme_assignment__isnull=True)
    if after is not None:
        pending = pending.filter(pk__gt=after)
    return list(pending.values_list("pk", flat=True).order_by("pk")[:limit])


def request_sweep(campaign_id: int, *, delay: dt.timedelta | None = None):
    """Ask the worker to place the campaign's waiting conversations, unless a sweep of it is
    already waiting. Call after the conversations are committed. Returns the task's result, or
    None when one was waiting. `delay`: not before then (`SWEEP_GATHER` for a new conversation)."""
    from .tasks import place_waiting_conversations

    return enqueue_once(place_waiting_conversations, campaign_id, delay=delay)


def sweep_campaign(campaign_id: int) -> dict:
    """Place every conversation of the campaign not yet placed (the worker's task). When another
    worker is sweeping the campaign, leave a sweep waiting for later instead: it may have read
    before the newest conversations committed. Returns what was done."""
    from .tasks import place_waiting_conversations

    # A queue that runs tasks at once (tests, HEARD_TASK_BACKEND) has nowhere to leave one
    # waiting: wait for the other sweep to finish, then sweep.
    queued = in_database(place_waiting_conversations)
    with one_at_a_time("themes.sweep", campaign_id, wait=not queued) as ours:
        if not ours:
            request_sweep(campaign_id, delay=SWEEP_RETRY)
            return {"campaign": campaign_id, "assigned": 0, "deferred": True}
        return {"campaign": campaign_id, "assigned": _sweep(campaign_id)}


def _sweep(campaign_id: int) -> int:
    if not Theme.objects.filter(campaign_id=campaign_id, parent=None).exists():
        _maybe_first_run(campaign_id)
        return 0
    assigned = 0
    after = None
    # By id, so conversations with nothing to place (no note) are passed once, not re-read.
    while batch := _pending(campaign_id, SWEEP_LIMIT, after):
        assigned += assign_conversations(conversation_ids=batch)
        if len(batch) < SWEEP_LIMIT:
            # All that waited when it was read: one saved since asked for a sweep of its own
            # (this one no longer waits), so reading the campaign again finds nothing new to
            # it, at the cost of an anti-join over every conversation of the campaign.
            break
        after = batch[-1]
    return assigned


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


def unassign_conversations(*, conversation_ids: Sequence) -> int:
    """Take these conversations out of their themes: their notes were removed (everyone in them
    said no to notes being kept), so nothing of them may stay in a theme's size or vector. A
    run or a sweep will not place them again: they have no note. Returns how many were taken
    out. The caller's transaction holds it with the removal."""
    gone = ThemeAssignment.objects.filter(conversation_id__in=list(conversation_ids))
    touched: dict[int, set[int | None]] = {}
    for campaign_id, *theme_ids in gone.values_list("campaign_id", "theme_id", "subtheme_id"):
        touched.setdefault(campaign_id, set()).update(theme_ids)
    # Each deletion also forgets the cached vector of a note nobody holds any more (signals).
    count, _ = gone.delete()
    for campaign_id, theme_ids in touched.items():
        _recount(Campaign(pk=campaign_id), [t for t in theme_ids if t is not None])
    return count


def place_again(*, conversation_ids: Sequence) -> int:
    """Place corrected conversations again, since their notes changed: each goes to its nearest
    theme now; one left with no note leaves its theme; one an organizer placed keeps its theme
    (only the hash of its note is brought up to date). The vectors of the notes as they were
    are forgotten unless another conversation holds the same words: a correction is often "I
    didn't say that". Returns how many were placed."""
    ids = list(conversation_ids)
    notes = {n.conversation_id: n for n in notes_for_conversations(ids)}
    stored = ThemeAssignment.objects.filter(conversation_id__in=ids).values_list(
        "conversation_id", "note_sha256", "by_organizer"
    )
    before = {cid: digest for cid, digest, _ in stored}
    manual = {cid for cid, _, by_organizer in stored if by_organizer}
    with transaction.atomic():
        unassign_conversations(conversation_ids=[cid for cid in before if cid not in notes])
        for cid in manual & set(notes):
            ThemeAssignment.objects.filter(conversation_id=cid).update(
                note_sha256=notes[cid].sha256
            )
    placed = assign_conversations(conversation_ids=[cid for cid in ids if cid in notes])
    old = {digest for digest in before.values() if digest}
    used = set(
        ThemeAssignment.objects.filter(note_sha256__in=old).values_list("note_sha256", flat=True)
    )
    embedding.DatabaseEmbeddingCache().delete_texts(sorted(old - used))
    return placed


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
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:  # deleted while its sweep waited: nothing to place
        return
    if campaign.theme_runs.exists():
        return
    if Conversation.objects.filter(campaign_id=campaign_id).count() >= FIRST_RUN_MIN_NOTES:
        request_run(by=None, campaign=campaign)
