"""Three quotes per theme: typical, verbatim, not the same thing thrice, and only with consent."""

import numpy as np

from heard.analysis.kmeans import unit_rows
from heard.analysis.quotes import pick_quotes

from .fakes import WordEmbedder

TEXTS = [
    "the heater in our building has been broken since november",
    "the heater in our building has been broken since November!",
    "our heater has been broken since november",
    "nobody fixes the mold in the bathroom ceiling of our building",
    "the landlord ignores every repair request we send about the building",
    "ok",
    "",
]


def theme(texts=TEXTS):
    vectors = WordEmbedder().embed(texts)
    members = np.arange(len(texts))
    return vectors, members, unit_rows(vectors[:5].mean(axis=0, keepdims=True))[0]


def test_three_quotes_without_near_duplicates():
    vectors, members, centroid = theme()
    chosen = pick_quotes(TEXTS, vectors, members, centroid)
    assert len(chosen) == 3
    assert not {0, 1} <= set(chosen)  # the same note, differently punctuated
    assert 5 not in chosen and 6 not in chosen  # too short, empty


def test_quotes_come_only_from_the_theme_and_only_when_eligible():
    vectors, members, centroid = theme()
    eligible = np.array([False, False, True, True, False, True, True])
    chosen = pick_quotes(TEXTS, vectors, members[:5], centroid, eligible=eligible)
    assert set(chosen) <= {2, 3}


def test_no_eligible_notes_means_no_quotes():
    vectors, members, centroid = theme()
    eligible = np.zeros(len(TEXTS), dtype=bool)
    assert pick_quotes(TEXTS, vectors, members, centroid, eligible=eligible) == []


def test_the_first_quote_is_the_most_typical_note():
    vectors, members, centroid = theme()
    chosen = pick_quotes(TEXTS, vectors, members, centroid)
    typical = int(np.argmax(vectors[:5] @ centroid))
    assert chosen[0] == typical
