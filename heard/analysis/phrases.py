"""Phrases: the short spans of a note that could name its theme, and the words that never should.

A label an organizer would write ("Buses too infrequent to reach work") is usually already in
the notes, as a clause or part of one. This module cuts a note into clauses (at punctuation, and
a long clause before "because", "but" ...), takes the filler off their front ("she said", "the
lady at 14 told us that", "dijo que"), and offers every span of a few words that starts and ends
on a word carrying meaning, marked by whether it reads whole or cuts a phrase in two; a clause a
little too long is also offered as a headline ("Security gate at Riverbend broken for months").
It also knows what a label must not carry: months and weekdays, and capitalised words the notes
never show to be anything but a name (most often a person's), unless they are a place ("at
Riverbend", "Cedar Grove", "Eastgate Blvd") or an acronym ("WIC"). Which span wins is the name
stage's business (``heard.analysis.name``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from heard.analysis.lexical import SPANISH_STOP_WORDS, WORD, is_content_word


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Months and weekdays (English and Spanish, with short forms): never part of a label.
CALENDAR_WORDS = _listed(
    """
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    mondays tuesdays wednesdays thursdays fridays saturdays sundays
    mon tue tues wed thu thur thurs fri sat sun
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre
    diciembre lunes martes miércoles jueves viernes sábado sábados domingo domingos
    """
)
#: "May" is a month only when capitalised mid-sentence; lower-case "may" is a stop word anyway.
CAPITALISED_CALENDAR_WORDS = frozenset({"may"})

#: The last word of a capitalised name that makes it a place or an institution, not a person.
PLACE_WORDS = _listed(
    """
    st street ave avenue blvd boulevard rd road dr drive ln lane way ct court pl place pkwy
    parkway hwy highway pike route loop trail terrace circle square plaza park parks towers tower
    apartments apts homes estates village heights hill hills grove bend ridge row creek river
    lake valley woods gardens commons manor point crossing station depot center centre mall
    market elementary middle high school schools academy college university library hospital
    clinic church chapel communities community housing authority council department county city
    district transit line lines bus metro
    calle avenida colonia barrio escuela parque clínica iglesia
    """
)

#: A capitalised word right after one of these is a place ("at Riverbend", "in Millbrook").
PLACE_PREPOSITIONS = _listed("at in near across around outside inside into through en cerca")

#: Words so general that they say nothing about what a problem is ("people need help", "make
#: things better"): a label may hold them, but they do not make it a good one.
GENERIC_WORDS = _listed(
    """
    people person persons someone everyone anyone everybody somebody anybody individual
    individuals thing things stuff kind sort type way ways part point fact case example reason
    reasons issue issues problem problems matter situation time times make makes making made get
    gets getting got go goes going went gone come comes coming came take takes took taking give
    gives gave given say says said know knows knew see sees saw seem seems want wanted need
    needs needed help helps helped able use used using good bad better best worse worst great
    big small important different same certain real sure new lot lots actually basically
    probably maybe simply
    gente persona personas cosa cosas vez veces forma manera parte tiempo hacer hace tener dar
    decir ver saber bueno buena malo mala mejor peor gran grande importante problema problemas
    """
)

#: Words a label may start with although they are stop words: they carry the complaint
#: ("No shelter at the stop", "Too few buses", "Can't afford insulin", "Sin contrato").
OPENING_WORDS = _listed(
    """
    no not never nobody nothing nowhere none without too more less fewer can't cannot won't
    don't doesn't didn't isn't aren't wasn't weren't
    sin nadie nunca nada ni más menos
    """
)

#: Words a label may end on although they are stop words: they finish the thought ("Rent
#: increases pushing families out", "Prices keep going up", "No hacen nada").
CLOSING_WORDS = _listed("much many up down out off enough anymore away back lot lots nada")

#: Words that join a new part of the sentence: a span may start just after one ("... because |
#: buses stop at 7") or stop just before one ("Buses too infrequent | when shifts end").
JOINING_WORDS = _listed(
    """
    because when whenever since while which who whom whose where that and but or so if
    although though whereas unless
    porque cuando mientras que quien quienes donde y pero o si aunque
    """
)
#: Prepositions: a span may stop before one ("Buses too infrequent | for night shifts") but not
#: start after one ("in | Cedar Grove instead"), where it would be a fragment.
PREPOSITIONS = _listed(
    """
    for in at on with by after before until during against without into over under despite
    para en con por después antes hasta durante contra sin sobre
    """
)
#: Words after which a new phrase may begin: "to" before a verb, a copula before what something
#: is ("the problem is | rent going up").
PHRASE_OPENERS = _listed("to is are was were be been being es son está están era fue")

#: A span does not start after one of these: "(we should) abolish it" is no longer the claim.
MODAL_VERBS = _listed(
    """
    should would could must might will shall can may ought need needs
    debería deberían deberíamos debe deben debemos podría podrían puede pueden
    """
)

#: Words a headline leaves out (see :func:`headline`), in English and Spanish.
HEADLINE_DROPS = _listed("the his her their my our your its el la los las su sus")
AUXILIARIES = _listed("has have had")

#: Where a span starts or ends within its clause (see :class:`Span`).
CLAUSE, PHRASE, INSIDE = "clause", "phrase", "inside"

#: Verbs of reporting: "the lady at 14 said", "he told us that", "dijo que".
SPEECH_VERBS = _listed(
    """
    said says say told tells tell mentioned mentions explained explains complained complains
    added adds asked asks shared shares noted reported stated
    dijo dice dicen dijeron comentó comenta contó cuenta cuentan mencionó menciona explicó
    explica preguntó
    """
)
#: Verbs of opinion are filler only after their subject ("he thinks the bus ..."): alone at the
#: front they may be the point ("Thought the clinic had closed").
OPINION_VERBS = _listed("thinks thought believes believe feel piensa piensan cree creen")
#: Words that may follow the verb of reporting and belong to the filler: "told us that ...".
AFTER_SPEECH = _listed("that us me them about how que nos les sobre cómo como")
#: A clause is filler up to its verb of reporting only when the verb comes this early.
SPEAKER_WORDS = 5

#: Words that begin a new thought inside a long clause.
CLAUSE_BREAKS = _listed(
    """
    because but so which while although though since whereas unless
    porque pero aunque mientras pues
    """
)
#: Weaker breaks, used only when both halves keep enough words to say something.
SOFT_BREAKS = _listed("and or y o e")

#: A clause longer than this many words is cut at its conjunctions.
LONG_CLAUSE = 8

#: Where a note breaks into clauses: sentence and clause punctuation, brackets, slashes, dashes,
#: quotation marks; a comma or full stop only when it is not inside a number ("$1,275", "2.5").
_CLAUSE_MARKS = re.compile(r"[!?;()\[\]{}/|—–…\n\"“”«»]|[.,:](?!\d)|\s[-+&>=<~]+\s|\s-+$|^-+\s")
_LOWER_CASE_WORD = re.compile(r"(?<![\w'’])[^\W\d_A-ZÀ-ÖØ-Þ][\w'’]*")
_PLACE = re.compile(r"\b(?i:" + "|".join(sorted(PLACE_PREPOSITIONS)) + r")\s+([A-ZÀ-ÖØ-Þ][\w'’]*)")
_OUTER_MARKS = "\"'“”‘’`*«»¿¡<>"

ENGLISH_ONLY = frozenset(ENGLISH_STOP_WORDS) - SPANISH_STOP_WORDS
SPANISH_ONLY = SPANISH_STOP_WORDS - frozenset(ENGLISH_STOP_WORDS)


@dataclass(frozen=True)
class Token:
    """One word of a clause: as written (for the label) and as compared (lower case)."""

    text: str
    word: str

    # Cached: naming a large campaign asks each token these questions hundreds of times.
    @functools.cached_property
    def is_content(self) -> bool:
        return is_content_word(self.word) and WORD.fullmatch(self.word) is not None

    @functools.cached_property
    def is_number(self) -> bool:
        return any(character.isdigit() for character in self.word) and not WORD.fullmatch(self.word)


@dataclass(frozen=True)
class Span:
    """A few words of one clause that might name a theme."""

    tokens: tuple[Token, ...]
    #: Where the span begins: where its clause does (after the filler), where a phrase does
    #: ("... because | buses stop at 7", "the problem is | rent"), or inside a phrase ("hits the
    #: | poorest in society"), where it reads as a fragment.
    starts: str
    #: Where it ends: with its clause, before a new phrase ("... | for night shifts"), or inside
    #: one, trailing off ("don't let students | express ...", "allows the people | to make").
    ends: str
    #: Runs of content words the span cuts ("school | uniforms"), or a "no" it leaves behind.
    cuts: int

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.tokens)

    @functools.cached_property
    def stems(self) -> frozenset[str]:
        """The plural-folded content words, as the name stage weighs them."""
        return frozenset(stem(token.word) for token in self.tokens if token.is_content)

    @functools.cached_property
    def key(self) -> str:
        return " ".join(token.word for token in self.tokens)


def guess_language(text: str) -> str | None:
    """The note's language, "en" or "es", by which one's stop words it uses more (None when
    neither does)."""
    found = text.lower().split()
    english = sum(word.strip(".,;:!?\"'()") in ENGLISH_ONLY for word in found)
    spanish = sum(word.strip(".,;:!?\"'()¿¡") in SPANISH_ONLY for word in found)
    if english == spanish:
        return None
    return "en" if english > spanish else "es"


@functools.lru_cache(maxsize=65536)
@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light plural-folding key, so "bus" and "buses", "uniform" and "uniforms", "house" and
    "houses" count as one word. Only a key: "houses" and "house" both give "hous"."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def clauses(text: str) -> list[list[Token]]:
    """The note's clauses as tokens, each without its leading filler ("she said that ...")."""
    return [list(clause) for clause in _clauses(text)]


