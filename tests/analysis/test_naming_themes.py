"""Theme labels are the notes' own words: no stop words, no repeats, no two themes alike."""

import numpy as np

from heard.analysis.lexical import STOP_WORDS, terms
from heard.analysis.name import SEPARATOR, name_themes


def label_words(label: str) -> list[str]:
    return [word for term in label.split(SEPARATOR) for word in term.split()]


def test_a_label_is_made_of_the_themes_distinctive_words():
    texts = [
        "the rent increases are too much for us",
        "rent increases again this year",
        "we cannot keep up with rent increases",
        "the bus is always late to the stop",
        "the bus never comes and the stop has no shelter",
        "waiting at the bus stop in the rain",
    ]
    names = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))
    assert names[0].label.split(SEPARATOR)[0] == "rent increases"
    assert "bus" in names[1].label and "stop" in names[1].label


def test_english_and_spanish_stop_words_never_name_a_theme():
    texts = [
        "el alquiler es muy caro para la familia",
        "la renta y el alquiler suben para todos",
        "the rent is too high for the family",
        "for the rent to go up again is too much",
    ]
    names = name_themes(texts, np.array([0, 0, 1, 1]))
    for name in names.values():
        assert not set(label_words(name.label)) & STOP_WORDS
        assert not set(label_words(name.label)) & {"the", "to", "for", "el", "la", "para"}


def test_no_word_repeats_inside_a_label():
    texts = ["broken heater broken window", "broken heater again", "heater broken window"] * 2
    label = name_themes(texts, np.zeros(6, dtype=int))[0].label
    words = label_words(label)
    assert len(words) == len(set(words))


def test_no_two_themes_get_the_same_label():
    texts = ["rent landlord repairs"] * 4 + ["rent landlord repairs mold"] * 4
    names = name_themes(texts, np.array([0] * 4 + [1] * 4))
    assert names[0].label != names[1].label


def test_labels_already_taken_elsewhere_are_not_reused():
    texts = ["rent increases hurt", "rent increases again", "rent increases"]
    taken = {"rent increases · hurt"}
    label = name_themes(texts, np.zeros(3, dtype=int), taken=taken)[0].label
    assert label != "rent increases · hurt" and label in taken


def test_a_sub_theme_does_not_repeat_its_parents_words():
    texts = ["rent increases heater broken", "rent increases heater cold"] * 2
    label = name_themes(texts, np.zeros(4, dtype=int), avoid=["rent increases"])[0].label
    assert "rent" not in label_words(label) and "heater" in label


def test_unclear_notes_are_not_named_and_a_wordless_theme_still_gets_a_label():
    names = name_themes(["ok", "ok", "rent rent"], np.array([0, 0, -1]))
    assert list(names) == [0]
    assert names[0].label


def test_terms_are_words_and_adjacent_word_pairs_only():
    assert terms("the right to vote, el derecho") == ["right", "vote", "derecho"]
    assert "rent increases" in terms("Rent increases!")


def test_ordinals_keep_their_digits_and_bare_numbers_name_nothing():
    assert terms("buses stop after 2nd shift") == [
        "buses",
        "stop",
        "buses stop",
        "2nd",
        "shift",
        "2nd shift",
    ]
    # "500" is no term, and "rent" and "dollars" were never said side by side.
    assert terms("rent 500 dollars") == ["rent", "dollars"]


def test_a_theme_about_the_fifth_floor_is_not_named_th_floor():
    texts = [
        "mold on the 5th floor again",
        "the 5th floor has mold in every bathroom",
        "5th floor tenants sick from mold",
        "the bus is always late to the stop",
        "the bus never comes and the stop has no shelter",
        "waiting at the bus stop in the rain",
    ]
    names = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))
    assert "5th floor" in names[0].label
    assert "th" not in label_words(names[0].label)
