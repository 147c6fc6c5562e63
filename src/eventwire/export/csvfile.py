"""CSV: one row per incident, ACLED's column layout first, then eventwire's columns."""

from __future__ import annotations

import csv
from operator import attrgetter
from typing import TextIO

from eventwire.export.incidents import COLUMNS
from eventwire.export.source import ExportSource
from eventwire.registry import exporters


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


@exporters.register(
    "csv", target="stream", suffix=".csv", help="one row per incident, ACLED's columns first"
)
def write_csv(source: ExportSource, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    values = attrgetter(*COLUMNS)  # a row's values in one call
    n = 0
    for row in source.incidents():
        writer.writerow([_cell(v) if v is None or v.__class__ is bool else v for v in values(row)])
        n += 1
    return n
