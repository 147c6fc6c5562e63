"""What the whole-store views count, a mixin :class:`~eventwire.store.sql.SQLStore`
inherits: a filter's events, per date (the timeline) and per place (the map), read from
a summary table when one keeps the filter; the places and event types by their events;
and the rows of each record kind."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwire.model import Place, from_dict
from eventwire.store.base import DateCount, EventFilter, IncidentFilter, PlaceTotals
from eventwire.store.sql_base import CHUNK
from eventwire.store.sql_selection import SelectionSQL

# the stored record kinds, each a table of its own name
RECORD_KINDS = (
    "articles",
    "mentions",
    "actors",
    "events",
    "incidents",
    "relations",
    "quotes",
    "statistics",
    "places",
)


class CountsSQL(SelectionSQL):
    """Counts events, places and records (see the module doc)."""

    if TYPE_CHECKING:  # provided by the other mixins of SQLStore

        def count_incidents(self, flt: IncidentFilter | None = None) -> int: ...

    def places(self) -> list[tuple[Place, int]]:
        rows = self._all(
            "SELECT p.payload, COALESCE(t.n, 0) AS n FROM places p LEFT JOIN"
            " (SELECT place_id, SUM(events) AS n FROM event_place_totals GROUP BY place_id) t"
            " ON t.place_id = p.id ORDER BY n DESC, p.name, p.id"
        )
        return [(from_dict(Place, json.loads(r[0])), int(r[1])) for r in rows]

    def count_events(self, flt: EventFilter) -> int:
        rows = self._summary(("event_kinds", "event_dates", "event_days"), flt, "SUM(events)", "")
        if rows is None:
            rows = self._selected(flt, "COUNT(*)")
        return int(rows[0][0] or 0)

    def event_dates(self, flt: EventFilter) -> list[DateCount]:
        tail = (
            " GROUP BY date, date_precision ORDER BY date NULLS FIRST, date_precision NULLS FIRST"
        )
        rows = self._summary(
            ("event_dates", "event_days"),
            flt,
            "date, date_precision, SUM(events), SUM(killed), SUM(wounded)",
            tail,
        )
        if rows is None:
            rows = self._grouped_selection(
                flt,
                "date, date_precision, killed, wounded",
                "date, date_precision, COUNT(*), SUM(killed), SUM(wounded)",
                tail,
            )
        return [DateCount(r[0], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0)) for r in rows]

    def event_places(self, flt: EventFilter, by_type: bool = True) -> list[PlaceTotals]:
        kind = "type" if by_type else "NULL"
        tail = " GROUP BY place_id, kind ORDER BY place_id, kind NULLS FIRST"
        rows = self._summary(
            ("event_place_totals",),
            flt,
            f"place_id, {kind} AS kind, SUM(events), SUM(killed), SUM(wounded), SUM(displaced)",
            tail,
        )
        if rows is None:
            rows = self._grouped_selection(
                flt,
                "place_id, type, killed, wounded, displaced",
                f"place_id, {kind} AS kind, COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)",
                tail,
                "place_id IS NOT NULL",
            )
        places = self._places_by_id({r[0] for r in rows})
        return [
            PlaceTotals(
                places[r[0]], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0), int(r[5] or 0)
            )
            for r in rows
            if r[0] in places
        ]

    def _places_by_id(self, ids: Iterable[str]) -> dict[str, Place]:
        out: dict[str, Place] = {}
        wanted = sorted(ids)
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self._all(f"SELECT id, payload FROM places WHERE id IN ({marks})", chunk):
                out[row[0]] = from_dict(Place, json.loads(row[1]))
        return out

    def event_types(self) -> list[tuple[str, int]]:
        rows = self._all(
            "SELECT type, SUM(events) AS n FROM event_kinds GROUP BY type ORDER BY n DESC, type"
        )
        return [(r[0], int(r[1])) for r in rows]

    def acled_types(self) -> list[tuple[str, int]]:
        rows = self._all(
            "SELECT acled_type, SUM(events) AS n FROM event_kinds WHERE acled_type IS NOT NULL"
            " GROUP BY acled_type ORDER BY n DESC, acled_type"
        )
        return [(r[0], int(r[1])) for r in rows]

    def count(self, kind: str) -> int:
        if kind not in RECORD_KINDS:
            raise ValueError(f"unknown record kind {kind!r} (known: {', '.join(RECORD_KINDS)})")
        return int(self._one(f"SELECT COUNT(*) FROM {kind}")[0])

    def stats(self) -> dict[str, int]:
        """Each record kind's rows; events and incidents summed from their summaries
        (a few dozen rows, written with them), where ``COUNT(*)`` walks a million
        events' index (PostgreSQL: 40-60 ms of the server's CPU on the 1M-event bench
        store, a cold first request over 200 ms)."""
        counted = {"events": lambda: self.count_events(EventFilter()),
                   "incidents": lambda: self.count_incidents()}  # fmt: skip
        return {kind: counted[kind]() if kind in counted else self.count(kind)
                for kind in RECORD_KINDS}  # fmt: skip
