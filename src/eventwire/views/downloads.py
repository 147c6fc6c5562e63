"""Downloads: the records a filter selects, written by a registered exporter.

The exporters read a :class:`~eventwire.store.base.Store`; :class:`FilteredStore`
is one that holds only what the filter selects (its incidents, the actors, places,
articles and quotes they involve, and the relations between those actors that the
network shows under the same filter: under dates those seen in the period, under a type,
ACLED type, place or fatalities filter none), so every
format the export registry knows writes exactly what a view shows.
"""

from __future__ import annotations

import bisect
import importlib
import pkgutil
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any, TextIO, TypeVar

import eventwire.export
from eventwire.errors import ExportError
from eventwire.export import export
from eventwire.knowledge.ontology import Ontology
from eventwire.model import Actor, Article, Event, Incident, Place, Quote, Relation, Statistic
from eventwire.registry import exporters
from eventwire.store.base import (
    EventFilter,
    EventLine,
    IncidentFilter,
    IncidentLine,
    QuoteLine,
    Store,
)
from eventwire.views.corpus import CorpusFilter, event_filter, shows_relations
from eventwire.views.details import resolve_actor
from eventwire.views.incidents import incident_filters

PAGE = 500  # events read from the store at a time
MAX_DOWNLOAD = 200_000  # incidents in one download; narrow the filter for more
CHUNK_CHARS = 256_000  # characters per chunk a streamed download sends
QUEUED_CHUNKS = 2  # chunks written ahead of the client at most (bounds a download's memory)
PER_ACTOR_QUERIES = 200  # fewer selected actors: read their relations and quotes by index
T = TypeVar("T")
K = TypeVar("K", bound=tuple[Any, ...])


def download_formats() -> list[str]:
    """Every export format registered (built-in modules of eventwire.export included)."""
    for module in pkgutil.iter_modules(eventwire.export.__path__):
        importlib.import_module(f"eventwire.export.{module.name}")
    # a download is one file: formats that write a folder (parquet) are for the CLI
    return sorted(n for n in exporters.names() if exporters.get(n).meta.get("target") != "folder")


def _date_order(key: tuple[Any, ...]) -> tuple[bool, str, str]:
    """An incident's or an event's place in a download, from its (date, id): undated
    first, then by date and id (the store's ``date`` order)."""
    return (key[0] is not None, key[0] or "", key[1])


def _page(keys: list[K], after: tuple[str | None, str] | None, limit: int | None) -> list[K]:
    """The page of ``keys`` (each starting with a (date, id), in :func:`_date_order`)
    after ``after``."""
    start = 0 if after is None else bisect.bisect_right(keys, _date_order(after), key=_date_order)
    return keys[start:] if limit is None else keys[start : start + limit]


def _page_ids(
    keys: list[tuple[str | None, str]], after: tuple[str | None, str] | None, limit: int | None
) -> list[str]:
    """The ids of the page of ``keys`` (in :func:`_date_order`) after ``after``."""
    return [k[1] for k in _page(keys, after, limit)]


