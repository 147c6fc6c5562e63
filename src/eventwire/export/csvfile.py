"""CSV: one row per incident, ACLED's column layout first, then eventwire's columns."""

from __future__ import annotations

import csv
from dataclasses import fields
from typing import TextIO

from eventwire.export.incidents import COLUMNS, IncidentRow
from eventwire.export.source import ExportSource
from eventwire.registry import exporters

# the columns a truth value fills, written "true" / "false" (the csv module writes True;
# it writes None as an empty cell already)
_TRUTHS = tuple(f.name for f in fields(IncidentRow) if f.type == "bool")


@exporters.register(
    "csv", target="stream", suffix=".csv", help="one row per incident, ACLED's columns first"
)
def write_csv(source: ExportSource, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in source.incident_columns():  # in COLUMNS' order
        for name in _TRUTHS:
            row[name] = "true" if row[name] else "false"
        writer.writerow(row.values())
        n += 1
    return n
