"""Incremental actor resolution over stored units and keys.

A full resolution stores every unit (one document's mention group, or one document's
demonym mentions of one country) with its keys and the cluster its anchor was decided
into, and every key's :class:`~eventwire.resolve.actor_keys.Decision`. A new batch then
re-decides only the keys its units carry, strongest first; a key whose decision moves
units to another cluster re-decides the weaker keys those units carry, and so on down.
Only the actors of clusters a re-decided key names (before or after) are rebuilt, from
their stored units, with the same code as a full resolution, so the result equals a
rebuild (``eventwire rebuild --check`` and the tests compare them).

What stays proportional to the store: an actor touched by a batch is rebuilt from all
its units (a hub actor such as a country is read whole), and events, relations and
quotes are still recomputed in full (``resolve.resolve_rest``), since event grouping is
being rewritten into incidents; they are the next to become incremental.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, Protocol

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords
from eventwire.resolve.actor_keys import Decision, decide_key, explain, strength, unit_keys
from eventwire.resolve.actor_units import (
    NO_SENTENCE,
    StoredUnit,
    Unit,
    affiliation_units,
    build_units,
    from_payload,
    mentions_of,
    to_payload,
    unit_id,
)
from eventwire.resolve.actors import ActorResolution, ClusterActor, build_actors, overrides_of

__all__ = ["UnitIndex", "recluster", "update_actors"]


def units_of(docs: Iterable[DocumentRecords], resources: Resources) -> list[StoredUnit]:
    """The units of ``docs`` with their keys, clusters not decided yet (``""``)."""
    kb = resources.kb
    overrides = overrides_of(resources)
    units, affiliated = build_units(docs, kb)
    out = [
        StoredUnit(unit_id(u.article_id, u.group), u.article_id, unit_keys(u, overrides),
                   u.is_single_name and u.is_personish, "", to_payload(u))
        for u in units
    ]  # fmt: skip
    out += affiliation_units(affiliated, kb)
    return out


class UnitIndex(Protocol):
    """What incremental actor resolution reads and writes (a store, inside its write lock)."""

    def add_units(self, units: Sequence[StoredUnit]) -> None: ...

    def key_owners(self, key: str) -> list[str]:
        """Clusters, sorted, of the units carrying ``key`` not anchored on it."""
        ...

    def personish_anchored(self, key: str) -> bool: ...

    def key_decision(self, key: str) -> Decision | None: ...

    def set_key_decision(self, key: str, decision: Decision) -> None: ...

    def move_anchored(self, key: str, cluster: str) -> list[tuple[str, str]]:
        """Put every unit anchored on ``key`` into ``cluster``; returns (unit id, old
        cluster) of those that moved."""
        ...

    def set_unit_clusters(self, moves: Sequence[tuple[str, str]]) -> None:
        """(unit id, cluster) pairs."""
        ...

    def weak_keys(self, unit_ids: Sequence[str]) -> set[str]:
        """The keys these units carry besides their anchors."""
        ...

    def cluster_units(self, cluster: str) -> list[StoredUnit]:
        """Every unit of ``cluster``, in id order."""
        ...

    def key_bearer(self, key: str, cluster: str) -> StoredUnit:
        """The first unit (by id) of ``cluster`` carrying ``key`` not anchored on it."""
        ...


class _Strongest:
    """A key in a heap that pops the strongest first."""

    __slots__ = ("key", "rank")

    def __init__(self, key: str) -> None:
        self.key, self.rank = key, strength(key)

    def __lt__(self, other: _Strongest) -> bool:
        return self.rank > other.rank


def recluster(index: UnitIndex, new: Sequence[StoredUnit]) -> set[str]:
    """Add ``new`` units and re-decide the keys they reach; returns the clusters whose
    actors must be rebuilt (a key's clusters before and after, rivals included)."""
    index.add_units(new)
    fresh: dict[str, list[str]] = defaultdict(list)  # anchor -> new units anchored on it
    for u in new:
        fresh[u.anchor].append(u.id)
    heap = [_Strongest(k) for k in {k for u in new for k in u.keys}]
    heapq.heapify(heap)
    done: set[str] = set()
    touched: set[str] = set()
    while heap:
        key = heapq.heappop(heap).key
        if key in done:
            continue
        done.add(key)
        decision = decide_key(key, index.key_owners, index.personish_anchored)
        old = index.key_decision(key)
        touched.update((decision.cluster, *decision.rivals))
        moved: list[tuple[str, str]] = []
        if old != decision:
            index.set_key_decision(key, decision)
            if old is not None:
                touched.update((old.cluster, *old.rivals))
        if old is None or old.cluster != decision.cluster:
            moved = index.move_anchored(key, decision.cluster)
        elif key in fresh:
            moved = [(uid, "") for uid in fresh[key]]
            index.set_unit_clusters([(uid, decision.cluster) for uid in fresh[key]])
        touched.update(was for _, was in moved if was)
        for weak in index.weak_keys([uid for uid, _ in moved]) - done:
            heapq.heappush(heap, _Strongest(weak))
        if key.startswith("surname:"):  # a one-word name may fall back on this family name
            heapq.heappush(heap, _Strongest("name:" + key.partition(":")[2]))
    touched.discard("")
    return touched


def update_actors(
    index: UnitIndex, docs: Iterable[DocumentRecords], resources: Resources
) -> tuple[set[str], ActorResolution]:
    """Add the units of ``docs`` (new documents) and rebuild the actors they touch:
    (the cluster keys touched, their actors as they are now; a touched cluster with no
    units left has no actor)."""
    for_actors = (
        DocumentRecords(d.article_id, places=d.places,
                        mentions=tuple(replace(m, evidence=NO_SENTENCE) for m in d.mentions))
        for d in docs
    )  # fmt: skip
    touched = recluster(index, units_of(for_actors, resources))
    kb = resources.kb
    built = []
    for cluster in sorted(touched):
        stored = index.cluster_units(cluster)
        if stored:
            built.append(cluster_actor(cluster, stored, index, kb))
    return touched, build_actors(built, kb, overrides_of(resources))


def cluster_actor(
    cluster: str, stored: Sequence[StoredUnit], index: UnitIndex, kb: Any
) -> ClusterActor:
    """A cluster's actor input from its stored units (in id order), as a full resolution
    makes it."""
    real = [(from_payload(s.article_id, s.data), s.anchor) for s in stored
            if s.data["affiliation"] is None]  # fmt: skip
    decisions: dict[str, Decision] = {}
    bearers: dict[tuple[str, str], Unit] = {}

    def decision_of(key: str) -> Decision:
        if key not in decisions:
            decisions[key] = index.key_decision(key) or Decision(key, key)
        return decisions[key]

    def bearer_of(key: str, owner: str) -> Unit:
        if (key, owner) not in bearers:
            b = index.key_bearer(key, owner)
            bearers[key, owner] = from_payload(b.article_id, b.data)
        return bearers[key, owner]

    reasons = explain(real, decision_of, bearer_of, kb)
    out = ClusterActor(cluster, [u for u, _ in real], reasons)
    for iso3 in sorted({s.data["affiliation"] for s in stored} - {None}):
        ms = sorted((m for s in stored if s.data["affiliation"] == iso3
                     for m in mentions_of(s.article_id, s.data)),
                    key=lambda m: (m.article_id, m.span.start))  # fmt: skip
        out.attach(iso3, ms, kb.country(iso3))
    return out
