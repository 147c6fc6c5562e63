"""A download writes the incidents its filter selects: the ones the incident list, the
map and the place index count, whether or not their member events are stored or
selected."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from tests.web.conftest import BENGHAZI, sample_articles, sample_resolution

from eventwire.config import Settings
from eventwire.model import DocumentRecords, Evidence, Incident, Place
from eventwire.store.sqlite import SQLiteStore

SIRTE = Place("geonames:2210554", "Sirte", 31.2089, 16.5887, "LBY", "Surt", "city")


@pytest.fixture
def client(tmp_path: Path):
    """The sample store, an incident at Benghazi none of whose events is stored (a
    record kept from an earlier resolution, say) and one like it at Sirte."""
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    articles = sample_articles()
    res = sample_resolution(articles)
    alone = Incident("incident_alone", "ASSAULT", {"killed": 3},
                     (Evidence(articles[0].id, articles[0].text[:20], 0, 20),), "act_lna", None,
                     "2016-06-02", "day", BENGHAZI, counts={"killed": 3}, events=())  # fmt: skip
    # and one at a town no stored event lies at
    elsewhere = replace(alone, id="incident_sirte", location=SIRTE)
    with SQLiteStore(tmp_path / "w.db") as store:
        store.add_documents([(a, DocumentRecords(a.id)) for a in articles])
        store.replace_resolution(replace(res, incidents=(*res.incidents, alone, elsewhere)))
    with TestClient(create_app(Settings(db=str(tmp_path / "w.db")))) as test_client:
        yield test_client


def _downloaded(client, query: str) -> list[dict]:
    text = client.get(f"/api/download?format=jsonl&{query}").text
    return [r for r in map(json.loads, text.splitlines()) if r["kind"] == "incident"]


@pytest.mark.parametrize(
    "query", ["", "type=assault", "place=benghazi", "since=2016&until=2016", "actor=LNA",
              "min_fatalities=3", "polarity=negated"],
)  # fmt: skip
def test_a_download_holds_the_incidents_the_list_and_the_place_index_count(client, query) -> None:
    listed = client.get(f"/api/incidents?limit=500&{query}").json()["items"]
    written = _downloaded(client, query)
    assert sorted(r["id"] for r in written) == sorted(i["id"] for i in listed)
    places = client.get(f"/api/index/places?limit=500&{query}").json()["items"]
    for row in places:
        at = [r for r in written if (r.get("location") or {}).get("id") == row["place"]["id"]]
        assert row["incidents"] == len(at), row["place"]["id"]


def test_the_incident_without_stored_events_is_in_both(client) -> None:
    assert "incident_alone" in {r["id"] for r in _downloaded(client, "place=benghazi")}
    row = client.get("/api/index/places?place=benghazi").json()["items"][0]
    assert row["incidents"] == 2


def test_a_box_downloads_the_incidents_of_the_events_in_it(client) -> None:
    """A box is a filter of events only: the incidents with a member among them."""
    written = _downloaded(client, "bbox=19,31,21,33")  # Benghazi
    ids = {r["id"] for r in written}
    assert "incident_benghazi" in ids and "incident_alone" not in ids


@pytest.mark.parametrize("query", ["", "type=assault", "since=2016&until=2016", "min_fatalities=3"])
def test_every_incident_written_has_its_place_record(client, query) -> None:
    """An incident the filter selects by its own fields may lie at a place none of the
    selected events has; the download still writes that place's record."""
    text = client.get(f"/api/download?format=jsonl&{query}").text
    records = [json.loads(x) for x in text.splitlines()]
    located = {
        r["location"]["id"] for r in records if r["kind"] == "incident" and r.get("location")
    }
    assert located <= {r["id"] for r in records if r["kind"] == "place"}
