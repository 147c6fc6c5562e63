"""Articles submitted one at a time (``POST /api/articles``): checked like a file's.
Storing one is :func:`eventwire.pipeline.ingest_submitted`."""

from __future__ import annotations

from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest.base import make_article
from eventwire.ingest.pubdate import parse_date_value
from eventwire.model import Article


def submitted_article(
    settings: Settings,
    *,
    text: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    source: str = "api",
) -> Article:
    """An Article from submitted fields, checked like a file's (size limits, dates)."""
    date = parse_date_value(published)
    if published and date.value is None:
        raise IngestError(source, f"unreadable published date {published!r}")
    return make_article(
        path=Path(source),
        text=text,
        settings=settings,
        title=title,
        outlet=outlet,
        url=url,
        source=url or source,
        published=date,
    )
