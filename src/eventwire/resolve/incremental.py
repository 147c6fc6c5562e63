"""Incremental actor resolution over stored units and keys.

A full resolution stores every unit (one document's mention group, or one document's
demonym mentions of one country) with its keys and the cluster its anchor was decided
into, and every key's :class:`~eventwire.resolve.actor_keys.Decision`. A new batch then
re-decides only the keys its units carry, strongest first; a key whose decision moves
units to another cluster re-decides the weaker keys those units carry, and so on down.
A cluster that only gains new units coming after all of its own is updated from its
stored running totals (:mod:`eventwire.resolve.actor_totals`) and the new units alone,
so a hub actor is not read whole; one whose decisions changed (units moved, a key
became ambiguous, a new unit sorts first) is rebuilt from all its stored units. Both
make the actor from totals with the code a full resolution uses, so the result equals
a rebuild (``eventwire rebuild --check`` and the tests compare them).

What stays proportional to the store: incidents, relations and quotes are still
recomputed in full (``resolve.resolve_rest``), and events grouped from every document,
though only those of the grouping keys a batch touches are written
(:mod:`eventwire.resolve.event_mentions`).
"""

from __future__ import annotations

import heapq
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any, Protocol

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, Mention, mention_key
from eventwire.resolve.actor_keys import Decision, decide_key, explain, strength, unit_keys
from eventwire.resolve.actor_mentions import MentionActors
from eventwire.resolve.actor_totals import ClusterTotals
from eventwire.resolve.actor_units import (
    StoredUnit,
    Unit,
    affiliation_units,
    build_units,
    for_actors,
    from_payload,
    mentions_of,
    to_payload,
    unit_id,
)
from eventwire.resolve.actors import (
    ActorResolution,
    ClusterActor,
    actor_id,
    build_actors,
    overrides_of,
)

__all__ = ["ActorUpdate", "UnitIndex", "recluster", "update_actors"]


def units_of(
    docs: Iterable[DocumentRecords], resources: Resources, built: dict[str, Unit] | None = None
) -> list[StoredUnit]:
    """The units of ``docs`` with their keys, clusters not decided yet (``""``); with
    ``built``, it is given each real unit by id (so it need not be read back)."""
    kb = resources.kb
    overrides = overrides_of(resources)
    units, affiliated = build_units(docs, kb)
    if built is not None:
        built.update((unit_id(u.article_id, u.group), u) for u in units)
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

    def cluster_units(self, cluster: str) -> Iterable[StoredUnit]:
        """Every unit of ``cluster``, in id order (read as the caller walks them: the
        index may run its other look-ups meanwhile)."""
        ...

    def key_bearer(self, key: str, cluster: str) -> StoredUnit:
        """The first unit (by id) of ``cluster`` carrying ``key`` not anchored on it."""
        ...

    def first_anchored(self, key: str, cluster: str) -> StoredUnit:
        """The first unit (by id) of ``cluster`` anchored on ``key``."""
        ...

    def unit_clusters(self, unit_ids: Sequence[str]) -> dict[str, str]:
        """The cluster of each of these units."""
        ...

    def cluster_totals(self, clusters: Sequence[str]) -> dict[str, ClusterTotals]:
        """The stored totals of these clusters (those that have some)."""
        ...


class _Strongest:
    """A key in a heap that pops the strongest first."""

    __slots__ = ("key", "rank")

    def __init__(self, key: str) -> None:
        self.key, self.rank = key, strength(key)

    def __lt__(self, other: _Strongest) -> bool:
        return self.rank > other.rank


