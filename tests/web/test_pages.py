"""Server-rendered pages: content, escaping of untrusted text, CSP, static files."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape
from tests.web.conftest import FORGED_PLACE, XSS_TEXT, XSS_TITLE

PAGES = [
    "/", "/?q=Hiftar", "/explore", "/explore?type=fight&since=2016", "/actors", "/actors?sort=name",
    "/places", "/places?sort=-killed&page=1", "/events?order=-killed", "/actors/act_haftar", "/actors/act_xss", "/events", "/events?actor=Hiftar&type=fight",
    "/events/evt_attack", "/events/evt_xss", "/articles", "/articles/art_one", "/articles/art_xss",
    "/places/geonames:88319",
]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_a_strict_csp(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # no inline script: every <script> either loads a file or is a JSON data block
    for tag in re.findall(r"<script[^>]*>", r.text):
        assert "src=" in tag or 'type="application/json"' in tag, tag


@pytest.mark.parametrize(
    "path", ["/articles/art_xss", "/events/evt_xss", "/actors/act_xss", "/actors/act_haftar", "/articles", "/?q=<script>",
             "/actors", "/places", "/events", "/explore?actor=<script>alert(1)</script>", "/places/geonames:1"]
)  # fmt: skip
def test_untrusted_text_is_escaped(client, path: str) -> None:
    body = client.get(path).text
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "<svg onload" not in body
    assert "<b>Bold outlet</b>" not in body
    assert "<b>yu</b>" not in body
    # and the payloads are still there, as text
    if path in ("/articles/art_xss", "/events/evt_xss"):
        assert str(escape(XSS_TEXT)) in body
    if path == "/articles/art_xss":
        assert str(escape(XSS_TITLE)) in body


def test_json_data_blocks_cannot_close_their_script(client) -> None:
    body = client.get("/actors/act_haftar").text
    block = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', body, re.S)
    assert block, "page data block missing"
    assert "<" not in block.group(1)  # tojson escapes < > & so a name cannot end the block
    data = json.loads(block.group(1))
    labels = {n["label"] for n in data["graph"]["nodes"]}
    assert XSS_TITLE in labels  # the payload survives as data, for textContent


def test_article_url_with_javascript_scheme_is_not_linked(client) -> None:
    assert "javascript:" not in client.get("/articles/art_two").text
    assert 'href="https://example.org/one"' in client.get("/articles/art_one").text


def test_home_shows_counts_and_finds_any_spelling(client) -> None:
    body = client.get("/", params={"q": "Hiftar"}).text
    assert re.search(r"<strong>5</strong> events", body)
    assert 'href="/actors/act_haftar">Khalifa Haftar</a>' in body


def test_actor_page_shows_aliases_roles_and_data_for_the_visuals(client) -> None:
    body = client.get("/actors/act_haftar").text
    for text in (
        "Hiftar",
        "Khalifa Hifter",
        "Field Marshal",
        "September 2016",
        "We will not stop,",
    ):
        assert text in body
    data = json.loads(re.search(r'id="page-data">(.*?)</script>', body, re.S).group(1))
    assert {e["polarity"] for e in data["graph"]["edges"]} == {"negative", "neutral", "negated"}
    assert {p["place"] for p in data["points"]} == {
        "Benghazi", "Cairo", "Derna", "Libya", FORGED_PLACE.name
    }  # fmt: skip
    items = {i["id"]: i for i in data["timeline"]}
    assert (
        items["evt_attack"]["start"] == "2016-09-01" and items["evt_attack"]["end"] == "2016-09-30"
    )
    assert items["evt_meet"]["type"] == "point"


def test_dates_show_their_precision(client) -> None:
    body = client.get("/events").text
    assert "September 2016" in body and "3 May 2017" in body and ">2017<" in body
    assert "2016-09-01" not in body and "2016-09<" not in body


def test_event_page_highlights_the_evidence_in_its_article(client) -> None:
    body = client.get("/events/evt_meet").text
    assert "<mark>Hiftar met Egyptian officials in Cairo.</mark>" in body
    assert "Forces loyal to Haftar shelled Derna in 2017." in body  # the rest of the article


def test_event_list_filters_and_pages(client) -> None:
    body = client.get("/events", params={"type": "fight", "limit": 1}).text
    assert body.count('class="event-link"') == 1
    assert "page=2" in body and "type=fight" in body
    assert re.search(r'id="total">2<', body)  # fight is ASSAULT's old name, in any case


@pytest.mark.parametrize(
    "path", ["/actors/nobody", "/events/nothing", "/articles/none", "/places/none", "/nowhere"]
)
def test_missing_pages_are_html_404s(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "404" in r.text


@pytest.mark.parametrize(
    "path",
    ["/static/../api/app.py", "/static/..%2f..%2fconfig.py", "/static/%2e%2e/%2e%2e/errors.py",
     "/static/vendor/../../routes.py", "/static//etc/passwd"],
)  # fmt: skip
def test_static_files_stay_inside_the_static_folder(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "def " not in r.text and "root:" not in r.text


def test_static_assets_are_served(client) -> None:
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/js/actor.js").status_code == 200


def test_event_page_labels_negation_once_and_codes_as_labels(client) -> None:
    body = client.get("/events/evt_xss").text
    assert "Not:" not in body and "not:" not in body
    assert '<span class="tag modality negated">negated</span>' in body
    attack = client.get("/events/evt_attack").text
    assert "ACLED Battles / Armed clash" in attack and "{" not in attack.split("<h2>Evidence")[0]
    assert "4 killed, 7 wounded" in attack


def test_relations_show_every_sentence_and_count_articles(client) -> None:
    body = client.get("/actors/act_haftar").text
    denied = body[
        body.index("support</h3>") if "support</h3>" in body else body.index("support <span") :
    ]
    assert "1 sentence in 1 article" in denied and "0 sources" not in body


def test_indexes_reach_every_actor_and_place(client) -> None:
    actors = client.get("/actors").text
    for name in ("Khalifa Haftar", "Libyan National Army", "Egypt", "Fayez al-Sarraj"):
        assert f">{name}</a>" in actors
    places = client.get("/places", params={"sort": "name"}).text
    assert places.index(">Benghazi</a>") < places.index(">Cairo</a>") < places.index(">Derna</a>")


def test_incident_list_is_newest_first_with_total_and_pages(client) -> None:
    body = client.get("/events", params={"limit": 2}).text
    assert re.search(r'id="total">5<', body)
    assert body.index("evt_xss") < body.index("evt_meet")
    assert 'href="?limit=2&amp;page=3"' in body or "page=3" in body


def test_explore_keeps_the_filter_in_links_and_downloads(client) -> None:
    body = client.get("/explore", params={"type": "fight", "since": "2016"}).text
    assert "/api/download?format=jsonl&amp;type=fight&amp;since=2016" in body
    assert 'href="/events?type=fight&amp;since=2016"' in body
    assert '<option value="fight" selected>fight</option>' in body  # a resubmit keeps it


def test_actor_and_place_pages_offer_their_downloads(client) -> None:
    actor = client.get("/actors/act_haftar").text
    assert "/api/download?format=jsonl&amp;actor=act_haftar" in actor
    place = client.get("/places/geonames:88319").text
    assert "/api/download?format=jsonl&amp;place=geonames%3A88319" in place
    r = client.get("/api/download", params={"format": "jsonl", "place": "geonames:88319"})
    assert '"id": "evt_attack"' in r.text and '"id": "evt_meet"' not in r.text


def test_incident_list_offers_the_downloads_of_its_filter(client) -> None:
    body = client.get("/incidents", params={"type": "fight", "since": "2016"}).text
    for name in ("csv", "geojson", "graphml", "jsonl"):
        assert f"/api/download?format={name}&amp;type=fight&amp;since=2016" in body


def test_a_negated_relation_group_is_labelled_once(client) -> None:
    """A denied or negated relation says so once, by the label its events carry, not by a
    polarity tag beside it ('negated negated')."""
    body = client.get("/actors/act_haftar").text
    headings = re.findall(r"<h3>(support.*?)</h3>", body)
    negated = [h for h in headings if "negated" in h]
    assert negated == ['support <span class="tag modality negated">negated</span>']
    assert (
        '<h3>support <span class="tag positive">positive</span></h3>'
        in client.get("/actors/act_egypt").text
    )
