"""The actor and place indexes under the shared filter, and their rows as a download.

With no filter an index lists every actor or place (:mod:`eventwire.views.indexes`).
Under a filter it lists what the filter selects:

* the actor index, the actors of the events the filter selects (the actors its record
  download writes), each with the incidents the filter selects that it is a side of
  (none for an actor whose selected events belong to no incident the filter selects),
  and their casualties;
* the place index, the places of the incidents the filter selects, each with the
  incidents, casualties and sources the filter selects there (its articles: all the
  articles reporting incidents there).

:func:`index_download` writes the rows of an index, every page in the page's order, as
CSV or JSON Lines: the download of an index is what its pages show.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter
from typing import Any

from eventwire.knowledge.ontology import Ontology
from eventwire.model import Actor
from eventwire.store.base import Store
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.incident_counts import incident_places
from eventwire.views.incidents import incident_filters
from eventwire.views.indexes import (
    ACTOR_SORTS,
    BY_INCIDENTS,
    PLACE_KEYS,
    PLACE_SORTS,
    ActorRow,
    IndexPage,
    PlaceRow,
    actor_index,
    place_index,
    rows_of_actors,
)
from eventwire.views.records import MAX_LIMIT

INDEXES = ("actors", "places")
INDEX_FORMATS = ("csv", "jsonl")
ACTOR_COLUMNS = ("id", "name", "type", "country", "mentions", "articles", "incidents",
                 "killed", "wounded", "displaced")  # fmt: skip
PLACE_COLUMNS = ("id", "name", "level", "country", "incidents", "killed", "wounded",
                 "displaced", "sources", "articles")  # fmt: skip


def _nulls_first(value: str | None) -> tuple[bool, str]:
    """A text key with missing values first ascending, last descending (as the store's)."""
    return (value is not None, value or "")


ACTOR_KEYS: dict[str, Callable[[ActorRow], Any]] = {
    "mentions": lambda r: r.actor.mention_count,
    "articles": lambda r: r.actor.article_count,
    "name": lambda r: r.actor.name,
    "type": lambda r: _nulls_first(r.actor.type),
    "country": lambda r: _nulls_first(r.actor.country),
    "incidents": lambda r: r.incidents,
    "killed": lambda r: r.killed,
}


# the same orders on the actors themselves (a page's rows are made for that page only)
HEAD_KEYS: dict[str, Callable[[Actor], Any]] = {
    "mentions": attrgetter("mention_count"),
    "articles": attrgetter("article_count"),
    "name": attrgetter("name"),
    "type": lambda a: _nulls_first(a.type),
    "country": lambda a: _nulls_first(a.country),
}


def _sorted(rows: list[Any], keys: dict[str, Callable[[Any], Any]], sort: str) -> list[Any]:
    """``rows`` by ``sort`` (a leading ``-``: most first), ties in their order before."""
    return sorted(rows, key=keys[sort.lstrip("-")], reverse=sort.startswith("-"))


def _page(rows: list[Any], sort: str, page: int, limit: int) -> IndexPage:
    limit = max(1, min(limit, MAX_LIMIT))
    start = (max(page, 1) - 1) * limit
    pages = max(1, -(-len(rows) // limit))
    return IndexPage(rows[start : start + limit], len(rows), page, pages, limit, sort)


def actor_rows(store: Store, cf: CorpusFilter, sort: str, *, onto: Ontology) -> list[ActorRow]:
    """Every row of the actor index under ``cf``, in the order of ``sort`` (a page
    under a filter makes only its own rows: :func:`filtered_actor_index`)."""
    if sort not in ACTOR_SORTS:
        raise ValueError(f"sort must be one of {', '.join(ACTOR_SORTS)}")
    if not cf.params():  # every actor, in the store's order (as actor_index reads a page)
        read = store.actors_by_incidents if sort in BY_INCIDENTS else store.actor_page
        return rows_of_actors(store, read(sort, max(1, store.count("actors")), 0))
    rows = [ActorRow(a, 0, 0) for a in _selected_heads(store, cf, onto)]
    return _sorted(filtered_rows(store, cf, rows, onto=onto), ACTOR_KEYS, sort)


def _selected_heads(store: Store, cf: CorpusFilter, onto: Ontology) -> list[Actor]:
    """The actors of the events ``cf`` selects, by name and id: the columns a row shows
    and sorts by (a page decodes its own actors whole)."""
    ids = store.event_actor_ids(event_filter(store, cf, onto))
    return sorted(store.actor_heads(ids), key=lambda a: (a.name, a.id))


def filtered_rows(
    store: Store, cf: CorpusFilter, rows: list[ActorRow], *, onto: Ontology
) -> list[ActorRow]:
    """``rows`` with the incidents ``cf`` selects that each actor is a side of, and their
    casualties: the figures of the incident list filtered by ``cf`` and that actor (the
    places a name selects never share an incident, so their sums add up)."""
    ids = [r.actor.id for r in rows]
    merged: dict[str, list[int]] = {a: [0, 0, 0, 0] for a in ids}
    for flt in incident_filters(store, cf, onto):
        for s in store.incident_actor_sums_under(flt, ids):
            row = merged[str(s.key[0])]
            for i, value in enumerate((s.incidents, s.killed, s.wounded, s.displaced)):
                row[i] += value
    return [replace(r, incidents=merged[r.actor.id][0], killed=merged[r.actor.id][1],
                    wounded=merged[r.actor.id][2], displaced=merged[r.actor.id][3])
            for r in rows]  # fmt: skip


def place_rows(store: Store, cf: CorpusFilter, sort: str, *, onto: Ontology) -> list[PlaceRow]:
    """Every row of the place index under ``cf``, in the order of ``sort``."""
    if sort not in PLACE_SORTS:
        raise ValueError(f"sort must be one of {', '.join(PLACE_SORTS)}")
    if not cf.params():
        index = place_index(store, sort, 1, max(1, store.count("places")))
        return list(index.items)
    articles = store.incident_place_articles()
    rows = [
        PlaceRow(t.place, t.incidents, t.killed, t.wounded, t.displaced, t.sources,
                 articles.get(t.place.id, 0))
        for t in incident_places(store, cf, by_type=False, onto=onto)
    ]  # fmt: skip
    rows.sort(key=lambda r: r.place.id)
    return _sorted(rows, PLACE_KEYS, sort)


def filtered_actor_index(
    store: Store, cf: CorpusFilter, sort: str = "-mentions", page: int = 1, limit: int = 50,
    *, onto: Ontology,
) -> IndexPage:  # fmt: skip
    """One page of the actor index under ``cf`` (every actor when ``cf`` is empty), each
    row with the incidents ``cf`` selects that the actor is a side of."""
    if not cf.params():
        return actor_index(store, sort, page, limit)
    if sort in BY_INCIDENTS:  # every row's figures, to sort by them
        index = _page(actor_rows(store, cf, sort, onto=onto), sort, page, limit)
        rows = index.items
    else:  # the actors sorted by their own columns; the rows of the page alone made
        if sort not in ACTOR_SORTS:
            raise ValueError(f"sort must be one of {', '.join(ACTOR_SORTS)}")
        index = _page(_sorted(_selected_heads(store, cf, onto), HEAD_KEYS, sort), sort, page, limit)
        rows = filtered_rows(store, cf, [ActorRow(a, 0, 0) for a in index.items], onto=onto)
    whole = {a.id: a for a in store.actors_by_ids([r.actor.id for r in rows])}
    return replace(index, items=[replace(r, actor=whole[r.actor.id]) for r in rows])


def filtered_place_index(
    store: Store, cf: CorpusFilter, sort: str = "-incidents", page: int = 1, limit: int = 50,
    *, onto: Ontology,
) -> IndexPage:  # fmt: skip
    """One page of the place index under ``cf`` (every place when ``cf`` is empty)."""
    if not cf.params():
        return place_index(store, sort, page, limit)
    return _page(place_rows(store, cf, sort, onto=onto), sort, page, limit)


def _actor_record(row: ActorRow) -> dict[str, Any]:
    a = row.actor
    values = (a.id, a.name, a.type, a.country, a.mention_count, a.article_count,
              row.incidents, row.killed, row.wounded, row.displaced)  # fmt: skip
    return dict(zip(ACTOR_COLUMNS, values, strict=True))


def _place_record(row: PlaceRow) -> dict[str, Any]:
    p = row.place
    values = (p.id, p.name, p.precision, p.country, row.incidents, row.killed, row.wounded,
              row.displaced, row.sources, row.articles)  # fmt: skip
    return dict(zip(PLACE_COLUMNS, values, strict=True))


def index_download(
    store: Store, index: str, cf: CorpusFilter, sort: str | None, fmt: str, *, onto: Ontology
) -> str:
    """Every row of an index (``actors`` or ``places``) under ``cf`` in the order of
    ``sort`` (the page's default when None), as CSV (a header, then a row each) or JSON
    Lines (an object each, with ``kind`` ``actor_row`` or ``place_row``)."""
    if index not in INDEXES:
        raise ValueError(f"index must be one of {', '.join(INDEXES)}")
    if fmt not in INDEX_FORMATS:
        raise ValueError(f"an index downloads as {' or '.join(INDEX_FORMATS)}, not {fmt!r}")
    if index == "actors":
        columns, kind = ACTOR_COLUMNS, "actor_row"
        rows = actor_rows(store, cf, sort or "-mentions", onto=onto)
        records = [_actor_record(r) for r in rows]
    else:
        columns, kind = PLACE_COLUMNS, "place_row"
        records = [_place_record(r) for r in place_rows(store, cf, sort or "-incidents", onto=onto)]
    out = io.StringIO()
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps({"kind": kind, **record}, ensure_ascii=False) + "\n")
        return out.getvalue()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(["" if v is None else v for v in record.values()])
    return out.getvalue()
