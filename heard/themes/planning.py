"""Planning a run: what the campaign's themes will be, decided before anything is written.

The plan honours curation (see services.py's docstring): hand-placed conversations stay, curated
themes code their nearest notes first, the rest is grouped afresh by `heard.analysis` and each
new group is matched to an old uncurated theme (Hungarian method on centroids) to keep its id.
Reads only; `services.theme_campaign` writes the plan in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from heard.analysis.name import CtfidfNamer
from heard.campaigns.models import Campaign
from heard.conversations.models import Quote

from . import grouping
from .models import Theme, ThemeAssignment
from .notes import Note

#: A new group is the same theme as an old one when their centroids are at least this similar.
MATCH_MIN_SIMILARITY = 0.8


@dataclass
class Draft:
    """A theme as the run will leave it: an existing row (keeps its id) or a new one."""

    theme: Theme | None
    label: str
    prototypes: np.ndarray
    members: list[int]  # indices into the run's notes
    keywords: list[str] = field(default_factory=list)
    children: list[Draft] = field(default_factory=list)
    scores: dict[int, float] = field(default_factory=dict)
    sub_of: dict[int, int] = field(default_factory=dict)  # note index -> child index
    quotes: list[int] = field(default_factory=list)  # note indices worth quoting, best first


@dataclass
class Plan:
    drafts: list[Draft]
    unclear: dict[int, float]  # note index -> best score
    manual: set[int]  # note indices an organizer placed
    gone: list[int]  # ids of themes the run removes
    # The run's cut: a new note less similar than this to every theme is unclear.
    unclear_below: float


def plan_run(campaign: Campaign, notes: Sequence[Note], vectors: np.ndarray) -> Plan:
    """What the run will leave: drafts of every theme (kept or new), the unclear notes, the
    hand-placed ones and the themes that go away."""
    existing = list(
        Theme.objects.filter(campaign=campaign, parent=None).prefetch_related("children")
    )
    index = {note.conversation_id: i for i, note in enumerate(notes)}
    manual_rows = ThemeAssignment.objects.filter(campaign=campaign, by_organizer=True)
    manual_theme = {
        index[cid]: theme_id
        for cid, theme_id in manual_rows.values_list("conversation_id", "theme_id")
        if cid in index
    }
    curated = [t for t in existing if t.is_curated]
    free_old = [t for t in existing if not t.is_curated]
    drafts_by_id = {t.pk: Draft(t, t.label, t.vectors, []) for t in curated}

    open_notes = [i for i in range(len(notes)) if i not in manual_theme]
    for i, theme_id in manual_theme.items():
        if theme_id in drafts_by_id:
            drafts_by_id[theme_id].members.append(i)
    # 2. The codebook first: a note goes to a curated theme when that is its nearest theme.
    if curated and open_notes:
        owners, prototypes = stack(existing)
        nearest, scores = grouping.assign(vectors[open_notes], prototypes)
        still_open = []
        for i, proto, score in zip(open_notes, nearest, scores, strict=True):
            owner = owners[proto] if proto >= 0 else None
            if owner is not None and owner.pk in drafts_by_id:
                drafts_by_id[owner.pk].members.append(i)
                drafts_by_id[owner.pk].scores[i] = float(score)
            else:
                still_open.append(i)
        open_notes = still_open
    # 3. Everything else is grouped afresh and matched to the old uncurated themes.
    quotable = _quotable(campaign, notes)
    fresh, unclear, cut = _group(notes, vectors, open_notes, quotable)
    matches = _match([d.prototypes.mean(axis=0) for d in fresh], [t.centroid for t in free_old])
    for draft_index, old_index in matches.items():
        old = free_old[old_index]
        fresh[draft_index].theme = old
        old_children = list(old.children.all())
        child_matches = _match(
            [c.prototypes.mean(axis=0) for c in fresh[draft_index].children],
            [c.centroid for c in old_children],
        )
        for child_index, old_child_index in child_matches.items():
            fresh[draft_index].children[child_index].theme = old_children[old_child_index]
    kept_ids = {d.theme.pk for d in fresh if d.theme is not None}
    gone = [t.pk for t in free_old if t.pk not in kept_ids]

    kept = list(drafts_by_id.values())
    for draft in kept:
        _follow_members(draft, vectors)
    _rename_curated(notes, kept)
    return Plan(kept + fresh, unclear, set(manual_theme), gone, cut)


def _quotable(campaign: Campaign, notes: Sequence[Note]) -> list[bool]:
    """Per note: does its conversation hold a quote the team may see?"""
    shareable = set(
        Quote.objects.filter(
            conversation__campaign=campaign, consent__in=[Quote.Consent.TEAM, Quote.Consent.PUBLIC]
        ).values_list("conversation_id", flat=True)
    )
    return [note.conversation_id in shareable for note in notes]


def _rename_curated(notes: Sequence[Note], drafts: list[Draft]) -> None:
    """New labels for the kept themes from their members' words, set against every note (a
    kept theme's organizer name, if any, is still what the page shows)."""
    labels = np.full(len(notes), -1, dtype=np.int64)
    for k, draft in enumerate(drafts):
        labels[draft.members] = k
    if not (labels >= 0).any():
        return
    names = CtfidfNamer().name([n.text for n in notes], labels)
    for k, draft in enumerate(drafts):
        if k in names and names[k].label:
            draft.label, draft.keywords = names[k].label, list(names[k].keywords)


