"""The incident tables' SQL (migrations 6 and 12), as a mixin :class:`SQLStore` inherits.

``incidents`` holds one row per incident with the fields lists filter and sort on as
real columns (date, precision, type, ACLED type, killed, wounded, place, source and
outlet counts, actors) beside the JSON payload; ``incident_events`` ties each incident
to its member events (``member``) and to the statements about it (``statement``).
Both are part of the resolved picture: written with it, deleted with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.errors import NotFound
from eventwire.model import Incident, Resolution, from_dict, to_dict
from eventwire.resolve.record_file import Picked, SortedRecords
from eventwire.store.base import IncidentFilter, IncidentLine
from eventwire.store.export_lines import incident_line

INCIDENT_TABLES = ("incident_events", "incidents")
INCIDENT_ORDER = {
    "date": "date NULLS FIRST, id",
    "-date": "date DESC NULLS LAST, id DESC",
    "-sources": "source_count DESC, date DESC NULLS LAST, id DESC",
}
# by a count, an incident no report counts last either way (figures are never negative,
# so -1 and the largest integer put the uncounted after every figure), then newest
_COUNT_KEYS = {
    f"{sign}{kind}": f"COALESCE({kind}, {-1 if sign else 2147483647})"
    for kind in ("killed", "wounded", "displaced")
    for sign in ("-", "")
}
INCIDENT_ORDER.update(
    {o: f"{key} {'DESC' if o[0] == '-' else 'ASC'}, date DESC NULLS LAST, id DESC"
     for o, key in _COUNT_KEYS.items()}
)  # fmt: skip
_CHUNK = 500


def payload_json(value: Any) -> str:
    """A record as its stored JSON payload (the text every payload column holds)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _payload(inc: Incident, outlet: dict[str, str | None]) -> tuple[Incident, str]:
    """The incident as stored (its outlet count from the articles' outlets ``outlet``;
    an article with none counts as its own) and its JSON."""
    outlets = {outlet.get(a) or a for a in {ev.article_id for ev in inc.evidence}}
    inc = replace(inc, outlet_count=len(outlets))
    return inc, payload_json(to_dict(inc))


def _in_id_order(incidents: Sequence[Incident]) -> bool:
    """Whether ``incidents`` are a resolution's read back from disk (in id order), or
    some of them in that order."""
    if isinstance(incidents, Picked):
        incidents = incidents.base
    return isinstance(incidents, SortedRecords)


@dataclass
class MovedMembers:
    """What a refresh's incidents change of which events are members of which incidents:
    the incidents whose member events differ from the stored ones (new, gone, or joined
    differently: most changed rows differ in their notes only), the moved incidents each
    event is a member of now, and every event that was or is a member of one."""

    incidents: set[str] = field(default_factory=set)
    joined: dict[str, list[str]] = field(default_factory=dict)
    events: set[str] = field(default_factory=set)

    def now(self, event_id: str, stored: Sequence[str]) -> list[str]:
        """The ids of the incidents ``event_id`` is a member of after the write, in id
        order, from those it is stored as a member of (``stored``): an incident that did
        not move keeps the same member events, so only the moved ones are taken out and
        put back as they are now."""
        kept = {i for i in stored if i not in self.incidents}
        return sorted(kept.union(self.joined.get(event_id, ())))


