"""Records shared by every view: pages of a list, short actor references, marked text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

from eventwire.errors import NotFound
from eventwire.model import Article
from eventwire.store.base import Store

T = TypeVar("T")

MAX_LIMIT = 500


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list; ``next_offset`` is None on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = None
    total: int | None = None
    next_after: str | None = None  # keyset cursor of the next page, where offered


def _page(rows: Iterable[T], limit: int, offset: int, total: int | None = None) -> Page[T]:
    limit = max(1, min(limit, MAX_LIMIT))
    items = list(islice(rows, max(offset, 0), max(offset, 0) + limit + 1))
    more = len(items) > limit
    return Page(items[:limit], limit, offset, offset + limit if more else None, total)


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str
    type: str


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    published_precision: str | None
    chars: int


class Names:
    """Actor ids to short references, each looked up once per request."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, ActorRef | None] = {}

    def get(self, actor_id: str | None) -> ActorRef | None:
        if not actor_id:
            return None
        if actor_id not in self.cache:
            try:
                a = self.store.get_actor(actor_id)
                self.cache[actor_id] = ActorRef(a.id, a.name, a.type)
            except NotFound:
                self.cache[actor_id] = None
        return self.cache[actor_id]

    def name(self, actor_id: str | None) -> str | None:
        ref = self.get(actor_id)
        return ref.name if ref else actor_id

    def refs(self, ids: Iterable[str | None]) -> dict[str, ActorRef]:
        """The references of ``ids`` (unknown ones left out), those not looked up yet
        read in one batch: a page of rows or a network asks for many at once."""
        wanted = [i for i in dict.fromkeys(ids) if i]
        missing = [i for i in wanted if i not in self.cache]
        if missing:
            found = {a.id: a for a in self.store.actors_by_ids(missing)}
            for i in missing:
                a = found.get(i)
                self.cache[i] = ActorRef(a.id, a.name, a.type) if a is not None else None
        return {i: r for i in wanted if (r := self.cache[i]) is not None}


def article_summary(a: Article) -> ArticleSummary:
    return ArticleSummary(
        a.id, a.title, a.outlet, a.url, a.published, a.published_precision, len(a.text)
    )


@dataclass(frozen=True)
class Segment:
    """A stretch of article text; ``mark`` names the evidence it belongs to, if any."""

    text: str
    mark: bool = False


def highlight(text: str, ranges: Iterable[tuple[int, int]]) -> list[Segment]:
    """The text cut into plain and marked segments (overlapping ranges merged)."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in ranges):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[Segment] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], True))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
