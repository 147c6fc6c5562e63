"""Store fixtures: every backend behind one ``store_url`` fixture (PostgreSQL
databases come from the session's ``postgres_server``, see ``tests/conftest.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.store.pg_cluster import fresh_database

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A location ``open_store`` accepts, for an empty store of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return fresh_database(request.getfixturevalue("postgres_server"))
