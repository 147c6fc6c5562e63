"""An event's place inferred from its article (issue 15, item 2) is told apart in what
people read: the stored payload, the jsonl export, the event page and the CLI's event and
incident listings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.api import create_app
from eventwire.cli import app
from eventwire.config import Settings
from eventwire.export.records import event_record
from eventwire.model import (
    Article,
    DocumentRecords,
    Event,
    Evidence,
    Incident,
    Place,
    Resolution,
)
from eventwire.store.sqlite import SQLiteStore

TEXT = "Two guards were killed overnight, officials said."
SIRTE = Place("geonames:2210554", "Sirte", 31.2, 16.6, "LBY", "LY.62", "city", "PPLA", 128_000)
LIBYA = Place("country:LBY", "Libya", 27.0, 17.0, "LBY", None, "country", "PCLI", 6_700_000)


INFERRED_LIBYA = replace(LIBYA, inferred=True)


def _store(path: Path, place: Place = INFERRED_LIBYA) -> Path:
    article = Article("art_i", TEXT, title="Guards killed", published="2021-06-07")
    evidence = (Evidence("art_i", TEXT, 0, len(TEXT)),)
    event = Event(
        "event_i", "ASSAULT", {"plover": "ASSAULT"}, evidence,
        None, None, "2021-06-07", "day", place,
    )  # fmt: skip
    incident = Incident(
        "incident_i", "ASSAULT", {"plover": "ASSAULT"}, evidence,
        date="2021-06-07", date_precision="day", location=place, events=("event_i",),
    )  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_documents([(article, DocumentRecords("art_i"))])
        store.replace_resolution(
            Resolution(events=(event,), places=(LIBYA,), incidents=(incident,))
        )
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


def _place_column(command: str, db: Path) -> str:
    result = CliRunner().invoke(app, [command, "--db", str(db)])
    assert result.exit_code == 0, result.output
    header, row = result.output.splitlines()[:2]
    return row.split("\t")[header.split("\t").index("place")]


def test_the_cli_listings_mark_an_inferred_place(tmp_path: Path) -> None:
    db = _store(tmp_path / "i.db")
    assert _place_column("events", db) == "Libya (inferred)"
    assert _place_column("incidents", db) == "Libya (inferred)"


def test_the_cli_listings_leave_a_stated_place_unmarked(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db", SIRTE)
    assert _place_column("events", db) == "Sirte"
    assert _place_column("incidents", db) == "Sirte"
