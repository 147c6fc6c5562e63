"""Reported totals (issue 13 item 7): `/api/statistics`, the actor and place pages'
section, kept apart from the incidents' counts, and the jsonl records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, get_args

import pytest
from tests.web.conftest import (
    BENGHAZI,
    TEXT_1,
    sample_articles,
    sample_resolution,
)

from eventwire.api.routes import Counted
from eventwire.config import Settings
from eventwire.export import export
from eventwire.model import COUNT_KINDS, DocumentRecords, Evidence, Statistic
from eventwire.schema import validate_record
from eventwire.store.sqlite import SQLiteStore

SENTENCE = "Khalifa Haftar's forces attacked Benghazi in September 2016."
FORGED = "Haftar's forces have killed <b>9</b> <img src=x onerror=alert(7)> since 2014."


def statistics() -> tuple[Statistic, ...]:
    ev = Evidence("art_one", SENTENCE, 0, len(SENTENCE))
    forged = Evidence("art_xss", FORGED, 0, len(FORGED))
    return (
        Statistic("killed", 3000, "at least", "at least 3,000", ev, "2014-05", None, "actor",
                  actor="act_haftar", place=BENGHAZI, id="stat:a"),
        Statistic("displaced", 90_000, "more than", "more than 90,000", ev, "2016-09",
                  "2016-09", "place", place=BENGHAZI, id="stat:b"),
        Statistic("killed", 9, None, "<b>9</b>", forged, "2014", None, "actor",
                  actor="act_haftar", id="stat:c"),
    )  # fmt: skip


def build(path: Path) -> Path:
    articles = sample_articles()
    with SQLiteStore(path) as store:
        store.add_documents([(a, DocumentRecords(a.id)) for a in articles])
        res = sample_resolution(articles)
        store.replace_resolution(replace(res, statistics=statistics()))
    return path


@pytest.fixture
def totals_settings(tmp_path: Path) -> Settings:
    return Settings(db=str(build(tmp_path / "totals.db")))


@pytest.fixture
def totals_client(totals_settings: Settings) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    with TestClient(create_app(totals_settings)) as test_client:
        yield test_client


def _ids(client: Any, **params: Any) -> list[str]:
    r = client.get("/api/statistics", params=params)
    assert r.status_code == 200, r.text
    return [s["id"] for s in r.json()["items"]]


def test_api_lists_and_filters_statistics(totals_client) -> None:
    assert _ids(totals_client) == ["stat:a", "stat:b", "stat:c"]
    assert _ids(totals_client, actor="Hiftar") == ["stat:a", "stat:c"]  # any spelling
    assert _ids(totals_client, place=BENGHAZI.id) == ["stat:a", "stat:b"]
    assert _ids(totals_client, kind="displaced") == ["stat:b"]
    assert _ids(totals_client, actor="act_haftar", kind="displaced") == []
    page = totals_client.get("/api/statistics", params={"limit": 1, "offset": 1}).json()
    assert [s["id"] for s in page["items"]] == ["stat:b"] and page["next_offset"] == 2


@pytest.mark.parametrize(
    "params",
    [{"kind": "casualties"}, {"limit": 0}, {"limit": 10**30}, {"offset": -1},
     {"actor": "x" * 5000}],
)  # fmt: skip
def test_api_refuses_bad_statistics_parameters(totals_client, params: dict) -> None:
    r = totals_client.get("/api/statistics", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/json")


def test_actor_page_shows_reported_totals_apart_and_escaped(totals_client) -> None:
    html = totals_client.get("/actors/act_haftar").text
    section = html[html.index('id="reported-totals"') :]
    assert "Reported totals" in section and "at least 3,000" in section
    assert "since 2014-05" in section
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(7)&gt;" in section
    # the incidents' own counts are not changed by the totals
    detail = totals_client.get("/api/actors/act_haftar").json()
    assert [s["id"] for s in detail["statistics"]] == ["stat:a", "stat:c"]
    assert {e["id"]: e["counts"] for e in detail["events"]}["evt_attack"] == {
        "killed": 4,
        "wounded": 7,
    }


def test_place_page_shows_reported_totals(totals_client) -> None:
    html = totals_client.get(f"/places/{BENGHAZI.id}").text
    assert 'id="reported-totals"' in html and "more than 90,000" in html
    assert "in 2016-09" in html


def test_pages_without_totals_have_no_section(client) -> None:
    assert 'id="reported-totals"' not in client.get("/actors/act_haftar").text


def test_jsonl_exports_statistic_records(totals_settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    with SQLiteStore(totals_settings.db) as store:
        export(store, "jsonl", out)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    stats = [r for r in records if r["kind"] == "statistic"]
    assert [s["id"] for s in stats] == ["stat:a", "stat:b", "stat:c"]
    assert stats[0]["counted"] == "killed" and stats[0]["actor"] == "act_haftar"
    assert stats[0]["evidence"]["sentence"] == SENTENCE
    for record in stats:
        validate_record(record)
    assert TEXT_1.startswith(SENTENCE)


@pytest.mark.browser
def test_reported_totals_show_in_the_browser(totals_settings: Settings) -> None:
    from tests.web.test_browser import browsing, serving

    with serving(totals_settings) as base, browsing(base) as page:
        page.goto(f"{base}/actors/act_haftar")
        section = page.locator("#reported-totals")
        section.wait_for(timeout=15000)
        assert section.is_visible()
        text = section.inner_text()
        assert "at least 3,000" in text and "killed" in text
        assert page.locator("#reported-totals img").count() == 0  # forged markup stays text
        assert page.problems == []  # type: ignore[attr-defined]


def test_the_kind_filter_offers_every_count_kind() -> None:
    assert get_args(Counted) == COUNT_KINDS
