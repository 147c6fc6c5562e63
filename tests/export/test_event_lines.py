"""Migration 17: an event's JSON Lines record is stored with it, and an export or a
download copies it: the bytes are those of encoding the record of the event read back
at export time, on both backends, for events stored with a line and without one (stored
before it), under filters, and after the events are written again."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from tests.export.test_relation_lines import _jsonl, _records_jsonl

from eventwire.export.filters import Filters
from eventwire.export.records import event_record
from eventwire.export.source import ExportSource
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Actor, Event, Evidence, Place, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.downloads import FilteredStore, download, selected_incidents

ACTORS = tuple(
    Actor(f"act_{k}", name, "armed_group", "LBY", (), 1, 1)
    for k, name in (("a", "Dune «Riders»"), ("b", "Oasis Watch"), ("c", "Gharbi Column"))
)
TOWN = Place("geonames:7", "Bir Saba", 30.5, 14.25, "LBY", "Fezzan", "city")
PORT = Place("geonames:8", "Marsa Nur", 32.75, 12.5, "LBY", None, "city", inferred=True)
SAID = Evidence("art_1", "Gunmen of the «Riders» shelled the market — again.", 3, 40)
# codes and counts in an order other than their keys': the store's JSON sorts them
CODES = {"plover": "ASSAULT", "cameo": "19", "acled": {"sub_event_type": "Shelling", "event_type": "Explosions/Remote violence"}}  # fmt: skip
EVENTS = (
    Event("evt_1", "ASSAULT", CODES, (SAID,), "act_a", "act_b", "2019-04-09", "day", TOWN,
          counts={"wounded": 4, "killed": 2}, source_count=2, qualifiers=("target_civilian",)),
    Event("evt_2", "FIGHT", {}, (SAID,), "act_b", "act_c", "2019-05", "month", PORT,
          negated=True, modality="alleged"),
    Event("evt_3", "FIGHT", {"cameo": ["190", "193"]}, (SAID, SAID), "act_c", "act_a", None,
          None, TOWN, source_count=3),
    Event("evt_4", "SUPPORT", {}, (), "act_a", None, "2020", "year", None),
)  # fmt: skip


def _check_exports(store: Any) -> None:
    onto = read_ontology()
    encode = json.JSONEncoder(ensure_ascii=False).encode
    read_back = store.events(EventFilter())
    assert [row.line for row in store.event_lines()] == [encode(event_record(e)) for e in read_back]
    for filters in (Filters(), Filters(actor="act_c"), Filters(type="fight"),
                    Filters(since="2019-05"), Filters(min_sources=2)):  # fmt: skip
        got = _jsonl(ExportSource(store, filters, ontology=onto))
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
        assert '"kind": "place"' in got.getvalue()


def _check(store: Any) -> None:
    store.replace_resolution(
        Resolution(actors=ACTORS, events=EVENTS, places=(TOWN, PORT)), fingerprint="x"
    )
    first = {row.id: row.line for row in store.event_lines()}
    assert '"codes": {"acled": {"event_type"' in first["evt_1"]  # keys in order
    _check_exports(store)
    # a page by keyset, as an export reads them
    page = store.event_lines(EventFilter(limit=2))
    rest = store.event_lines(EventFilter(after=(page[-1].date, page[-1].id)))
    assert [r.id for r in page + rest] == [e.id for e in store.events(EventFilter())]
    # written again with one event changed: its line is the new record's
    changed = replace(EVENTS[1], modality="reported", counts={"killed": 1})
    store.replace_resolution(
        Resolution(actors=ACTORS, events=(EVENTS[0], changed, *EVENTS[2:]), places=(TOWN, PORT)),
        fingerprint="y",
    )
    again = {row.id: row.line for row in store.event_lines()}
    assert again["evt_2"] != first["evt_2"] and '"modality": "reported"' in again["evt_2"]
    assert {k: v for k, v in again.items() if k != "evt_2"} == {
        k: v for k, v in first.items() if k != "evt_2"
    }
    _check_exports(store)
    # events stored before migration 17 have no line: encoded from their JSON, and a
    # store with both kinds writes the same bytes
    store._execute("UPDATE events SET line = NULL WHERE id IN ('evt_1', 'evt_3')")
    assert {row.id: row.line for row in store.event_lines()} == again
    _check_exports(store)
    store._execute("UPDATE events SET line = NULL")
    assert {row.id: row.line for row in store.event_lines()} == again
    _check_exports(store)


def test_event_lines_are_the_records_bytes() -> None:
    with SQLiteStore(":memory:") as store:
        _check(store)


@pytest.mark.postgres
def test_event_lines_are_the_records_bytes_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check(store)
