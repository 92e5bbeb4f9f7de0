"""Planning a run: what the campaign's themes will be, decided before anything is written.

The plan honours curation (see runs.py's docstring): hand-placed conversations stay, curated
themes code their nearest notes first, the rest is grouped again by `heard.analysis` starting
from where the last run left each note, and each group keeps the id of the old uncurated theme
whose notes it mostly holds (Hungarian method on shared notes).
Reads only; `runs.theme_campaign` writes the plan in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from scipy.optimize import linear_sum_assignment

from heard.analysis.name import CtfidfNamer
from heard.campaigns.models import Campaign
from heard.conversations.models import Quote

from . import grouping
from .models import Theme, ThemeAssignment
from .notes import Note


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
    last = _last_run(campaign, index)
    curated = [t for t in existing if t.is_curated]
    free_old = [t for t in existing if not t.is_curated]
    prototypes_of = {t.pk: _prototypes(t, last.members_of(t.pk), vectors) for t in existing}
    drafts_by_id = {t.pk: Draft(t, t.label, prototypes_of[t.pk], []) for t in curated}

    open_notes = [i for i in range(len(notes)) if i not in last.manual]
    for i, theme_id in last.manual.items():
        if theme_id in drafts_by_id:
            drafts_by_id[theme_id].members.append(i)
    # 2. The codebook: a curated theme keeps its notes, and a note new to the themes (or unclear
    # last time) joins it when that is its nearest theme.
    newcomers = []
    still_open = []
    for i in open_notes:
        theme_id = last.theme.get(i)
        if theme_id in drafts_by_id:
            drafts_by_id[theme_id].members.append(i)
        elif theme_id is None:
            newcomers.append(i)
        else:
            still_open.append(i)
    coded = [t for t in existing if len(prototypes_of[t.pk])]
    if curated and newcomers and coded:
        owners, prototypes = _stack([(t, prototypes_of[t.pk]) for t in coded])
        nearest, _ = grouping.assign(vectors[newcomers], prototypes)
        for i, proto in zip(newcomers, nearest, strict=True):
            owner = owners[proto] if proto >= 0 else None
            if owner is not None and owner.pk in drafts_by_id:
                drafts_by_id[owner.pk].members.append(i)
            else:
                still_open.append(i)
    else:
        still_open += newcomers
    open_notes = sorted(still_open)
    # 3. Everything else is grouped again, starting from where the last run left each note, and
    # each group keeps the id of the old uncurated theme whose notes it mostly holds.
    free_ids = {t.pk for t in free_old}
    previous = [last.theme.get(i, -1) if last.theme.get(i) in free_ids else -1 for i in open_notes]
    fresh, unclear, cut = _group(notes, vectors, open_notes, _quotable(campaign, notes), previous)
    matches = _match([d.members for d in fresh], [last.members_of(t.pk) for t in free_old])
    for draft_index, old_index in matches.items():
        old = free_old[old_index]
        fresh[draft_index].theme = old
        _keep_label_if_same_notes(fresh[draft_index], old, last.members_of(old.pk))
        old_children = list(old.children.all())
        child_matches = _match(
            [c.members for c in fresh[draft_index].children],
            [last.members_of(c.pk) for c in old_children],
        )
        for child_index, old_child_index in child_matches.items():
            fresh[draft_index].children[child_index].theme = old_children[old_child_index]
    kept_ids = {d.theme.pk for d in fresh if d.theme is not None}
    gone = [t.pk for t in free_old if t.pk not in kept_ids]

    kept = list(drafts_by_id.values())
    for draft in kept:
        _follow_members(draft, vectors, last)
    _rename_curated(notes, kept)
    return Plan(kept + fresh, unclear, set(last.manual), gone, cut)


#: A theme whose notes are at least this much the same (Jaccard) keeps its label: a label that
#: changes when hardly a note did reads as a different theme.
SAME_NOTES = 0.9


def _keep_label_if_same_notes(draft: Draft, old: Theme, old_members: list[int]) -> None:
    now, before = set(draft.members), set(old_members)
    if before and len(now & before) >= SAME_NOTES * len(now | before):
        draft.label, draft.keywords = old.label, list(old.keywords)


@dataclass
class _LastRun:
    """Where the last run (and the organizers) left each of this run's notes."""

    theme: dict[int, int] = field(default_factory=dict)  # note index -> theme id
    subtheme: dict[int, int] = field(default_factory=dict)  # note index -> sub-theme id
    # note index -> theme id, for notes an organizer placed
    manual: dict[int, int | None] = field(default_factory=dict)
    # The same, by theme: each theme's notes are asked for several times per run, and a scan of
    # every note per question is millions of steps at 50,000 notes.
    _members: dict[int, list[int]] = field(default_factory=dict)

    def place(self, i: int, theme_id: int | None, subtheme_id: int | None) -> None:
        for key, found in ((theme_id, self.theme), (subtheme_id, self.subtheme)):
            if key is not None:
                found[i] = key
                self._members.setdefault(key, []).append(i)

    def members_of(self, theme_id: int) -> list[int]:
        """The notes the last run left in this theme or sub-theme."""
        return self._members.get(theme_id, [])


