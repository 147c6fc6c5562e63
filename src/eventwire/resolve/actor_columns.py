"""Actor clustering over columns: keys numbered once, units' keys in flat arrays.

The full actor pass (:func:`~eventwire.resolve.actors.resolve_actors`) held every unit of
the store while it clustered them: its mentions, forms and labels as objects (about
1.4 KB a unit) and its stored form as JSON (0.5 KB). Clustering reads only each unit's
keys and whether it may be a person, so :class:`ColumnKeyGraph` keeps those as arrays:
every key numbered once, each unit's key numbers in one flat array, the carriers of a
key found by one stable sort. It decides each key with the same
:func:`~eventwire.resolve.actor_keys.decide_key` as :class:`~eventwire.resolve.actor_keys.KeyGraph`,
so the clusters, their names and the order of ties are the same. The units wait on disk
(:class:`UnitSpill`) and are read back one at a time, in id order, to be added to their
cluster's totals, or by position when an explanation names one.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator, Sequence

import numpy as np

from eventwire.resolve.actor_keys import Decision, decide_key
from eventwire.resolve.actor_units import StoredUnit, Unit, from_payload
from eventwire.resolve.record_file import ReadBack, RecordFile

__all__ = ["ColumnKeyGraph", "SpilledUnits", "UnitSpill"]


class ColumnKeyGraph:
    """Units' keys and the per-key decisions, as :class:`~eventwire.resolve.actor_keys.KeyGraph`
    makes them, held as numbers: units are added in id order (:meth:`add`), then
    :meth:`index` finds each key's carriers once, and keys are decided as asked."""

    def __init__(self) -> None:
        self.names: list[str] = []  # key number -> key
        self._numbers: dict[str, int] = {}
        self._flat = array("i")  # every unit's key numbers, strongest first
        self._starts = array("q", [0])  # unit i's keys are _flat[_starts[i]:_starts[i + 1]]
        self.personish = array("b")
        self._cluster = array("i")  # key number -> its cluster's key number (-1: not decided)
        self._odd: dict[int, tuple[int, tuple[int, ...]]] = {}  # via and rivals, when not plain
        self._bearers: dict[int, dict[int, int]] = {}  # via -> cluster -> its first bearer
        self._decisions: dict[int, Decision] = {}
        self._carriers = np.zeros(0, np.int32)  # units by key number, then unit
        self._anchored = np.zeros(0, np.bool_)  # whether that unit is anchored on the key
        self._key_starts = np.zeros(1, np.int64)
        self.carried = 0

    def __len__(self) -> int:
        return len(self._starts) - 1

    def number(self, key: str) -> int:
        """The key's number (a key no unit carries is numbered when first asked about)."""
        n = self._numbers.get(key)
        if n is None:
            n = self._numbers[key] = len(self.names)
            self.names.append(key)
            self._cluster.append(-1)
        return n

    def add(self, keys: Sequence[str], personish: bool) -> None:
        """The next unit (in id order): its keys, strongest first."""
        self._flat.extend(self.number(k) for k in keys)
        self._starts.append(len(self._flat))
        self.personish.append(personish)

    def index(self) -> None:
        """Find every key's carriers, in unit order (after the last :meth:`add`)."""
        flat = np.array(self._flat, dtype=np.int32)
        starts = np.array(self._starts, dtype=np.int64)
        sizes = np.diff(starts)
        units = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
        anchored = np.zeros(len(flat), np.bool_)
        anchored[starts[:-1][sizes > 0]] = True
        order = np.argsort(flat, kind="stable")
        self._carriers, self._anchored = units[order], anchored[order]
        self._key_starts = np.searchsorted(flat[order], np.arange(len(self.names) + 1))
        self.carried = len(self.names)  # the keys units carry (later ones were only asked)

    def keys(self, i: int) -> tuple[str, ...]:
        return tuple(self.names[k] for k in self._flat[self._starts[i] : self._starts[i + 1]])

    def anchor_number(self, i: int) -> int:
        return self._flat[self._starts[i]]

    def anchor(self, i: int) -> str:
        return self.names[self.anchor_number(i)]

    def cluster_number(self, i: int) -> int:
        return self._decide(self.anchor_number(i))

    def cluster_of(self, i: int) -> str:
        return self.names[self.cluster_number(i)]

    def _carried(self, k: int) -> tuple[list[int], list[bool]]:
        if k + 1 >= len(self._key_starts):
            return [], []
        a, b = int(self._key_starts[k]), int(self._key_starts[k + 1])
        return self._carriers[a:b].tolist(), self._anchored[a:b].tolist()

    def _stronger(self, k: int) -> dict[int, int]:
        """The clusters of the units carrying key ``k`` with a stronger anchor, each with
        the first of them."""
        out: dict[int, int] = {}
        for i, anchored in zip(*self._carried(k), strict=True):
            if not anchored:  # a unit's anchor is its one strongest key
                out.setdefault(self.cluster_number(i), i)
        return out

    def _owners(self, key: str) -> list[str]:
        return sorted(self.names[c] for c in self._stronger(self.number(key)))

    def personish_anchored(self, key: str) -> bool:
        units, anchored = self._carried(self.number(key))
        return any(self.personish[i] for i, a in zip(units, anchored, strict=True) if a)

    def _decide(self, k: int) -> int:
        cluster = self._cluster[k]
        if cluster < 0:
            key = self.names[k]
            d = decide_key(key, self._owners, self.personish_anchored)
            cluster = self._cluster[k] = self.number(d.cluster)
            if d.via != key or d.rivals:
                self._odd[k] = (self.number(d.via), tuple(self.number(r) for r in d.rivals))
        return cluster

    def decide(self, key: str) -> Decision:
        k = self.number(key)
        if (made := self._decisions.get(k)) is not None:
            return made
        cluster = self._decide(k)
        via, rivals = self._odd.get(k, (k, ()))
        made = Decision(self.names[cluster], self.names[via], tuple(self.names[r] for r in rivals))
        self._decisions[k] = made  # one a key: keys are few beside units (the power law)
        return made

    def bearer(self, via: str, cluster: str) -> int:
        """The first unit through which ``via`` joins ``cluster``."""
        v = self.number(via)
        if v not in self._bearers:
            self._bearers[v] = self._stronger(v)
        return self._bearers[v][self.number(cluster)]


