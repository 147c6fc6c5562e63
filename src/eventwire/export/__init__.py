"""Exporters: write the store's records in a format, one registry name per format.

Every exporter consumes :func:`export_records`, the single definition of the
record contract documented in ``docs/export.md`` and ``schema/export.schema.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from eventwire.errors import ExportError
from eventwire.export.records import export_records
from eventwire.registry import exporters
from eventwire.store.base import Store

__all__ = ["export", "export_records"]


def export(store: Store, fmt: str, out: TextIO) -> int:
    """Write every record of ``store`` to ``out`` in format ``fmt``; returns the count."""
    import eventwire.export.jsonl  # noqa: F401  (registers the built-in formats)

    if fmt not in exporters:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(exporters.names())})")
    writer = exporters.get(fmt).obj
    records: Iterator[dict[str, Any]] = export_records(store)
    return int(writer(records, out))
