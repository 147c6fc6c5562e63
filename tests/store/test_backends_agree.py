"""The same articles give the same export, byte for byte, on every backend."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.export import export
from eventwire.pipeline import ingest, refresh
from eventwire.store import open_store
from eventwire.store.base import Store
from eventwire.synthetic import World, synthetic_document

STORIES = [
    "Forces loyal to Khalifa Haftar shelled Derna on 3 May 2019, killing 4 civilians.",
    "The Government of National Accord said Haftar's forces attacked Tripoli on Sunday.",
    "Egypt backed Haftar, an official in Cairo said. Protesters gathered in Misrata.",
    "Militants attacked a checkpoint in Sirte. The GNA denied supporting the militias.",
]


def write_articles(folder: Path) -> Path:
    folder.mkdir()
    for n, story in enumerate(STORIES):
        (folder / f"{n}.txt").write_text(f"Story {n}\n\nTuesday 07/05/2019\n{story}\n")
    return folder


def exported(location: str, fill: Callable[[Store, Settings], object]) -> str:
    """The JSONL export of a new store at ``location`` after ``fill`` and a refresh."""
    settings = Settings(db=location, model="blank", batch_size=2)
    store = open_store(settings)
    try:
        fill(store, settings)
        refresh(store, settings)
        out = io.StringIO()
        export(store, "jsonl", out)
    finally:
        store.close()
    return out.getvalue()


@pytest.mark.postgres
def test_sqlite_and_postgres_exports_are_identical(
    tmp_path: Path, new_postgres_database: Callable[[], str]
) -> None:
    corpus = write_articles(tmp_path / "corpus")

    def fill(store: Store, settings: Settings) -> None:
        ingest([corpus], store, settings)

    lite = exported(str(tmp_path / "s.db"), fill)
    assert lite.count("\n") > len(STORIES)
    assert lite == exported(new_postgres_database(), fill)


@pytest.mark.postgres
def test_backends_agree_on_a_full_picture(
    tmp_path: Path, new_postgres_database: Callable[[], str]
) -> None:
    world = World.make(150)

    def fill(store: Store, settings: Settings) -> None:
        store.add_documents([synthetic_document(world, i) for i in range(150)])

    lite = exported(str(tmp_path / "s.db"), fill)
    kinds = {json.loads(line)["kind"] for line in lite.splitlines()}
    assert kinds >= {"article", "actor", "event", "relation", "quote", "place"}
    assert lite == exported(new_postgres_database(), fill)
