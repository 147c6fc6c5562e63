"""Every export record validates against the shipped JSON Schema, and the schema bites."""

from __future__ import annotations

import jsonschema
import pytest

from eventwire.export import export_records
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Evidence,
    Place,
    Quote,
    Relation,
    Resolution,
)
from eventwire.schema import validate_record
from eventwire.store.sqlite import SQLiteStore


def filled_store(store: SQLiteStore) -> SQLiteStore:
    text = 'Egypt backs Haftar, officials said. "We will win," Haftar said.'
    art = Article(
        id="art_1",
        text=text,
        title="T",
        source="x.txt",
        published="2019-04",
        published_precision="month",
    )
    store.add_documents([(art, DocumentRecords("art_1"))])
    ev = Evidence("art_1", "Egypt backs Haftar, officials said.", 0, 35)
    place = Place("geonames:2210247", "Tripoli", 32.89, 13.19, "LBY", "Tripoli", "city")
    store.replace_resolution(
        Resolution(
            actors=(
                Actor("actor_e", "Egypt", "country", "EGY", ("Egypt",), 1, 1),
                Actor("actor_h", "Khalifa Haftar", "person", "LBY", ("Haftar",), 2, 1),
            ),
            events=(
                Event(
                    "event_1",
                    "SUPPORT",
                    {"cameo": "05", "plover": "SUPPORT"},
                    (ev,),
                    "actor_e",
                    "actor_h",
                    "2019-04",
                    "publication",
                    place,
                    modality="reported",
                    counts={"killed": 3},
                ),
            ),
            relations=(
                Relation(
                    "rel_1",
                    "actor_e",
                    "actor_h",
                    "support",
                    (ev,),
                    first_seen="2019-04",
                    last_seen="2019-04",
                ),
            ),
            quotes=(Quote("quote_1", "We will win,", "art_1", text[36:], 37, 49, "actor_h"),),
            places=(place,),
        )
    )
    return store


def test_every_kind_validates(memory_store: SQLiteStore) -> None:
    records = list(export_records(filled_store(memory_store)))
    kinds = [r["kind"] for r in records]
    assert kinds == ["article", "actor", "actor", "event", "relation", "quote", "place"]
    for record in records:
        validate_record(record)


@pytest.mark.parametrize(
    ("kind", "field", "bad"),
    [
        ("article", "published", "16 April 2019"),
        ("actor", "type", "warlord"),
        ("actor", "country", "LY"),
        ("event", "modality", "certain"),
        ("event", "evidence", []),
        ("relation", "first_seen", "yesterday"),
    ],
)
def test_schema_rejects_broken_records(
    memory_store: SQLiteStore, kind: str, field: str, bad: object
) -> None:
    record = next(r for r in export_records(filled_store(memory_store)) if r["kind"] == kind)
    record[field] = bad
    with pytest.raises(jsonschema.ValidationError):
        validate_record(record)
