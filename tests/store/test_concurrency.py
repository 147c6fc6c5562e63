"""Many writers on one store: nothing lost, nothing stale, nothing left running."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.export import export_records
from eventwire.pipeline import ingest, refresh
from eventwire.store import open_store
from eventwire.store.base import Store
from eventwire.store.sql_picture import PICTURE_TABLES
from eventwire.store.sqlite import SQLiteStore

TOWNS = ["Derna", "Sirte", "Misrata", "Benghazi", "Tobruk", "Sabha", "Zawiya", "Gharyan"]


def write_corpus(folder: Path, numbers: range) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        town = TOWNS[i % len(TOWNS)]
        (folder / f"{i:03d}.txt").write_text(
            f"Report number {i}\n\nMonday 0{1 + i % 9}/05/2017\n"
            f"Fighters of Brigade {i % 5} entered {town} at dawn. Residents of {town} said "
            f"{i + 3} people fled. Khalifa Haftar and Egypt denied it.\n"
        )
    return folder


def snapshot(store: Store) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in export_records(store))


def picture_tables(path: str) -> dict[str, list[tuple[object, ...]]]:
    with SQLiteStore(path) as store:
        return {
            t: sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in (*PICTURE_TABLES, "store_state")
        }


def test_reingest_with_nothing_new_resolves_and_changes_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", range(6))
    settings = Settings(db=str(tmp_path / "a.db"), model="blank", batch_size=4)
    with SQLiteStore(settings.db) as store:
        ingest([corpus], store, settings)
        assert refresh(store, settings)
    before = picture_tables(settings.db)
    assert before["actors"] and before["mention_actor"]
    with SQLiteStore(settings.db) as store:
        assert ingest([corpus], store, settings).ingested == 0
        assert not refresh(store, settings)
    assert picture_tables(settings.db) == before


def test_a_changed_override_file_makes_the_picture_stale(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", range(3))
    settings = Settings(db=str(tmp_path / "o.db"), model="blank")
    with SQLiteStore(settings.db) as store:
        ingest([corpus], store, settings)
        assert refresh(store, settings)
        settings.overrides_path.write_text('[[rename]]\nname = "Derna"\nto = "Darnah"\n')
        assert refresh(store, settings)
        assert not refresh(store, settings)


CHILD = """
import sys
from eventwire.config import Settings
from eventwire.pipeline import ingest, refresh
from eventwire.store import open_store
settings = Settings(db=sys.argv[1], model="blank", batch_size=2)
store = open_store(settings)
for folder in sys.argv[2:]:
    ingest([folder], store, settings)
    refresh(store, settings)
store.close()
"""


def concurrent_ingests(location: str, tmp_path: Path, runs: int = 1) -> None:
    """Two processes ingest different sets into ``location`` at once, each set in
    several batches; the store must end as one run over everything would leave it."""
    sets = [
        [write_corpus(tmp_path / f"set{k}_{j}", range(k * 100 + j * 5, k * 100 + j * 5 + 5))
         for j in range(3)]
        for k in range(2)
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, location, *map(str, folders)], env=env)
        for folders in sets
    ]
    assert [c.wait(timeout=300) for c in children] == [0, 0]


def fresh_rebuild(tmp_path: Path) -> list[str]:
    settings = Settings(db=str(tmp_path / "fresh.db"), model="blank", batch_size=2)
    with SQLiteStore(settings.db) as store:
        ingest(sorted(tmp_path.glob("set*")), store, settings)
        refresh(store, settings)
        return snapshot(store)


@pytest.mark.slow
def test_two_concurrent_ingests_end_as_a_fresh_rebuild(tmp_path: Path) -> None:
    location = str(tmp_path / "shared.db")
    concurrent_ingests(location, tmp_path)
    with open_store(Settings(db=location)) as store:
        assert store.stats()["articles"] == 30
        assert snapshot(store) == fresh_rebuild(tmp_path)


@pytest.mark.postgres
def test_two_concurrent_ingests_into_postgres(
    tmp_path: Path, new_postgres_database: Callable[[], str]
) -> None:
    location = new_postgres_database()
    concurrent_ingests(location, tmp_path)
    with open_store(Settings(db=location)) as store:
        assert snapshot(store) == fresh_rebuild(tmp_path)


PARENT = """
import sys
from eventwire.config import Settings
from eventwire.pipeline import ingest
from eventwire.store import open_store
settings = Settings(db=sys.argv[1], model="blank", batch_size=1, workers=2)
store = open_store(settings)
def progress(n):
    print("batch", flush=True)
    sys.stdin.readline()  # wait: the test kills us here
ingest([sys.argv[2]], store, settings, progress=progress)
"""


def children_of(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and ps --ppid")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    # long articles keep the workers busy (seconds each) when the parent dies: a busy
    # worker does not read its task queue, so only the parent-death watch ends it
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    para = "Fighters entered Derna at dawn. Residents of Sirte said 5 people fled.\n"
    for i in range(6):
        (corpus / f"{i}.txt").write_text(f"Report {i}\n\n" + para * (330 + i))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(tmp_path / "k.db"), str(corpus)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert parent.stdout is not None
    assert parent.stdout.readline().strip() == "batch"  # the pool is up and working
    workers = [
        p for p in children_of(parent.pid) if "python" in Path(f"/proc/{p}/cmdline").read_text()
    ]
    assert len(workers) >= 2
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 3
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [w for w in workers if alive(w)]
