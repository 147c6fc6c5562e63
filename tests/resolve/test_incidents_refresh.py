"""An incremental refresh places incidents as a rebuild does: the article's only town, read
from its place mentions, is the fallback place of an incident that places nothing itself."""

from __future__ import annotations

from pathlib import Path

from tests.resolve.test_incidents import GHARYAN, TARHUNA, Text

from eventwire.config import Settings
from eventwire.model import Article, DocumentRecords
from eventwire.pipeline import rebuild, refresh
from eventwire.resolve.doc_incidents import is_town_record
from eventwire.store.sqlite import SQLiteStore


def _article(t: Text, towns: tuple = ()) -> tuple[Article, DocumentRecords]:
    article = Article(t.article_id, t.text, outlet=f"Wire {t.article_id}",
                      published=t.published, published_precision="day")  # fmt: skip
    return article, t.records(towns)


def _docs() -> list[tuple[Article, DocumentRecords]]:
    # the shelling's sentence names no town; the article names one elsewhere
    shelled = (Text("art_r1").sentence("Shells hit the main market on Friday, killing two.")
               .event("ASSAULT", "hit", "2025-03-14", counts=(("killed", 2),))
               .sentence("Families from Gharyan queued for bread the next morning."))  # fmt: skip
    raided = (Text("art_r2").sentence("Gunmen raided a checkpoint outside Tarhuna on Monday.")
              .event("ASSAULT", "raided", "2025-03-10", TARHUNA))  # fmt: skip
    return [_article(shelled, (GHARYAN,)), _article(raided, (TARHUNA,))]


def _places(store: SQLiteStore) -> list[tuple[str, str | None]]:
    return sorted((i.evidence[0].article_id, i.location and i.location.name)
                  for i in store.incidents())  # fmt: skip


def test_a_refresh_keeps_the_articles_only_town_as_a_rebuild_does(tmp_path: Path) -> None:
    docs = _docs()
    whole = Settings(db=str(tmp_path / "whole.db"))
    with SQLiteStore(whole.db) as store:
        store.add_documents(docs)
        rebuild(store, whole)
        rebuilt = _places(store)
    assert rebuilt == [("art_r1", "Gharyan"), ("art_r2", "Tarhuna")]
    settings = Settings(db=str(tmp_path / "batches.db"))
    with SQLiteStore(settings.db) as store:
        for batch in (docs[:1], docs[1:]):  # the second refresh re-reads the first article
            store.add_documents(batch)
            refresh(store, settings)
        assert _places(store) == rebuilt


def test_only_town_mentions_are_kept_for_the_refresh() -> None:
    town = {"place": {"precision": "city", "name": "Gharyan"}, "is_actor": False}
    assert is_town_record(town)
    assert not is_town_record({**town, "is_actor": True})  # "Tripoli said"
    assert not is_town_record({"place": {"precision": "country"}, "is_actor": False})
    assert not is_town_record({"place": None})
