"""A small store built by hand from records, shared by the API, page and browser tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.model import (
    Actor,
    Article,
    CountReport,
    DocumentRecords,
    Event,
    Evidence,
    Incident,
    Place,
    Quote,
    Relation,
    Resolution,
    Role,
)
from eventwire.store.base import Store
from eventwire.store.sqlite import SQLiteStore

XSS_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
XSS_TEXT = 'Militia says <script>alert("body")</script> and <img src=x onerror="alert(2)"> now.'

TEXT_1 = (
    "Khalifa Haftar's forces attacked Benghazi in September 2016. "
    "The Libyan National Army was backed by Egypt, officials said. "
    "Fayez al-Sarraj condemned the offensive."
)
TEXT_2 = (
    "Hiftar met Egyptian officials in Cairo. "
    "Forces loyal to Haftar shelled Derna in 2017. "
    '"We will not stop," Haftar said.'
)

BENGHAZI = Place("geonames:88319", "Benghazi", 32.1167, 20.0667, "LBY", "Benghazi", "city")
DERNA = Place("geonames:87205", "Derna", 32.767, 22.6367, "LBY", "Darnah", "city")
CAIRO = Place("geonames:360630", "Cairo", 30.0444, 31.2357, "EGY", "Cairo", "city")
# a place whose name is markup, near Benghazi (inside the same bounding boxes)
FORGED_PLACE = Place("geonames:1", '<img src=x onerror=alert(5)>Qar<b>yu</b>nis', 32.05, 20.08,
                     "LBY", None, "city")  # fmt: skip
LIBYA = Place("country:LBY", "Libya", 26.3351, 17.2283, "LBY", None, "country")


def _evidence(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, sentence, start, start + len(sentence))


def sample_articles() -> list[Article]:
    return [
        Article("art_one", TEXT_1, title="Haftar moves on Benghazi", outlet="Libya Herald",
                url="https://example.org/one", published="2016-09-14", published_precision="day"),
        Article("art_two", TEXT_2, title="Haftar in Cairo", outlet="Al Jazeera",
                url="javascript:alert(3)", published="2017-05", published_precision="month"),
        Article("art_xss", XSS_TEXT, title=XSS_TITLE, outlet="<b>Bold outlet</b>",
                published="2018", published_precision="year"),
    ]  # fmt: skip


def sample_resolution(articles: list[Article]) -> Resolution:
    one, two, xss = articles
    haftar = Actor(
        "act_haftar", "Khalifa Haftar", "person", "LBY",
        aliases=("Hiftar", "Haftar", "Khalifa Hifter"), mention_count=5, article_count=2,
        roles=(Role("Field Marshal", "2016-09", None, "kb"), Role("Commander of the LNA", "2015-03")),
        kb_id="Q1354997",
    )  # fmt: skip
    lna = Actor("act_lna", "Libyan National Army", "armed_group", "LBY", ("LNA",), 2, 1)
    egypt = Actor("act_egypt", "Egypt", "country", "EGY", ("Egyptian officials",), 2, 2)
    sarraj = Actor("act_sarraj", "Fayez al-Sarraj", "person", "LBY", ("Serraj",), 1, 1)
    bad = Actor("act_xss", XSS_TITLE, "armed_group", None, ('"><svg onload=alert(4)>',), 1, 1)
    events = (
        Event("evt_attack", "fight", {"cameo": "190", "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"}}, (_evidence(one, TEXT_1.split(". ")[0] + "."),),
              "act_haftar", None, "2016-09", "month", BENGHAZI, source_count=2,
              counts={"killed": 4, "wounded": 7}),
        Event("evt_meet", "consult", {"cameo": "040"}, (_evidence(two, "Hiftar met Egyptian officials in Cairo."),),
              "act_haftar", "act_egypt", "2017-05-03", "day", CAIRO),
        Event("evt_shell", "fight", {}, (_evidence(two, "Forces loyal to Haftar shelled Derna in 2017."),),
              "act_haftar", None, "2017", "year", DERNA, modality="reported"),
        Event("evt_condemn", "disapprove", {}, (_evidence(one, "Fayez al-Sarraj condemned the offensive."),),
              "act_sarraj", "act_haftar", "2016-09-14", "day", LIBYA),
        Event("evt_xss", "protest", {}, (Evidence("art_xss", xss.text, 0, len(xss.text)),),
              "act_xss", "act_haftar", "2018", "year", FORGED_PLACE, negated=True),
    )  # fmt: skip
    backed = "The Libyan National Army was backed by Egypt, officials said."
    relations = (
        Relation("rel_support", "act_egypt", "act_lna", "support", (_evidence(one, backed),),
                 first_seen="2016-09", last_seen="2017-05", source_count=3),
        Relation("rel_oppose", "act_sarraj", "act_haftar", "oppose",
                 (_evidence(one, "Fayez al-Sarraj condemned the offensive."),), source_count=1),
        Relation("rel_command", "act_haftar", "act_lna", "lead", (), source_count=2),
        Relation("rel_denied", "act_xss", "act_haftar", "support",
                 (Evidence("art_xss", xss.text, 0, len(xss.text)),), negated=True),
    )  # fmt: skip
    said = '"We will not stop," Haftar said.'
    start = two.text.index(said)
    quotes = (
        Quote(
            "quo_1", "We will not stop,", "art_two", said, start, start + len(said), "act_haftar"
        ),
        Quote("quo_xss", XSS_TEXT, "art_xss", XSS_TEXT, 0, len(XSS_TEXT), "act_xss"),
    )
    return Resolution(
        actors=(haftar, lna, egypt, sarraj, bad),
        incidents=sample_incidents(articles),
        events=events,
        relations=relations,
        quotes=quotes,
        places=(BENGHAZI, DERNA, CAIRO, LIBYA, FORGED_PLACE),
        explanations={"act_haftar": ("'Hiftar' and 'Haftar' share a transliteration key",)},
    )


FORGED_NOTE = "<script>alert(6)</script><a href=//evil.example>joined</a>"


def sample_incidents(articles: list[Article]) -> tuple[Incident, ...]:
    """Four incidents: one told by two articles whose killed figures disagree (4 and 6),
    a dated one, a year-dated one, and an undated one whose every text is markup."""
    one, two, xss = articles
    attack = _evidence(one, TEXT_1.split(". ")[0] + ".")
    shelled = _evidence(two, "Forces loyal to Haftar shelled Derna in 2017.")
    forged = Evidence("art_xss", xss.text, 0, len(xss.text))
    return (
        Incident("incident_benghazi", "ASSAULT", {"acled": {"event_type": "Battles"}}, (attack, shelled),
                 "act_haftar", None, "2016-09", "month", BENGHAZI,
                 counts={"killed": 4, "wounded": 7}, count_min={"killed": 4, "wounded": 7},
                 count_max={"killed": 6, "wounded": 7},
                 count_reports=(CountReport("killed", 4, None, attack),
                                CountReport("wounded", 7, None, attack),
                                CountReport("killed", 6, "at least", shelled)),
                 source_count=2, events=("evt_attack",), statements=("evt_condemn",),
                 explanation=("joined art_one and art_two: ASSAULT, town Benghazi",)),
        Incident("incident_derna", "ASSAULT", {}, (shelled,), "act_haftar", None, "2017", "year",
                 DERNA, events=("evt_shell",), modality="reported"),
        Incident("incident_cairo", "CONSULT", {}, (_evidence(two, "Hiftar met Egyptian officials in Cairo."),),
                 "act_haftar", "act_egypt", "2017-05-03", "day", CAIRO, events=("evt_meet",)),
        Incident("incident_forged", "PROTEST", {}, (forged,), "act_xss", "act_haftar", None, None,
                 FORGED_PLACE, counts={"killed": 2}, count_min={"killed": 2}, count_max={"killed": 2},
                 count_reports=(CountReport("killed", 2, XSS_TITLE, forged),),
                 events=("evt_xss",), explanation=(FORGED_NOTE,)),
    )  # fmt: skip


def fill_sample_store(store: Store) -> None:
    articles = sample_articles()
    store.add_documents([(a, DocumentRecords(a.id)) for a in articles])
    store.replace_resolution(sample_resolution(articles))


def build_sample_store(path: Path) -> Path:
    with SQLiteStore(path) as store:
        fill_sample_store(store)
    return path


@pytest.fixture
def web_settings(tmp_path: Path) -> Settings:
    return Settings(db=str(build_sample_store(tmp_path / "web.db")))


@pytest.fixture
def client(web_settings: Settings):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    with TestClient(create_app(web_settings)) as test_client:
        yield test_client
