"""HTML pages: trafilatura for the main text and metadata, htmldate for the date."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest.base import ReadResult, make_article
from eventwire.ingest.decoding import Decoded, decode_bytes
from eventwire.ingest.pubdate import NO_DATE, PubDate, parse_date_value
from eventwire.registry import readers

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_html(source: str, data: bytes, declared: str | None = None) -> Decoded:
    """HTML bytes as text: byte-order mark, the server's or the page's charset, then
    UTF-8 and detection (:func:`~eventwire.ingest.decoding.decode_bytes`)."""
    match = _CHARSET.search(data[:4096])
    page = match.group(1).decode("ascii") if match else None
    return decode_bytes(source, data, declared or page)


def html_article_fields(source: str, html: str) -> dict[str, Any]:
    """text, title, outlet, url and published of one HTML page."""
    import trafilatura
    from htmldate import find_date

    if "<" not in html:
        raise IngestError(source, "not HTML (no markup)")
    try:
        doc: Any = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_recall=True
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken pages
        raise IngestError(source, f"cannot parse HTML ({type(exc).__name__}: {exc})") from exc
    # a Document, or a dict from older trafilatura versions: read both by attribute
    page: Any = SimpleNamespace(**doc) if isinstance(doc, dict) else doc
    if page is None or not (getattr(page, "text", None) or "").strip():
        raise IngestError(source, "no article text found in the HTML")
    published: PubDate = NO_DATE
    try:
        found = find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate is best effort; a failure means "no date in metadata"
        found = None
    if found:
        published = parse_date_value(found)
    elif getattr(page, "date", None):
        published = parse_date_value(page.date)
    return {
        "text": page.text,
        "title": page.title,
        "outlet": page.sitename,
        "url": page.url,
        "published": published,
    }


@readers.register("html", suffixes=(".html", ".htm", ".xhtml"))
def read_html(path: Path, data: bytes, settings: Settings) -> ReadResult:
    decoded = decode_html(str(path), data)
    fields = html_article_fields(str(path), decoded.text)
    yield make_article(
        path=path, settings=settings, source=str(path), encoding=decoded.encoding, **fields
    )
