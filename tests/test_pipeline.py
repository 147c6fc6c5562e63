"""The main job: idempotent ingestion, crash-resume, workers, order independence."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.export import export_records
from eventwire.pipeline import ingest, rebuild
from eventwire.store.sqlite import SQLiteStore

TOWNS = ["Derna", "Sirte", "Misrata", "Benghazi", "Tobruk", "Sabha", "Zawiya", "Gharyan"]


def write_corpus(folder: Path, n: int = 24) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"{i:03d}.txt").write_text(
            f"Report number {i}\n\nMonday 0{1 + i % 9}/05/2017\n"
            f"Fighters entered {town} at dawn. Residents of {town} said {i + 3} people fled.\n"
        )
    return folder


def snapshot(store: SQLiteStore) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in export_records(store))


def blank(tmp_path: Path, name: str, **kw: object) -> Settings:
    return Settings(db=str(tmp_path / name), model="blank", batch_size=4, **kw)  # type: ignore[arg-type]


def test_reingest_is_a_noop(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 6)
    settings = blank(tmp_path, "a.db")
    with SQLiteStore(settings.db) as store:
        first = ingest([corpus], store, settings)
        rebuild(store, settings)
        before = snapshot(store)
        second = ingest([corpus], store, settings)
        rebuild(store, settings)
        assert (first.ingested, first.duplicates) == (6, 0)
        assert (second.ingested, second.duplicates) == (0, 6)
        assert snapshot(store) == before


def test_duplicate_inside_one_run_is_counted(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 2)
    (corpus / "copy.txt").write_text((corpus / "000.txt").read_text())
    settings = blank(tmp_path, "d.db")
    with SQLiteStore(settings.db) as store:
        report = ingest([corpus], store, settings)
    assert (report.ingested, report.duplicates, report.failed) == (2, 1, 0)


def test_bad_files_do_not_stop_the_run_or_lose_data(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 3)
    settings = blank(tmp_path, "b.db")
    with SQLiteStore(settings.db) as store:
        ingest([corpus], store, settings)
        (corpus / "zz_bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
        (corpus / "zz_empty.txt").write_bytes(b"")
        report = ingest([corpus], store, settings)
        assert report.failed == 2 and report.duplicates == 3
        assert store.stats()["articles"] == 3


CHILD = """
import sys
from eventwire.config import Settings
from eventwire.pipeline import ingest
from eventwire.store.sqlite import SQLiteStore
settings = Settings(db=sys.argv[1], model="blank", batch_size=2)
store = SQLiteStore(settings.db)
def progress(n):
    print("batch", flush=True)
    sys.stdin.readline()  # wait for the parent, which kills us at some point
