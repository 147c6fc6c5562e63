"""``eventwire events`` lists events as the pages do (newest first, undated last), while
the export keeps its (date, id) order with undated events first (docs/export.md)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export.filters import Filters
from eventwire.export.source import ExportSource
from eventwire.model import Event, Evidence, Place, Resolution
from eventwire.store.sqlite import SQLiteStore

# two places of one name: a place filter by name reads one store query per place
WEST = Place("geonames:1", "Zawiya", 32.7, 12.7, "LBY", None, "city")
EAST = Place("geonames:2", "Zawiya", 31.0, 20.1, "LBY", None, "city")
EVENTS = tuple(
    Event(event_id, "FIGHT", {}, (Evidence("art_1", "They fought.", 0, 12),), date=date,
          date_precision=None if date is None else "day", location=place)
    for event_id, date, place in [
        ("evt_1", "2019-04-02", WEST), ("evt_2", None, EAST), ("evt_3", "2019-05-10", EAST),
        ("evt_4", "2018", WEST), ("evt_5", None, WEST), ("evt_6", "2019-05-10", WEST),
    ]
)  # fmt: skip
NEWEST_FIRST = ["evt_6", "evt_3", "evt_1", "evt_4", "evt_5", "evt_2"]


def _store(path: Path) -> str:
    with SQLiteStore(path) as store:
        store.replace_resolution(Resolution(events=EVENTS, places=(WEST, EAST)))
    return str(path)


def test_listing_is_newest_first_undated_last_across_places(tmp_path: Path) -> None:
    db = _store(tmp_path / "w.db")
    with SQLiteStore(db) as store:
        for filters in (Filters(), Filters(place="Zawiya")):
            listed = [e.id for e in ExportSource(store, filters).events(order="-date")]
            assert listed == NEWEST_FIRST, filters
        # the export's order is unchanged: (date, id), undated first, one place after another
        assert [e.id for e in ExportSource(store).events()] == [
            "evt_2", "evt_5", "evt_4", "evt_1", "evt_3", "evt_6"
        ]  # fmt: skip
    result = CliRunner().invoke(app, ["events", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.output)] == NEWEST_FIRST
    table = CliRunner().invoke(app, ["events", "--db", db, "--place", "Zawiya"])
    dates = [line.split("\t")[0] for line in table.output.splitlines()[1:]]
    assert dates == ["2019-05-10", "2019-05-10", "2019-04-02", "2018", "", ""]
