"""Streamed downloads: the bytes a streamed download sends are those the exporter writes
in one go, pages of events and incidents are read by keyset without holding the whole
selection, and a reader that goes away stops the exporter."""

from __future__ import annotations

import io
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest

from eventwire.errors import ExportError
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Actor, Article, Event, Evidence, Incident, Place, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sqlite import SQLiteStore
from eventwire.views import downloads
from eventwire.views.corpus import CorpusFilter
from eventwire.views.downloads import FilteredStore, download, download_formats, stream_download

ONTO = read_ontology()  # the views take the caller's ontology

PLACES = [
    Place(f"geonames:{i}", f"Town {i}", 30.0 + i, 12.0 + i, "LBY", None, "city") for i in range(3)
]
ACTORS = [Actor(f"act_{i}", f"Group {i}", "armed_group") for i in range(4)]
ARTICLES = [
    Article(f"art_{i}", f"Fighters clashed near the town {i}.", title=f"T{i}") for i in range(5)
]


def _events(n: int) -> list[Event]:
    rng = random.Random(11)
    out = []
    for i in range(n):
        date = rng.choice([None, "2019", "2019-04", "2019-04-09", "2020-01-02", "2020-01-02"])
        out.append(
            Event(f"evt_{i:05d}", rng.choice(["FIGHT", "ASSAULT"]), {},
                  (Evidence(f"art_{i % 5}", "Fighters clashed.", 0, 17),),
                  rng.choice(ACTORS).id, rng.choice(ACTORS).id, date,
                  None if date is None else "day", rng.choice([*PLACES, None]),
                  counts={"killed": i % 4} if i % 3 else {}, source_count=1 + i % 3)
        )  # fmt: skip
    return out


EVENTS = _events(1_234)  # more than two pages of events
INCIDENTS = tuple(
    Incident(f"inc_{i:05d}", "ASSAULT", {}, (), date=EVENTS[i].date, location=EVENTS[i].location,
             events=tuple(e.id for e in EVENTS[i : i + 2]))
    for i in range(0, len(EVENTS), 2)
)  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    path = tmp_path_factory.mktemp("dl") / "store.db"
    with SQLiteStore(path) as s:
        s.add_documents([])
        with s._writing():
            s._insert(
                "articles", ("id", "text", "title"), [(a.id, a.text, a.title) for a in ARTICLES]
            )
        s.replace_resolution(
            Resolution(actors=tuple(ACTORS), events=tuple(EVENTS), places=tuple(PLACES),
                       incidents=INCIDENTS)
        )  # fmt: skip
    with SQLiteStore(path) as s:
        yield s


def _opener(store: SQLiteStore):  # type: ignore[no-untyped-def]
    @contextmanager
    def borrow() -> Iterator[SQLiteStore]:
        yield store

    return borrow


@contextmanager
def _no_division() -> Iterator[None]:
    yield None


@pytest.mark.parametrize("fmt", download_formats())
@pytest.mark.parametrize(
    "cf", [CorpusFilter(), CorpusFilter(type="fight", since="2019-04")], ids=repr
)
def test_streamed_bytes_are_the_exported_bytes(
    store: SQLiteStore, fmt: str, cf: CorpusFilter, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = io.StringIO()
    n = download(store, cf, fmt, whole, onto=ONTO)
    assert n > 0
    monkeypatch.setattr(downloads, "CHUNK_CHARS", 1000)
    monkeypatch.setattr(downloads, "QUEUED_CHUNKS", 2)
    chunks = list(stream_download(_opener(store), cf, fmt, _no_division, onto=ONTO))
    assert len(chunks) >= len(whole.getvalue()) // 2000 and all(
        isinstance(c, bytes) for c in chunks
    )
    assert b"".join(chunks) == whole.getvalue().encode("utf-8")