class FilteredStore:
    """The read side of a store, cut down to what one filter selects. Each part is read
    when an exporter first asks for it, so a format that writes incidents decodes no
    event and one that writes events decodes no incident."""

    def __init__(
        self, store: Store, flt: EventFilter, incidents: Sequence[IncidentFilter] | None = None
    ) -> None:
        self.location = store.location
        self._store = store
        self._flt = replace(flt, order="date", limit=None, offset=0, after=None)
        # the incidents the filter selects (the union of these queries: what the incident
        # list, the map and the indexes count); None: those with a member among the events
        self._incident_flts = incidents
        # the selected events' actors and articles, each read when first needed: a JSON
        # Lines download writes its articles first, its first bytes sent before the actors
        # are read; a CSV reads no evidence
        self._actors: set[str] | None = None
        self._articles: set[str] | None = None
        # the outlets of the articles of the last page of incidents read (their rows name them)
        self._page_outlets: dict[str, str | None] = {}
        self._incident_keys: list[tuple[str | None, str]] | None = None
        self._event_keys: list[tuple[str | None, str, Any]] | None = None
        self._cursor: tuple[int, tuple[str | None, str]] | None = None  # (offset, after)
        # the places of the events walked from the first page on; complete at its end
        self._walked: tuple[dict[str, Place], Counter[str], bool] = ({}, Counter(), False)
        # the same from the events' lines: an event of each place, the counts, complete
        self._walked_lines: tuple[dict[str, str], Counter[str], bool] = ({}, Counter(), False)
        # an incident of each place the written incidents lie at (read as they are written)
        self._incident_places: dict[str, str] = {}

    @property
    def _actor_ids(self) -> set[str]:
        if self._actors is None:
            self._actors = self._store.event_actor_ids(self._flt)
        return self._actors

    @property
    def _article_ids(self) -> set[str]:
        if self._articles is None:
            self._articles = self._store.event_article_ids(self._flt)
        return self._articles

    def iter_articles(self) -> Iterator[Article]:
        """The selected events' articles by id, a batch of ``PAGE`` read at a time."""
        ids = sorted(self._article_ids)
        for start in range(0, len(ids), PAGE):
            yield from self._store.articles_by_ids(ids[start : start + PAGE])

    def article_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        """:meth:`iter_articles` as their JSON Lines records, a batch read at a time."""
        selected = sorted(self._article_ids)
        for start in range(0, len(selected), PAGE):
            yield from self._store.article_lines(selected[start : start + PAGE])

    def actors(self, query: str | None = None) -> list[Actor]:
        return self._store.actors_by_ids(self._actor_ids)

    def actor_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        """:meth:`actors` as their JSON Lines records, made from their stored JSON."""
        return self._store.actor_lines(self._actor_ids)

    def actor_heads(self, ids: Iterable[str] | None = None) -> list[Actor]:
        """The names, types and countries (no aliases or roles) of ``ids`` (the sides of a
        page of written incidents), else of the selected actors."""
        if ids is not None:
            return self._store.actor_heads(ids)
        return self._store.actor_heads(self._actor_ids)

    def _event_pages(self) -> Iterator[list[Event]]:
        """The selected events by (date, id), one keyset page of the store at a time."""
        after = None
        while True:
            page = self._store.events(replace(self._flt, limit=PAGE, after=after))
            yield page
            if len(page) < PAGE:
                return
            after = (page[-1].date, page[-1].id)

    def events(self, flt: Any = None) -> list[Event]:
        """The selected events, one page of them when ``flt`` asks for a page. Exporters
        read the store page after page by offset: each next page is read from the last
        one's (date, id), so no page scans the ones before it and none is held."""
        if flt is None or getattr(flt, "limit", None) is None:
            return [e for page in self._event_pages() for e in page]
        start = getattr(flt, "offset", 0) or 0
        if start == 0:
            after = None
        elif self._cursor is not None and self._cursor[0] == start:
            after = self._cursor[1]
        else:  # a jump, not the next page
            return self._store.events(replace(self._flt, limit=flt.limit, offset=start))
        page = self._store.events(replace(self._flt, limit=flt.limit, after=after))
        if page:
            self._cursor = (start + len(page), (page[-1].date, page[-1].id))
        places, counts, _ = self._walked
        if start == 0 or after is not None:
            if start == 0:
                places, counts = {}, Counter()
            for e in page:
                if e.location:
                    places.setdefault(e.location.id, e.location)
                    counts[e.location.id] += 1
            self._walked = (places, counts, len(page) < flt.limit)
        return page

    def event_lines(self, flt: Any = None) -> list[EventLine]:
        """The selected events' export lines, a keyset page when ``flt`` asks for one
        (the JSON Lines writer copies them); their places are counted as they are walked
        from the first page on."""
        limit = getattr(flt, "limit", None)
        after = getattr(flt, "after", None)
        # the selected events' keys read once (from an index covering the filter), then
        # each page's lines by their rows' addresses: only the selected rows are read
        chosen = _page(self._selected_events(), after, limit)
        page = self._store.event_lines_at([k[2] for k in chosen])
        first, counts, _ = self._walked_lines
        if after is None:
            first, counts = {}, Counter()
        for row in page:
            if row.place_id is not None:
                first.setdefault(row.place_id, row.id)
                counts[row.place_id] += 1
        self._walked_lines = (first, counts, limit is None or len(page) < limit)
        return page

    def event_incidents(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """The incidents of these events (each selected event's incidents are selected)."""
        return self._store.event_incidents(event_ids)

    def incidents(self, flt: Any = None) -> list[Incident]:
        """The incidents the selected events are members of, by (date, id) with undated
        first, a keyset page at a time when ``flt`` asks for one (issue 14); only their
        keys are held, each page is decoded when asked for."""
        page = self._store.incidents_by_id(self._incident_ids(flt))
        for incident in page:
            if incident.location is not None:
                self._incident_places.setdefault(incident.location.id, incident.id)
        if (
            getattr(flt, "limit", None) is not None
        ):  # a page: its articles in a few queries, not one per row
            ids = {ev.article_id for i in page for ev in i.evidence}
            self._page_outlets = self._store.article_outlets(ids)
        return page

    def incident_lines(self, flt: Any = None) -> list[IncidentLine]:
        """:meth:`incidents` as their export lines (stored with each, migration 18)."""
        page = self._store.incident_lines_by_id(self._incident_ids(flt))
        for row in page:
            if row.place_id is not None:
                self._incident_places.setdefault(row.place_id, row.id)
        return page

    def _selected_events(self) -> list[tuple[str | None, str, Any]]:
        """The selected events' (date, id, address), in the download's order, read once."""
        if self._event_keys is None:
            self._event_keys = sorted(self._store.event_addresses(self._flt), key=_date_order)
        return self._event_keys

    def _incident_ids(self, flt: Any) -> list[str]:
        """The ids of :meth:`incidents`' page (or of all of them when ``flt`` asks for no
        page), the selected incidents' keys read once."""
        if self._incident_keys is None:
            if self._incident_flts is None:
                found = self._store.incident_keys_of_events(self._flt)
            else:  # the places of a name never share an incident
                found = [k for f in self._incident_flts for k in self._store.incident_keys(f)]
            self._incident_keys = sorted(found, key=_date_order)
        after = flt.after if flt is not None else None
        limit = getattr(flt, "limit", None) if flt is not None else None
        return _page_ids(self._incident_keys, after, limit)

    def _by_actor(self, read: Callable[[str | None], list[T]]) -> list[T]:
        """Records of the selected actors: one indexed query each while they are few."""
        if len(self._actor_ids) > PER_ACTOR_QUERIES:
            return read(None)
        return [r for actor_id in sorted(self._actor_ids) for r in read(actor_id)]

    @property
    def _period(self) -> dict[str, str | None]:
        """The filter's dates, the period a relation must be seen in (the network's rule)."""
        return {"since": self._flt.since, "until": self._flt.until}

    def relations(self, actor: str | None = None) -> list[Relation]:
        """The relations between two selected actors, most sources first (read by the
        store's actor indexes, never a hub's every relation); under dates, those the
        network shows under the same dates (seen in the period, or undated); none under a
        filter the network draws no relation under (:func:`shows_relations`)."""
        if not shows_relations(self._flt):
            return []
        return self._store.relations_among(self._actor_ids, **self._period)

    def relation_payloads(self, actor: str | None = None) -> list[dict[str, Any]]:
        """:meth:`relations` as their stored JSON, decoded (what the JSONL writer reads)."""
        if not shows_relations(self._flt):
            return []
        return self._store.relation_payloads_among(self._actor_ids, **self._period)

    def relation_lines(self, actor: str | None = None, min_sources: int = 1) -> Iterator[str]:
        """:meth:`relation_payloads`' export lines, as stored with each relation, read a
        batch at a time as they are written."""
        if not shows_relations(self._flt):
            return iter(())
        return self._store.iter_relation_lines_among(self._actor_ids, min_sources, **self._period)

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        """The quotes of the selected actors in the selected articles: by speaker while
        the actors are few, else by article (never the whole table)."""
        if len(self._actor_ids) > PER_ACTOR_QUERIES:
            found = self._store.quotes_of_articles(self._article_ids)
        else:
            found = self._by_actor(self._store.quotes)
        return [
            q for q in found if q.article_id in self._article_ids and q.speaker in self._actor_ids
        ]

    def quote_lines(
        self, speaker: str | None = None, article_ids: Iterable[str] | None = None
    ) -> Iterator[QuoteLine]:
        """:meth:`quotes` as their export lines (stored with each, migration 29), in the
        same order: a batch of ``PAGE`` articles' quotes read at a time when the selected
        actors are many."""
        if len(self._actor_ids) > PER_ACTOR_QUERIES:
            ids = sorted(self._article_ids)  # the store's order: by article
            batches: Iterable[list[QuoteLine]] = (
                self._store.quote_lines(article_ids=ids[start : start + PAGE])
                for start in range(0, len(ids), PAGE)
            )
        else:
            batches = [self._by_actor(self._store.quote_lines)]
        for found in batches:
            for q in found:
                if q.article_id in self._article_ids and q.speaker in self._actor_ids:
                    yield q

    def places(self) -> list[tuple[Place, int]]:
        """The selected events' places (each event carries its place) with their counts,
        gathered while an exporter walked the events, or read now."""
        places, counts, complete = self._walked
        first, line_counts, lines_complete = self._walked_lines
        if not complete and lines_complete:  # each place as the first event carries it
            located = self._store.event_locations(first.values())
            places = {place_id: located[event_id] for place_id, event_id in first.items()}
            counts, complete = line_counts, True
        if not complete:
            places, counts = {}, Counter()
            for page in self._event_pages():
                for e in page:
                    if e.location:
                        places.setdefault(e.location.id, e.location)
                        counts[e.location.id] += 1
        places = {**places, **self._places_of_incidents_only(places)}
        return [(places[k], counts[k]) for k in sorted(places, key=lambda k: (-counts[k], k))]

    def _places_of_incidents_only(self, listed: dict[str, Place]) -> dict[str, Place]:
        """The places of written incidents that no selected event lies at (an incident the
        filter selects by its own fields, such as one placed in a whole country): listed
        with no events, so that every incident of the download has its place record."""
        if self._incident_flts is None:  # the incidents of the selected events: their places
            return {}
        if not self._incident_places:  # not written yet: read their places now
            for row in self._store.incident_lines_by_id(self._incident_ids(None)):
                if row.place_id is not None:
                    self._incident_places.setdefault(row.place_id, row.id)
        missing = {k: i for k, i in self._incident_places.items() if k not in listed}
        return {
            k: incident.location
            for incident in self._store.incidents_by_id(sorted(set(missing.values())))
            if incident.location is not None and (k := incident.location.id) in missing
        }

    def statistics(
        self,
        actor: str | None = None,
        place: str | None = None,
        counted: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Statistic]:
        """The totals stated in the selected events' articles."""
        found = self._store.statistics(actor, place, counted)
        kept = [s for s in found if s.evidence.article_id in self._article_ids]
        return kept[offset:] if limit is None else kept[offset : offset + limit]

    def get_article(self, article_id: str) -> Article:
        return self._store.get_article(article_id)

    def article_outlets(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The outlets of ``ids``, from those of the last page of incidents read when it
        has them all (the CSV writer asks for one at a time)."""
        wanted = list(ids)
        if all(i in self._page_outlets for i in wanted):
            return {i: self._page_outlets[i] for i in wanted}
        return self._store.article_outlets(wanted)

    def get_actor(self, actor_id: str) -> Actor:
        return self._store.get_actor(actor_id)

    def __getattr__(self, name: str) -> Any:
        raise ExportError(f"a filtered download cannot read {name!r} from the store")


def download(
    store: Store,
    cf: CorpusFilter,
    fmt: str,
    out: TextIO,
    division: Callable[[str], str | None] | None = None,
    *,
    onto: Ontology,
    with_actor: str | None = None,
) -> int:
    """Write what ``cf`` selects to ``out`` in format ``fmt``; returns the records written
    (``division`` names first-level divisions, as :func:`eventwire.export.export` takes).
    With ``with_actor`` (an id or any spelling), only the incidents and events that actor
    is a side of too: what the incident list of an actor index row's link shows."""
    check_download(store, cf, fmt, onto=onto, with_actor=with_actor)
    return _write_download(store, cf, fmt, out, division, onto=onto, with_actor=with_actor)


def _write_download(
    store: Store,
    cf: CorpusFilter,
    fmt: str,
    out: TextIO,
    division: Callable[[str], str | None] | None,
    *,
    onto: Ontology,
    with_actor: str | None,
) -> int:
    """:func:`download` of a selection already checked by :func:`check_download`."""
    flt = _download_filter(store, cf, onto, with_actor)
    incidents = selected_incidents(store, cf, onto=onto, with_actor=with_actor)
    selected = FilteredStore(store, flt, incidents)
    return export(selected, fmt, out, division=division, ontology=onto)  # type: ignore[arg-type]


def _download_filter(
    store: Store, cf: CorpusFilter, onto: Ontology, with_actor: str | None
) -> EventFilter:
    """The events a download of ``cf`` writes (and their actors, articles and quotes)."""
    flt = event_filter(store, cf, onto)
    return replace(flt, with_actor=resolve_actor(store, with_actor)) if with_actor else flt


def selected_incidents(
    store: Store, cf: CorpusFilter, *, onto: Ontology, with_actor: str | None = None
) -> list[IncidentFilter] | None:
    """The incidents a download of ``cf`` writes: those the filter selects by their own
    date, type, sides, place, sources and casualties, the ones the incident list, the map,
    the timeline and the place index count (an incident none of whose member events is
    stored, or whose events the filter does not select, included); with ``with_actor``,
    those of them that actor is a side of too (the incident list's ``with_actor``). Under
    a box, which only events have, None: the incidents with a member among the selected
    events."""
    if cf.bbox is not None:
        return None
    flts = incident_filters(store, cf, onto)
    if with_actor:
        second = resolve_actor(store, with_actor)
        flts = [replace(f, with_actor=second) for f in flts]
    return flts


def check_download(
    store: Store, cf: CorpusFilter, fmt: str, *, onto: Ontology, with_actor: str | None = None
) -> None:
    """Raise :class:`ExportError` when ``fmt`` is unknown or ``cf`` selects too much."""
    if fmt not in download_formats():
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(download_formats())})")
    total = store.count_events(_download_filter(store, cf, onto, with_actor))
    if total > MAX_DOWNLOAD:
        raise ExportError(
            f"{total:,} incidents match; a download holds at most {MAX_DOWNLOAD:,}: narrow the filter"
        )


