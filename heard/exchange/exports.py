"""An export as a file: which tables exist, their file names, CSV streamed row by row or the
OSDI-shaped JSON, and the audit event that says who took what out of Heard (never what it held).
The page, the `heard export` command and the tests all come through `export_file`."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from heard.accounts.models import Membership
from heard.privacy import audit
from heard.privacy.models import Action

from . import osdi, tables

FORMATS = ("csv", "json")
# What each export is called on the page, in the order the page lists them.
KINDS = {
    "people": _("People"),
    "conversations": _("Conversations, with answers and shared quotes"),
    "commitments": _("Commitments"),
    "events": _("Events"),
    "signups": _("Sign-ups to events"),
    "tags": _("Themes as tags (OSDI), with who raised them"),
}
CSV_ONLY = {"signups"}  # in the JSON, sign-ups are each event's attendances
JSON_ONLY = {"tags"}


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    chunks: Iterator[bytes]


def available(kind: str, fmt: str) -> bool:
    if kind not in KINDS or fmt not in FORMATS:
        return False
    return not (fmt == "json" and kind in CSV_ONLY) and not (fmt == "csv" and kind in JSON_ONLY)


def export_file(*, by: Membership, kind: str, fmt: str, campaign=None) -> ExportFile:
    """The export of `kind` as `fmt`, scoped to what `by` may see, recorded in the audit log.
    Raises LookupError for an export Heard does not make."""
    if not available(kind, fmt):
        raise LookupError(f"No {kind} export as {fmt}.")
    scoped = {"campaign": campaign} if kind == "conversations" else {}
    suffix = f"-campaign-{campaign.pk}" if campaign is not None and scoped else ""
    filename = f"heard-{kind}{suffix}.{fmt}"
    audit.record(
        Action.EXPORTED,
        user=by.user,
        organization_id=by.organization_id,
        kind=f"exchange.{kind}",
        detail=filename,
    )
    if fmt == "csv":
        table = tables.TABLES[kind](by, **scoped)
        return ExportFile(filename, "text/csv; charset=utf-8", _csv(table))
    document = osdi.DOCUMENTS[kind](by, **scoped)
    body = json.dumps(document, ensure_ascii=False, indent=1).encode()
    return ExportFile(filename, "application/json", iter([body]))


class _Line:
    """csv.writer writes into this and we hand each line on: the file is never whole in memory."""

    def write(self, value: str) -> str:
        return value


# A cell starting with one of these is a formula to a spreadsheet: a neighbour's words
# "=HYPERLINK(...)" must stay words. The apostrophe is what spreadsheets themselves use to say
# "text" (and do not show); the import takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(table: tables.Table) -> Iterator[bytes]:
    writer = csv.writer(_Line())
    # A byte-order mark, so that Excel reads the accents of "Ramírez" as UTF-8.
    yield ("\ufeff" + writer.writerow(table.columns)).encode()
    for row in table:
        yield writer.writerow([cell(value) for value in row]).encode()
