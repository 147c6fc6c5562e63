"""PostgreSQL store (``postgresql://`` URLs): the shared SQL over psycopg 3.

Bulk writes go through ``COPY``; the store-level write lock is a transaction-scoped
advisory lock, so any number of processes and machines can write one store; the
schema version lives in a ``schema_version`` table and the migrations are SQLite's,
read through :func:`~eventwire.store.dialects.postgres_script`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from typing import Any

from eventwire.errors import StoreError
from eventwire.registry import stores
from eventwire.store.dialects import postgres_query, postgres_script
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.sql import SQLStore

try:
    import psycopg
except ImportError:  # the optional extra is not installed
    psycopg = None  # type: ignore[assignment]

# Key of the advisory lock every writer of one database takes (any fixed 64-bit number).
WRITE_LOCK = 0x65766E7477697265
_cursor_names = count()


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    """A :class:`~eventwire.store.base.Store` in a PostgreSQL database."""

    remote = True

    def __init__(self, url: str) -> None:
        self.location = redacted(url)
        if psycopg is None:
            raise StoreError(
                f"{self.location}: PostgreSQL needs psycopg; install eventwire[postgres]"
            )
        self.driver_errors = (psycopg.Error,)
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            self._migrate()
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: cannot open store ({exc})") from exc

    # schema ----------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._writing():
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
            if self.conn.execute("SELECT 1 FROM schema_version").fetchone() is None:
                self.conn.execute("INSERT INTO schema_version VALUES (0)")
            version = self.schema_version
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"{self.location}: schema version {version} is newer than this eventwire "
                    f"({len(MIGRATIONS)})"
                )
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                self.conn.execute(postgres_script(script).encode())
                self.conn.execute("UPDATE schema_version SET version = %s", (number,))

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    # dialect hooks ---------------------------------------------------------------------
    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql.replace("%", "%%").replace("?", "%s").encode(), args)

    def _dialect(self, sql: str) -> str:
        return postgres_query(sql)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        with (
            self.conn.cursor() as cur,
            cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN".encode()) as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        # a server-side cursor lives in a transaction: rows come 256 at a time
        with (
            self.conn.transaction(),
            self.conn.cursor(name=f"stream_{next(_cursor_names)}") as cur,
        ):
            cur.execute(sql.replace("%", "%%").replace("?", "%s").encode(), args)
            while rows := cur.fetchmany(256):
                yield from rows

    def close(self) -> None:
        self.conn.close()


@stores.register("postgres")
def open_postgres(location: str) -> PostgresStore:
    return PostgresStore(location)
