"""Articles submitted one at a time (``POST /api/articles``): check, extract, store, rebuild."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest.base import make_article
from eventwire.ingest.pubdate import parse_date_value
from eventwire.model import Article
from eventwire.store.base import Store


@dataclass(frozen=True)
class Submission:
    article_id: str
    created: bool  # False when the same text was already stored
    counts: dict[str, int]


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


def ingest_submitted(store: Store, settings: Settings, article: Article) -> Submission:
    """Extract one article's records, store them and recompute the picture if it was new."""
    from eventwire.pipeline import ingest_articles, refresh

    created = ingest_articles([article], store, settings).ingested == 1
    if created:
        refresh(store, settings)
    return Submission(article.id, created, store.stats())