# A note is read for its theme's label and again for its sub-theme's: split it once.
@functools.lru_cache(maxsize=1 << 14)
def _clauses(text: str) -> tuple[tuple[Token, ...], ...]:
    found: list[tuple[Token, ...]] = []
    for piece in _CLAUSE_MARKS.split(text):
        tokens = [_token(raw) for raw in piece.split()]
        tokens = [token for token in tokens if token.word]
        for part in _split_long(tokens):
            part = _without_filler(part)
            if part:
                found.append(tuple(part))
    return tuple(found)


def headline(clause: Sequence[Token]) -> list[Token]:
    """The clause as a headline says it: without "the", possessives and "has been" ("(The)
    security gate at Riverbend (has been) broken for months"), so a clause a little too long
    for a label can still be one, in its own words. ("a" stays: "pays $100 a week".)"""
    kept: list[Token] = []
    index = 0
    while index < len(clause):
        token = clause[index]
        following = clause[index + 1] if index + 1 < len(clause) else None
        if token.word in AUXILIARIES and following is not None and following.word == "been":
            index += 2
            continue
        # Only before a noun: "her car" is a possessive, "picks her up" is not.
        if token.word in HEADLINE_DROPS and following is not None and following.is_content:
            index += 1
            continue
        kept.append(token)
        index += 1
    return kept


