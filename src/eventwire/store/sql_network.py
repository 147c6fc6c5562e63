"""The network's edges, a mixin :class:`~eventwire.store.sql.SQLStore` inherits: the
events between actor pairs split by type, negation and modality, and the sources each
pair shares, read from the period summaries and the pair tails when they keep the
filter, else from ``events`` (each actor's degree is ``sql_degrees.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eventwire.store.base import EdgeCount, EventFilter
from eventwire.store.sql_base import _summed
from eventwire.store.sql_pair_tails import TailBounds, side_condition
from eventwire.store.sql_plans import (
    _SINCE_ONLY,
    _between,
    _kind_conditions,
    _kind_floor_plan,
    _kind_plan,
    _month_range,
    _pairs_split,
    _period_plan,
    _sides,
    _suffix_statements,
    _summary_table,
    _tail_plan,
)
from eventwire.store.sql_selection import SelectionSQL
from eventwire.store.sql_summaries import _EDGE, _PAIR, PERIOD_GRAINS

PAIR_CHUNK = 200  # (source, target) pairs in one OR: SQLite's expression depth is 1000


class NetworkSQL(SelectionSQL):
    """The network's pair edges and pair sources (see the module doc)."""

    if TYPE_CHECKING:  # provided by the other mixins of SQLStore

        def _tail_splits(
            self, bounds: TailBounds, wanted: Sequence[tuple[str, str]]
        ) -> list[tuple[str, str, str, int, str, int, int]]: ...
        def _tail_sources(
            self,
            bounds: TailBounds,
            sides: Sequence[tuple[Sequence[str], Sequence[str], str | None]],
        ) -> dict[tuple[str, str], int]: ...

    def event_edges(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        pairs: Sequence[tuple[str, str]] | None = None,
    ) -> list[EdgeCount]:
        flt = self._acled_as_types(flt)
        group = _EDGE
        if pairs is not None and among is None and _pairs_split(flt):
            rows = self._pair_splits(flt, pairs)
        else:
            rows = self._event_pair_rows(
                flt, f"{group}, {{n}}, {{sources}}", f" GROUP BY {group} ORDER BY {group}",
                among, pairs,
            )  # fmt: skip
        return [EdgeCount(r[0], r[1], r[2], bool(r[3]), r[4], int(r[5]), int(r[6])) for r in rows]

    def event_edge_rows(
        self, flt: EventFilter, pairs: Sequence[tuple[str, str]]
    ) -> list[tuple[str, str, str, int, str, int, int]]:
        flt = self._acled_as_types(flt)
        if _pairs_split(flt) and not self.remote:  # a server sums them in its own query
            return self._pair_splits(flt, pairs, summed=False)
        return [
            (e.source, e.target, e.type, e.negated, e.modality, e.events, e.sources)
            for e in self.event_edges(flt, pairs=pairs)
        ]

    def _pair_splits(
        self, flt: EventFilter, pairs: Sequence[tuple[str, str]], summed: bool = True
    ) -> list[Any]:
        """The (type, negation, modality) split of ``pairs`` under a filter of dates, kinds
        and sources up to the floor, from the index of ``event_pair_splits`` (or, with a
        minimum of sources, of ``event_pair_periods``) for each part of the period plan
        (:meth:`_pair_split_statements`); the days of the months the dates cut from
        ``events``. Rows as :meth:`event_edges` reads them, in the same order; unless
        ``summed``, each part's rows as they are read (a key in several rows)."""
        plan = _period_plan(flt, kinds=True)
        wanted = sorted(set(pairs))
        if plan is None or not wanted:
            return []
        parts, cut = plan
        kind_where, kind_args = _kind_conditions(flt)
        tails = _tail_plan(flt)
        table = "event_pair_splits"
        if flt.min_sources > 1:  # the pair periods keep each event's sources up to the floor
            table = "event_pair_periods"
            kind_where, kind_args = [*kind_where, "floor >= ?"], [*kind_args, flt.min_sources]
        statements = (
            [] if tails is not None
            else self._pair_split_statements(table, parts, kind_where, kind_args, wanted)
        )  # fmt: skip
        # the days of a cut month, through the covering date index: the events between
        # two sides of the pairs, the pairs kept below (a list of the pairs tested on
        # each of those events cost three times the read: 17 of 22 ms for a cut day of
        # the 1M-event bench store)
        sides = sorted({a for pair in wanted for a in pair})
        more, more_args = _sides(sides, sides, dodge=True) or ("", [])
        for month in cut:
            statements.append(self._selected_statement(
                flt, f"{_EDGE}, COUNT(*), SUM(source_count)",
                f"{_PAIR} AND date BETWEEN ? AND ? AND {more}", f" GROUP BY {_EDGE}",
                [*_month_range(month), *more_args],
            ))  # fmt: skip
        if tails is not None:  # dates alone: the whole periods from two tails a pair
            rows = self._tail_splits(tails, wanted)
            kept = set(wanted)
            rows += [r for r in self._all_of(statements) if (r[0], r[1]) in kept]
            return _summed(rows, 5) if summed else rows
        rows = self._summed_of(statements, 5, 2) if summed else self._all_of(statements)
        if not cut:
            return rows
        kept = set(wanted)
        return [r for r in rows if (r[0], r[1]) in kept]

    def _pair_split_statements(
        self,
        table: str,
        parts: list[tuple[int, list[str], list[Any]]],
        kind_where: list[str],
        kind_args: list[Any],
        wanted: list[tuple[str, str]],
    ) -> list[tuple[str, list[Any]]]:
        """The queries of the split rows of the ``wanted`` pairs in each part of a period
        plan (the caller sums them). In process, one per part and source actor, seeking
        its targets in the pair index: a query costs little there, and SQLite's planner
        reads a list of pairs joined as a table through a Bloom filter over the whole
        summary. On a server, one per part: the pairs given as two arrays, each pair
        sought in the index and its rows grouped (the split of the 200 pairs drawn under
        ``since=2016`` on the 1M-event bench store: 80 ms of wall clock as one join and
        grouping, 41 as one grouping per pair)."""
        statements: list[tuple[str, list[Any]]] = []
        targets: dict[str, list[str]] = {}
        for source, target in wanted:
            targets.setdefault(source, []).append(target)
        # no kind named: the whole years after ``since`` are one row a kind (migration 25)
        suffixes = not self.remote and table == "event_pair_splits" and not kind_where
        for grain, conditions, args in parts:
            if suffixes and grain == PERIOD_GRAINS[0] and conditions in _SINCE_ONLY:
                statements += _suffix_statements(conditions[0], args[0], targets)
                continue
            where = " AND ".join(["grain = ?", *conditions, *kind_where])
            if self.remote:  # each pair's rows grouped on their own (LATERAL): a
                # few dozen rows a group, where one grouping of them all sorts every row
                statements.append((
                    "SELECT x.* FROM unnest(?::text[], ?::text[]) AS w(pair_source, pair_target)"
                    f" CROSS JOIN LATERAL (SELECT {_EDGE}, SUM(events), SUM(sources) FROM {table}"
                    " WHERE source_actor = w.pair_source AND target_actor = w.pair_target"
                    f" AND {where} GROUP BY {_EDGE}) x",
                    [[p[0] for p in wanted], [p[1] for p in wanted], grain, *args, *kind_args],
                ))  # fmt: skip
                continue
            for source, among in targets.items():
                statements.append((
                    f"SELECT {_EDGE}, SUM(events), SUM(sources) FROM {table}"
                    f" WHERE source_actor = ? AND target_actor IN ({','.join('?' * len(among))})"
                    f" AND {where} GROUP BY {_EDGE}",
                    [source, *among, grain, *args, *kind_args],
                ))  # fmt: skip
        return statements

    def event_pair_sources(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        new: Sequence[str] | None = None,
    ) -> list[tuple[str, str, int]]:
        flt = self._acled_as_types(flt)
        group = "source_actor, target_actor"
        kinds = _kind_plan(flt)  # a type, negation or modality: the pair splits keep them
        # a kind and a sources floor: the pair periods keep both (each floor a row)
        floors = _kind_floor_plan(flt)
        table = "event_pair_periods" if floors else "event_pair_splits" if kinds else (
            "event_pair_floors")  # fmt: skip
        if _period_plan(flt) is not None or kinds or floors:  # a row per pair and period
            # with ``new``: the pairs from a new actor to any, and from an older one to a
            # new one (two seeks per pair of sides, not one per pair among them all)
            sides: list[tuple[Sequence[str] | None, Sequence[str] | None]] = (
                [(among, among)] if new is None or among is None
                else [(new, among), (sorted(set(among) - set(new)), new)]
            )  # fmt: skip
            # each side's whole-store pairs sought from the actors it adds, a range of
            # their pairs by source (or target) each (migration 30)
            arms: list[tuple[Sequence[str], Sequence[str], str | None]] = []
            if among is not None:
                arms = [(among, among, None)] if new is None else [
                    (new, among, "source"), (sorted(set(among) - set(new)), new, "target")]  # fmt: skip
            tails = _tail_plan(flt)
            if tails is not None and among is not None:  # dates alone: two tails a pair
                return self._tail_pair_sources(flt, tails, arms)
            statements: list[tuple[str, list[Any]]] = []
            if table == "event_pair_floors" and not (flt.since or flt.until) and new:
                for from_, to, seek in arms:
                    if not from_ or not to:
                        continue
                    cond, args = side_condition(from_, to, seek, remote=self.remote)
                    statements.append((
                        "SELECT source_actor, target_actor, SUM(sources) FROM event_pair_floors"
                        f" WHERE grain = 0 AND atleast = ? AND {cond} GROUP BY {group}",
                        [max(flt.min_sources, 1), *args],
                    ))  # fmt: skip
                sides = []  # the grain 0 literal: the side indexes are partial
            for sources, targets in sides:
                between = _sides(sources, targets, dodge=False)
                if between is None:
                    continue
                statements += self._period_statements(
                    table, flt, f"{group}, {{sources}}", f" GROUP BY {group}", *between,
                    events_extra=_sides(sources, targets, dodge=True), kinds=kinds or floors,
                    floor="atleast = ?" if table == "event_pair_floors" else "floor >= ?",
                    atleast=table == "event_pair_floors",
                ) or []  # fmt: skip
            return [(r[0], r[1], int(r[2])) for r in self._summed_of(statements, 2)]
        rows = self._event_pair_rows(
            flt, f"{group}, {{sources}}", f" GROUP BY {group} ORDER BY {group}", among, None
        )
        fresh = None if new is None else set(new)
        return [(r[0], r[1], int(r[2])) for r in rows if fresh is None or {r[0], r[1]} & fresh]

    def _tail_pair_sources(
        self,
        flt: EventFilter,
        tails: TailBounds,
        sides: Sequence[tuple[Sequence[str], Sequence[str], str | None]],
    ) -> list[tuple[str, str, int]]:
        """The sources of the pairs of ``sides`` under dates: the whole periods from two
        tails a pair (:meth:`_tail_sources`), the days of the months the dates cut from
        ``events``."""
        weight = self._tail_sources(tails, sides)
        plan = _period_plan(flt)
        statements: list[tuple[str, list[Any]]] = []
        for month in plan[1] if plan is not None else ():
            for sources, targets, _seek in sides:
                more = _sides(sources, targets, dodge=True)
                if more is not None:
                    statements.append(self._selected_statement(
                        flt, "source_actor, target_actor, SUM(source_count)",
                        f"{_PAIR} AND date BETWEEN ? AND ? AND {more[0]}",
                        " GROUP BY source_actor, target_actor",
                        [*_month_range(month), *more[1]],
                    ))  # fmt: skip
        for source, target, sources in self._all_of(statements):
            weight[(source, target)] = weight.get((source, target), 0) + int(sources)
        return [(pair[0], pair[1], weight[pair]) for pair in sorted(weight) if weight[pair]]

    def edges_summarised(self, flt: EventFilter) -> bool:
        flt = self._acled_as_types(flt)
        return _summary_table(("event_pairs",), flt) is not None or _pairs_split(flt)

    def _event_pair_rows(
        self,
        flt: EventFilter,
        columns: str,
        tail: str,
        among: Sequence[str] | None,
        pairs: Sequence[tuple[str, str]] | None,
    ) -> list[Any]:
        """Rows of the events between two different actors (two of ``among``, one of
        ``pairs``) from the pair summary when it keeps the filter, else from ``events``;
        ``columns`` writes the count and the sources as ``{n}`` and ``{sources}``."""
        if pairs is not None and len(set(pairs)) > PAIR_CHUNK:
            # in ranges of the (source, target) order, so the rows stay in that order
            wanted = sorted(set(pairs))
            return [
                row
                for i in range(0, len(wanted), PAIR_CHUNK)
                for row in self._event_pair_rows(
                    flt, columns, tail, among, wanted[i : i + PAIR_CHUNK]
                )
            ]
        between = _between(among, pairs, dodge=False)
        if between is None:
            return []
        rows = self._summary(
            ("event_pairs",),
            flt,
            columns.format(n="SUM(events)", sources="SUM(sources)"),
            tail,
            *between,
        )
        if rows is not None:
            return rows
        plan = _period_plan(flt)
        # one part and no cut month: the rows are grouped and ordered by the query itself
        single = plan is not None and len(plan[0]) == 1 and not plan[1]
        statements = self._period_statements(
            "event_pair_periods", flt, columns, tail if single else tail.split(" ORDER BY")[0],
            *between, events_extra=_between(among, pairs, dodge=True),
        )  # fmt: skip
        if statements is not None and single:
            return self._all_of(statements)
        if statements is not None:  # one group per part of the plan: summed
            width = columns.count(", ") + 1 - columns.count("{")
            return self._summed_of(statements, width, columns.count("{"))
        # on events the actors are tested, not sought: seeking a hub's rows by the actor
        # indexes reads the table row by row, where the filter's covering index does not
        # (``|| ''`` keeps both backends' planners off the actor indexes); the pairs are
        # kept here, as a long OR tested on every selected event costs more than the scan
        sides = None if pairs is None else sorted({a for pair in pairs for a in pair})
        if among is not None:
            sides = sorted(set(among) & set(sides)) if sides is not None else list(among)
        found = _between(sides, None, dodge=True)
        if found is None:  # no actor of ``among`` is a side of ``pairs``
            return []
        cond, args = found
        rows = self._selected(
            flt,
            columns.format(n="COUNT(*)", sources="SUM(source_count)"),
            f"{_PAIR} AND {cond}" if cond else _PAIR,
            tail,
            args,
        )
        if pairs is None:
            return rows
        kept = set(pairs)
        return [r for r in rows if (r[0], r[1]) in kept]
