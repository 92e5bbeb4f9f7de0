"""A place's name as compared (no case, accents or extra spaces), and the kind its words say."""

import re
import unicodedata

from .kinds import Kind

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """ "Café  de la Plaza" and "cafe de la plaza" are one place: lower case, no accents, one
    space between words. Each character folds on its own (`fold_char`), so a folded text lines
    up with the original character by character (mentions show snippets of the original)."""
    return _SPACES.sub(" ", "".join(fold_char(c) for c in text)).strip()


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


def guess_kind(name: str) -> str:
    """The kind a name's own words suggest ("Elm Street Laundromat" is a laundromat), else other."""
    folded = fold(name)
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if re.search(rf"\b{re.escape(fold(word))}\b", folded):
            return KIND_WORDS[word]
    return Kind.OTHER


def sounds_helping(name: str) -> bool:
    folded = fold(name)
    return any(fold(word) in folded for word in HELPING_WORDS)
