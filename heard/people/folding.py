"""Names as a search compares them: without accents, case or extra spaces.

"Tomas" must find "Tomás", "HECTOR" "Héctor", on SQLite and PostgreSQL alike. Neither database
can do it the same way by itself (SQLite's LIKE folds ASCII letters only; PostgreSQL's
`unaccent` is an extension a small office will not have), so the folded name is computed here,
stored beside the name (`Person.name_folded`, kept by `Person.save`) and what was typed into a
search box is folded the same way before it is compared: an ordinary, indexable column.
"""

import unicodedata

from anyascii import anyascii

#: Room for a folded name: a transliterated name can be longer than the 160 characters typed.
FOLDED_LENGTH = 480


def fold(text: str) -> str:
    """`text` without accents, in lower case, its spaces collapsed: "  Graciela RAMÍREZ " ->
    "graciela ramirez".

    NFKD splits an accented letter into the letter and its mark, and the marks are dropped;
    anyascii then transliterates what NFKD leaves whole (ø, ł, đ, æ, and other scripts), so a
    query typed without the accent finds the name whatever the script's marks.
    """
    # str(): a lazy translation (a choice label) is folded as the words it is now.
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(anyascii(bare).casefold().split())[:FOLDED_LENGTH]
