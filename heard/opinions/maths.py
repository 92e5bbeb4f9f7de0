"""Opinion groups, group-informed consensus and common ground from a vote matrix, as Polis does.

Pure numpy and scikit-learn: no Django, no files. The steps follow Polis's math
(compdemocracy/polis, math/src/polismath/math/) as red-dwarf (polis-community/red-dwarf, a Python
port checked against Polis's own output) runs them, so an organizer's export gives the groups and
consensus Polis's report would:

1. Votes: 1 agree, -1 disagree, 0 pass, NaN not seen (the openData sign convention). A comment
   moderated out is zeroed for every participant before the map is made (conversation.clj
   `zero-out-columns`), so it moves nobody, and it is never scored.
2. The map: PCA (two components) of the votes with each unseen vote imputed by the comment's mean,
   then each participant's point pushed out by sqrt(comments / comments they voted on) so someone
   who voted on little is not pulled to the centre (pca.clj `sparsity-aware-project-ptpt`).
   Everyone who voted is on the map.
3. Groups: only participants with at least 7 votes (conversation.clj `in-conv`) are grouped;
   k-means for k = 2..5, started from the first distinct points, and the k with the best silhouette
   (clusters.clj `init-clusters`, `silhouette`).
4. Per group and comment: agrees A, disagrees D, votes S (passes count as seen); the group's agree
   rate is (A+1)/(S+2), a Laplace prior so one vote is not 100% (conversation.clj
   `group-aware-consensus`).
5. Group-informed consensus of a comment: the product of its groups' agree rates. High only when
   every group agrees, however small the group.
6. Common ground: every group's agree rate >= 60% and at least 20 votes by grouped participants.
7. Representative comments of a group: those its members agree (or disagree) with significantly
   more than everyone else (repness.clj `select-rep-comments`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score

#: Polis groups only participants who voted on at least this many comments (or on all of them).
MIN_VOTES_TO_GROUP = 7
#: Polis tries k = 2..5 groups and keeps the k with the best silhouette.
GROUP_COUNTS = range(2, 6)
#: Common ground: each group agrees at least this often (smoothed), with at least this many votes.
COMMON_GROUND_AGREE = 0.6
COMMON_GROUND_VOTES = 20
#: Polis's representative comments: significant at 90% (one-sided), at most five per group.
REPRESENTATIVE_CONFIDENCE = 0.9
REPRESENTATIVE_MAX = 5

AGREE, DISAGREE, PASS = 1.0, -1.0, 0.0


@dataclass(frozen=True)
class Representative:
    """A comment that sets a group apart: its members agree (or disagree) more than the others."""

    statement: int  # column of the vote matrix
    direction: str  # "agree" or "disagree"
    rate: float  # the group's smoothed agree (or disagree) rate
    ratio: float  # that rate over the same rate among everyone else


@dataclass(frozen=True)
class OpinionGroups:
    """What the maths finds; arrays are over the vote matrix's participants or statements."""

    group: np.ndarray  # per participant: group number, -1 when not grouped
    points: np.ndarray  # per participant: position on the opinion map (x, y)
    silhouettes: dict[int, float]  # k tried -> silhouette
    agrees: np.ndarray  # (k, statements): agrees among each group's members
    votes: np.ndarray  # (k, statements): votes (agree, disagree or pass) among them
    scored: np.ndarray  # per statement: not moderated out and voted on by a grouped participant
    consensus: np.ndarray  # per statement: group-informed consensus, NaN when not scored
    common_ground: np.ndarray  # per statement: bool
    representatives: list[list[Representative]] = field(default_factory=list)  # per group

    @property
    def k(self) -> int:
        return int(self.agrees.shape[0])

    @property
    def agree_rates(self) -> np.ndarray:
        """(k, statements): each group's smoothed agree rate (A+1)/(S+2)."""
        return smoothed_rate(self.agrees, self.votes)

    @property
    def group_sizes(self) -> list[int]:
        return [int((self.group == g).sum()) for g in range(self.k)]


