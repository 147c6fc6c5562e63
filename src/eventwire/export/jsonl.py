"""JSON Lines: one object per line with a ``kind`` field (the contract of docs/export.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.export.source import ExportSource
from eventwire.registry import exporters
from eventwire.store.export_lines import encode_line


@exporters.register(
    "jsonl", target="stream", suffix=".jsonl", help="every record, one JSON object per line"
)
def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    if isinstance(records, ExportSource):  # the store's records: stored lines copied
        for line in records.lines(encode_line):
            out.write(line)
            n += 1
        return n
    for record in records:
        out.write(encode_line(record) + "\n")
        n += 1
    return n
