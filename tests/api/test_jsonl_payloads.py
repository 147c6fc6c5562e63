"""JSONL relations are written from their stored JSON without building Relation records:
the bytes must be those of the record path (a Relation decoded, then its record), for
every kind of record, under filters, on SQLite and PostgreSQL, for payloads stored
before a field existed, and in a download."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import fill

from eventwire.export import ExportSource, Filters, export
from eventwire.export.records import relation_payload_record
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Relation, to_dict
from eventwire.store.base import Store
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter
from eventwire.views.downloads import FilteredStore, download, event_filter, selected_incidents

ONTO = read_ontology()
ROOT = Path(__file__).resolve().parents[2]
RUN = "import sys; from eventwire.cli import app; sys.argv[0] = 'eventwire'; app()"
FILTERS = [
    Filters(),
    Filters(actor="Egypt"),
    Filters(type="support"),
    Filters(since="2019-04-10"),
    Filters(until="2019-04-09", modality="reported"),
    Filters(min_sources=2),
]


def _relation_record(r: Relation) -> dict[str, Any]:
    """The relation record as the exporter wrote it from a decoded Relation (the
    order of docs/export.md), spelled out here so that the test does not share code
    with what it checks."""
    return {
        "kind": "relation", "id": r.id, "source_actor": r.source_actor,
        "target_actor": r.target_actor, "type": r.type, "negated": r.negated,
        "modality": r.modality, "contested": r.contested, "first_seen": r.first_seen,
        "last_seen": r.last_seen, "evidence": [to_dict(e) for e in r.evidence],
        "denied_evidence": [to_dict(e) for e in r.denied_evidence],
        "source_count": r.source_count,
    }  # fmt: skip


def _reference(source: ExportSource) -> str:
    """Every record ``source`` writes, with each relation taken from a decoded Relation."""
    relations: Iterator[Relation] = iter(list(source.relations()))
    lines = []
    for record in source.records():
        if record["kind"] == "relation":
            record = _relation_record(next(relations))
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    assert next(relations, None) is None
    return "".join(lines)


def _jsonl(store: Store, flt: Filters) -> str:
    out = io.StringIO()
    export(store, "jsonl", out, flt)
    return out.getvalue()


def _same_bytes(store: Store, filters: list[Filters]) -> set[str]:
    """Check each filter's export against the record path; the kinds written."""
    kinds: set[str] = set()
    for flt in filters:
        written = _jsonl(store, flt)
        assert written == _reference(ExportSource(store, flt)), flt
        # the records GraphML and GEXF draw, decoded from the stored lines
        source = ExportSource(store, flt)
        wanted = [_relation_record(r) for r in source.relations()]
        assert list(source.relation_records()) == wanted, flt
        kinds |= {json.loads(line)["kind"] for line in written.splitlines()}
    return kinds


def test_every_kind_and_filter_gives_the_record_paths_bytes(filled: SQLiteStore) -> None:
    kinds = _same_bytes(filled, FILTERS)
    assert {"article", "actor", "event", "incident", "relation", "quote", "place"} <= kinds


def test_relation_filters_agree_on_records_and_payloads(filled: SQLiteStore) -> None:
    payloads = {p["id"]: p for p in filled.relation_payloads()}
    for flt in FILTERS:
        actor = flt.actor_id(filled)
        for r in filled.relations():
            kept = flt.keeps_relation(r, actor)
            assert flt.keeps_relation_payload(payloads[r.id], actor) == kept, (flt, r.id)
    assert sum(Filters(type="support").keeps_relation(r, None) for r in filled.relations()) == 1


def test_a_payload_stored_before_a_field_existed_reads_as_its_default(filled_db: str) -> None:
    with sqlite3.connect(filled_db) as db:
        (text,) = db.execute("SELECT payload FROM relations WHERE id = 'rel_2'").fetchone()
        payload = json.loads(text)
        for name in ("negated", "contested", "denied_evidence", "source_count", "modality"):
            del payload[name]
        # stored before those fields existed, so before migration 16 too: no line
        db.execute(
            "UPDATE relations SET payload = ?, line = NULL WHERE id = 'rel_2'",
            (json.dumps(payload),),
        )
    with SQLiteStore(filled_db) as store:
        record = relation_payload_record(store.relation_payloads("actor_civ")[0])
        assert record == _relation_record(store.relations("actor_civ")[0])
        assert (record["modality"], record["denied_evidence"], record["source_count"]) == (
            "asserted", [], 1,
        )  # fmt: skip
        _same_bytes(store, FILTERS)


def test_stored_keys_are_sorted_so_the_payload_is_never_written_as_it_is(
    filled: SQLiteStore,
) -> None:
    """Why relations are re-encoded at all: the stored JSON has sorted keys and no kind."""
    payload = filled.relation_payloads()[0]
    record = relation_payload_record(payload)
    assert list(payload) == sorted(payload)
    assert list(record)[:2] == ["kind", "id"] and list(record) != sorted(record)


def test_a_download_writes_the_record_paths_bytes(filled: SQLiteStore) -> None:
    for cf in (CorpusFilter(), CorpusFilter(type="assault"), CorpusFilter(actor="Egypt")):
        out = io.StringIO()
        download(filled, cf, "jsonl", out, onto=ONTO)
        incidents = selected_incidents(filled, cf, onto=ONTO)
        selected = FilteredStore(filled, event_filter(filled, cf, ONTO), incidents)
        assert out.getvalue() == _reference(ExportSource(selected, None, None, None, ONTO))  # type: ignore[arg-type]


@pytest.mark.postgres
def test_postgres_jsonl_payloads_give_the_record_paths_bytes(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        fill(store)  # type: ignore[arg-type]
        kinds = _same_bytes(store, FILTERS)
        assert "relation" in kinds
        out = io.StringIO()
        download(store, CorpusFilter(type="support"), "jsonl", out, onto=ONTO)
        selected = FilteredStore(store, event_filter(store, CorpusFilter(type="support"), ONTO))
        assert out.getvalue() == _reference(ExportSource(selected, None, None, None, ONTO))  # type: ignore[arg-type]
        # a relation has no type: under a type the network draws none, and a download
        # carries none (what is on screen); the whole store's download carries them
        assert '"kind": "relation"' not in out.getvalue()
        out = io.StringIO()
        download(store, CorpusFilter(), "jsonl", out, onto=ONTO)
        assert '"kind": "relation"' in out.getvalue()


@pytest.mark.slow
def test_demo_articles_jsonl_payloads_give_the_record_paths_bytes(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    args = ["ingest", str(ROOT / "examples" / "corpus"), "--db", str(db)]
    subprocess.run([sys.executable, "-c", RUN, *args], check=True, capture_output=True)
    with SQLiteStore(db) as store:
        busiest = max(store.actors(), key=lambda a: (a.mention_count, a.id))
        filters = [Filters(), Filters(actor=busiest.id), Filters(type="support")]
        filters.append(Filters(type="fight", since="2019"))
        kinds = _same_bytes(store, filters)
        assert {"article", "actor", "event", "relation", "quote", "place"} <= kinds
        for cf in (CorpusFilter(), CorpusFilter(actor=busiest.id), CorpusFilter(type="fight")):
            out = io.StringIO()
            download(store, cf, "jsonl", out, onto=ONTO)
            selected = FilteredStore(store, event_filter(store, cf, ONTO))
            assert out.getvalue() == _reference(ExportSource(selected, None, None, None, ONTO))  # type: ignore[arg-type]
