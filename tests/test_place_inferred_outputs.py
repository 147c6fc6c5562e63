"""An event's place inferred from its article (issue 15, item 2) is told apart in what
people read: the stored payload, the jsonl export and the event page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.export.records import event_record
from eventwire.model import Article, DocumentRecords, Event, Evidence, Place, Resolution
from eventwire.store.sqlite import SQLiteStore

TEXT = "Two guards were killed overnight, officials said."
LIBYA = Place("country:LBY", "Libya", 27.0, 17.0, "LBY", None, "country", "PCLI", 6_700_000)


def _store(path: Path) -> Path:
    article = Article("art_i", TEXT, title="Guards killed", published="2021-06-07")
    event = Event(
        "event_i", "ASSAULT", {"plover": "ASSAULT"}, (Evidence("art_i", TEXT, 0, len(TEXT)),),
        None, None, "2021-06-07", "day", replace(LIBYA, inferred=True),
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_documents([(article, DocumentRecords("art_i"))])
        store.replace_resolution(Resolution(events=(event,), places=(LIBYA,)))
    return path


def test_the_inferred_flag_survives_the_store_and_the_export(tmp_path: Path) -> None:
    with SQLiteStore(_store(tmp_path / "i.db")) as store:
        (event,) = store.events()
    assert event.location is not None and event.location.inferred
    assert event_record(event)["location"]["inferred"] is True


def test_the_event_page_says_the_place_was_inferred(tmp_path: Path) -> None:
    settings = Settings(db=str(_store(tmp_path / "i.db")))
    with TestClient(create_app(settings)) as client:
        body = client.get("/events/event_i").text
    assert 'Libya</a> <span class="muted">(inferred from the article)</span>' in body
