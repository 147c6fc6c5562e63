"""The whole-corpus views: incidents listed, mapped, counted over time and as a network,
and the actor and place indexes, all behind one shared filter.

Incidents are, for now, the resolved and de-duplicated events: :class:`Incident` wraps
one event with what every list, popup and tooltip shows (label, modality, casualties,
sources), so an incident record built across events can take its place later.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

import pycountry

from eventwire.knowledge.ontology import EXPLOSIONS, RIOT, load_ontology
from eventwire.model import Actor, Event, Place
from eventwire.store.base import EVENT_ORDERS, EventFilter, Store
from eventwire.views.dates import (
    UNITS,
    bucket,
    bucket_end,
    bucket_label,
    bucket_start,
    date_span,
    format_when,
)
from eventwire.views.details import resolve_actor
from eventwire.views.labels import counts_text, event_label, type_label
from eventwire.views.polarity import is_counted, modality_label, type_polarity
from eventwire.views.records import MAX_LIMIT, ActorRef, Names, Page

T = TypeVar("T")
NOTHING = "\x00"  # an id no record has: a name that matches nothing selects nothing
NETWORK_TOP = 40  # actors drawn before "show more"
NETWORK_MAX = 400
MAX_BARS = 5000  # about 14 years of days


@dataclass(frozen=True)
class CorpusFilter:
    """What the shared filter bar holds, as typed in (names, not ids); validated by the edge."""

    actor: str | None = None  # id or any spelling
    type: str | None = None  # event type, any case, current or legacy PLOVER name
    acled: str | None = None  # ACLED event type
    place: str | None = None  # place id or name
    since: str | None = None  # canonical partial ISO date
    until: str | None = None
    modality: str | None = None
    polarity: str | None = None  # affirmed / negated
    min_sources: int = 1
    min_fatalities: int = 0
    bbox: tuple[float, float, float, float] | None = None

    def params(self) -> dict[str, str]:
        """The filter as URL query parameters (defaults left out), for links and downloads."""
        out: dict[str, str] = {}
        for name in ("actor", "type", "acled", "place", "since", "until", "modality", "polarity"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.min_sources > 1:
            out["min_sources"] = str(self.min_sources)
        if self.min_fatalities > 0:
            out["min_fatalities"] = str(self.min_fatalities)
        if self.bbox:
            out["bbox"] = ",".join(f"{v:g}" for v in self.bbox)
        return out


def event_filter(store: Store, cf: CorpusFilter) -> EventFilter:
    """Names in the filter resolved against the store: actor spelling, type, place name."""
    return EventFilter(
        actor=resolve_actor(store, cf.actor),
        types=matching_types(cf.type) if cf.type else (),
        acled=cf.acled or None,
        places=matching_places(store, cf.place) if cf.place else (),
        since=cf.since,
        until=cf.until,
        bbox=cf.bbox,
        modality=cf.modality or None,
        negated=None if not cf.polarity else cf.polarity == "negated",
        min_sources=cf.min_sources,
        min_fatalities=cf.min_fatalities,
    )


def matching_types(value: str) -> tuple[str, ...]:
    """Every stored spelling a typed type may have: any case, and the old PLOVER names the
    ontology maps to the same type ('fight', 'FIGHT' and 'ASSAULT' are one type)."""
    onto = load_ontology()
    typed = value.strip()
    normal = onto.normalise(typed)
    names = {typed}
    if normal:
        names |= {normal} | {old for old, new in onto.legacy.items() if new == normal}
    return tuple(sorted({form for n in names for form in (n, n.lower(), n.upper())}))


def matching_places(store: Store, value: str) -> tuple[str, ...]:
    """Place ids for an id or a name (any case; a name may start several places)."""
    text = value.strip().lower()
    places = [p for p, _n in store.places()]
    exact = [p.id for p in places if p.id == value or p.name.lower() == text]
    if exact:
        return tuple(exact)
    starts = [p.id for p in places if p.name.lower().startswith(text)]
    return tuple(starts) or (NOTHING,)


# --- incidents ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Incident:
    """One incident as lists, popups and tooltips show it."""

    id: str
    label: str  # source, type, target
    type: str
    date: str | None
    when: str  # the date at its precision
    modality: str  # label, '' for a plain assertion
    polarity: str
    counted: bool  # false: denied, hypothetical, expected... shown, never counted
    killed: int
    wounded: int
    displaced: int
    counts: str  # every count as text
    sources: int
    source: ActorRef | None
    target: ActorRef | None
    place: Place | None
    acled: str | None


def incident(event: Event, names: Names) -> Incident:
    actors = names.refs((event.source_actor, event.target_actor))
    acled = event.codes.get("acled") if isinstance(event.codes, dict) else None
    return Incident(
        id=event.id,
        label=event_label(event, actors),
        type=type_label(event.type),
        date=event.date,
        when=format_when(event.date, event.date_precision),
        modality=modality_label(event.modality, event.negated),
        polarity=type_polarity(event.type, event.negated),
        counted=is_counted(event.modality, event.negated),
        killed=int(event.counts.get("killed", 0)),
        wounded=int(event.counts.get("wounded", 0)),
        displaced=int(event.counts.get("displaced", 0)),
        counts=counts_text(event.counts),
        sources=event.source_count,
        source=names.get(event.source_actor),
        target=names.get(event.target_actor),
        place=event.location,
        acled=acled.get("event_type") if isinstance(acled, dict) else None,
    )


@dataclass(frozen=True)
class IncidentPage:
    items: list[Incident]
    total: int
    limit: int
    page: int  # 1-based; 0 when the page was reached by cursor
    pages: int
    order: str
    next_after: str | None = None  # cursor for the next page (date orders only)


def encode_cursor(event: Event) -> str:
    raw = json.dumps([event.date, event.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(value: str) -> tuple[str | None, str]:
    """The (date, id) a cursor names; ValueError for anything this module did not write."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        date_value, event_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise ValueError("not a cursor given by this API (use next_after)") from exc
    if not isinstance(event_id, str) or not (date_value is None or isinstance(date_value, str)):
        raise ValueError("not a cursor given by this API (use next_after)")
    return date_value, event_id


