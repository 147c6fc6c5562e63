"""The corpus-wide actor network: who acts on whom, by polarity and modality, capped by degree."""

from __future__ import annotations

import base64
import binascii
import bisect
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.ontology import Ontology
from eventwire.store.base import EdgeCount, Store
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.labels import type_label
from eventwire.views.polarity import modality_label, type_polarity
from eventwire.views.records import Names

NETWORK_TOP = 40  # actors drawn before "show more"
NETWORK_MAX = 400
# the most actors one API request draws: the UI's page. More are drawn page by page
# ("show more": ``after=``), each page costing what the first does, where one larger
# page reads the pairs among all its actors at once (200 actors: 450-520 ms of CPU on
# the 1M-event bench store, against 90-150 for 40)
NETWORK_PAGE_MAX = NETWORK_TOP
EDGES_PER_ACTOR = 5  # edges drawn per actor drawn: the heaviest, by sources
PAIR_BATCH = 100  # pairs whose edges are read at a time, heaviest pairs first


@dataclass(frozen=True)
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    shown: int
    total: int  # actors in the filtered network before the cap
    top: int
    edges_shown: int = 0
    more_edges: bool = False  # edges between the actors drawn left out by the edge cap
    pairs: int = 0  # pairs of actors drawn that some incident or relation links
    # the ranking's place after the last actor of this page ("show more" asks for the
    # next page with it); None when every actor of the filtered network is drawn
    next_after: str | None = None


