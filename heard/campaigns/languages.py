"""The languages a campaign listens in: ISO codes, their names, and which way they are written.

A campaign's guide is written in any language its neighbours speak, not only those Heard's
interface is translated into: Django's own table (`LANG_INFO`, every language Django speaks) plus
the community languages it lacks below. Adding one is a line.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import global_settings, settings
from django.conf.locale import LANG_INFO
from django.utils.text import capfirst
from django.utils.translation import gettext


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English
    name_local: str  # in itself: what a speaker looks for in a list
    bidi: bool = False  # written right to left

    @property
    def label(self) -> str:
        """Its own name, then the reader's (Django's catalogue names the languages it knows)."""
        theirs = gettext(self.name)
        if self.name_local.casefold() == theirs.casefold():
            return self.name_local
        return f"{self.name_local} ({theirs})"


#: Languages organizers listen in that Django's table lacks (it lists the languages Django
#: itself is translated into): code, English name, own name, right to left.
MORE_LANGUAGES = (
    ("so", "Somali", "Soomaali", False),
    ("ht", "Haitian Creole", "Kreyòl ayisyen", False),
    ("am", "Amharic", "አማርኛ", False),
    ("ti", "Tigrinya", "ትግርኛ", False),
    ("om", "Oromo", "Afaan Oromoo", False),
    ("tl", "Tagalog", "Tagalog", False),
    ("hmn", "Hmong", "Hmoob", False),
    ("ps", "Pashto", "پښتو", True),
    ("prs", "Dari", "دری", True),
    ("yo", "Yoruba", "Yorùbá", False),
    ("gu", "Gujarati", "ગુજરાતી", False),
    ("rw", "Kinyarwanda", "Ikinyarwanda", False),
    ("yue", "Cantonese", "粵語", False),
)


@cache
def languages() -> dict[str, Language]:
    """Every language a guide may be written in, by code. Regional variants of a language in
    the table ("es-mx", "en-gb") are left out: a guide is written for neighbours, not a locale."""
    found = {
        code: Language(code, info["name"], capfirst(info["name_local"]), info["bidi"])
        for code, info in LANG_INFO.items()
        if "fallback" not in info
    }
    found = {c: lang for c, lang in found.items() if "-" not in c or c.split("-")[0] not in found}
    for code, name, local, bidi in MORE_LANGUAGES:
        found.setdefault(code, Language(code, name, local, bidi))
    return found


def known(code: str) -> str | None:
    """The table's code for `code` ("en-us" is "en"), or None."""
    code = (code or "").lower()
    table = languages()
    if code in table:
        return code
    base = code.split("-")[0]
    return base if base in table else None


def default_language() -> str:
    """The language of a campaign that names none: the installation's (settings.LANGUAGE_CODE)."""
    return known(settings.LANGUAGE_CODE) or "en"


def default_languages() -> list[str]:
    return [default_language()]


def interface_languages() -> list[str]:
    """The languages Heard's own pages speak (settings.LANGUAGES), which organizers listen in
    most; Django's default LANGUAGES, every language it knows, means none were chosen."""
    if settings.LANGUAGES == global_settings.LANGUAGES:
        return [default_language()]
    codes = [known(code) for code, _ in settings.LANGUAGES]
    return list(dict.fromkeys(code for code in codes if code))


def language_choices() -> list[tuple[str, str]]:
    """(code, label): the interface's languages first, then the rest by English name."""
    table = languages()
    first = interface_languages()
    rest = sorted((c for c in table if c not in first), key=lambda c: table[c].name)
    return [(code, table[code].label) for code in first + rest]


def name_of(code: str) -> str:
    """A language's name in itself ("Español"), or its code when the table lacks it."""
    found = languages().get(known(code) or "")
    return found.name_local if found else code


def is_bidi(code: str) -> bool:
    found = languages().get(known(code) or "")
    return bool(found and found.bidi)


def same_language(a: str, b: str) -> bool:
    """Whether two codes name one language ("en-us" and "en")."""
    return (known(a) or a) == (known(b) or b)
