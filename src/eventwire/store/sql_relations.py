"""Relations, a mixin :class:`~eventwire.store.sql.SQLStore` inherits: an actor's
relations, those among a set of actors (found through the actor indexes), their export
lines (migration 16), the period rule a filter of dates applies to them, and the
network's relation edges and degrees."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from eventwire.model import Relation, from_dict
from eventwire.store.base import EdgeCount, EventFilter
from eventwire.store.export_lines import encode_line, relation_payload_record
from eventwire.store.sql_base import SQLBase
from eventwire.store.sql_pair_tails import side_condition
from eventwire.store.sql_plans import _between
from eventwire.store.sql_summaries import _RELATION_SOURCES

AMONG_LIMIT = 5000  # ids in one IN (...) list of both sides (twice as many arguments)


class RelationsSQL(SQLBase):
    """Reads ``relations`` and ``relation_actor_sums`` (see the module doc)."""

    def relations(self, actor: str | None = None) -> list[Relation]:
        return [from_dict(Relation, p) for p in self.relation_payloads(actor)]

    def relation_payloads(self, actor: str | None = None) -> list[dict[str, Any]]:
        """The stored JSON of :meth:`relations`, decoded but not built into records (an
        exporter that writes JSON reads these)."""
        if actor:
            rows = self._all(
                "SELECT payload FROM relations WHERE source_actor = ? OR target_actor = ?"
                " ORDER BY source_count DESC, id",
                (actor, actor),
            )
        else:
            rows = self._all("SELECT payload FROM relations ORDER BY source_count DESC, id")
        return [json.loads(r[0]) for r in rows]

    def actor_relations(
        self, actor_id: str, per_kind: int
    ) -> tuple[list[Relation], list[tuple[str, bool, str, int]]]:
        # a hub is a side of thousands of relations: their kinds are counted from the
        # columns, and only the payloads shown are decoded
        side, args = "(source_actor = ? OR target_actor = ?)", [actor_id, actor_id]
        kinds = self._all(
            f"SELECT type, negated, modality, COUNT(*) FROM relations WHERE {side}"
            " GROUP BY type, negated, modality ORDER BY type, negated, modality",
            args,
        )
        rows = self._all(
            "SELECT payload FROM (SELECT payload, source_count, id, ROW_NUMBER() OVER"
            " (PARTITION BY type, negated, modality ORDER BY source_count DESC, id) AS n"
            f" FROM relations WHERE {side}) r WHERE n <= ? ORDER BY source_count DESC, id",
            [*args, max(0, per_kind)],
        )
        return (
            [from_dict(Relation, json.loads(r[0])) for r in rows],
            [(str(t), bool(neg), str(m), int(n)) for t, neg, m, n in kinds],
        )

    def relations_among(
        self, actor_ids: Iterable[str], *, since: str | None = None, until: str | None = None
    ) -> list[Relation]:
        """Relations whose two sides are both of ``actor_ids``, most sources first: found
        through the actor index, so a hub's thousands of other relations are never read.
        With ``since`` or ``until``, those the network's period rule keeps
        (:meth:`_relation_period`)."""
        found = self.relation_payloads_among(actor_ids, since=since, until=until)
        return [from_dict(Relation, p) for p in found]

    def relation_lines(self, actor: str | None = None, min_sources: int = 1) -> list[str]:
        """The export lines of :meth:`relation_payloads` with at least ``min_sources``
        sources, in the same order: stored with each relation, made from its JSON for a
        relation stored before lines were (migration 16)."""
        where = "source_count >= ?"
        args: list[Any] = [min_sources]
        if actor:
            where += " AND (source_actor = ? OR target_actor = ?)"
            args += [actor, actor]
        return self._lines(where, args)

    def relation_lines_among(
        self,
        actor_ids: Iterable[str],
        min_sources: int = 1,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> list[str]:
        """The export lines of :meth:`relation_payloads_among` with at least
        ``min_sources`` sources, in the same order."""
        return list(
            self.iter_relation_lines_among(actor_ids, min_sources, since=since, until=until)
        )

    def iter_relation_lines_among(
        self,
        actor_ids: Iterable[str],
        min_sources: int = 1,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> Iterator[str]:
        """:meth:`relation_lines_among`, fetched a batch at a time as they are read (a
        busy actor's download: 14,296 relations at 1M, never held at once)."""
        ids = sorted(set(actor_ids))
        period, period_args = self._relation_period(since, until)
        if len(ids) > AMONG_LIMIT:  # a long list costs more than reading every relation
            wanted = set(ids)
            rows = self._stream(
                "SELECT source_actor, target_actor, line, CASE WHEN line IS NULL THEN payload END"
                f" FROM relations WHERE {' AND '.join(['source_count >= ?', *period])}"
                " ORDER BY source_count DESC, id",
                [min_sources, *period_args],
            )
            for r in rows:
                if r[0] in wanted and r[1] in wanted:
                    yield _line(r[2], r[3])
            return
        if not ids:
            return
        among, among_args = self._among(ids)
        kept = self._kept_rows("relations", f"{among} AND source_count >= ?")
        for r in self._stream(
            "SELECT line, CASE WHEN line IS NULL THEN payload END FROM relations"
            f" WHERE {' AND '.join([kept, *period])} ORDER BY source_count DESC, id",
            [*among_args, min_sources, *period_args],
        ):
            yield _line(r[0], r[1])

    def _among(self, ids: Sequence[str]) -> tuple[str, list[Any]]:
        """The condition that both sides of a row are of ``ids``, and its arguments."""
        source, source_args = self._one_of("source_actor", ids)
        target, target_args = self._one_of("target_actor", ids)
        return f"{source} AND {target}", [*source_args, *target_args]

    def _lines(self, where: str, args: Sequence[Any]) -> list[str]:
        rows = self._all(
            "SELECT line, CASE WHEN line IS NULL THEN payload END FROM relations"
            f" WHERE {where} ORDER BY source_count DESC, id",
            args,
        )
        return [_line(r[0], r[1]) for r in rows]

    def relation_payloads_among(
        self, actor_ids: Iterable[str], *, since: str | None = None, until: str | None = None
    ) -> list[dict[str, Any]]:
        """The stored JSON of :meth:`relations_among`, decoded but not built into records."""
        ids = sorted(set(actor_ids))
        period, period_args = self._relation_period(since, until)
        if len(ids) > AMONG_LIMIT:  # a long list costs more than reading every relation
            wanted = set(ids)
            rows = self._all(
                "SELECT source_actor, target_actor, payload FROM relations"
                f" WHERE {' AND '.join(['1 = 1', *period])} ORDER BY source_count DESC, id",
                period_args,
            )
            return [json.loads(r[2]) for r in rows if r[0] in wanted and r[1] in wanted]
        if not ids:
            return []
        among, among_args = self._among(ids)
        rows = self._all(
            "SELECT payload FROM relations WHERE"
            f" {' AND '.join([self._kept_rows('relations', among), *period])}"
            " ORDER BY source_count DESC, id",
            [*among_args, *period_args],
        )
        return [json.loads(r[0]) for r in rows]

    def _relation_conditions(self, flt: EventFilter) -> tuple[list[str], list[Any]]:
        """A relation last seen before ``since`` or first seen after ``until`` is out; one
        without dates stays. Only the actor, negation, modality, sources and dates count."""
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        if flt.actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.actor, flt.actor]
        for condition, value, wanted in (
            ("negated = ?", None if flt.negated is None else int(flt.negated), True),
            ("modality = ?", flt.modality, bool(flt.modality)),
            ("source_count >= ?", flt.min_sources, flt.min_sources > 1),
        ):
            if wanted and value is not None:
                where.append(condition)
                args.append(value)
        period, period_args = self._relation_period(flt.since, flt.until)
        return [*where, *period], [*args, *period_args]

    @staticmethod
    def _relation_period(since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
        """The period rule of a relation (the network's relation edges, and what a
        download under dates carries): one last seen before ``since`` or first seen after
        ``until`` is out; one without dates stays. A date is the whole span its precision
        names, so it overlaps a bound in it: each is compared as text on the length of
        the shorter (a relation last seen in ``2019`` is not before ``since=2019-05``)."""
        where: list[str] = []
        args: list[Any] = []
        last = "COALESCE(NULLIF(last_seen, ''), NULLIF(first_seen, ''))"
        if since:
            where.append(
                f"({last} IS NULL OR substr({last}, 1, ?) >= substr(CAST(? AS TEXT), 1,"
                f" length({last})))"
            )
            args += [len(since), since]
        if until:
            # a shorter date is at most the bound cut to its length exactly when it is at
            # most the bound: the text order settles the coarser date already
            first = "NULLIF(first_seen, '')"
            where.append(f"({first} IS NULL OR substr({first}, 1, ?) <= ?)")
            args += [len(until), until]
        return where, args

    def relation_edges(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        pairs: Sequence[tuple[str, str]] | None = None,
        new: Sequence[str] | None = None,
    ) -> list[EdgeCount]:
        where, args = self._relation_conditions(flt)
        group = "source_actor, target_actor, type, negated, modality"
        if new is not None and among is not None and pairs is None:
            # a next page: from a new actor to any drawn, and from an older one to a new
            # one (page 5 of the 1M-event bench store read the 5,724 rows among its 200
            # actors for the 1,300 with a side among its 40)
            # each side sought by the actors the page adds (by source, then by target),
            # the other tested on each row: the older actors are the busiest, and their
            # relations as sources were all read to keep those to a new one (on the 1M-event
            # bench store under since=2016, 8.4 -> 2.0 ms of SQLite for that side)
            sides = [(new, among, "source"), (sorted(set(among) - set(new)), new, "target")]
            statements = []
            for sources, targets, seek in sides:
                if sources and targets:
                    cond, cond_args = side_condition(sources, targets, seek, remote=self.remote)
                    statements.append((
                        f"SELECT {group}, COUNT(*), SUM({_RELATION_SOURCES}) FROM relations"
                        f" WHERE {' AND '.join([*where, cond])} GROUP BY {group}",
                        [*args, *cond_args],
                    ))  # fmt: skip
            return [
                EdgeCount(r[0], r[1], r[2], bool(r[3]), r[4], int(r[5]), int(r[6]))
                for r in sorted(self._all_of(statements))
            ]
        between = _between(among, pairs, dodge=False)
        if between is None:
            return []
        if between[0]:
            where.append(between[0])
            args += between[1]
        rows = self._all(
            f"SELECT {group}, COUNT(*), SUM({_RELATION_SOURCES})"
            f" FROM relations WHERE {' AND '.join(where)} GROUP BY {group} ORDER BY {group}",
            args,
        )
        return [EdgeCount(r[0], r[1], r[2], bool(r[3]), r[4], int(r[5]), int(r[6])) for r in rows]

    def relation_degrees(self, flt: EventFilter) -> list[tuple[str, int]]:
        rows = self._all(*self._relation_degree_statement(flt))
        return [(r[0], int(r[1])) for r in rows]

    def _relation_degree_statement(self, flt: EventFilter) -> tuple[str, list[Any]]:
        """The query of :meth:`relation_degrees` and its arguments."""
        where, args = self._relation_conditions(flt)
        cond = " AND ".join(where)
        if not flt.actor:  # every condition is on a column each actor's sums keep
            return (
                f"SELECT actor_id, SUM(sources) FROM relation_actor_sums WHERE {cond}"
                " GROUP BY actor_id ORDER BY actor_id",
                args,
            )
        return (
            f"SELECT actor_id, SUM(n) FROM (SELECT source_actor AS actor_id,"
            f" {_RELATION_SOURCES} AS n FROM relations WHERE {cond} UNION ALL"
            f" SELECT target_actor, {_RELATION_SOURCES} FROM relations WHERE {cond}) d"
            " GROUP BY actor_id ORDER BY actor_id",
            [*args, *args],
        )


def _line(line: str | None, payload: str | None) -> str:
    """A relation's stored export line, or the line made from its stored JSON."""
    if line is not None:
        return line
    return encode_line(relation_payload_record(json.loads(payload or "{}")))
