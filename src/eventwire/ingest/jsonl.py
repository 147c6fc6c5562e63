"""JSON Lines: one article per line with text, title, url, published, outlet; other
fields are kept as metadata. A bad line is reported with its number; the others load."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest.base import ReadResult, decode_text, make_article
from eventwire.ingest.pubdate import parse_date_value
from eventwire.registry import readers

KNOWN = {"text", "title", "url", "published", "outlet"}
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "publish_date", "published_at")


@readers.register("jsonl", suffixes=(".jsonl", ".ndjson"))
def read_jsonl(path: Path, data: bytes, settings: Settings) -> ReadResult:
    decoded = decode_text(path, data)
    for number, line in enumerate(decoded.text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield IngestError(where, "line is not a JSON object")
            continue
        text = next((obj[f] for f in TEXT_FIELDS if _str(obj.get(f))), None)
        if text is None:
            yield IngestError(where, _no_text(obj))
            continue
        raw_date = next((obj[f] for f in DATE_FIELDS if obj.get(f)), None)
        published = parse_date_value(raw_date)
        if raw_date and published.value is None:
            yield IngestError(where, f"unreadable published date {raw_date!r}")
            continue
        try:
            yield make_article(
                path=path,
                text=text,
                settings=settings,
                title=_str(obj.get("title")),
                outlet=_str(obj.get("outlet") or obj.get("source_name")),
                url=_str(obj.get("url")),
                source=_str(obj.get("url")) or where,
                published=published,
                metadata={k: v for k, v in obj.items() if k not in KNOWN and k not in TEXT_FIELDS},
                encoding=decoded.encoding,
            )
        except IngestError as exc:
            yield IngestError(where, exc.problem)


def _no_text(obj: dict[str, object]) -> str:
    field = next((f for f in TEXT_FIELDS if f in obj), None)
    if field is None:
        return "no 'text' field"
    if isinstance(obj[field], str):
        return f"'{field}' is empty"
    return f"'{field}' is not a string"


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
