"""REST API over a store built by hand (TestClient; no model)."""

from __future__ import annotations

import pytest

from eventwire.api import create_app
from eventwire.config import Settings


def test_stats_counts_every_kind(client) -> None:
    assert client.get("/api/stats").json() == {
        "articles": 3, "mentions": 0, "actors": 5, "events": 5,
        "relations": 4, "quotes": 2, "places": 3,
    }  # fmt: skip


@pytest.mark.parametrize("spelling", ["Hiftar", "haftar", "Khalifa Hifter", "Khalifa Haftar"])
def test_actor_search_finds_any_spelling(client, spelling: str) -> None:
    items = client.get("/api/actors", params={"q": spelling}).json()["items"]
    assert [a["id"] for a in items][:1] == ["act_haftar"]


def test_actor_search_without_match_is_empty(client) -> None:
    assert client.get("/api/actors", params={"q": "Gaddafi"}).json()["items"] == []


def test_actor_detail_groups_relations_by_type_and_polarity(client) -> None:
    d = client.get("/api/actors/act_haftar").json()
    assert d["actor"]["aliases"] == ["Hiftar", "Haftar", "Khalifa Hifter"]
    assert [r["title"] for r in d["roles"]] == ["Commander of the LNA", "Field Marshal"]
    groups = {
        (g["type"], g["polarity"]): [v["relation"]["id"] for v in g["relations"]]
        for g in d["relations"]
    }
    assert groups == {
        ("oppose", "negative"): ["rel_oppose"],
        ("lead", "neutral"): ["rel_command"],
        ("support", "negated"): ["rel_denied"],
    }
    assert {e["id"] for e in d["events"]} == {
        "evt_attack",
        "evt_meet",
        "evt_shell",
        "evt_condemn",
        "evt_xss",
    }
    assert [q["id"] for q in d["quotes"]] == ["quo_1"]
    assert d["actors"]["act_egypt"]["name"] == "Egypt"
    assert d["explanation"]


def test_unknown_records_are_json_404s(client) -> None:
    for path in (
        "/api/actors/nobody",
        "/api/events/nothing",
        "/api/articles/none",
        "/api/places/x:1",
    ):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.json()["error"]["type"] == "not_found"


