"""Parquet: a folder with one file per record kind, each with a fixed Arrow schema.

``articles``, ``actors``, ``events``, ``relations``, ``quotes`` and ``places`` hold the
records of ``docs/export.md`` (objects whose keys vary, such as ``codes`` or
``metadata``, as JSON text); ``incidents`` holds the flat CSV rows, one per incident. Every file is written
even when empty, so a notebook can rely on the schema. Rows go out in batches.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from eventwire.export.incidents import IncidentRow, row_dict
from eventwire.export.source import ExportSource
from eventwire.registry import exporters

BATCH = 1000
FILES = ("articles", "actors", "events", "relations", "quotes", "places", "incidents")
_JSON_FIELDS = {"metadata", "roles", "codes"}


def schemas() -> dict[str, Any]:
    """The Arrow schema of each file (stable: fields are only ever added)."""
    import pyarrow as pa

    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    evidence = pa.list_(
        pa.struct([("article_id", s), ("sentence", s), ("char_start", i), ("char_end", i)])
    )
    place = [
        ("id", s), ("name", s), ("lat", f), ("lon", f), ("country", s), ("admin1", s),
        ("precision", s), ("inferred", b),
    ]  # fmt: skip
    # a division's seat, appended last (to the place struct and to the places file)
    seat = ("seat", pa.struct([("name", s), ("lat", f), ("lon", f), ("place_id", s)]))
    return {
        "articles": pa.schema([
            ("id", s), ("title", s), ("outlet", s), ("url", s), ("source", s),
            ("published", s), ("published_precision", s), ("published_ambiguous", b),
            ("text", s), ("metadata", s),
        ]),
        "actors": pa.schema([
            ("id", s), ("name", s), ("type", s), ("country", s), ("aliases", pa.list_(s)),
            ("mention_count", i), ("article_count", i), ("roles", s), ("kb_id", s),
        ]),
        "events": pa.schema([
            ("id", s), ("type", s), ("codes", s), ("source_actor", s), ("target_actor", s),
            ("date", s), ("date_precision", s), ("location", pa.struct([*place, seat])),
            ("negated", b), ("modality", s), ("attributed_to", s),
            ("counts", pa.map_(s, i)), ("qualifiers", pa.list_(s)), ("evidence", evidence),
            ("source_count", i), ("incidents", pa.list_(s)),
        ]),
        "relations": pa.schema([
            ("id", s), ("source_actor", s), ("target_actor", s), ("type", s), ("negated", b),
            ("modality", s), ("contested", b), ("first_seen", s), ("last_seen", s),
            ("evidence", evidence), ("denied_evidence", evidence), ("source_count", i),
        ]),
        "quotes": pa.schema([
            ("id", s), ("text", s), ("article_id", s), ("sentence", s), ("char_start", i),
            ("char_end", i), ("speaker", s), ("speaker_description", s),
        ]),
        "places": pa.schema([*place, ("event_count", i), seat]),
        "statistics": pa.schema([
            ("id", s), ("counted", s), ("value", i), ("qualifier", s), ("text", s),
            ("period_start", s), ("period_end", s), ("scope", s), ("actor", s),
            ("place", pa.struct([*place, seat])), ("evidence", evidence.value_type),
        ]),
        "incidents": pa.schema([(fl.name, _arrow_type(fl.type)) for fl in fields(IncidentRow)]),
    }  # fmt: skip


def _arrow_type(annotation: Any) -> Any:
    import pyarrow as pa

    # the dataclass annotations are strings ("int | None"): nullability is Arrow's default
    base = str(annotation).replace(" | None", "")
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}[base]


class _Batched:
    """One Parquet file written a batch of rows at a time."""

    def __init__(self, path: Path, schema: Any) -> None:
        import pyarrow.parquet as pq

        self.schema = schema
        self.writer = pq.ParquetWriter(path, schema)
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    return {
        k: json.dumps(v, ensure_ascii=False, sort_keys=True) if k in _JSON_FIELDS else v
        for k, v in record.items()
        if k != "kind"
    }


@exporters.register(
    "parquet", target="folder", suffix="", help="a folder of Parquet files, one per record kind"
)
def write_parquet(source: ExportSource, folder: Path) -> int:
    files = {name: _Batched(folder / f"{name}.parquet", sch) for name, sch in schemas().items()}
    try:
        for record in source.records():
            if record["kind"] != "incident":  # incidents.parquet holds the flat rows
                files[record["kind"] + "s"].add(_flat(record))
        for row in source.incidents():
            files["incidents"].add(row_dict(row))
    finally:
        for file in files.values():
            file.close()
    return sum(f.count for f in files.values())