def smoothed_rate(successes: np.ndarray, votes: np.ndarray) -> np.ndarray:
    """(successes+1)/(votes+2): Polis's prior of one agree and one disagree, so a comment two
    people agreed with is not "100% agreed" next to one with 200 votes."""
    return (successes + 1.0) / (votes + 2.0)


def voted_counts(votes: np.ndarray) -> np.ndarray:
    """Per participant: how many comments they voted on (a pass counts; NaN is not seen)."""
    return np.count_nonzero(~np.isnan(votes), axis=1)


def groupable(votes: np.ndarray, min_votes: int = MIN_VOTES_TO_GROUP) -> np.ndarray:
    """Participants Polis groups: at least `min_votes` votes, or every comment when there are
    fewer (conversation.clj `in-conv`). Votes on moderated-out comments count, as in Polis."""
    return voted_counts(votes) >= min(min_votes, votes.shape[1])


def opinion_map(votes: np.ndarray, moderated_out: np.ndarray) -> np.ndarray:
    """Each participant's (x, y) on Polis's opinion map.

    A moderated-out comment is set to 0 (pass) for everyone, so it adds nothing to the map; each
    unseen vote is imputed by the comment's mean, as Polis and red-dwarf do, then PCA; each
    point is scaled by sqrt(comments / comments voted on), the zeroed ones counted as voted as in
    Polis, so a participant who saw few comments is not drawn to the centre.
    """
    matrix = votes.copy()
    matrix[:, moderated_out] = PASS
    seen = ~np.isnan(matrix)
    means = np.nanmean(np.where(seen.any(axis=0), matrix, 0.0), axis=0)
    imputed = np.where(seen, matrix, means)
    components = min(2, *imputed.shape)
    # Everyone voting alike leaves no variance: the explained-variance ratios divide by zero,
    # which is harmless here (the points are all at the centre), so it is not shown as a warning.
    with np.errstate(divide="ignore", invalid="ignore"):
        points = PCA(n_components=components, random_state=0).fit_transform(imputed)
    if components < 2:  # one participant or one comment: a line is all there is
        points = np.hstack([points, np.zeros((points.shape[0], 2 - components))])
    scale = np.sqrt(matrix.shape[1] / np.maximum(1, seen.sum(axis=1)))
    return points * scale[:, np.newaxis]


def first_distinct_points(points: np.ndarray, k: int) -> np.ndarray:
    """k-means' starting centres: the first k distinct points (clusters.clj `init-clusters`), in
    sorted order as red-dwarf takes them, so the groups do not depend on a random seed."""
    return np.unique(points, axis=0)[:k]


def best_groups(points: np.ndarray) -> tuple[np.ndarray, dict[int, float]]:
    """Labels 0..k-1 for the points, with k in 2..5 chosen by silhouette (ties: fewer groups).

    With fewer than two distinct points (or three participants) no split can be scored: everyone
    is one group.
    """
    # Points equal but for rounding count once: k-means cannot start k groups from fewer places.
    distinct = len(np.unique(points.round(9), axis=0))
    labelled: dict[int, np.ndarray] = {}
    silhouettes: dict[int, float] = {}
    for k in GROUP_COUNTS:
        if k > distinct or k >= len(points):  # k distinct starts; a silhouette needs k < n
            break
        start = first_distinct_points(points, k)
        labels = KMeans(n_clusters=k, init=start, n_init=1).fit(points).labels_
        if len(np.unique(labels)) < 2:
            continue
        labelled[k] = labels
        silhouettes[k] = float(silhouette_score(points, labels))
    if not silhouettes:
        return np.zeros(len(points), dtype=int), silhouettes
    best = max(silhouettes, key=lambda k: (silhouettes[k], -k))
    return _numbered_by_size(labelled[best]), silhouettes


