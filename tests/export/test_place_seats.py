"""A division's seat (from an imported GeoNames dump) travels with the place wherever a
place is exported in JSON Lines and Parquet: an event's location, the place record."""

from __future__ import annotations

import pyarrow as pa

from eventwire.export.parquet import schemas
from eventwire.export.records import event_record, place_record
from eventwire.model import Event, Evidence, Place, Seat
from eventwire.schema import validate_record
from eventwire.store.export_lines import place_dict

SEAT = Seat("Tamra", 14.2, 30.1, "geonames:92000002")
STATE = Place("geonames:92000001", "Wilayat Tamra", 14.5, 30.5, "SDN", "SD.99", "admin1",
              "ADM1", seat=SEAT)  # fmt: skip
TOWN = Place("geonames:92000002", "Tamra", 14.2, 30.1, "SDN", "SD.99", "city", "PPLA")
SAID = Evidence("art_1", "Shells fell across Tamra state on Monday.", 0, 41)


def test_a_divisions_seat_is_exported_beside_its_own_point() -> None:
    record = place_dict(STATE)
    assert record is not None
    assert (record["lat"], record["lon"], record["precision"]) == (14.5, 30.5, "admin1")
    assert record["seat"] == {"name": "Tamra", "lat": 14.2, "lon": 30.1,
                              "place_id": "geonames:92000002"}  # fmt: skip
    town = place_dict(TOWN)
    assert town is not None and town["seat"] is None


def test_records_with_a_seat_keep_the_contract() -> None:
    event = Event("evt_1", "ASSAULT", {}, (SAID,), None, None, "2024-03-04", "day", STATE)
    record = event_record(event)
    assert record["location"]["seat"]["name"] == "Tamra"
    validate_record(record)
    validate_record(place_record(STATE, 1))
    validate_record(place_record(TOWN, 1))


def test_parquet_location_and_places_carry_the_seat_last() -> None:
    files = schemas()
    location = files["events"].field("location").type
    assert location[location.num_fields - 1].name == "seat"
    assert files["places"].names[-1] == "seat"
    rows = [{**(place_dict(p) or {}), "event_count": 1} for p in (STATE, TOWN)]
    table = pa.Table.from_pylist(rows, schema=files["places"])
    assert table.column("seat").to_pylist()[0]["name"] == "Tamra"
    assert table.column("seat").to_pylist()[1] is None
