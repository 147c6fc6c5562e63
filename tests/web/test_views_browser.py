"""The whole-corpus views in Debian's Chromium count incident records, keep their events
reachable, carry the filter in the URL on every view, and show forged names as text in
every widget. Fails on any console error, failed request or request off the server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.web.conftest import (
    FORGED_PLACE,
    LIBYA,
    XSS_TITLE,
    _evidence,
    sample_articles,
    sample_resolution,
)
from tests.web.test_browser import browsing, serving

from eventwire.config import Settings
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Evidence,
    Incident,
    Relation,
    Resolution,
)
from eventwire.store.sqlite import SQLiteStore

pytestmark = pytest.mark.browser


def _store(path: Path) -> Path:
    """The sample store with two more incidents: one placed in a whole country (drawn as
    its outline) with displaced people, and a dated one whose actor and place are markup
    (so it has a bar on the timeline and a circle on the map)."""
    articles = sample_articles()
    one, _two, xss = articles
    res = sample_resolution(articles)
    country = Incident(
        "incident_libya", "ASSAULT", {}, (_evidence(one, "Fayez al-Sarraj condemned the offensive."),),
        "act_lna", None, "2016-09-20", "day", LIBYA, counts={"displaced": 300},
        count_min={"displaced": 300}, count_max={"displaced": 300},
    )  # fmt: skip
    forged = Incident(
        "incident_forged_dated", "PROTEST", {}, (Evidence("art_xss", xss.text, 0, 1),),
        "act_xss", "act_haftar", "2018-03-02", "day", FORGED_PLACE, counts={"killed": 1},
        count_min={"killed": 1}, count_max={"killed": 1}, events=("evt_xss",),
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_documents([(a, DocumentRecords(a.id)) for a in articles])
        store.replace_resolution(replace(res, incidents=res.incidents + (country, forged)))
    return path


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    settings = Settings(db=str(_store(tmp_path / "views.db")))
    with serving(settings) as base, browsing(base) as p:
        p.base = base
        yield p


def test_explore_counts_incidents_and_reaches_their_events(page) -> None:
    page.goto(f"{page.base}/explore")
    page.wait_for_selector("#totals strong")
    # six incident records (not the five events), the best-supported figures summed
    assert (
        page.locator("#totals")
        .inner_text()
        .startswith("6 incidents (5 dated) · 7 killed, 7 wounded and 300 displaced")
    )
    page.wait_for_selector("#map path.country-outline", timeout=15000)  # Libya, as a country
    page.locator("button.unit[data-unit=month]").click()
    page.wait_for_selector('#histogram g.bar[data-since="2016-09"]')
    bar = page.locator('#histogram g.bar[data-since="2016-09"]')
    assert bar.locator("title").text_content() == (
        "Sep 2016: 2 incidents, 4 killed, 7 wounded, 300 displaced, 3 sources"
    )
    bar.click()
    page.wait_for_selector("#bar-incidents tr.incident-row")
    rows = page.locator("#bar-incidents tr.incident-row")
    assert {rows.nth(k).get_attribute("data-incident") for k in range(rows.count())} == {
        "incident_benghazi",
        "incident_libya",
    }
    libya = page.locator('#bar-incidents tr[data-incident="incident_libya"]')
    assert "300" in libya.inner_text()
    # an incident lists its member events: the events stay reachable
    page.locator('#bar-incidents tr[data-incident="incident_benghazi"] td:last-child a').click()
    page.wait_for_url("**/incidents/incident_benghazi#members")
    assert page.locator('#members a[href="/events/evt_attack"]').count() == 1
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("view", ["/explore", "/incidents", "/events"])
def test_filter_bar_is_in_the_url_and_the_download(page, view: str) -> None:
    """Every view keeps the filter in its URL, and its download links write what it shows."""
    page.goto(f"{page.base}{view}")
    page.fill("#filters input[name=place]", "benghazi")
    page.select_option("#filters select[name=type]", "assault")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_url("**place=benghazi**")
    assert "type=assault" in page.url
    assert page.locator("#filters input[name=place]").input_value() == "benghazi"
    if view == "/explore":
        page.wait_for_selector("#totals strong")
        assert page.locator("#totals").inner_text().startswith("1 incident (1 dated)")
    else:
        page.wait_for_selector("#total")
        assert page.locator("#total").inner_text() == "1"
    link = page.locator('a.download[data-format="jsonl"]')
    assert "place=benghazi" in (link.get_attribute("href") or "")
    with page.expect_download() as info:
        link.click()
    lines = [json.loads(x) for x in Path(info.value.path()).read_text("utf-8").splitlines()]
    assert {x["id"] for x in lines if x["kind"] == "event"} == {"evt_attack"}
    assert {x["id"] for x in lines if x["kind"] == "incident"} == {"incident_benghazi"}
    assert page.problems == []  # type: ignore[attr-defined]


def test_forged_names_stay_text_in_every_widget(page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{page.base}/explore?actor=act_xss")
    page.wait_for_selector("#histogram g.bar")
    # the timeline's bar list: the forged actor and place as text
    page.locator("#histogram g.bar[tabindex='0']").first.click()
    page.wait_for_selector("#bar-incidents tr.incident-row")
    listed = page.locator("#bar-incidents").inner_text()
    assert XSS_TITLE in listed and FORGED_PLACE.name in listed
    # the map: the marker's tooltip and popup
    page.wait_for_selector("#map path.event-marker")
    marker = page.locator("#map path.event-marker").first
    marker.hover(force=True)
    page.wait_for_selector(".leaflet-tooltip")
    assert FORGED_PLACE.name in page.locator(".leaflet-tooltip").inner_text()
    assert page.locator(".leaflet-tooltip").inner_text().endswith(", 2 sources")
    for _attempt in range(10):  # the map may still be fitting its bounds
        marker.click(force=True)
        if page.locator(".leaflet-popup-content .popup").count():
            break
        page.wait_for_timeout(300)
    assert FORGED_PLACE.name in page.locator(".leaflet-popup-content").inner_text()
    assert page.locator(".leaflet-popup-content .facts").inner_text().endswith(" · 2 sources")
    # the popup lists the place's incident records under the same filter
    more = page.locator(".leaflet-popup-content a", has_text="list them")
    assert (more.get_attribute("href") or "").startswith("/incidents?actor=act_xss&place=")
    for path, box in (("/incidents", "#incident-records"), ("/places", "#place-index"),
                      ("/actors?sort=name", "#actor-index")):  # fmt: skip
        page.goto(page.base + path)
        assert (FORGED_PLACE.name if box != "#actor-index" else XSS_TITLE) in page.locator(
            box
        ).inner_text()
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0 and page.locator("b", has_text="yu").count() == 0
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_filter_with_no_dated_incident_still_draws_every_view(page) -> None:
    page.goto(f"{page.base}/explore?since=2030")
    page.wait_for_selector("#histogram[data-bars]")
    assert page.locator("#histogram").get_attribute("data-bars") == "0"
    assert "No dated incidents." in page.locator("#histogram").inner_text()
    page.wait_for_selector("#network[data-nodes]")
    page.wait_for_selector("#map[data-places]")
    assert page.locator("#totals").inner_text().startswith("0 incidents")
    assert page.problems == []  # type: ignore[attr-defined]


def test_network_names_never_lie_on_each_other(page) -> None:
    """The layout makes room for the labels: none of the sample's names overlap."""
    page.goto(f"{page.base}/explore")
    page.wait_for_function("() => document.querySelector('#network').dataset.nodes === '5'")
    assert page.locator("#network").get_attribute("data-label-overlaps") == "0"
    assert page.problems == []  # type: ignore[attr-defined]


