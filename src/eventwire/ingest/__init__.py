"""Ingestion: files, HTML, JSONL, WARC and feeds -> :class:`~eventwire.model.Article`.

Readers register in :data:`eventwire.registry.readers` under a format name with
the file suffixes they handle. :func:`read_sources` walks paths (directories
recursively, in sorted order) and yields an Article for every article found, or
an :class:`~eventwire.errors.IngestError` naming the file and the problem; one bad
file never stops the others.
"""

from __future__ import annotations

from eventwire.ingest.base import read_file, read_sources, reader_for

__all__ = ["read_file", "read_sources", "reader_for"]
