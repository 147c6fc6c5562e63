"""An actor index row under an actor's filter counts the incidents of both actors; the
link of that count lists exactly those (``with_actor`` on the incident list), so the
figure and the list it opens agree."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from tests.web.conftest import CAIRO, sample_articles, sample_resolution

from eventwire.config import Settings
from eventwire.model import DocumentRecords, Event, Evidence, Incident
from eventwire.store.sqlite import SQLiteStore


def convoy_store(path: Path) -> Path:
    """The sample store and one more incident between two actors of the Haftar filter's
    events (Egypt and the LNA) that Haftar is no side of."""
    articles = sample_articles()
    res = sample_resolution(articles)
    said = Evidence(articles[1].id, "Egyptian jets struck an LNA convoy.", 0, 10)
    event = Event("evt_convoy", "ASSAULT", {}, (said,), "act_egypt", "act_lna",
                  "2017-08-01", "day", CAIRO)  # fmt: skip
    incident = Incident("incident_convoy", "ASSAULT", {}, (said,), "act_egypt", "act_lna",
                        "2017-08-01", "day", CAIRO, events=("evt_convoy",))  # fmt: skip
    res = replace(res, events=(*res.events, event), incidents=(*res.incidents, incident))
    with SQLiteStore(path) as store:
        store.add_documents([(a, DocumentRecords(a.id)) for a in articles])
        store.replace_resolution(res)
    return path


@pytest.fixture
def client(tmp_path: Path):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    settings = Settings(db=str(convoy_store(tmp_path / "rows.db")))
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.mark.parametrize("query", ["actor=act_haftar", "actor=Hiftar&since=2016"])
def test_under_an_actor_filter_a_rows_incidents_link_lists_its_count(client, query) -> None:
    rows = client.get(f"/api/index/actors?limit=500&{query}").json()["items"]
    page = client.get(f"/actors?limit=500&{query}").text
    links = {
        html.unescape(href): int(count.replace(",", ""))
        for href, count in re.findall(r'href="(/incidents\?[^"]+)">([\d,]+)</a>', page)
    }
    assert len(links) == len(rows) > 1
    narrower = []
    for row in rows:
        actor = row["actor"]["id"]
        href = next(h for h in links if h.endswith(f"with_actor={actor}"))
        assert links[href] == row["incidents"]
        assert f'id="total">{row["incidents"]:,}<' in client.get(href).text
        listed = client.get("/api/incidents?limit=500&" + href.split("?", 1)[1]).json()
        assert listed["total"] == row["incidents"] == len(listed["items"])
        # what the link listed before: the row's actor under the rest of the filter
        rest = "".join(f"&{p}" for p in query.split("&") if not p.startswith("actor="))
        if client.get(f"/api/incidents?actor={actor}{rest}").json()["total"] > row["incidents"]:
            narrower.append(actor)
    # Egypt's incident with the LNA is in no row of Haftar's filter, nor in its link's list
    assert narrower == ["act_egypt"]


def test_without_an_actor_filter_a_row_links_its_own_incidents(client) -> None:
    page = client.get("/actors?type=consult").text
    assert 'href="/incidents?actor=act_egypt&amp;type=consult"' in page
    assert "with_actor" not in page


def test_with_actor_names_the_second_actor_and_keeps_it_in_the_filter_bar(client) -> None:
    page = client.get("/incidents?actor=act_haftar&with_actor=act_egypt").text
    assert 'id="with-actor"' in page and 'href="/actors/act_egypt"' in page
    assert 'name="with_actor" value="act_egypt"' in page
    assert 'id="total">1<' in page
    assert 'id="with-actor"' not in client.get("/incidents?actor=act_haftar").text
    assert client.get("/api/incidents?with_actor=act_egypt").json()["total"] == 2
    assert client.get("/api/incidents?with_actor=" + "x" * 201).status_code == 422
