"""Reading an export back as a test would: rows of a CSV, or the JSON."""

import csv
import io
import json


def body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8-sig")


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


def json_of(response) -> dict:
    return json.loads(body(response))
