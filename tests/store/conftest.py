"""Store fixtures: every backend behind one ``store_url`` fixture.

PostgreSQL tests (marked ``postgres``) run against ``EVENTWIRE_TEST_POSTGRES`` (a
server URL) when set, else against a throwaway cluster this session starts (initdb
in a temporary directory, ``pg_ctl start`` on a free loopback port, stopped at the end).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventwire.store.pg_cluster import fresh_database, server_binary, throwaway_cluster

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server on which databases may be created freely."""
    if url := os.environ.get("EVENTWIRE_TEST_POSTGRES"):
        yield url
        return
    if not (server_binary("initdb") and server_binary("pg_ctl")):
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed")
    with throwaway_cluster() as url:
        yield url


@pytest.fixture
def new_postgres_database(postgres_server: str) -> Callable[[], str]:
    """Makes new empty databases on the test server; returns their URLs."""
    return lambda: fresh_database(postgres_server)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A location ``open_store`` accepts, for an empty store of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return fresh_database(request.getfixturevalue("postgres_server"))
