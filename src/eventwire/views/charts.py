"""JSON for the actor and place pages' network, timeline and map (read by the static scripts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventwire.knowledge.ontology import Ontology
from eventwire.model import Event
from eventwire.views.dates import date_range, format_when
from eventwire.views.details import ActorDetail, PlaceDetail
from eventwire.views.labels import counts_text, event_caption
from eventwire.views.polarity import type_polarity
from eventwire.views.records import ActorRef

ACTOR_GRAPH_TOP = 40  # counterparts drawn on an actor's page; the rest on /explore?actor=


def actor_graph(
    detail: ActorDetail, top: int = ACTOR_GRAPH_TOP, *, onto: Ontology
) -> dict[str, Any]:
    """Cytoscape elements: the actor, its counterparts, one edge per (pair, type, polarity),
    capped to the ``top`` counterparts with the most sources."""
    me = detail.actor
    nodes = {me.id: {"id": me.id, "label": me.name, "type": me.type, "focus": True}}
    edges = []
    for group in detail.relations:
        for view in group.relations:
            r = view.relation
            for ref in (view.source, view.target):
                if ref and ref.id not in nodes:
                    nodes[ref.id] = {
                        "id": ref.id,
                        "label": ref.name,
                        "type": ref.type,
                        "focus": False,
                    }
            for actor_id in (r.source_actor, r.target_actor):
                nodes.setdefault(
                    actor_id, {"id": actor_id, "label": actor_id, "type": "other", "focus": False}
                )
            edges.append(
                {
                    "id": r.id,
                    "source": r.source_actor,
                    "target": r.target_actor,
                    "type": r.type,
                    "polarity": view.polarity,
                    "sources": r.source_count,
                    "contested": r.contested,
                }
            )
    # Events between two actors count too (dotted edges): relations may be few.
    pairs: dict[tuple[str, str, str], int] = {}
    for e in detail.events:
        if e.source_actor and e.target_actor and e.source_actor != e.target_actor:
            key = (e.source_actor, e.target_actor, type_polarity(e.type, e.negated, onto))
            pairs[key] = pairs.get(key, 0) + 1
    for (source, target, polarity), n in sorted(pairs.items()):
        for actor_id in (source, target):
            ref = detail.actors.get(actor_id)
            nodes.setdefault(
                actor_id,
                {"id": actor_id, "label": ref.name if ref else actor_id,
                 "type": ref.type if ref else "other", "focus": False},
            )  # fmt: skip
        edges.append(
            {"id": f"events:{source}:{target}:{polarity}", "source": source, "target": target,
             "type": f"{n} event{'s' if n != 1 else ''}", "polarity": polarity, "sources": n,
             "contested": False, "events": True}
        )  # fmt: skip
    return _capped(me.id, nodes, edges, top)


def _capped(
    focus: str, nodes: dict[str, dict[str, Any]], edges: list[dict[str, Any]], top: int
) -> dict[str, Any]:
    """The focus and its ``top`` counterparts with the most sources; ``hidden`` says how
    many were left out (a hub's page would otherwise draw thousands of nodes)."""
    weight: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weight[end] = weight.get(end, 0) + max(int(edge["sources"]), 1)
    others = sorted((n for n in nodes if n != focus), key=lambda n: (-weight.get(n, 0), n))
    keep = {focus, *others[:top]}
    return {
        "nodes": [n for key, n in nodes.items() if key in keep],
        "edges": [e for e in edges if e["source"] in keep and e["target"] in keep],
        "hidden": max(0, len(others) - top),
    }


def timeline_items(events: Iterable[Event], actors: dict[str, ActorRef]) -> list[dict[str, Any]]:
    """vis-timeline items: dated events, spanning the period their precision covers.

    vis-timeline inserts a string ``content`` or ``title`` as HTML, so neither is sent:
    the page script builds both as DOM text nodes from ``text`` and ``when``."""
    items = []
    for e in events:
        if not e.date:
            continue
        start, end = date_range(e.date, e.date_precision)
        item: dict[str, Any] = {
            "id": e.id,
            "text": event_caption(e, actors),  # the script makes it a text node (never HTML)
            "start": start,
            "when": format_when(e.date, e.date_precision),
            "className": f"ev-{'negated' if e.negated else e.modality}",
        }
        if end and end != start:
            item["end"] = end
            item["type"] = "range"
        else:
            item["type"] = "point"
        items.append(item)
    return items


def map_points(events: Iterable[Event], actors: dict[str, ActorRef]) -> list[dict[str, Any]]:
    """Leaflet markers: one per located event."""
    return [
        {
            "id": e.id,
            "lat": e.location.lat,
            "lon": e.location.lon,
            "place": e.location.name,
            "place_id": e.location.id,
            "label": event_caption(e, actors),
            "counts": counts_text(e.counts),
            "when": format_when(e.date, e.date_precision),
        }
        for e in events
        if e.location and e.location.lat is not None and e.location.lon is not None
    ]


def actor_page_data(detail: ActorDetail, *, onto: Ontology) -> dict[str, Any]:
    return {
        "graph": actor_graph(detail, onto=onto),
        "timeline": timeline_items(detail.events, detail.actors),
        "points": map_points(detail.events, detail.actors),
    }


def place_page_data(detail: PlaceDetail) -> dict[str, Any]:
    """Markers for the place page: its located events, or the place itself."""
    points = map_points(detail.events, detail.actors)
    p = detail.place
    if not points and p.lat is not None and p.lon is not None:
        points = [
            {
                "id": None,
                "lat": p.lat,
                "lon": p.lon,
                "place": p.name,
                "place_id": p.id,
                "label": p.name,
                "when": "",
            }
        ]
    return {"points": points}
