"""Migration 29: articles, actors and quotes keep their JSON Lines records (their export
lines), written with them, so that a download copies them. On every backend the stored
lines are the records encoded at export time, and the migration fills the lines of the
records a store held before it, with the same bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from eventwire.config import Settings
from eventwire.export.records import actor_record, article_record, quote_record
from eventwire.model import Actor, Article, DocumentRecords, Quote, Resolution, Role
from eventwire.store import open_store
from eventwire.store.base import QuoteLine, Store
from eventwire.store.export_lines import actor_line, encode_line
from eventwire.store.migrations import MIGRATIONS

# every character a JSON string escapes (the controls, the quote and the backslash), some
# it does not (DEL, a line separator, non-ASCII, an astral symbol) and markup
AWKWARD = "".join(chr(c) for c in range(1, 32)) + '"\\\x7f\u2028 «é» 💥 <b>&amp;</b>'

ARTICLES = (
    Article("art_1", f"Shelling resumed at dawn. {AWKWARD}", title="Dawn «shelling»",
            outlet="Harbour Gazette", url="https://example.org/a?b=1&c=2", source="a.txt",
            published="2019-04-10", published_precision="day"),
    # unsorted and nested metadata (stored with its keys sorted), a date left unsettled
    Article("art_2", "Aucun bilan.\n", title=None, published="2019-04",
            published_precision="month", published_ambiguous=True,
            metadata={"z": 1, "lang": "fr", "tags": ["nuit", AWKWARD], "a": {"y": 2.5, "b": None}}),
    Article("art_3", "Quiet day.", metadata={}),
)  # fmt: skip
ACTORS = (
    Actor("act_a", f"Brigade {AWKWARD}", "armed_group", "LBY", ("Brigade", 'The "B"'), 5, 2),
    Actor("act_b", "Ahmed Example", "person", None, (), 1, 1, kb_id="Q1",
          roles=(Role("commander «south»", "2019", None), Role("envoy", None, "2020", "text"))),
    Actor("act_c", "civilians", "group"),
)  # fmt: skip
QUOTES = (
    Quote("quo_1", f"We will hold {AWKWARD}", "art_1", "They said so.", 3, 40, "act_a"),
    Quote("quo_2", "Nothing is left.", "art_2", "A witness said: nothing.", 0, 16, None,
          speaker_description="a witness in the port"),
    Quote("quo_3", "Hold the line.", "art_1", "He said it.", 50, 64, "act_b"),
)  # fmt: skip


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(Settings(db=store_url))
    _fill(opened)
    yield opened
    opened.close()


def _fill(store: Store) -> None:
    store.add_documents([(a, DocumentRecords(a.id)) for a in ARTICLES])
    store.replace_resolution(Resolution(actors=ACTORS, quotes=QUOTES))


def _stored(store: Store, table: str) -> list[str]:
    return [r[0] for r in store._all(f"SELECT line FROM {table} ORDER BY id")]  # type: ignore[attr-defined]


def test_stored_lines_are_the_records_encoded(store: Store) -> None:
    articles = list(store.iter_articles())
    # an article's stored line leaves its text out: the text is stored once, in its column
    assert _stored(store, "articles") == [
        encode_line({**article_record(a), "text": None}) for a in articles
    ]
    assert '"metadata": {"a": {"b": null, "y": 2.5}, "lang": "fr"' in _stored(store, "articles")[1]
    actors = sorted(store.actors(), key=lambda a: a.id)
    assert _stored(store, "actors") == [encode_line(actor_record(a)) for a in actors]
    quotes = sorted(store.quotes(), key=lambda q: q.id)
    assert _stored(store, "quotes") == [encode_line(quote_record(q)) for q in quotes]
    # what the readers return: the stored lines, in the order of the records
    assert list(store.article_lines()) == [encode_line(article_record(a)) for a in articles]
    assert list(store.actor_lines()) == [encode_line(actor_record(a)) for a in store.actors()]
    assert store.quote_lines() == [
        QuoteLine(q.article_id, q.speaker, encode_line(quote_record(q))) for q in store.quotes()
    ]
    assert [q.line for q in store.quote_lines("act_b")] == [
        encode_line(quote_record(q)) for q in store.quotes("act_b")
    ]
    assert [q.line for q in store.quote_lines(article_ids=["art_2", "art_9"])] == [
        encode_line(quote_record(q)) for q in store.quotes_of_articles(["art_2", "art_9"])
    ]


def test_an_actor_updated_in_place_gets_its_new_line(store: Store) -> None:
    renamed = Actor("act_c", "the «civilians»", "group", "LBY", ("civilians",), 4, 3)
    with store.write_lock():  # type: ignore[attr-defined]
        store.replace_actors([], Resolution(actors=(renamed,)), keep_links=["act_c"])  # type: ignore[attr-defined]
    assert list(store.actor_lines(["act_c"])) == [encode_line(actor_record(renamed))]
    assert _stored(store, "actors")[2] == encode_line(actor_record(renamed))


def test_records_stored_without_lines_are_encoded_when_read(store: Store) -> None:
    want = (list(store.article_lines()), list(store.actor_lines()), store.quote_lines())
    for table in ("articles", "actors", "quotes"):
        store._execute(f"UPDATE {table} SET line = NULL")  # type: ignore[attr-defined]
    assert (list(store.article_lines()), list(store.actor_lines()), store.quote_lines()) == want


def test_migration_29_fills_the_lines_of_records_stored_before(store_url: str) -> None:
    """A store at migration 28 (the line columns dropped) opened by this version: the
    lines the migration writes are those the store writes with each record."""
    with open_store(Settings(db=store_url)) as store:
        _fill(store)
        # an actor stored before some of its fields existed, with a key no Actor has:
        # its line shows their defaults, as the line made from its stored JSON does
        payload = json.loads(store._one("SELECT payload FROM actors WHERE id = 'act_b'")[0])  # type: ignore[attr-defined]
        del payload["kb_id"], payload["article_count"]
        payload["roles"] = [{"title": "envoy «north»", "start": "2019"}]
        store._execute(  # type: ignore[attr-defined]
            "UPDATE actors SET payload = ? WHERE id = 'act_b'", (json.dumps(payload),)
        )
        store._execute(  # type: ignore[attr-defined]
            "UPDATE actors SET line = ? WHERE id = 'act_b'", (actor_line(json.dumps(payload)),)
        )
        want = {t: _stored(store, t) for t in ("articles", "actors", "quotes")}
        assert (
            '"roles": [{"title": "envoy «north»", "start": "2019", "end": null'
            in (want["actors"][1])
        )
        for table in want:
            store._execute(f"ALTER TABLE {table} DROP COLUMN line")  # type: ignore[attr-defined]
        for index in ("event_pair_floors_source", "event_pair_floors_target"):  # migration 30
            store._execute(f"DROP INDEX {index}")  # type: ignore[attr-defined]
        if store_url.startswith("postgresql"):
            store._execute("UPDATE schema_version SET version = 28")  # type: ignore[attr-defined]
        else:
            store._execute("PRAGMA user_version = 28")  # type: ignore[attr-defined]
    with open_store(Settings(db=store_url)) as store:
        assert store.schema_version == len(MIGRATIONS)  # type: ignore[attr-defined]
        assert {t: _stored(store, t) for t in want} == want