class IncidentQueries:
    """Incident writes and reads over the dialect hooks of :class:`SQLStore`."""

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        raise NotImplementedError

    def _outlets(self, article_ids: set[str]) -> dict[str, str | None]:
        ids = sorted(article_ids)
        found: dict[str, str | None] = {}
        for k in range(0, len(ids), _CHUNK):
            part = ids[k : k + _CHUNK]
            rows = self._all(
                f"SELECT id, outlet FROM articles WHERE id IN ({','.join('?' * len(part))})", part
            )
            found.update((r[0], r[1]) for r in rows)
        return found

    def _incident_outlets(self, incidents: Sequence[Incident]) -> dict[str, str | None]:
        return self._outlets({ev.article_id for inc in incidents for ev in inc.evidence})

    def _stored_payloads(self, table: str, ids: Sequence[str]) -> dict[str, str]:
        """The stored JSON of the rows of ``table`` (events, incidents) with one of ``ids``,
        by id, read a chunk of ids at a time."""
        found: dict[str, str] = {}
        unique = sorted(set(ids))
        for k in range(0, len(unique), _CHUNK):
            part = unique[k : k + _CHUNK]
            marks = ",".join("?" * len(part))
            rows = self._all(f"SELECT id, payload FROM {table} WHERE id IN ({marks})", part)
            found.update((r[0], r[1]) for r in rows)
        return found

    def changed_incidents(self, incidents: Sequence[Incident]) -> tuple[list[Incident], list[str]]:
        """Of ``incidents`` (a whole picture's), those whose stored row differs from the
        one :meth:`_write_incidents` would write (or that are not stored), and the ids of
        the stored incidents not among them."""
        at, gone = self.changed_incident_positions(incidents)
        return [incidents[n] for n in at], gone

    def changed_incident_positions(
        self, incidents: Sequence[Incident]
    ) -> tuple[list[int], list[str]]:
        """:meth:`changed_incidents` as the positions of the changed ones in ``incidents``
        (ascending), so a caller holding them on disk need not hold them in memory. Stored
        rows are read by id a chunk at a time, so neither side is held whole as text."""
        outlet = self._incident_outlets(incidents)
        changed: list[int] = []
        now: set[str] = set()
        for k in range(0, len(incidents), _CHUNK):
            part = incidents[k : k + _CHUNK]
            stored = self._stored_payloads("incidents", [inc.id for inc in part])
            changed += [
                k + n for n, i in enumerate(part) if stored.get(i.id) != _payload(i, outlet)[1]
            ]
            now.update(inc.id for inc in part)
        gone = [r[0] for r in self._stream("SELECT id FROM incidents") if r[0] not in now]
        return changed, gone

    def _stored_members(self, incident_ids: Sequence[str]) -> dict[str, set[str]]:
        """The member events of each stored incident of ``incident_ids`` (at most a chunk),
        by incident id (through the table's key)."""
        found: dict[str, set[str]] = {}
        if incident_ids:
            marks = ",".join("?" * len(incident_ids))
            for incident_id, event_id in self._all(
                "SELECT incident_id, event_id FROM incident_events WHERE role = 'member'"
                f" AND incident_id IN ({marks})",
                list(incident_ids),
            ):
                found.setdefault(incident_id, set()).add(event_id)
        return found

    def moved_members(self, changed: Sequence[Incident], gone: Sequence[str]) -> MovedMembers:
        """Of the incidents whose rows differ from the stored ones (``changed``, a refresh's
        :meth:`changed_incidents`) and of the stored ones ``gone``, those whose member
        events moved, read a chunk at a time before they are written (see
        :class:`MovedMembers`). Only their events can be members of other incidents than
        they are stored as, so a refresh need not hold every event's incidents."""
        moved = MovedMembers()
        for k in range(0, len(changed), _CHUNK):
            part = changed[k : k + _CHUNK]
            stored = self._stored_members([inc.id for inc in part])
            for inc in part:
                was, members = stored.get(inc.id, set()), set(inc.events)
                if was != members:
                    moved.incidents.add(inc.id)
                    moved.events |= was | members
                    for event_id in members:
                        moved.joined.setdefault(event_id, []).append(inc.id)
        for k in range(0, len(gone), _CHUNK):
            ids = gone[k : k + _CHUNK]
            moved.incidents.update(ids)
            for members in self._stored_members(ids).values():
                moved.events |= members
        return moved

    def _write_incidents(self, res: Resolution, written: Sequence[Incident] | None = None) -> None:
        """Insert the resolution's incidents (or only ``written``, the others being stored
        as they are), their outlet counts taken from the articles (each row is made as it
        is inserted, never all at once)."""
        incidents = res.incidents if written is None else written
        outlet = self._incident_outlets(incidents)

        def rows() -> Iterator[tuple[Any, ...]]:
            for inc in incidents:
                inc, payload = _payload(inc, outlet)
                acled = inc.codes.get("acled") if isinstance(inc.codes.get("acled"), dict) else {}
                place = inc.location
                yield (
                    inc.id, inc.type, (acled or {}).get("event_type"), inc.source_actor,
                    inc.target_actor, inc.date, inc.date_precision, place.id if place else None,
                    place.lat if place else None, place.lon if place else None,
                    inc.counts.get("killed"), inc.counts.get("wounded"), inc.modality,
                    inc.source_count, inc.outlet_count, payload, incident_line(payload),
                )  # fmt: skip

        def links() -> Iterator[tuple[str, str, str]]:
            # sorted and once each: by incident id, then within an incident
            # a resolution's incidents read back from disk are in id order already
            ordered = (
                incidents if _in_id_order(incidents) else sorted(incidents, key=lambda i: i.id)
            )
            for inc in ordered:
                own = {(inc.id, e, "member") for e in inc.events}
                own |= {(inc.id, e, "statement") for e in inc.statements if e not in inc.events}
                yield from sorted(own)

        self._insert(
            "incidents",
            ("id", "type", "acled_type", "source_actor", "target_actor", "date", "date_precision",
             "place_id", "lat", "lon", "killed", "wounded", "modality", "source_count", "outlet_count",
             "payload", "line"),
            rows(),
        )  # fmt: skip
        self._insert("incident_events", ("incident_id", "event_id", "role"), links())

    def _incident_conditions(self, flt: IncidentFilter) -> tuple[list[str], list[Any]]:
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        for column, op, value in (
            ("source_count", ">=", flt.min_sources if flt.min_sources > 1 else None),
            ("type", "=", flt.type),
            ("date", ">=", flt.since),
            ("place_id", "=", flt.place),
            ("acled_type", "=", flt.acled),
            ("killed", ">=", flt.min_fatalities or None),
            ("modality", "=", flt.modality),
        ):
            if value is not None:
                where.append(f"{column} {op} ?")
                args.append(value)
        if flt.until:
            # the second bound is implied by the first and lets an index stop at ``until``
            # (the CSV of one month read every incident after its start: 14 -> 1 ms)
            where.append("substr(date, 1, ?) <= ? AND date <= ?")
            args += [len(flt.until), flt.until, flt.until + "\uffff"]
        for actor in (flt.actor, flt.with_actor):
            if actor:
                where.append("(source_actor = ? OR target_actor = ?)")
                args += [actor, actor]
        return where, args

    def incidents(self, flt: IncidentFilter | None = None) -> list[Incident]:
        """Incidents matching ``flt`` in its order, a page at a time (keyset ``after``, the
        last row's (date, id), in every order; or ``offset``)."""
        flt = flt or IncidentFilter()
        return [from_dict(Incident, json.loads(r[0])) for r in self._incident_rows(flt, "payload")]

    def _incident_rows(self, flt: IncidentFilter, select: str) -> list[Any]:
        """The ``select`` columns of :meth:`incidents`' rows, in its order."""
        if flt.actor and flt.limit is not None and flt.order in ("date", "-date"):
            return self._actor_page(flt, select)
        where, args = self._incident_conditions(flt)
        if flt.after is not None:
            if flt.order not in INCIDENT_ORDER:
                raise ValueError(f"a keyset page (after) needs one of {', '.join(INCIDENT_ORDER)}")
            where, args = where + [_after_sql(flt)[0]], args + _after_sql(flt)[1]
        sql = (f"SELECT {select} FROM incidents WHERE {' AND '.join(where)}"
               f" ORDER BY {INCIDENT_ORDER[flt.order]}")  # fmt: skip
        if flt.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [flt.limit, flt.offset]
        return self._all(sql, args)

    def _actor_page(self, flt: IncidentFilter, select: str) -> list[Any]:
        """A page by date of an actor's incidents: the first ``offset + limit`` of each side
        read along that side's (actor, date, id) index, the page cut from the two. Tested
        as one condition on either side, a hub's every incident was read and sorted with
        its JSON first (``act_0`` of the 1M-event bench store, 41,428 incidents: 130 ms of
        CPU for the first page of 50, 0.2 now)."""
        assert flt.actor is not None and flt.limit is not None
        where, args = self._incident_conditions(replace(flt, actor=None))
        if flt.after is not None:
            where, args = where + [_after_sql(flt)[0]], args + _after_sql(flt)[1]
        order = INCIDENT_ORDER[flt.order]
        arms = [
            f"SELECT id FROM (SELECT id FROM incidents WHERE {' AND '.join(where)} AND {side} = ?"
            f" ORDER BY {order} LIMIT ?) {side}s"
            for side in ("source_actor", "target_actor")
        ]
        depth = flt.limit + flt.offset
        return self._all(
            f"SELECT {select} FROM incidents WHERE id IN ({' UNION ALL '.join(arms)})"
            f" ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, flt.actor, depth, *args, flt.actor, depth, flt.limit, flt.offset],
        )

    def incident_lines(self, flt: IncidentFilter | None = None) -> list[IncidentLine]:
        """:meth:`incidents` as their export lines, stored with each incident (migration
        18), made from its JSON for an incident stored before."""
        rows = self._incident_rows(
            flt or IncidentFilter(),
            "id, date, line, CASE WHEN line IS NULL THEN payload END, place_id",
        )
        return [
            IncidentLine(r[0], r[1], r[2] if r[2] is not None else incident_line(r[3]), r[4])
            for r in rows
        ]

    def iter_incidents(
        self, flt: IncidentFilter | None = None, batch: int = 500
    ) -> Iterator[Incident]:
        """Every incident matching ``flt`` by date, read a page at a time."""
        base = replace(flt or IncidentFilter(), order="date", limit=batch, offset=0, after=None)
        page = self.incidents(base)
        while page:
            yield from page
            if len(page) < batch:
                return
            page = self.incidents(replace(base, after=(page[-1].date, page[-1].id)))

    def count_incidents(self, flt: IncidentFilter | None = None) -> int:
        where, args = self._incident_conditions(flt or IncidentFilter())
        return int(
            self._one(f"SELECT COUNT(*) FROM incidents WHERE {' AND '.join(where)}", args)[0]
        )

    def get_incident(self, incident_id: str) -> Incident:
        row = self._one("SELECT payload FROM incidents WHERE id = ?", (incident_id,))
        if row is None:
            raise NotFound(f"no incident {incident_id!r}")
        return from_dict(Incident, json.loads(row[0]))

    def incident_of_event(self, event_id: str) -> list[tuple[Incident, str]]:
        """The incidents an event belongs to or is a statement about, with that role."""
        rows = self._all(
            "SELECT i.payload, l.role FROM incident_events l JOIN incidents i"
            " ON i.id = l.incident_id WHERE l.event_id = ? ORDER BY i.id",
            (event_id,),
        )
        return [(from_dict(Incident, json.loads(r[0])), r[1]) for r in rows]


