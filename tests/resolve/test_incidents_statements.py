"""Statements about an incident (a condemnation, a denial, a protest's demand) are linked
to it, never its members: in the store, the CSV and JSONL exports and the incident page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient
from tests.resolve.test_incidents import GHARYAN, ONTO, Text

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.export import export
from eventwire.model import Article, DocumentRecords
from eventwire.pipeline import rebuild
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.store import open_store
from eventwire.store.base import IncidentFilter


def test_a_statement_is_about_the_act_its_sentence_tells_beside_it() -> None:
    t = Text("a", "2025-03-16").sentence(
        "Hundreds marched in Gharyan on Sunday to demand justice, a year after gunmen "
        "killed eight people at the market.")  # fmt: skip
    t.event("PROTEST", "marched", "2025-03-16", GHARYAN)
    t.event("REQUEST", "demand", "2025-03-16", GHARYAN)
    t.event("ASSAULT", "killed", "2024-03-16", GHARYAN)
    march, attack = document_incidents(t.records(), ONTO, {})
    assert [em.type for em in march.statements] == ["REQUEST"] and not attack.statements
    t = Text("b").sentence("Shells hit a market in Gharyan on Friday, killing four.")
    t.event("ASSAULT", "hit", "2025-03-14", GHARYAN)
    t.sentence("A day later the mission condemned the attack.")
    t.event("ACCUSE", "condemned", "2025-03-15", GHARYAN)
    t.event("ASSAULT", "attack", None, GHARYAN)
    (shelling,) = document_incidents(t.records(), ONTO, {})
    assert [em.type for em in shelling.statements] == ["ACCUSE"]


def _reports() -> list[tuple[Article, DocumentRecords]]:
    a = Text("art_s1").sentence("Shells hit a market in Gharyan on Friday, killing four people.")
    a.event("ASSAULT", "hit", "2025-03-14", GHARYAN)
    a.sentence("The United Nations mission condemned the shelling.")
    a.event("ACCUSE", "condemned", None, GHARYAN)
    b = Text("art_s2").sentence("Four people died when shells struck Gharyan's market on Friday.")
    b.event("ASSAULT", "struck", "2025-03-14", GHARYAN)
    b.sentence("A spokesman for the brigade denied shelling the market.")
    b.event("ASSAULT", "shelling", None, GHARYAN, modality="denied")
    return [(Article(t.article_id, t.text, outlet=t.article_id, published="2025-03-15"),
             t.records()) for t in (a, b)]  # fmt: skip


def test_statements_are_linked_in_the_store_the_exports_and_the_page(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "s.db"))
    with open_store(settings) as store:
        store.add_documents(_reports())
        rebuild(store, settings)
        (inc,) = store.incidents(IncidentFilter())
        said = {e.id: e for e in store.events() if e.id in inc.statements}
        assert inc.source_count == 2 and len(said) == 2
        assert {e.type for e in said.values()} == {"ACCUSE", "ASSAULT"}
        assert not set(inc.statements) & set(inc.events)  # linked, not members
        for e in said:
            assert [(i.id, role) for i, role in store.incident_of_event(e)] == [
                (inc.id, "statement")
            ]
        table = io.StringIO()
        export(store, "csv", table, ontology=ONTO)
        (row,) = csv.DictReader(io.StringIO(table.getvalue()))
        assert sorted(row["statement_ids"].split(";")) == sorted(said)
        lines = io.StringIO()
        export(store, "jsonl", lines, ontology=ONTO)
        records = [json.loads(line) for line in lines.getvalue().splitlines()]
        (told,) = [r for r in records if r.get("kind") == "incident"]
        assert sorted(told["statements"]) == sorted(said)
    with TestClient(create_app(settings)) as client:
        page = client.get(f"/incidents/{inc.id}").text
        section = page[page.index('id="statements"') :]
        assert all(f'href="/events/{e}"' in section for e in said)


def test_one_statement_told_of_two_subjects_is_one_incident(tmp_path: Path) -> None:
    # an article that tells no act: its statements are its incidents, and the two
    # mentions of one demand (one a coordinated subject) must not become two records
    t = Text("art_s3").sentence("Teachers and nurses will demand higher pay at a rally on Monday.")
    t.event("REQUEST", "demand", source="Teachers")
    t.event("REQUEST", "demand", source="nurses")
    t.sentence("Unions also called for a strike.")
    t.event("REQUEST", "called", source="Unions")
    demand, strike = document_incidents(t.records(), ONTO, {})
    assert len(demand.members) == 2 and len(strike.members) == 1
    settings = Settings(db=str(tmp_path / "s.db"))
    with open_store(settings) as store:
        article = Article(t.article_id, t.text, outlet="o", published="2025-03-15")
        store.add_documents([(article, t.records())])
        rebuild(store, settings)
        assert len(store.incidents(IncidentFilter())) == 2
