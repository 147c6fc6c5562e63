"""Store fixtures: every backend behind one ``store_url`` fixture.

PostgreSQL tests (marked ``postgres``) run against ``EVENTWIRE_TEST_POSTGRES`` (a
server URL) when set, else against a throwaway cluster this session starts: initdb in
a temporary directory, ``pg_ctl start`` on a free loopback port, stopped at the end.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
_databases = count()


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        pytest.skip(f"PostgreSQL's {name} is not installed")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server whose ``postgres`` database may be used freely."""
    if url := os.environ.get("EVENTWIRE_TEST_POSTGRES"):
        yield url
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    home = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    data = home / "data"
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    port = _free_port()
    run = dict(check=True, capture_output=True)
    subprocess.run(
        _as_server_user([initdb, "-D", str(data), "-U", "postgres", "--auth=trust",
                         "--encoding=UTF8", "--locale=C.UTF-8"]),
        **run,
    )  # fmt: skip
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l", str(home / "log"),
                         "-w", "start"]),
        **run,
    )  # fmt: skip
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]), **run
        )
        shutil.rmtree(home, ignore_errors=True)


def fresh_database(server: str) -> str:
    """URL of a new empty database on ``server``."""
    import psycopg

    name = f"eventwire_test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    return server.rsplit("/", 1)[0] + f"/{name}"


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
