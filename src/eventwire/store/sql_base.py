"""The connection layer every SQL mixin of :class:`~eventwire.store.sql.SQLStore` stands
on: the dialect hooks a backend supplies (a statement, a transaction holding the
store-level write lock, bulk inserts, streamed rows), the store's state (generations),
and the ways of reading many keys or many statements at once that suit each backend
(a list of marks in process, one array or one compound query on a server)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from eventwire.errors import StoreError

CHUNK = 500  # ids per IN (...) list
# statements joined into one compound query in process: SQLite allows 500 arms, and
# 32,766 parameters in a statement as it is commonly built
COMPOUND_ARMS = 100
COMPOUND_ARGS = 30_000


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class SQLBase:
    """The hooks and helpers the SQL mixins share; see the module doc."""

    location: str
    driver_errors: tuple[type[BaseException], ...] = ()
    # each query a round trip to a server (PostgreSQL): reads then ask for many keys in
    # one query, where in process (SQLite) one small query per key costs less
    remote = False
    # the column a row is read back by once its keys are read from an index (a download's
    # events' lines): a backend's own row address when it has one, else the id
    row_address = "id"

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement written with ``?`` placeholders; returns a cursor."""
        raise NotImplementedError

    def _dialect(self, sql: str) -> str:
        """A summary's query as the backend reads it (SQLite's as written)."""
        return sql

    def _writing(self) -> AbstractContextManager[None]:
        """A transaction holding the store-level write lock."""
        raise NotImplementedError

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk-insert ``rows`` (no conflicts expected: callers remove duplicates)."""
        raise NotImplementedError

    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        """Rows of a query fetched a batch at a time, never all at once."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        return list(self._execute(sql, args).fetchall())

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self._execute(sql, args).fetchone()

    def _fail(self, what: str, exc: BaseException) -> StoreError:
        return StoreError(f"{self.location}: cannot {what} ({exc})")

    def _state(self, name: str) -> str:
        row = self._one("SELECT value FROM store_state WHERE name = ?", (name,))
        return str(row[0]) if row else "0"

    def _set_state(self, name: str, value: str) -> None:
        self._execute("UPDATE store_state SET value = ? WHERE name = ?", (value, name))

    def _one_of(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """The condition that ``column`` is one of ``values``, and its arguments: a list of
        marks in process; on a server one array (``= ANY``), which it reads and plans as
        one value, not one per id (the relations among 1,300 actors: 137 ms of wall clock
        instead of 185 on PostgreSQL)."""
        if self.remote:
            return f"{column} = ANY(?)", [list(values)]
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def _by_ids(self, table: str, columns: str, ids: Iterable[str]) -> list[Any]:
        """Rows (``columns``) of ``table`` whose id is one of ``ids``, by id: one query per
        ``CHUNK`` ids, each in the order of the ids (sorted)."""
        wanted = sorted(set(ids))
        rows: list[Any] = []
        for start in range(0, len(wanted), CHUNK):
            chunk, chunk_args = self._one_of("id", wanted[start : start + CHUNK])
            rows += self._all(
                f"SELECT {columns} FROM {table} WHERE {chunk} ORDER BY id", chunk_args
            )
        return rows

    def _kept_rows(self, table: str, condition: str) -> str:
        """A condition keeping the rows of ``table`` that ``condition`` keeps, written so
        that the rows are found in an index that covers ``condition`` before any is read
        from the table (the dialect's way; here ``condition`` itself)."""
        return condition

    def _all_of(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[Any]:
        """The rows of every statement (the caller sums or orders them), in few queries:
        ``UNION ALL`` of them. On a server one query, one round trip where each would be
        one; in process a query per ``COMPOUND_ARMS`` statements (SQLite's limit of a
        compound select is 500), each arm still seeking its own index (the network of a
        cut day ran 131 queries on a small store, one per source actor and period)."""
        if self.remote and len(statements) > 1:
            return self._all(
                " UNION ALL ".join(f"({sql})" for sql, _ in statements),
                [arg for _, args in statements for arg in args],
            )
        rows: list[Any] = []
        for part in _compound_parts(statements):
            if len(part) == 1:
                rows += self._all(*part[0])
                continue
            rows += self._all(
                " UNION ALL ".join(f"SELECT * FROM ({sql})" for sql, _ in part),
                [arg for _, args in part for arg in args],
            )
        return rows

    def _summed_of(
        self, statements: Sequence[tuple[str, Sequence[Any]]], width: int, values: int = 1
    ) -> list[tuple[Any, ...]]:
        """The rows of every statement with the same first ``width`` columns summed (the
        ``values`` columns after them), ordered by those columns (:func:`_summed`). On a
        server the sums are the query's own (one grouping of the ``UNION ALL``): fewer
        rows sent and none summed in Python (the network under a cut day on the 1M-event
        bench store summed 11,382 degree rows and 7,764 split rows here: 64 -> 40 ms of
        the client's CPU per request with the degrees in one query)."""
        if not self.remote or not statements:
            return _summed(self._all_of(statements), width)
        keys = ", ".join(f"k{i}" for i in range(width))
        sums = ", ".join(f"COALESCE(SUM(v{i}), 0)::bigint" for i in range(values))
        names = ", ".join([*(f"k{i}" for i in range(width)), *(f"v{i}" for i in range(values))])
        union = " UNION ALL ".join(f"({sql})" for sql, _ in statements)
        return [
            tuple(row)
            for row in self._all(
                f"WITH u({names}) AS ({union}) SELECT {keys}, {sums} FROM u"
                f" GROUP BY {keys} ORDER BY {keys}",
                [arg for _, args in statements for arg in args],
            )
        ]

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _compound_parts(
    statements: Sequence[tuple[str, Sequence[Any]]],
) -> list[list[tuple[str, Sequence[Any]]]]:
    """``statements`` in order, cut into runs of at most ``COMPOUND_ARMS`` statements and
    ``COMPOUND_ARGS`` parameters (a statement with more is a run of its own)."""
    parts: list[list[tuple[str, Sequence[Any]]]] = []
    args = 0
    for statement in statements:
        if not parts or len(parts[-1]) >= COMPOUND_ARMS or args + len(statement[1]) > COMPOUND_ARGS:
            parts.append([])
            args = 0
        parts[-1].append(statement)
        args += len(statement[1])
    return parts


def _summed(rows: list[Any], width: int) -> list[tuple[Any, ...]]:
    """Rows with the same first ``width`` columns summed column by column, in their order."""
    if rows and len(rows[0]) == width + 1:  # one value (degrees, pair sums): no lists
        one: dict[tuple[Any, ...], int] = {}
        for row in rows:
            key = tuple(row[:width])
            one[key] = one.get(key, 0) + int(row[width] or 0)
        return [(*key, one[key]) for key in sorted(one)]
    sums: dict[tuple[Any, ...], list[int]] = {}
    for row in rows:
        key = tuple(row[:width])
        found = sums.get(key)
        if found is None:
            sums[key] = [int(b or 0) for b in row[width:]]
        else:
            for i, b in enumerate(row[width:]):
                found[i] += int(b or 0)
    return [(*key, *sums[key]) for key in sorted(sums)]
