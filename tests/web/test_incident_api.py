"""`/api/incidents`: incident records under the shared filter, sorted, paged, one by one;
`/api/event-list`: the explore page's list of resolved events it replaced."""

from __future__ import annotations

from typing import Any

import pytest


def _ids(client: Any, **params: Any) -> list[str]:
    r = client.get("/api/incidents", params=params)
    assert r.status_code == 200, r.text
    return [i["id"] for i in r.json()["items"]]


def test_incidents_newest_first_undated_last_with_total(client) -> None:
    page = client.get("/api/incidents").json()
    assert [i["id"] for i in page["items"]] == [
        "incident_cairo", "incident_derna", "incident_benghazi", "incident_forged"
    ]  # fmt: skip
    assert page["total"] == 4 and page["pages"] == 1 and page["order"] == "-date"
    assert _ids(client, order="date")[0] == "incident_forged"  # undated first, oldest first


def test_incident_row_shows_ranges_sources_and_outlets(client) -> None:
    (row,) = client.get("/api/incidents", params={"min_sources": 2}).json()["items"]
    assert row["id"] == "incident_benghazi"
    assert (row["killed"], row["wounded"]) == ("4-6", "7")  # the reports disagree: a range
    assert row["counts"] == {"killed": 4, "wounded": 7} and row["count_max"]["killed"] == 6
    assert (row["source_count"], row["outlet_count"]) == (2, 2)
    assert row["when"] == "September 2016" and row["date_precision"] == "month"
    assert row["source"]["name"] == "Khalifa Haftar" and row["place"]["name"] == "Benghazi"


def test_sort_by_sources_and_page_numbers(client) -> None:
    assert _ids(client, order="-sources")[0] == "incident_benghazi"
    second = client.get("/api/incidents", params={"order": "-sources", "limit": 3, "page": 2})
    assert [i["id"] for i in second.json()["items"]] == ["incident_forged"]
    assert second.json()["pages"] == 2 and second.json()["next_after"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"actor": "Hiftar"},
            {"incident_cairo", "incident_derna", "incident_benghazi", "incident_forged"},
        ),  # fmt: skip
        ({"actor": "Egypt"}, {"incident_cairo"}),
        ({"type": "fight"}, {"incident_derna", "incident_benghazi"}),  # an old PLOVER name
        ({"type": "Assault", "since": "2017"}, {"incident_derna"}),
        ({"until": "2016"}, {"incident_benghazi"}),
        ({"place": "benghazi"}, {"incident_benghazi"}),
        ({"place": "geonames:87205"}, {"incident_derna"}),
        ({"modality": "reported"}, {"incident_derna"}),
        ({"min_sources": 2}, {"incident_benghazi"}),
        ({"acled": "Battles"}, {"incident_benghazi"}),
        ({"min_fatalities": 3}, {"incident_benghazi"}),
        ({"polarity": "negated"}, set()),
        ({"place": "nowhere at all"}, set()),
    ],
)
def test_shared_filters_select_incidents(
    client, params: dict[str, Any], expected: set[str]
) -> None:
    page = client.get("/api/incidents", params=params).json()
    assert {i["id"] for i in page["items"]} == expected
    assert page["total"] == len(expected)


def test_sort_by_a_count_puts_the_uncounted_last_either_way(client) -> None:
    # benghazi counts 4 killed (its reports say 4 and 6), the undated forged one 2; cairo and
    # derna count none: last in both directions, newest first among themselves
    assert _ids(client, order="-killed") == [
        "incident_benghazi", "incident_forged", "incident_cairo", "incident_derna"
    ]  # fmt: skip
    assert _ids(client, order="killed") == [
        "incident_forged", "incident_benghazi", "incident_cairo", "incident_derna"
    ]  # fmt: skip
    assert _ids(client, order="-wounded")[0] == "incident_benghazi"
    assert _ids(client, order="displaced") == _ids(client, order="-date")  # none counted
    second = client.get("/api/incidents", params={"order": "-killed", "limit": 3, "page": 2})
    assert [i["id"] for i in second.json()["items"]] == ["incident_derna"]


