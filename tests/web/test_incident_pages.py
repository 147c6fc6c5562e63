"""The incident pages: the list under the filter bar, one incident, and the links to them
from event, actor, place and explore pages; text from articles never becomes markup."""

from __future__ import annotations

import re

from tests.web.conftest import FORGED_NOTE, FORGED_PLACE, XSS_TITLE


def _rows(body: str) -> list[str]:
    return re.findall(r'data-incident="([^"]+)"', body)


def test_incident_list_by_date_and_by_sources(client) -> None:
    body = client.get("/incidents").text
    assert _rows(body) == ["incident_cairo", "incident_derna", "incident_benghazi",
                           "incident_forged"]  # fmt: skip
    assert '<strong id="total">4</strong>' in body and "page 1 of 1" in body
    assert ">4-6<" in body and ">September 2016<" in body and ">2017<" in body
    assert 'href="?order=-sources&amp;page=1"' in body
    assert _rows(client.get("/incidents", params={"order": "-sources"}).text)[0] == (
        "incident_benghazi"
    )


def test_incident_list_takes_the_filter_bar_and_pages(client) -> None:
    body = client.get("/incidents", params={"min_sources": 2}).text
    assert _rows(body) == ["incident_benghazi"]
    assert 'name="min_sources" type="number" min="1" max="1000000" value="2"' in body
    paged = client.get("/incidents", params={"limit": 3, "page": 2}).text
    assert _rows(paged) == ["incident_forged"] and "page 2 of 2" in paged


def test_incident_page_shows_facts_reports_members_and_why(client) -> None:
    body = client.get("/incidents/incident_benghazi").text
    assert '<dd id="killed">4-6</dd>' in body and "2 articles, 2 outlets" in body
    assert '<strong>killed 6</strong> <span class="muted">(at least)</span>' in body
    assert "Forces loyal to Haftar shelled Derna in 2017." in body  # art_two's sentence
    assert 'href="/articles/art_one"' in body and 'href="/articles/art_two"' in body
    assert 'href="/events/evt_attack"' in body and 'href="/events/evt_condemn"' in body
    assert "joined art_one and art_two: ASSAULT, town Benghazi" in body
    assert client.get("/incidents/incident_none").status_code == 404


def test_event_actor_place_and_explore_pages_link_incidents(client) -> None:
    assert 'href="/incidents/incident_benghazi"' in client.get("/events/evt_attack").text
    condemn = client.get("/events/evt_condemn").text
    assert "is a statement about" in condemn and "/incidents/incident_benghazi" in condemn
    assert 'href="/incidents?actor=act_haftar"' in client.get("/actors/act_haftar").text
    assert 'href="/incidents?place=geonames%3A88319"' in client.get("/places/geonames:88319").text
    assert 'href="/incidents?type=fight"' in client.get("/explore", params={"type": "fight"}).text
    events = client.get("/events", params={"since": "2017-05"}).text
    assert 'class="incident-link" href="/incidents/incident_cairo"' in events


def test_forged_markup_in_incident_text_stays_text(client) -> None:
    for path in ("/incidents", "/incidents/incident_forged", "/incidents?place=geonames:1"):
        body = client.get(path).text
        for raw in (XSS_TITLE, FORGED_PLACE.name, FORGED_NOTE, "<script>alert"):
            assert raw not in body, (path, raw)
        assert "<img" not in body and "<b>yu" not in body and "evil.example>" not in body
    page = client.get("/incidents/incident_forged").text
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in page  # the explanation, escaped
    assert "&lt;img src=x onerror=alert(5)&gt;Qar&lt;b&gt;yu&lt;/b&gt;nis" in page  # the place
    assert page.count("&lt;script&gt;alert(&#34;title&#34;)") >= 2  # actor and figure qualifier
    assert "<script" not in page.split("</main>")[0]


def test_incident_page_says_why_a_nearby_incident_is_another(tmp_path) -> None:
    from dataclasses import replace

    from fastapi.testclient import TestClient
    from tests.web.conftest import sample_articles, sample_resolution

    from eventwire.api import create_app
    from eventwire.config import Settings
    from eventwire.model import DocumentRecords
    from eventwire.store.sqlite import SQLiteStore

    articles = sample_articles()
    res = sample_resolution(articles)
    cairo = next(i for i in res.incidents if i.id == "incident_cairo")
    other = replace(cairo, id="incident_other", date="2017-05-04", source_actor="act_sarraj",
                    target_actor="act_lna", events=())  # fmt: skip
    with SQLiteStore(tmp_path / "near.db") as store:
        store.add_documents([(a, DocumentRecords(a.id)) for a in articles])
        store.replace_resolution(replace(res, incidents=(*res.incidents, other)))
    with TestClient(create_app(Settings(db=str(tmp_path / "near.db")))) as client:
        body = client.get("/incidents/incident_cairo").text
    near = body[body.index('id="near-misses"') : body.index("</ul>", body.index("near-misses"))]
    assert "kept apart from incident incident_other: " in near
