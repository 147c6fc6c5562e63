"""The UI in Debian's Chromium through Playwright: network, timeline, map, evidence, offline."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
OUT = Path(__file__).resolve().parents[2] / "test-output"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The app on a free local port in a thread; yields its base URL."""
    import uvicorn

    from eventwire.api import create_app
    from eventwire.web.assets import missing

    absent = missing()
    assert not absent, f"web assets missing ({absent[0]}...): run `make setup`"
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def browsing(base: str) -> Iterator[Any]:
    """A Chromium page that records console errors, failed requests and any request that
    leaves ``base`` (aborted: the UI must work offline) in ``page.problems``."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(
            viewport={"width": 1400, "height": 1800}, accept_downloads=True
        )
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        # A fetch cut short by the test navigating on is aborted by the browser, not failed
        # (an external request is aborted too, but the route below records it).
        page.on(
            "requestfailed",
            lambda r: r.failure == "net::ERR_ABORTED" or problems.append(f"failed request {r.url}"),
        )
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(base)
                else (problems.append("external request " + route.request.url), route.abort())
            ),
        )
        page.problems = problems  # type: ignore[attr-defined]
        try:
            yield page
        finally:
            context.close()
            browser.close()


@pytest.fixture
def server(web_settings: Settings) -> Iterator[str]:
    with serving(web_settings) as base:
        yield base


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    with browsing(server) as p:
        yield p


def test_actor_page_draws_network_timeline_map_and_shows_evidence(server: str, page) -> None:
    OUT.mkdir(exist_ok=True)
    page.goto(f"{server}/actors/act_haftar")
    page.wait_for_selector("#map path.event-marker", timeout=15000)
    # Benghazi, Cairo, Derna, Libya (a country-level place) and the place with a forged name
    assert page.locator("#map path.event-marker").count() == 5
    # the Natural Earth basemap: many country paths besides the markers
    page.wait_for_function("() => document.querySelectorAll('#map svg path').length > 50")
    page.wait_for_selector("#timeline .vis-item", timeout=15000)
    assert page.locator("#timeline .vis-item").count() >= 4
    assert page.locator("#network canvas").count() >= 1
    # Haftar, his opponent Sarraj, the LNA he leads, the actor who denied backing him,
    # and Egypt, met in an event
    assert page.locator("#network").get_attribute("data-nodes") == "5"
    assert page.locator("#network").get_attribute("data-label-overlaps") == "0"
    page.screenshot(path=str(OUT / "actor-page.png"), full_page=True)

    page.locator('a.event-link[data-event="evt_meet"]').first.click()
    page.wait_for_selector("#evidence blockquote.evidence-sentence", timeout=10000)
    assert (
        page.locator("#evidence").inner_text().count("Hiftar met Egyptian officials in Cairo.") == 1
    )
    assert page.locator('tr.event-row.selected[data-event="evt_meet"]').count() == 1
    page.screenshot(path=str(OUT / "actor-evidence.png"), full_page=False)
    assert page.problems == []  # type: ignore[attr-defined]


def test_xss_payloads_stay_text_in_the_browser(server: str, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/articles/art_xss", "/events/evt_xss", "/actors/act_xss", "/actors/act_haftar"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    page.goto(server + "/actors/act_xss")
    page.wait_for_selector("#network canvas")
    page.locator('a.event-link[data-event="evt_xss"]').first.click()
    page.wait_for_selector("#evidence blockquote.evidence-sentence")
    assert "<script>" in page.locator("#evidence").inner_text()
    # the panel labels the negated protest as its page and the lists do
    assert page.locator("#evidence .tag.modality").inner_text() == "negated"
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0
    assert page.problems == []  # type: ignore[attr-defined]


def test_event_page_and_docs_work_offline(server: str, page) -> None:
    page.goto(f"{server}/events/evt_meet")
    assert page.locator("mark").first.inner_text() == "Hiftar met Egyptian officials in Cairo."
    page.goto(f"{server}/places/geonames:88319")
    page.wait_for_selector("#map path.event-marker")
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 10
    page.screenshot(path=str(OUT / "api-docs.png"))
    assert page.problems == []  # type: ignore[attr-defined]


def test_explore_filters_clicks_and_downloads(server: str, page) -> None:
    page.goto(f"{server}/explore")
    page.wait_for_selector("#totals strong")
    # incident records: the attack's two reports are one, the condemnation is none
    assert page.locator("#totals").inner_text().startswith("4 incidents (3 dated) · 6 killed")
    page.wait_for_selector("#map path.event-marker, #map .cluster", timeout=15000)
    page.wait_for_function("() => document.querySelector('#network').dataset.nodes === '5'")
    assert page.locator("#network canvas").count() >= 1
    page.wait_for_selector("#histogram g.bar", timeout=15000)
    assert page.locator("#histogram g.bar").count() == int(
        page.locator("#histogram").get_attribute("data-bars")
    )
    # a bar lists its incidents
    page.locator('#histogram g.bar[data-since="2016-09"]').click()
    page.wait_for_selector("#bar-incidents table.incidents tr.incident-row")
    assert page.locator("#bar-incidents tr.incident-row").count() == 1
    # the filter bar: choose a type, submit, and the filter is in the URL and every view
    page.select_option("#filters select[name=type]", "assault")  # stored as 'fight', its old name
    page.locator("#filters button[type=submit]").click()
    page.wait_for_url("**/explore?*type=assault*")
    # fights with no named target link nobody; relations are left out under a type filter
    page.wait_for_function("() => document.querySelector('#network').dataset.nodes === '0'")
    page.wait_for_selector("#totals strong")
    assert page.locator("#totals strong").first.inner_text() == "2"
    # the download is what is on screen
    with page.expect_download() as info:
        page.locator('a.download[data-format="jsonl"]').click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    events = {json.loads(x)["id"] for x in lines if json.loads(x)["kind"] == "event"}
    assert events == {"evt_attack", "evt_shell"}
    assert page.problems == []  # type: ignore[attr-defined]


def test_show_more_adds_the_next_actors_of_the_ranking(server: str, page) -> None:
    """With two actors a page (the requests rewritten from 40), "show more" adds the next
    two and their links to those drawn, until every actor is drawn."""
    page.route(
        "**/api/network?*",
        lambda route: route.continue_(url=route.request.url.replace("top=40", "top=2")),
    )
    page.goto(f"{server}/explore")
    page.wait_for_function("() => document.querySelector('#network').dataset.nodes === '2'")
    edges = [int(page.locator("#network").get_attribute("data-edges"))]
    for drawn in ("4", "5"):
        assert page.locator("#network-more").is_visible()
        page.locator("#network-more").click()
        page.wait_for_function(
            f"() => document.querySelector('#network').dataset.nodes === '{drawn}'"
        )
        edges.append(int(page.locator("#network").get_attribute("data-edges")))
    assert page.locator("#network-more").is_hidden()
    assert edges == sorted(edges) and edges[-1] > edges[0]
    assert page.locator("#network-count").inner_text().startswith("5 of 5 actors")
    assert page.problems == []  # type: ignore[attr-defined]


def test_lists_and_indexes_sort_and_page(server: str, page) -> None:
    page.goto(f"{server}/events?limit=2")
    assert page.locator("#total").inner_text() == "5"
    assert page.locator("#incidents tr.event-row").first.get_attribute("data-event") == "evt_xss"
    page.locator("#incidents th a", has_text="Killed").click()
    page.wait_for_url("**order=-killed**")
    assert page.locator("#incidents tr.event-row").first.get_attribute("data-event") == "evt_attack"
    page.locator(".pager a", has_text="3").click()
    page.wait_for_url("**page=3**")
    assert page.locator("#incidents tr.event-row").count() == 1
    page.goto(f"{server}/actors")
    page.locator("#actor-index th a", has_text="Name").click()
    page.wait_for_url("**sort=name**")
    names = page.locator("#actor-index tbody tr td:first-child").all_inner_texts()
    assert names[1:] == sorted(names[1:])  # the forged name starts with '<'
    page.goto(f"{server}/places?sort=-killed")
    assert page.locator("#place-index tbody tr td:first-child").first.inner_text() == "Benghazi"
    # sources and articles: sortable columns, most first, then fewest first
    for column in ("sources", "articles"):
        page.goto(f"{server}/places")
        page.locator("#place-index th a", has_text=column.title()).click()
        page.wait_for_url(f"**sort=-{column}**")
        cells = page.locator(f"#place-index tbody td.{column}").all_inner_texts()
        figures = [int(c.replace(",", "")) for c in cells]
        assert figures == sorted(figures, reverse=True) and figures[0] > 0
        page.locator("#place-index th a", has_text=column.title()).click()
        page.wait_for_url(f"**sort={column}**")
        cells = page.locator(f"#place-index tbody td.{column}").all_inner_texts()
        assert [int(c.replace(",", "")) for c in cells] == sorted(figures)
    assert page.problems == []  # type: ignore[attr-defined]


def test_forged_actor_and_place_names_never_render_as_markup(server: str, page) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from tests.web.conftest import FORGED_PLACE, XSS_TITLE

    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/explore")
    page.wait_for_selector("#histogram g.bar")
    page.wait_for_function("() => document.querySelector('#network').dataset.nodes === '5'")
    # open the forged place's popup on the map (zoomed in far enough to stand alone)
    page.goto(f"{server}/explore?place={FORGED_PLACE.id}")
    page.wait_for_selector("#map path.event-marker")
    popup = page.locator(".leaflet-popup-content .popup")
    for _attempt in range(10):  # the map may still be fitting its bounds: click until it opens
        try:  # a marker redrawn while the map moves is briefly not visible
            page.locator("#map path.event-marker").first.click(force=True, timeout=2000)
            popup.wait_for(state="visible", timeout=2000)
            break
        except PlaywrightError:  # TimeoutError is one
            continue
    popup.wait_for(state="visible", timeout=5000)
    assert FORGED_PLACE.name in page.locator(".leaflet-popup-content").inner_text()
    # the actor page's timeline, map and network with a forged actor name
    page.goto(f"{server}/actors/act_xss")
    page.wait_for_selector("#timeline .vis-item")
    assert XSS_TITLE in page.locator("#timeline").inner_text()
    page.goto(f"{server}/places")
    assert FORGED_PLACE.name in page.locator("#place-index").inner_text()
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0 and page.locator("b", has_text="yu").count() == 0
    assert page.problems == []  # type: ignore[attr-defined]


# --- screenshots of each view on the demo store (the README links them) ----------------------

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWS = {
    "explore": "/explore",
    "incidents": "/incidents?order=-sources",
    "events": "/events",
    "actors": "/actors",
    "places": "/places",
    "actor": None,  # the most mentioned actor's page
    "incident": None,  # the most reported incident's page
}


@pytest.mark.slow
def test_screenshots_of_each_view_on_the_demo_store(tmp_path: Path) -> None:
    """Builds the demo store from examples/corpus (spaCy model), opens every view and saves
    a screenshot to test-output/screenshots, and to docs/screenshots when
    EVENTWIRE_UPDATE_SCREENSHOTS=1 (so a plain test run leaves the tree clean)."""
    from eventwire.demo import run_demo
    from eventwire.store import open_store
    from eventwire.store.base import IncidentFilter

    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    settings = Settings(db=str(tmp_path / "demo.db"))
    run_demo(corpus, settings, tmp_path / "demo.jsonl")
    store = open_store(settings)
    top_actor = store.actors()[0].id
    top_incident = store.incidents(IncidentFilter(order="-sources", limit=1))[0].id
    store.close()
    pages = {"actor": f"/actors/{top_actor}", "incident": f"/incidents/{top_incident}"}
    out = OUT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    targets = [out] + (
        [SCREENSHOTS] if os.environ.get("EVENTWIRE_UPDATE_SCREENSHOTS") == "1" else []
    )
    with serving(settings) as base, browsing(base) as page:
        page.set_viewport_size({"width": 1400, "height": 1100})
        for name, path in VIEWS.items():
            # each view taken twice: the same data must give the same picture, byte for byte
            first = _screenshot(page, base + (path or pages[name]), name)
            assert _screenshot(page, base + (path or pages[name]), name) == first, name
            for folder in targets:
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{name}.png").write_bytes(first)
        assert page.problems == []  # type: ignore[attr-defined]


def _screenshot(page, url: str, name: str) -> bytes:
    """One view of ``url`` drawn in full (on the explore page, the first bar's incidents
    listed), as PNG bytes."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if name == "explore":
        page.wait_for_selector("#histogram g.bar")
        page.wait_for_function("() => Number(document.querySelector('#network').dataset.nodes) > 3")
        page.locator("#histogram g.bar rect.incidents[height]:not([height='0'])").first.evaluate(
            "r => r.parentNode.dispatchEvent(new MouseEvent('click', {bubbles: true}))"
        )
        page.wait_for_selector("#bar-incidents tr.incident-row")
    # the picture once it has settled (the map draws its country shapes when they have
    # been read): two takes in a row the same
    shot = page.screenshot(full_page=True)
    for _attempt in range(20):
        page.wait_for_timeout(300)
        again = page.screenshot(full_page=True)
        if again == shot:
            return shot
        shot = again
    raise AssertionError(f"{url} never stopped changing")
