"""In Chromium: the explore page asks for each view's data once (the network's, asked for
while the page is parsed, is the answer its script uses), and an actor index row's
incidents figure opens a list of that many incidents under an actor's filter. Fails on
any console error, failed request or request off the server."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from tests.web.test_actor_row_links import convoy_store
from tests.web.test_browser import browsing, serving

from eventwire.config import Settings

pytestmark = pytest.mark.browser

DATA = ("/api/totals", "/api/map", "/api/timeline", "/api/network",
        "/static/vendor/world-atlas/countries-110m.json")  # fmt: skip
# the finer shapes outline a place that is a whole country: none of this store's is one
FINE = "/static/vendor/world-atlas/countries-50m.json"


@pytest.fixture
def page(tmp_path: Path) -> Any:
    settings = Settings(db=str(convoy_store(tmp_path / "rows.db")))
    with serving(settings) as base, browsing(base) as p:
        p.base = base
        yield p


@pytest.mark.parametrize("query", ["", "?type=assault&since=2016"])
def test_explore_asks_for_each_views_data_once(page, query: str) -> None:
    asked: Counter[str] = Counter()
    page.on("request", lambda r: asked.update([urlsplit(r.url).path]))
    page.goto(f"{page.base}/explore{query}")
    for drawn in ("#map[data-places]", "#histogram[data-bars]", "#network[data-nodes]",
                  "#totals strong"):  # fmt: skip
        page.wait_for_selector(drawn)
    page.wait_for_load_state("networkidle")
    # the preloaded network answer is the one the script used: no view asked twice
    assert {path: asked[path] for path in DATA} == dict.fromkeys(DATA, 1)
    # the basemap is drawn from the coarse shapes (a seventh of the bytes): the fine ones
    # only for a country's outline
    assert asked[FINE] == 0
    assert page.locator("#map path.leaflet-interactive, #map .cluster").count() > 0
    assert page.problems == []


def test_an_actor_rows_incidents_figure_opens_that_many_incidents(page) -> None:
    page.goto(f"{page.base}/actors?actor=act_haftar")
    row = page.locator("#actor-index tr", has=page.locator('a[href="/actors/act_egypt"]'))
    figure = row.locator('a[href^="/incidents"]')
    shown = figure.inner_text()
    figure.click()
    page.wait_for_url("**with_actor=act_egypt**")
    assert page.locator("#total").inner_text() == shown == "1"
    assert page.locator("#with-actor").inner_text().startswith("with Egypt")
    assert page.problems == []
