"""The incidents of events, a mixin :class:`~eventwire.store.sql.SQLStore`
inherits: the incidents each event is a member of, the incidents of a filter's events
(read through the event ids, no event decoded), and incidents and their export lines
by id, in the order asked (what a download carries)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from eventwire.model import Incident, from_dict
from eventwire.store.base import EventFilter, IncidentLine
from eventwire.store.export_lines import incident_line
from eventwire.store.sql_base import CHUNK
from eventwire.store.sql_selection import SelectionSQL


class EventIncidentsSQL(SelectionSQL):
    """Reads ``incidents`` and ``incident_events`` by event (see the module doc)."""

    def event_incidents(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """The ids of the incidents each of ``event_ids`` is a member of, in id order, by
        event id (events of none left out)."""
        found: dict[str, list[str]] = {}
        wanted = sorted(set(event_ids))
        for start in range(0, len(wanted), CHUNK):
            chunk, chunk_args = self._one_of("event_id", wanted[start : start + CHUNK])
            for event_id, incident_id in self._all(
                f"SELECT event_id, incident_id FROM incident_events WHERE role = 'member'"
                f" AND {chunk} ORDER BY event_id, incident_id",
                chunk_args,
            ):
                found.setdefault(event_id, []).append(incident_id)
        return found

    def incidents_of_events(self, flt: EventFilter) -> list[Incident]:
        """The incidents one of the events ``flt`` selects is a member of, by id (read
        through the event ids: no event is decoded)."""
        cond, args = self._selected_where(flt)
        rows = self._all(
            "SELECT payload FROM incidents WHERE id IN (SELECT l.incident_id FROM"
            " incident_events l WHERE l.role = 'member' AND l.event_id IN"
            f" (SELECT id FROM events WHERE {cond})) ORDER BY id",
            args,
        )
        return [from_dict(Incident, json.loads(r[0])) for r in rows]

    def incident_keys_of_events(self, flt: EventFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the incidents one of the events ``flt`` selects is a member of,
        undated first, then by date and id (no incident is decoded)."""
        cond, args = self._selected_where(flt)
        rows = self._all(
            "SELECT date, id FROM incidents WHERE id IN (SELECT l.incident_id FROM"
            " incident_events l WHERE l.role = 'member' AND l.event_id IN"
            f" (SELECT id FROM events WHERE {cond})) ORDER BY date NULLS FIRST, id",
            args,
        )
        return [(r[0], r[1]) for r in rows]

    def incidents_by_id(self, ids: Sequence[str]) -> list[Incident]:
        """The incidents of ``ids`` in that order (unknown ids left out)."""
        found: dict[str, Incident] = {}
        for start in range(0, len(ids), CHUNK):
            chunk, chunk_args = self._one_of("id", ids[start : start + CHUNK])
            for row in self._all(f"SELECT id, payload FROM incidents WHERE {chunk}", chunk_args):
                found[row[0]] = from_dict(Incident, json.loads(row[1]))
        return [found[i] for i in ids if i in found]

    def incident_lines_by_id(self, ids: Sequence[str]) -> list[IncidentLine]:
        """The export lines of :meth:`incidents_by_id`, in the same order: stored with each
        incident, made from its JSON for an incident stored before (migration 18)."""
        found: dict[str, IncidentLine] = {}
        for start in range(0, len(ids), CHUNK):
            chunk, chunk_args = self._one_of("id", ids[start : start + CHUNK])
            for row in self._all(
                "SELECT id, date, line, CASE WHEN line IS NULL THEN payload END, place_id"
                f" FROM incidents WHERE {chunk}",
                chunk_args,
            ):
                line = row[2] if row[2] is not None else incident_line(row[3])
                found[row[0]] = IncidentLine(row[0], row[1], line, row[4])
        return [found[i] for i in ids if i in found]
