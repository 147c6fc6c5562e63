"""Articles and actors read without decoding what an export does not need: a JSON Lines
export or download makes each article's line from its row (no Article built), and a CSV
reads the articles' outlets and the actors' names, types and countries from their
columns (no text, no JSON). The bytes are those of the records decoded in full, on both
backends."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import fill
from tests.export.test_relation_lines import _jsonl, _records_jsonl

from eventwire.export.filters import Filters
from eventwire.export.incidents import incident_row
from eventwire.export.records import actor_record, article_record
from eventwire.export.source import ExportSource
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Article, DocumentRecords
from eventwire.store.export_lines import encode_line
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.downloads import FilteredStore, download, selected_incidents

# an article no event cites, with what a row must keep: nested non-ASCII metadata, a
# date the reader could not settle, fields left empty
SECOND = Article(
    "art_2", "Dans la nuit, «les tirs» ont repris.\nAucun bilan.", title=None, outlet=None,
    published="2019-04", published_precision="month", published_ambiguous=True,
    metadata={"lang": "fr", "tags": ["nuit", "tirs"], "auteur": {"nom": "Zoé"}},
)  # fmt: skip
FILTERS = (CorpusFilter(), CorpusFilter(actor="actor_lna"), CorpusFilter(since="2019-05"))


def _check(store: Any) -> None:
    fill(store)
    store.add_documents([(SECOND, DocumentRecords("art_2"))])
    onto = read_ontology()
    articles = list(store.iter_articles())
    assert [a.id for a in articles] == ["art_1", "art_2"]
    assert list(store.article_lines()) == [encode_line(article_record(a)) for a in articles]
    assert list(store.article_lines(["art_2", "art_9"])) == [
        encode_line(article_record(articles[1]))
    ]
    assert '"published_ambiguous": true' in next(store.article_lines(["art_2"]))
    # an actor's line from its stored JSON (an actor stored before its line was, migration
    # 29): a role, fields stored before they existed (their defaults), a key no Actor has
    militias = json.loads(store._one("SELECT payload FROM actors WHERE id = 'actor_mil'")[0])
    militias["roles"] = [{"title": "commander «south»", "start": "2019"}]
    del militias["kb_id"], militias["article_count"]
    militias["explanation"] = ["not a field"]
    store._execute(
        "UPDATE actors SET payload = ?, line = NULL WHERE id = 'actor_mil'", (json.dumps(militias),)
    )
    actors = store.actors()
    assert any(a.roles for a in actors)
    assert list(store.actor_lines()) == [encode_line(actor_record(a)) for a in actors]
    assert list(store.actor_lines(["actor_lna", "actor_mil", "actor_x"])) == [
        encode_line(actor_record(a))
        for a in sorted(actors, key=lambda a: a.id)
        if a.id in ("actor_mil", "actor_lna")
    ]
    assert '"source": "kb"' in next(store.actor_lines(["actor_mil"]))
    # the JSON Lines of the whole store and of downloads: the records encoded one by one
    assert _jsonl(ExportSource(store, Filters(), ontology=onto)) == _records_jsonl(
        ExportSource(store, Filters(), ontology=onto)
    )
    for cf in FILTERS:
        got = io.StringIO()
        download(store, cf, "jsonl", got, onto=onto)
        whole = FilteredStore(
            store, event_filter(store, cf, onto), selected_incidents(store, cf, onto=onto)
        )
        assert got.getvalue() == _records_jsonl(ExportSource(whole, ontology=onto)), cf  # type: ignore[arg-type]
        assert '"kind": "article"' in got.getvalue()
    # the actors' columns are their records' fields; aliases and roles are not read
    heads = {a.id: a for a in store.actor_heads(["actor_egy", "actor_lna", "actor_x"])}
    full = {a.id: a for a in store.actors()}
    assert sorted(heads) == ["actor_egy", "actor_lna"]
    for actor_id, head in heads.items():
        want = full[actor_id]
        assert (head.name, head.type, head.country, head.kb_id) == (
            want.name, want.type, want.country, want.kb_id
        )  # fmt: skip
        assert (head.mention_count, head.article_count, head.aliases) == (
            want.mention_count, want.article_count, ()
        )  # fmt: skip
    assert [a.id for a in store.actor_heads()] == sorted(full)
    assert store.article_outlets(["art_1", "art_2", "art_9"]) == {
        "art_1": "Harbour Gazette",
        "art_2": None,
    }
    # CSV rows: the cells of rows made from fully decoded actors and articles
    seen: list[dict[str, str]] = []
    for cf in FILTERS:
        got = io.StringIO()
        download(store, cf, "csv", got, onto=onto)
        rows = list(csv.DictReader(io.StringIO(got.getvalue())))
        flt = event_filter(store, cf, onto)
        wanted = [
            incident_row(i, full, lambda a: store.get_article(a).outlet)
            for i in FilteredStore(store, flt).incidents()
        ]
        assert rows and len(rows) == len(wanted), cf
        for row, want in zip(rows, wanted, strict=True):
            assert row["event_id_cnty"] == want.event_id_cnty
            for column in ("source", "actor1", "actor2", "inter1", "inter2"):
                assert row[column] == getattr(want, column), (cf, column)
        seen += rows
    assert any(r["source"] == "Harbour Gazette" for r in seen)
    assert any(r["actor1"] == 'Libyan <National> Army & "allies"' for r in seen)
    assert any(r["inter1"] == "External/Other forces" for r in seen)


def test_articles_and_actors_read_from_their_rows() -> None:
    with SQLiteStore(":memory:") as store:
        _check(store)


@pytest.mark.postgres
def test_articles_and_actors_read_from_their_rows_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check(store)


def test_a_csv_reads_the_heads_of_its_incidents_sides_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A CSV download reads the names of its incidents' sides, each once, a page at a
    time: not the heads of every actor its selected events involve."""
    onto = read_ontology()
    with SQLiteStore(":memory:") as store:
        fill(store)
        asked: list[list[str] | None] = []
        heads = store.actor_heads

        def spy(ids: Any = None) -> Any:
            asked.append(None if ids is None else list(ids))
            return heads(ids)

        monkeypatch.setattr(store, "actor_heads", spy)
        # the selection's actors (a month's: 2,911 on the 1M-event bench store) not read
        monkeypatch.setattr(store, "event_actor_ids", None)
        for cf in FILTERS:
            asked.clear()
            download(store, cf, "csv", io.StringIO(), onto=onto)
            flt = event_filter(store, cf, onto)
            written = FilteredStore(store, flt, selected_incidents(store, cf, onto=onto))
            lines = [json.loads(row.line) for row in written.incident_lines()]
            sides = {r[s] for r in lines for s in ("source_actor", "target_actor")} - {None}
            assert None not in asked, cf
            read = [actor_id for ids in asked for actor_id in ids or ()]
            assert sorted(read) == sorted(sides), cf