def test_unknown_api_route_is_json_404(client) -> None:
    r = client.get("/api/nothing-here")
    assert r.status_code == 404
    assert r.json()["error"]["status"] == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["evt_attack", "evt_condemn", "evt_shell", "evt_meet", "evt_xss"]),
        ({"actor": "act_sarraj"}, ["evt_condemn"]),
        ({"actor": "Serraj"}, ["evt_condemn"]),  # a name works as well as an id
        ({"type": "fight"}, ["evt_attack", "evt_shell"]),
        ({"since": "2017", "until": "2017"}, ["evt_shell", "evt_meet"]),
        ({"until": "2016-09"}, ["evt_attack", "evt_condemn"]),
        ({"place": "geonames:88319"}, ["evt_attack", "evt_xss"]),
        ({"bbox": "19,31,23,33"}, ["evt_attack", "evt_shell", "evt_xss"]),
        ({"modality": "reported"}, ["evt_shell"]),
        ({"polarity": "negated"}, ["evt_xss"]),
        ({"min_sources": 2}, ["evt_attack"]),
    ],
)
def test_event_filters(client, params: dict, expected: list[str]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert [e["id"] for e in r.json()["items"]] == expected


def test_event_paging(client) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    assert [e["id"] for e in first["items"]] == ["evt_attack", "evt_condemn"]
    assert first["next_offset"] == 2
    last = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    assert [e["id"] for e in last["items"]] == ["evt_xss"]
    assert last["next_offset"] is None


@pytest.mark.parametrize(
    "params",
    [{"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "5,5,1,1"}, {"limit": 0}, {"limit": 100000},
     {"offset": -1}, {"polarity": "sideways"}, {"min_sources": 0}],
)  # fmt: skip
def test_bad_parameters_are_json_422s(client, params: dict) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert r.json()["error"]["type"] in {"invalid_request", "http_error"}


def test_event_detail_locates_evidence_in_article(client) -> None:
    d = client.get("/api/events/evt_meet").json()
    [item] = d["articles"]
    marked = "".join(s["text"] for s in item["segments"] if s["mark"])
    assert marked == "Hiftar met Egyptian officials in Cairo."
    assert "".join(s["text"] for s in item["segments"]).startswith("Hiftar met")
    assert d["actors"]["act_egypt"]["name"] == "Egypt"


def test_relations_filter_by_actor_name_and_polarity(client) -> None:
    def ids(**p):
        return [v["relation"]["id"] for v in client.get("/api/relations", params=p).json()["items"]]

    assert ids() == ["rel_support", "rel_command", "rel_denied", "rel_oppose"]
    assert ids(actor="LNA") == ["rel_support", "rel_command"]
    assert ids(polarity="positive") == ["rel_support"]
    assert ids(type="support", polarity="negated") == ["rel_denied"]


def test_places_quotes_and_articles(client) -> None:
    places = client.get("/api/places").json()["items"]
    assert [(p["place"]["name"], p["events"]) for p in places] == [
        ("Benghazi", 2), ("Cairo", 1), ("Derna", 1)
    ]  # fmt: skip
    assert [
        q["id"] for q in client.get("/api/quotes", params={"speaker": "Hiftar"}).json()["items"]
    ] == ["quo_1"]
    articles = client.get("/api/articles", params={"limit": 2}).json()
    assert articles["total"] == 3 and articles["next_offset"] == 2
    assert "text" not in articles["items"][0]
    assert client.get("/api/articles/art_one").json()["text"].startswith("Khalifa Haftar's forces")


def test_api_is_read_only(client) -> None:
    for method in ("put", "delete", "patch"):
        r = getattr(client, method)("/api/events/evt_meet")
        assert r.status_code == 405
        assert r.json()["error"]["type"] == "method_not_allowed"


def test_post_article_is_disabled_without_a_token(client) -> None:
    r = client.post("/api/articles", json={"text": "Haftar spoke."})
    assert r.status_code == 403
    assert client.get("/api/stats").json()["articles"] == 3


@pytest.mark.parametrize("header", [None, "Bearer wrong", "secret", "Basic secret"])
def test_post_article_needs_the_right_token(web_settings: Settings, header: str | None) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(web_settings.with_(api_token="secret"))) as c:
        headers = {"Authorization": header} if header else {}
        r = c.post("/api/articles", json={"text": "Haftar spoke."}, headers=headers)
        assert r.status_code == 401
        assert c.get("/api/stats").json()["articles"] == 3


def test_post_article_validates_the_body(web_settings: Settings) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(web_settings.with_(api_token="secret"))) as c:
        auth = {"Authorization": "Bearer secret"}
        assert c.post("/api/articles", json={"title": "no text"}, headers=auth).status_code == 422
        r = c.post("/api/articles", json={"text": "x", "published": "not a date"}, headers=auth)
        assert r.status_code == 422
        assert r.json()["error"]["type"] == "invalid_article"


@pytest.mark.slow
def test_post_article_ingests_with_the_token(web_settings: Settings) -> None:
    from fastapi.testclient import TestClient

    text = "Khalifa Haftar met Fayez al-Sarraj in Abu Dhabi on 2 May 2017 to discuss a ceasefire."
    with TestClient(create_app(web_settings.with_(api_token="secret"))) as c:
        auth = {"Authorization": "Bearer secret"}
        r = c.post("/api/articles", json={"text": text, "title": "Talks"}, headers=auth)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["created"] is True
        assert c.get(f"/api/articles/{body['article_id']}").json()["title"] == "Talks"
        again = c.post("/api/articles", json={"text": text}, headers=auth).json()
        assert again["created"] is False


def test_openapi_lists_the_routes(client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/actors", "/api/actors/{actor_id}", "/api/events",
                 "/api/events/{event_id}", "/api/relations", "/api/places", "/api/quotes", "/api/stats"):  # fmt: skip
        assert path in paths
    assert "post" in paths["/api/articles"]


def test_docs_page_is_offline(client) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "http" not in html.replace("http-equiv", "")  # no CDN URL
    assert "<script>" not in html  # no inline script (CSP)
