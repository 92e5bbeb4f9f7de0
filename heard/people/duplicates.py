"""Who looks like whom: the matcher behind the duplicate warnings, the merge suggestions and
(later) an import that dedupes against the people already stored.

It works on plain `Record`s (a name, a phone, an email, an address), never on the database, so
an import can hand it 10,000 rows. Pairs are found by *blocking*: each record is filed under a
few keys (its phone as a number, its email, its address, and its name's words, each with the
initial of another word), and only records sharing a key are compared. Two records that share
no key are never compared, which is what keeps 10,000 rows at seconds rather than the 50
million comparisons of all pairs.

A pair's score starts from how alike the names are without accents or case (rapidfuzz's token
ratios, so "Ramírez Graciela" is "Graciela Ramirez" and an extra family name does not count
against), adds what the two share (a phone, an email, an address) and takes off what they hold
differently (two different phones, two different emails). A name whose *given* name differs
("Rosa Alvarez" and "Luis Alvarez", who share the family phone and address) is capped below the
threshold whatever else they share: a household is not one person. The weights and the
threshold were chosen on the labelled pairs in tests/people/duplicate_pairs.csv (the test there
asserts precision and recall).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field

import phonenumbers
from django.conf import settings
from django.utils.translation import gettext, gettext_lazy
from rapidfuzz import fuzz
from rapidfuzz.distance import Hamming, JaroWinkler

from .folding import fold

#: A pair scoring this or more looks like one person (chosen on tests/people/duplicate_pairs.csv).
THRESHOLD = 90
#: What a shared or differing detail adds to (or takes from) the names' likeness, in points.
SAME_PHONE = 15
SAME_EMAIL = 20
SAME_ADDRESS = 8
OTHER_PHONE = -12
OTHER_EMAIL = -10
OTHER_ADDRESS = -5
#: Names only alike, not the same, with nothing else shared; twice when the given names are
#: only alike ("Nora", "Norma").
UNCORROBORATED = -5
#: Given names less alike than this (Jaro-Winkler, which weighs the first letters most) cap
#: the score: relatives share phones and homes, and "Hannah" is not "Anna".
GIVEN_NAMES_ALIKE = 0.9
RELATIVES_CAP = 60
#: A blocking key shared by more records than this is too common to pair on by itself
#: ("maria|g" in a big city): its records are still paired through their other keys.
LARGEST_BLOCK = 300

_ADDRESS_WORDS = {
    "street": "st",
    "avenue": "ave",
    "av": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "drive": "dr",
    "lane": "ln",
    "court": "ct",
    "apartment": "apt",
    "unit": "apt",
    "calle": "c",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
}


@dataclass(frozen=True)
class Record:
    """One person as the matcher sees them: `key` is whatever the caller finds them by (a
    person's id, an import's row number)."""

    key: Hashable
    name: str
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class Prints:
    """A record's details as they are compared: folded, normalised, split."""

    record: Record
    name: str
    words: tuple[str, ...]
    phone: str
    email: str
    address: str


@dataclass(frozen=True)
class Likeness:
    """How much two records look like one person (0-100) and why, in words."""

    score: int
    reasons: tuple[str, ...] = field(default=())

    @property
    def is_duplicate(self) -> bool:
        return self.score >= THRESHOLD

    @property
    def said(self) -> str:
        """The reasons in the reader's language (they are kept in English: the scoring reads
        them)."""
        return ", ".join(_said(reason) for reason in self.reasons)


#: The reasons as a page says them; "name N% alike" is said by `_said`.
REASON_WORDS = {
    "same name": gettext_lazy("same name"),
    "same phone": gettext_lazy("same phone"),
    "phones one digit apart": gettext_lazy("phones one digit apart"),
    "same email": gettext_lazy("same email"),
    "same address": gettext_lazy("same address"),
}


def _said(reason: str) -> str:
    if match := re.fullmatch(r"name (\d+)% alike", reason):
        return gettext("name %(percent)s%% alike") % {"percent": match.group(1)}
    return str(REASON_WORDS.get(reason, reason))


@dataclass(frozen=True)
class Match:
    a: Record
    b: Record
    likeness: Likeness