def _numbered_by_size(labels: np.ndarray) -> np.ndarray:
    """Group 0 the largest, then 1, ...: a reader's order (ties: the group met first)."""
    found, first_seen, sizes = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(found)), key=lambda i: (-sizes[i], first_seen[i]))
    renumber = np.empty(found.max() + 1, dtype=int)
    renumber[found[order]] = np.arange(len(found))
    return renumber[labels]


def group_counts(votes: np.ndarray, group: np.ndarray, k: int) -> tuple[np.ndarray, ...]:
    """(agrees, disagrees, votes), each (k, statements), among each group's members."""
    agrees = np.zeros((k, votes.shape[1]))
    disagrees = np.zeros((k, votes.shape[1]))
    seen = np.zeros((k, votes.shape[1]))
    for g in range(k):
        members = votes[group == g]
        agrees[g] = (members == AGREE).sum(axis=0)
        disagrees[g] = (members == DISAGREE).sum(axis=0)
        seen[g] = (~np.isnan(members)).sum(axis=0)
    return agrees, disagrees, seen


def group_informed_consensus(agrees: np.ndarray, votes: np.ndarray) -> np.ndarray:
    """Per statement: the product over groups of (A+1)/(S+2) (conversation.clj
    `group-aware-consensus`). A statement one group rejects scores low however large the others,
    so a majority cannot make consensus alone."""
    return smoothed_rate(agrees, votes).prod(axis=0)


def is_common_ground(
    agrees: np.ndarray,
    votes: np.ndarray,
    min_agree: float = COMMON_GROUND_AGREE,
    min_votes: int = COMMON_GROUND_VOTES,
) -> np.ndarray:
    """Per statement: every group's smoothed agree rate >= min_agree and at least min_votes votes
    by grouped participants (fewer says too little to call it shared)."""
    rates = smoothed_rate(agrees, votes)
    return (rates >= min_agree).all(axis=0) & (votes.sum(axis=0) >= min_votes)


def find_opinion_groups(votes: np.ndarray, moderated_out: np.ndarray) -> OpinionGroups:
    """Polis's pipeline on a participants x statements matrix (1, -1, 0, NaN).

    `moderated_out` is a boolean per statement. Participants and statements with no vote at all
    should be dropped before (they say nothing; red-dwarf never sees them).
    """
    votes = np.asarray(votes, dtype=float)
    moderated_out = np.asarray(moderated_out, dtype=bool)
    points = opinion_map(votes, moderated_out)
    in_groups = groupable(votes)
    group = np.full(votes.shape[0], -1, dtype=int)
    silhouettes: dict[int, float] = {}
    if in_groups.any():
        labels, silhouettes = best_groups(points[in_groups])
        group[in_groups] = labels
    k = int(group.max()) + 1
    agrees, disagrees, seen = group_counts(votes, group, k)
    scored = ~moderated_out & (seen.sum(axis=0) > 0)
    consensus = np.where(scored, group_informed_consensus(agrees, seen), np.nan)
    common = scored & is_common_ground(agrees, seen)
    return OpinionGroups(
        group=group,
        points=points,
        silhouettes=silhouettes,
        agrees=agrees,
        votes=seen,
        scored=scored,
        consensus=consensus,
        common_ground=common,
        representatives=representative_statements(agrees, disagrees, seen, scored),
    )


# Representative comments (repness.clj) ---------------------------------------------------------


def _one_proportion_z(successes: np.ndarray, trials: np.ndarray) -> np.ndarray:
    """Polis's `prop-test`: is the smoothed rate above one half?"""
    return 2 * np.sqrt(trials + 1) * ((successes + 1) / (trials + 1) - 0.5)


def _two_proportion_z(
    in_successes: np.ndarray,
    out_successes: np.ndarray,
    in_trials: np.ndarray,
    out_trials: np.ndarray,
) -> np.ndarray:
    """Polis's `two-prop-test` with its +1 smoothing: is the group's rate above the others'?"""
    s1, s2, n1, n2 = in_successes + 1, out_successes + 1, in_trials + 1, out_trials + 1
    pooled = (s1 + s2) / (n1 + n2)
    spread = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (s1 / n1 - s2 / n2) / spread
    return np.where(pooled == 1, 0.0, z)