def spans(clause: Sequence[Token], *, shortest: int = 3, longest: int = 8) -> list[Span]:
    """Every span of ``shortest``-``longest`` words that starts on a content word (or a word of
    complaint like "no", "too", "can't") and ends on a content word, a number ("Buses stop at
    7") or a word that finishes a thought ("up", "out" ...)."""
    found = []
    count = len(clause)
    for start in range(count):
        first = clause[start]
        opens = first.word in OPENING_WORDS and start + 1 < count
        if opens:
            following = clause[start + 1]
            # "No shelter", "too expensive", "not enough"; never "more on education".
            opens = following.is_content or following.word in OPENING_WORDS | CLOSING_WORDS
        if not (first.is_content or opens):
            continue
        before = clause[start - 1].word if start else ""
        if not any(
            token.is_content or token.word in OPENING_WORDS or token.word in MODAL_VERBS
            for token in clause[:start]
        ):
            # Only pronouns and the like come before: "(She's) picking up weekend shifts".
            starts = CLAUSE
        elif before in JOINING_WORDS or before in PHRASE_OPENERS:
            starts = PHRASE
        else:
            starts = INSIDE
        # Never drop the "no" or "not" in front: "no matter ..." is not "matter ...".
        cut_front = before in OPENING_WORDS or (
            start > 0 and clause[start - 1].is_content and first.is_content
        )
        for end in range(start + shortest - 1, min(count, start + longest)):
            last = clause[end]
            if not (last.is_content or last.is_number or last.word in CLOSING_WORDS):
                continue
            after = clause[end + 1] if end + 1 < count else None
            if after is None:
                ends = CLAUSE
            elif after.word in JOINING_WORDS or after.word in PREPOSITIONS:
                ends = PHRASE
            else:
                ends = INSIDE
            cut_back = after is not None and after.is_content
            span = Span(tuple(clause[start : end + 1]), starts, ends, int(cut_front) + cut_back)
            found.append(span)
    return found


