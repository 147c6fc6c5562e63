"""The network's degrees, a mixin :class:`~eventwire.store.sql.SQLStore` inherits:
the sources of each actor's events (and, when asked, of its relations) under a filter,
read from the per-actor period summaries or running sums when they keep the filter, from
the pair summary for one actor's partners, else from ``events``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eventwire.store.base import EventFilter
from eventwire.store.sql_plans import (
    _kind_floor_plan,
    _kind_plan,
    _month_range,
    _period_plan,
    _running_statements,
    _split_plan,
    _summary_table,
)
from eventwire.store.sql_selection import SelectionSQL
from eventwire.store.sql_summaries import _PAIR


class DegreesSQL(SelectionSQL):
    """Each actor's degree in the network (see the module doc)."""

    if TYPE_CHECKING:  # provided by the other mixins of SQLStore

        def relation_degrees(self, flt: EventFilter) -> list[tuple[str, int]]: ...
        def _relation_degree_statement(self, flt: EventFilter) -> tuple[str, list[Any]]: ...

    def actor_degrees(self, flt: EventFilter, relations: bool) -> list[tuple[str, int]]:
        """:meth:`event_degrees`, plus :meth:`relation_degrees` when ``relations``, summed
        by actor, in actor order. On a server the two are one query where the period
        summaries answer the filter (one round trip, summed there)."""
        flt = self._acled_as_types(flt)
        statements = self._degree_statements(flt) if self.remote else None
        if statements is not None:
            if relations:
                statements.append(self._relation_degree_statement(flt))
            rows = self._summed_of(statements, 1)
            return [(r[0], int(r[1])) for r in rows if int(r[1])]  # none between the bounds
        degree = dict(self.event_degrees(flt))
        for actor_id, sources in self.relation_degrees(flt) if relations else ():
            degree[actor_id] = degree.get(actor_id, 0) + sources
        return sorted(degree.items())

    def event_degrees(self, flt: EventFilter) -> list[tuple[str, int]]:
        flt = self._acled_as_types(flt)
        statements = self._degree_statements(flt)
        rows: list[Any] | None
        if statements is not None:  # summed below in process, by the server on one
            rows = self._summed_of(statements, 1) if self.remote else self._all_of(statements)
        else:
            rows = self._summary(
                ("event_degrees",), flt, "actor_id, SUM(sources)", " GROUP BY actor_id"
            )
        if rows is None and flt.actor and _summary_table(("event_pairs",), flt) is not None:
            rows = self._actor_pair_sums(flt)  # an actor's pairs are in the pair summary
        if rows is None:
            rows = self._all(*self._side_sums_statement(flt))
        degree: dict[str, int] = {}
        for actor_id, sources in rows:
            degree[actor_id] = degree.get(actor_id, 0) + int(sources)
        # an actor whose running sums are the same at both bounds has no events between
        return sorted((a, n) for a, n in degree.items() if n)

    def _actor_pair_sums(self, flt: EventFilter) -> list[tuple[str, int]]:
        """The sources each actor shares with ``flt``'s actor, and the actor's own: its
        pairs as the source grouped by their target, then as the target by their source,
        each side read once in its covering index (migration 26), where one grouping per
        side read both sides of every pair by ``source = ? OR target = ?`` from the table
        (a hub's 37,312 pairs twice: 76 -> 36 ms with the indexes covering, on the
        1M-event bench store)."""
        where, args = self._event_conditions(flt)
        rows: list[tuple[str, int]] = []
        for side, other in (("source_actor", "target_actor"), ("target_actor", "source_actor")):
            found = self._all(
                f"SELECT {other}, SUM(sources) FROM event_pairs WHERE {side} = ?"
                f" AND {' AND '.join(where)} GROUP BY {other}",
                [flt.actor, *args],
            )
            rows += [(r[0], int(r[1])) for r in found]
            rows.append((str(flt.actor), sum(int(r[1]) for r in found)))
        return rows

    def _degree_statements(self, flt: EventFilter) -> list[tuple[str, list[Any]]] | None:
        """The queries of the degrees from the period summaries and of the days of the
        months the dates cut from ``events`` (on a server, one query), or None when the
        filter names more than dates, sources and kinds."""
        if _kind_plan(flt):  # a kind with dates: each actor's sums split by kind
            plan = _split_plan(flt, kinds=True)
            statements = self._period_statements(
                "event_actor_kinds", flt, "actor_id, {sources}", " GROUP BY actor_id",
                months=False, kinds=True,
            )  # fmt: skip
        elif _kind_floor_plan(flt):  # a kind and a sources floor: each actor's sums by
            # kind from its events with at least that many (migration 24)
            plan = _period_plan(flt, kinds=True)
            statements = self._period_statements(
                "event_actor_kind_floors", flt, "actor_id, {sources}", " GROUP BY actor_id",
                months=False, kinds=True, floor="atleast = ?",
            )  # fmt: skip
        elif (plan := _period_plan(flt)) is not None and (flt.since or flt.until):
            # dates (and sources): each actor's running sums at the two bounds (migration 24)
            statements = _running_statements(flt)
        elif (plan := _split_plan(flt)) is not None:  # no sources floor: each actor's sums
            statements = self._period_statements(
                "event_actor_sums", flt, "actor_id, {sources}", " GROUP BY actor_id", months=False
            )
        elif (plan := _period_plan(flt)) is not None:  # dates and sources: each actor's
            # sources from its events with at least that many (migration 16)
            statements = self._period_statements(
                "event_actor_floors", flt, "actor_id, {sources}", " GROUP BY actor_id",
                months=False, floor="atleast = ?",
            )  # fmt: skip
        if plan is None or statements is None:
            return None
        for month in plan[1]:
            statements.append(
                self._side_sums_statement(flt, "date BETWEEN ? AND ?", _month_range(month))
            )
        return statements

    def _side_sums_statement(
        self, flt: EventFilter, extra: str = "", extra_args: Sequence[Any] = ()
    ) -> tuple[str, list[Any]]:
        """The query of (actor, sources) of both sides of the selected events (read once)
        in one grouping; ``|| ''`` keeps the planners off the actor indexes (grouped by one
        side, they walk that side's index and read the table row by row)."""
        cond, args = self._selected_where(
            flt, f"{_PAIR} AND {extra}" if extra else _PAIR, extra_args
        )
        return (
            "WITH sel AS MATERIALIZED (SELECT source_actor AS s, target_actor AS t,"
            f" source_count AS n FROM events WHERE {cond}) SELECT actor_id, SUM(n)"
            " FROM (SELECT s || '' AS actor_id, n FROM sel UNION ALL"
            " SELECT t || '', n FROM sel) d GROUP BY actor_id",
            args,
        )
