"""A place's and an actor's events newest first (undated last), and the displaced counted
wherever killed and wounded are: the event tables, the place index and the map popups."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.model import Actor, Event, Evidence, Incident, Place, Resolution
from eventwire.store.sqlite import SQLiteStore

TOWN = Place("geonames:1", "Kufra Oasis", 24.2, 23.3, "LBY", None, "city")
ACTOR = Actor("act_band", "Desert Band", "armed_group", "LBY", (), 3, 1)


def _event(event_id: str, date: str | None, precision: str | None, **kw: Any) -> Event:
    return Event(event_id, "assault", {}, (Evidence("art_1", "s", 0, 1),), "act_band", None,
                 date, precision, TOWN, **kw)  # fmt: skip


def _incident(incident_id: str, date: str | None, precision: str | None, **kw: Any) -> Incident:
    event_id = incident_id.replace("inc_", "evt_")
    return Incident(incident_id, "ASSAULT", {}, (Evidence("art_1", "s", 0, 1),), "act_band",
                    None, date, precision, TOWN, events=(event_id,), **kw)  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    path = tmp_path / "places.db"
    with SQLiteStore(path) as store:
        store.replace_resolution(
            Resolution(
                actors=(ACTOR,),
                events=(
                    _event("evt_undated", None, None),
                    _event("evt_old", "2015-02-01", "day", counts={"killed": 2}),
                    _event("evt_new", "2019-07", "month", counts={"displaced": 1200}),
                ),
                incidents=(
                    _incident("inc_undated", None, None),
                    _incident("inc_old", "2015-02-01", "day", counts={"killed": 2}),
                    _incident("inc_new", "2019-07", "month", counts={"displaced": 1200}),
                ),
                places=(TOWN,),
            )
        )
    with TestClient(create_app(Settings(db=str(path)))) as test_client:
        yield test_client


def _row_ids(html: str) -> list[str]:
    return re.findall(r'<tr class="event-row[^"]*" data-event="([^"]+)"', html)


@pytest.mark.parametrize("path", ["/places/geonames:1", "/actors/act_band"])
def test_pages_list_events_newest_first_undated_last(client: Any, path: str) -> None:
    html = client.get(path).text
    assert _row_ids(html) == ["evt_new", "evt_old", "evt_undated"]
    assert "<th>Displaced</th>" in html
    row = html[html.index('data-event="evt_new"') :].split("</tr>")[0]
    assert '<td class="num">1200</td>' in row


def test_place_index_and_map_count_the_displaced(client: Any) -> None:
    item = client.get("/api/index/places").json()["items"][0]
    assert (item["incidents"], item["killed"], item["wounded"], item["displaced"]) == (
        3,
        2,
        0,
        1200,
    )
    assert "<th>Displaced</th>" in client.get("/places").text
    (place,) = client.get("/api/map").json()
    assert (place["killed"], place["displaced"]) == (2, 1200)