class UnitSpill(RecordFile):
    """Units in a temporary file, in the order added: each one's id, article and stored
    JSON (:func:`~eventwire.resolve.actor_units.to_payload`), read back in order or by
    position."""

    def add(self, uid: str, article_id: str, payload: str) -> None:
        self.append((uid, article_id, payload))

    def row(self, i: int) -> tuple[str, str, str]:
        """The ``i``-th unit's (id, article, payload)."""
        row: tuple[str, str, str] = self.get(i)
        return row

    def unit(self, i: int) -> Unit:
        _uid, article_id, payload = self.row(i)
        return from_payload(article_id, json.loads(payload))

    def rows(self) -> Iterator[tuple[str, str, str]]:
        """Every unit's (id, article, payload), in order."""
        for i in range(len(self)):
            yield self.row(i)


class SpilledUnits(ReadBack[StoredUnit]):
    """A full resolution's units as the store keeps them (:class:`StoredUnit`), made one
    at a time from the spilled units and the graph's keys and clusters, followed by
    ``extra`` (the demonym units)."""

    def __init__(
        self, spill: UnitSpill, graph: ColumnKeyGraph, extra: Sequence[StoredUnit]
    ) -> None:
        self.spill, self.graph, self.extra = spill, graph, extra

    def __len__(self) -> int:
        return len(self.spill) + len(self.extra)

    def _stored(self, i: int, row: tuple[str, str, str]) -> StoredUnit:
        uid, article_id, payload = row
        g = self.graph
        return StoredUnit(uid, article_id, g.keys(i), bool(g.personish[i]), g.cluster_of(i),
                          payload)  # fmt: skip

    def _record(self, n: int) -> StoredUnit:
        spilled = len(self.spill)
        return self.extra[n - spilled] if n >= spilled else self._stored(n, self.spill.row(n))

    def __iter__(self) -> Iterator[StoredUnit]:
        for i, row in enumerate(self.spill.rows()):
            yield self._stored(i, row)
        yield from self.extra
