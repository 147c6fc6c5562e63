"""The UI in Debian's Chromium through Playwright: network, timeline, map, evidence, offline."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def server(web_settings: Settings) -> Iterator[str]:
    import uvicorn

    from eventwire.api import create_app
    from eventwire.web.assets import missing

    absent = missing()
    assert not absent, f"web assets missing ({absent[0]}...): run `make setup`"
    port = _free_port()
    config = uvicorn.Config(
        create_app(web_settings), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(server: str):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1800})
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        # offline: any request that leaves the server is a failure
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(server)
                else (problems.append("external request " + route.request.url), route.abort())
            ),
        )
        page.problems = problems  # type: ignore[attr-defined]
        yield page
        context.close()
        browser.close()


def test_actor_page_draws_network_timeline_map_and_shows_evidence(server: str, page) -> None:
    OUT.mkdir(exist_ok=True)
    page.goto(f"{server}/actors/act_haftar")
    page.wait_for_selector("#map path.event-marker", timeout=15000)
    assert page.locator("#map path.event-marker").count() == 3  # Benghazi, Cairo, Derna
    # the Natural Earth basemap: many country paths besides the markers
    page.wait_for_function("() => document.querySelectorAll('#map svg path').length > 50")
    page.wait_for_selector("#timeline .vis-item", timeout=15000)
    assert page.locator("#timeline .vis-item").count() >= 4
    assert page.locator("#network canvas").count() >= 1
    # Haftar, his opponent Sarraj, the LNA he leads, the actor who denied backing him,
    # and Egypt, met in an event
    assert page.locator("#network").get_attribute("data-nodes") == "5"
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