def representative_statements(
    agrees: np.ndarray, disagrees: np.ndarray, votes: np.ndarray, scored: np.ndarray
) -> list[list[Representative]]:
    """Per group, up to five statements that set it apart, as Polis's report lists them.

    A statement represents a group when both its rate in the group (agree or disagree) and that
    rate against everyone else's pass a 90% one-sided z-test; they are ranked by
    ratio x ratio-z x rate x rate-z. The group's most agreed statement leads, so a group is also
    shown what it agrees on, not only what divides it (repness.clj `select-rep-comments`).
    """
    critical = NormalDist().inv_cdf(REPRESENTATIVE_CONFIDENCE)
    return [
        _group_representatives(g, agrees, disagrees, votes, scored, critical)
        for g in range(agrees.shape[0])
    ]


def _group_representatives(
    g: int,
    agrees: np.ndarray,
    disagrees: np.ndarray,
    votes: np.ndarray,
    scored: np.ndarray,
    critical: float,
) -> list[Representative]:
    others = np.arange(agrees.shape[0]) != g
    n, n_out = votes[g], votes[others].sum(axis=0)
    a_in, a_out = agrees[g], agrees[others].sum(axis=0)
    d_in, d_out = disagrees[g], disagrees[others].sum(axis=0)
    pa, pd_ = smoothed_rate(a_in, n), smoothed_rate(d_in, n)
    ra = pa / smoothed_rate(a_out, n_out)
    rd = pd_ / smoothed_rate(d_out, n_out)
    pat, pdt = _one_proportion_z(a_in, n), _one_proportion_z(d_in, n)
    rat, rdt = _two_proportion_z(a_in, a_out, n, n_out), _two_proportion_z(d_in, d_out, n, n_out)
    significant = scored & (
        ((pat > critical) & (rat > critical)) | ((pdt > critical) & (rdt > critical))
    )
    agree_wins = rat > rdt
    metric = np.where(agree_wins, ra * rat * pa * pat, rd * rdt * pd_ * pdt)

    lead = _best_agreed(a_in, d_in, pa, pat, ra, rat, scored, critical)
    ranked = [int(j) for j in sorted(np.flatnonzero(significant), key=lambda j: -metric[j])]
    if lead is None and not ranked:
        # Nothing passes: still show the group its most distinctive statement, if any.
        candidates = np.flatnonzero(scored)
        if len(candidates):
            lead = int(candidates[np.argmax(np.maximum(rat, rdt)[candidates])])
    head = [] if lead is None else [lead]
    chosen = [
        Representative(j, "agree", float(pa[j]), float(ra[j]))
        if agree_wins[j]
        else Representative(j, "disagree", float(pd_[j]), float(rd[j]))
        for j in head + [j for j in ranked if j != lead]
    ][:REPRESENTATIVE_MAX]
    chosen.sort(key=lambda r: r.direction)  # agreements before disagreements, as Polis shows
    return chosen


def _best_agreed(
    agrees: np.ndarray,
    disagrees: np.ndarray,
    pa: np.ndarray,
    pat: np.ndarray,
    ra: np.ndarray,
    rat: np.ndarray,
    scored: np.ndarray,
    critical: float,
) -> int | None:
    """The statement the group most clearly agrees with (repness.clj `beats-best-agr?`)."""
    best: int | None = None
    for j in np.flatnonzero(scored):
        if agrees[j] == 0 and disagrees[j] == 0:
            continue
        if best is None:
            if pat[j] > critical or (ra[j] > 1.0 and pa[j] > 0.5):
                best = int(j)
        elif ra[best] > 1.0:
            if ra[j] * rat[j] * pa[j] * pat[j] > ra[best] * rat[best] * pa[best] * pat[best]:
                best = int(j)
        elif pa[j] * pat[j] > pa[best] * pat[best]:
            best = int(j)
    return best
