"""Theme labels are short phrases in the notes' own words that say what the problem is."""

import re

import numpy as np

from heard.analysis.lexical import STOP_WORDS, terms, words
from heard.analysis.name import CtfidfNamer, name_themes
from heard.analysis.phrases import CALENDAR_WORDS, guess_language

BUS_NOTES = [
    "the bus is always late to the stop",
    "the bus never comes and the stop has no shelter",
    "waiting at the bus stop in the rain",
]


def in_the_notes(label: str, texts: list[str]) -> bool:
    """Every word of the label is a word some note uses."""
    used = {word for text in texts for word in words(text)}
    return set(words(label)) <= used


def test_a_label_is_a_phrase_of_three_to_eight_words_taken_from_the_notes():
    texts = [
        "the rent increases are too much for us",
        "rent increases again this year",
        "we cannot keep up with rent increases",
        *BUS_NOTES,
    ]
    names = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))
    for name in names.values():
        assert 3 <= len(name.label.split()) <= 8
        assert in_the_notes(name.label, texts)
        assert name.label[0].isupper()
    assert "rent increases" in names[0].label.lower()
    assert "bus" in names[1].label.lower()


def test_a_label_is_a_clause_the_notes_share_not_a_fragment_of_one():
    texts = [
        "she said the buses stop at 7 so she cannot get home from her shift",
        "he told us that the buses stop at 7",
        "buses stop at 7 and night shift workers walk home",
    ]
    label = name_themes(texts, np.zeros(3, dtype=int))[0].label
    assert label == "Buses stop at 7"


def test_a_label_keeps_the_no_that_makes_it_a_problem():
    texts = [
        "there is no shelter at the bus stop",
        "no shelter at the bus stop when it rains",
        "the bus stop has no shelter at all",
        "rent went up again",
        "the landlord raised the rent",
        "rent went up by 200",
    ]
    label = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))[0].label
    assert label.lower().startswith("no shelter")


def test_a_label_begins_and_ends_on_a_word_that_says_something():
    texts = [
        "el alquiler es muy caro para la familia",
        "la renta y el alquiler suben para todos",
        "the rent is too high for the family",
        "for the rent to go up again is too much",
    ]
    names = name_themes(texts, np.array([0, 0, 1, 1]))
    for name in names.values():
        first, *_, last = words(name.label)
        assert first not in STOP_WORDS - {"no", "not", "too", "sin"}
        assert last not in STOP_WORDS - {"up", "out", "much", "off"}


def test_months_and_weekdays_never_name_a_theme():
    texts = [
        "the plant closes in December and nobody knows what happens after December",
        "December layoffs at the plant, the whole street worked there",
        "they say the plant shuts on a Friday in December",
        *BUS_NOTES,
    ]
    names = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))
    for name in names.values():
        assert not set(words(name.label)) & CALENDAR_WORDS
    assert "december" in names[0].keywords  # the keywords still show what the notes say


def test_a_persons_name_never_names_a_theme_but_a_place_may():
    texts = [
        "Maria Lopez ignores the mould in the bathroom",
        "the mould in the bathroom, Maria Lopez ignores it",
        "Maria Lopez ignores the mould again",
        "no playground in Cedar Grove for the kids",
        "the kids in Cedar Grove have no playground",
        "Cedar Grove kids play in the parking lot, no playground",
    ]
    names = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))
    assert not {"maria", "lopez"} & set(words(names[0].label))
    assert "mould" in words(names[0].label)
    assert "Cedar Grove" in names[1].label


def test_no_two_themes_get_the_same_label():
    texts = ["rent landlord repairs"] * 4 + ["rent landlord repairs mold"] * 4
    names = name_themes(texts, np.array([0] * 4 + [1] * 4))
    assert names[0].label.lower() != names[1].label.lower()


def test_labels_already_taken_elsewhere_are_not_reused_even_shortened():
    texts = ["rent increases hurt us all", "rent increases hurt the family", "rent increases"]
    taken = {"Rent increases hurt the family"}
    label = name_themes(texts, np.zeros(3, dtype=int), taken=taken)[0].label
    assert label.lower() not in {"rent increases hurt the family", "rent increases hurt"}
    assert label in taken


