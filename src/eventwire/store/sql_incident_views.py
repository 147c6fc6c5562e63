"""What the whole-corpus views count: incidents, not sentences (migration 10).

A mixin :class:`~eventwire.store.sql.SQLStore` inherits (in place of
:class:`~eventwire.store.sql_incidents.IncidentQueries`, which it extends). The
timeline, the map, the totals and the actor and place indexes group the ``incidents``
table under the same conditions the incident list uses, so a bar, a circle or an index
row counts exactly the incidents the list shows for that filter. Casualties are each
incident's best-supported figure summed over incidents (never over reports).

Migration 10 adds the ``displaced`` column, two summaries (:data:`INCIDENT_SUMMARIES`:
incidents per date and kind, per place and kind) that a view reads whenever its filter
names only what the summary keeps, and ``incident_actor_totals`` (each actor's incidents
and casualties: a hub actor is a side of most incidents, too many to sum for every
index page), all filled here with every write of the incidents (a full resolution or
an incremental refresh); any other filter (an actor, sources, fatalities, a place on
the timeline) reads ``incidents`` through two covering indexes, so a narrowed view is
always exact.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventwire.model import Actor, Incident, Place, Resolution, from_dict
from eventwire.store.base import INCIDENT_GROUPS, IncidentFilter, IncidentPlace, IncidentSums
from eventwire.store.sql_incidents import IncidentQueries

_SUMS = "COUNT(*), SUM(killed), SUM(wounded), SUM(displaced), SUM(source_count)"
_CHUNK = 500  # ids per IN (...) list
# The summary tables of incidents, rewritten from ``incidents`` with every write of them:
# name -> the query filling it. Their columns carry the names of the incidents columns
# they group by, so one filter's conditions apply to either.
_KIND = "type, acled_type, modality"
INCIDENT_SUMMARIES = {
    "incident_dates": (
        f"SELECT date, date_precision, {_KIND}, {_SUMS} FROM incidents"
        f" GROUP BY date, date_precision, {_KIND}"
    ),
    "incident_place_kinds": (
        f"SELECT place_id, {_KIND}, {_SUMS} FROM incidents GROUP BY place_id, {_KIND}"
    ),
    # migration 13: per actor (either side, once when it is both), date and kind
    "incident_actor_dates": (
        f"SELECT actor_id, date, date_precision, {_KIND}, {_SUMS} FROM (SELECT source_actor"
        f" AS actor_id, date, date_precision, {_KIND}, killed, wounded, displaced,"
        " source_count FROM incidents WHERE source_actor IS NOT NULL UNION ALL SELECT"
        f" target_actor, date, date_precision, {_KIND}, killed, wounded, displaced,"
        " source_count FROM incidents WHERE"
        " target_actor IS NOT NULL AND (source_actor IS NULL OR source_actor <> target_actor))"
        f" sides GROUP BY actor_id, date, date_precision, {_KIND}"
    ),
    # migration 21: per place, date and kind, sought by ACLED type and date (its index)
    "incident_place_dates": (
        f"SELECT place_id, date, date_precision, {_KIND}, {_SUMS} FROM incidents"
        f" GROUP BY place_id, date, date_precision, {_KIND}"
    ),
}
# what each summary answers: the IncidentFilter fields it keeps, the columns it groups by
_FILTER_FIELDS = ("actor", "type", "since", "until", "place", "acled", "min_sources",
                  "min_fatalities", "modality", "with_actor")  # fmt: skip
SUMMARY_KEEPS = {
    "incident_dates": (
        frozenset({"type", "acled", "modality", "since", "until"}),
        frozenset({"date", "date_precision", "type"}),
    ),
    "incident_place_kinds": (
        frozenset({"type", "acled", "modality", "place"}),
        frozenset({"place_id", "type"}),
    ),
    # after the summaries that keep no actor: read only when the filter names one
    "incident_actor_dates": (
        frozenset({"actor", "type", "acled", "modality", "since", "until"}),
        frozenset({"date", "date_precision", "type"}),
    ),
    # about as many rows as incidents: read only when the filter names an ACLED type
    # (:data:`SUMMARY_NEEDS`), the first column of its index
    "incident_place_dates": (
        frozenset({"type", "acled", "modality", "since", "until", "place"}),
        frozenset({"place_id", "date", "date_precision", "type"}),
    ),
}
# the fields a filter must name for a summary to be read
SUMMARY_NEEDS = {"incident_place_dates": frozenset({"acled"})}
_SUMMED = "SUM(incidents), SUM(killed), SUM(wounded), SUM(displaced), SUM(sources)"


def _summary_for(flt: IncidentFilter, group: Sequence[str]) -> str | None:
    """The first summary that keeps every field ``flt`` names and every ``group`` column."""
    default = IncidentFilter()
    named = {f for f in _FILTER_FIELDS if getattr(flt, f) != getattr(default, f)}
    for table, (keeps, columns) in SUMMARY_KEEPS.items():
        needs = SUMMARY_NEEDS.get(table, frozenset())
        if named <= keeps and set(group) <= columns and needs <= named:
            return table
    return None


def _sums(key: tuple[Any, ...], row: Sequence[Any]) -> IncidentSums:
    sources = int(row[4] or 0) if len(row) > 4 else 0  # the actor totals keep none
    return IncidentSums(key, int(row[0]), int(row[1] or 0), int(row[2] or 0), int(row[3] or 0),
                        sources)  # fmt: skip


class IncidentViewsSQL(IncidentQueries):
    """Incident aggregates over the dialect hooks of :class:`SQLStore` (module doc)."""

    if TYPE_CHECKING:  # provided by SQLStore

        def _places_by_id(self, ids: Iterable[str]) -> dict[str, Place]: ...

    def _write_incidents(self, res: Resolution, written: Sequence[Incident] | None = None) -> None:
        """The incidents as :class:`IncidentQueries` writes them (every caller has just
        emptied the incident tables, or the rows of ``written``), then their displaced
        figure and each actor's totals (what migration 10 added)."""
        super()._write_incidents(res, written)
        for inc in res.incidents if written is None else written:
            displaced = inc.counts.get("displaced")
            if displaced is not None:
                self._execute(
                    "UPDATE incidents SET displaced = ? WHERE id = ?", (int(displaced), inc.id)
                )
        for table, fill in INCIDENT_SUMMARIES.items():
            self._execute(f"DELETE FROM {table}")
            self._execute(f"INSERT INTO {table} {fill}")
        self._execute("DELETE FROM incident_place_articles")
        self._insert(
            "incident_place_articles", ("place_id", "articles"), place_articles(res.incidents)
        )
        self._execute("DELETE FROM incident_actor_totals")
        self._insert(
            "incident_actor_totals", ACTOR_TOTAL_COLUMNS, actor_incident_totals(res.incidents)
        )

    def _grouped(self, flt: IncidentFilter, group: Sequence[str], extra: str = "") -> list[Any]:
        table = _summary_for(flt, group)
        if table == "incident_actor_dates":  # the actor's own rows: one side, one column
            where, args = self._incident_conditions(replace(flt, actor=None))
            where.append("actor_id = ?")
            args.append(flt.actor)
        else:
            where, args = self._incident_conditions(flt)
        if extra:
            where.append(extra)
        columns = ", ".join(group)
        tail = ""
        if group:
            order = ", ".join(f"{c} NULLS FIRST" for c in group)
            tail = f" GROUP BY {columns} ORDER BY {order}"
            columns += ", "
        sums = _SUMMED if table else _SUMS
        sql = (
            f"SELECT {columns}{sums} FROM {table or 'incidents'} WHERE {' AND '.join(where)}{tail}"
        )
        return [r for r in self._all(sql, args) if r[len(group)]]

    def count_incidents(self, flt: IncidentFilter | None = None) -> int:
        """The incidents ``flt`` selects: from a summary when one keeps its filter (the
        incident list's total under an ACLED type and dates counted 1 row in 8 of
        ``incidents`` on the 1M-event bench store, the rest read to test its type), else
        counted (:class:`IncidentQueries`)."""
        flt = flt or IncidentFilter()
        if _summary_for(flt, ()) is None:
            return super().count_incidents(flt)
        rows = self._grouped(flt, ())
        return int(rows[0][0]) if rows else 0

    def incident_sums(self, flt: IncidentFilter, by: str) -> list[IncidentSums]:
        if by not in INCIDENT_GROUPS:
            raise ValueError(f"by must be one of {', '.join(INCIDENT_GROUPS)}")
        group = INCIDENT_GROUPS[by]
        rows = self._grouped(flt, group)
        out = [_sums(tuple(r[: len(group)]), r[len(group) :]) for r in rows]
        return [s for s in out if s.incidents]  # no group of nothing (an empty "all")

    def incident_places(self, flt: IncidentFilter, by_type: bool = True) -> list[IncidentPlace]:
        group = ("place_id", "type") if by_type else ("place_id",)
        rows = self._grouped(flt, group, "place_id IS NOT NULL")
        places = self._places_by_id({r[0] for r in rows})
        out = []
        for r in rows:
            place = places.get(r[0])
            if place is None:
                continue
            s = _sums((), r[len(group) :])
            kind = r[1] if by_type else None
            out.append(IncidentPlace(place, kind, s.incidents, s.killed, s.wounded, s.displaced,
                                     s.sources))  # fmt: skip
        return out

    def incident_place_articles(self) -> dict[str, int]:
        rows = self._all("SELECT place_id, articles FROM incident_place_articles")
        return {str(r[0]): int(r[1]) for r in rows}

    def incident_actor_sums(self, actor_ids: Sequence[str]) -> list[IncidentSums]:
        found: dict[str, Sequence[Any]] = {}
        ids = list(dict.fromkeys(actor_ids))
        for k in range(0, len(ids), _CHUNK):
            part = ids[k : k + _CHUNK]
            rows = self._all(
                f"SELECT actor_id, incidents, killed, wounded, displaced FROM"
                f" incident_actor_totals WHERE actor_id IN ({','.join('?' * len(part))})",
                part,
            )
            found.update((r[0], r[1:]) for r in rows)
        return [_sums((a,), found.get(a, (0, 0, 0, 0))) for a in actor_ids]

    def incident_keys(self, flt: IncidentFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the incidents ``flt`` selects (its conditions, not its page),
        undated first, then by date and id; none decoded."""
        plain = replace(flt, order="date", limit=None, offset=0, after=None)
        return [(r[0], r[1]) for r in self._incident_rows(plain, "date, id")]

    def incident_actor_sums_under(
        self, flt: IncidentFilter, actor_ids: Sequence[str]
    ) -> list[IncidentSums]:
        """Per actor of ``actor_ids`` (in their order): the incidents ``flt`` selects that
        it is a side of (once when it is both) and their casualties and sources. A filter
        of dates and kinds alone reads each actor's rows of ``incident_actor_dates``;
        any other (an actor, a place, sources, fatalities) reads ``incidents`` by side."""
        ids = list(dict.fromkeys(actor_ids))
        found: dict[str, Sequence[Any]] = {}
        where, args = self._incident_conditions(flt)
        conds = " AND ".join(where)
        summary = flt.actor is None and _summary_for(replace(flt, actor="?"), ()) == (
            "incident_actor_dates"
        )
        for k in range(0, len(ids), _CHUNK):
            part = ids[k : k + _CHUNK]
            marks = ",".join("?" * len(part))
            if summary:
                sql = (f"SELECT actor_id, {_SUMMED} FROM incident_actor_dates WHERE {conds}"
                       f" AND actor_id IN ({marks}) GROUP BY actor_id")  # fmt: skip
                rows = self._all(sql, [*args, *part])
            else:
                sql = (
                    f"SELECT actor_id, COUNT(*), SUM(killed), SUM(wounded), SUM(displaced),"
                    f" SUM(source_count) FROM (SELECT source_actor AS actor_id, killed,"
                    f" wounded, displaced, source_count FROM incidents WHERE {conds} AND"
                    f" source_actor IN ({marks}) UNION ALL SELECT target_actor, killed,"
                    f" wounded, displaced, source_count FROM incidents WHERE {conds} AND"
                    f" target_actor IN ({marks}) AND (source_actor IS NULL OR"
                    f" source_actor <> target_actor)) sides GROUP BY actor_id"
                )
                rows = self._all(sql, [*args, *part, *args, *part])
            found.update((str(r[0]), r[1:]) for r in rows)
        return [_sums((a,), found.get(a, (0, 0, 0, 0, 0))) for a in actor_ids]

    def actors_by_incidents(self, order: str, limit: int, offset: int) -> list[Actor]:
        """Actors by their incidents (``incidents``) or the killed in them (``killed``),
        most first with a leading ``-``, then by name and id; one page."""
        if order.lstrip("-") not in ACTOR_INCIDENT_ORDERS:
            raise ValueError(f"order must be one of {', '.join(ACTOR_INCIDENT_ORDERS)}")
        column = ACTOR_INCIDENT_ORDERS[order.lstrip("-")]
        direction = "DESC" if order.startswith("-") else "ASC"
        rows = self._all(
            "SELECT a.payload FROM actors a LEFT JOIN incident_actor_totals t"
            f" ON t.actor_id = a.id ORDER BY COALESCE(t.{column}, 0) {direction}, a.name, a.id"
            " LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [from_dict(Actor, json.loads(r[0])) for r in rows]


ACTOR_INCIDENT_ORDERS = {"incidents": "incidents", "killed": "killed"}
ACTOR_TOTAL_COLUMNS = ("actor_id", "incidents", "killed", "wounded", "displaced")


def place_articles(incidents: Iterable[Incident]) -> list[tuple[str, int]]:
    """Per located place, the distinct articles whose sentences report its incidents."""
    found: dict[str, set[str]] = {}
    for inc in incidents:
        if inc.location is not None:
            found.setdefault(inc.location.id, set()).update(e.article_id for e in inc.evidence)
    return [(place_id, len(ids)) for place_id, ids in sorted(found.items())]


def actor_incident_totals(incidents: Iterable[Incident]) -> list[tuple[str, int, int, int, int]]:
    """Per actor, the incidents it is a side of (once when it is both) and their
    best-supported casualties, by actor id."""
    sums: dict[str, list[int]] = {}
    for inc in incidents:
        for actor_id in {inc.source_actor, inc.target_actor} - {None}:
            row = sums.setdefault(str(actor_id), [0, 0, 0, 0])
            row[0] += 1
            for i, kind in enumerate(("killed", "wounded", "displaced"), start=1):
                row[i] += int(inc.counts.get(kind, 0))
    return [(a, row[0], row[1], row[2], row[3]) for a, row in sorted(sums.items())]