def _after_sql(flt: IncidentFilter) -> tuple[str, list[Any]]:
    """The condition that starts a page after the (date, id) of the last row seen. Most
    sources first, the last row's source count is read from the row itself, so one
    (date, id) cursor pages every order; a cursor whose incident a rebuild removed ends
    the listing (its source count is unknown)."""
    assert flt.after is not None
    date, last_id = flt.after
    if flt.order == "-sources" or flt.order in _COUNT_KEYS:
        newer, newer_args = _after_sql(replace(flt, order="-date"))
        key = _COUNT_KEYS.get(flt.order, "source_count")
        past = ">" if flt.order in _COUNT_KEYS and flt.order[0] != "-" else "<"
        count = f"(SELECT {key} FROM incidents s WHERE s.id = ?)"
        return (f"({key} {past} {count} OR ({key} = {count} AND {newer}))",
                [last_id, last_id, *newer_args])  # fmt: skip
    if flt.order == "-date":
        if date is None:
            return "(date IS NULL AND id < ?)", [last_id]
        return "(date < ? OR (date = ? AND id < ?) OR date IS NULL)", [date, date, last_id]
    if date is None:
        return "((date IS NULL AND id > ?) OR date IS NOT NULL)", [last_id]
    return "(date > ? OR (date = ? AND id > ?))", [date, date, last_id]