def _dense_store(path: Path, n: int = 16) -> Path:
    """``n`` actors with long names, each pair linked by a relation (a hairball for a force
    layout: 120 links among 16 actors)."""
    text = "The militias backed each other, officials said."
    article = Article("art_dense", text, title="Dense", published="2019-04-02")
    evidence = (Evidence("art_dense", text, 0, len(text)),)
    actors = tuple(
        Actor(f"act_{k:02d}", f"Coalition Brigade Number {k} of the Eastern Front", "armed_group")
        for k in range(n)
    )
    relations = tuple(
        Relation(f"rel_{a}_{b}", f"act_{a:02d}", f"act_{b:02d}", "support", evidence,
                 source_count=1 + (a * b) % 5)
        for a in range(n) for b in range(a + 1, n)
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_documents([(article, DocumentRecords(article.id))])
        store.replace_resolution(Resolution(actors=actors, relations=relations))
    return path


def test_a_dense_network_keeps_every_name_readable(tmp_path: Path) -> None:
    settings = Settings(db=str(_dense_store(tmp_path / "dense.db")))
    with serving(settings) as base, browsing(base) as p:
        p.goto(f"{base}/explore")
        p.wait_for_function("() => document.querySelector('#network').dataset.nodes === '16'")
        assert int(p.locator("#network").get_attribute("data-edges") or 0) > 2 * 16
        assert p.locator("#network").get_attribute("data-label-overlaps") == "0"
        assert p.problems == []  # type: ignore[attr-defined]


def _marker_width(page, query: str) -> float:
    page.goto(f"{page.base}/explore?{query}")
    marker = page.locator("#map path.event-marker").first
    marker.wait_for(state="attached", timeout=15000)
    page.wait_for_timeout(300)  # the map fits its bounds
    return float(marker.evaluate("m => m.getBBox().width"))


def test_map_sizes_by_killed_colours_by_type_and_clusters_neighbours(page) -> None:
    # a circle's area follows the killed (Benghazi: 4) or else the incidents (Cairo: 1)
    assert _marker_width(page, "place=benghazi") > _marker_width(page, "place=cairo")
    page.goto(f"{page.base}/explore")
    # Benghazi and the forged place 8 km away share one marker at the zoom that shows Libya,
    # badged with their incidents (one in Benghazi, two at the other)
    cluster = page.locator("#map .cluster")
    cluster.first.wait_for(timeout=15000)
    assert cluster.first.inner_text() == "3"
    fills = page.locator("#map path.event-marker").evaluate_all(
        "ms => [...new Set(ms.map(m => m.getAttribute('fill')))]"
    )
    assert len(fills) >= 2  # an assault in Derna, a consultation in Cairo: two colours
    for _attempt in range(5):  # each click zooms in on the cluster's places
        if not cluster.count():
            break
        cluster.first.click(force=True)
        page.wait_for_timeout(500)
    assert cluster.count() == 0  # zoomed in, each place has its own circle
    assert page.problems == []  # type: ignore[attr-defined]


POSITIONS = """() => document.querySelector('#network')._cyreg.cy.nodes()
  .map(n => [n.id(), Math.round(n.position('x') * 100) / 100, Math.round(n.position('y') * 100) / 100])
  .sort()"""


def _drawn_positions(page, path: str, nodes: int) -> list[list[Any]]:
    page.goto(f"{page.base}{path}")
    page.wait_for_function(f"() => document.querySelector('#network').dataset.nodes === '{nodes}'")
    return page.evaluate(POSITIONS)


@pytest.mark.parametrize(("path", "nodes"), [("/explore", 5), ("/actors/act_haftar", 5)])
def test_the_same_data_draws_the_same_network(page, path: str, nodes: int) -> None:
    """The force layout is seeded and reads its input in id order: two loads of a page
    place every actor at the same point."""
    first = _drawn_positions(page, path, nodes)
    second = _drawn_positions(page, path, nodes)
    assert len(first) == nodes and len({(x, y) for _id, x, y in first}) == nodes
    assert first == second
    assert page.problems == []  # type: ignore[attr-defined]


def _listed(page, table: str, prefix: str) -> list[str]:
    """The record ids a page's index table links, in its order."""
    hrefs = page.locator(f"{table} tbody td:first-child a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [h.removeprefix(prefix).replace("%3A", ":") for h in hrefs]


def _every_page(page, table: str, prefix: str) -> list[str]:
    """The ids of an index's every page, following its page links in turn."""
    ids = _listed(page, table, prefix)
    while True:
        current = page.locator(".pager strong, .pager .current").first.inner_text()
        after = page.locator(".pager a", has_text=str(int(current) + 1))
        if not after.count():
            return ids
        after.first.click()
        page.wait_for_url(f"**page={int(current) + 1}**")
        ids += _listed(page, table, prefix)


def _downloaded(page, selector: str) -> str:
    with page.expect_download() as info:
        page.locator(selector).click()
    return Path(info.value.path()).read_text("utf-8")


@pytest.mark.parametrize(
    ("path", "table", "prefix", "choose", "expected"),
    [
        ("/actors", "#actor-index", "/actors/", ("input[name=since]", "2017-01-01"),
         {"act_haftar", "act_egypt", "act_xss"}),
        ("/places", "#place-index", "/places/", ("select[name=type]", "assault"),
         {"geonames:88319", "geonames:87205", "country:LBY"}),
    ],
)  # fmt: skip
def test_an_index_filters_sorts_pages_and_downloads_what_it_shows(
    page, path: str, table: str, prefix: str, choose: tuple[str, str], expected: set[str]
) -> None:
    """The actor and place indexes carry the shared filter bar in their URL; sorted by a
    header and paged two rows a page, their rows are the download of the index (CSV and
    JSON Lines, every page in the same order)."""
    page.goto(f"{page.base}{path}?limit=2")
    field, value = choose
    if field.startswith("select"):
        page.select_option(f"#filters {field}", value)
    else:
        page.fill(f"#filters {field}", value)
    page.locator("#filters button[type=submit]").click()
    page.wait_for_url(f"**{field.split('=')[1].rstrip(']')}=**")
    assert page.locator(f"#filters {field}").input_value() == value
    assert page.locator("#total").inner_text() == str(len(expected))
    page.locator(f"{table} thead a", has_text="Name").click()  # sort by name
    page.wait_for_url("**sort=name**")
    page.goto(page.url + "&limit=2")
    shown = _every_page(page, table, prefix)
    assert set(shown) == expected and len(shown) == len(expected)
    csv_text = _downloaded(page, 'a.index-download[data-format="csv"]')
    assert [line.split(",")[0] for line in csv_text.splitlines()[1:]] == shown
    jsonl = [
        json.loads(x)
        for x in _downloaded(page, 'a.index-download[data-format="jsonl"]').splitlines()
    ]
    assert [x["id"] for x in jsonl] == shown
    names = [x["name"] for x in jsonl]
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    records = [
        json.loads(x)
        for x in _downloaded(
            page, 'a.download[data-format="jsonl"]:not(.index-download)'
        ).splitlines()
    ]
    if path == "/actors":  # the record download writes exactly the actors listed
        assert {x["id"] for x in records if x["kind"] == "actor"} == expected
    else:  # the incidents it writes are the ones the index counts, each with its place
        located = {x["location"]["id"] for x in records if x["kind"] == "incident"}
        assert located == {x["id"] for x in records if x["kind"] == "place"} == expected
    assert page.problems == []  # type: ignore[attr-defined]
