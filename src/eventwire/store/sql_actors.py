"""Actors, a mixin :class:`~eventwire.store.sql.SQLStore` inherits: searched by name
keys, read by id, in pages by a column, as heads (names and counts, no payload) and as
export lines (migration 29)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from eventwire.errors import NotFound
from eventwire.model import Actor, from_dict
from eventwire.store.export_lines import actor_line
from eventwire.store.sql_base import SQLBase
from eventwire.text.names import search_keys

ACTOR_ORDER = {
    "name": "name",
    "type": "type",
    "country": "country",
    "mentions": "mention_count",
    "articles": "article_count",
}
# the order of every actor (:meth:`SQLStore.actors` without a query)
EVERY_ACTOR_ORDER = " ORDER BY mention_count DESC, name, id"


class ActorsSQL(SQLBase):
    """Reads ``actors``, ``actor_keys`` and ``mention_actor``."""

    if TYPE_CHECKING:  # provided by the other mixins of SQLStore

        def count(self, kind: str) -> int: ...

    def actors(self, query: str | None = None) -> list[Actor]:
        order = EVERY_ACTOR_ORDER
        if not query:
            rows = self._all("SELECT payload FROM actors" + order)
        else:
            keys = list(search_keys(query))
            if not keys:
                return []
            marks = ",".join("?" * len(keys))
            rows = self._all(
                "SELECT payload FROM actors WHERE id IN ("
                f" SELECT actor_id FROM actor_keys WHERE key IN ({marks}) OR key LIKE ?)" + order,
                [*keys, f"%{keys[0]}%"],
            )
        return [from_dict(Actor, json.loads(r[0])) for r in rows]

    def _actor_payload(self, actor_id: str) -> dict[str, Any]:
        row = self._one("SELECT payload FROM actors WHERE id = ?", (actor_id,))
        if row is None:
            raise NotFound(f"no actor {actor_id!r}")
        payload: dict[str, Any] = json.loads(row[0])
        return payload

    def get_actor(self, actor_id: str) -> Actor:
        return from_dict(Actor, self._actor_payload(actor_id))

    def explanations(self, actor_id: str) -> list[str]:
        return list(self._actor_payload(actor_id).get("explanation", []))

    def actors_by_ids(self, ids: Iterable[str]) -> list[Actor]:
        return [from_dict(Actor, json.loads(r[0])) for r in self._by_ids("actors", "payload", ids)]

    def actor_heads(self, ids: Iterable[str] | None = None) -> list[Actor]:
        """The names, types, countries and counts of ``ids`` (every actor when None), by
        id. A quarter of the actors or more are read in one pass over the table, not by id
        (the actor index under a type and a day at 1M: 4,999 of 5,000 actors)."""
        columns = "id, name, type, country, kb_id, mention_count, article_count"
        wanted = None if ids is None else set(ids)
        if wanted is None or len(wanted) * 4 >= self.count("actors"):
            rows = self._all(f"SELECT {columns} FROM actors ORDER BY id")
            if wanted is not None:
                rows = [r for r in rows if r[0] in wanted]
        else:
            rows = self._by_ids("actors", columns, wanted)
        return [
            Actor(id=r[0], name=r[1], type=r[2], country=r[3], kb_id=r[4], mention_count=r[5],
                  article_count=r[6])
            for r in rows
        ]  # fmt: skip

    def actor_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        # stored with each (migration 29), else made from its stored JSON
        columns = "line, CASE WHEN line IS NULL THEN payload END"
        if ids is None:  # in the order of actors()
            rows = self._all(f"SELECT {columns} FROM actors" + EVERY_ACTOR_ORDER)
        else:
            rows = self._by_ids("actors", columns, ids)
        for row in rows:
            yield row[0] if row[0] is not None else actor_line(row[1])

    def actor_page(self, order: str, limit: int, offset: int) -> list[Actor]:
        column = ACTOR_ORDER[order.lstrip("-")]
        direction = "DESC NULLS LAST" if order.startswith("-") else "NULLS FIRST"
        rows = self._all(
            f"SELECT payload FROM actors ORDER BY {column} {direction}, name, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [from_dict(Actor, json.loads(r[0])) for r in rows]

    def actor_of_mention(self, mention: str) -> str | None:
        row = self._one("SELECT actor_id FROM mention_actor WHERE mention = ?", (mention,))
        return row[0] if row else None
