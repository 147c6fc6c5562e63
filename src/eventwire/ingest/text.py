"""Plain text files: one article per file; the first short line is the title."""

from __future__ import annotations

from pathlib import Path

from eventwire.config import Settings
from eventwire.ingest.base import ReadResult, decode_text, make_article
from eventwire.registry import readers


@readers.register("text", suffixes=(".txt", ".text", ".md"))
def read_text(path: Path, data: bytes, settings: Settings) -> ReadResult:
    decoded = decode_text(path, data)
    yield make_article(path=path, text=decoded.text, settings=settings, encoding=decoded.encoding)
