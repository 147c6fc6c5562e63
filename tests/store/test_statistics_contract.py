"""The store contract for running and period totals (migration 7), on every backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.config import Settings
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Evidence,
    Place,
    Resolution,
    Span,
    Statistic,
)
from eventwire.pipeline import check_picture, rebuild
from eventwire.resolve.statistics import resolve_statistics
from eventwire.store import open_store
from eventwire.store.base import Store
from eventwire.store.sqlite import SQLiteStore

TEXT = (
    "The war has killed at least 3,000 people since April. "
    "The RSF has displaced 200,000 in Darfur since May."
)
DARFUR = Place("supplement:darfur", "Darfur", 13.0, 25.0, "SDN", None, "admin1")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(Settings(db=store_url))
    yield opened
    opened.close()


def _documents() -> DocumentRecords:
    first, second = TEXT.split(". ")
    ev1 = Evidence("art_s", first + ".", 0, len(first) + 1)
    ev2 = Evidence("art_s", second, len(first) + 2, len(TEXT))
    rsf = TEXT.index("RSF")
    return DocumentRecords(
        "art_s",
        statistics=(
            Statistic("killed", 3000, "at least", "at least 3,000", ev1, "2024-04"),
            Statistic("displaced", 200_000, None, "200,000", ev2, "2024-05", None, "actor",
                      Span(rsf, rsf + 3, "RSF"), DARFUR),
        ),
    )  # fmt: skip


def _resolution(doc: DocumentRecords) -> Resolution:
    rsf = doc.statistics[1].actor_span
    assert rsf is not None
    mention_actor = {f"art_s:{rsf.start}:{rsf.end}": "actor_rsf"}
    return Resolution(
        actors=(Actor("actor_rsf", "Rapid Support Forces", "armed_group", "SDN", ("RSF",), 1, 1),),
        mention_actor=mention_actor,
        statistics=tuple(resolve_statistics([doc], mention_actor)),
    )


def test_statistics_round_trip_and_filter(store: Store) -> None:
    doc = _documents()
    store.add_documents([(Article("art_s", TEXT, published="2024-06-01"), doc)])
    (back,) = list(store.iter_document_records())
    assert back.statistics == doc.statistics  # document records carry them: rebuild does
    res = _resolution(doc)
    store.replace_resolution(res)
    assert store.statistics() == list(res.statistics)
    (rsf,) = store.statistics(actor="actor_rsf")
    assert (rsf.counted, rsf.value, rsf.scope, rsf.actor) == (
        "displaced",
        200_000,
        "actor",
        "actor_rsf",
    )
    assert store.statistics(place="supplement:darfur") == [rsf]
    assert [s.value for s in store.statistics(counted="killed")] == [3000]
    assert store.statistics(actor="actor_rsf", counted="killed") == []
    assert [s.value for s in store.statistics(limit=1, offset=1)] == [200_000]
    assert len({s.id for s in store.statistics()}) == 2


def test_a_new_picture_replaces_the_statistics(store: Store) -> None:
    doc = _documents()
    store.add_documents([(Article("art_s", TEXT), doc)])
    store.replace_resolution(_resolution(doc))
    store.replace_resolution(Resolution())
    assert store.statistics() == []


def test_the_conflicts_total_has_no_actor_and_no_place() -> None:
    (war, rsf) = resolve_statistics([_documents()], {})
    assert (war.scope, war.actor, war.place) == ("conflict", None, None)
    # its actor mention resolved to nothing: the statistic is about its place
    assert (rsf.scope, rsf.actor) == ("place", None)
    assert war.id.startswith("stat:") and war.id != rsf.id


def test_rebuild_and_its_check_cover_statistics(tmp_path) -> None:
    settings = Settings(db=str(tmp_path / "r.db"))
    doc = _documents()
    with SQLiteStore(settings.db) as store:
        store.add_documents([(Article("art_s", TEXT, published="2024-06-01"), doc)])
        rebuilt = rebuild(store, settings)
        assert [s.value for s in rebuilt.statistics] == [3000, 200_000]
        assert [s.value for s in store.statistics()] == [3000, 200_000]
        assert check_picture(store, settings).differences["statistics"] == (0, 0, 0)
        state = store.picture_state()
        store.replace_resolution(Resolution(), state.picture, state.fingerprint, force=True)
        assert check_picture(store, settings).differences["statistics"] == (0, 2, 0)
