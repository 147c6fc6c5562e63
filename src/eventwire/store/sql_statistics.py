"""The SQL of running and period totals (:class:`~eventwire.model.Statistic`), a mixin
:class:`~eventwire.store.sql.SQLStore` inherits: written with the resolved picture,
read by actor, place and kind in the order they were stated (article, offset)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.model import Statistic, from_dict, to_dict

STATISTIC_COLUMNS = ("id", "counted", "value", "qualifier", "period_start", "period_end", "scope",
                     "actor_id", "place_id", "article_id", "char_start", "payload")  # fmt: skip


class StatisticsSQL:
    """Writes and reads the ``statistics`` table (migration 7) through the store's hooks."""

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError  # supplied by the backend

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError  # supplied by SQLStore

    def _write_statistics(self, statistics: Iterable[Statistic]) -> None:
        by_id = {s.id: s for s in statistics}  # the last of one id, as before
        # rows are made as they are inserted, never all at once
        rows = (
            (
                s.id,
                s.counted,
                s.value,
                s.qualifier,
                s.period_start,
                s.period_end,
                s.scope,
                s.actor,
                s.place.id if s.place else None,
                s.evidence.article_id,
                s.evidence.char_start,
                json.dumps(to_dict(s), ensure_ascii=False, sort_keys=True),
            )
            for s in (by_id[k] for k in sorted(by_id))
        )  # fmt: skip
        self._insert("statistics", STATISTIC_COLUMNS, rows)

    def statistics(
        self,
        actor: str | None = None,
        place: str | None = None,
        counted: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Statistic]:
        """Statistics about ``actor`` (an actor id), ``place`` (a place id) and counting ``counted`` (killed, displaced ...)
        (each when given), in the order they were stated."""
        where: list[str] = []
        args: list[Any] = []
        for column, value in (("actor_id", actor), ("place_id", place), ("counted", counted)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        sql = "SELECT payload FROM statistics"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, char_start, id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [from_dict(Statistic, json.loads(r[0])) for r in self._all(sql, args)]
