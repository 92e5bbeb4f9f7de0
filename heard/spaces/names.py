"""A place's name as compared (no case, accents or extra spaces), and the kind its words say."""

import re
import unicodedata
from functools import lru_cache

from .kinds import Kind

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """ "Café  de la Plaza" and "cafe de la plaza" are one place: lower case, no accents, one
    space between words. Each character folds on its own (`fold_char`), so a folded text lines
    up with the original character by character (mentions show snippets of the original)."""
    return _SPACES.sub(" ", fold_aligned(text)).strip()


def fold_aligned(text: str) -> str:
    """The text folded character by character, as long as the original (ASCII text, most notes,
    takes the fast path: lower case is all there is to it)."""
    if text.isascii():
        return text.lower()
    return "".join(map(fold_char, text))


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character without its accents, lower case; always one character long, so that
    offsets in a folded text are offsets in the original."""
    base = unicodedata.normalize("NFKD", char)
    stripped = "".join(c for c in base if not unicodedata.combining(c)).casefold()
    return stripped if len(stripped) == 1 else char.casefold()[:1] or char


def tidy(name: str) -> str:
    """A name as typed, with its spacing tidied (one space between words)."""
    return _SPACES.sub(" ", name).strip()


#: Words that say what kind of place a name is ("St Mark's church hall" is a place of worship).
#: Longest first where one contains another, so "church hall" wins over "hall".
KIND_WORDS: dict[str, str] = {
    "laundromat": Kind.LAUNDROMAT,
    "laundrette": Kind.LAUNDROMAT,
    "launderette": Kind.LAUNDROMAT,
    "lavanderia": Kind.LAUNDROMAT,
    "church hall": Kind.WORSHIP,
    "church": Kind.WORSHIP,
    "chapel": Kind.WORSHIP,
    "mosque": Kind.WORSHIP,
    "temple": Kind.WORSHIP,
    "synagogue": Kind.WORSHIP,
    "iglesia": Kind.WORSHIP,
    "library": Kind.LIBRARY,
    "biblioteca": Kind.LIBRARY,
    "park": Kind.PARK,
    "playground": Kind.PARK,
    "garden": Kind.PARK,
    "gardens": Kind.PARK,
    "parque": Kind.PARK,
    "market": Kind.SHOP,
    "mercado": Kind.SHOP,
    "shop": Kind.SHOP,
    "store": Kind.SHOP,
    "bodega": Kind.SHOP,
    "tienda": Kind.SHOP,
    "bakery": Kind.SHOP,
    "barbershop": Kind.SHOP,
    "salon": Kind.SHOP,
    "pharmacy": Kind.SHOP,
    "café": Kind.CAFE,
    "cafe": Kind.CAFE,
    "coffee shop": Kind.CAFE,
    "diner": Kind.CAFE,
    "pub": Kind.CAFE,
    "bar": Kind.CAFE,
    "school": Kind.SCHOOL,
    "escuela": Kind.SCHOOL,
    "community centre": Kind.COMMUNITY_CENTRE,
    "community center": Kind.COMMUNITY_CENTRE,
    "rec centre": Kind.COMMUNITY_CENTRE,
    "rec center": Kind.COMMUNITY_CENTRE,
    "centro comunitario": Kind.COMMUNITY_CENTRE,
    "food bank": Kind.OTHER,
    "food pantry": Kind.OTHER,
    "repair café": Kind.OTHER,
    "repair cafe": Kind.OTHER,
}

#: Kind words that mean help is given or swapped there.
HELPING_WORDS = ("food bank", "food pantry", "repair café", "repair cafe", "tool library")


_KIND_OF = {fold(word): kind for word, kind in KIND_WORDS.items()}
_ANY_KIND_WORD = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(_KIND_OF, key=len, reverse=True)) + r")\b"
)


def guess_kind(name: str) -> str:
    """The kind a name's own words suggest ("Elm Street Laundromat" is a laundromat), else other."""
    found = _ANY_KIND_WORD.search(fold(name))
    return _KIND_OF[found.group(1)] if found else Kind.OTHER


def sounds_helping(name: str) -> bool:
    folded = fold(name)
    return any(fold(word) in folded for word in HELPING_WORDS)
