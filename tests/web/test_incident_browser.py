"""The incident pages in Debian's Chromium: list, sort by sources, open one, read its
reports; no console error, failed request or request off the server; markup stays text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.conftest import FORGED_NOTE, FORGED_PLACE, XSS_TITLE
from tests.web.test_browser import OUT, browsing, serving

from eventwire.config import Settings

pytestmark = pytest.mark.browser


@pytest.fixture
def page(web_settings: Settings) -> Iterator[Any]:
    with serving(web_settings) as base, browsing(base) as p:
        p.base = base
        yield p


def test_incident_list_sorts_by_sources_and_opens_an_incident(page) -> None:
    page.goto(f"{page.base}/incidents")
    rows = page.locator("#incident-records tr.incident-row")
    assert rows.count() == 4 and page.locator("#total").inner_text() == "4"
    assert rows.first.get_attribute("data-incident") == "incident_cairo"  # newest first
    assert rows.last.get_attribute("data-incident") == "incident_forged"  # undated last
    page.locator("#sort-sources").click()
    page.wait_for_url("**order=-sources**")
    top = page.locator("#incident-records tr.incident-row").first
    assert top.get_attribute("data-incident") == "incident_benghazi"
    assert top.locator("td.killed").inner_text() == "4-6"
    assert top.locator("td.sources").inner_text() == "2"
    top.locator("a.incident-link").click()
    page.wait_for_url("**/incidents/incident_benghazi")
    reports = page.locator("#reports article.report")
    assert reports.count() == 2
    assert "killed 6 (at least)" in reports.nth(1).inner_text()
    assert "Forces loyal to Haftar shelled Derna in 2017." in reports.nth(1).inner_text()
    assert page.locator("#killed").inner_text() == "4-6"
    assert page.locator("#members a").first.get_attribute("href") == "/events/evt_attack"
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "incident-page.png"), full_page=True)
    # the filter bar narrows the list; the event page leads back to its incident
    page.goto(f"{page.base}/incidents")
    page.fill("#filters input[name=min_sources]", "2")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_url("**min_sources=2**")
    assert page.locator("#incident-records tr.incident-row").count() == 1
    page.goto(f"{page.base}/events/evt_attack")
    page.locator("#event-incidents a.incident-link").click()
    page.wait_for_url("**/incidents/incident_benghazi")
    assert page.problems == []  # type: ignore[attr-defined]


def test_incident_list_sorts_by_killed_both_ways_uncounted_last(page) -> None:
    page.goto(f"{page.base}/incidents")
    header = page.locator("#incident-records th.sortable a", has_text="Killed")
    header.click()
    page.wait_for_url("**order=-killed**")

    def order() -> list[str | None]:
        rows = page.locator("#incident-records tr.incident-row")
        return [rows.nth(k).get_attribute("data-incident") for k in range(rows.count())]

    assert order() == ["incident_benghazi", "incident_forged", "incident_cairo", "incident_derna"]
    assert "▼" in header.inner_text()
    header.click()  # the same column again: fewest first, the uncounted still last
    page.wait_for_url("**order=killed**")
    assert order() == ["incident_forged", "incident_benghazi", "incident_cairo", "incident_derna"]
    assert "▲" in header.inner_text()
    assert page.problems == []  # type: ignore[attr-defined]


def test_explore_links_a_clicked_bar_to_its_incident_records(page) -> None:
    page.goto(f"{page.base}/explore")
    page.locator('#histogram g.bar[data-since="2016-09"]').click()
    row = page.locator('#bar-incidents tr.incident-row[data-incident="incident_benghazi"]')
    assert row.locator("a.incident-link").get_attribute("href") == "/incidents/incident_benghazi"
    page.locator("#bar-incidents a.incident-records").click()
    page.wait_for_url("**/incidents?since=2016-09*")
    rows = page.locator("#incident-records tr.incident-row")
    assert [rows.nth(k).get_attribute("data-incident") for k in range(rows.count())] == [
        "incident_benghazi"
    ]
    assert page.problems == []  # type: ignore[attr-defined]


def test_forged_incident_text_never_renders_as_markup(page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{page.base}/incidents/incident_forged")
    page.wait_for_load_state("networkidle")
    text = page.locator("main").inner_text()
    assert FORGED_NOTE in text and FORGED_PLACE.name in text and XSS_TITLE in text
    page.goto(f"{page.base}/incidents?place={FORGED_PLACE.id}")
    assert FORGED_PLACE.name in page.locator("#incident-records").inner_text()
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0 and page.locator("b", has_text="yu").count() == 0
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.problems == []  # type: ignore[attr-defined]
