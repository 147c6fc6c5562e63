"""The main job: articles -> documents -> records -> store -> resolution.

:func:`ingest` reads sources, skips articles already stored, parses new ones in
batches (optionally in worker processes, the model loaded once per process),
extracts their document records and stores each batch in one transaction.
:func:`refresh` then brings the cross-document picture up to date with what is
stored (nothing to do when nothing is new) and :func:`rebuild` recomputes it
unconditionally. Both are idempotent: a run killed half way and started again ends
in the same store as one uninterrupted run.

Any number of processes may ingest into one store at once: each stored batch moves
the store's documents generation, a picture is written only over an older one (see
:class:`~eventwire.store.base.PictureState`), and :func:`refresh` resolves again
until the picture it leaves covers every document stored before it returns, so no
writer's articles are lost from the picture, and the last picture is that of all
stored documents. Worker processes end with the process that started them.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

from eventwire.config import Settings
from eventwire.distributed import ray_map
from eventwire.errors import ConfigError, IngestError
from eventwire.extract import ExtractionPipeline
from eventwire.ingest import read_sources
from eventwire.knowledge.gazetteer import gazetteer_stamp
from eventwire.knowledge.resources import Resources
from eventwire.model import Article, DocumentRecords, Resolution, to_dict
from eventwire.nlp import build_pipeline, parse
from eventwire.resolve import (
    resolve_actor_pass,
    resolve_after_actors,
    resolve_rest,
    resolve_stream,
)
from eventwire.resolve.event_mentions import (
    EventsChange,
    moved_articles,
    refresh_events,
)
from eventwire.resolve.incremental import update_actors
from eventwire.resolve.mention_rows import SpilledRows
from eventwire.resolve.overrides import add_override, resolution_fingerprint
from eventwire.store.base import Store
from eventwire.truecase import Truecaser, as_written, case_restored

T = TypeVar("T")
Progress = Callable[[int], None]
EXTRACTION_GC_THRESHOLD = 20_000  # allocations between two youngest-generation collections


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    failures: list[IngestError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def process_articles(
    articles: Sequence[Article],
    settings: Settings,
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> list[DocumentRecords]:
    """Parse and extract a batch of articles in this process (model loaded once);
    ``progress(1)`` is called as each article is done."""
    nlp = build_pipeline(settings)
    resources = resources or _process_resources(settings)
    extract = _extraction(resources)
    # One-case texts are parsed case-restored; records quote the article as written.
    parsed = [
        case_restored(a, lambda: _truecaser(resources)) if settings.case_restore else a
        for a in articles
    ]
    docs = parse(nlp, (p.text for p in parsed), settings.batch_size)
    out = []
    # Extraction makes many short-lived objects and few cycles: the collector's youngest
    # generation is collected less often while it runs (restored after).
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], EXTRACTION_GC_THRESHOLD), *threshold[1:])
    try:
        for a, p, d in zip(articles, parsed, docs, strict=True):
            out.append(as_written(extract(p, d), a, p))
            if progress is not None:
                progress(1)
    finally:
        gc.set_threshold(*threshold)
    return out


def _reader(
    store: Store, upto: int, progress: Progress | None
) -> Callable[[], Iterator[DocumentRecords]]:
    """The stored documents up to generation ``upto``, read afresh at every call (the
    resolution reads them twice), each read told to ``progress``."""

    def read() -> Iterator[DocumentRecords]:
        return _counted(store.iter_document_records(upto=upto), progress)

    return read


def _counted(docs: Iterable[T], progress: Progress | None) -> Iterator[T]:
    for doc in docs:
        yield doc
        if progress is not None:
            progress(1)


def resolution_reads(store: Store) -> int:
    """How many document reads a resolution of ``store`` makes (for a progress total)."""
    return 2 * store.count("articles")


def _process_resources(settings: Settings) -> Resources:
    # One Resources per process, settings and gazetteer file state: the KB and gazetteer
    # load once, and again after `gazetteer import` writes the settings' file.
    return _resources_for(settings, gazetteer_stamp(settings))


@lru_cache(maxsize=4)
def _resources_for(settings: Settings, _stamp: tuple[str, int, int] | None) -> Resources:
    return Resources(settings)


@lru_cache(maxsize=4)
def _extraction(resources: Resources) -> ExtractionPipeline:
    # The components are ordered, checked and built once per Resources.
    pipeline = ExtractionPipeline(resources)
    # The model, KB, gazetteer and word lists loaded so far live as long as the process:
    # frozen, a full collection no longer walks them.
    gc.freeze()
    return pipeline


@lru_cache(maxsize=4)
def _truecaser(resources: Resources) -> Truecaser:
    return Truecaser(resources.kb, resources.word_case, resources.gazetteer.path)


PR_SET_PDEATHSIG = 1  # prctl(2)


def _end_with_parent(parent: int) -> None:
    """Worker initializer: this process ends when the one that started it does.

    On Linux the kernel sends SIGTERM when the parent dies, however it dies; a thread
    watching the parent's pid covers other systems and a parent that died before the
    request took effect."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker(
    batch: list[Article], settings: Settings
) -> tuple[list[Article], list[DocumentRecords]]:
    return batch, process_articles(batch, settings)


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    progress: Progress | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``; see the module docstring."""
    return ingest_articles(
        read_sources(paths, settings), store, settings, progress=progress, on_error=on_error
    )


def ingest_articles(
    items: Iterable[Article | IngestError],
    store: Store,
    settings: Settings,
    *,
    progress: Progress | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> IngestReport:
    """Store the new articles of ``items`` with their records; errors are counted, not raised."""
    report = IngestReport()
    seen: set[str] = set()

    def new_articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestError):
                report.failures.append(item)
                if on_error:
                    on_error(item)
                continue
            if item.id in seen:
                report.duplicates += 1
                continue
            seen.add(item.id)
            yield item

    def store_batch(articles: list[Article], records: list[DocumentRecords]) -> None:
        added = store.add_documents(list(zip(articles, records, strict=True)))
        report.ingested += added
        report.duplicates += len(articles) - added
        if progress:
            progress(len(articles))

    def unknown(batch: list[Article]) -> list[Article]:
        known = store.known_article_ids(a.id for a in batch)
        report.duplicates += len(known)
        if progress and known:
            progress(len(known))
        return [a for a in batch if a.id not in known]

    batches = (b for b in (unknown(b) for b in _batches(new_articles(), settings.batch_size)) if b)
    if settings.engine == "ray":
        work = partial(_worker, settings=settings)
        for batch, records in ray_map(
            work, batches, address=settings.ray_address, workers=settings.workers
        ):
            store_batch(batch, records)
    elif settings.engine != "local":
        raise ConfigError(f"unknown engine {settings.engine!r}; 'local' or 'ray'")
    elif settings.workers <= 1:
        for batch in batches:
            store_batch(batch, process_articles(batch, settings))
    else:
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(settings.workers, _end_with_parent, (os.getpid(),)) as pool:
            # imap keeps batch order, so stores are written in the order a single worker would.
            for batch, records in pool.imap(partial(_worker, settings=settings), batches):
                store_batch(batch, records)
    return report


def rebuild(
    store: Store,
    settings: Settings,
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> Resolution:
    """Recompute actors, events, relations and quotes from every stored document.

    The result is stored unless a picture of later documents was stored meanwhile."""
    resources = resources or Resources(settings)
    return _resolve_all(store, settings, resources, progress, force=True)[0]


def _resolve_all(
    store: Store,
    settings: Settings,
    resources: Resources,
    progress: Progress | None,
    *,
    force: bool = False,
) -> tuple[Resolution, bool]:
    """Resolve every stored document and store the picture with the units and key
    decisions incremental refreshes start from; (the resolution, whether it was stored)."""
    state = store.picture_state()
    fingerprint = resolution_fingerprint(settings)
    read = _reader(store, state.documents, progress)
    actors = resolve_actor_pass(read(), resources)
    # the units are stored first and let go: they hold every mention of the store
    stored = store.replace_units(
        actors.units, actors.decisions, state.documents, actors.totals, fingerprint
    )
    actors = replace(actors, units=(), decisions={}, totals={})
    rows = SpilledRows()  # on disk until written: they grow with the store
    try:
        resolution = resolve_after_actors(read(), actors, resources, rows, spill=True)
        wrote = store.replace_resolution(
            resolution,
            generation=state.documents,
            fingerprint=fingerprint,
            force=force,
            event_mentions=rows,
        )
    finally:
        rows.close()
    if wrote and stored:
        store.adopt_units(state.documents, fingerprint)
    return resolution, wrote


def _refresh_incremental(
    store: Store, settings: Settings, resources: Resources, progress: Progress | None
) -> bool | None:
    """Bring the picture up to date from the stored units: the new documents' units are
    clustered, the actors they touch rebuilt, events, relations and quotes recomputed
    (see :mod:`eventwire.resolve.incremental`), all in one write transaction. Returns
    whether it stored a picture, or None when there are no units of the stored picture
    to start from (a full resolution is needed)."""
    fingerprint = resolution_fingerprint(settings)
    with store.write_lock():
        state = store.picture_state()
        if state.current(fingerprint):
            return False
        if (
            state.fingerprint != fingerprint
            or store.units_generation() != state.picture
            or store.event_mentions_generation() != state.picture
        ):
            return None
        new = list(store.iter_new_document_records(state.picture, state.documents))
        update = update_actors(store, new, resources)
        actors = update.actors
        links_before = store.mention_links(update.removed)
        groups_before = store.group_actor_ids()
        store.replace_actors(
            update.removed,
            Resolution(actors.actors, actors.mention_actor, explanations=actors.explanations),
            keep_links=update.rewritten,
        )
        store.set_cluster_totals(update.totals)
        mention_actor = store.mention_actors()
        unnamed = store.group_actor_ids()
        afresh = {d.article_id for d in new} | moved_articles(
            links_before, mention_actor, update.removed, set(groups_before ^ unnamed)
        )
        # the batch's documents and the actor update are written: let them go before
        # the passes over every document
        del new, update, actors, links_before, groups_before
        change = EventsChange()
        # grouped one key at a time, its events on disk, as a rebuild's (docs/scale.md)
        events = refresh_events(store, afresh, mention_actor, unnamed, resources, change)
        documents = store.iter_event_records(state.documents)
        rest = resolve_rest(
            _counted(documents, progress),
            mention_actor,
            unnamed,
            store.state_sides(resources.ontology),
            resources,
            events_pass=events,
            spill=True,  # the incidents on disk until written, as a rebuild's
        )
        store.update_rest(rest, change, state.documents)
        store.set_picture(state.documents, fingerprint)
    return True


def override_and_rebuild(store: Store, settings: Settings, kind: str, *args: str) -> Resolution:
    """Record a user override (``kind``: merge, split, rename, retype) and recompute the
    resolution with it (what ``eventwire actors merge|split|...`` calls)."""
    add_override(settings.overrides_path, kind, *args)
    return rebuild(store, settings, Resources(settings))


@dataclass(frozen=True)
class Submission:
    article_id: str
    created: bool  # False when the same text was already stored
    counts: dict[str, int]


def ingest_submitted(store: Store, settings: Settings, article: Article) -> Submission:
    """Extract one submitted article's records, store them and recompute the picture if it
    was new (``POST /api/articles``)."""
    created = ingest_articles([article], store, settings).ingested == 1
    if created:
        refresh(store, settings)
    return Submission(article.id, created, store.stats())


@dataclass(frozen=True)
class PictureCheck:
    """How the stored picture compares with a fresh resolution of the same documents."""

    generation: int  # the documents generation the stored picture reflects
    stale: bool  # documents or overrides changed since it was computed
    # kind -> (ids only stored, ids only in the fresh resolution, ids whose records differ)
    differences: dict[str, tuple[int, int, int]]

    @property
    def same(self) -> bool:
        return not self.stale and not any(any(d) for d in self.differences.values())


def _compare(stored: dict[str, object], fresh: dict[str, object]) -> tuple[int, int, int]:
    both = stored.keys() & fresh.keys()
    return (
        len(stored.keys() - both),
        len(fresh.keys() - both),
        sum(stored[k] != fresh[k] for k in both),
    )


def check_picture(
    store: Store,
    settings: Settings,
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> PictureCheck:
    """Resolve the documents the stored picture reflects afresh and compare, record by
    record (actors with their explanations, events, relations, quotes, places,
    statistics)."""
    resources = resources or Resources(settings)
    state = store.picture_state()
    fresh = resolve_stream(_reader(store, state.picture, progress), resources)
    actors = {a.id: (to_dict(a), store.explanations(a.id)) for a in store.actors()}
    kinds: dict[str, tuple[dict[str, object], dict[str, object]]] = {
        "actors": (
            dict(actors),
            {a.id: (to_dict(a), list(fresh.explanations.get(a.id, ()))) for a in fresh.actors},
        ),
        "events": (
            {e.id: to_dict(e) for e in store.events()},
            {e.id: to_dict(e) for e in fresh.events},
        ),
        "relations": (
            {r.id: to_dict(r) for r in store.relations()},
            {r.id: to_dict(r) for r in fresh.relations},
        ),
        "quotes": (
            {q.id: to_dict(q) for q in store.quotes()},
            {q.id: to_dict(q) for q in fresh.quotes},
        ),
        "places": (
            {p.id: to_dict(p) for p, _n in store.places()},
            {p.id: to_dict(p) for p in fresh.places},
        ),
        "statistics": (
            {s.id: to_dict(s) for s in store.statistics()},
            {s.id: to_dict(s) for s in fresh.statistics},
        ),
        # the outlet count is taken from the articles when stored
        "incidents": (
            {i.id: to_dict(replace(i, outlet_count=0)) for i in store.iter_incidents()},
            {i.id: to_dict(i) for i in fresh.incidents},
        ),
    }
    return PictureCheck(
        generation=state.picture,
        stale=not state.current(resolution_fingerprint(settings)),
        differences={k: _compare(*pair) for k, pair in kinds.items()},
    )


def refresh(
    store: Store,
    settings: Settings,
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> bool:
    """Bring the stored picture up to date with the stored documents and overrides.

    Resolves nothing when the picture is current (a re-ingest with nothing new);
    otherwise updates it from the stored units with the new documents (or resolves
    everything when there are none to start from) and stores it, and again while other
    writers add documents meanwhile. Returns whether this call stored a picture."""
    fingerprint = resolution_fingerprint(settings)
    wrote = False
    while not store.picture_state().current(fingerprint):
        resources = resources or Resources(settings)
        done = _refresh_incremental(store, settings, resources, progress)
        if done is None:
            done = _resolve_all(store, settings, resources, progress)[1]
        wrote |= done
    return wrote
