"""WARC archives (plain or gzipped): every HTML response record becomes an article.

A truncated archive (a crawl cut short, a partial download) keeps every complete record
and reports the truncation on one line, so the command still exits non-zero.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest.base import ReadResult, make_article
from eventwire.ingest.html import decode_html, html_article_fields
from eventwire.registry import readers


def gzip_complete(data: bytes) -> bool:
    """Whether every gzip member of ``data`` ends with its trailer (no truncation)."""
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            while not inflater.eof and rest:
                # bounded steps: a damaged member must not inflate into memory at once
                inflater.decompress(rest, 1 << 20)
                rest = inflater.unconsumed_tail
        except zlib.error:
            return False
        if not inflater.eof:
            return False
        rest = inflater.unused_data
    return True


@readers.register("warc", suffixes=(".warc", ".warc.gz"))
def read_warc(path: Path, data: bytes, settings: Settings) -> ReadResult:
    found = 0
    current = None
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            current = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            where = f"{path}#{current}"
            charset = None
            if "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip()
            body = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0):  # bytes promised but never there
                yield IngestError(
                    str(path),
                    f"truncated: the archive ends inside the record of {current}; "
                    f"{found} complete HTML record(s) before it were read",
                )
                return
            try:
                decoded = decode_html(where, body, charset)
                fields = html_article_fields(where, decoded.text)
                fields["url"] = fields.get("url") or current
                found += 1
                yield make_article(
                    path=path,
                    settings=settings,
                    source=current or where,
                    encoding=decoded.encoding,
                    **fields,
                )
            except IngestError as exc:
                yield exc
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, AttributeError, zlib.error) as exc:
        # warcio fails in assorted ways on a record cut inside its headers
        if found or current:
            yield IngestError(
                str(path),
                f"truncated or damaged after the record of {current} "
                f"({type(exc).__name__}); {found} complete HTML record(s) were read",
            )
        else:
            yield IngestError(str(path), f"malformed WARC ({exc})")
        return
    if data[:2] == b"\x1f\x8b" and not gzip_complete(data):
        yield IngestError(str(path), f"truncated gzip stream; {found} HTML record(s) were read")
    elif found == 0:
        yield IngestError(str(path), "no HTML response records in the WARC file")