def stack(themes: Sequence[Theme]) -> tuple[list[Theme], np.ndarray]:
    owners: list[Theme] = []
    rows = []
    for theme in themes:
        vectors = theme.vectors
        owners += [theme] * len(vectors)
        rows.append(vectors)
    return owners, np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


def _group(
    notes: Sequence[Note], vectors: np.ndarray, members: list[int], quotable: Sequence[bool]
) -> tuple[list[Draft], dict[int, float], float]:
    """Fresh themes among these notes; returns (drafts, unclear note -> score, the cut)."""
    if not members:
        return [], {}, grouping.UNCLEAR_FLOOR
    found = grouping.group(
        [notes[i].text for i in members],
        vectors[members],
        quotable=[quotable[i] for i in members],
    )
    drafts = []
    for group in found.groups:
        draft = Draft(
            theme=None,
            label=group.label,
            prototypes=unit(group.centroid)[None, :],
            members=[members[j] for j in group.members],
            keywords=list(group.keywords),
            quotes=[members[j] for j in group.quotes],
        )
        for j in group.members:
            draft.scores[members[j]] = float(found.scores[j])
        for child_index, child in enumerate(group.children):
            draft.children.append(
                Draft(
                    None,
                    child.label,
                    unit(child.centroid)[None, :],
                    [members[j] for j in child.members],
                    list(child.keywords),
                )
            )
            for j in child.members:
                draft.sub_of[members[j]] = child_index
        drafts.append(draft)
    unclear = {members[j]: float(found.scores[j]) for j in np.flatnonzero(found.labels < 0)}
    return drafts, unclear, found.unclear_below


def _match(new: Sequence[np.ndarray], old: Sequence[np.ndarray]) -> dict[int, int]:
    """One-to-one matches new -> old whose centroids are close (Hungarian method on cosine)."""
    if not len(new) or not len(old):
        return {}
    a = np.vstack([unit(v) for v in new])
    b = np.vstack([unit(v) for v in old])
    similarity = a @ b.T
    rows, cols = linear_sum_assignment(-similarity)
    return {
        int(r): int(c)
        for r, c in zip(rows, cols, strict=True)
        if similarity[r, c] >= MATCH_MIN_SIMILARITY
    }


def unit(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _follow_members(draft: Draft, vectors: np.ndarray) -> None:
    """Move each prototype of a curated theme to the mean of the members nearest to it (one
    k-means step), so a kept theme follows what neighbours now say; scores are recomputed."""
    if not draft.members:
        return
    member_vectors = vectors[draft.members]
    similarity = member_vectors @ draft.prototypes.T
    nearest = similarity.argmax(axis=1)
    prototypes = draft.prototypes.copy()
    for k in range(len(prototypes)):
        mine = member_vectors[nearest == k]
        if len(mine):
            prototypes[k] = unit(mine.mean(axis=0))
    draft.prototypes = prototypes
    best = (member_vectors @ prototypes.T).max(axis=1)
    draft.scores = {i: float(s) for i, s in zip(draft.members, best, strict=True)}
    if draft.theme is not None:
        children = list(draft.theme.children.all())
        if children:
            owners, child_prototypes = stack(children)
            nearest_child = (member_vectors @ child_prototypes.T).argmax(axis=1)
            draft.children = [Draft(c, c.label, c.vectors, []) for c in children]
            by_pk = {c.pk: k for k, c in enumerate(children)}
            for i, proto in zip(draft.members, nearest_child, strict=True):
                k = by_pk[owners[proto].pk]
                draft.sub_of[i] = k
                draft.children[k].members.append(i)
