"""The fingerprint of what a resolution depends on besides the documents."""

from __future__ import annotations

from pathlib import Path

from eventwire.config import Settings
from eventwire.resolve.overrides import resolution_fingerprint

MERGE = '[[merge]]\nnames = ["Northern Front", "the Front"]\n'


def _store_in(folder: Path, overrides: str | None, actors: str | None = None) -> Settings:
    folder.mkdir(parents=True, exist_ok=True)
    if overrides is not None:
        (folder / "overrides.toml").write_text(overrides, "utf-8")
    files = ""
    if actors is not None:
        (folder / "mine.toml").write_text(actors, "utf-8")
        files = str(folder / "mine.toml")
    return Settings(
        db=str(folder / "store.db"), overrides=str(folder / "overrides.toml"), actor_files=files
    )


def test_a_store_moved_with_its_files_keeps_its_fingerprint(tmp_path: Path) -> None:
    here = _store_in(tmp_path / "here", MERGE, "[x]\n")
    there = _store_in(tmp_path / "elsewhere" / "deeper", MERGE, "[x]\n")
    assert resolution_fingerprint(here) == resolution_fingerprint(there)
    # no overrides file at either place is the same too
    assert resolution_fingerprint(_store_in(tmp_path / "a", None)) == resolution_fingerprint(
        _store_in(tmp_path / "b", None)
    )


def test_what_the_files_say_changes_the_fingerprint(tmp_path: Path) -> None:
    base = resolution_fingerprint(_store_in(tmp_path / "a", MERGE))
    assert resolution_fingerprint(_store_in(tmp_path / "b", MERGE + "\n# note\n")) != base
    assert resolution_fingerprint(_store_in(tmp_path / "c", None)) != base
    with_actors = resolution_fingerprint(_store_in(tmp_path / "d", MERGE, "[x]\n"))
    assert with_actors != base
    assert resolution_fingerprint(_store_in(tmp_path / "e", MERGE, "[y]\n")) != with_actors


def test_an_overrides_file_is_not_read_as_an_actor_file(tmp_path: Path) -> None:
    # the same text as the overrides file or as an actor file is two different inputs
    as_overrides = _store_in(tmp_path / "a", "[z]\n")
    as_actors = _store_in(tmp_path / "b", None, "[z]\n")
    (tmp_path / "b" / "overrides.toml").write_text("", "utf-8")
    (tmp_path / "a" / "mine.toml").write_text("", "utf-8")
    as_overrides = Settings(
        db=as_overrides.db,
        overrides=as_overrides.overrides,
        actor_files=str(tmp_path / "a" / "mine.toml"),
    )
    assert resolution_fingerprint(as_overrides) != resolution_fingerprint(as_actors)
