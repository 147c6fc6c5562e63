"""SQLite store: schema, idempotent writes, resolution replacement, queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwire.errors import NotFound, StoreError
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Evidence,
    Mention,
    Place,
    Resolution,
    Span,
)
from eventwire.store.base import EventFilter, Store
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.sqlite import SQLiteStore


def make_doc(n: int) -> tuple[Article, DocumentRecords]:
    text = f"Commander Number{n} visited the port of Town{n} on Sunday."
    art = Article(
        id=f"art_{n}",
        text=text,
        title=f"Story {n}",
        published="2019-04-16",
        published_precision="day",
    )
    ev = Evidence(art.id, text, 0, len(text))
    mention = Mention(art.id, Span(10, 10 + len(f"Number{n}"), f"Number{n}"), "PERSON", ev)
    return art, DocumentRecords(article_id=art.id, mentions=(mention,))


def test_store_satisfies_protocol(memory_store: SQLiteStore) -> None:
    assert isinstance(memory_store, Store)
    assert memory_store.schema_version == len(MIGRATIONS)


def test_file_store_uses_wal(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_add_documents_is_idempotent(memory_store: SQLiteStore) -> None:
    docs = [make_doc(i) for i in range(3)]
    assert memory_store.add_documents(docs) == 3
    assert memory_store.add_documents(docs) == 0
    assert memory_store.add_documents([make_doc(3), docs[0]]) == 1
    stats = memory_store.stats()
    assert stats["articles"] == 4 and stats["mentions"] == 4
    assert memory_store.known_article_ids(["art_1", "art_9"]) == {"art_1"}
    assert [r.article_id for r in memory_store.iter_document_records()] == [
        "art_0",
        "art_1",
        "art_2",
        "art_3",
    ]


def test_records_round_trip(memory_store: SQLiteStore) -> None:
    art, recs = make_doc(7)
    memory_store.add_documents([(art, recs)])
    assert memory_store.get_article("art_7") == art
    (back,) = list(memory_store.iter_document_records())
    assert back == recs
    with pytest.raises(NotFound):
        memory_store.get_article("nope")


def test_failed_batch_leaves_store_unchanged(memory_store: SQLiteStore) -> None:
    memory_store.add_documents([make_doc(1)])
    art, recs = make_doc(2)
    broken = Article(id="art_broken", text=None)  # type: ignore[arg-type]  # NOT NULL breaks
    with pytest.raises(StoreError):
        memory_store.add_documents([(art, recs), (broken, DocumentRecords("art_broken"))])
    assert memory_store.stats()["articles"] == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        SQLiteStore(path)


def _resolution() -> Resolution:
    ev = Evidence("art_1", "Sentence one.", 0, 13)
    derna = Place("geonames:1", "Derna", 32.76, 22.64, "LBY", "Darnah", "city")
    actors = (
        Actor(
            "actor_h",
            "Khalifa Haftar",
            "person",
            "LBY",
            ("Haftar", "Hiftar", "Khalifa Haftar"),
            5,
            2,
        ),
        Actor("actor_e", "Egypt", "country", "EGY", ("Egypt",), 2, 1),
    )
    events = (
        Event(
            "event_1",
            "ASSAULT",
            {"plover": "ASSAULT"},
            (ev,),
            "actor_h",
            None,
            "2018-05",
            "month",
            derna,
        ),
        Event(
            "event_2",
            "SUPPORT",
            {},
            (ev,),
            "actor_e",
            "actor_h",
            "2019-04-14",
            "day",
            None,
            source_count=2,
        ),
    )
    return Resolution(
        actors=actors, events=events, places=(derna,), mention_actor={"art_1:0:6": "actor_h"}
    )


def test_resolution_replace_and_queries(memory_store: SQLiteStore) -> None:
    memory_store.replace_resolution(_resolution())
    memory_store.replace_resolution(_resolution())  # replacing twice leaves one copy
    assert memory_store.stats()["actors"] == 2
    assert [a.id for a in memory_store.actors(query="hiftar")] == ["actor_h"]
    assert memory_store.get_actor("actor_h").aliases == ("Haftar", "Hiftar", "Khalifa Haftar")
    assert len(memory_store.events(EventFilter(actor="actor_h"))) == 2
    assert [e.id for e in memory_store.events(EventFilter(min_sources=2))] == ["event_2"]
    assert [e.id for e in memory_store.events(EventFilter(since="2019"))] == ["event_2"]
    assert [e.id for e in memory_store.events(EventFilter(until="2018-12"))] == ["event_1"]
    bbox = (20.0, 30.0, 25.0, 35.0)
    assert [e.id for e in memory_store.events(EventFilter(bbox=bbox))] == ["event_1"]
    assert memory_store.get_event("event_1").location.name == "Derna"  # type: ignore[union-attr]
    assert memory_store.places()[0][1] == 1
    assert memory_store.actor_of_mention("art_1:0:6") == "actor_h"


def test_open_store_by_setting(tmp_path: Path) -> None:
    from eventwire.config import Settings
    from eventwire.store import open_store

    store = open_store(Settings(db=str(tmp_path / "o.db")))
    assert isinstance(store, SQLiteStore)
    store.close()
    with pytest.raises(StoreError, match="no store backend"):
        open_store(Settings(db="mysql://somewhere/db"))


def test_actor_events_merge_both_roles_in_order_and_page(memory_store: SQLiteStore) -> None:
    ev = Evidence("art_1", "Sentence one.", 0, 13)
    events = tuple(
        Event(f"event_{i}", "ASSAULT", {}, (ev,), src, tgt, f"2019-04-{10 + i:02d}", "day")
        for i, (src, tgt) in enumerate(
            [("actor_h", "actor_e"), ("actor_e", "actor_h"), ("actor_h", "actor_h"),
             ("actor_e", None), ("actor_h", None)]
        )
    )  # fmt: skip
    memory_store.replace_resolution(Resolution(actors=(), events=events))
    ids = [e.id for e in memory_store.events(EventFilter(actor="actor_h"))]
    assert ids == ["event_0", "event_1", "event_2", "event_4"]  # once each, by date
    page = memory_store.events(EventFilter(actor="actor_h", limit=2, offset=1))
    assert [e.id for e in page] == ["event_1", "event_2"]
    assert [
        e.id for e in memory_store.events(EventFilter(actor="actor_e", since="2019-04-12"))
    ] == ["event_3"]