def _events_page(
    store: Store, flt: EventFilter, order: str, limit: int, offset: int, after: str | None
) -> tuple[list[Event], bool, str | None]:
    """A page of events (by offset, or after a cursor), whether more follow, the cursor."""
    if order not in EVENT_ORDERS:
        raise ValueError(f"order must be one of {', '.join(EVENT_ORDERS)}")
    if after is not None and order not in ("date", "-date"):
        raise ValueError("a cursor (after) works with order=date or order=-date only")
    key = decode_cursor(after) if after else None
    flt = replace(flt, order=order, limit=limit + 1, after=key, offset=0 if after else offset)
    rows = store.events(flt)
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = encode_cursor(rows[-1]) if more and order in ("date", "-date") else None
    return rows, more, cursor


def list_events(
    store: Store,
    cf: CorpusFilter,
    order: str = "date",
    limit: int = 50,
    offset: int = 0,
    after: str | None = None,
) -> Page[Event]:
    """Events as stored, filtered; by offset, or after a keyset cursor (date orders)."""
    limit = max(1, min(limit, MAX_LIMIT))
    flt = event_filter(store, cf)
    rows, more, cursor = _events_page(store, flt, order, limit, offset, after)
    next_offset = offset + limit if more and after is None else None
    return Page(rows, limit, 0 if after else offset, next_offset, None, cursor)