def test_a_sub_theme_does_not_repeat_its_parents_words():
    texts = [
        "rent increases this year and the heater is broken",
        "rent increases again, the heater broke in winter",
        "rent increases every year, no heat since the heater broke",
        "rent increases and a cold flat with a broken heater",
    ]
    label = name_themes(texts, np.zeros(4, dtype=int), avoid=["Rent increases this year"])[0].label
    assert not {"rent", "increases"} & set(words(label))
    assert "heater" in words(label)


def test_a_mixed_english_and_spanish_theme_is_labelled_in_english():
    texts = [
        "el dueño subió el alquiler sin avisar",
        "no podemos pagar el alquiler este año",
        "el alquiler subió otra vez y no hay contrato",
        "the landlord raised the rent without notice",
        "we cannot pay the rent anymore",
    ]
    english = name_themes(texts, np.zeros(5, dtype=int))[0]
    assert guess_language(english.label) == "en"
    assert "alquiler" in english.keywords  # keywords keep both languages' words
    spanish = name_themes(texts, np.zeros(5, dtype=int), language="es")[0]
    assert guess_language(spanish.label) == "es"


def test_a_theme_all_in_spanish_is_labelled_in_spanish():
    texts = [
        "el dueño subió el alquiler sin avisar",
        "no podemos pagar el alquiler este año",
        "el alquiler subió otra vez y no hay contrato",
    ]
    label = name_themes(texts, np.zeros(3, dtype=int))[0].label
    assert "alquiler" in words(label)


def test_the_most_central_note_gives_the_label_when_closeness_is_known():
    texts = ["heater broken since winter", "mould on bathroom walls"]
    labels = np.zeros(2, dtype=int)
    first = name_themes(texts, labels, closeness=np.array([0.9, 0.2]))[0].label
    second = name_themes(texts, labels, closeness=np.array([0.2, 0.9]))[0].label
    assert (first, second) == ("Heater broken since winter", "Mould on bathroom walls")


def test_keywords_are_the_themes_ranked_terms():
    texts = ["rent increases again", "rent increases hurt", "rent increases", *BUS_NOTES]
    names = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))
    assert set(names[0].keywords[:3]) == {"rent", "increases", "rent increases"}
    assert len(CtfidfNamer(keywords_kept=2).name(texts, np.zeros(6, dtype=int))[0].keywords) == 2


def test_notes_that_are_only_lists_of_words_get_a_list_for_a_label():
    texts = ["rent", "repairs", "rent, repairs", "mould", "mould, rent"]
    label = name_themes(texts, np.zeros(5, dtype=int))[0].label
    assert re.fullmatch(r"Rent, (mould|repairs) and (mould|repairs)", label)


def test_a_clause_a_little_too_long_is_said_as_a_headline():
    texts = [
        "The security gate at Riverbend has been broken for months.",
        "Security gate at Riverbend has been broken for months, anybody can walk in.",
        "The security gate at Riverbend has been broken for four months",
    ]
    label = name_themes(texts, np.zeros(3, dtype=int))[0].label
    assert label == "Security gate at Riverbend broken for months"


def test_unclear_notes_are_not_named_and_a_wordless_theme_still_gets_a_label():
    names = name_themes(["ok", "ok", "rent rent"], np.array([0, 0, -1]))
    assert list(names) == [0]
    assert names[0].label


def test_terms_are_words_and_adjacent_word_pairs_only():
    assert terms("the right to vote, el derecho") == ["right", "vote", "derecho"]
    assert "rent increases" in terms("Rent increases!")
    assert not {"she's", "he's"} & set(terms("she's picking up shifts, he's too"))


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
        *BUS_NOTES,
    ]
    names = name_themes(texts, np.array([0, 0, 0, 1, 1, 1]))
    assert "5th floor" in names[0].label
    assert "th" not in words(names[0].label)
