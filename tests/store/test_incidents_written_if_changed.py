"""A refresh writes only the incidents and events whose stored rows differ: the others
keep their rows, the picture equals a rebuild's on every backend, and incidents a batch
removes are gone with their event links."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwire.config import Settings
from eventwire.model import Resolution
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.store import open_store
from eventwire.synthetic import World, synthetic_document


def test_a_refresh_leaves_the_rows_of_unchanged_incidents_in_place(tmp_path: Path) -> None:
    world = World.make(70)
    docs = [synthetic_document(world, n) for n in range(60)]
    path = tmp_path / "s.db"
    settings = Settings(db=str(path))

    def rows(table: str = "incidents") -> dict[str, tuple[int, str]]:
        with sqlite3.connect(path) as db:
            found = db.execute(f"SELECT id, rowid, payload FROM {table}")
            return {r[0]: (r[1], r[2]) for r in found}

    with open_store(settings) as store:
        store.add_documents(docs[:55])
        rebuild(store, settings)
        before, events_before = rows(), rows("events")
        store.add_documents(docs[55:])
        assert refresh(store, settings)
        after, events_after = rows(), rows("events")
        same = [e for e, (_, js) in events_before.items() if events_after.get(e, (0, ""))[1] == js]
        assert same and all(events_after[e][0] == events_before[e][0] for e in same)
        assert len(events_after) > len(same)  # the batch's events were written
        kept = [i for i in before if i in after and after[i][1] == before[i][1]]
        moved = [i for i in before if i in after and after[i][1] != before[i][1]]
        assert kept and all(after[i][0] == before[i][0] for i in kept)  # rows left in place
        assert all(after[i][0] != before[i][0] for i in moved)  # changed rows rewritten
        assert len(after) > len(kept)  # the batch brought or changed some
        assert check_picture(store, settings).same


def test_changed_incidents_finds_changed_new_and_gone_rows(store_url: str) -> None:
    settings = Settings(db=store_url)
    world = World.make(30)
    with open_store(settings) as store:
        store.add_documents([synthetic_document(world, n) for n in range(25)])
        rebuild(store, settings)
        stored = store.incidents()
        assert len(stored) > 3
        first, second, *rest = stored
        renamed = type(first)(**{**first.__dict__, "id": first.id + "x"})
        recounted = type(second)(**{**second.__dict__, "source_count": second.source_count + 1})
        changed, gone = store.changed_incidents([renamed, recounted, *rest])  # type: ignore[attr-defined]
        assert [i.id for i in changed] == [renamed.id, second.id]
        assert gone == [first.id]
        unchanged, none_gone = store.changed_incidents(stored)  # type: ignore[attr-defined]
        assert unchanged == [] and none_gone == []


def test_a_refresh_removes_incidents_no_longer_joined(store_url: str) -> None:
    settings = Settings(db=store_url)
    world = World.make(30)
    with open_store(settings) as store:
        store.add_documents([synthetic_document(world, n) for n in range(20)])
        rebuild(store, settings)
        first = store.incidents()[0]
        # a stale incident the picture no longer has: the next refresh must drop it
        with store.write_lock():
            store._write_incidents(  # type: ignore[attr-defined]
                Resolution(), [type(first)(**{**first.__dict__, "id": "incident:stale"})]
            )
        store.add_documents([synthetic_document(world, n) for n in range(20, 26)])
        assert refresh(store, settings)
        assert "incident:stale" not in {i.id for i in store.incidents()}
        for event_id in first.events:  # its event links went with it
            assert "incident:stale" not in {i.id for i, _ in store.incident_of_event(event_id)}
        assert check_picture(store, settings).same
