"""The capture form as a phone posts it, and a way to find an error next to its field."""

import datetime as dt
import uuid

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

URL = reverse("conversations:new")
#: A due date a commitment may have: after the conversation, within two years of it.
SOON = (timezone.localdate() + dt.timedelta(days=30)).isoformat()

# The empty rows the form shows, posted with their defaults when left alone.
BLANK_ROWS = {
    "new": (
        {
            "name": "",
            "phone": "",
            "email": "",
            "language": "en",
            "place": "",
            "household": "",
            "may_contact": "yes",
            "notes_kept": "yes",
        },
        1,
    ),
    "quote": ({"text": "", "consent": "none"}, 1),
    "promise": ({"side": "person", "what": "", "hours": "", "due_on": ""}, 2),
}


def capture_data(
    campaign, /, *, people=(), answers=None, new_people=(), quotes=(), promises=(), **fields
):
    """POST data for /conversations/new/: `answers` maps guide questions to text; the formsets
    take dicts of the fields that differ from a blank row."""
    data = {
        "client_id": str(uuid.uuid4()),
        "campaign": campaign.pk,
        "venue": "door",
        "held_on": timezone.localdate().isoformat(),
        "place": "",
        "people": [getattr(p, "pk", p) for p in people],  # a raw value passes as it is
        "next_step": "",
        "next_step_response": "not_asked",
        "kindliness": "",
    }
    for question, text in (answers or {}).items():
        data[f"answer_{question.pk}"] = text
    for prefix, rows in (("new", new_people), ("quote", quotes), ("promise", promises)):
        blank, extra = BLANK_ROWS[prefix]
        rows = list(rows) + [{}] * max(extra - len(rows), 0)
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": len(rows),
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for index, row in enumerate(rows):
            for name, value in {**blank, **row}.items():
                data[f"{prefix}-{index}-{name}"] = value
    data.update(fields)
    return data


def error_next_to(response, field_id: str, message: str) -> bool:
    """Whether `message` is shown as an error inside the form field holding `field_id`."""
    html = response.content.decode()
    for block in html.split('<div class="field')[1:]:
        if f'id="{field_id}"' in block:
            return f'<p class="error" role="alert">{escape(message)}</p>' in block
    raise AssertionError(f"No field with id {field_id!r} on the page")


def error_at_the_top(response, message: str) -> bool:
    html = response.content.decode()
    return '<div class="error-box" role="alert">' in html and f"<p>{escape(message)}</p>" in html