ingest([sys.argv[2]], store, settings, progress=progress)
"""


def test_killed_ingest_resumes_to_the_same_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 12)
    killed_db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(killed_db), str(corpus)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None and child.stdin is not None
    for _ in range(3):  # let three batches commit, then kill without warning
        assert child.stdout.readline().strip() == "batch"
        child.stdin.write("\n")
        child.stdin.flush()
    assert child.stdout.readline().strip() == "batch"
    child.send_signal(signal.SIGKILL)
    child.wait()
    with SQLiteStore(killed_db) as store:
        partial = store.stats()["articles"]
    assert 0 < partial < 12

    settings = blank(tmp_path, "killed.db")
    with SQLiteStore(killed_db) as store:
        report = ingest([corpus], store, settings)
        rebuild(store, settings)
        resumed = snapshot(store)
    assert report.ingested == 12 - partial

    clean = blank(tmp_path, "clean.db")
    with SQLiteStore(clean.db) as store:
        ingest([corpus], store, clean)
        rebuild(store, clean)
        assert snapshot(store) == resumed


def test_result_does_not_depend_on_ingest_order(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 8)
    files = sorted(corpus.iterdir())
    one, two = blank(tmp_path, "one.db"), blank(tmp_path, "two.db")
    with SQLiteStore(one.db) as s1, SQLiteStore(two.db) as s2:
        ingest(files, s1, one)
        ingest(list(reversed(files)), s2, two)
        rebuild(s1, one)
        rebuild(s2, two)
        assert snapshot(s1) == snapshot(s2)


@pytest.mark.slow
def test_two_workers_give_the_same_store_as_one(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 8)
    one = Settings(db=str(tmp_path / "w1.db"), batch_size=2, workers=1)
    two = Settings(db=str(tmp_path / "w2.db"), batch_size=2, workers=2)
    with SQLiteStore(one.db) as s1, SQLiteStore(two.db) as s2:
        ingest([corpus], s1, one)
        ingest([corpus], s2, two)
        rebuild(s1, one)
        rebuild(s2, two)
        assert snapshot(s1) == snapshot(s2)
        assert s1.stats()["mentions"] > 0


def test_a_refresh_groups_events_by_key_and_stores_a_rebuilds_mention_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refresh's events pass groups one key at a time from disk (never every key in
    memory) and still stores the mention rows a rebuild stores: those of a key a new
    article touches include the rows of stored articles that carry the key."""
    from eventwire import pipeline
    from eventwire.pipeline import refresh
    from eventwire.resolve import events as events_module
    from eventwire.store import open_store
    from eventwire.synthetic import World, synthetic_document

    world = World.make(80)
    settings = Settings(db=str(tmp_path / "s.db"))

    def in_memory(*args: object, **kwargs: object) -> object:
        raise AssertionError("a refresh grouped every key in memory")

    with open_store(settings) as store:
        store.add_documents([synthetic_document(world, n) for n in range(60)])
        rebuild(store, settings)
        store.add_documents([synthetic_document(world, n) for n in range(60, 75)])
        with monkeypatch.context() as patched:
            patched.setattr(events_module, "group_events", in_memory)
            assert refresh(store, settings)
        refreshed = sorted(store.event_mention_links())
        assert pipeline.check_picture(store, settings).same
        rebuild(store, settings)
        assert sorted(store.event_mention_links()) == refreshed


def test_a_refresh_reads_the_incidents_only_of_events_it_writes_or_that_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refresh's write neither maps every event to its incidents (as stored or as
    joined) nor builds the written events' incidents from every incident: it reads the
    stored memberships of the events it writes and of the incidents whose member events
    moved, and still stores a rebuild's picture."""
    from eventwire import pipeline
    from eventwire.pipeline import refresh
    from eventwire.store import open_store
    from eventwire.store import sql_picture as sql_module
    from eventwire.synthetic import World, synthetic_document

    world = World.make(120)
    settings = Settings(db=str(tmp_path / "m.db"))
    asked: list[str] = []

    def whole(incidents: Sequence[object]) -> dict[str, list[str]]:
        if incidents:  # the actors' write passes none
            raise AssertionError("a refresh mapped every event to its incidents")
        return {}

    with open_store(settings) as store:
        store.add_documents([synthetic_document(world, n) for n in range(100)])
        rebuild(store, settings)
        stored = store.count("events")
        store.add_documents([synthetic_document(world, n) for n in range(100, 110)])
        reading = type(store).event_incidents

        def event_incidents(self: object, event_ids: object) -> dict[str, list[str]]:
            ids = list(event_ids)  # type: ignore[call-overload]
            asked.extend(ids)
            return reading(self, ids)  # type: ignore[arg-type]

        with monkeypatch.context() as patched:
            patched.setattr(sql_module, "member_incidents", whole)
            patched.setattr(type(store), "event_incidents", event_incidents)
            assert refresh(store, settings)
        assert 0 < len(asked) < stored
        assert pipeline.check_picture(store, settings).same
        lines = "SELECT id, line FROM events ORDER BY id"
        refreshed = store._all(lines)
        rebuild(store, settings)
        assert store._all(lines) == refreshed  # each event's line names its incidents