class _Cancelled(Exception):
    """The reader of a streamed download went away."""


class _ChunkWriter:
    """A text stream an exporter writes to, handing UTF-8 chunks to a bounded queue: the
    exporter waits while the reader is ``QUEUED_CHUNKS`` chunks behind."""

    def __init__(self, chunks: queue.Queue[object], cancelled: threading.Event) -> None:
        self._chunks = chunks
        self._cancelled = cancelled
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            data = "".join(self._parts).encode("utf-8")
            self._parts, self._size = [], 0
            self.put(data)

    def put(self, item: object) -> None:
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._chunks.put(item, timeout=0.2)
                return
            except queue.Full:
                continue


StoreOpener = Callable[[], AbstractContextManager[Store]]
DivisionOpener = Callable[[], AbstractContextManager[Callable[[str], str | None]]]


def stream_download(
    open_store: StoreOpener,
    cf: CorpusFilter,
    fmt: str,
    open_division: DivisionOpener,
    *,
    onto: Ontology,
    with_actor: str | None = None,
) -> Iterator[bytes]:
    """What ``cf`` selects in format ``fmt``, as UTF-8 chunks produced while they are read:
    the exporter writes from a thread into a queue of at most ``QUEUED_CHUNKS`` chunks, so
    memory stays bounded however large the download. An unknown format or too large a
    selection raises :class:`ExportError` here, before anything is sent; closing the
    iterator (the client went away) stops the exporter at its next write."""
    with open_store() as store:
        check_download(store, cf, fmt, onto=onto, with_actor=with_actor)
    chunks: queue.Queue[object] = queue.Queue(maxsize=QUEUED_CHUNKS)
    cancelled = threading.Event()
    done = object()

    def produce() -> None:
        writer = _ChunkWriter(chunks, cancelled)
        try:
            with open_store() as store, open_division() as division:
                # checked above, before the first byte: its count is not read twice
                out: Any = writer  # a text stream as far as an exporter knows
                _write_download(store, cf, fmt, out, division, onto=onto, with_actor=with_actor)
            writer.flush()
            writer.put(done)
        except _Cancelled:
            return
        except Exception as exc:  # handed to the reader, which raises it
            try:
                writer.put(exc)
            except _Cancelled:
                return

    def chunks_read() -> Iterator[bytes]:
        thread = threading.Thread(target=produce, name="eventwire-download", daemon=True)
        thread.start()
        try:
            while True:
                item = chunks.get()
                if item is done:
                    return
                if isinstance(item, Exception):
                    raise item
                assert isinstance(item, bytes)
                yield item
        finally:
            cancelled.set()

    return chunks_read()


def media_type(fmt: str) -> str:
    return {
        "jsonl": "application/x-ndjson",
        "csv": "text/csv",
        "geojson": "application/geo+json",
        "graphml": "application/graphml+xml",
        "gexf": "application/gexf+xml",
        "parquet": "application/vnd.apache.parquet",
    }.get(fmt, "application/octet-stream")
