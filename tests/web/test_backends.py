"""The API and pages answer the same on SQLite and PostgreSQL stores of the same records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tests.web.conftest import fill_sample_store

from eventwire.config import Settings
from eventwire.store import open_store
from eventwire.views.corpus import encode_cursor

pytestmark = pytest.mark.postgres

EVENT_ORDERS = ["-date", "date", "-sources", "-killed", "type"]
ACTOR_SORTS = ["-mentions", "mentions", "-articles", "articles", "name", "-name", "type", "country"]
PLACE_SORTS = [
    "-incidents",
    "incidents",
    "-killed",
    "name",
    "-name",
    "country",
    "-sources",
    "articles",
    "-articles",
]
# every read endpoint of the API, with the filters and orders the store translates to SQL
API_GETS: list[tuple[str, dict[str, Any]]] = [
    ("/api/stats", {}),
    ("/api/articles", {}),
    ("/api/actors", {"q": "hiftar"}),
    ("/api/actors/act_haftar", {}),
    ("/api/events", {}),
    ("/api/events", {"actor": "act_haftar", "order": "-date", "limit": 2}),
    ("/api/events/evt_attack", {}),
    ("/api/relations", {}),
    ("/api/places", {}),
    ("/api/places/geonames:88319", {}),
    ("/api/quotes", {}),
    *[("/api/event-list", {"order": order}) for order in EVENT_ORDERS],
    ("/api/event-list", {"actor": "act_haftar", "order": "-killed"}),
    ("/api/event-list", {"min_fatalities": 3}),
    ("/api/event-list", {"polarity": "negated"}),
    ("/api/event-list", {"modality": "reported"}),
    ("/api/timeline", {}),
    ("/api/timeline", {"unit": "month", "actor": "act_haftar"}),
    ("/api/network", {}),
    ("/api/map", {}),
    # migration 5's columns, read from the summary tables or from events by filter
    ("/api/event-list", {"acled": "Battles", "order": "-killed"}),
    ("/api/timeline", {"acled": "Battles"}),
    ("/api/timeline", {"min_fatalities": 1}),
    ("/api/map", {"since": "2019", "polarity": "affirmed"}),
    ("/api/map", {"modality": "reported"}),
    ("/api/network", {"min_sources": 2}),
    ("/api/network", {"polarity": "negated"}),
    ("/api/network", {"since": "2017", "top": 3}),
    ("/api/totals", {"since": "2017"}),
    *[("/api/index/actors", {"sort": sort}) for sort in ACTOR_SORTS],
    # under a filter: the incidents it selects per actor, from a summary or the incidents
    ("/api/index/actors", {"since": "2016", "sort": "-incidents"}),
    ("/api/index/actors", {"type": "assault", "min_fatalities": 1}),
    ("/api/index/actors", {"actor": "act_haftar", "place": "Benghazi"}),
    *[("/api/index/places", {"sort": sort}) for sort in PLACE_SORTS],
    ("/api/filters", {}),
    # incident records (issue 14): orders, filters, keyset start, one record
    *[("/api/incidents", {"order": order}) for order in ("-date", "date", "-sources")],
    # by a count, uncounted last either way, by page and from a keyset cursor
    *[
        ("/api/incidents", {"order": f"{sign}{kind}", "limit": 2, "page": page})
        for sign in ("-", "")
        for kind in ("killed", "wounded", "displaced")
        for page in (1, 2)
    ],
    *[
        (
            "/api/incidents",
            {"order": order, "limit": 2, "after": encode_cursor(None, "incident_forged")},
        )
        for order in ("-killed", "killed")
    ],
    ("/api/incidents", {"min_sources": 2}),
    ("/api/incidents", {"actor": "Hiftar", "type": "fight", "limit": 1}),
    ("/api/incidents", {"place": "Benghazi", "since": "2016", "until": "2016-09"}),
    ("/api/incidents", {"modality": "reported", "acled": ""}),
    ("/api/incidents", {"order": "-sources", "page": 2, "limit": 2}),
    ("/api/incidents/incident_benghazi", {}),
    ("/api/incidents/incident_forged", {}),
    ("/api/events/evt_attack", {}),
]
PAGES = ["/", "/explore", "/events", "/actors", "/places", "/articles", "/actors/act_haftar",
         "/incidents", "/incidents?order=-sources", "/incidents/incident_benghazi",
         "/events/evt_attack"]  # fmt: skip


def _client(location: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    settings = Settings(db=location)
    with open_store(settings) as store:
        fill_sample_store(store)
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def clients(
    tmp_path_factory: pytest.TempPathFactory, postgres_server: str
) -> Iterator[tuple[Any, Any]]:
    from eventwire.store.pg_cluster import fresh_database

    lite = _client(str(tmp_path_factory.mktemp("backends") / "web.db"))
    pg = _client(fresh_database(postgres_server))
    yield next(lite), next(pg)
    for client in (lite, pg):
        next(client, None)


def _walk(get: Callable[[dict[str, Any]], dict[str, Any]], order: str) -> list[str]:
    """Ids of every incident, page by page through the keyset cursor."""
    ids: list[str] = []
    after = None
    while True:
        page = get({"order": order, "limit": 2, **({"after": after} if after else {})})
        ids += [item["id"] for item in page["items"]]
        if not (after := page.get("next_after")):
            return ids


@pytest.mark.parametrize(("path", "params"), API_GETS)
def test_api_answers_alike(clients: tuple[Any, Any], path: str, params: dict[str, Any]) -> None:
    lite, pg = clients
    answer = lite.get(path, params=params)
    assert answer.status_code == 200, answer.text
    assert pg.get(path, params=params).json() == answer.json()


@pytest.mark.parametrize("order", ["-date", "date"])
def test_keyset_walks_alike(clients: tuple[Any, Any], order: str) -> None:
    walked = [
        _walk(lambda q, c=c: c.get("/api/event-list", params=q).json(), order) for c in clients
    ]
    assert len(walked[0]) == 5 and walked[0] == walked[1]


@pytest.mark.parametrize("order", ["-date", "date"])
def test_incident_keyset_walks_alike(clients: tuple[Any, Any], order: str) -> None:
    walked = [
        _walk(lambda q, c=c: c.get("/api/incidents", params=q).json(), order) for c in clients
    ]
    assert len(walked[0]) == 4 and walked[0] == walked[1]


@pytest.mark.parametrize("params", [{}, {"since": "2016-09-20"}, {"min_sources": 2}], ids=repr)
def test_network_pages_walk_alike(clients: tuple[Any, Any], params: dict[str, Any]) -> None:
    """ "show more" page by page (``after``): the same pages on both backends."""
    walked = []
    for client in clients:
        pages, after = [], None
        while True:
            answer = client.get(
                "/api/network", params={**params, "top": 2, **({"after": after} if after else {})}
            )
            assert answer.status_code == 200, answer.text
            page = answer.json()
            pages.append(page)
            if not (after := page["next_after"]):
                break
        walked.append(pages)
    assert len(walked[0]) > 1 and walked[0] == walked[1]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_alike(clients: tuple[Any, Any], path: str) -> None:
    lite, pg = clients
    page = lite.get(path)
    assert page.status_code == 200
    assert pg.get(path).text == page.text


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "graphml"])
@pytest.mark.parametrize("params", [{}, {"actor": "act_haftar"}, {"since": "2017"}], ids=repr)
def test_downloads_alike(clients: tuple[Any, Any], fmt: str, params: dict[str, Any]) -> None:
    lite, pg = clients
    answer = lite.get("/api/download", params={"format": fmt, **params})
    assert answer.status_code == 200, answer.text
    assert (
        answer.content
        and pg.get("/api/download", params={"format": fmt, **params}).content == answer.content
    )
