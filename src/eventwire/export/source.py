"""What an exporter reads: the store's records, selected by :class:`Filters`, streamed.

Events (the bulk of a store) are read a page at a time and articles one row at a time,
so an export's memory stays flat however many there are. Iterating an
:class:`ExportSource` yields the export contract's records (``docs/export.md``), so a
writer written for plain records (``def write(records, out)``) works unchanged.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from eventwire.export.filters import Filters
from eventwire.export.incidents import IncidentRow, record_columns
from eventwire.export.records import (
    actor_record,
    article_record,
    event_record,
    incident_record,
    place_record,
    quote_record,
    statistic_record,
)
from eventwire.knowledge.ontology import Ontology, read_ontology
from eventwire.model import Actor, Event, Incident, Relation
from eventwire.store.base import EventFilter, Store

PAGE = 500  # events per store query
T = TypeVar("T")


class ExportSource:
    def __init__(
        self,
        store: Store,
        filters: Filters | None = None,
        progress: Callable[[int], None] | None = None,
        division: Callable[[str], str | None] | None = None,
        ontology: Ontology | None = None,
    ) -> None:
        """``progress`` is called with 1 for every event read (the bulk of any export);
        ``division`` names a first-level division by its GeoNames code (the gazetteer's
        :meth:`~eventwire.knowledge.gazetteer.Gazetteer.division_name`); ``ontology`` is
        the caller's copy (a relation's polarity), else the shipped one is read once for
        this export when a format first needs it."""
        self.store = store
        self._ontology = ontology
        self.filters = filters or Filters()
        self._progress = progress
        self._division = lru_cache(maxsize=4096)(division) if division else None
        self._actors: dict[str, Actor] | None = None

    @property
    def ontology(self) -> Ontology:
        if self._ontology is None:
            self._ontology = read_ontology()
        return self._ontology

    def _tick(self) -> None:
        if self._progress is not None:
            self._progress(1)

    # records -------------------------------------------------------------------
    def actors_by_id(self) -> dict[str, Actor]:
        if self._actors is None:
            self._actors = {a.id: a for a in self.store.actors()}
        return self._actors

    def events(self, order: str = "date") -> Iterator[Event]:
        """Selected events, one page of the store at a time: in (date, id) order, undated
        first (the export's order), or with ``order="-date"`` newest first, undated last
        (the order of the pages and of ``eventwire events``; the events of several
        matching places are then merged into that one order)."""
        streams = [
            self._filter_events(replace(flt, order=order))
            for flt in self.filters.event_filters(self.store, page=PAGE)
        ]
        if order != "-date" or len(streams) < 2:
            for stream in streams:
                yield from stream
            return
        yield from heapq.merge(*streams, key=_newest_first, reverse=True)

    def _filter_events(self, flt: EventFilter) -> Iterator[Event]:
        offset = 0
        while True:
            page = self.store.events(replace(flt, offset=offset))
            for event in page:
                self._tick()
                yield event
            if len(page) < PAGE:
                return
            offset += PAGE

    def relations(self) -> Iterator[Relation]:
        actor_id = self.filters.actor_id(self.store)
        for relation in self.store.relations(actor=actor_id):
            if self.filters.keeps_relation(relation, actor_id):
                yield relation

    def relation_records(self) -> Iterator[dict[str, Any]]:
        """The selected relations' export records, decoded from the export lines stored
        with them (no Relation decoded, no record rebuilt from the relation's JSON): the
        same dicts as ``relation_record`` of :meth:`relations`."""
        for _line, record in self._relation_lines():
            yield record

    def _relation_lines(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """The selected relations' stored export lines, each with its record decoded."""
        actor_id = self.filters.actor_id(self.store)
        for line in self.store.relation_lines(actor=actor_id):
            record = json.loads(line)
            if self.filters.keeps_relation_payload(record, actor_id):
                yield line, record

    def incident_records(self) -> Iterator[Incident]:
        """Selected incidents in (date, id) order, one keyset page of the store at a time."""
        yield from _keyset_pages(
            self.store.incidents, self.filters.incident_filters(self.store, page=PAGE)
        )

    def incident_lines(self) -> Iterator[str]:
        """The selected incidents' export lines (no newline) as stored with each, in
        :meth:`incident_records`' order, one keyset page of the store at a time."""
        flts = self.filters.incident_filters(self.store, page=PAGE)
        for row in _keyset_pages(self.store.incident_lines, flts):
            yield row.line

    def incidents(self) -> Iterator[IncidentRow]:
        """One :class:`IncidentRow` per selected incident (:meth:`incident_columns`)."""
        for columns in self.incident_columns():
            yield IncidentRow(**columns)

    def incident_columns(self) -> Iterator[dict[str, Any]]:
        """One incident row as {column: value} per selected incident, made from its stored
        export line (no :class:`Incident` decoded, no :class:`IncidentRow` made); its
        actors' names, types and countries read from their columns (those of a page's
        sides not read before, a page at a time: not every actor of the selection), and
        the outlets of a page's articles in one read."""
        actors: dict[str, Actor] = {}
        for page in _batches(self.incident_lines(), PAGE):
            records = [json.loads(line) for line in page]
            sides = {r[side] for r in records for side in ("source_actor", "target_actor")}
            unread = sorted(a for a in sides if a and a not in actors)
            if unread:
                actors.update((a.id, a) for a in self.store.actor_heads(unread))
            outlets = self.store.article_outlets(
                {ev["article_id"] for record in records for ev in record["evidence"]}
            )
            for record in records:
                yield record_columns(record, actors, outlets.get, self._division)

    def records(self) -> Iterator[dict[str, Any]]:
        """The export contract: articles, actors, events, incidents, relations, quotes,
        places, statistics.

        Filters select events and relations; the other kinds are written whole."""
        yield from self._records_before_relations()
        yield from self.relation_records()
        yield from self._records_after_relations()

    def _records_before_relations(self) -> Iterator[dict[str, Any]]:
        yield from self._records_before_events()
        for page in _batches(self.events(), PAGE):  # their incidents a page at a time
            member_of = self.store.event_incidents(e.id for e in page)
            for event in page:
                yield event_record(event, member_of.get(event.id, ()))
        for incident in self.incident_records():
            yield incident_record(incident)

    def _records_before_events(self) -> Iterator[dict[str, Any]]:
        for article in self.store.iter_articles():
            yield article_record(article)
        for actor in self.actors_by_id().values():
            yield actor_record(actor)

    def event_lines(self) -> Iterator[str]:
        """The selected events' export lines (no newline) as stored with each event, in
        :meth:`events`' order, one keyset page of the store at a time."""
        for row in _keyset_pages(
            self.store.event_lines, self.filters.event_filters(self.store, page=PAGE)
        ):
            self._tick()
            yield row.line

    def _records_after_relations(self) -> Iterator[dict[str, Any]]:
        for quote in self.store.quotes():
            yield quote_record(quote)
        yield from self._records_after_quotes()

    def _records_after_quotes(self) -> Iterator[dict[str, Any]]:
        for place, count in self.store.places():
            yield place_record(place, count)
        for statistic in self.store.statistics():
            yield statistic_record(statistic)

    def lines(self, encode: Callable[[dict[str, Any]], str]) -> Iterator[str]:
        """:meth:`records` as JSON Lines (each with its newline), ``encode`` writing a
        record. The relations' lines stored with them are copied instead of encoded again
        (with a filter, each is decoded only to test it): the same bytes, as the store
        makes them with the JSON Lines writer's encoder (``store/export_lines.py``). The
        events' lines are copied whatever the filter: the store selects the events; so are
        the incidents' lines, and the articles', actors' and quotes' (stored with each
        since migration 29; for a record stored before, made by the store from its row or
        its stored JSON with that encoder, no Article or Actor built)."""
        for line in self.store.article_lines():  # made from the rows, no Article decoded
            yield line + "\n"
        for line in self.store.actor_lines():  # made from their JSON, no Actor built
            yield line + "\n"
        for line in self.event_lines():
            yield line + "\n"
        for line in self.incident_lines():
            yield line + "\n"
        if self.filters.active:  # the kept relations' lines, decoded to be tested only
            for line, _record in self._relation_lines():
                yield line + "\n"
        else:
            for line in self.store.relation_lines():
                yield line + "\n"
        for quote in self.store.quote_lines():  # stored with each quote (migration 29)
            yield quote.line + "\n"
        for record in self._records_after_quotes():
            yield encode(record) + "\n"

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.records()


def _newest_first(event: Event) -> tuple[bool, str, str]:
    """The key whose descending order is the store's ``-date`` order (date descending,
    undated last, then id descending)."""
    return (event.date is not None, event.date or "", event.id)


def export_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of ``store`` (no filter), in the order of ``docs/export.md``."""
    return ExportSource(store).records()


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _keyset_pages(read: Callable[[Any], Sequence[Any]], filters: Iterable[Any]) -> Iterator[Any]:
    """The rows ``read`` returns for each of ``filters`` (pages of ``PAGE``), each next
    page read from the last row's (date, id)."""
    for flt in filters:
        page = read(flt)
        while page:
            yield from page
            if len(page) < PAGE:
                break
            page = read(replace(flt, after=(page[-1].date, page[-1].id)))
