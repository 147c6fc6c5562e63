"""A CSV writes each incident's columns as made from its stored line, no IncidentRow
built: every cell is the row's value as the CSV has always written it (nothing empty,
truth values ``true`` / ``false``, numbers as Python writes them)."""

from __future__ import annotations

import csv
import io

from tests.conftest import fill

from eventwire.export.incidents import COLUMNS, IncidentRow, incident_row, record_columns
from eventwire.export.source import ExportSource
from eventwire.knowledge.ontology import read_ontology
from eventwire.store.export_lines import incident_record
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.downloads import FilteredStore, download


def _cell(value: object) -> str:
    """A value as a cell: what the CSV wrote from an IncidentRow's fields."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_a_csv_row_holds_the_incident_rows_values() -> None:
    onto = read_ontology()
    with SQLiteStore(":memory:") as store:
        fill(store)
        actors = {a.id: a for a in store.actors()}

        def outlet(article_id: str) -> str | None:
            return store.get_article(article_id).outlet

        incidents = store.incidents()
        assert incidents
        for incident in incidents:  # the columns in COLUMNS' order, the row's values
            columns = record_columns(incident_record(incident), actors, outlet)
            assert tuple(columns) == COLUMNS
            assert IncidentRow(**columns) == incident_row(incident, actors, outlet)
        bools = {c for c in COLUMNS if IncidentRow.__dataclass_fields__[c].type == "bool"}
        assert bools == {"negated", "killed_stated"}
        written: list[dict[str, str]] = []
        for cf in (CorpusFilter(), CorpusFilter(actor="actor_lna"), CorpusFilter(since="2019-05")):
            got = io.StringIO()
            download(store, cf, "csv", got, onto=onto)
            rows = list(csv.DictReader(io.StringIO(got.getvalue())))
            flt = event_filter(store, cf, onto)
            wanted = [
                incident_row(i, actors, outlet) for i in FilteredStore(store, flt).incidents()
            ]
            assert rows and len(rows) == len(wanted), cf
            for row, want in zip(rows, wanted, strict=True):
                assert row == {c: _cell(getattr(want, c)) for c in COLUMNS}, cf
            written += rows
        # empty and truth cells both occur, so both ways of writing them are checked
        assert any(r["killed_stated"] == "true" for r in written)
        assert any(r["killed_stated"] == "false" for r in written)
        assert any(r["wounded"] == "" for r in written)
        # the rows of a source's incidents are those of the CSV
        assert len(list(ExportSource(store).incidents())) == len(incidents)