@pytest.mark.parametrize(
    "order", ["-date", "date", "-sources", "-killed", "killed", "-wounded", "displaced"]
)
def test_several_places_merge_into_one_ordered_page(web_settings, order: str) -> None:
    """A place name starting several places gives one store query per place; their pages
    merge in the store's own order, by offset and by cursor."""
    from eventwire.store import open_store
    from eventwire.store.base import IncidentFilter
    from eventwire.views.corpus import encode_cursor
    from eventwire.views.incidents import _select

    with open_store(web_settings) as store:
        places = ["geonames:1", "geonames:87205", "geonames:88319", "geonames:360630"]
        flts = [IncidentFilter(place=p) for p in places]
        whole = [i.id for i in store.incidents(IncidentFilter(order=order))]
        assert [i.id for i in _select(store, flts, order, 10, 0, None)] == whole
        assert [i.id for i in _select(store, flts, order, 2, 1, None)] == whole[1:3]
        if order != "-sources":  # a count order's cursor too: its row's count is looked up
            first = store.get_incident(whole[0])
            after = encode_cursor(first.date, first.id)
            assert [i.id for i in _select(store, flts, order, 2, 0, after)] == whole[1:3]


def test_keyset_pages_in_date_and_count_orders(client) -> None:
    for order in ("-date", "date", "-killed", "killed", "-wounded", "wounded"):
        walked, after = [], None
        while True:
            q = {"order": order, "limit": 3, **({"after": after} if after else {})}
            page = client.get("/api/incidents", params=q).json()
            walked += [i["id"] for i in page["items"]]
            if not (after := page["next_after"]):
                break
        assert walked == _ids(client, order=order) and len(walked) == 4


@pytest.mark.parametrize(
    "params",
    [{"order": "sources"}, {"after": "garbage"}, {"bbox": "10,20,30,40"}, {"min_sources": 0}, {"page": 10**7},
     {"since": "April 2019"}, {"limit": 501}],
)  # fmt: skip
def test_bad_incident_queries_are_422(client, params: dict[str, Any]) -> None:
    r = client.get("/api/incidents", params=params)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["message"]


def test_one_incident_with_its_explanation(client) -> None:
    d = client.get("/api/incidents/incident_benghazi").json()
    assert d["incident"]["events"] == ["evt_attack"]
    assert d["incident"]["statements"] == ["evt_condemn"]
    assert any("joined art_one and art_two" in line for line in d["explanation"])
    assert client.get("/api/incidents/incident_none").status_code == 404


def test_event_list_moved_and_incident_records_alias_gone(client) -> None:
    page = client.get("/api/event-list", params={"limit": 2}).json()
    assert page["total"] == 5 and "label" in page["items"][0]
    by_id = {i["id"]: i["incident"] for i in client.get("/api/event-list").json()["items"]}
    # a member names its incident; a statement the incident it is about
    assert by_id["evt_attack"] == by_id["evt_condemn"] == "incident_benghazi"
    assert by_id["evt_meet"] == "incident_cairo"
    assert client.get("/api/incident-records").status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/event-list"} <= set(paths)
    assert "/api/incident-records" not in paths
    orders = paths["/api/incidents"]["get"]["parameters"]
    assert {p["name"] for p in orders} >= {"actor", "type", "place", "since", "until",
                                           "modality", "min_sources", "order", "after"}  # fmt: skip


def test_event_detail_names_its_incident(client) -> None:
    d = client.get("/api/events/evt_attack").json()
    assert [(i["id"], i["role"]) for i in d["incidents"]] == [("incident_benghazi", "member")]
    condemn = client.get("/api/events/evt_condemn").json()["incidents"]
    assert [(i["id"], i["role"]) for i in condemn] == [("incident_benghazi", "statement")]


def test_a_place_name_starting_too_many_places_is_refused(web_settings) -> None:
    from eventwire.knowledge.ontology import read_ontology
    from eventwire.store import open_store
    from eventwire.views.corpus import CorpusFilter
    from eventwire.views.incidents import MAX_PLACES, incident_filters

    onto = read_ontology()
    with open_store(web_settings) as store:
        assert len(incident_filters(store, CorpusFilter(place="Benghazi"), onto)) == 1
        many = tuple(f"place:{k}" for k in range(MAX_PLACES + 1))
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("eventwire.views.incidents.matching_places", lambda _s, _v: many)
            with pytest.raises(ValueError, match="starts 26 place names"):
                incident_filters(store, CorpusFilter(place="Place"), onto)
