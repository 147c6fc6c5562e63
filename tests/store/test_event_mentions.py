"""The stored event mentions (migration 23) and the refresh's events pass that writes
only the keys its batch touches: rows written with the picture on every backend, a
refresh that rewrites only the touched keys' events, and the same picture as a rebuild."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from eventwire import pipeline
from eventwire.config import Settings
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.resolve.event_mentions import EventsChange, moved_articles
from eventwire.store import open_store
from eventwire.store.base import Store
from eventwire.synthetic import World, synthetic_document


def _rows(store: Store) -> list[tuple[str, int, int, str, str, str]]:
    return sorted(store.event_mention_links())


def test_a_rebuild_stores_every_kept_mention_with_its_key_and_event(store_url: str) -> None:
    settings = Settings(db=store_url)
    world = World.make(20)
    with open_store(settings) as store:
        store.add_documents([synthetic_document(world, n) for n in range(12)])
        rebuild(store, settings)
        rows = _rows(store)
        events = {e.id: e for e in store.events()}
        assert store.event_mentions_generation() == store.picture_state().picture
        assert {r[5] for r in rows} == set(events)  # every event has its mentions, no more
        for article, _seq, _start, type_, key, event_id in rows:
            t, source, target, negated, _acled = json.loads(key)
            e = events[event_id]
            assert (t, source, target, negated) == (type_, e.source_actor, e.target_actor,
                                                    e.negated)  # fmt: skip
            assert article in {ev.article_id for ev in e.evidence}
        key = rows[0][4]
        assert store.event_mention_keys([rows[0][0]]) >= {key}


def test_a_refresh_rewrites_only_the_events_of_the_keys_its_batch_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World.make(60)
    docs = [synthetic_document(world, n) for n in range(50)]
    path = tmp_path / "s.db"
    settings = Settings(db=str(path))
    seen: list[EventsChange] = []
    real = pipeline.refresh_events

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(args[5])  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def rowids() -> dict[str, int]:
        with sqlite3.connect(path) as db:
            return dict(db.execute("SELECT id, rowid FROM events"))

    with open_store(settings) as store:
        store.add_documents(docs[:45])
        refresh(store, settings)
        keys_before = {r[4]: r[5] for r in _rows(store)}
        before = rowids()
        monkeypatch.setattr(pipeline, "refresh_events", watched)
        store.add_documents(docs[45:])
        assert refresh(store, settings)
        monkeypatch.undo()
        (change,) = seen
        assert change.keys and len(change.keys) < len(keys_before)
        after = rowids()
        kept = {e for k, e in keys_before.items() if k not in change.keys}
        assert kept and all(after[e] == before[e] for e in kept)  # rows left in place
        assert {e.id for e in change.added} <= set(after)
        assert check_picture(store, settings).same
        assert store.event_mentions_generation() == store.picture_state().picture


def test_a_store_without_mention_rows_resolves_in_full_once(tmp_path: Path) -> None:
    world = World.make(20)
    settings = Settings(db=str(tmp_path / "s.db"))
    with open_store(settings) as store:
        store.add_documents([synthetic_document(world, n) for n in range(10)])
        refresh(store, settings)
        with store.write_lock():  # no mention rows of this picture, as before migration 23
            store._replace_event_mentions(None, None)  # type: ignore[attr-defined]
        assert store.event_mentions_generation() == -1
        store.add_documents([synthetic_document(world, n) for n in range(10, 14)])
        assert refresh(store, settings)
        assert store.event_mentions_generation() == store.picture_state().picture
        assert check_picture(store, settings).same


def test_moved_articles_names_the_articles_whose_mentions_changed_actor() -> None:
    before = {"a1:0:4": "x", "a2:0:4": "x", "a3:5:9": "y"}
    now = {"a1:0:4": "x", "a2:0:4": "z", "a3:5:9": "y", "a4:0:3": "x", "b:c:1:2": "g"}
    # a2 moved to z; a4's mention joined the rebuilt x; b:c's actor became a group
    assert moved_articles(before, now, {"x"}, {"g"}) == {"a2", "a4", "b:c"}
    assert moved_articles(before, before, {"x"}, set()) == set()
