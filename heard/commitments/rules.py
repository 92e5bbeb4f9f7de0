"""When a commitment may fall due: the rule the capture form and the service both apply."""

import datetime as dt

from django.utils.translation import gettext

from heard.campaigns.models import date_out_of_bounds, years_after

#: A promise made at a one-to-one is kept within this many years, or it is a typo (2062 for
#: 2026): a due date that far out would sit at the bottom of every list, never followed up.
YEARS_TO_KEEP_A_PROMISE = 2


def due_date_problem(due_on: dt.date, *, held_on: dt.date) -> str | None:
    """What is wrong with a commitment's due date, or None: not before the conversation it was
    made in, and not more than two years after it."""
    if due_on < held_on:
        return gettext("It falls due before the conversation took place.")
    return date_out_of_bounds(
        due_on, earliest=held_on, latest=years_after(held_on, YEARS_TO_KEEP_A_PROMISE)
    )
