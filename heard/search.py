"""What was typed into a search box (a query string's `q`, `who`), made safe to search with.

PostgreSQL cannot hold a NUL character in text: a search for "a\x00b" was a 500 there (and a
match for nothing on SQLite). Nobody types NUL, so it is dropped; and a search longer than
`MAX_SEARCH` characters is cut, since no name, phone or note fragment worth finding is longer.
"""

MAX_SEARCH = 200


def search_text(value) -> str:
    """The search words in `value` (a str from request.GET), without NUL, at most 200 chars."""
    if not isinstance(value, str):
        return ""
    return value.replace("\x00", "").strip()[:MAX_SEARCH]
