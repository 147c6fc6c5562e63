"""View models over store queries: what the REST API returns and the web pages show.

Every function takes a :class:`~eventwire.store.base.Store` and plain arguments and
returns typed records; the API serialises them, the templates render them. Nothing
here knows about HTTP.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, Generic, TypeVar

from eventwire.errors import NotFound
from eventwire.model import Actor, Article, Event, Evidence, Place, Quote, Relation, Role
from eventwire.store.base import EventFilter, Store

T = TypeVar("T")

MAX_LIMIT = 500
# Relation types and PLOVER event types (compared in lower case) by the side they put
# the two actors on: the network colours edges with this.
POSITIVE = frozenset(
    {"support", "ally", "cooperate", "back", "fund", "arm", "train", "endorse", "aid", "join",
     "agree", "concede"}
)  # fmt: skip
NEGATIVE = frozenset(
    {"oppose", "fight", "attack", "condemn", "sanction", "accuse", "threaten", "reject", "rival",
     "assault", "coerce", "protest", "mobilize", "disapprove"}
)  # fmt: skip
POLARITIES = ("positive", "negative", "neutral", "negated")
SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}


# --- dates ------------------------------------------------------------------------------------


def format_when(value: str | None, precision: str | None = None, end: str | None = None) -> str:
    """A partial ISO date shown at its precision: '2016-09' -> 'September 2016'."""
    if not value:
        return "undated"
    text = _format_one(value, precision)
    if end and end != value:
        text = f"{text} – {_format_one(end, precision)}"
    if precision == "publication":
        text += " (publication date)"
    return text


def _format_one(value: str, precision: str | None) -> str:
    parts = value.split("-")
    year = parts[0]
    if precision == "decade" or (len(year) == 4 and precision == "decade"):
        return f"the {year[:3]}0s"
    if len(parts) == 1 or precision == "year":
        return year
    month = parts[1]
    if month in SEASONS:
        return f"{SEASONS[month]} {year}"
    if month.startswith("W"):
        return f"week {int(month[1:])} of {year}"
    if precision == "season":
        return f"{SEASONS.get(month, 'season of')} {year}"
    try:
        month_name = calendar.month_name[int(month)]
    except (ValueError, IndexError):
        return value
    if len(parts) == 2 or precision == "month":
        return f"{month_name} {year}"
    try:
        day = int(parts[2])
    except ValueError:
        return value
    if precision == "week":
        return f"week of {day} {month_name} {year}"
    return f"{day} {month_name} {year}"


def date_range(value: str | None, precision: str | None, end: str | None = None) -> tuple[str, str]:
    """First and last day (ISO) covered by a partial date, for timelines."""
    if not value:
        return "", ""
    start = _first_day(value)
    last = _last_day(end or value)
    if precision == "decade":
        last = f"{int(value[:3]) * 10 + 9}-12-31"
    return start, last


def _first_day(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01"
    month = parts[1]
    if month in SEASONS:
        return f"{parts[0]}-{ {'21': '03', '22': '06', '23': '09', '24': '12'}[month] }-01"
    if not month.isdigit():
        return f"{parts[0]}-01-01"
    return f"{parts[0]}-{month}-{parts[2] if len(parts) > 2 else '01'}"


def _last_day(value: str) -> str:
    parts = value.split("-")
    year = int(parts[0]) if parts[0].isdigit() else 1970
    if len(parts) == 1:
        return f"{year}-12-31"
    month = parts[1]
    if month in SEASONS:
        month = {"21": "05", "22": "08", "23": "11", "24": "02"}[month]
        if month == "02":
            year += 1
    if not month.isdigit():
        return f"{year}-12-31"
    if len(parts) > 2:
        return f"{year}-{month}-{parts[2]}"
    return f"{year}-{month}-{calendar.monthrange(year, int(month))[1]:02d}"


# --- shared records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list; ``next_offset`` is None on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = None
    total: int | None = None


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
        return {i: r for i in ids if i and (r := self.get(i)) is not None}


# --- articles -----------------------------------------------------------------------------------


def article_summary(a: Article) -> ArticleSummary:
    return ArticleSummary(
        a.id, a.title, a.outlet, a.url, a.published, a.published_precision, len(a.text)
    )


def list_articles(store: Store, limit: int = 50, offset: int = 0) -> Page[ArticleSummary]:
    total = store.stats().get("articles")
    return _page((article_summary(a) for a in store.iter_articles()), limit, offset, total)


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


@dataclass(frozen=True)
class ArticleDetail:
    article: Article
    events: list[Event]
    quotes: list[Quote]
    segments: list[Segment]
    actors: dict[str, ActorRef]


def article_detail(store: Store, article_id: str) -> ArticleDetail:
    article = store.get_article(article_id)
    events = store.article_events(article_id)
    quotes = [q for q in store.quotes() if q.article_id == article_id]
    ranges = [
        (ev.char_start, ev.char_end)
        for e in events
        for ev in e.evidence
        if ev.article_id == article_id
    ]
    names = Names(store)
    actors = names.refs(x for e in events for x in (e.source_actor, e.target_actor))
    actors.update(names.refs(q.speaker for q in quotes))
    return ArticleDetail(article, events, quotes, highlight(article.text, ranges), actors)


# --- actors -----------------------------------------------------------------------------------


def search_actors(store: Store, query: str | None, limit: int = 50, offset: int = 0) -> Page[Actor]:
    return _page(iter(store.actors(query=query or None)), limit, offset)


def type_polarity(type: str, negated: bool = False) -> str:
    """positive / negative / neutral for a relation or event type; negated wins."""
    if negated:
        return "negated"
    low = type.lower()
    if low in POSITIVE:
        return "positive"
    if low in NEGATIVE:
        return "negative"
    return "neutral"


def relation_polarity(relation: Relation) -> str:
    return type_polarity(relation.type, relation.negated)


@dataclass(frozen=True)
class RelationView:
    relation: Relation
    polarity: str
    source: ActorRef | None
    target: ActorRef | None


@dataclass(frozen=True)
class RelationGroup:
    type: str
    polarity: str
    relations: list[RelationView]


def group_relations(relations: Sequence[RelationView]) -> list[RelationGroup]:
    """Relations grouped by (type, polarity), biggest groups first."""
    groups: dict[tuple[str, str], list[RelationView]] = {}
    for view in relations:
        groups.setdefault((view.relation.type, view.polarity), []).append(view)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [RelationGroup(t, p, views) for (t, p), views in ordered]


def _relation_views(
    store: Store, relations: Iterable[Relation], names: Names
) -> list[RelationView]:
    return [
        RelationView(r, relation_polarity(r), names.get(r.source_actor), names.get(r.target_actor))
        for r in relations
    ]


@dataclass(frozen=True)
class ActorDetail:
    actor: Actor
    explanation: list[str]
    roles: list[Role]
    relations: list[RelationGroup]
    events: list[Event]
    more_events: bool
    quotes: list[Quote]
    actors: dict[str, ActorRef] = field(default_factory=dict)


def actor_detail(store: Store, actor_id: str, event_limit: int = 200) -> ActorDetail:
    actor = store.get_actor(actor_id)
    names = Names(store)
    relations = _relation_views(store, store.relations(actor=actor_id), names)
    events = store.events(EventFilter(actor=actor_id, limit=event_limit + 1))
    names.refs(x for e in events for x in (e.source_actor, e.target_actor, e.attributed_to))
    roles = sorted(actor.roles, key=lambda r: (r.start or "", r.end or "", r.title))
    return ActorDetail(
        actor=actor,
        explanation=store.explanations(actor_id),
        roles=roles,
        relations=group_relations(relations),
        events=events[:event_limit],
        more_events=len(events) > event_limit,
        quotes=store.quotes(speaker=actor_id),
        actors={k: v for k, v in names.cache.items() if v is not None},
    )


# --- events -----------------------------------------------------------------------------------


def list_events(store: Store, flt: EventFilter) -> Page[Event]:
    limit = max(1, min(flt.limit or 50, MAX_LIMIT))
    rows = store.events(replace(flt, limit=limit + 1))
    more = len(rows) > limit
    return Page(rows[:limit], limit, flt.offset, flt.offset + limit if more else None)


def resolve_actor(store: Store, value: str | None) -> str | None:
    """An actor id from an id or any spelling of a name (the best match), else the value."""
    if not value:
        return None
    try:
        return store.get_actor(value).id
    except NotFound:
        found = store.actors(query=value)
        return found[0].id if found else value


@dataclass(frozen=True)
class EvidenceInArticle:
    article: ArticleSummary
    evidence: list[Evidence]
    segments: list[Segment]


@dataclass(frozen=True)
class EventDetail:
    event: Event
    actors: dict[str, ActorRef]
    articles: list[EvidenceInArticle]


def event_detail(store: Store, event_id: str) -> EventDetail:
    event = store.get_event(event_id)
    by_article: dict[str, list[Evidence]] = {}
    for ev in event.evidence:
        by_article.setdefault(ev.article_id, []).append(ev)
    articles = []
    for article_id, evidence in by_article.items():
        try:
            article = store.get_article(article_id)
        except NotFound:
            continue
        segments = highlight(article.text, ((e.char_start, e.char_end) for e in evidence))
        articles.append(EvidenceInArticle(article_summary(article), evidence, segments))
    names = Names(store)
    actors = names.refs((event.source_actor, event.target_actor, event.attributed_to))
    return EventDetail(event, actors, articles)


# --- relations, quotes, places, stats ---------------------------------------------------------


def list_relations(
    store: Store,
    actor: str | None = None,
    type: str | None = None,
    polarity: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[RelationView]:
    names = Names(store)
    rows = _with_polarity(store.relations(actor=actor), names, type, polarity)
    return _page(rows, limit, offset)


def _with_polarity(
    relations: Iterable[Relation], names: Names, type: str | None, polarity: str | None
) -> Iterable[RelationView]:
    for r in relations:
        p = relation_polarity(r)
        if (type is None or r.type == type) and (polarity is None or p == polarity):
            yield RelationView(r, p, names.get(r.source_actor), names.get(r.target_actor))


def list_quotes(
    store: Store, speaker: str | None = None, limit: int = 50, offset: int = 0
) -> Page[Quote]:
    return _page(iter(store.quotes(speaker=speaker)), limit, offset)


@dataclass(frozen=True)
class PlaceCount:
    place: Place
    events: int


def list_places(store: Store, limit: int = 100, offset: int = 0) -> Page[PlaceCount]:
    return _page((PlaceCount(p, n) for p, n in store.places()), limit, offset)


@dataclass(frozen=True)
class PlaceDetail:
    place: Place
    event_count: int
    events: list[Event]
    actors: dict[str, ActorRef]


def place_detail(store: Store, place_id: str, event_limit: int = 200) -> PlaceDetail:
    for place, n in store.places():
        if place.id == place_id:
            events = store.events(EventFilter(place=place_id, limit=event_limit))
            names = Names(store)
            actors = names.refs(x for e in events for x in (e.source_actor, e.target_actor))
            return PlaceDetail(place, n, events, actors)
    raise NotFound(f"no place {place_id!r}")


def stats(store: Store) -> dict[str, int]:
    return store.stats()


# --- data for the actor page's network, timeline and map -------------------------------------


def event_label(event: Event, actors: dict[str, ActorRef]) -> str:
    def name(actor_id: str | None) -> str:
        ref = actors.get(actor_id or "")
        return ref.name if ref else (actor_id or "?")

    parts = [event.type.replace("_", " ")]
    if event.source_actor:
        parts.insert(0, name(event.source_actor))
    if event.target_actor:
        parts.append(name(event.target_actor))
    label = " ".join(parts)
    return ("not: " + label) if event.negated else label


def actor_graph(detail: ActorDetail) -> dict[str, Any]:
    """Cytoscape elements: the actor, its counterparts, one edge per (pair, type, polarity)."""
    me = detail.actor
    nodes = {me.id: {"id": me.id, "label": me.name, "type": me.type, "focus": True}}
    edges = []
    for group in detail.relations:
        for view in group.relations:
            r = view.relation
            for ref in (view.source, view.target):
                if ref and ref.id not in nodes:
                    nodes[ref.id] = {
                        "id": ref.id,
                        "label": ref.name,
                        "type": ref.type,
                        "focus": False,
                    }
            for actor_id in (r.source_actor, r.target_actor):
                nodes.setdefault(
                    actor_id, {"id": actor_id, "label": actor_id, "type": "other", "focus": False}
                )
            edges.append(
                {
                    "id": r.id,
                    "source": r.source_actor,
                    "target": r.target_actor,
                    "type": r.type,
                    "polarity": view.polarity,
                    "sources": r.source_count,
                    "contested": r.contested,
                }
            )
    # Events between two actors count too (dotted edges): relations may be few.
    pairs: dict[tuple[str, str, str], int] = {}
    for e in detail.events:
        if e.source_actor and e.target_actor and e.source_actor != e.target_actor:
            key = (e.source_actor, e.target_actor, type_polarity(e.type, e.negated))
            pairs[key] = pairs.get(key, 0) + 1
    for (source, target, polarity), n in sorted(pairs.items()):
        for actor_id in (source, target):
            ref = detail.actors.get(actor_id)
            nodes.setdefault(
                actor_id,
                {"id": actor_id, "label": ref.name if ref else actor_id,
                 "type": ref.type if ref else "other", "focus": False},
            )  # fmt: skip
        edges.append(
            {"id": f"events:{source}:{target}:{polarity}", "source": source, "target": target,
             "type": f"{n} event{'s' if n != 1 else ''}", "polarity": polarity, "sources": n,
             "contested": False, "events": True}
        )  # fmt: skip
    return {"nodes": list(nodes.values()), "edges": edges}


def timeline_items(events: Iterable[Event], actors: dict[str, ActorRef]) -> list[dict[str, Any]]:
    """vis-timeline items: dated events, spanning the period their precision covers."""
    items = []
    for e in events:
        if not e.date:
            continue
        start, end = date_range(e.date, e.date_precision)
        item: dict[str, Any] = {
            "id": e.id,
            "content": event_label(e, actors),
            "start": start,
            "title": format_when(e.date, e.date_precision),
            "className": f"ev-{'negated' if e.negated else e.modality}",
        }
        if end and end != start:
            item["end"] = end
            item["type"] = "range"
        else:
            item["type"] = "point"
        items.append(item)
    return items


def map_points(events: Iterable[Event], actors: dict[str, ActorRef]) -> list[dict[str, Any]]:
    """Leaflet markers: one per located event."""
    return [
        {
            "id": e.id,
            "lat": e.location.lat,
            "lon": e.location.lon,
            "place": e.location.name,
            "place_id": e.location.id,
            "label": event_label(e, actors),
            "when": format_when(e.date, e.date_precision),
        }
        for e in events
        if e.location and e.location.lat is not None and e.location.lon is not None
    ]


def actor_page_data(detail: ActorDetail) -> dict[str, Any]:
    return {
        "graph": actor_graph(detail),
        "timeline": timeline_items(detail.events, detail.actors),
        "points": map_points(detail.events, detail.actors),
    }


def place_page_data(detail: PlaceDetail) -> dict[str, Any]:
    """Markers for the place page: its located events, or the place itself."""
    points = map_points(detail.events, detail.actors)
    p = detail.place
    if not points and p.lat is not None and p.lon is not None:
        points = [
            {
                "id": None,
                "lat": p.lat,
                "lon": p.lon,
                "place": p.name,
                "place_id": p.id,
                "label": p.name,
                "when": "",
            }
        ]
    return {"points": points}
