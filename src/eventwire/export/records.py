"""The export contract: every stored record as a flat dict with a ``kind`` field."""

from __future__ import annotations

from typing import Any

from eventwire.model import (
    Actor,
    Article,
    Event,
    Evidence,
    Incident,
    Place,
    Relation,
    Statistic,
    to_dict,
)

# a relation's record is made by the store, which writes its line (migration 16)
from eventwire.store.export_lines import relation_payload_record as relation_payload_record


def _evidence(evs: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [to_dict(e) for e in evs]


def place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "precision": place.precision,
        "inferred": place.inferred,
    }


def article_record(a: Article) -> dict[str, Any]:
    return {
        "kind": "article",
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "source": a.source,
        "published": a.published,
        "published_precision": a.published_precision,
        "published_ambiguous": a.published_ambiguous,
        "text": a.text,
        "metadata": a.metadata,
    }


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "kind": "actor",
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "aliases": list(actor.aliases),
        "mention_count": actor.mention_count,
        "article_count": actor.article_count,
        "roles": [to_dict(r) for r in actor.roles],
        "kb_id": actor.kb_id,
    }


def event_record(e: Event) -> dict[str, Any]:
    return {
        "kind": "event",
        "id": e.id,
        "type": e.type,
        "codes": e.codes,
        "source_actor": e.source_actor,
        "target_actor": e.target_actor,
        "date": e.date,
        "date_precision": e.date_precision,
        "location": place_dict(e.location),
        "negated": e.negated,
        "modality": e.modality,
        "attributed_to": e.attributed_to,
        "counts": e.counts,
        "qualifiers": list(e.qualifiers),
        "evidence": _evidence(e.evidence),
        "source_count": e.source_count,
    }


def incident_record(i: Incident) -> dict[str, Any]:
    return {
        "kind": "incident",
        "id": i.id,
        "type": i.type,
        "codes": i.codes,
        "source_actor": i.source_actor,
        "target_actor": i.target_actor,
        "date": i.date,
        "date_precision": i.date_precision,
        "location": place_dict(i.location),
        "modality": i.modality,
        "counts": i.counts,
        "count_min": i.count_min,
        "count_max": i.count_max,
        "count_reports": [to_dict(r) for r in i.count_reports],
        "qualifiers": list(i.qualifiers),
        "events": list(i.events),
        "statements": list(i.statements),
        "evidence": _evidence(i.evidence),
        "source_count": i.source_count,
        "outlet_count": i.outlet_count,
        "explanation": list(i.explanation),
    }


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
