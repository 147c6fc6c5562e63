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


def _entry_text(entry: Any) -> str:
    parts = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    text = max(parts, key=len) if parts else entry.get("summary", "")
    if "<" in text:
        import html

        text = re.sub(r"</p>|<br\s*/?>", "\n\n", text, flags=re.I)
        text = html.unescape(_TAGS.sub("", text))
    return text


@readers.register("feed", suffixes=(".rss", ".atom"))
def read_feed(path: Path, data: bytes, settings: Settings) -> ReadResult:
    from xml.sax import SAXParseException

    import feedparser

    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    # feedparser recovers from broken XML silently; a broken file is reported, not guessed at.
    if parsed.bozo and (isinstance(problem, SAXParseException) or not parsed.entries):
        raise IngestError(str(path), f"malformed feed ({problem})")
    outlet = parsed.feed.get("title")
    if not parsed.entries:
        raise IngestError(str(path), "feed has no entries")
    for number, entry in enumerate(parsed.entries, start=1):
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
            )
        except IngestError as exc:
            yield IngestError(where, exc.problem)
