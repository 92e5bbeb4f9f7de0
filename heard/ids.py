"""Ids typed into URLs, forms and filters, bounded before they reach the database.

Every primary key in Heard is a 64-bit integer. A longer number (a phone number pasted into the
wrong box, a mangled link, a fuzzer) makes SQLite raise OverflowError inside the query, a 500,
while PostgreSQL quietly compares it. So an id is checked here, once, before any query: at most
18 ASCII digits (below 2**63 - 1, whatever they are) and above zero. Anything else is simply not
one of ours: 404 in a URL, "unknown" in a form, no filter in a list.

- `<id:pk>` in urls.py (the converter is registered in heard/urls.py);
- `IdChoiceField` / `IdMultipleChoiceField` instead of Django's ModelChoiceField and
  ModelMultipleChoiceField (a ModelForm's foreign keys take them through `field_classes`);
- `parse_id` for the odd id read by hand from a query string or a posted list.
"""

from django import forms
from django.core.exceptions import ValidationError

MAX_ID_DIGITS = 18
MAX_ID = 10**MAX_ID_DIGITS - 1


def parse_id(value) -> int | None:
    """The id `value` names, or None when it cannot be one. `str.isdigit` alone is not enough:
    it accepts "²" and "٣", which int() refuses or reads as another number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= MAX_ID else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > MAX_ID_DIGITS:
        return None
    number = int(text)
    return number if number > 0 else None


class IdConverter:
    """`<id:pk>`: 1 to 18 digits; a longer number never matches, so the URL is a plain 404."""

    regex = f"[0-9]{{1,{MAX_ID_DIGITS}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


class _AlreadyRead:
    """`already_read(objects)`: objects the caller read from this field's own queryset for this
    request (the capture page reads the campaign and the people named before its form): a
    posted id among them is taken as is, not read again."""

    def already_read(self, objects) -> None:
        self._read = {obj.pk: obj for obj in objects if obj is not None}

    def _read_before(self, value):
        read = getattr(self, "_read", None)
        if not read or self.to_field_name is not None:
            return None
        return read.get(parse_id(value))


class IdChoiceField(_AlreadyRead, forms.ModelChoiceField):
    """A ModelChoiceField that refuses an impossible id before querying (see the module)."""

    def to_python(self, value):
        if value in self.empty_values or isinstance(value, self.queryset.model):
            return super().to_python(value)
        if (obj := self._read_before(value)) is not None:
            return obj
        if self.to_field_name is None and parse_id(value) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class IdMultipleChoiceField(_AlreadyRead, forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses impossible ids before querying."""

    def _check_values(self, value):
        found = [self._read_before(pk) for pk in value]
        if found and all(obj is not None for obj in found):
            return list(dict.fromkeys(found))
        if self.to_field_name is None:
            for pk in value:
                if not isinstance(pk, self.queryset.model) and parse_id(pk) is None:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": pk},
                    )
        return super()._check_values(value)
