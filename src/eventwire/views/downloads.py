"""Downloads: the records a filter selects, written by a registered exporter.

The exporters read a :class:`~eventwire.store.base.Store`; :class:`FilteredStore`
is one that holds only what the filter selects (its incidents, the actors, places,
articles and quotes they involve, and the relations between those actors), so every
format the export registry knows writes exactly what a view shows.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, TextIO

import eventwire.export
from eventwire.errors import ExportError
from eventwire.export import export
from eventwire.model import Actor, Article, Event, Place, Quote, Relation
from eventwire.registry import exporters
from eventwire.store.base import Store
from eventwire.views.corpus import CorpusFilter, event_filter

MAX_DOWNLOAD = 200_000  # incidents in one download; narrow the filter for more


def download_formats() -> list[str]:
    """Every export format registered (built-in modules of eventwire.export included)."""
    for module in pkgutil.iter_modules(eventwire.export.__path__):
        importlib.import_module(f"eventwire.export.{module.name}")
    return sorted(exporters.names())


class FilteredStore:
    """The read side of a store, cut down to what one filter selects."""

    def __init__(self, store: Store, events: list[Event]) -> None:
        self.location = store.location
        self._store = store
        self._events = events
        self._actor_ids = {
            a for e in events for a in (e.source_actor, e.target_actor, e.attributed_to) if a
        }
        self._article_ids = {ev.article_id for e in events for ev in e.evidence}

    def iter_articles(self) -> Iterator[Article]:
        for article_id in sorted(self._article_ids):
            yield self._store.get_article(article_id)

    def actors(self, query: str | None = None) -> list[Actor]:
        return [a for a in self._store.actors(query) if a.id in self._actor_ids]

    def events(self, flt: Any = None) -> list[Event]:
        return list(self._events)

    def relations(self, actor: str | None = None) -> list[Relation]:
        ids = self._actor_ids
        return [
            r for r in self._store.relations(actor)
            if r.source_actor in ids and r.target_actor in ids
        ]  # fmt: skip

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        return [
            q for q in self._store.quotes(speaker)
            if q.article_id in self._article_ids and (q.speaker in self._actor_ids)
        ]  # fmt: skip

    def places(self) -> list[tuple[Place, int]]:
        counts: dict[str, int] = {}
        for e in self._events:
            if e.location:
                counts[e.location.id] = counts.get(e.location.id, 0) + 1
        return [(p, counts[p.id]) for p, _n in self._store.places() if p.id in counts]

    def __getattr__(self, name: str) -> Any:
        raise ExportError(f"a filtered download cannot read {name!r} from the store")


def download(store: Store, cf: CorpusFilter, fmt: str, out: TextIO) -> int:
    """Write what ``cf`` selects to ``out`` in format ``fmt``; returns the records written."""
    if fmt not in download_formats():
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(download_formats())})")
    flt = event_filter(store, cf)
    total = store.count_events(flt)
    if total > MAX_DOWNLOAD:
        raise ExportError(
            f"{total:,} incidents match; a download holds at most {MAX_DOWNLOAD:,}: narrow the filter"
        )
    events = store.events(replace(flt, order="date"))
    return export(FilteredStore(store, events), fmt, out)  # type: ignore[arg-type]


def media_type(fmt: str) -> str:
    return {
        "jsonl": "application/x-ndjson",
        "csv": "text/csv",
        "geojson": "application/geo+json",
        "graphml": "application/graphml+xml",
        "parquet": "application/vnd.apache.parquet",
    }.get(fmt, "application/octet-stream")
