"""The corpus-wide actor network: who acts on whom, by polarity and modality, capped by degree."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from eventwire.store.base import EventFilter, Store
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.labels import type_label
from eventwire.views.polarity import modality_label, type_polarity
from eventwire.views.records import Names

NETWORK_TOP = 40  # actors drawn before "show more"
NETWORK_MAX = 400


@dataclass(frozen=True)
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    shown: int
    total: int  # actors in the filtered network before the cap
    top: int


def network(store: Store, cf: CorpusFilter, top: int = NETWORK_TOP) -> Network:
    """Actors linked by the filtered incidents (and by stated relations when the filter
    names nothing only events have: type, ACLED type, place, fatalities), one edge per
    (pair, polarity, modality) with width by sources; the top N actors by weighted degree."""
    top = max(1, min(top, NETWORK_MAX))
    flt = event_filter(store, cf)
    edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}

    def add(source: str, target: str, type: str, negated: bool, modality: str, n: int,
            sources: int, kind: str) -> None:  # fmt: skip
        polarity = type_polarity(type, negated)
        label = modality_label(modality, negated)
        key = (source, target, polarity, label)
        edge = edges.setdefault(key, {"source": source, "target": target, "polarity": polarity,
                                      "modality": label, "events": 0, "relations": 0,
                                      "sources": 0, "types": Counter()})  # fmt: skip
        edge[kind] += n
        edge["sources"] += sources
        edge["types"][type_label(type)] += n

    for e in store.event_edges(flt):
        add(e.source, e.target, e.type, e.negated, e.modality, e.events, e.sources, "events")
    if not (flt.types or flt.acled or flt.places or flt.min_fatalities or flt.bbox):
        for r in store.relations(actor=flt.actor):
            if _relation_selected(r, flt):
                add(r.source_actor, r.target_actor, r.type, r.negated, r.modality, 1,
                    max(r.source_count, 1), "relations")  # fmt: skip
    degree: Counter[str] = Counter()
    for edge in edges.values():
        degree[edge["source"]] += edge["sources"]
        degree[edge["target"]] += edge["sources"]
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    keep = set(ranked[:top])
    if flt.actor and flt.actor in degree:
        keep.add(flt.actor)
    names = Names(store)
    nodes = []
    for actor_id in sorted(keep, key=lambda a: (-degree[a], a)):
        ref = names.get(actor_id)
        nodes.append({"id": actor_id, "label": ref.name if ref else actor_id,
                      "type": ref.type if ref else "other", "degree": degree[actor_id],
                      "focus": actor_id == flt.actor})  # fmt: skip
    out_edges = []
    for (source, target, polarity, label), edge in sorted(edges.items()):
        if source in keep and target in keep:
            types = ", ".join(t for t, _n in edge.pop("types").most_common(2))
            out_edges.append({**edge, "id": f"{source}|{target}|{polarity}|{label}",
                              "label": types})  # fmt: skip
    return Network(nodes, out_edges, len(nodes), len(degree), top)


def _relation_selected(relation: Any, flt: EventFilter) -> bool:
    if flt.negated is not None and relation.negated != flt.negated:
        return False
    if flt.modality and relation.modality != flt.modality:
        return False
    if relation.source_count < flt.min_sources and flt.min_sources > 1:
        return False
    first, last = relation.first_seen, relation.last_seen or relation.first_seen
    if flt.since and last and last[: len(flt.since)] < flt.since:
        return False
    return not (flt.until and first and first[: len(flt.until)] > flt.until)