def recluster(index: UnitIndex, new: Sequence[StoredUnit]) -> tuple[set[str], set[str]]:
    """Add ``new`` units and re-decide the keys they reach; returns the clusters whose
    actors may change (a key's clusters before and after, rivals included) and, among
    them, those that must be rebuilt from all their units: a decision changed or units
    moved, so stored totals and explanation lines no longer add up, or a key is
    ambiguous, so its lines name the first bearers of rival clusters."""
    index.add_units(new)
    fresh: dict[str, list[str]] = defaultdict(list)  # anchor -> new units anchored on it
    for u in new:
        fresh[u.anchor].append(u.id)
    heap = [_Strongest(k) for k in {k for u in new for k in u.keys}]
    heapq.heapify(heap)
    done: set[str] = set()
    touched: set[str] = set()
    whole: set[str] = set()
    while heap:
        key = heapq.heappop(heap).key
        if key in done:
            continue
        done.add(key)
        decision = decide_key(key, index.key_owners, index.personish_anchored)
        old = index.key_decision(key)
        touched.update((decision.cluster, *decision.rivals))
        moved: list[tuple[str, str]] = []
        if decision.rivals:
            whole.update((decision.cluster, *decision.rivals))
        if old != decision:
            index.set_key_decision(key, decision)
            if old is not None:
                touched.update((old.cluster, *old.rivals))
                whole.update((old.cluster, *old.rivals, decision.cluster, *decision.rivals))
        if old is None or old.cluster != decision.cluster:
            moved = index.move_anchored(key, decision.cluster)
        elif key in fresh:
            moved = [(uid, "") for uid in fresh[key]]
            index.set_unit_clusters([(uid, decision.cluster) for uid in fresh[key]])
        touched.update(was for _, was in moved if was)
        whole.update(was for _, was in moved if was)
        for weak in index.weak_keys([uid for uid, _ in moved]) - done:
            heapq.heappush(heap, _Strongest(weak))
        if key.startswith("surname:"):  # a one-word name may fall back on this family name
            heapq.heappush(heap, _Strongest("name:" + key.partition(":")[2]))
    touched.discard("")
    whole.discard("")
    return touched, whole


@dataclass
class ActorUpdate:
    """What an incremental refresh changes in the stored actors: ``removed`` actors go
    with their mention links, ``rewritten`` ones keep theirs (only new mentions are
    linked); ``actors`` holds the actors now, their explanations and the links to add;
    ``totals`` each touched cluster's totals (None: the cluster has no units left)."""

    removed: set[str]
    rewritten: set[str]
    actors: ActorResolution
    totals: dict[str, str | None]


def update_actors(
    index: UnitIndex, docs: Iterable[DocumentRecords], resources: Resources
) -> ActorUpdate:
    """Add the units of ``docs`` (new documents) and update the actors they touch: a
    cluster that only gains new units coming after all of its own is updated from its
    stored totals and the new units; one whose decisions changed is rebuilt from all
    its units; one that lost all its units loses its actor."""
    known: dict[str, Unit] = {}
    new = units_of((for_actors(d) for d in docs), resources, known)
    touched, whole = recluster(index, new)
    placed = index.unit_clusters([u.id for u in new])
    fresh: dict[str, list[StoredUnit]] = defaultdict(list)
    for u in new:
        fresh[placed[u.id]].append(u)
    stored = index.cluster_totals(sorted(touched - whole))
    for cluster in sorted(touched - whole):
        if cluster in fresh and (
            cluster not in stored or min(u.id for u in fresh[cluster]) <= stored[cluster].last
        ):
            whole.add(cluster)  # new units before stored ones: the first bearers may change
    kb = resources.kb
    built: list[ClusterActor] = []
    totals: dict[str, str | None] = {}
    # the mention links of the clusters rebuilt whole, made unit by unit (a hub's units
    # are never all made at once), then those build_actors makes, as a rebuild orders them
    links = MentionActors()
    for cluster in sorted(whole):
        units = iter(index.cluster_units(cluster))  # a hub's rows are read as it is made
        totals[cluster] = None
        if (first := next(units, None)) is not None:
            built.append(cluster_actor(cluster, chain([first], units), index, kb, links))
            totals[cluster] = built[-1].totals.to_json()
        del units, first
    for cluster in sorted(touched - whole):
        if cluster in fresh:
            grown = grown_actor(cluster, fresh[cluster], stored[cluster], index, kb, known)
            built.append(grown)
            totals[cluster] = built[-1].totals.to_json()
    actors = build_actors(built, kb, overrides_of(resources))
    links.update(actors.mention_actor)
    return ActorUpdate(
        removed={actor_id(c) for c in whole},
        rewritten={actor_id(c.key) for c in built} - {actor_id(c) for c in whole},
        actors=replace(actors, mention_actor=links),
        totals=totals,
    )


