"""What only the SQLite backend does: WAL journal, PRAGMA user_version, file errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.store import open_store
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.postgres import PostgresStore, redacted
from eventwire.store.sqlite import SQLiteStore


def test_file_store_uses_wal(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        SQLiteStore(path)


def test_open_store_by_setting(tmp_path: Path) -> None:
    store = open_store(Settings(db=str(tmp_path / "o.db")))
    assert isinstance(store, SQLiteStore)
    store.close()
    with pytest.raises(StoreError, match="no store backend"):
        open_store(Settings(db="mysql://somewhere/db"))


def test_postgres_url_errors_name_the_server_not_the_password() -> None:
    assert redacted("postgresql://ann:s3cret@db.example:5432/news") == (
        "postgresql://ann:***@db.example:5432/news"
    )
    with pytest.raises(StoreError) as info:
        PostgresStore("postgresql://ann:s3cret@127.0.0.1:1/news?connect_timeout=2")
    assert "s3cret" not in str(info.value) and "127.0.0.1:1/news" in str(info.value)


def test_store_opened_on_an_old_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.picture_state().documents == 0
