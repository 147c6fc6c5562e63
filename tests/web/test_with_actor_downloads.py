"""The download links of an incident list narrowed to a second actor (an actor index
row's link under an actor's filter) write what that list shows: the incidents and events
both actors are sides of, not every one of the first actor's filter."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from tests.web.test_actor_row_links import convoy_store

from eventwire.config import Settings


@pytest.fixture
def client(tmp_path: Path):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    settings = Settings(db=str(convoy_store(tmp_path / "rows.db")))
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _links(page: str) -> dict[str, str]:
    return {
        f: html.unescape(href)
        for href, f in re.findall(r'href="(/api/download\?format=(\w+)[^"]*)"', page)
    }


def _records(client, href: str) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for line in client.get(href).text.splitlines():
        record = json.loads(line)
        kinds.setdefault(record["kind"], set()).add(record.get("id", ""))
    return kinds


@pytest.mark.parametrize(
    ("query", "second", "second_id"),
    [
        ("actor=act_haftar", "act_egypt", "act_egypt"),
        ("actor=Hiftar&since=2016", "Egypt", "act_egypt"),  # a name, as the link may carry
        ("", "act_lna", "act_lna"),
    ],
)
def test_a_second_actors_list_downloads_exactly_its_incidents(
    client, query, second, second_id
) -> None:
    sep = "&" if query else ""
    page = client.get(f"/incidents?{query}{sep}with_actor={second}").text
    links = _links(page)
    assert set(links) >= {"jsonl", "csv", "geojson"}
    assert all(href.endswith(f"with_actor={second_id}") for href in links.values())
    listed = client.get(f"/api/incidents?limit=500&{query}{sep}with_actor={second}").json()
    wanted = {i["id"] for i in listed["items"]}
    assert wanted and len(wanted) == listed["total"]
    written = _records(client, links["jsonl"])
    assert written["incident"] == wanted
    # every event written has the second actor on a side; the whole filter wrote more
    events = [json.loads(line) for line in client.get(links["jsonl"]).text.splitlines()]
    events = [e for e in events if e["kind"] == "event"]
    assert events and all(second_id in (e["source_actor"], e["target_actor"]) for e in events)
    whole = _records(client, f"/api/download?format=jsonl&{query}")
    assert whole["incident"] > wanted, "the whole filter writes more: the narrowing is seen"
    csv_rows = client.get(links["csv"]).text.strip().splitlines()[1:]
    assert len(csv_rows) == len(wanted)


def test_the_list_without_a_second_actor_downloads_its_whole_filter(client) -> None:
    links = _links(client.get("/incidents?actor=act_lna").text)
    assert "with_actor" not in "".join(links.values())
    listed = client.get("/api/incidents?limit=500&actor=act_lna").json()
    assert _records(client, links["jsonl"])["incident"] == {i["id"] for i in listed["items"]}


def test_the_download_endpoint_takes_the_second_actor_by_any_spelling(client) -> None:
    by_id = client.get("/api/download?format=jsonl&actor=act_lna&with_actor=act_egypt").text
    assert (
        by_id
        and client.get("/api/download?format=jsonl&with_actor=" + "x" * 201).status_code == 422
    )
