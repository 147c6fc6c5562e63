"""The stored event mentions (migration 23) and a refresh's partial write of the picture.

A full resolution writes every kept event mention with its grouping key and event (with
its picture, in one transaction). A refresh regroups only the keys its batch touches
(:mod:`eventwire.resolve.event_mentions`) and writes what that changed: the events of
those keys whose JSON differs from the stored one replace it (with their evidence), the
kept events' export lines are rewritten only where the incidents they are a member of
changed, and the mention rows of those keys are replaced. Of the incidents (still joined
over the whole store), only those whose stored row differs are written. Relations,
quotes, statistics, places and the summaries are still rewritten whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from eventwire.model import Incident, Resolution, to_dict
from eventwire.resolve.event_mentions import EventsChange, MentionRow
from eventwire.resolve.record_file import Picked
from eventwire.store.export_lines import event_line
from eventwire.store.sql_incidents import MovedMembers, payload_json
from eventwire.store.sql_units import _chunks

_CHUNK = 500  # events compared with their stored JSON at a time

MENTION_COLUMNS = ("article_id", "seq", "trigger_start", "type", "group_key", "event_id")
# the picture tables a refresh rewrites whole besides the events and incidents
WHOLE_TABLES = ("relations", "quotes", "statistics", "places")


def _values(r: MentionRow) -> tuple[Any, ...]:
    return (r.article_id, r.seq, r.trigger_start, r.type, r.key, r.event_id)


class EventMentionsSQL:
    """Event mention rows for :class:`~eventwire.store.sql.SQLStore` (see the module doc)."""

    if TYPE_CHECKING:

        def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any: ...
        def _insert(
            self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
        ) -> None: ...
        def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]: ...
        def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]: ...
        def _state(self, name: str) -> str: ...
        def _set_state(self, name: str, value: str) -> None: ...
        def _write_resolution(
            self,
            res: Resolution,
            summaries: bool = True,
            member_of: Mapping[str, Sequence[str]] | None = None,
        ) -> None: ...
        def _write_incidents(
            self, res: Resolution, written: Sequence[Incident] | None = None
        ) -> None: ...
        def changed_incident_positions(
            self, incidents: Sequence[Incident]
        ) -> tuple[list[int], list[str]]: ...
        def _stored_payloads(self, table: str, ids: Sequence[str]) -> dict[str, str]: ...
        def moved_members(
            self, changed: Sequence[Incident], gone: Sequence[str]
        ) -> MovedMembers: ...
        def event_incidents(self, event_ids: Iterable[str]) -> dict[str, list[str]]: ...

    def event_mentions_generation(self) -> int:
        """The picture generation the stored event mentions reflect (-1: none)."""
        return int(self._state("event_mentions") or -1)

    def _replace_event_mentions(
        self, rows: Iterable[MentionRow] | None, generation: int | None
    ) -> None:
        """Store a full resolution's event mentions as of the picture ``generation``
        (None for either: no rows of this picture are stored)."""
        self._execute("DELETE FROM event_mentions")
        if rows is not None and generation is not None:
            self._insert("event_mentions", MENTION_COLUMNS, (_values(r) for r in rows))
            self._set_state("event_mentions", str(generation))
        else:
            self._set_state("event_mentions", "-1")

    # MentionIndex -------------------------------------------------------------------
    def _distinct_of(self, column: str, by: str, values: Iterable[str]) -> set[str]:
        """The distinct ``column`` of the stored mentions whose ``by`` is one of ``values``
        (read through the table's key or its ``group_key`` index)."""
        found: set[str] = set()
        for chunk, marks in _chunks(sorted(set(values))):
            sql = f"SELECT DISTINCT {column} FROM event_mentions WHERE {by} IN ({marks})"
            found.update(r[0] for r in self._all(sql, chunk))
        return found

    def event_mention_keys(self, article_ids: Sequence[str]) -> set[str]:
        return self._distinct_of("group_key", "article_id", article_ids)

    def event_ids_of_keys(self, keys: Iterable[str]) -> set[str]:
        return self._distinct_of("event_id", "group_key", keys)

    def event_mention_links(self) -> Iterator[tuple[str, int, int, str, str, str]]:
        for r in self._stream(
            "SELECT article_id, seq, trigger_start, type, group_key, event_id FROM event_mentions"
        ):
            yield (r[0], int(r[1]), int(r[2]), r[3], r[4], r[5])

    def mention_links(self, actor_ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk, marks in _chunks(sorted(set(actor_ids))):
            found.update(
                (r[0], r[1])
                for r in self._all(
                    f"SELECT mention, actor_id FROM mention_actor WHERE actor_id IN ({marks})",
                    chunk,
                )
            )
        return found

    # the partial write --------------------------------------------------------------
    def update_rest(self, resolution: Resolution, change: EventsChange, generation: int) -> None:
        """Store a refresh's picture past the actors: the events ``change`` removed and
        added (those added as they are stored keep their rows), the kept events' lines
        where their incidents changed, the mention rows of the regrouped keys, the
        incidents whose rows differ from the stored ones (and the removal of those gone);
        relations, quotes, statistics, places (and the summaries) whole.
        ``resolution.events`` holds every event now.

        Which incidents an event is a member of is read from the store only for the
        events written and those of the incidents whose member events moved
        (:meth:`moved_members`): an event of no such incident keeps its line."""
        # only the incidents whose rows differ are written, read back as they are (a
        # batch may change the notes of most)
        at, gone = self.changed_incident_positions(resolution.incidents)
        incidents = Picked(resolution.incidents, at)
        moved = self.moved_members(incidents, gone)
        # of the regrouped keys' events, those stored with the same JSON keep their rows
        # (compared a chunk at a time: they may be most events of the store)
        added, at = change.added, []
        kept: set[str] = set()
        written: set[str] = set()
        for k in range(0, len(added), _CHUNK):
            part = added[k : k + _CHUNK]
            stored = self._stored_payloads("events", [e.id for e in part])
            for n, e in enumerate(part):
                if stored.get(e.id) != payload_json(to_dict(e)):
                    at.append(k + n)
                    written.add(e.id)
                else:
                    kept.add(e.id)
        kept -= written
        fresh = Picked(added, at)  # read back as they are written
        # the incidents of the events whose lines are made or may change, as stored
        # (before the moved incidents' links are deleted) and as they will be
        before = self.event_incidents(moved.events | written)
        member_of = {e: moved.now(e, before.get(e, ())) for e in written}
        for chunk, marks in _chunks(sorted(change.removed - kept)):
            self._execute(f"DELETE FROM events WHERE id IN ({marks})", chunk)
            self._execute(
                f"DELETE FROM evidence WHERE kind = 'event' AND record_id IN ({marks})", chunk
            )
        self._execute("DELETE FROM evidence WHERE kind <> 'event'")
        for table in WHOLE_TABLES:
            self._execute(f"DELETE FROM {table}")
        for chunk, marks in _chunks(sorted({i.id for i in incidents} | set(gone))):
            self._execute(f"DELETE FROM incident_events WHERE incident_id IN ({marks})", chunk)
            self._execute(f"DELETE FROM incidents WHERE id IN ({marks})", chunk)
        self._write_resolution(
            Resolution(
                events=fresh,
                relations=resolution.relations,
                quotes=resolution.quotes,
                places=resolution.places,
                statistics=resolution.statistics,
            ),
            member_of=member_of,  # the written events' incidents
        )
        del member_of
        self._write_incidents(resolution, incidents)
        for e in resolution.events:
            if e.id in moved.events and e.id not in written:
                was = before.get(e.id, [])
                if (now := moved.now(e.id, was)) != was:
                    line = event_line(e, now)
                    self._execute("UPDATE events SET line = ? WHERE id = ?", (line, e.id))
        for chunk, marks in _chunks(sorted(change.keys)):
            self._execute(f"DELETE FROM event_mentions WHERE group_key IN ({marks})", chunk)
        self._insert("event_mentions", MENTION_COLUMNS, (_values(r) for r in change.rows))
        self._set_state("event_mentions", str(generation))
