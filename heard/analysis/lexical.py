"""Words: tokenizing notes, English and Spanish stop words, and the words a whole theme shares.

Naming and sub-theming both need to look at notes as words. Notes are written in English and
Spanish (sometimes both), so the stop-word list covers both languages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

#: A word: letters (any script) and digits with at least one letter ("2nd", "5th", "1990s"),
#: optionally joined by an apostrophe ("don't", "landlord's"). Bare numbers are not words.
WORD = re.compile(r"(?=[^\W_]*[^\W\d_])[^\W_]+(?:['’][^\W_]+)*")
#: A word or a bare number: a number is no term, but a bigram does not jump over it either.
WORD_OR_NUMBER = re.compile(rf"{WORD.pattern}|\d+")
#: Words and single punctuation marks, for rebuilding a note without some of its words.
WORD_OR_MARK = re.compile(r"[\w'’]+|[^\w\s]")


def _listed(words: str) -> frozenset[str]:
    """A word list written as a paragraph, so long lists stay readable."""
    return frozenset(words.split())


SPANISH_STOP_WORDS = _listed(
    """
    a acá ahí al algo algún alguna algunas alguno algunos allá allí ante antes aquel aquella
    aquellas aquello aquellos aquí así aun aún bajo bien cada casi como cómo con contra cual cuál
    cuales cuando cuándo cuanto cuánto de del desde donde dónde dos e el él ella ellas ello ellos
    en entre era eran eres es esa esas ese eso esos esta está estaba estaban estamos están estar
    estas éste este esto estos estoy fue fueron fui ha había habían han has hasta hay he la las le
    les lo los más me mi mí mis mucho muchos muy nada ni no nos nosotras nosotros nuestra nuestras
    nuestro nuestros o os otra otras otro otros para pero poco por porque pues que qué quien
    quién quienes se sea ser si sí sido siempre sin sobre son su sus también tan tanto te tenemos
    tener tengo tiene tienen toda todas todo todos tu tú tus un una uno unos usted ustedes va van
    vez y ya yo
    """
)

#: Conversational fillers that make poor theme labels in either language.
FILLER_WORDS = _listed(
    """
    also really just like think thinks thought want wants lot lots thing things way ways
    don't doesn't didn't can't won't isn't aren't wasn't i'm it's that's there's they're we're
    you're i've we've they've i'd i'll we'll shouldn't wouldn't couldn't
    he's she's he'd she'd we'd you'd they'd he'll she'll you'll they'll let's what's who's
    where's here's
    dice dijo creo cosa cosas
    """
)

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | SPANISH_STOP_WORDS | FILLER_WORDS


def words(text: str) -> list[str]:
    """Lower-cased words of a note (apostrophes normalised), bare numbers and marks left out."""
    return [word.replace("’", "'") for word in WORD.findall(text.lower())]


def is_content_word(word: str) -> bool:
    """A word that can carry a theme: not a stop word, at least two letters."""
    return len(word) > 1 and word not in STOP_WORDS


def terms(text: str) -> list[str]:
    """Content words and the bigrams of adjacent content words, in the note's own order.

    Bigrams never jump over a removed stop word or a number, so "right to vote" gives "right",
    "vote" and no invented "right vote".
    """
    found: list[str] = []
    previous: str | None = None
    for token in WORD_OR_NUMBER.findall(text.lower()):
        word = token.replace("’", "'")
        if is_content_word(word) and not word.isdigit():
            found.append(word)
            if previous is not None:
                found.append(f"{previous} {word}")
            previous = word
        else:
            previous = None
    return found


def shared_words(texts: Sequence[str], min_share: float) -> set[str]:
    """Words (and marks) found in more than ``min_share`` of the notes.

    Inside one theme these are the theme itself ("rent", "landlord"); they cannot tell its
    sub-themes apart, and in a sentence embedding they drown out the words that can.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({token.lower() for token in WORD_OR_MARK.findall(text)})
    limit = min_share * len(texts)
    return {token for token, count in counts.items() if count > limit}


def without_words(texts: Sequence[str], removed: set[str]) -> list[str]:
    """Each note with the ``removed`` words taken out (a note left empty is kept whole)."""
    stripped = []
    for text in texts:
        kept = [t for t in WORD_OR_MARK.findall(text.lower()) if t not in removed]
        stripped.append(" ".join(kept) if any(WORD.search(t) for t in kept) else text)
    return stripped
