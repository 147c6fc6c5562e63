"""The main job: articles -> documents -> records -> store -> resolution.

:func:`ingest` reads sources, skips articles already stored, parses new ones in
batches (optionally in worker processes, the model loaded once per process),
extracts their document records and stores each batch in one transaction.
:func:`rebuild` then recomputes the cross-document picture from everything
stored. Both are idempotent: a run killed half way and started again ends in the
same store as one uninterrupted run.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.extract import ExtractionPipeline
from eventwire.ingest import read_sources
from eventwire.knowledge.resources import Resources
from eventwire.model import Article, DocumentRecords, Resolution
from eventwire.nlp import build_pipeline, parse
from eventwire.resolve import resolve
from eventwire.resolve.overrides import add_override
from eventwire.store.base import Store
from eventwire.truecase import Truecaser, as_written, case_restored

T = TypeVar("T")
Progress = Callable[[int], None]


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
    articles: Sequence[Article], settings: Settings, resources: Resources | None = None
) -> list[DocumentRecords]:
    """Parse and extract a batch of articles in this process (model loaded once)."""
    nlp = build_pipeline(settings)
    resources = resources or _process_resources(settings)
    extract = _extraction(resources)
    # One-case texts are parsed case-restored; records quote the article as written.
    parsed = [
        case_restored(a, lambda: _truecaser(resources)) if settings.case_restore else a
        for a in articles
    ]
    docs = parse(nlp, (p.text for p in parsed), settings.batch_size)
    return [as_written(extract(p, d), a, p) for a, p, d in zip(articles, parsed, docs, strict=True)]


@lru_cache(maxsize=4)
def _process_resources(settings: Settings) -> Resources:
    # One Resources per process and settings: the KB and gazetteer load once.
    return Resources(settings)


@lru_cache(maxsize=4)
def _extraction(resources: Resources) -> ExtractionPipeline:
    # The components are ordered, checked and built once per Resources.
    return ExtractionPipeline(resources)


@lru_cache(maxsize=4)
def _truecaser(resources: Resources) -> Truecaser:
    return Truecaser(resources.kb, resources.gazetteer.path)


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
    if settings.workers <= 1:
        for batch in batches:
            store_batch(batch, process_articles(batch, settings))
    else:
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(settings.workers) as pool:
            # imap keeps batch order, so stores are written in the order a single worker would.
            for batch, records in pool.imap(partial(_worker, settings=settings), batches):
                store_batch(batch, records)
    return report


def rebuild(store: Store, settings: Settings, resources: Resources | None = None) -> Resolution:
    """Recompute actors, events, relations and quotes from every stored document."""
    resources = resources or Resources(settings)
    resolution = resolve(store.iter_document_records(), resources)
    store.replace_resolution(resolution)
    return resolution


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
        rebuild(store, settings)
    return Submission(article.id, created, store.stats())
