"""The export lines of relations, events, incidents, articles, actors and quotes (their
JSON Lines records, ``docs/export.md``), made where the record is written so that a
download copies them instead of decoding and encoding the record again.

The records are built here, below the exporters, because the store writes each line with
its record (relations: migration 16, events: migration 17, incidents: migration 18,
articles, actors and quotes: migration 29); ``eventwire.export.records`` uses the same
functions, so a stored line and a line encoded at export time are the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import MISSING
from typing import Any

from eventwire.model import (
    Actor,
    Event,
    Evidence,
    Incident,
    Place,
    Quote,
    Relation,
    Role,
    from_dict,
    to_dict,
)

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


def article_values_record(values: Sequence[Any]) -> dict[str, Any]:
    """The record of an article from its values in the articles table's column order
    (id, title, outlet, url, source, published, published_precision, published_ambiguous,
    text, metadata), the metadata decoded: built from a row, no Article made."""
    return {
        "kind": "article",
        "id": values[0],
        "title": values[1],
        "outlet": values[2],
        "url": values[3],
        "source": values[4],
        "published": values[5],
        "published_precision": values[6],
        "published_ambiguous": bool(values[7]),
        "text": values[8],
        "metadata": values[9],
    }


def article_row_line(row: Sequence[Any]) -> str:
    """The JSON Lines record (no newline) of an article's row of the articles table (an
    empty metadata object, the usual one, taken as it is: no decoding)."""
    metadata = row[9]
    value = {} if not metadata or metadata == "{}" else json.loads(metadata)
    return encode_line(article_values_record((*row[:9], value)))


# An article's stored line leaves its text out ("text": null): the text, the largest
# field of the store, is kept once, in its own column, and put into the line as it is
# read. Inside an encoded string every quote mark is escaped, so this run of characters
# can only be the record's own "text" key.
_NO_TEXT = ', "text": null, "metadata": '


def stored_article_line(row: Sequence[Any]) -> str:
    """The line stored with an article's row (migration 29): its record with the text
    left out."""
    return article_row_line((*row[:8], None, *row[9:]))


def article_line_with_text(line: str, text: str | None) -> str:
    """The export line of an article from its stored line and its text."""
    if text is None:
        return line
    return line.replace(_NO_TEXT, ', "text": ' + encode_line(text) + ', "metadata": ', 1)


# An actor's fields left at their default may be absent from its stored JSON
_ACTOR_DEFAULTS = {
    f.name: to_dict(f.default) for f in dataclasses.fields(Actor) if f.default is not MISSING
}
_ROLE_DEFAULTS = {
    f.name: to_dict(f.default) for f in dataclasses.fields(Role) if f.default is not MISSING
}


def actor_payload_record(p: dict[str, Any]) -> dict[str, Any]:
    """The record of an actor from its stored JSON: the same as the record of the decoded
    Actor (``eventwire.export.records.actor_record``), without building one (the actors
    of a month's JSON Lines download: 1,327 on the 1M-event bench store)."""
    get = p.get
    d = _ACTOR_DEFAULTS
    r = _ROLE_DEFAULTS
    return {
        "kind": "actor",
        "id": p["id"],
        "name": p["name"],
        "type": p["type"],
        "country": get("country", d["country"]),
        "aliases": get("aliases", d["aliases"]),
        "mention_count": get("mention_count", d["mention_count"]),
        "article_count": get("article_count", d["article_count"]),
        "roles": [
            {
                "title": role["title"],
                "start": role.get("start", r["start"]),
                "end": role.get("end", r["end"]),
                "source": role.get("source", r["source"]),
            }
            for role in get("roles", d["roles"])
        ],
        "kb_id": get("kb_id", d["kb_id"]),
    }


def actor_line(payload: str) -> str:
    """The JSON Lines record (no newline) of the actor stored as ``payload``."""
    return encode_line(actor_payload_record(json.loads(payload)))


def quote_record(q: Quote) -> dict[str, Any]:
    return {
        "kind": "quote",
        "id": q.id,
        "text": q.text,
        "article_id": q.article_id,
        "sentence": q.sentence,
        "char_start": q.char_start,
        "char_end": q.char_end,
        "speaker": q.speaker,
        "speaker_description": q.speaker_description,
    }


def quote_line(q: Quote) -> str:
    """The JSON Lines record of ``q``, without its newline."""
    return encode_line(quote_record(q))


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


def evidence_dicts(evs: tuple[Evidence, ...]) -> list[dict[str, Any]]:
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
        # a division's seat from an imported dump: an alternative point, labelled apart
        "seat": to_dict(place.seat) if place.seat is not None else None,
    }


def event_record(e: Event, incidents: Sequence[str] = ()) -> dict[str, Any]:
    """The record of ``e``; ``incidents`` are the ids of the incidents it is a member of
    (the store's ``incident_events``, in id order): an event does not know them itself."""
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
        "evidence": evidence_dicts(e.evidence),
        "source_count": e.source_count,
        "incidents": list(incidents),
    }


def event_line(e: Event, incidents: Sequence[str] = ()) -> str:
    """The JSON Lines record of ``e`` (member of ``incidents``), without its newline: of
    ``e`` as the store reads it back, whose codes and counts have their keys in order
    (its JSON is written with sorted keys)."""
    record = event_record(e, incidents)
    record["codes"] = _keys_sorted(record["codes"])
    record["counts"] = _keys_sorted(record["counts"])
    return encode_line(record)


def _keys_sorted(value: Any) -> Any:
    """``value`` with the keys of every mapping in it in order."""
    if isinstance(value, dict):
        return {key: _keys_sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [_keys_sorted(item) for item in value]
    return value


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
        "evidence": evidence_dicts(i.evidence),
        "source_count": i.source_count,
        "outlet_count": i.outlet_count,
        "explanation": list(i.explanation),
    }


def member_incidents(incidents: Sequence[Incident]) -> dict[str, list[str]]:
    """The ids of the incidents each event is a member of, by event id, in id order (as
    the store's ``incident_events`` has them)."""
    found: dict[str, set[str]] = {}
    for inc in incidents:
        for event_id in inc.events:
            found.setdefault(event_id, set()).add(inc.id)
    return {event_id: sorted(ids) for event_id, ids in found.items()}


def incident_line(payload: str) -> str:
    """The JSON Lines record (no newline) of the incident whose stored JSON is ``payload``:
    of the incident as the store reads it back (decoded from that JSON), so the line
    stored with it and one encoded at export time are the same bytes."""
    return encode_line(incident_record(from_dict(Incident, json.loads(payload))))