def known_words(texts: Iterable[str]) -> set[str]:
    """Words the notes show are nobody's name: written in lower case somewhere, or capitalised
    right after "at", "in", "near" ... (a place: "at Riverbend", "in Millbrook", "en Pecan")."""
    known: set[str] = set()
    for text in texts:
        found = _LOWER_CASE_WORD.findall(text) + [place.lower() for place in _PLACE.findall(text)]
        known.update(word.replace("’", "'") for word in found)
    return known


def allowed_in_label(span: Span, known: set[str]) -> bool:
    """No month or weekday, no name of a person; places, acronyms and common words are fine.

    A capitalised word passes when the notes show it is no name (``known``), when it is an
    acronym ("WIC", "MP&L"), or when it belongs to a run of capitalised words ending in a place
    word ("Cedar Grove", "Eastgate Blvd", "Lincoln Middle"). Anything else capitalised is most
    likely someone's name ("DeShawn's father" too).
    """
    tokens = span.tokens
    for index, token in enumerate(tokens):
        word = token.word
        if word in CALENDAR_WORDS:
            return False
        letters = [character for character in token.text if character.isalpha()]
        if not letters or not letters[0].isupper():
            continue
        if word in CAPITALISED_CALENDAR_WORDS and index > 0:
            return False
        if word == "i" or word in known:
            continue
        if len(letters) > 1 and all(character.isupper() for character in letters):
            continue
        if not _in_place_name(tokens, index):
            return False
    return True


def _in_place_name(tokens: Sequence[Token], index: int) -> bool:
    end = index
    while end < len(tokens) and _capitalised(tokens[end]):
        end += 1
    return tokens[end - 1].word.strip(".") in PLACE_WORDS


def _capitalised(token: Token) -> bool:
    letters = [character for character in token.text if character.isalpha()]
    return bool(letters) and letters[0].isupper()


def _token(raw: str) -> Token:
    text = raw.strip(_OUTER_MARKS)
    # A word's trailing full stop ("Ave.") is kept in the text but not in the compared word.
    word = text.lower().replace("’", "'").strip(".,")
    if not any(character.isalnum() for character in word):
        return Token(text, "")
    return Token(text.rstrip(","), word)


def _split_long(tokens: list[Token]) -> list[list[Token]]:
    """A long clause cut before "because", "but" ..., and at "and" / "or" when a new clause
    follows ("... and she pays a neighbor", not "keep and bear arms") and both sides keep at
    least three words; the word that joined them is dropped."""
    if len(tokens) <= LONG_CLAUSE:
        return [tokens]
    parts: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        current = parts[-1]
        hard = token.word in CLAUSE_BREAKS
        soft = (
            token.word in SOFT_BREAKS
            and len(current) >= 3
            and len(tokens) - index > 3
            and not tokens[index + 1].is_content
        )
        if (hard or soft) and current:
            parts.append([])
        elif not (hard and not current):
            current.append(token)
    return [part for part in parts if part]


def _without_filler(tokens: list[Token]) -> list[Token]:
    """The clause without "she said (that)", "lady at 14 told us", "dijo que" at its front."""
    for index, token in enumerate(tokens[:SPEAKER_WORDS]):
        if token.word in SPEECH_VERBS or (index > 0 and token.word in OPINION_VERBS):
            rest = index + 1
            while rest < len(tokens) and tokens[rest].word in AFTER_SPEECH:
                rest += 1
            return tokens[rest:]
    return tokens
