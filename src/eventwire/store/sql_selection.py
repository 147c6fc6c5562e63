"""The events a filter selects, as SQL: its conditions, the statements that read the
selected events or the summary that keeps the filter, and the statements over a period
summary for a filter of dates. A mixin the event, count and network reads stand on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from eventwire.store.base import EventFilter
from eventwire.store.sql_base import SQLBase
from eventwire.store.sql_plans import (
    _kind_conditions,
    _modality_conditions,
    _month_range,
    _period_plan,
    _summary_table,
)
from eventwire.store.sql_summaries import _PAIR, NO_TYPE


class SelectionSQL(SQLBase):
    """The conditions and statements of a filter's events (see the module doc)."""

    def _selected(self, flt: EventFilter, columns: str, *more: Any) -> list[Any]:
        """The rows of :meth:`_selected_statement` (``more``: its ``extra``, ``tail`` and
        ``extra_args``)."""
        return self._all(*self._selected_statement(flt, columns, *more))

    def _selected_statement(
        self,
        flt: EventFilter,
        columns: str,
        extra: str = "",
        tail: str = "",
        extra_args: Sequence[Any] = (),
    ) -> tuple[str, list[Any]]:
        """The query of :meth:`_selected` and its arguments."""
        cond, args = self._selected_where(flt, extra, extra_args)
        return f"SELECT {columns} FROM events WHERE {cond}{tail}", args

    def _selected_where(
        self, flt: EventFilter, extra: str = "", extra_args: Sequence[Any] = ()
    ) -> tuple[str, list[Any]]:
        """The WHERE condition (and its arguments) of the events ``flt`` selects."""
        where, args = self._event_conditions(flt)
        if flt.actor:
            where.append(
                "id IN (SELECT id FROM events WHERE source_actor = ?"
                " UNION SELECT id FROM events WHERE target_actor = ?)"
            )
            args += [flt.actor, flt.actor]
        if extra:
            where.append(extra)
            args += extra_args
        return " AND ".join(where), args

    def _grouped_selection(
        self, flt: EventFilter, inner: str, columns: str, tail: str, extra: str = ""
    ) -> list[Any]:
        """``columns`` grouped by ``tail`` over the ``inner`` columns of the selected events,
        read first on their own: the planners then seek the index that serves the filter
        (fatalities, modality and dates ...) instead of walking one in the grouping's order
        over the whole table."""
        cond, args = self._selected_where(flt, extra)
        return self._all(
            f"WITH sel AS MATERIALIZED (SELECT {inner} FROM events WHERE {cond})"
            f" SELECT {columns} FROM sel{tail}",
            args,
        )

    def _summary(
        self,
        tables: Sequence[str],
        flt: EventFilter,
        columns: str,
        tail: str,
        extra: str = "",
        extra_args: Sequence[Any] = (),
    ) -> list[Any] | None:
        """Rows of the first of the summary ``tables`` that keeps every field ``flt`` names,
        or None when none does (the caller then reads ``events``)."""
        table = _summary_table(tables, flt)
        if table is None:
            return None
        where, args = self._event_conditions(flt)
        if flt.actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.actor, flt.actor]
        if extra:
            where.append(extra)
            args += extra_args
        return self._all(f"SELECT {columns} FROM {table} WHERE {' AND '.join(where)}{tail}", args)

    def _acled_as_types(self, flt: EventFilter) -> EventFilter:
        """``flt`` with its ACLED type replaced by the event types that carry it, when that
        is the same selection: every stored event of those types has that ACLED type
        (read from ``event_kinds``, a few dozen rows). The summaries without the kind
        split (the pair sums and floors) keep the type, not the ACLED type, so a filter
        of an ACLED type is then answered by more of them. The ontology codes most types
        with one ACLED type, but an assault is a battle, an attack on civilians or remote
        violence by its trigger and targets: a type whose events carry several (or none)
        keeps the filter as it is, read from the kind-split period summaries with dates
        (they keep the ACLED type since migration 21)."""
        if not flt.acled:
            return flt
        rows = self._all(
            "SELECT type, acled_type FROM event_kinds WHERE type IN"
            " (SELECT type FROM event_kinds WHERE acled_type = ?) GROUP BY type, acled_type",
            (flt.acled,),
        )
        if any(r[0] is None or r[1] != flt.acled for r in rows):
            return flt  # a type of several ACLED types: only ``events`` tells them apart
        types = sorted({r[0] for r in rows})
        if flt.types:
            types = [t for t in types if t in flt.types]
        return replace(flt, acled=None, types=tuple(types) or (NO_TYPE,))

    def _period_statements(
        self,
        table: str,
        flt: EventFilter,
        columns: str,
        group: str,
        extra: str = "",
        extra_args: Sequence[Any] = (),
        months: bool = True,
        events_extra: tuple[str, Sequence[Any]] | None = None,
        kinds: bool = False,
        floor: str = "floor >= ?",
        atleast: bool = False,
    ) -> list[tuple[str, list[Any]]] | None:
        """The queries of the rows of a period summary (``table``) for a filter of dates
        and minimum sources, one per part of the plan (the caller sums their rows), and
        of the events of the months the dates cut (unless ``months`` is false; with
        ``events_extra`` for ``extra`` there); None when the filter names anything else.
        ``columns`` writes the count and the sources as ``{n}`` and ``{sources}``. With
        ``kinds`` the filter may name a type, negation or modality (``table`` keeps
        them). ``floor`` is the condition on the minimum of sources; with ``atleast`` it
        holds for no minimum too (at least one source: ``table`` keeps a row for each).
        Read together by :meth:`_all_of`: on a server, one query."""
        plan = _period_plan(flt, kinds)
        if plan is None:
            return None
        parts, cut = plan
        summed = columns.format(n="SUM(events)", sources="SUM(sources)")
        kind_where, kind_args = _kind_conditions(flt) if kinds else ([], [])
        statements: list[tuple[str, list[Any]]] = []
        for grain, conditions, args in parts:
            where = ["grain = ?", *kind_where, *conditions]
            where_args = [grain, *kind_args, *args]
            if flt.min_sources > 1 or atleast:
                where.append(floor)
                where_args.append(max(flt.min_sources, 1))
            if extra:
                where.append(extra)
                where_args += extra_args
            statements.append(
                (f"SELECT {summed} FROM {table} WHERE {' AND '.join(where)}{group}", where_args)
            )
        more, more_args = events_extra or (extra, extra_args)
        for month in cut if months else ():  # its days, through the covering date index
            statements.append(self._selected_statement(
                flt,
                columns.format(n="COUNT(*)", sources="SUM(source_count)"),
                f"{_PAIR} AND date BETWEEN ? AND ?{' AND ' + more if more else ''}",
                group,
                [*_month_range(month), *more_args],
            ))  # fmt: skip
        return statements

    def _event_conditions(self, flt: EventFilter) -> tuple[list[str], list[Any]]:
        """SQL conditions and arguments for every field of ``flt`` except the actor."""
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        if flt.min_sources > 1:  # every stored event has a source; a count needs no scan
            where.append("source_count >= ?")
            args.append(flt.min_sources)
        if flt.type:
            where.append("type = ?")
            args.append(flt.type)
        if flt.since:
            where.append("date >= ?")
            args.append(flt.since)
        if flt.until:
            # the second bound is implied by the first and lets an index stop at ``until``
            where.append("substr(date, 1, ?) <= ? AND date <= ?")
            args += [len(flt.until), flt.until, flt.until + "\uffff"]
        if flt.place:
            where.append("place_id = ?")
            args.append(flt.place)
        if flt.bbox:
            where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            args += [flt.bbox[0], flt.bbox[2], flt.bbox[1], flt.bbox[3]]
        more, more_args = _modality_conditions(flt)
        where += more
        args += more_args
        for column, values in (("type", flt.types), ("place_id", flt.places)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                args += list(values)
        if flt.acled:
            where.append("acled_type = ?")
            args.append(flt.acled)
        if flt.min_fatalities > 0:
            where.append("killed >= ?")
            args.append(flt.min_fatalities)
        if flt.with_actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.with_actor, flt.with_actor]
        return where, args
