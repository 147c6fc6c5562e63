"""RSS and Atom files: every entry with text (content or summary) becomes an article."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest.base import ReadResult, make_article
from eventwire.ingest.pubdate import NO_DATE, PubDate
from eventwire.registry import readers

_TAGS = re.compile(r"<[^>]+>")
_CLOSED_ENTRY = re.compile(rb"</(?:[a-z0-9]+:)?(?:item|entry)\s*>", re.I)


def _entry_text(entry: Any) -> str:
    parts = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    text = max(parts, key=len) if parts else entry.get("summary", "")
    if "<" in text:
        import html

        text = re.sub(r"</p>|<br\s*/?>", "\n\n", text, flags=re.I)
        text = html.unescape(_TAGS.sub("", text))
    return text


@readers.register("feed", suffixes=(".rss", ".atom"), sniffs=".xml")
def read_feed(path: Path, data: bytes, settings: Settings) -> ReadResult:
    from xml.sax import SAXParseException

    import feedparser

    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    entries = list(parsed.entries)
    if parsed.bozo and not entries:
        raise IngestError(str(path), f"malformed feed ({problem})")
    if not entries:
        raise IngestError(str(path), "feed has no entries")
    if parsed.bozo and isinstance(problem, SAXParseException):
        # feedparser recovers from broken XML silently: keep the entries whose closing tag
        # is in the file (complete), report the malformation and each entry cut short.
        complete = min(len(_CLOSED_ENTRY.findall(data)), len(entries))
        cut = len(entries) - complete
        lost = f", {cut} cut short and left out" if cut else ""
        yield IngestError(
            str(path), f"malformed feed ({problem}); {complete} complete entries kept{lost}"
        )
        entries = entries[:complete]
    outlet = parsed.feed.get("title")
    encoding = parsed.get("encoding") or None
    for number, entry in enumerate(entries, start=1):
        where = f"{path}#entry{number}"
        text = _entry_text(entry)
        if not text.strip():
            yield IngestError(where, "entry has no text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published: PubDate = NO_DATE
        if stamp:
            published = PubDate(
                f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}",
                "day",
                how="metadata",
            )
        try:
            yield make_article(
                path=path,
                text=text,
                settings=settings,
                title=entry.get("title"),
                outlet=outlet,
                url=entry.get("link"),
                source=entry.get("link") or where,
                published=published,
                metadata={"feed": str(path), "entry_id": entry.get("id")},
                encoding=encoding,
            )
        except IngestError as exc:
            yield IngestError(where, exc.problem)
