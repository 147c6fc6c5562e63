"""`rebuild --check`: the stored picture against a fresh resolution of its documents."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Settings
from eventwire.model import Resolution
from eventwire.pipeline import check_picture, refresh
from eventwire.store.sqlite import SQLiteStore
from eventwire.synthetic import World, synthetic_document


def filled(path: Path, n: int = 40) -> Settings:
    settings = Settings(db=str(path))
    world = World.make(n)
    with SQLiteStore(settings.db) as store:
        store.add_documents([synthetic_document(world, i) for i in range(n)])
        refresh(store, settings)
    return settings


def test_check_finds_a_current_picture_the_same(tmp_path: Path) -> None:
    settings = filled(tmp_path / "c.db")
    with SQLiteStore(settings.db) as store:
        result = check_picture(store, settings)
    assert result.same and result.differences["events"] == (0, 0, 0)


def test_check_counts_what_a_damaged_picture_lost(tmp_path: Path) -> None:
    settings = filled(tmp_path / "d.db")
    with SQLiteStore(settings.db) as store:
        events = store.events()
        actors = store.actors()
        state = store.picture_state()
        damaged = Resolution(actors=tuple(actors), events=tuple(events[1:]))
        store.replace_resolution(damaged, state.picture, state.fingerprint, force=True)
        result = check_picture(store, settings)
    assert not result.same
    assert result.differences["events"] == (0, 1, 0)
    assert result.differences["relations"][1] > 0
    runner = CliRunner()
    outcome = runner.invoke(app, ["rebuild", "--check", "--db", settings.db])
    assert outcome.exit_code == 1 and "events: 0 only stored, 1 only in" in outcome.output
    assert runner.invoke(app, ["rebuild", "--db", settings.db]).exit_code == 0
    outcome = runner.invoke(app, ["rebuild", "--check", "--db", settings.db])
    assert outcome.exit_code == 0, outcome.output
