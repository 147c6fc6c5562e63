"""Migration 18: an incident's JSON Lines record is stored with it, and an export or a
download copies it: the bytes are those of encoding the record of the incident read back
at export time, on both backends, for incidents stored with a line and without one
(stored before it), under filters, and after the incidents are written again."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from tests.export.test_event_lines import ACTORS, EVENTS, PORT, SAID, TOWN
from tests.export.test_relation_lines import _records_jsonl

from eventwire.export.filters import Filters
from eventwire.export.records import incident_record
from eventwire.export.source import ExportSource
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import CountReport, Incident, Resolution
from eventwire.store.base import IncidentFilter
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.downloads import FilteredStore, download, selected_incidents

# codes, counts and ranges in an order other than their keys': the store's JSON sorts them
INCIDENTS = (
    Incident("inc_1", "ASSAULT", {"plover": "ASSAULT", "acled": {"sub_event_type": "Shelling", "event_type": "Explosions/Remote violence"}},  # fmt: skip
             (SAID,), "act_a", "act_b", "2019-04-09", "day", TOWN,
             counts={"wounded": 4, "killed": 2}, count_min={"wounded": 3, "killed": 2},
             count_max={"wounded": 5, "killed": 2},
             count_reports=(CountReport("killed", 2, None, SAID),), source_count=2,
             events=("evt_1",), statements=("evt_4",), explanation=("one market, one day",),
             qualifiers=("target_civilian",), modality="reported"),
    Incident("inc_2", "FIGHT", {}, (SAID, SAID), "act_c", "act_a", None, None, PORT,
             events=("evt_3",), facets=("evt_2",)),
    Incident("inc_3", "FIGHT", {"cameo": ["190"]}, (SAID,), "act_b", "act_c", "2019-05", "month",
             None, events=("evt_2",)),
)  # fmt: skip


def _check_exports(store: Any) -> None:
    onto = read_ontology()
    encode = json.JSONEncoder(ensure_ascii=False).encode
    read_back = store.incidents(IncidentFilter())
    assert [r.line for r in store.incident_lines()] == [
        encode(incident_record(i)) for i in read_back
    ]
    for filters in (Filters(), Filters(actor="act_c"), Filters(type="fight"),
                    Filters(since="2019-05")):  # fmt: skip
        got = "".join(ExportSource(store, filters, ontology=onto).lines(encode))
        assert got == _records_jsonl(ExportSource(store, filters, ontology=onto)), filters
    for cf in (CorpusFilter(), CorpusFilter(since="2019-05"), CorpusFilter(actor="act_a"),
               CorpusFilter(type="fight")):  # fmt: skip
        flt = event_filter(store, cf, onto)
        got = io.StringIO()
        download(store, cf, "jsonl", got, onto=onto)
        whole = ExportSource(
            FilteredStore(store, flt, selected_incidents(store, cf, onto=onto)), ontology=onto
        )  # type: ignore[arg-type]
        assert got.getvalue() == _records_jsonl(whole), cf
    assert '"kind": "incident"' in got.getvalue()


def _check(store: Any) -> None:
    picture = Resolution(actors=ACTORS, events=EVENTS, incidents=INCIDENTS, places=(TOWN, PORT))
    store.replace_resolution(picture, fingerprint="x")
    first = {r.id: r.line for r in store.incident_lines()}
    assert set(first) == {"inc_1", "inc_2", "inc_3"}
    assert '"counts": {"killed": 2, "wounded": 4}' in first["inc_1"]  # keys in order
    _check_exports(store)
    # a page by keyset, as an export reads them
    page = store.incident_lines(IncidentFilter(limit=2))
    rest = store.incident_lines(IncidentFilter(after=(page[-1].date, page[-1].id)))
    assert [r.id for r in page + rest] == [i.id for i in store.incidents(IncidentFilter())]
    assert [r.id for r in store.incident_lines_by_id(["inc_3", "inc_9", "inc_1"])] == [
        "inc_3",
        "inc_1",
    ]
    # written again with one incident changed: its line is the new record's
    changed = replace(INCIDENTS[1], modality="alleged", counts={"killed": 1})
    store.replace_resolution(
        replace(picture, incidents=(INCIDENTS[0], changed, INCIDENTS[2])), fingerprint="y"
    )
    again = {r.id: r.line for r in store.incident_lines()}
    assert again["inc_2"] != first["inc_2"] and '"modality": "alleged"' in again["inc_2"]
    assert {k: v for k, v in again.items() if k != "inc_2"} == {
        k: v for k, v in first.items() if k != "inc_2"
    }
    _check_exports(store)
    # incidents stored before migration 18 have no line: encoded from their JSON, and a
    # store with both kinds writes the same bytes
    store._execute("UPDATE incidents SET line = NULL WHERE id IN ('inc_1', 'inc_3')")
    assert {r.id: r.line for r in store.incident_lines()} == again
    assert [r.line for r in store.incident_lines_by_id(["inc_1", "inc_2"])] == [
        again["inc_1"],
        again["inc_2"],
    ]
    _check_exports(store)
    store._execute("UPDATE incidents SET line = NULL")
    assert {r.id: r.line for r in store.incident_lines()} == again
    _check_exports(store)


def test_incident_lines_are_the_records_bytes() -> None:
    with SQLiteStore(":memory:") as store:
        _check(store)


@pytest.mark.postgres
def test_incident_lines_are_the_records_bytes_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check(store)
