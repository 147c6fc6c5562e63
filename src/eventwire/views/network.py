"""The corpus-wide actor network: who acts on whom, by polarity and modality, capped by degree."""

from __future__ import annotations

import base64
import binascii
import bisect
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.ontology import Ontology
from eventwire.store.base import EdgeCount, Store
from eventwire.views.corpus import CorpusFilter, event_filter, shows_relations
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
    with_relations = shows_relations(flt)
    degree = dict(store.actor_degrees(flt, with_relations))
    # by degree, then id: sorted by id, then stably by degree (a key read in C, where a
    # Python key for each of the 10,000 actors of the 1M-event bench store cost 5-10 ms)
    ranked = sorted(degree)
    ranked.sort(key=degree.__getitem__, reverse=True)
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
    relation_rows: dict[tuple[str, str], list[EdgeRow]] = defaultdict(list)
    weight: dict[tuple[str, str], int] = {}
    event_rows: dict[tuple[str, str], list[EdgeRow]] | None = None
    if store.edges_summarised(flt):
        for source, target, sources in store.event_pair_sources(flt, among=among, new=new):
            weight[(source, target)] = weight.get((source, target), 0) + sources
    else:  # every read scans the selected events: one reads them all
        event_rows = defaultdict(list)
        for e in store.event_edges(flt, among=among):
            if new is None or e.source in fresh or e.target in fresh:
                event_rows[(e.source, e.target)].append(_row(e))
                weight[(e.source, e.target)] = weight.get((e.source, e.target), 0) + e.sources
    # a next page reads only the relations with a side among the actors it adds
    for r in store.relation_edges(flt, among=among, new=new) if with_relations else []:
        relation_rows[(r.source, r.target)].append(_row(r))
        weight[(r.source, r.target)] = weight.get((r.source, r.target), 0) + r.sources
    order = sorted(weight)  # by weight, then pair (as the ranking)
    order.sort(key=weight.__getitem__, reverse=True)
    cap = EDGES_PER_ACTOR * top if edges_cap is None else max(0, edges_cap)
    edges = _Edges(onto)
    read = 0
    while read < len(order) and cap > 0:
        batch = order[read : read + max(cap, PAIR_BATCH, read)]  # twice as many each time
        if len(edges.edges) >= cap:
            lightest = sorted((e["sources"] for e in edges.edges.values()), reverse=True)[cap - 1]
            if lightest > weight[order[read]]:
                break
            # only pairs as heavy as the lightest edge kept can add one (heaviest first)
            batch = [pair for pair in batch if weight[pair] >= lightest]
        read += len(batch)
        # the store's rows as read (a key of several parts of a period plan in several
        # rows): summed here into the edges, with no sum or record made for each key first
        edges.add(
            "events",
            store.event_edge_rows(flt, batch)
            if event_rows is None
            else [e for pair in batch for e in event_rows[pair]],
        )
        edges.add("relations", [r for pair in batch for r in relation_rows[pair]])
    types = edges.types
    edges_found = edges.edges
    names = Names(store)
    names.refs(fresh)  # one query for the page's actors
    nodes = []
    for actor_id in sorted(fresh, key=lambda a: (-degree[a], a)):
        ref = names.get(actor_id)
        nodes.append({"id": actor_id, "label": ref.name if ref else actor_id,
                      "type": ref.type if ref else "other", "degree": degree[actor_id],
                      "focus": actor_id == flt.actor})  # fmt: skip
    heaviest = sorted(
        edges_found, key=lambda k: (-edges_found[k]["sources"], -_count(edges_found[k]), k)
    )
    out_edges = []
    for key in sorted(heaviest[:cap]):
        common = sorted(types[key], key=lambda t: (-types[key][t], t))[:2]
        out_edges.append({**edges_found[key], "id": "|".join(key), "label": ", ".join(common)})
    more = read < len(order) or len(edges_found) > len(out_edges)
    return Network(
        nodes, out_edges, len(nodes), len(degree), top, len(out_edges), more, len(order),
        next_after,
    )  # fmt: skip


def _count(edge: dict[str, Any]) -> int:
    return int(edge["events"]) + int(edge["relations"])


# (source, target, type, negated, modality, events or relations, sources)
EdgeRow = tuple[str, str, str, int, str, int, int]


def _row(e: EdgeCount) -> EdgeRow:
    return (e.source, e.target, e.type, e.negated, e.modality, e.events, e.sources)


class _Edges:
    """The edges drawn so far, one per (source, target, polarity, modality label), with
    how many events and relations of each type name they hold (their label)."""

    def __init__(self, onto: Ontology) -> None:
        self.edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        self.types: dict[tuple[str, str, str, str], dict[str, int]] = {}
        self._onto = onto
        # (type, negated, modality) -> (polarity, modality label, type name)
        self._labels: dict[tuple[str, int, str], tuple[str, str, str]] = {}

    def add(self, kind: str, rows: list[EdgeRow]) -> None:
        """Add ``rows`` (of ``kind``: "events" or "relations") to their edges."""
        edges, types, labels = self.edges, self.types, self._labels
        for source, target, type_, negated, modality, count, sources in rows:
            found = labels.get((type_, negated, modality))
            if found is None:
                found = labels[(type_, negated, modality)] = (
                    type_polarity(type_, bool(negated), self._onto),
                    modality_label(modality, bool(negated)),
                    type_label(type_),
                )
            polarity, label, type_name = found
            key = (source, target, polarity, label)
            edge = edges.get(key)
            if edge is None:
                edge = edges[key] = {"source": source, "target": target, "polarity": polarity,
                                     "modality": label, "events": 0, "relations": 0, "sources": 0}  # fmt: skip
                named = types[key] = {}
            else:
                named = types[key]
            edge[kind] += count
            edge["sources"] += sources
            named[type_name] = named.get(type_name, 0) + count
