"""REST API over a store built by hand (TestClient; no model)."""

from __future__ import annotations

import pytest

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.views.network import NETWORK_PAGE_MAX


def test_stats_counts_every_kind(client) -> None:
    assert client.get("/api/stats").json() == {
        "articles": 3, "mentions": 0, "actors": 5, "events": 5, "incidents": 4,
        "relations": 4, "quotes": 2, "statistics": 0, "places": 5,
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
        ({"place": "geonames:88319"}, ["evt_attack"]),
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
        ("<img src=x onerror=alert(5)>Qar<b>yu</b>nis", 1), ("Benghazi", 1), ("Cairo", 1),
        ("Derna", 1), ("Libya", 1)
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


# --- an API that cannot be knocked over ------------------------------------------------------

HUGE = str(2**64)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"offset": HUGE}), ("/api/events", {"min_sources": HUGE}),
        ("/api/events", {"limit": "1" + "0" * 30}), ("/api/events", {"offset": "-1"}),
        ("/api/actors", {"q": "x" * 50_000}), ("/api/actors", {"offset": HUGE}),
        ("/api/event-list", {"page": HUGE}), ("/api/event-list", {"min_fatalities": HUGE}),
        ("/api/events", {"since": "April 2019"}), ("/api/events", {"since": "' OR 1=1 --"}),
        ("/api/event-list", {"until": "2019-02-30"}), ("/api/timeline", {"unit": "fortnight"}),
        ("/api/network", {"top": HUGE}), ("/api/events", {"after": "not-a-cursor"}),
        ("/api/network", {"after": "not-a-cursor"}), ("/api/network", {"after": "x" * 500}),
        ("/api/event-list", {"order": "-killed", "after": "WyIyMDE2IiwiZXZ0X3NoZWxsIl0"}),
        ("/api/events", {"bbox": "0,0,500,1"}), ("/api/download", {"format": "x" * 100}),
        ("/api/relations", {"actor": "x" * 50_000}), ("/api/quotes", {"speaker": "y" * 5_000}),
        ("/api/index/actors", {"sort": "payload"}), ("/api/index/places", {"page": "0"}),
    ],
)  # fmt: skip
def test_bad_input_is_a_422_with_a_message(client, path: str, params: dict) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422, (path, params, r.text[:200])
    error = r.json()["error"]
    assert error["message"] and len(error["message"]) < 2000


@pytest.mark.parametrize("name", ["actor", "type", "acled", "place", "since", "bbox", "modality"])
def test_a_blank_filter_field_is_no_filter(client, name: str) -> None:
    r = client.get("/api/event-list", params={name: ""})
    assert r.status_code == 200 and r.json()["total"] == 5


def test_a_malformed_box_is_an_invalid_request_like_any_other(client) -> None:
    error = client.get("/api/events", params={"bbox": "1,2,3"}).json()["error"]
    assert error["type"] == "invalid_request" and "bbox" in error["message"]


def test_a_date_that_is_not_iso_says_so(client) -> None:
    message = client.get("/api/events", params={"since": "April 2019"}).json()["error"]["message"]
    assert "since" in message and "ISO date" in message


def test_html_pages_refuse_bad_input_too(client) -> None:
    for params in ({"q": "x" * 50_000}, {"page": HUGE}):
        path = "/" if "q" in params else "/events"
        r = client.get(path, params=params)
        assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")


def _all_pages(client, **params) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        query = {**params, "limit": 2, **({"after": after} if after else {})}
        page = client.get("/api/events", params=query).json()
        ids += [e["id"] for e in page["items"]]
        after = page["next_after"]
        if after is None:
            return ids


@pytest.mark.parametrize("order", ["date", "-date"])
def test_keyset_pages_walk_every_event_once(client, order: str) -> None:
    everything = [
        e["id"] for e in client.get("/api/events", params={"order": order}).json()["items"]
    ]
    assert _all_pages(client, order=order) == everything
    assert len(set(everything)) == 5


def test_newest_first_puts_undated_last(web_settings) -> None:
    from fastapi.testclient import TestClient

    from eventwire.model import Event
    from eventwire.store.sqlite import SQLiteStore

    with SQLiteStore(web_settings.db) as store:
        store.conn.execute(
            "INSERT INTO events (id, type, negated, modality, source_count, payload)"
            " VALUES ('evt_undated', 'fight', 0, 'asserted', 1, ?)",
            ('{"id": "evt_undated", "type": "fight", "codes": {}, "evidence": []}',),
        )
        store.conn.commit()
        assert isinstance(store.get_event("evt_undated"), Event)
    with TestClient(create_app(web_settings)) as c:
        items = c.get("/api/event-list").json()["items"]
        assert items[0]["id"] == "evt_xss" and items[-1]["id"] == "evt_undated"
        assert _all_pages(c, order="-date")[-1] == "evt_undated"
        assert _all_pages(c, order="date")[0] == "evt_undated"


def test_head_is_answered_on_pages_and_api(client) -> None:
    for path in ("/", "/events", "/explore", "/api/stats", "/actors/act_haftar"):
        r = client.head(path)
        assert r.status_code == 200, path
        assert r.content == b""
        assert int(r.headers["content-length"]) > 0


