"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary
directory, ``pg_ctl start`` on a free loopback port, stopped and removed on exit.

The server binaries are looked up on PATH, then in Debian's /usr/lib/postgresql/N/bin;
as root, the server runs as the ``postgres`` user (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from eventwire.errors import StoreError

_databases = count()


def server_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    return next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster; yields the URL of its ``postgres`` database (trust login)."""
    initdb, pg_ctl = server_binary("initdb"), server_binary("pg_ctl")
    if not (initdb and pg_ctl):
        raise StoreError("PostgreSQL's initdb and pg_ctl are not installed")
    home = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    data = home / "data"
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    port = _free_port()
    try:
        subprocess.run(
            _as_server_user([initdb, "-D", str(data), "-U", "postgres", "--auth=trust",
                             "--encoding=UTF8", "--locale=C.UTF-8"]),
            check=True, capture_output=True,
        )  # fmt: skip
        options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l", str(home / "log"),
                             "-w", "start"]),
            check=True, capture_output=True,
        )  # fmt: skip
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(home, ignore_errors=True)
        raise StoreError(f"cannot start PostgreSQL: {exc.stderr.decode(errors='replace')}") from exc
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(home, ignore_errors=True)


def fresh_database(server: str) -> str:
    """URL of a new empty database on the server at ``server``."""
    import psycopg

    name = f"eventwire_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}".encode())
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'".encode())
    return server.rsplit("/", 1)[0] + f"/{name}"
