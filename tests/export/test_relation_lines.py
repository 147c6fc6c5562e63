"""Migration 16: a relation's JSON Lines record is stored with it, and an export or a
download copies it: the bytes are those of encoding the record at export time, on both
backends, for relations stored with a line and without one (stored before it)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest

import eventwire.store.sql_relations as sql_relations
from eventwire.export.filters import Filters
from eventwire.export.jsonl import write_jsonl
from eventwire.export.records import relation_record
from eventwire.export.source import ExportSource
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Actor, Event, Evidence, Relation, Resolution
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.downloads import FilteredStore, download, selected_incidents

ACTORS = tuple(
    Actor(f"act_{k}", name, "armed_group", "LBY", (), 1, 1)
    for k, name in (("a", "Sahel Brigade"), ("b", "Wadi «Guard»"), ("c", "Ra'ad Unit"))
)
SAID = Evidence("art_1", "The Sahel Brigade backed the «Guard» — twice.", 4, 17)
RELATIONS = (
    Relation("rel_1", "act_a", "act_b", "support", (SAID,), first_seen="2019-04",
             last_seen="2019-06", source_count=3),
    Relation("rel_2", "act_b", "act_c", "oppose", (SAID,), negated=True, modality="alleged",
             source_count=1, denied_evidence=(SAID,)),
    Relation("rel_3", "act_a", "act_c", "ally", (), contested=True, source_count=0),
    Relation("rel_4", "act_c", "act_a", "fight", (SAID,), first_seen="2020", source_count=1),
)  # fmt: skip
EVENTS = tuple(
    Event(f"evt_{i}", "FIGHT", {}, (SAID,), src, tgt, date, "month")
    for i, (src, tgt, date) in enumerate(
        [
            ("act_a", "act_b", "2019-04"),
            ("act_b", "act_c", "2019-05"),
            ("act_c", "act_a", "2020-01"),
        ]
    )
)


def _records_jsonl(source: ExportSource) -> str:
    """The JSON Lines of ``source``'s records, every one encoded at export time."""
    out = io.StringIO()
    write_jsonl(list(source.records()), out)
    return out.getvalue()


def _jsonl(source: ExportSource) -> str:
    out = io.StringIO()
    write_jsonl(source, out)  # the store's records: stored lines copied
    return out.getvalue()


def _check(store: Any) -> None:
    store.replace_resolution(Resolution(actors=ACTORS, events=EVENTS, relations=RELATIONS))
    encode = json.JSONEncoder(ensure_ascii=False).encode
    expected = [encode(relation_record(r)) for r in sorted(
        RELATIONS, key=lambda r: (-r.source_count, r.id)) if r.source_count >= 1]  # fmt: skip
    assert store.relation_lines() == expected
    assert store.relation_lines(actor="act_c") == [line for line in expected if "act_c" in line]
    assert store.relation_lines_among(["act_a", "act_b"]) == expected[:1]
    onto = read_ontology()
    for stored_lines in (True, False):
        if not stored_lines:  # a store written before migration 16
            store._execute("UPDATE relations SET line = NULL")
            assert store.relation_lines() == expected
        for filters in (Filters(), Filters(actor="act_c"), Filters(min_sources=2)):
            source = ExportSource(store, filters, ontology=onto)
            assert _jsonl(source) == _records_jsonl(ExportSource(store, filters, ontology=onto))
        for cf in (CorpusFilter(), CorpusFilter(since="2019-05"), CorpusFilter(actor="act_a")):
            flt = event_filter(store, cf, onto)
            got = io.StringIO()
            download(store, cf, "jsonl", got, onto=onto)
            whole = ExportSource(
                FilteredStore(store, flt, selected_incidents(store, cf, onto=onto)), ontology=onto
            )  # type: ignore[arg-type]
            assert got.getvalue() == _records_jsonl(whole)
            assert '"kind": "relation"' in got.getvalue() or cf.since


def test_relation_lines_are_the_records_bytes() -> None:
    with SQLiteStore(":memory:") as store:
        _check(store)


@pytest.mark.postgres
def test_relation_lines_are_the_records_bytes_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check(store)


def test_relation_lines_among_many_actors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``AMONG_LIMIT`` ids every relation is read and the pairs kept in Python:
    the same lines, stored or made from the JSON."""
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(Resolution(actors=ACTORS, events=EVENTS, relations=RELATIONS))
        few = store.relation_lines_among(["act_a", "act_c"])
        monkeypatch.setattr(sql_relations, "AMONG_LIMIT", 1)
        assert store.relation_lines_among(["act_a", "act_c"]) == few
        assert len(few) == 1  # rel_4 (rel_3 has no source)
        store._execute("UPDATE relations SET line = NULL")
        assert store.relation_lines_among(["act_a", "act_c"]) == few


def test_relations_among_are_found_in_the_covering_index_first() -> None:
    """On SQLite the relations among many actors are found by rowid in the covering
    ``relations_edges`` index, then each is read once (not every relation an actor index
    finds read to test its other side): the same lines and payloads, in the same order."""
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(Resolution(actors=ACTORS, events=EVENTS, relations=RELATIONS))
        ran: list[str] = []
        run = store._all

        def recording(query: str, args: Any = ()) -> list[Any]:
            ran.append(query)
            return run(query, args)

        stream = store._stream

        def streaming(query: str, args: Any = ()) -> Any:  # the lines: a batch at a time
            ran.append(query)
            return stream(query, args)

        store._all = recording  # type: ignore[method-assign]
        store._stream = streaming  # type: ignore[method-assign]
        among = ["act_a", "act_b", "act_c"]
        lines = store.relation_lines_among(among)
        payloads = store.relation_payloads_among(among)
        store._all = run  # type: ignore[method-assign]
        store._stream = stream  # type: ignore[method-assign]
        assert [json.loads(line)["id"] for line in lines] == ["rel_1", "rel_2", "rel_4"]
        assert [p["id"] for p in payloads] == ["rel_1", "rel_2", "rel_4", "rel_3"]
        assert len(ran) == 2
        for query in ran:
            marks = ["act_a", "act_b", "act_c"] * 2 + ([1] if "source_count >=" in query else [])
            plan = " ".join(str(r[3]) for r in store._all("EXPLAIN QUERY PLAN " + query, marks))
            assert "COVERING INDEX relations_edges" in plan, plan