def encode_rank(degree: int, actor_id: str) -> str:
    """The cursor of an actor's place in the ranking (by degree, then id)."""
    raw = json.dumps([degree, actor_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_rank(value: str) -> tuple[int, str]:
    """The (degree, actor id) a cursor names; ValueError for anything else."""
    try:
        degree, actor_id = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError, TypeError) as exc:
        raise ValueError("not a network cursor given by this API (use next_after)") from exc
    if not isinstance(degree, int) or isinstance(degree, bool) or not isinstance(actor_id, str):
        raise ValueError("not a network cursor given by this API (use next_after)")
    return degree, actor_id


def network(
    store: Store,
    cf: CorpusFilter,
    top: int = NETWORK_TOP,
    edges_cap: int | None = None,
    *,
    onto: Ontology,
    after: str | None = None,
) -> Network:
    """Actors linked by the filtered incidents (and by stated relations when the filter
    names nothing only events have: type, ACLED type, place, fatalities), one edge per
    (pair, polarity, modality) with width by sources; the top N actors by weighted degree
    and, between them, the ``EDGES_PER_ACTOR * top`` edges with most sources ("show more"
    raises both caps: the busiest actors of a large store share thousands of edges), or
    ``edges_cap`` of them.

    The degrees are summed by the store first, so only the edges between the actors
    drawn are read, however many pairs the whole store links.

    ``after`` (the ``next_after`` of the page before) continues the same ranking: the
    next ``top`` actors, and the edges between one of them and any actor drawn so far
    (the pages before and this one), the ``EDGES_PER_ACTOR * top`` with most sources."""
    top = max(1, min(top, NETWORK_MAX))
    flt = event_filter(store, cf, onto)
    with_relations = not (flt.types or flt.acled or flt.places or flt.min_fatalities or flt.bbox)
    degree: Counter[str] = Counter(dict(store.actor_degrees(flt, with_relations)))
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    start = 0
    if after is not None:
        last_degree, last_id = decode_rank(after)
        start = bisect.bisect_right(ranked, (-last_degree, last_id), key=lambda a: (-degree[a], a))
    page = ranked[start : start + top]
    drawn = set(ranked[:start])  # by the pages before
    focus = flt.actor if flt.actor and flt.actor in degree else None
    if focus is not None and start == 0:  # the focus is drawn on the first page
        page += [] if focus in page else [focus]
    elif focus is not None:
        drawn.add(focus)
        page = [a for a in page if a != focus]
    fresh = set(page)
    keep = drawn | fresh
    # a continuation reads only the pairs with a side among the actors it adds
    new = sorted(fresh) if start else None
    next_after = None
    if start + top < len(ranked):
        last = ranked[start + top - 1]
        next_after = encode_rank(degree[last], last)
    # An edge has at most its pair's sources: the pairs are read heaviest first until
    # the lightest edge kept outweighs every pair not read (the busiest actors of a large
    # store share tens of thousands of (pair, type, modality) rows).
    among = sorted(keep)
    relation_rows: dict[tuple[str, str], list[EdgeCount]] = defaultdict(list)
    weight: Counter[tuple[str, str]] = Counter()
    event_rows: dict[tuple[str, str], list[EdgeCount]] | None = None
    if store.edges_summarised(flt):
        for source, target, sources in store.event_pair_sources(flt, among=among, new=new):
            weight[(source, target)] += sources
    else:  # every read scans the selected events: one reads them all
        event_rows = defaultdict(list)
        for e in store.event_edges(flt, among=among):
            if new is None or e.source in fresh or e.target in fresh:
                event_rows[(e.source, e.target)].append(e)
                weight[(e.source, e.target)] += e.sources
    for r in store.relation_edges(flt, among=among) if with_relations else []:
        if new is None or r.source in fresh or r.target in fresh:
            relation_rows[(r.source, r.target)].append(r)
            weight[(r.source, r.target)] += r.sources
    order = sorted(weight, key=lambda p: (-weight[p], p))
    cap = EDGES_PER_ACTOR * top if edges_cap is None else max(0, edges_cap)
    edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    types: dict[tuple[str, str, str, str], dict[str, int]] = {}
    labels: dict[tuple[str, bool, str], tuple[str, str, str]] = {}
    read = 0
    while read < len(order) and cap > 0:
        batch = order[read : read + max(cap, PAIR_BATCH, read)]  # twice as many each time
        if len(edges) >= cap:
            lightest = sorted((e["sources"] for e in edges.values()), reverse=True)[cap - 1]
            if lightest > weight[order[read]]:
                break
            # only pairs as heavy as the lightest edge kept can add one (heaviest first)
            batch = [pair for pair in batch if weight[pair] >= lightest]
        read += len(batch)
        found = (
            store.event_edges(flt, pairs=batch)
            if event_rows is None
            else [e for pair in batch for e in event_rows[pair]]
        )
        rows = [("events", e) for e in found]
        rows += [("relations", r) for pair in batch for r in relation_rows[pair]]
        for kind, e in rows:
            kind_key = (e.type, e.negated, e.modality)
            if kind_key not in labels:
                labels[kind_key] = (type_polarity(e.type, e.negated, onto),
                                    modality_label(e.modality, e.negated), type_label(e.type))  # fmt: skip
            polarity, label, type_name = labels[kind_key]
            key = (e.source, e.target, polarity, label)
            edge = edges.get(key)
            if edge is None:
                edge = edges[key] = {"source": e.source, "target": e.target, "polarity": polarity,
                                     "modality": label, "events": 0, "relations": 0, "sources": 0}  # fmt: skip
                types[key] = {}
            edge[kind] += e.events
            edge["sources"] += e.sources
            named = types[key]
            named[type_name] = named.get(type_name, 0) + e.events
    names = Names(store)
    names.refs(fresh)  # one query for the page's actors
    nodes = []
    for actor_id in sorted(fresh, key=lambda a: (-degree[a], a)):
        ref = names.get(actor_id)
        nodes.append({"id": actor_id, "label": ref.name if ref else actor_id,
                      "type": ref.type if ref else "other", "degree": degree[actor_id],
                      "focus": actor_id == flt.actor})  # fmt: skip
    heaviest = sorted(edges, key=lambda k: (-edges[k]["sources"], -_count(edges[k]), k))
    out_edges = []
    for key in sorted(heaviest[:cap]):
        common = sorted(types[key], key=lambda t: (-types[key][t], t))[:2]
        out_edges.append({**edges[key], "id": "|".join(key), "label": ", ".join(common)})
    more = read < len(order) or len(edges) > len(out_edges)
    return Network(
        nodes, out_edges, len(nodes), len(degree), top, len(out_edges), more, len(order),
        next_after,
    )  # fmt: skip


def _count(edge: dict[str, Any]) -> int:
    return int(edge["events"]) + int(edge["relations"])
