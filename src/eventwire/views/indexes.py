"""The actor and place indexes: every record, sortable and paged, with incidents and killed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from eventwire.model import Actor, Place
from eventwire.store.base import IncidentFilter, Store
from eventwire.views.incident_counts import actor_sums
from eventwire.views.records import MAX_LIMIT

T = TypeVar("T")

ACTOR_SORTS = ("-mentions", "mentions", "-articles", "articles", "name", "-name", "type",
               "-type", "country", "-country", "-incidents", "incidents", "-killed",
               "killed")  # fmt: skip
BY_INCIDENTS = ("-incidents", "incidents", "-killed", "killed")  # by the incident totals
PLACE_SORTS = ("-incidents", "incidents", "-killed", "killed", "name", "-name", "country",
               "-country", "-sources", "sources", "-articles", "articles")  # fmt: skip


@dataclass(frozen=True)
class ActorRow:
    """An actor with the incident records it is a side of and their casualties."""

    actor: Actor
    incidents: int
    killed: int
    wounded: int = 0
    displaced: int = 0


@dataclass(frozen=True)
class IndexPage(Generic[T]):
    items: list[T]
    total: int
    page: int
    pages: int
    limit: int
    sort: str


def rows_of_actors(store: Store, actors: list[Actor]) -> list[ActorRow]:
    """The index rows of ``actors``: each with its incidents and their casualties."""
    sums = actor_sums(store, [a.id for a in actors])
    return [
        ActorRow(a, sums[a.id].incidents, sums[a.id].killed, sums[a.id].wounded,
                 sums[a.id].displaced)
        for a in actors
    ]  # fmt: skip


def actor_index(store: Store, sort: str = "-mentions", page: int = 1, limit: int = 50) -> IndexPage:
    """Every actor, sortable and paged, with its incidents (records, not sentences) and
    their casualties."""
    if sort not in ACTOR_SORTS:
        raise ValueError(f"sort must be one of {', '.join(ACTOR_SORTS)}")
    limit = max(1, min(limit, MAX_LIMIT))
    total = store.count("actors")
    offset = (max(page, 1) - 1) * limit
    if sort in BY_INCIDENTS:
        actors = store.actors_by_incidents(sort, limit, offset)
    else:
        actors = store.actor_page(sort, limit, offset)
    rows = rows_of_actors(store, actors)
    return IndexPage(rows, total, page, max(1, -(-total // limit)), limit, sort)


@dataclass(frozen=True)
class PlaceRow:
    place: Place
    incidents: int
    killed: int
    wounded: int
    displaced: int
    sources: int = 0  # its incidents' sources (each incident's articles), summed
    articles: int = 0  # distinct articles reporting its incidents


# the place index's sort keys, each with the tie-break its column needs
PLACE_KEYS: dict[str, Callable[[PlaceRow], Any]] = {
    "incidents": lambda r: (r.incidents, r.place.name),
    "killed": lambda r: (r.killed, r.incidents),
    "name": lambda r: (r.place.name.lower(), r.place.id),
    "country": lambda r: (r.place.country or "", r.place.name.lower()),
    "sources": lambda r: (r.sources, r.incidents),
    "articles": lambda r: (r.articles, r.incidents),
}


def place_index(
    store: Store, sort: str = "-incidents", page: int = 1, limit: int = 50
) -> IndexPage:
    """Every place with its incidents (records, not sentences) and their casualties,
    sortable and paged; places no incident is located at are listed with none."""
    if sort not in PLACE_SORTS:
        raise ValueError(f"sort must be one of {', '.join(PLACE_SORTS)}")
    limit = max(1, min(limit, MAX_LIMIT))
    sums = {t.place.id: t for t in store.incident_places(IncidentFilter(), by_type=False)}
    articles = store.incident_place_articles()
    rows = []
    for place, _events in store.places():
        t = sums.get(place.id)
        figures = (t.incidents, t.killed, t.wounded, t.displaced, t.sources) if t else (0,) * 5
        rows.append(PlaceRow(place, *figures, articles.get(place.id, 0)))
    rows.sort(key=lambda r: r.place.id)
    rows.sort(key=PLACE_KEYS[sort.lstrip("-")], reverse=sort.startswith("-"))
    start = (max(page, 1) - 1) * limit
    return IndexPage(rows[start : start + limit], len(rows), page,
                     max(1, -(-len(rows) // limit)), limit, sort)  # fmt: skip