def _last_run(campaign: Campaign, index: dict) -> _LastRun:
    last = _LastRun()
    rows = ThemeAssignment.objects.filter(campaign=campaign).values_list(
        "conversation_id", "theme_id", "subtheme_id", "by_organizer"
    )
    for conversation_id, theme_id, subtheme_id, by_organizer in rows:
        i = index.get(conversation_id)
        if i is None:
            continue
        if by_organizer:
            last.manual[i] = theme_id
        last.place(i, theme_id, subtheme_id)
    return last


def _prototypes(theme: Theme, members: list[int], vectors: np.ndarray) -> np.ndarray:
    """The theme's stored prototypes, or, when they were made by another model (another
    dimension), the centre of its notes as this model sees them (none when it has no notes)."""
    if theme.dimension == vectors.shape[1]:
        return theme.vectors
    if not members:
        return np.zeros((0, vectors.shape[1]), dtype=np.float32)
    return unit(vectors[members].mean(axis=0))[None, :]


def organization_language() -> str:
    """The language a theme mixing languages is labelled in: the installation's, until
    campaigns have one of their own."""
    return settings.LANGUAGE_CODE[:2]


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
    names = CtfidfNamer().name([n.text for n in notes], labels, language=organization_language())
    for k, draft in enumerate(drafts):
        if k in names and names[k].label:
            draft.label, draft.keywords = names[k].label, list(names[k].keywords)


def stack(themes: Sequence[Theme]) -> tuple[list[Theme], np.ndarray]:
    """Every prototype of these themes as rows, and the theme each row belongs to."""
    return _stack([(theme, theme.vectors) for theme in themes])


def _stack(pairs: Sequence[tuple[Theme, np.ndarray]]) -> tuple[list[Theme], np.ndarray]:
    owners: list[Theme] = []
    rows = []
    for theme, vectors in pairs:
        owners += [theme] * len(vectors)
        rows.append(vectors)
    return owners, np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


def _group(
    notes: Sequence[Note],
    vectors: np.ndarray,
    members: list[int],
    quotable: Sequence[bool],
    previous: Sequence[int],
) -> tuple[list[Draft], dict[int, float], float]:
    """Themes among these notes; returns (drafts, unclear note -> score, the cut)."""
    if len(members) < 2:
        return [], {i: 0.0 for i in members}, grouping.UNCLEAR_FLOOR
    found = grouping.find(
        [notes[i].text for i in members],
        vectors[members],
        quotable=[quotable[i] for i in members],
        previous=previous,
        language=organization_language(),
    )
    drafts = []
    for theme in found.themes:
        local = np.flatnonzero(found.note_themes == theme.id)
        if not len(local):
            continue
        draft = Draft(
            theme=None,
            label=theme.label,
            prototypes=unit(theme.centroid)[None, :],
            members=[members[j] for j in local],
            keywords=list(theme.keywords),
            quotes=[members[j] for j in theme.quote_indices],
            scores={members[j]: float(found.note_scores[j]) for j in local},
        )
        for child in theme.children:
            inside = np.flatnonzero(found.note_subthemes == child.id)
            if not len(inside):
                continue
            for j in inside:
                draft.sub_of[members[j]] = len(draft.children)
            draft.children.append(
                Draft(
                    None,
                    child.label,
                    unit(child.centroid)[None, :],
                    [members[j] for j in inside],
                    list(child.keywords),
                )
            )
        drafts.append(draft)
    unclear = {
        members[j]: float(found.note_scores[j]) for j in np.flatnonzero(found.note_themes < 0)
    }
    return drafts, unclear, float(found.unclear_below)


def _match(new: Sequence[Sequence[int]], old: Sequence[Sequence[int]]) -> dict[int, int]:
    """One-to-one matches new -> old group by the notes they share (Hungarian method): a group
    is an old theme when it holds most of that theme's notes, or most of its own are the old
    theme's. Notes, not centroids, so identities survive a change of model."""
    if not len(new) or not len(old):
        return {}
    where = {}
    for k, members in enumerate(old):
        for i in members:
            where[i] = k
    shared = np.zeros((len(new), len(old)))
    for n, members in enumerate(new):
        for i in members:
            if i in where:
                shared[n, where[i]] += 1
    rows, cols = linear_sum_assignment(-shared)
    return {
        int(r): int(c)
        for r, c in zip(rows, cols, strict=True)
        if shared[r, c] > 0 and 2 * shared[r, c] > min(len(new[r]), len(old[c]))
    }


def unit(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _follow_members(draft: Draft, vectors: np.ndarray, last: _LastRun) -> None:
    """Move each prototype of a curated theme to the mean of the members nearest to it (one
    k-means step), so a kept theme follows what neighbours now say; scores are recomputed and
    its sub-themes keep their notes."""
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
    if draft.theme is None:
        return
    children = list(draft.theme.children.all())
    if not children:
        return
    child_vectors = [_prototypes(c, last.members_of(c.pk), vectors) for c in children]
    usable = [(c, v) for c, v in zip(children, child_vectors, strict=True) if len(v)]
    if not usable:
        return
    owners, child_prototypes = _stack(usable)
    nearest_child = (member_vectors @ child_prototypes.T).argmax(axis=1)
    draft.children = [Draft(c, c.label, v, []) for c, v in usable]
    by_pk = {c.pk: k for k, (c, _) in enumerate(usable)}
    for i, proto in zip(draft.members, nearest_child, strict=True):
        k = by_pk[owners[proto].pk]
        draft.sub_of[i] = k
        draft.children[k].members.append(i)
