"""A relation's export line (its JSON Lines record, ``docs/export.md``), made where the
relation is written so that a download copies it instead of decoding and encoding it.

The record is built here, below the exporters, because the store writes the line with
the relation (migration 16); ``eventwire.export.records`` uses the same functions, so a
stored line and a line encoded at export time are the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import MISSING
from typing import Any

from eventwire.model import Evidence, Relation, to_dict

# the JSON Lines writer's encoder (one for every line)
encode_line = json.JSONEncoder(ensure_ascii=False).encode

# A relation's fields left at their default are absent from payloads stored before
# the field existed; the record then shows the default, as a decoded Relation would.
_RELATION_DEFAULTS = {
    f.name: to_dict(f.default) for f in dataclasses.fields(Relation) if f.default is not MISSING
}
_EVIDENCE_FIELDS = tuple(f.name for f in dataclasses.fields(Evidence))


def _evidence_payload(evs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{name: e[name] for name in _EVIDENCE_FIELDS} for e in evs]


def relation_payload_record(p: dict[str, Any]) -> dict[str, Any]:
    """The record of a relation from its stored JSON (``Store.relation_payloads``): the
    same as the record of the decoded Relation, without building one. The stored JSON
    cannot be written as it is: its keys are sorted, it has no ``kind``."""
    get = p.get
    d = _RELATION_DEFAULTS
    return {
        "kind": "relation",
        "id": p["id"],
        "source_actor": p["source_actor"],
        "target_actor": p["target_actor"],
        "type": p["type"],
        "negated": get("negated", d["negated"]),
        "modality": get("modality", d["modality"]),
        "contested": get("contested", d["contested"]),
        "first_seen": get("first_seen", d["first_seen"]),
        "last_seen": get("last_seen", d["last_seen"]),
        "evidence": _evidence_payload(p["evidence"]),
        "denied_evidence": _evidence_payload(get("denied_evidence", d["denied_evidence"])),
        "source_count": get("source_count", d["source_count"]),
    }


def relation_line(r: Relation) -> str:
    """The JSON Lines record of ``r``, without its newline."""
    return encode_line(relation_payload_record(to_dict(r)))