def list_incidents(
    store: Store,
    cf: CorpusFilter,
    order: str = "-date",
    page: int = 1,
    limit: int = 50,
    after: str | None = None,
) -> IncidentPage:
    """One page of incidents with their total: by page number, or after a cursor."""
    limit = max(1, min(limit, MAX_LIMIT))
    flt = event_filter(store, cf)
    total = store.count_events(flt)
    offset = (max(page, 1) - 1) * limit
    rows, _more, cursor = _events_page(store, flt, order, limit, offset, after)
    names = Names(store)
    return IncidentPage(
        items=[incident(e, names) for e in rows],
        total=total,
        limit=limit,
        page=0 if after else page,
        pages=max(1, -(-total // limit)),
        order=order,
        next_after=cursor,
    )


@dataclass(frozen=True)
class Totals:
    """Sums over the incidents a filter selects (not reported totals of the war)."""

    incidents: int
    killed: int
    wounded: int
    dated: int


def totals(store: Store, cf: CorpusFilter) -> Totals:
    rows = store.event_dates(event_filter(store, cf))
    return Totals(
        incidents=sum(r.events for r in rows),
        killed=sum(r.killed for r in rows),
        wounded=sum(r.wounded for r in rows),
        dated=sum(r.events for r in rows if r.date),
    )


# --- timeline -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    start: str  # ISO first day
    end: str  # ISO last day
    label: str
    since: str  # filter bounds that list exactly this bar's incidents
    until: str
    incidents: int
    killed: int
    wounded: int


@dataclass(frozen=True)
class Histogram:
    unit: str
    bars: list[Bar]
    coarser: int  # dated less precisely than one bar (a year in a monthly histogram)
    undated: int
    totals: Totals


def histogram(store: Store, cf: CorpusFilter, unit: str | None = None) -> Histogram:
    """Incidents and killed per day/week/month/year; the unit is chosen from the span if
    not given. Every dated incident is in one bar or counted as coarser, never guessed."""
    rows = store.event_dates(event_filter(store, cf))
    spans = [(r, date_span(r.date, r.precision)) for r in rows]
    dated = [s for _r, s in spans if s is not None]
    if unit is None:
        unit = _auto_unit(min(s[0] for s in dated), max(s[1] for s in dated)) if dated else "month"
        # coarser still while fewer than half the dated incidents would fit in a bar
        n_dated = sum(r.events for r, s in spans if s is not None)
        for candidate in UNITS[UNITS.index(unit) :]:
            unit = candidate
            fits = sum(r.events for r, s in spans if s and bucket(r.date, r.precision, unit))
            if 2 * fits >= n_dated:
                break
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    bars: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    coarser = undated = 0
    for r, span in spans:
        if span is None:
            undated += r.events
            continue
        start = bucket(r.date, r.precision, unit)
        if start is None:
            coarser += r.events
            continue
        bar = bars[start]
        bar[0] += r.events
        bar[1] += r.killed
        bar[2] += r.wounded
    out = []
    for start in _bar_starts(min(bars), max(bars), unit) if bars else []:
        end = bucket_end(start, unit)
        since, until = _bar_bounds(start, end, unit)
        n, killed, wounded = bars.get(start, [0, 0, 0])
        out.append(
            Bar(start.isoformat(), end.isoformat(), bucket_label(start, unit), since, until,
                n, killed, wounded)
        )  # fmt: skip
    total = Totals(
        incidents=sum(r.events for r in rows),
        killed=sum(r.killed for r in rows),
        wounded=sum(r.wounded for r in rows),
        dated=sum(r.events for r, s in spans if s is not None),
    )
    return Histogram(unit, out, coarser, undated, total)


def _bar_starts(first: date, last: date, unit: str) -> list[date]:
    """Every bar from the first to the last, empty ones included (a gap is a finding)."""
    out: list[date] = []
    day = first
    while day <= last and len(out) < MAX_BARS:
        out.append(day)
        day = bucket_start(bucket_end(day, unit) + timedelta(days=1), unit)
    return out


def _auto_unit(first: date, last: date) -> str:
    days = (last - first).days
    return "day" if days <= 92 else "week" if days <= 730 else "month"


def _bar_bounds(start: date, end: date, unit: str) -> tuple[str, str]:
    if unit == "month":
        return start.isoformat()[:7], start.isoformat()[:7]
    if unit == "year":
        return str(start.year), str(start.year)
    return start.isoformat(), end.isoformat()


# --- network ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    shown: int
    total: int  # actors in the filtered network before the cap
    top: int


def network(store: Store, cf: CorpusFilter, top: int = NETWORK_TOP) -> Network:
    """Actors linked by the filtered incidents (and by stated relations when the filter
    names nothing only events have: type, ACLED type, place, fatalities), one edge per
    (pair, polarity, modality) with width by sources; the top N actors by weighted degree."""
    top = max(1, min(top, NETWORK_MAX))
    flt = event_filter(store, cf)
    edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}

    def add(source: str, target: str, type: str, negated: bool, modality: str, n: int,
            sources: int, kind: str) -> None:  # fmt: skip
        polarity = type_polarity(type, negated)
        label = modality_label(modality, negated)
        key = (source, target, polarity, label)
        edge = edges.setdefault(key, {"source": source, "target": target, "polarity": polarity,
                                      "modality": label, "events": 0, "relations": 0,
                                      "sources": 0, "types": Counter()})  # fmt: skip
        edge[kind] += n
        edge["sources"] += sources
        edge["types"][type_label(type)] += n

    for e in store.event_edges(flt):
        add(e.source, e.target, e.type, e.negated, e.modality, e.events, e.sources, "events")
    if not (flt.types or flt.acled or flt.places or flt.min_fatalities or flt.bbox):
        for r in store.relations(actor=flt.actor):
            if _relation_selected(r, flt):
                add(r.source_actor, r.target_actor, r.type, r.negated, r.modality, 1,
                    max(r.source_count, 1), "relations")  # fmt: skip
    degree: Counter[str] = Counter()
    for edge in edges.values():
        degree[edge["source"]] += edge["sources"]
        degree[edge["target"]] += edge["sources"]
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    keep = set(ranked[:top])
    if flt.actor and flt.actor in degree:
        keep.add(flt.actor)
    names = Names(store)
    nodes = []
    for actor_id in sorted(keep, key=lambda a: (-degree[a], a)):
        ref = names.get(actor_id)
        nodes.append({"id": actor_id, "label": ref.name if ref else actor_id,
                      "type": ref.type if ref else "other", "degree": degree[actor_id],
                      "focus": actor_id == flt.actor})  # fmt: skip
    out_edges = []
    for (source, target, polarity, label), edge in sorted(edges.items()):
        if source in keep and target in keep:
            types = ", ".join(t for t, _n in edge.pop("types").most_common(2))
            out_edges.append({**edge, "id": f"{source}|{target}|{polarity}|{label}",
                              "label": types})  # fmt: skip
    return Network(nodes, out_edges, len(nodes), len(degree), top)


def _relation_selected(relation: Any, flt: EventFilter) -> bool:
    if flt.negated is not None and relation.negated != flt.negated:
        return False
    if flt.modality and relation.modality != flt.modality:
        return False
    if relation.source_count < flt.min_sources and flt.min_sources > 1:
        return False
    first, last = relation.first_seen, relation.last_seen or relation.first_seen
    if flt.since and last and last[: len(flt.since)] < flt.since:
        return False
    return not (flt.until and first and first[: len(flt.until)] > flt.until)


# --- map ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapPlace:
    id: str
    name: str
    lat: float
    lon: float
    precision: str
    country: str | None
    country_numeric: str | None  # world-atlas feature id, for places drawn as a country
    incidents: int
    killed: int
    wounded: int
    type: str  # the most frequent type (colours the marker)
    types: dict[str, int] = field(default_factory=dict)


def map_places(store: Store, cf: CorpusFilter) -> list[MapPlace]:
    """Located incidents per place, biggest first; country-level places carry the
    country's numeric code so the map draws its outline instead of a dot."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in store.event_places(event_filter(store, cf)):
        grouped[row.place.id].append(row)
    out = []
    for rows in grouped.values():
        place = rows[0].place
        if place.lat is None or place.lon is None:
            continue
        types = Counter({type_label(r.type or ""): r.events for r in rows})
        out.append(
            MapPlace(
                id=place.id, name=place.name, lat=place.lat, lon=place.lon,
                precision=place.precision, country=place.country,
                country_numeric=_numeric(place.country) if place.precision == "country" else None,
                incidents=sum(r.events for r in rows), killed=sum(r.killed for r in rows),
                wounded=sum(r.wounded for r in rows),
                type=min(types, key=lambda t: (-types[t], t)),
                types=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
            )
        )  # fmt: skip
    return sorted(out, key=lambda p: (-p.incidents, p.name, p.id))


def _numeric(alpha3: str | None) -> str | None:
    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return str(found.numeric) if found is not None else None


# --- indexes ------------------------------------------------------------------------------------

ACTOR_SORTS = ("-mentions", "mentions", "-articles", "articles", "name", "-name", "type",
               "country")  # fmt: skip
PLACE_SORTS = ("-incidents", "incidents", "-killed", "name", "-name", "country")


@dataclass(frozen=True)
class ActorRow:
    actor: Actor
    incidents: int
    killed: int


@dataclass(frozen=True)
class IndexPage(Generic[T]):
    items: list[T]
    total: int
    page: int
    pages: int
    limit: int
    sort: str


def actor_index(store: Store, sort: str = "-mentions", page: int = 1, limit: int = 50) -> IndexPage:
    """Every actor, sortable and paged, with its incidents and their killed."""
    if sort not in ACTOR_SORTS:
        raise ValueError(f"sort must be one of {', '.join(ACTOR_SORTS)}")
    limit = max(1, min(limit, MAX_LIMIT))
    total = store.stats()["actors"]
    actors = store.actor_page(sort, limit, (max(page, 1) - 1) * limit)
    sums = {t.actor_id: t for t in store.actor_totals([a.id for a in actors])}
    rows = [ActorRow(a, sums[a.id].events, sums[a.id].killed) for a in actors]
    return IndexPage(rows, total, page, max(1, -(-total // limit)), limit, sort)


@dataclass(frozen=True)
class PlaceRow:
    place: Place
    incidents: int
    killed: int
    wounded: int


def place_index(
    store: Store, sort: str = "-incidents", page: int = 1, limit: int = 50
) -> IndexPage:
    """Every place with its incidents and casualties, sortable and paged."""
    if sort not in PLACE_SORTS:
        raise ValueError(f"sort must be one of {', '.join(PLACE_SORTS)}")
    limit = max(1, min(limit, MAX_LIMIT))
    sums = {t.place.id: t for t in store.event_places(EventFilter(), by_type=False)}
    rows = []
    for place, n in store.places():
        t = sums.get(place.id)
        rows.append(PlaceRow(place, n, t.killed if t else 0, t.wounded if t else 0))
    keys = {
        "incidents": lambda r: (r.incidents, r.place.name),
        "killed": lambda r: (r.killed, r.incidents),
        "name": lambda r: (r.place.name.lower(), r.place.id),
        "country": lambda r: (r.place.country or "", r.place.name.lower()),
    }
    rows.sort(key=lambda r: r.place.id)
    rows.sort(key=keys[sort.lstrip("-")], reverse=sort.startswith("-"))
    start = (max(page, 1) - 1) * limit
    return IndexPage(rows[start : start + limit], len(rows), page,
                     max(1, -(-len(rows) // limit)), limit, sort)  # fmt: skip


def acled_event_types() -> list[str]:
    """Every ACLED event type the ontology can assign (read from its data, not the store:
    the codes sit in each event's payload, and reading them all would scan the store)."""
    onto = load_ontology()
    pairs = [et.acled for et in onto.types.values()] + list(onto.acled_by_trigger.values())
    rules = onto.rules
    pairs += [rules.government, rules.other, rules.remote, rules.exchange]
    pairs += [vo.acled for vo in onto.verb_objects]
    found = {p[0] for p in pairs if p} | {EXPLOSIONS, RIOT[0]}
    return sorted(found)


def filter_options() -> dict[str, list[str]]:
    """Choices of the filter bar's lists: the ontology's event types and ACLED types."""
    return {
        "types": [type_label(t) for t in load_ontology().types],
        "acled": acled_event_types(),
    }
