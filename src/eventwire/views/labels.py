"""How a record is named in plain text: event labels, code tags, casualty counts.

Plain text only; the templates escape it and the scripts insert it with textContent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.model import COUNT_KINDS, Event, Quote
from eventwire.views.polarity import modality_label
from eventwire.views.records import ActorRef


def type_label(type: str) -> str:
    """'ASSAULT' -> 'assault', 'armed_group' -> 'armed group'."""
    return type.replace("_", " ").lower()


def event_label(event: Event, actors: Mapping[str, ActorRef]) -> str:
    """'Khalifa Haftar assault Benghazi'-style label: source, type, target (no modality)."""

    def name(actor_id: str | None) -> str:
        ref = actors.get(actor_id or "")
        return ref.name if ref else (actor_id or "?")

    parts = [type_label(event.type)]
    if event.source_actor:
        parts.insert(0, name(event.source_actor))
    if event.target_actor:
        parts.append(name(event.target_actor))
    return " ".join(parts)


def event_caption(event: Event, actors: Mapping[str, ActorRef]) -> str:
    """The label with its modality in brackets, for widgets that show one line of text."""
    label = modality_label(event.modality, event.negated)
    return f"[{label}] {event_label(event, actors)}" if label else event_label(event, actors)


def code_labels(codes: Mapping[str, Any]) -> list[str]:
    """Code tags as short labels: 'CAMEO 18, 19, 20', 'ACLED Battles / Armed clash'."""
    out = []
    for scheme in sorted(codes):
        value = codes[scheme]
        if value in (None, "", [], {}):
            continue
        if isinstance(value, Mapping):
            text = " / ".join(str(v) for v in value.values() if v)
        elif isinstance(value, (list, tuple)):
            text = ", ".join(str(v) for v in value)
        else:
            text = str(value)
        out.append(f"{scheme.upper()} {text}")
    return out


def counts_text(counts: Mapping[str, int]) -> str:
    """'3 killed, 5 wounded' in the order of COUNT_KINDS ('' when nothing was counted)."""
    known = [k for k in COUNT_KINDS if counts.get(k)]
    others = sorted(k for k in counts if k not in COUNT_KINDS and counts[k])
    return ", ".join(f"{counts[k]} {k}" for k in known + others)


def quote_speaker(quote: Quote, names: Mapping[str, str]) -> str | None:
    """Who said a quote: its actor's name (``names`` by actor id, else the id), the
    article's description of a source it does not name ("witness in Kabala (unnamed)"),
    or None when the article gives neither."""
    if quote.speaker:
        return names.get(quote.speaker, quote.speaker)
    if quote.speaker_description:
        return f"{quote.speaker_description} (unnamed)"
    return None
