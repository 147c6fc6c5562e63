"""The SQL of incremental resolution (migrations 8 and 11): units, their keys, key
decisions, and each cluster's running totals.

A mixin :class:`~eventwire.store.sql.SQLStore` inherits: it implements
:class:`~eventwire.resolve.incremental.UnitIndex` over the ``units``, ``unit_keys``
and ``key_decisions`` tables, and the partial picture writes an incremental refresh
makes. Every method but :meth:`UnitsSQL.replace_units` runs inside the caller's
:meth:`UnitsSQL.write_lock`, so a refresh reads and writes one consistent state.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from eventwire.knowledge.ontology import Ontology
from eventwire.model import (
    Actor,
    DocumentRecords,
    Event,
    Incident,
    Relation,
    Resolution,
    from_dict,
    to_dict,
)
from eventwire.resolve.actor_keys import Decision
from eventwire.resolve.actor_mentions import MentionActors
from eventwire.resolve.actor_totals import ClusterTotals
from eventwire.resolve.actor_units import StoredUnit
from eventwire.resolve.doc_incidents import is_town_record
from eventwire.resolve.incidents import STATE_TYPES, state_side
from eventwire.resolve.offices import office_sides
from eventwire.store.export_lines import actor_payload_record, encode_line
from eventwire.text.names import search_keys

CHUNK = 500  # ids per IN (...) list
# the picture tables a refresh rewrites whole (actors are rewritten one cluster at a time;
# the summary tables are rewritten from the events by ``write_summaries``)
REST_TABLES = ("evidence", "incident_events", "incidents", "events", "relations", "quotes",
               "statistics", "places")  # fmt: skip


UNIT_COLUMNS = "u.id, u.article_id, u.anchor, u.personish, u.cluster, u.payload"


def _as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


ACTOR_COLUMNS = ("name", "type", "country", "kb_id", "mention_count", "article_count", "payload",
                 "line")  # fmt: skip


def actor_row(a: Actor, res: Resolution) -> tuple[Any, ...]:
    """An actor's row: its id, then ACTOR_COLUMNS (the payload holds its explanation; the
    line is its export line, migration 29)."""
    payload = {**to_dict(a), "explanation": list(res.explanations.get(a.id, ()))}
    return (a.id, a.name, a.type, a.country, a.kb_id, a.mention_count, a.article_count,
            _as_json(payload), encode_line(actor_payload_record(payload)))  # fmt: skip


def actor_key_rows(actors: Iterable[Actor]) -> list[tuple[str, str]]:
    """(actor id, search key) of every name and alias of ``actors``, sorted."""
    rows = {(a.id, key) for a in actors for alias in {a.name, *a.aliases}
            for key in search_keys(alias)}  # fmt: skip
    return sorted(rows)


def evidence_rows(
    kinds: Iterable[tuple[str, Iterable[Event | Relation]]],
) -> Iterator[tuple[str, str, str, int, int]]:
    """(kind, record id, article id, char start, char end) of each record's evidence, once
    per (kind, record, article, start), made record by record as they are inserted."""
    for kind, records in kinds:
        for rec in records:
            seen: set[tuple[str, int]] = set()
            for ev in rec.evidence:
                if (ev.article_id, ev.char_start) not in seen:
                    seen.add((ev.article_id, ev.char_start))
                    yield (kind, rec.id, ev.article_id, ev.char_start, ev.char_end)


def _chunks(values: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    """``values`` in lists of at most CHUNK, each with its ``?`` marks."""
    for i in range(0, len(values), CHUNK):
        chunk = list(values[i : i + CHUNK])
        yield chunk, ",".join("?" * len(chunk))


def _unit(row: Sequence[Any]) -> StoredUnit:
    """A unit read back with its anchor as its only key (all a reader of clusters needs)."""
    return StoredUnit(row[0], row[1], (row[2],), bool(row[3]), row[4], row[5])


class UnitsSQL:
    """Units and keys for :class:`~eventwire.store.sql.SQLStore` (see the module doc)."""

    if TYPE_CHECKING:  # provided by SQLStore

        def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any: ...
        def _writing(self) -> AbstractContextManager[None]: ...
        def _insert(
            self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
        ) -> None: ...
        def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]: ...
        def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]: ...
        def _one(self, sql: str, args: Sequence[Any] = ()) -> Any: ...
        def _state(self, name: str) -> str: ...
        def _set_state(self, name: str, value: str) -> None: ...
        def _write_resolution(self, res: Resolution, summaries: bool = True) -> None: ...
        def _write_incidents(
            self, res: Resolution, written: Sequence[Incident] | None = None
        ) -> None: ...

    def write_lock(self) -> AbstractContextManager[None]:
        """A transaction holding the store-level write lock (an incremental refresh)."""
        return self._writing()

    # state --------------------------------------------------------------------------
    def units_generation(self) -> int:
        """The documents generation the stored units reflect (-1: none stored)."""
        return int(self._state("units") or -1)

    def set_picture(self, generation: int, fingerprint: str) -> None:
        """Record that the picture and the units reflect documents up to ``generation``."""
        self._set_state("picture", str(generation))
        self._set_state("fingerprint", fingerprint)
        self._set_state("units", str(generation))

    # whole sets ---------------------------------------------------------------------
    def replace_units(
        self,
        units: Sequence[StoredUnit],
        decisions: dict[str, Decision],
        generation: int,
        totals: dict[str, str] | None = None,
        fingerprint: str | None = None,
    ) -> bool:
        """Store a full resolution's units, key decisions and cluster totals (JSON of
        :class:`~eventwire.resolve.actor_totals.ClusterTotals`), as of ``generation``;
        returns whether it wrote.

        With a ``fingerprint`` they are stored before their picture (so a rebuild need
        not hold them while it resolves the rest): not the picture's until
        :meth:`adopt_units` says so, and not stored at all when a picture of later
        documents is (that rebuild's picture will not be stored either)."""
        with self._writing():
            picture = int(self._state("picture"))
            if fingerprint is not None and picture > generation:
                return False
            for table in ("unit_keys", "units", "key_decisions", "cluster_totals"):
                self._execute(f"DELETE FROM {table}")
            self.add_units(units)
            self._insert("cluster_totals", ("cluster", "payload"), sorted((totals or {}).items()))
            self._insert(
                "key_decisions",
                ("key", "cluster", "via", "rivals"),
                ((k, d.cluster, d.via, _as_json(list(d.rivals))) for k, d in decisions.items()),
            )
            ours = fingerprint is None and picture == generation
            self._set_state("units", str(generation if ours else -1))
            self._put_state(
                "units_of", "" if fingerprint is None else f"{generation}:{fingerprint}"
            )
        return True

    def adopt_units(self, generation: int, fingerprint: str) -> bool:
        """Mark the stored units as the picture's when they were stored for its documents
        generation and overrides (see :meth:`replace_units`); returns whether it did."""
        with self._writing():
            picture = (int(self._state("picture")), self._state("fingerprint"))
            stored = self._one("SELECT value FROM store_state WHERE name = 'units_of'")
            if picture != (generation, fingerprint) or (
                stored is None or stored[0] != f"{generation}:{fingerprint}"
            ):
                return False
            self._set_state("units", str(generation))
        return True

    def _put_state(self, name: str, value: str) -> None:
        """Set a ``store_state`` value, adding its row the first time."""
        self._execute(
            "INSERT INTO store_state (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    def add_units(self, units: Sequence[StoredUnit]) -> None:
        self._insert(
            "units",
            ("id", "article_id", "anchor", "personish", "cluster", "payload"),
            ((u.id, u.article_id, u.anchor, int(u.personish), u.cluster, u.payload)
             for u in units),
        )  # fmt: skip
        # rows made as they are written: a full resolution's units are read back from disk
        self._insert(
            "unit_keys",
            ("key", "unit_id", "is_anchor"),
            ((k, u.id, int(n == 0)) for u in units for n, k in enumerate(u.keys)),
        )

    # UnitIndex ----------------------------------------------------------------------
    def key_owners(self, key: str) -> list[str]:
        rows = self._all(
            "SELECT DISTINCT u.cluster FROM unit_keys k JOIN units u ON u.id = k.unit_id"
            " WHERE k.key = ? AND k.is_anchor = 0 ORDER BY u.cluster",
            (key,),
        )
        return [r[0] for r in rows]

    def personish_anchored(self, key: str) -> bool:
        row = self._one("SELECT 1 FROM units WHERE anchor = ? AND personish = 1 LIMIT 1", (key,))
        return row is not None

    def key_decision(self, key: str) -> Decision | None:
        row = self._one("SELECT cluster, via, rivals FROM key_decisions WHERE key = ?", (key,))
        return Decision(row[0], row[1], tuple(json.loads(row[2]))) if row else None

    def set_key_decision(self, key: str, decision: Decision) -> None:
        self._execute("DELETE FROM key_decisions WHERE key = ?", (key,))
        self._execute(
            "INSERT INTO key_decisions (key, cluster, via, rivals) VALUES (?, ?, ?, ?)",
            (key, decision.cluster, decision.via, _as_json(list(decision.rivals))),
        )

    def move_anchored(self, key: str, cluster: str) -> list[tuple[str, str]]:
        moved = [
            (r[0], r[1])
            for r in self._all(
                "SELECT id, cluster FROM units WHERE anchor = ? AND cluster <> ? ORDER BY id",
                (key, cluster),
            )
        ]
        if moved:
            self._execute(
                "UPDATE units SET cluster = ? WHERE anchor = ? AND cluster <> ?",
                (cluster, key, cluster),
            )
        return moved

    def set_unit_clusters(self, moves: Sequence[tuple[str, str]]) -> None:
        for uid, cluster in moves:
            self._execute("UPDATE units SET cluster = ? WHERE id = ?", (cluster, uid))

    def weak_keys(self, unit_ids: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for chunk, marks in _chunks(unit_ids):
            out.update(
                r[0]
                for r in self._all(
                    f"SELECT key FROM unit_keys WHERE is_anchor = 0 AND unit_id IN ({marks})",
                    chunk,
                )
            )
        return out

    def cluster_units(self, cluster: str) -> Iterator[StoredUnit]:
        # a hub's rows are read a batch at a time, never all at once
        for r in self._stream(
            f"SELECT {UNIT_COLUMNS} FROM units u WHERE cluster = ? ORDER BY id", (cluster,)
        ):
            yield _unit(r)

    def key_bearer(self, key: str, cluster: str) -> StoredUnit:
        return _unit(
            self._one(
                f"SELECT {UNIT_COLUMNS} FROM unit_keys k JOIN units u ON u.id = k.unit_id"
                " WHERE k.key = ? AND k.is_anchor = 0 AND u.cluster = ? ORDER BY u.id LIMIT 1",
                (key, cluster),
            )
        )

    def first_anchored(self, key: str, cluster: str) -> StoredUnit:
        return _unit(
            self._one(
                f"SELECT {UNIT_COLUMNS} FROM units u WHERE anchor = ? AND cluster = ?"
                " ORDER BY id LIMIT 1",
                (key, cluster),
            )
        )

    def unit_clusters(self, unit_ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk, marks in _chunks(unit_ids):
            out.update(self._all(f"SELECT id, cluster FROM units WHERE id IN ({marks})", chunk))
        return out

    def cluster_totals(self, clusters: Sequence[str]) -> dict[str, ClusterTotals]:
        out: dict[str, ClusterTotals] = {}
        for chunk, marks in _chunks(clusters):
            for cluster, payload in self._all(
                f"SELECT cluster, payload FROM cluster_totals WHERE cluster IN ({marks})", chunk
            ):
                out[cluster] = ClusterTotals.from_json(payload)
        return out

    def set_cluster_totals(self, totals: dict[str, str | None]) -> None:
        """Store each cluster's totals (JSON), or drop them (None)."""
        for chunk, marks in _chunks(sorted(totals)):
            self._execute(f"DELETE FROM cluster_totals WHERE cluster IN ({marks})", chunk)
        self._insert(
            "cluster_totals",
            ("cluster", "payload"),
            [(c, t) for c, t in sorted(totals.items()) if t is not None],
        )

    # picture pieces -----------------------------------------------------------------
    def iter_new_document_records(self, after: int, upto: int) -> Iterator[DocumentRecords]:
        """Stored records of documents generations ``after`` < g <= ``upto``, by article id."""
        for row in self._stream(
            "SELECT payload FROM doc_records WHERE seq > ? AND seq <= ? ORDER BY article_id",
            (after, upto),
        ):
            yield from_dict(DocumentRecords, json.loads(row[0]))

    def iter_event_records(self, upto: int) -> Iterator[DocumentRecords]:
        """Stored records of documents generations <= ``upto`` by article id, with their
        events, relation statements and quotes only (what ``resolve_rest`` reads): the
        mentions and places, the bulk of a record, are not decoded, but for the towns it
        names (an incident's fallback place, ``doc_incidents.only_town``)."""
        for row in self._stream(
            "SELECT payload FROM doc_records WHERE seq <= ? ORDER BY article_id", (upto,)
        ):
            data = json.loads(row[0])
            data.pop("mentions", None)
            data["places"] = [p for p in data.pop("places", None) or () if is_town_record(p)]
            yield from_dict(DocumentRecords, data)

    def mention_actors(self) -> Mapping[str, str]:
        """The whole mention -> actor map of the stored picture."""
        # every mention of the store: held as columns, not a dict of key strings
        rows = self._stream("SELECT mention, actor_id FROM mention_actor")
        return MentionActors((r[0], r[1]) for r in rows)

    def state_sides(self, onto: Ontology) -> dict[str, str]:
        """The stored actors that count as one side of an incident with their state
        (:func:`~eventwire.resolve.incidents.state_sides` over the stored actors)."""
        marks = ",".join("?" * len(STATE_TYPES))
        rows = self._all(
            f"SELECT id, country FROM actors WHERE type IN ({marks})"
            " AND country IS NOT NULL AND country <> ''",
            STATE_TYPES,
        )
        sides = {r[0]: state_side(r[1]) for r in rows}
        # office holders (a head of state, an army chief) stand for their state in their
        # terms: the same rule as a full resolution's (``state_sides``); their roles come
        # from the KB, so only people linked to an entry can hold one
        people = self._all(
            "SELECT payload FROM actors WHERE type = 'person' AND kb_id IS NOT NULL ORDER BY id"
        )
        return {**office_sides((from_dict(Actor, json.loads(r[0])) for r in people), onto), **sides}

    def group_actor_ids(self) -> frozenset[str]:
        """Ids of the unnamed group actors ("police" of one country)."""
        return frozenset(r[0] for r in self._all("SELECT id FROM actors WHERE type = 'group'"))

    def replace_actors(
        self, actor_ids: Iterable[str], resolution: Resolution, keep_links: Iterable[str] = ()
    ) -> None:
        """Remove the actors ``actor_ids`` (their search keys and mention links go with
        them) and store ``resolution``'s actors, mention links and explanations; the
        actors ``keep_links`` are updated in place, keeping their mention links."""
        ids = sorted(set(actor_ids))
        keep = set(keep_links) - set(ids)
        kept = sorted(keep)
        for chunk, marks in _chunks(ids):
            for table, column in (("actor_keys", "actor_id"), ("mention_actor", "actor_id"),
                                  ("actors", "id")):  # fmt: skip
                self._execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)
        for chunk, marks in _chunks(kept):  # their rows are updated: links cascade
            self._execute(f"DELETE FROM actor_keys WHERE actor_id IN ({marks})", chunk)
        updated = [a for a in resolution.actors if a.id in keep]
        sets = ", ".join(f"{c} = ?" for c in ACTOR_COLUMNS)
        for a in updated:
            row = actor_row(a, resolution)
            self._execute(f"UPDATE actors SET {sets} WHERE id = ?", (*row[1:], row[0]))
        self._insert("actor_keys", ("actor_id", "key"), actor_key_rows(updated))
        self._write_resolution(
            Resolution(
                actors=tuple(a for a in resolution.actors if a.id not in keep),
                mention_actor=resolution.mention_actor,
                explanations=resolution.explanations,
            ),
            summaries=False,
        )

    def replace_rest(self, resolution: Resolution) -> None:
        """Replace events, incidents, relations, quotes, statistics and places (and their
        evidence and the summaries of events) whole."""
        for table in REST_TABLES:
            self._execute(f"DELETE FROM {table}")
        self._write_resolution(
            Resolution(
                events=resolution.events,
                relations=resolution.relations,
                quotes=resolution.quotes,
                places=resolution.places,
                statistics=resolution.statistics,
                incidents=resolution.incidents,  # the events' lines name theirs
            )
        )
        self._write_incidents(resolution)