def test_openapi_is_served_at_the_root_and_under_api(client) -> None:
    root = client.get("/openapi.json").json()
    assert "/api/event-list" in root["paths"] and "/api/download" in root["paths"]
    assert client.get("/api/openapi.json").json()["paths"] == root["paths"]


def test_headers_set_permissions_and_caching(client) -> None:
    r = client.get("/api/stats")
    assert "geolocation=()" in r.headers["permissions-policy"]
    assert r.headers["cache-control"] == "no-cache"
    assert client.get("/static/app.css").headers["cache-control"].startswith("public")


class _Body:
    """A request body that records how much of it was read."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.consumed = 0

    def __iter__(self):
        while self.consumed < self.size:
            self.consumed += 65536
            yield b"x" * 65536


@pytest.mark.parametrize(
    ("token", "header", "status"), [("", None, 403), ("secret", "Bearer no", 401)]
)
def test_token_is_checked_before_the_body_is_read(web_settings, token, header, status) -> None:
    from fastapi.testclient import TestClient

    body = _Body(50_000_000)
    with TestClient(create_app(web_settings.with_(api_token=token))) as c:
        headers = {"Authorization": header} if header else {}
        r = c.post("/api/articles", content=body, headers=headers)
    assert r.status_code == status
    assert body.consumed <= 65536  # at most what the transport buffered before the answer


def test_a_body_over_the_limit_is_a_413(web_settings) -> None:
    from fastapi.testclient import TestClient

    settings = web_settings.with_(api_token="secret", api_max_body=10_000)
    with TestClient(create_app(settings)) as c:
        auth = {"Authorization": "Bearer secret"}
        r = c.post("/api/articles", json={"text": "x" * 20_000}, headers=auth)
        assert r.status_code == 413 and r.json()["error"]["type"] == "too_large"


# --- whole-corpus views ------------------------------------------------------------------------


def test_incidents_are_newest_first_with_total_and_casualties(client) -> None:
    page = client.get("/api/event-list", params={"limit": 2}).json()
    assert page["total"] == 5 and page["pages"] == 3
    assert [i["id"] for i in page["items"]] == ["evt_xss", "evt_meet"]
    xss = page["items"][0]
    assert xss["modality"] == "negated" and xss["counted"] is False and xss["polarity"] == "negated"
    killed = client.get("/api/event-list", params={"min_fatalities": 3}).json()
    assert [i["id"] for i in killed["items"]] == ["evt_attack"]
    assert killed["items"][0]["killed"] == 4 and killed["items"][0]["wounded"] == 7


@pytest.mark.parametrize(
    ("params", "expected"),
    [({"type": "FIGHT"}, {"evt_attack", "evt_shell"}), ({"type": "Fight"}, {"evt_attack", "evt_shell"}),
     ({"place": "benghazi"}, {"evt_attack"}), ({"place": "Nowhere"}, set()),
     ({"actor": "Khalifa Hifter", "type": "consult"}, {"evt_meet"}),
     ({"acled": "Battles"}, {"evt_attack"}), ({"since": "2017-05", "until": "2017-05"}, {"evt_meet"})],
)  # fmt: skip
def test_the_shared_filter(client, params: dict, expected: set) -> None:
    assert {
        i["id"] for i in client.get("/api/event-list", params=params).json()["items"]
    } == expected


def test_timeline_counts_every_incident_once(client) -> None:
    h = client.get("/api/timeline", params={"unit": "month"}).json()
    bars = {b["label"]: b["incidents"] for b in h["bars"] if b["incidents"]}
    # incident records, not sentences: the condemnation of the Benghazi attack is a
    # statement about it, and the attack's two reports are one incident
    assert bars == {"Sep 2016": 1, "May 2017": 1}
    assert h["coarser"] == 1 and h["undated"] == 1  # Derna is dated to 2017 only
    assert sum(bars.values()) + h["coarser"] + h["undated"] == h["totals"]["incidents"] == 4
    sep = next(b for b in h["bars"] if b["label"] == "Sep 2016")
    assert sep["killed"] == 4  # the best-supported figure, not 4 + 6 from two reports
    listed = client.get("/api/incidents", params={"since": sep["since"], "until": sep["until"]})
    assert {i["id"] for i in listed.json()["items"]} == {"incident_benghazi"}
    yearly = client.get("/api/timeline", params={"unit": "year"}).json()
    assert [b["incidents"] for b in yearly["bars"]] == [1, 2] and yearly["coarser"] == 0
    assert len(h["bars"]) == 9  # September 2016 to May 2017, the empty months included


def test_timeline_unit_is_coarse_enough_to_draw_most_incidents(client) -> None:
    h = client.get("/api/timeline", params={"place": "Derna"}).json()  # one year-dated
    assert h["unit"] == "year" and [b["incidents"] for b in h["bars"]] == [1]
    assert client.get("/api/timeline").json()["unit"] == "month"  # 2 of 3 dated fit a month


def test_network_is_capped_by_degree(client) -> None:
    full = client.get("/api/network").json()
    assert full["total"] == 5 and full["shown"] == 5
    capped = client.get("/api/network", params={"top": 2}).json()
    assert capped["shown"] == 2 and capped["total"] == 5
    assert {n["id"] for n in capped["nodes"]} == {"act_haftar", "act_lna"}  # most sources
    more = client.get("/api/network", params={"top": 2, "after": capped["next_after"]}).json()
    assert more["shown"] == 2 and more["next_after"] and full["next_after"] is None
    assert {n["id"] for n in more["nodes"]} == {n["id"] for n in full["nodes"][2:4]}
    polarities = {(e["source"], e["target"]): e["polarity"] for e in full["edges"]}
    assert polarities[("act_xss", "act_haftar")] == "negated"
    assert polarities[("act_egypt", "act_lna")] == "positive"


def test_network_top_is_capped_at_the_page_the_ui_draws(client) -> None:
    """More actors than one page are drawn page by page (``after``): a larger ``top`` is
    refused with a message naming the cap, not answered slowly."""
    assert client.get("/api/network", params={"top": NETWORK_PAGE_MAX}).status_code == 200
    r = client.get("/api/network", params={"top": NETWORK_PAGE_MAX + 1})
    assert r.status_code == 422
    message = r.json()["error"]["message"]
    assert "top" in message and str(NETWORK_PAGE_MAX) in message


def test_map_groups_by_place_and_outlines_countries(client) -> None:
    places = {p["name"]: p for p in client.get("/api/map").json()}
    assert places["Benghazi"]["incidents"] == 1 and places["Benghazi"]["killed"] == 4
    assert places["Benghazi"]["country_numeric"] is None
    # the condemnation placed in Libya is a statement about an incident, not one
    assert "Libya" not in places and places["Cairo"]["type"] == "consult"


def test_index_pages_sort_and_page(client) -> None:
    actors = client.get("/api/index/actors", params={"sort": "name", "limit": 2}).json()
    assert actors["total"] == 5 and actors["pages"] == 3
    assert [r["actor"]["name"] for r in actors["items"]][
        0
    ] == '<script>alert("title")</script><img src=x onerror=alert(1)>'
    top = client.get("/api/index/actors").json()["items"][0]
    # incidents on either side (the forged protest targets him), best-supported killed
    assert top["actor"]["id"] == "act_haftar" and top["incidents"] == 4 and top["killed"] == 6
    places = client.get("/api/index/places", params={"sort": "-killed"}).json()["items"]
    assert places[0]["place"]["name"] == "Benghazi" and places[0]["killed"] == 4


def test_download_writes_the_filtered_records(client) -> None:
    import json

    assert "jsonl" in client.get("/api/filters").json()["formats"]
    r = client.get("/api/download", params={"format": "jsonl", "type": "fight"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in r.headers["content-disposition"]
    records = [json.loads(line) for line in r.text.splitlines()]
    assert {x["id"] for x in records if x["kind"] == "event"} == {"evt_attack", "evt_shell"}
    assert {x["id"] for x in records if x["kind"] == "actor"} == {"act_haftar"}
    assert {x["id"] for x in records if x["kind"] == "article"} == {"art_one", "art_two"}
    assert client.get("/api/download", params={"format": "nope"}).status_code == 422


def test_the_api_choices_are_the_views_choices() -> None:
    from typing import get_args

    from eventwire.http import params
    from eventwire.model import MODALITIES
    from eventwire.store.base import EVENT_ORDERS
    from eventwire.views.dates import UNITS
    from eventwire.views.indexes import ACTOR_SORTS, PLACE_SORTS

    assert set(get_args(params.EventOrder)) == set(EVENT_ORDERS)
    assert set(get_args(params.ActorSort)) == set(ACTOR_SORTS)
    assert set(get_args(params.PlaceSort)) == set(PLACE_SORTS)
    assert get_args(params.Unit) == UNITS
    assert get_args(params.Modality) == MODALITIES


def test_actor_index_counts_incidents_not_statements(client) -> None:
    rows = {r["actor"]["id"]: r for r in client.get("/api/index/actors").json()["items"]}
    assert (rows["act_haftar"]["incidents"], rows["act_haftar"]["killed"]) == (4, 6)
    assert rows["act_haftar"]["wounded"] == 7
    # Sarraj only condemned the attack: a statement, no incident of his
    assert rows["act_sarraj"]["incidents"] == 0 and rows["act_sarraj"]["killed"] == 0


def test_filter_choices_come_from_the_apps_own_ontology(client) -> None:
    from dataclasses import replace

    shipped = client.get("/api/filters").json()
    assert "assault" in shipped["types"]
    onto = client.app.state.ontology
    sparse = replace(onto, types={"ASSAULT": onto.types["ASSAULT"]}, acled_by_trigger={})
    client.app.state.ontology = sparse
    try:
        fewer = client.get("/api/filters").json()
        assert fewer["types"] == ["assault"] and len(shipped["types"]) == 16
        assert "Protests" in shipped["acled"] and "Protests" not in fewer["acled"]
    finally:
        client.app.state.ontology = onto
