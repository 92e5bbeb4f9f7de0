"""Reading a capture that is larger than Django accepts, so the volunteer loses nothing that fits.

Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) with RequestDataTooBig, which
becomes a bare "Bad Request (400)" page: the conversation typed on a doorstep is gone. It is
raised the first time anything reads `request.POST`, and the CSRF middleware does that before
the view runs, so catching it in the view is too late. Raising the limit for this view alone
would still keep the whole body in memory, however large.

So the capture view is exempt from the middleware's check and does it itself once the body is
read (`csrf_protect` inside `keep_oversized_post`). When the body is too large, it is read here
as a stream, a chunk at a time: each field keeps its first `FIELD_BYTES` (room for the longest
text Heard accepts, even in four-byte characters, percent-encoded), anything longer is cut and
named, and reading stops at `READ_AT_MOST`. Memory stays bounded whatever is sent. The result
becomes `request.POST`, the form comes back with everything that fits, and nothing is saved
until the volunteer has seen what was cut.
"""

from dataclasses import dataclass, field
from functools import wraps
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from .models import MAX_TEXT

CHUNK = 64 * 1024
#: A value's percent-encoded bytes kept: 12 per character covers a four-byte character (%XX
#: three times four), so the longest text accepted always fits whole.
FIELD_BYTES = 12 * MAX_TEXT
NAME_BYTES = 200
#: Past this the rest of the body is not read at all (the form holds at most ~1 MB of text).
READ_AT_MOST = 32 * 1024 * 1024


@dataclass
class Oversized:
    """What `read_oversized` found: the size sent, the fields cut, and whether some of the body
    was never read (too many fields, or past `READ_AT_MOST`)."""

    size: int
    cut: list[str] = field(default_factory=list)
    unread: bool = False


def keep_oversized_post(view):
    """Decorate the capture view (inside `csrf_exempt`, outside `csrf_protect`): an urlencoded
    body over Django's limit is read here, so `request.POST` holds what fits, and
    `request.oversized` says what did not (None for an ordinary post)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.oversized = None
        if request.method == "POST" and _too_large(request):
            request.oversized = read_oversized(request)
        return view(request, *args, **kwargs)

    return wrapped


def _too_large(request) -> bool:
    if request.content_type != "application/x-www-form-urlencoded":
        return False  # Django's own limits apply; the capture form never posts anything else
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return limit is not None and _content_length(request) > limit


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def read_oversized(request) -> Oversized:
    """Read the body as a stream into `request.POST` (see the module); text longer than the
    longest accepted is cut to it."""
    report = Oversized(size=_content_length(request))
    post = QueryDict(mutable=True)
    max_fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS or float("inf")
    count = 0

    def keep(raw_name: bytes, raw_value: bytes, value_cut: bool) -> None:
        nonlocal count
        if not raw_name:
            return
        count += 1
        if count > max_fields:
            report.unread = True
            return
        name = _decode(raw_name)
        value = _decode(raw_value)
        if value_cut or len(value) > MAX_TEXT:
            value = value[:MAX_TEXT]
            report.cut.append(name)
        post.appendlist(name, value)

    name, value, in_value, value_cut, read = bytearray(), bytearray(), False, False, 0
    while chunk := request.read(CHUNK):
        read += len(chunk)
        for piece in _split_keeping_ampersands(chunk):
            if piece == b"&":
                keep(bytes(name), bytes(value), value_cut)
                name, value, in_value, value_cut = bytearray(), bytearray(), False, False
                continue
            if not in_value and b"=" in piece:
                before, after = piece.split(b"=", 1)
                name += before[: max(NAME_BYTES - len(name), 0)]
                piece, in_value = after, True
            target, room = (value, FIELD_BYTES) if in_value else (name, NAME_BYTES)
            if len(target) + len(piece) > room:
                value_cut = value_cut or in_value
            target += piece[: max(room - len(target), 0)]
        if read >= READ_AT_MOST:
            report.unread = True
            break
    keep(bytes(name), bytes(value), value_cut)
    post._mutable = False
    # Django reads `request.POST` from these once set; the body itself is consumed.
    request._post, request._files = post, MultiValueDict()
    return report


def _split_keeping_ampersands(chunk: bytes) -> list[bytes]:
    parts = chunk.split(b"&")
    pieces = []
    for index, part in enumerate(parts):
        if index:
            pieces.append(b"&")
        if part:
            pieces.append(part)
    return pieces


def _decode(raw: bytes) -> str:
    # A cut can fall inside a %XX escape or a multi-byte character: drop the broken tail.
    text = raw.decode("ascii", errors="ignore")
    if "%" in text[-2:]:
        text = text[: text.rindex("%")]
    return unquote_plus(text, encoding="utf-8", errors="ignore")
