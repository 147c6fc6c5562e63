"""The export contract: every stored record as a flat dict with a ``kind`` field."""

from __future__ import annotations

from typing import Any

from eventwire.model import (
    Actor,
    Article,
    Place,
    Relation,
    Statistic,
    to_dict,
)
from eventwire.store.export_lines import actor_payload_record, article_values_record
from eventwire.store.export_lines import event_record as event_record

# relations', events', incidents' and quotes' records are made by the store, which writes
# their lines (migrations 16, 17, 18 and 29)
from eventwire.store.export_lines import incident_record as incident_record
from eventwire.store.export_lines import place_dict as place_dict
from eventwire.store.export_lines import quote_record as quote_record
from eventwire.store.export_lines import relation_payload_record as relation_payload_record


def article_record(a: Article) -> dict[str, Any]:
    return article_values_record(
        (a.id, a.title, a.outlet, a.url, a.source, a.published, a.published_precision,
         a.published_ambiguous, a.text, a.metadata)
    )  # fmt: skip


def actor_record(actor: Actor) -> dict[str, Any]:
    return actor_payload_record(to_dict(actor))


def relation_record(r: Relation) -> dict[str, Any]:
    return relation_payload_record(to_dict(r))


def place_record(place: Place, event_count: int) -> dict[str, Any]:
    return {"kind": "place", **(place_dict(place) or {}), "event_count": event_count}


def statistic_record(s: Statistic) -> dict[str, Any]:
    """A running or period total (docs/export.md, kind ``statistic``)."""
    return {
        "kind": "statistic",
        "id": s.id,
        "counted": s.counted,
        "value": s.value,
        "qualifier": s.qualifier,
        "text": s.text,
        "period_start": s.period_start,
        "period_end": s.period_end,
        "scope": s.scope,
        "actor": s.actor,
        "place": place_dict(s.place),
        "evidence": to_dict(s.evidence),
    }
