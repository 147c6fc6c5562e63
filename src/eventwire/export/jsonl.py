"""JSON Lines: one object per line with a ``kind`` field (the contract of docs/export.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.registry import exporters


@exporters.register(
    "jsonl", target="stream", suffix=".jsonl", help="every record, one JSON object per line"
)
def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
        out.write("\n")
        n += 1
    return n
