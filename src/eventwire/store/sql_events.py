"""Events, a mixin :class:`~eventwire.store.sql.SQLStore` inherits: a filter's events
in pages (keyset or offset, an actor's two sides merged in order), their keys and
addresses read from covering indexes, their export lines (migration 17), and the
actors and articles a filter's events name."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventwire.errors import NotFound
from eventwire.model import Event, Place, from_dict
from eventwire.store.base import EventFilter, EventLine
from eventwire.store.export_lines import event_line
from eventwire.store.sql_base import CHUNK
from eventwire.store.sql_plans import (
    _actor_types_answer,
    _kind_conditions,
    _month_range,
    _period_plan,
)
from eventwire.store.sql_selection import SelectionSQL

# EventFilter.order -> ORDER BY. Ascending puts NULL first and descending last, on both
# backends (as SQLite does by itself); each order has an index in the same placement.
ORDER_SQL = {
    "date": "date NULLS FIRST, id",
    "-date": "date DESC NULLS LAST, id DESC",
    "-sources": "source_count DESC, date DESC NULLS LAST, id DESC",
    "-killed": "killed DESC, date DESC NULLS LAST, id DESC",
    "type": "type, date DESC NULLS LAST, id DESC",
}


class EventsSQL(SelectionSQL):
    """Reads ``events`` under a filter (see the module doc)."""

    if TYPE_CHECKING:  # provided by the other mixins of SQLStore

        def event_incidents(self, event_ids: Iterable[str]) -> dict[str, list[str]]: ...

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        return [from_dict(Event, json.loads(r[0])) for r in self._event_rows(flt, "e.payload")]

    def event_lines(self, flt: EventFilter | None = None) -> list[EventLine]:
        """:meth:`events` as their export lines, stored with each event (migration 17),
        made from its JSON for an event stored before."""
        rows = self._event_rows(
            flt, "e.id, e.date, e.place_id, e.line, CASE WHEN e.line IS NULL THEN e.payload END"
        )
        return self._event_line_rows(rows)

    def _event_line_rows(self, rows: Sequence[Any]) -> list[EventLine]:
        """Rows of (id, date, place_id, line, payload when no line) as export lines: a
        line made from the payload and the event's incidents when none is stored."""
        unlined = [r[0] for r in rows if r[3] is None]
        member_of = self.event_incidents(unlined) if unlined else {}
        return [
            EventLine(r[0], r[1], r[2], _event_line(r[3], r[4], member_of.get(r[0], ())))
            for r in rows
        ]

    def event_keys(self, flt: EventFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the events ``flt`` selects, in no order: read from an index that
        covers the filter (the type and date index for a type and a month) without
        reading a row, where the keyset pages of :meth:`event_lines` walk the date index
        in their order and read every row of the dates to test the rest (the JSON Lines
        of one type and one month on the 1M-event bench store: 30.6 -> 10.1 ms of CPU
        for its events' lines on SQLite, the keys and then the lines by id)."""
        return [(r[0], r[1]) for r in self.event_addresses(flt)]

    def event_addresses(self, flt: EventFilter) -> list[tuple[str | None, str, Any]]:
        """:meth:`event_keys` with each event's address (``row_address``), what
        :meth:`event_lines_at` reads its line by; from the same index, no row read."""
        columns = f"date, id, {self.row_address}"
        if flt.actor:  # each side's (actor, date, id) index holds the keys
            return [(r[0], r[1], r[2]) for r in self._all(*self._sides_statement(flt, columns))]
        return [(r[0], r[1], r[2]) for r in self._selected(flt, columns)]

    def event_lines_at(self, addresses: Sequence[Any]) -> list[EventLine]:
        """The export lines of the events at ``addresses`` (:meth:`event_addresses`), in
        that order, as :meth:`event_lines` makes them."""
        if self.row_address == "id":
            return self.event_lines_by_id(addresses)
        found: dict[Any, EventLine] = {}
        for start in range(0, len(addresses), CHUNK):
            chunk, chunk_args = self._one_of(self.row_address, addresses[start : start + CHUNK])
            rows = self._all(
                f"SELECT {self.row_address}, id, date, place_id, line,"
                f" CASE WHEN line IS NULL THEN payload END FROM events WHERE {chunk}",
                chunk_args,
            )
            lines = self._event_line_rows([r[1:] for r in rows])
            found.update((row[0], line) for row, line in zip(rows, lines, strict=True))
        return [found[a] for a in addresses if a in found]

    def _sides_statement(self, flt: EventFilter, columns: str) -> tuple[str, list[Any]]:
        """``columns`` of the events ``flt`` selects (it names an actor) as the union of the
        events of each side: each arm seeks its side's ``(actor, date, id)`` index, which
        covers the keys and a date range, so no row is read for them (a typical actor of
        the 1M-event bench store, 2,826 events: its keys 21 -> 5 ms of SQLite, where the
        ids found were looked up row by row)."""
        where, args = self._event_conditions(flt)
        cond = " AND ".join(where)
        return (
            f"SELECT {columns} FROM events WHERE source_actor = ? AND {cond}"
            f" UNION SELECT {columns} FROM events WHERE target_actor = ? AND {cond}",
            [flt.actor, *args, flt.actor, *args],
        )

    def event_lines_by_id(self, ids: Sequence[str]) -> list[EventLine]:
        """The export lines of the events of ``ids`` in that order (unknown ids left out),
        as :meth:`event_lines` makes them."""
        found: dict[str, EventLine] = {}
        for start in range(0, len(ids), CHUNK):
            chunk, chunk_args = self._one_of("id", ids[start : start + CHUNK])
            rows = self._all(
                "SELECT id, date, place_id, line, CASE WHEN line IS NULL THEN payload END"
                f" FROM events WHERE {chunk}",
                chunk_args,
            )
            found.update((row.id, row) for row in self._event_line_rows(rows))
        return [found[i] for i in ids if i in found]

    def _event_rows(self, flt: EventFilter | None, select: str) -> list[Any]:
        """The ``select`` columns (of ``events e``) of :meth:`events`' rows, in its order."""
        flt = flt or EventFilter()
        if flt.order == "-date" and flt.after and flt.after[0] is not None and not flt.offset:
            # newest first after a dated row: the dated rows before it, found by one seek
            # of the (date, id) index (an OR with the undated rows would scan it from the
            # top), then the undated rows, which come last
            date, last_id = flt.after
            found = self._event_page(flt, select, ["(date, id) < (?, ?)"], [date, last_id])
            if flt.limit is None or len(found) < flt.limit:
                rest = None if flt.limit is None else flt.limit - len(found)
                found += self._event_page(replace(flt, limit=rest), select, ["date IS NULL"], [])
            return found
        return self._event_page(flt, select, *_keyset(flt))

    def _event_page(
        self, flt: EventFilter, select: str, after: list[str], after_args: list[Any]
    ) -> list[Any]:
        """Rows of events of ``flt`` (a page when it has a limit) that meet ``after`` too."""
        where, args = self._event_conditions(flt)
        where, args = where + after, args + after_args
        order = ORDER_SQL[flt.order]
        page, page_args = "", []
        if flt.limit is not None:
            page, page_args = " LIMIT ? OFFSET ?", [flt.limit, flt.offset]
        if flt.actor:
            # Two ordered index scans (the actor as source, as target) merged by the order:
            # a page of a hub actor's events stops early instead of sorting all of them.
            cond = " AND ".join(where)
            keys = "date, id, source_count, type, killed"
            inner = ORDER_SQL[flt.order]
            outer = ", ".join("k." + term for term in inner.split(", "))
            # each side stops at the page's end too: PostgreSQL's UNION reads both sides
            # whole before it orders them (a hub's 200,000 rows), SQLite's merges them
            side, side_args = "", []
            if flt.limit is not None:
                side, side_args = f" ORDER BY {inner} LIMIT ?", [flt.limit + flt.offset]
            sql = (
                f"SELECT {select} FROM (SELECT * FROM (SELECT {keys} FROM events"
                f" WHERE source_actor = ? AND {cond}{side}) s UNION SELECT * FROM (SELECT {keys}"
                f" FROM events WHERE target_actor = ? AND {cond}{side}) t"
                f" ORDER BY {inner}{page}) k JOIN events e ON e.id = k.id ORDER BY {outer}"
            )
            args = [flt.actor, *args, *side_args, flt.actor, *args, *side_args, *page_args]
        else:
            sql = (
                f"SELECT {select} FROM events e WHERE {' AND '.join(where)} ORDER BY {order}{page}"
            )
            args += page_args
        return self._all(sql, args)

    def get_event(self, event_id: str) -> Event:
        row = self._one("SELECT payload FROM events WHERE id = ?", (event_id,))
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        return from_dict(Event, json.loads(row[0]))

    def article_events(self, article_id: str) -> list[Event]:
        """Events with evidence in one article (through the evidence index)."""
        rows = self._all(
            "SELECT payload FROM events WHERE id IN (SELECT record_id FROM evidence"
            " WHERE kind = 'event' AND article_id = ?) ORDER BY date, id",
            (article_id,),
        )
        return [from_dict(Event, json.loads(r[0])) for r in rows]

    def event_actor_ids(self, flt: EventFilter) -> set[str]:
        """The actors of the events ``flt`` selects (either side, or the one a claim is
        attributed to). A filter of dates, kinds and sources up to the floor reads
        ``event_actor_roles`` (and the days of the months its dates cut from ``events``):
        under ``type=assault&since=2016`` on the 1M-event bench store, not the actors of
        the hundreds of thousands of events it selects. A type with no other kind reads
        ``event_actor_types`` (migration 27), a row an actor, period and type where the
        roles keep one a negation, modality, ACLED type and floor (a third of the rows
        under ``type=fight&since=2016-03-15`` at 1M)."""
        actors: set[str] = set()
        plan = _period_plan(flt, kinds=True)
        parts, cut = plan if plan is not None else ([], [""])
        kind_where, kind_args = _kind_conditions(flt)
        # a type with no other kind: one row an actor, period and type (migration 27)
        table = "event_actor_types" if _actor_types_answer(flt) else "event_actor_roles"
        arms, arms_args = [], []
        for grain, conditions, args in parts:
            where = ["grain = ?", *kind_where, *conditions]
            arms_args += [grain, *kind_args, *args]
            if flt.min_sources > 1:
                where.append("floor >= ?")
                arms_args.append(flt.min_sources)
            arms.append(f"SELECT actor_id FROM {table} WHERE {' AND '.join(where)}")
        if arms:  # each actor once, however many periods it has events in (a few arms)
            first = "SELECT DISTINCT" + arms[0][len("SELECT") :]
            actors.update(r[0] for r in self._all(" UNION ".join([first, *arms[1:]]), arms_args))
        statements = []
        sides = "source_actor, target_actor, attributed_to"
        if flt.actor and plan is None:  # each side's index finds the rows (no id sought)
            statements.append(self._sides_statement(flt, sides))
            cut = []
        for month in cut:  # every event without a plan, else the days the dates cut
            cond, args = self._selected_where(
                flt, *(("date BETWEEN ? AND ?", _month_range(month)) if month else ())
            )
            statements.append((f"SELECT {sides} FROM events WHERE {cond}", args))
        for row in self._all_of(statements):
            actors.update(a for a in row if a)
        return actors

    def event_locations(self, event_ids: Iterable[str]) -> dict[str, Place]:
        """The places of these events (as each event carries it) by event id; events
        without one are left out."""
        out: dict[str, Place] = {}
        for event_id, payload in self._by_ids("events", "id, payload", event_ids):
            location = json.loads(payload).get("location")
            if location is not None:
                out[event_id] = from_dict(Place, location)
        return out

    def event_links(self, flt: EventFilter) -> tuple[set[str], set[str]]:
        """The actors (either side, or the one a claim is attributed to) and the articles
        (of the evidence) of the events ``flt`` selects, read without decoding an event."""
        return self.event_actor_ids(flt), self.event_article_ids(flt)

    def event_article_ids(self, flt: EventFilter) -> set[str]:
        """The articles (of the evidence) of the events ``flt`` selects: the second part of
        :meth:`event_links`, what a JSON Lines download writes first (its actors are read
        after its first bytes are sent)."""
        if flt.actor:  # the ids from each side's index, no row read
            selected, args = self._sides_statement(flt, "id")
        else:
            cond, args = self._selected_where(flt)
            selected = f"SELECT id FROM events WHERE {cond}"
        return {
            r[0]
            for r in self._all(
                "SELECT DISTINCT article_id FROM evidence WHERE kind = 'event' AND record_id IN"
                f" ({selected})",
                args,
            )
        }


def _event_line(line: str | None, payload: str | None, incidents: Sequence[str]) -> str:
    """An event's stored export line, or the line made from its stored JSON and the
    ``incidents`` it is a member of."""
    if line is not None:
        return line
    return event_line(from_dict(Event, json.loads(payload or "{}")), incidents)


def _keyset(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The condition that starts a page after the (date, id) of the last row seen."""
    if flt.after is None:
        return [], []
    date, last_id = flt.after
    if flt.order == "-date":  # date DESC, id DESC; undated rows come last
        if date is None:
            return ["(date IS NULL AND id < ?)"], [last_id]
        return ["(date < ? OR (date = ? AND id < ?) OR date IS NULL)"], [date, date, last_id]
    if date is None:  # date, id; undated rows come first
        return ["((date IS NULL AND id > ?) OR date IS NOT NULL)"], [last_id]
    # a row value: one seek of the (date, id) index on both backends
    return ["(date, id) > (?, ?)"], [date, last_id]
