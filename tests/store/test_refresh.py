"""refresh: batches in any order and size end as one rebuild; a writer that adds
documents while a picture is computed is never lost."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from eventwire.config import Settings
from eventwire.export import export_records
from eventwire.model import DocumentRecords
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.store.sqlite import SQLiteStore
from eventwire.synthetic import World, synthetic_document

N = 60


def exported(store: SQLiteStore) -> list[dict[str, object]]:
    return list(export_records(store))


def test_random_batches_in_random_orders_end_as_one_rebuild(tmp_path: Path) -> None:
    world = World.make(N)
    docs = [synthetic_document(world, i) for i in range(N)]
    whole = Settings(db=str(tmp_path / "whole.db"))
    with SQLiteStore(whole.db) as store:
        store.add_documents(docs)
        rebuild(store, whole)
        expected = exported(store)
    rng = random.Random(16)
    for trial in range(3):
        order = docs[:]
        rng.shuffle(order)
        settings = Settings(db=str(tmp_path / f"t{trial}.db"))
        with SQLiteStore(settings.db) as store:
            while order:
                size = rng.randint(1, 25)
                batch, order = order[:size], order[size:]
                store.add_documents(batch)
                refresh(store, settings)
            assert exported(store) == expected
            assert check_picture(store, settings).same


class _RacedStore(SQLiteStore):
    """A store to which another writer adds documents while the first picture is read."""

    extra: list = []

    def iter_document_records(self, upto: int | None = None) -> Iterator[DocumentRecords]:
        yield from super().iter_document_records(upto)
        if self.extra:
            self.add_documents([self.extra.pop()])


def test_documents_added_during_a_refresh_are_resolved_before_it_returns(
    tmp_path: Path,
) -> None:
    world = World.make(N)
    settings = Settings(db=str(tmp_path / "r.db"))
    with _RacedStore(settings.db) as store:
        store.extra = [synthetic_document(world, 1)]
        store.add_documents([synthetic_document(world, 0)])
        assert refresh(store, settings)
        state = store.picture_state()
        assert (state.documents, state.picture) == (2, 2)
        assert {a for e in store.events() for a in (x.article_id for x in e.evidence)} == {
            "syn_7_00000000",
            "syn_7_00000001",
        }
