"""WARC archives (plain or gzipped): every HTML response record becomes an article."""

from __future__ import annotations

from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest.base import ReadResult, make_article
from eventwire.ingest.html import decode_html, html_article_fields
from eventwire.registry import readers


@readers.register("warc", suffixes=(".warc", ".warc.gz"))
def read_warc(path: Path, data: bytes, settings: Settings) -> ReadResult:
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}#{url}"
            charset = None
            if "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip()
            try:
                body = record.content_stream().read()
                fields = html_article_fields(where, decode_html(where, body, charset))
                fields["url"] = fields.get("url") or url
                found += 1
                yield make_article(path=path, settings=settings, source=url or where, **fields)
            except IngestError as exc:
                yield exc
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield IngestError(str(path), f"malformed WARC ({exc})")
        return
    if found == 0:
        yield IngestError(str(path), "no HTML response records in the WARC file")