def phone_number(phone: str, region: str | None = None) -> str:
    """The phone as one comparable string: E.164 when the number parses ("(555) 010-1234" and
    "+1 555 010 1234" are both "+15550101234"), its digits when it does not, "" when it has
    fewer than seven digits (too short to say two people share it)."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < 7:
        return ""
    try:
        number = phonenumbers.parse(phone, region or settings.PHONE_REGION)
    except phonenumbers.NumberParseException:
        return digits
    if not phonenumbers.is_possible_number(number):
        return digits
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def address_key(address: str) -> str:
    """An address folded, without punctuation, its common words shortened ("12 Maple Street,
    Apt 3" and "12 maple st apt. 3" are one)."""
    words = re.sub(r"[^\w\s]", " ", fold(address)).split()
    return " ".join(_ADDRESS_WORDS.get(word, word) for word in words)


def prints(record: Record, region: str | None = None) -> Prints:
    name = fold(record.name)
    return Prints(
        record=record,
        name=name,
        words=tuple(re.sub(r"[^\w\s]", " ", name).split()),
        phone=phone_number(record.phone, region),
        email=(record.email or "").strip().casefold(),
        address=address_key(record.address),
    )


def likeness(a: Prints, b: Prints) -> Likeness:
    """How much two records look like one person, with the reasons."""
    names = fuzz.token_sort_ratio(a.name, b.name)
    if names < 100:
        names = max(names, _subset_ratio(a, b))
    names = int(round(names))
    score = names
    reasons = [f"name {names}% alike" if names < 100 else "same name"]
    if a.phone and b.phone:
        if a.phone == b.phone:
            score += SAME_PHONE
            reasons.append("same phone")
        elif _one_digit_apart(a.phone, b.phone):
            reasons.append("phones one digit apart")
        else:
            score += OTHER_PHONE
    if a.email and b.email:
        if a.email == b.email:
            score += SAME_EMAIL
            reasons.append("same email")
        else:
            score += OTHER_EMAIL
    if a.address and b.address:
        if a.address == b.address:
            score += SAME_ADDRESS
            reasons.append("same address")
        else:
            score += OTHER_ADDRESS
    if score <= RELATIVES_CAP:
        pass  # far below the threshold: no need to look closer
    elif not _given_names_alike(a.words, b.words):
        score = min(score, RELATIVES_CAP)
    elif not any(reason.startswith("same ") for reason in reasons[1:]):
        # Only the names to go on: a near name is a namesake as often as a typo.
        if names < 100:
            score += UNCORROBORATED
        if a.words[:1] != b.words[:1] and set(a.words) != set(b.words):
            score += UNCORROBORATED
    return Likeness(max(0, min(100, score)), tuple(reasons))


def _one_digit_apart(x: str, y: str) -> bool:
    """A typo in a number: same length, one digit different."""
    return len(x) == len(y) and Hamming.distance(x, y) == 1


def _subset_ratio(a: Prints, b: Prints) -> float:
    """Full marks when every word of the shorter name is in the longer one, if it has at least
    two ("Maria Lopez" in "Maria Lopez Garcia"), less than full: one name is not all, and with
    nothing else shared the pair stays below the threshold."""
    if min(len(a.words), len(b.words)) < 2:
        return 0.0
    return fuzz.token_set_ratio(a.name, b.name) * 0.88


def _given_names_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The given names (first words) are one name, allowing a typo or an initial ("J" for
    "Juan"), or the name is written surname first in one of the two."""
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        return True  # one word: nothing to tell a given name from a family name
    if _same_word(a[0], b[0]):
        return True
    return _same_word(a[0], b[-1]) and _same_word(a[-1], b[0])


def _same_word(x: str, y: str) -> bool:
    """One given name, allowing an initial ("j"), a short form ("sam", "samuel") or a typo,
    but not a brother's or sister's name ("francisco", "francisca"; "luis", "luisa")."""
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if _gendered_pair(x, y):
        return False
    short, long = sorted((x, y), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return JaroWinkler.normalized_similarity(x, y) >= GIVEN_NAMES_ALIKE


def _gendered_pair(x: str, y: str) -> bool:
    """Two forms of one name for two people: "francisco" / "francisca", "luis" / "luisa",
    "daniel" / "daniela", "michael" / "michelle"."""
    endings = ("a", "o", "e", "ia", "le", "lle", "")
    for ending in endings:
        x_stem = x.removesuffix(ending) if ending else x
        for other in endings:
            if x_stem + other == y and x_stem not in ("", y):
                return True
    return x[:3] == y[:3] and {x[-2:], y[-2:]} == {"el", "le"}


def block_keys(p: Prints) -> set[str]:
    """The keys a record is filed under; records sharing one are compared."""
    keys = set()
    if p.phone:
        keys.add(f"phone:{p.phone}")
    if p.email:
        keys.add(f"email:{p.email}")
    if p.address:
        keys.add(f"address:{p.address}")
    words = [w for w in p.words if len(w) > 1] or list(p.words)
    if len(words) == 1:
        keys.add(f"name:{words[0]}")
    for word in words:
        for other in words:
            if other != word:
                keys.add(f"name:{word}|{other[0]}")
    return keys


class Index:
    """Records filed by their blocking keys, to find who looks like a given record."""

    def __init__(self, records: Iterable[Record] = (), region: str | None = None):
        self.region = region
        self._blocks: dict[str, list[Prints]] = defaultdict(list)
        self.size = 0
        for record in records:
            self.add(record)

    def add(self, record: Record, p: Prints | None = None) -> Prints:
        p = p or prints(record, self.region)
        for key in block_keys(p):
            self._blocks[key].append(p)
        self.size += 1
        return p

    def candidates(self, p: Prints) -> Iterator[Prints]:
        seen = set()
        for key in block_keys(p):
            block = self._blocks.get(key, ())
            if len(block) > LARGEST_BLOCK and key.startswith("name:"):
                continue
            for other in block:
                if other.record.key not in seen and other.record.key != p.record.key:
                    seen.add(other.record.key)
                    yield other

    def lookalikes(self, record: Record) -> list[Match]:
        """The indexed records that look like this one, the likeliest first."""
        p = prints(record, self.region)
        matches = []
        for other in self.candidates(p):
            found = likeness(p, other)
            if found.is_duplicate:
                matches.append(Match(record, other.record, found))
        return sorted(
            matches, key=lambda m: (-m.likeness.score, -len(m.likeness.reasons), str(m.b.key))
        )


def duplicate_pairs(records: Iterable[Record], region: str | None = None) -> list[Match]:
    """Every pair of these records that looks like one person, each pair once, the likeliest
    first: records are filed one by one and each is compared with those filed before it."""
    index = Index(region=region)
    matches = []
    for record in records:
        p = prints(record, region)
        for other in index.candidates(p):
            found = likeness(other, p)
            if found.is_duplicate:
                matches.append(Match(other.record, record, found))
        index.add(record, p)
    return sorted(matches, key=lambda m: (-m.likeness.score, str(m.a.key), str(m.b.key)))
