"""The actor and place indexes under the shared filter, and the download of their rows."""

from __future__ import annotations

import csv
import io
import json

import pytest


def _index_ids(client, kind: str, query: str) -> list[str]:
    body = client.get(f"/api/index/{kind}?limit=500&{query}").json()
    key = "actor" if kind == "actors" else "place"
    return [row[key]["id"] for row in body["items"]]


@pytest.mark.parametrize(
    ("kind", "query", "expected"),
    [
        ("actors", "", {"act_haftar", "act_lna", "act_egypt", "act_sarraj", "act_xss"}),
        # the events of 2017 on: the meeting in Cairo, Derna's shelling, the forged protest
        ("actors", "since=2017", {"act_haftar", "act_egypt", "act_xss"}),
        ("actors", "type=consult", {"act_haftar", "act_egypt"}),
        ("places", "type=assault", {"geonames:88319", "geonames:87205"}),
        ("places", "place=cairo", {"geonames:360630"}),
    ],
)
def test_an_index_lists_what_the_filter_selects(client, kind, query, expected) -> None:
    ids = _index_ids(client, kind, query)
    assert set(ids) == expected and len(ids) == len(expected)


def test_a_filtered_place_index_counts_what_the_filter_selects_there(client) -> None:
    rows = client.get("/api/index/places?type=assault&min_fatalities=1").json()["items"]
    assert [(r["place"]["name"], r["incidents"], r["killed"]) for r in rows] == [("Benghazi", 1, 4)]


@pytest.mark.parametrize(
    ("kind", "query"),
    [
        ("actors", "sort=name"),
        ("actors", "sort=-killed&since=2016"),
        ("actors", "sort=country&type=consult"),
        ("places", "sort=-incidents"),
        ("places", "sort=name&type=assault"),
    ],
)
def test_an_index_download_holds_its_every_row_in_the_page_order(client, kind, query) -> None:
    shown = _index_ids(client, kind, query)
    text = client.get(f"/api/download?index={kind}&format=csv&{query}").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == shown
    lines = client.get(f"/api/download?index={kind}&format=jsonl&{query}").text.splitlines()
    records = [json.loads(x) for x in lines]
    assert [r["id"] for r in records] == shown
    assert {r["kind"] for r in records} <= {f"{kind[:-1]}_row"}


def test_an_index_download_keeps_markup_as_data(client) -> None:
    text = client.get("/api/download?index=actors&format=csv&sort=name").text
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == "act_xss")
    assert row["name"].startswith("<script>")  # a cell, as written; never rendered here


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("index=actors&format=geojson", "csv or jsonl"),
        ("index=places&format=csv&sort=-mentions", "sort must be one of"),
        ("index=people&format=csv", "actors"),
        ("index=actors&format=csv&sort=" + "x" * 30, "20"),
    ],
)
def test_a_bad_index_download_is_a_clear_422(client, query: str, problem: str) -> None:
    response = client.get(f"/api/download?{query}")
    assert response.status_code == 422
    assert problem in response.text


def test_the_index_pages_carry_the_filter_and_its_downloads(client) -> None:
    page = client.get("/actors?since=2017&sort=name").text
    assert 'name="since" value="2017"' in page
    assert "/api/download?format=csv&amp;index=actors&amp;sort=name&amp;since=2017" in page
    assert "/api/download?format=jsonl&amp;since=2017" in page  # the filter's records
    assert page.count('href="/actors/') == 3
    places = client.get("/places?type=assault").text
    assert "Under this filter" in places and places.count('href="/places/') == 2


@pytest.mark.parametrize(
    "query",
    ["since=2017", "type=consult", "type=assault", "type=assault&min_fatalities=1",
     "place=benghazi", "sort=-incidents&since=2016", "actor=act_haftar", "polarity=negated"],
)  # fmt: skip
def test_a_filtered_actor_row_counts_the_incidents_the_filter_selects(client, query) -> None:
    """An actor's row under a filter shows what the incident list shows for that filter
    and that actor (dates and kinds read a summary, the rest the incidents)."""
    body = client.get(f"/api/index/actors?limit=500&{query}").json()
    assert body["items"] or "negated" in query
    for row in body["items"]:
        actor = row["actor"]["id"]
        rest = "&".join(p for p in query.split("&") if not p.startswith("actor="))
        both = f"actor={actor}&{rest}" if "actor=" not in query else query
        totals = client.get(f"/api/totals?{both}").json()
        if "actor=" in query and actor != "act_haftar":  # the filter's actor and this one
            listed = client.get(f"/api/incidents?limit=500&{both}").json()["items"]
            sides = [
                i for i in listed if actor in {(i[s] or {}).get("id") for s in ("source", "target")}
            ]
            assert row["incidents"] == len(sides), (actor, query)
            continue
        assert (row["incidents"], row["killed"]) == (totals["incidents"], totals["killed"])


def test_the_filtered_actor_index_differs_from_the_whole_corpus_totals(client) -> None:
    """Under a filter a busy actor's row counts fewer incidents than its whole-corpus row."""
    whole = {
        r["actor"]["id"]: r["incidents"]
        for r in client.get("/api/index/actors?limit=500").json()["items"]
    }
    narrow = client.get("/api/index/actors?limit=500&type=consult").json()["items"]
    assert any(r["incidents"] < whole[r["actor"]["id"]] for r in narrow)


def test_a_filtered_actor_rows_incidents_link_carries_the_filter(client) -> None:
    page = client.get("/actors?type=consult").text
    assert 'href="/incidents?actor=act_egypt&amp;type=consult"' in page


def test_a_box_is_refused_by_the_actor_index_that_counts_incidents(client) -> None:
    response = client.get("/api/index/actors?bbox=19,31,21,33")
    assert response.status_code == 422 and "use place" in response.text
