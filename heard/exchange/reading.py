"""Reading an uploaded file into a header and rows of text: CSV (any of the usual delimiters,
UTF-8 with or without a byte-order mark, else Windows' Latin-1) or an Excel workbook's first
sheet (openpyxl). A file Heard cannot read is refused with the reason in words."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000


class Unreadable(ValueError):
    """The file cannot be imported; the message says why, for the person who chose it."""


def read_table(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    if len(data) > MAX_BYTES:
        raise Unreadable(_("The file is larger than 10 MB: split it into several files."))
    if name.lower().endswith((".xlsx", ".xlsm")):
        table = _excel(data)
    elif name.lower().endswith((".csv", ".txt", ".tsv")):
        table = _csv(data)
    else:
        raise Unreadable(_("Choose a CSV file (.csv) or an Excel workbook (.xlsx)."))
    # Blank rows inside are kept (skipped by the check), so that "row 12" is the spreadsheet's
    # row 12; the blank rows at the end, which spreadsheets love to save, are dropped.
    while table and not any(str(cell).strip() for cell in table[-1]):
        table.pop()
    while table and not any(str(cell).strip() for cell in table[0]):
        table.pop(0)
    if not table:
        raise Unreadable(_("The file is empty."))
    header, rows = [cell.strip() for cell in table[0]], table[1:]
    if not any(header):
        raise Unreadable(_("The first row must name the columns (Name, Phone, Email…)."))
    if len(rows) > MAX_ROWS:
        raise Unreadable(
            _("The file has %(rows)s rows; import at most %(most)s at a time.")
            % {"rows": intcomma(len(rows)), "most": intcomma(MAX_ROWS)}
        )
    width = len(header)
    return header, [(row + [""] * width)[:width] for row in rows]


def _csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise Unreadable(_("This does not look like a CSV file (it holds binary data)."))
    try:
        dialect = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[_unquoted(cell) for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as error:
        raise Unreadable(_("The CSV file cannot be read: %(error)s.") % {"error": error}) from None


def _unquoted(cell: str) -> str:
    """Heard's own exports keep a cell that looks like a formula as text with a leading
    apostrophe (exchange/exports.py); take it off again."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@"):
        return cell[1:]
    return cell


def _excel(data: bytes) -> list[list[str]]:
    import openpyxl  # imported here: only an Excel upload pays for it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise Unreadable(_("This is not an Excel workbook Heard can read (.xlsx).")) from None
    sheet = book.worksheets[0]
    rows = [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