def _demonyms(stored: Sequence[StoredUnit]) -> dict[str, list[Mention]]:
    """The demonym mentions of ``stored`` units by country, in (article, offset) order."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for s in stored:
        if (iso3 := s.data["affiliation"]) is not None:
            out[iso3].extend(mentions_of(s.article_id, s.data))
    for ms in out.values():
        ms.sort(key=lambda m: (m.article_id, m.span.start))
    return out


def grown_actor(
    cluster: str,
    new: Sequence[StoredUnit],
    totals: ClusterTotals,
    index: UnitIndex,
    kb: Any,
    known: dict[str, Unit],
) -> ClusterActor:
    """A cluster's actor input from its stored totals and ``new`` units (in id order, all
    after the cluster's stored units, whose explanation lines then stay as they are);
    ``known`` holds the real ones among them as built."""
    real = [(known[s.id], s.anchor) for s in new if s.id in known]
    reps: dict[str, Unit] = {}

    def rep_of(anchor: str) -> Unit:
        if anchor not in reps:
            r = index.first_anchored(anchor, cluster)
            reps[anchor] = from_payload(r.article_id, r.data)
        return reps[anchor]

    decision_of, bearer_of = _lookups(index)
    out = ClusterActor(cluster, [u for u, _ in real], totals)
    totals.add_units(out.units, kb)
    totals.add_lines(explain(real, decision_of, bearer_of, kb, rep_of))
    for iso3, ms in sorted(_demonyms([s for s in new if s.id not in known]).items()):
        out.attach(iso3, ms)
    out.count_articles()
    return out


def _lookups(
    index: UnitIndex,
) -> tuple[Callable[[str], Decision], Callable[[str, str], Unit]]:
    """Key decisions and first bearers read from ``index``, each once."""
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

    return decision_of, bearer_of


def cluster_actor(
    cluster: str,
    stored: Iterable[StoredUnit],
    index: UnitIndex,
    kb: Any,
    links: MentionActors,
) -> ClusterActor:
    """A cluster's actor input from all its stored units (in id order), as a full
    resolution's actor pass makes it: one unit at a time, its totals, explanation lines
    and mention links (put in ``links``) made before the next unit is read from its
    payload, so a hub's units are never all made at once (``stored`` may be the index's
    rows as it reads them); its demonym units are attached after."""
    decision_of, bearer_of = _lookups(index)
    out = ClusterActor(cluster, [], ClusterTotals())
    aid = actor_id(cluster)
    first_on: dict[str, Unit] = {}  # each anchor's first unit, its representative
    articles: set[str] = set()
    demonyms: list[StoredUnit] = []
    for s in stored:
        data = json.loads(s.payload)  # not ``s.data``, which the unit would keep
        if data["affiliation"] is not None:
            demonyms.append(s)
            continue
        u = from_payload(s.article_id, data)
        first_on.setdefault(s.anchor, u)
        out.totals.add_units([u], kb)
        out.totals.add_lines(
            explain([(u, s.anchor)], decision_of, bearer_of, kb, first_on.__getitem__)
        )
        articles.add(u.article_id)
        for m in u.mentions:
            links[mention_key(m.article_id, m.span)] = aid
    for iso3, ms in sorted(_demonyms(demonyms).items()):
        out.attach(iso3, ms)
    out.totals.articles += len(articles | {m.article_id for m in out.affiliated})
    return out
