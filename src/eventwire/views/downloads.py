"""Downloads: the records a filter selects, written by a registered exporter.

The exporters read a :class:`~eventwire.store.base.Store`; :class:`FilteredStore`
is one that holds only what the filter selects (its incidents, the actors, places,
articles and quotes they involve, and the relations between those actors), so every
format the export registry knows writes exactly what a view shows.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, TextIO, TypeVar

import eventwire.export
from eventwire.errors import ExportError, NotFound
from eventwire.export import export
from eventwire.model import Actor, Article, Event, Incident, Place, Quote, Relation, Statistic
from eventwire.registry import exporters
from eventwire.store.base import EventFilter, Store
from eventwire.views.corpus import CorpusFilter, event_filter

MAX_DOWNLOAD = 200_000  # incidents in one download; narrow the filter for more
PER_ACTOR_QUERIES = 200  # fewer selected actors: read their relations and quotes by index
T = TypeVar("T")


def download_formats() -> list[str]:
    """Every export format registered (built-in modules of eventwire.export included)."""
    for module in pkgutil.iter_modules(eventwire.export.__path__):
        importlib.import_module(f"eventwire.export.{module.name}")
    # a download is one file: formats that write a folder (parquet) are for the CLI
    return sorted(n for n in exporters.names() if exporters.get(n).meta.get("target") != "folder")


def _incident_key(inc: Incident) -> tuple[bool, str, str]:
    return (inc.date is not None, inc.date or "", inc.id)


class FilteredStore:
    """The read side of a store, cut down to what one filter selects. Each part is read
    when an exporter first asks for it, so a format that writes incidents decodes no
    event and one that writes events decodes no incident."""

    def __init__(self, store: Store, flt: EventFilter) -> None:
        self.location = store.location
        self._store = store
        self._flt = replace(flt, order="date", limit=None, offset=0, after=None)
        self._events: list[Event] | None = None
        self._links: tuple[set[str], set[str]] | None = None
        self._incidents: list[Incident] | None = None

    @property
    def _actor_ids(self) -> set[str]:
        if self._links is None:
            self._links = self._store.event_links(self._flt)
        return self._links[0]

    @property
    def _article_ids(self) -> set[str]:
        if self._links is None:
            self._links = self._store.event_links(self._flt)
        return self._links[1]

    def iter_articles(self) -> Iterator[Article]:
        for article_id in sorted(self._article_ids):
            yield self._store.get_article(article_id)

    def actors(self, query: str | None = None) -> list[Actor]:
        found = []
        for actor_id in sorted(self._actor_ids):
            try:
                found.append(self._store.get_actor(actor_id))
            except NotFound:
                continue
        return found

    def events(self, flt: Any = None) -> list[Event]:
        """The selected events, one page of them when ``flt`` asks for a page (the
        exporters read the store page by page)."""
        if self._events is None:
            self._events = self._store.events(self._flt)
        if flt is None or getattr(flt, "limit", None) is None:
            return list(self._events)
        start = getattr(flt, "offset", 0) or 0
        return self._events[start : start + flt.limit]

    def incidents(self, flt: Any = None) -> list[Incident]:
        """The incidents the selected events are members of, by (date, id) with undated
        first, a keyset page at a time when ``flt`` asks for one (issue 14)."""
        if self._incidents is None:
            found = self._store.incidents_of_events(self._flt)
            self._incidents = sorted(found, key=_incident_key)
        rows = self._incidents
        if flt is not None and flt.after is not None:
            after = (flt.after[0] is not None, flt.after[0] or "", flt.after[1])
            rows = [i for i in rows if _incident_key(i) > after]
        return rows[: flt.limit] if flt is not None and flt.limit is not None else rows

    def _by_actor(self, read: Callable[[str | None], list[T]]) -> list[T]:
        """Records of the selected actors: one indexed query each while they are few."""
        if len(self._actor_ids) > PER_ACTOR_QUERIES:
            return read(None)
        return [r for actor_id in sorted(self._actor_ids) for r in read(actor_id)]

    def relations(self, actor: str | None = None) -> list[Relation]:
        """The relations between two selected actors, most sources first (read by the
        store's actor indexes, never a hub's every relation)."""
        return self._store.relations_among(self._actor_ids)

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        return [
            q for q in self._by_actor(self._store.quotes)
            if q.article_id in self._article_ids and q.speaker in self._actor_ids
        ]  # fmt: skip

    def places(self) -> list[tuple[Place, int]]:
        """The selected events' places (each event carries its place) with their counts."""
        places: dict[str, Place] = {}
        counts: dict[str, int] = {}
        for e in self.events():
            if e.location:
                places.setdefault(e.location.id, e.location)
                counts[e.location.id] = counts.get(e.location.id, 0) + 1
        return [(places[k], counts[k]) for k in sorted(places, key=lambda k: (-counts[k], k))]

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
) -> int:
    """Write what ``cf`` selects to ``out`` in format ``fmt``; returns the records written
    (``division`` names first-level divisions, as :func:`eventwire.export.export` takes)."""
    if fmt not in download_formats():
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(download_formats())})")
    flt = event_filter(store, cf)
    total = store.count_events(flt)
    if total > MAX_DOWNLOAD:
        raise ExportError(
            f"{total:,} incidents match; a download holds at most {MAX_DOWNLOAD:,}: narrow the filter"
        )
    return export(FilteredStore(store, flt), fmt, out, division=division)  # type: ignore[arg-type]


def media_type(fmt: str) -> str:
    return {
        "jsonl": "application/x-ndjson",
        "csv": "text/csv",
        "geojson": "application/geo+json",
        "graphml": "application/graphml+xml",
        "gexf": "application/gexf+xml",
        "parquet": "application/vnd.apache.parquet",
    }.get(fmt, "application/octet-stream")
