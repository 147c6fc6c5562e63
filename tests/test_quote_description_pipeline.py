"""End to end with the spaCy model: an unnamed speaker's description goes from the
article through extraction and resolution into the store and the JSONL records."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.export import export_records
from eventwire.pipeline import ingest, refresh
from eventwire.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow

ARTICLE = (
    "Shelling in the north\n\nMonday 03/05/2021\n"
    "Artillery hit the market in Kabala on Sunday. "
    '"The stalls burned for hours," a witness in Kabala said. '
    '"We will rebuild the market," Governor Ama Diallo told reporters.\n'
)


def test_an_unnamed_speaker_reaches_the_store_and_the_export(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kabala.txt").write_text(ARTICLE)
    settings = Settings(db=str(tmp_path / "store.db"))
    with SQLiteStore(settings.db) as store:
        ingest([corpus], store, settings)
        refresh(store, settings)
        quotes = {q.text.strip(' ,"'): q for q in store.quotes()}
        records = [r for r in export_records(store) if r["kind"] == "quote"]
    burned, rebuild = quotes["The stalls burned for hours"], quotes["We will rebuild the market"]
    assert burned.speaker is None and burned.speaker_description == "witness in Kabala"
    assert rebuild.speaker is not None and rebuild.speaker_description is None
    assert sorted(r["speaker_description"] or "" for r in records) == ["", "witness in Kabala"]