def test_a_streamed_download_counts_its_selection_once(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[EventFilter] = []
    real = store.count_events

    def spy(flt: EventFilter) -> int:
        counted.append(flt)
        return real(flt)

    monkeypatch.setattr(store, "count_events", spy)
    cf = CorpusFilter(type="fight", actor="act_2")
    chunks = list(stream_download(_opener(store), cf, "csv", _no_division, onto=ONTO))
    assert len(counted) == 1 and counted[0].actor == "act_2"
    whole = io.StringIO()
    download(store, cf, "csv", whole, onto=ONTO)  # checks, then writes the same bytes
    assert len(counted) == 2
    assert b"".join(chunks) == whole.getvalue().encode("utf-8")


@pytest.mark.parametrize(
    "flt", [EventFilter(), EventFilter(type="ASSAULT"), EventFilter(actor="act_1")], ids=repr
)
def test_filtered_store_pages_are_the_selection_in_order(
    store: SQLiteStore, flt: EventFilter
) -> None:
    """Page after page by offset (as exporters read) gives the whole selection once, in
    (date, id) order, read by keyset; a jump still gives the right page."""
    fs = FilteredStore(store, flt)
    whole = store.events(replace(flt, order="date"))
    walked: list[str] = []
    offset = 0
    while page := fs.events(EventFilter(limit=100, offset=offset)):
        walked += [e.id for e in page]
        offset += len(page)
    assert walked == [e.id for e in whole] and len(walked) > 200
    assert [e.id for e in fs.events(EventFilter(limit=10, offset=37))] == walked[37:47]
    assert [e.id for e in fs.events()] == walked
    ids = {e.id for e in whole}
    want = sorted(
        (i for i in INCIDENTS if ids & set(i.events)),
        key=lambda i: (i.date is not None, i.date or "", i.id),
    )
    got: list[str] = []
    after = None
    while True:
        page = fs.incidents(replace_after(after))
        got += [i.id for i in page]
        if len(page) < 50:
            break
        after = (page[-1].date, page[-1].id)
    assert got == [i.id for i in want] and [i.id for i in fs.incidents()] == got


def replace_after(after: tuple[str | None, str] | None) -> object:
    from eventwire.store.base import IncidentFilter

    return IncidentFilter(limit=50, after=after)


def test_a_reader_that_goes_away_stops_the_exporter(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(downloads, "CHUNK_CHARS", 200)
    monkeypatch.setattr(downloads, "QUEUED_CHUNKS", 1)
    chunks = stream_download(_opener(store), CorpusFilter(), "jsonl", _no_division, onto=ONTO)
    first = next(chunks)
    assert first.startswith(b'{"kind": "article"')
    worker = next(t for t in threading.enumerate() if t.name == "eventwire-download")
    time.sleep(0.1)
    assert worker.is_alive()  # waiting for the reader: the queue holds one chunk at most
    chunks.close()  # type: ignore[attr-defined]
    worker.join(timeout=5)
    assert not worker.is_alive()


def test_bad_downloads_fail_before_anything_is_sent(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ExportError, match="unknown export format 'nope'"):
        stream_download(_opener(store), CorpusFilter(), "nope", _no_division, onto=ONTO)
    monkeypatch.setattr(downloads, "MAX_DOWNLOAD", 10)
    with pytest.raises(ExportError, match="at most 10"):
        stream_download(_opener(store), CorpusFilter(), "csv", _no_division, onto=ONTO)


def test_the_first_bytes_go_before_the_whole_download_is_read(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines download sends its first chunk while the exporter is still reading
    the store: the relations and quotes, written last, are not read yet."""
    monkeypatch.setattr(downloads, "CHUNK_CHARS", 200)
    monkeypatch.setattr(downloads, "QUEUED_CHUNKS", 1)
    read: list[str] = []
    for name in ("iter_relation_lines_among", "quote_lines"):
        real = getattr(store, name)

        def spy(*args: object, _real: object = real, _name: str = name, **kw: object) -> object:
            read.append(_name)
            return _real(*args, **kw)  # type: ignore[operator]

        monkeypatch.setattr(store, name, spy)
    chunks = stream_download(_opener(store), CorpusFilter(), "jsonl", _no_division, onto=ONTO)
    first = next(chunks)
    time.sleep(0.1)  # the exporter waits for the reader: at most one more chunk is written
    assert first.startswith(b'{"kind": "article"') and read == []
    rest = b"".join(chunks)
    assert set(read) == {"quote_lines", "iter_relation_lines_among"}
    whole = io.StringIO()
    download(store, CorpusFilter(), "jsonl", whole, onto=ONTO)
    assert first + rest == whole.getvalue().encode("utf-8")
