"""Exporters: the store's records in the formats analysts' tools open.

Entry point::

    export(store, fmt, out, filters=None, progress=None, division=None) -> int

``fmt`` is a name in :data:`eventwire.registry.exporters` (``jsonl``, ``csv``,
``geojson``, ``graphml``, ``gexf``, ``parquet``, or one a plug-in registers); ``out`` is a
path or an open text stream (stream formats only); ``filters`` is a :class:`Filters`,
the same selection the CLI and the API take. Writing to a path is atomic: the file (or,
for ``parquet``, the folder) appears complete or not at all, and an existing one is left
untouched when the export fails. Returns the number of records, rows or features written.

An exporter registers like a plug-in would, with ``target="stream"`` (called as
``write(source, text_stream)``) or ``target="folder"`` (``write(source, folder_path)``);
``source`` is an :class:`ExportSource`, which also iterates as the plain records of
``docs/export.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import eventwire.export.csvfile
import eventwire.export.geo
import eventwire.export.graph
import eventwire.export.jsonl
import eventwire.export.parquet  # noqa: F401  (these register the built-in formats)
from eventwire.config import Settings
from eventwire.errors import ExportError
from eventwire.export.atomic import atomic_file, atomic_folder
from eventwire.export.filters import Filters
from eventwire.export.incidents import COLUMNS, IncidentRow
from eventwire.export.source import ExportSource, export_records
from eventwire.knowledge.gazetteer import open_gazetteer
from eventwire.knowledge.ontology import Ontology
from eventwire.registry import Component, exporters
from eventwire.store.base import Store

__all__ = [
    "COLUMNS",
    "ExportSource",
    "Filters",
    "IncidentRow",
    "division_names",
    "export",
    "export_records",
    "formats",
]


def formats() -> list[tuple[str, str]]:
    """(name, one-line description) of every registered export format."""
    return [(c.name, str(c.meta.get("help", ""))) for c in exporters]


def writer_for(fmt: str) -> Component:
    if fmt not in exporters:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(exporters.names())})")
    return exporters.get(fmt)


def export(
    store: Store,
    fmt: str,
    out: Path | str | TextIO,
    filters: Filters | None = None,
    progress: Callable[[int], None] | None = None,
    division: Callable[[str], str | None] | None = None,
    ontology: Ontology | None = None,
) -> int:
    """Write the records ``filters`` selects from ``store`` to ``out`` in format ``fmt``
    (``division``: a first-level division's name by its code, for ACLED's ``admin1``;
    ``ontology``: the caller's copy, else the shipped one is read for this export)."""
    writer = writer_for(fmt)
    source = ExportSource(store, filters, progress, division, ontology)
    folder = writer.meta.get("target") == "folder"
    if not isinstance(out, (str, Path)):
        if folder:
            raise ExportError(f"{fmt} writes a folder: give an output path")
        return int(writer.obj(source, out))
    target = Path(out)
    if folder:
        with atomic_folder(target) as tmp:
            return int(writer.obj(source, tmp))
    with atomic_file(target) as fh:
        return int(writer.obj(source, fh))


@contextmanager
def division_names(settings: Settings) -> Iterator[Callable[[str], str | None]]:
    """First-level division names by GeoNames code, from the configured gazetteer (what
    :func:`export` takes as ``division`` so that ACLED's ``admin1`` holds a name)."""
    gazetteer = open_gazetteer(settings)
    try:
        yield gazetteer.division_name
    finally:
        gazetteer.close()
