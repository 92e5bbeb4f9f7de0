"""Words kept in the language they were said in: marked for the browser, never translated.

`{{ quote.language|lang_attr }}` gives ` lang="es"` (and the direction of a right-to-left
language) when it differs from the page's, so screen readers read it in its own voice and the
browser hyphenates and spell-checks it as it is; `{{ quote.language|lang_tag }}` a small "ES"
where an organizer reads quotes of several languages side by side.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from heard.campaigns.languages import is_bidi, known, name_of, same_language

register = template.Library()


def _differs(code: str) -> bool:
    return bool(code) and not same_language(code, get_language() or "")


@register.filter
def lang_attr(code: str) -> str:
    if not _differs(code):
        return ""
    if is_bidi(code):
        return format_html(' lang="{}" dir="rtl"', code)
    return format_html(' lang="{}"', code)


@register.filter
def lang_tag(code: str) -> str:
    if not _differs(code):
        return ""
    return format_html(
        '<span class="tag" title="{}">{}</span>', name_of(code), (known(code) or code).upper()
    )


@register.filter
def language_name(code: str) -> str:
    """A language's name in itself ("Español")."""
    return name_of(code)
