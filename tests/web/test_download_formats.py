"""Downloads through every stream exporter, over more incidents than one exporter page."""

from __future__ import annotations

import csv
import io
import json

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Evidence,
    Incident,
    Place,
    Resolution,
)
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter
from eventwire.views.downloads import download, download_formats

ONTO = read_ontology()  # the views take the caller's ontology

TOWN = Place("geonames:1", "Port Town", 32.9, 13.2, "LBY", "Port Town", "city")
N = 1_234  # more than the exporters' page of 500 events


def _store(store: SQLiteStore) -> SQLiteStore:
    text = "Artillery hit the port. " * 3
    store.add_documents(
        [(Article("art_1", text, published="2020-01-01"), DocumentRecords("art_1"))]
    )
    events = tuple(
        Event(
            f"event_{i:05d}", "ASSAULT", {"plover": "ASSAULT"}, (Evidence("art_1", "Artillery hit the port.", 0, 23),), "actor_a", "actor_b",
            f"2020-01-{1 + i % 28:02d}", "day", TOWN, counts={"killed": 1},
        )
        for i in range(N)
    )  # fmt: skip
    actors = (
        Actor("actor_a", "Northern Brigade", "armed_group", "LBY", (), 1, 1),
        Actor("actor_b", "civilians", "group", "LBY", (), 1, 1),
    )
    # one incident per event (issue 14): csv and geojson rows are incidents
    incidents = tuple(
        Incident(e.id.replace("event", "incident"), e.type, e.codes, e.evidence, e.source_actor,
                 e.target_actor, e.date, e.date_precision, e.location, counts=e.counts,
                 events=(e.id,))
        for e in events
    )  # fmt: skip
    store.replace_resolution(
        Resolution(actors=actors, events=events, places=(TOWN,), incidents=incidents)
    )
    return store


def test_a_folder_format_is_not_offered_for_download() -> None:
    formats = download_formats()
    assert {"jsonl", "csv", "geojson"} <= set(formats)
    assert "parquet" not in formats  # writes a folder, not one file


def test_every_download_format_holds_every_selected_incident(memory_store) -> None:
    store = _store(memory_store)
    for fmt in download_formats():
        out = io.StringIO()
        download(store, CorpusFilter(), fmt, out, onto=ONTO)
        text = out.getvalue()
        if fmt == "csv":
            assert len(list(csv.DictReader(io.StringIO(text)))) == N
        elif fmt == "geojson":
            assert len(json.loads(text)["features"]) == N
        elif fmt == "jsonl":
            kinds = [json.loads(line)["kind"] for line in text.splitlines()]
            assert kinds.count("event") == N
