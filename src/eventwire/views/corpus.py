"""The shared filter of the whole-corpus views, and the events it selects.

:class:`EventRow` wraps one resolved event with what every list, popup and tooltip shows
(label, modality, casualties, sources): the explore page lists them under a clicked bar
(``/api/event-list``). Incident records, one per real-world occurrence, are listed by
:mod:`eventwire.views.incidents`.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from eventwire.knowledge.ontology import EXPLOSIONS, RIOT, Ontology
from eventwire.model import Event, Place
from eventwire.store.base import EVENT_ORDERS, EventFilter, Store
from eventwire.views.dates import (
    format_when,
)
from eventwire.views.details import resolve_actor
from eventwire.views.labels import counts_text, event_label, type_label
from eventwire.views.polarity import is_counted, modality_label, type_polarity
from eventwire.views.records import MAX_LIMIT, ActorRef, Names, Page

T = TypeVar("T")
NOTHING = "\x00"  # an id no record has: a name that matches nothing selects nothing


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


def event_filter(store: Store, cf: CorpusFilter, onto: Ontology) -> EventFilter:
    """Names in the filter resolved against the store (actor spelling, place name) and
    ``onto`` (type)."""
    return EventFilter(
        actor=resolve_actor(store, cf.actor),
        types=matching_types(cf.type, onto) if cf.type else (),
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


def shows_relations(flt: EventFilter) -> bool:
    """Whether stated relations belong to what ``flt`` selects: a relation has no type,
    ACLED type, place or fatalities of its own, so a filter on any of those selects none
    (the network draws no relation edge under it, and a download carries none)."""
    return not (flt.types or flt.acled or flt.places or flt.min_fatalities or flt.bbox)


def matching_types(value: str, onto: Ontology) -> tuple[str, ...]:
    """Every stored spelling a typed type may have: any case, and the old PLOVER names
    ``onto`` maps to the same type ('fight', 'FIGHT' and 'ASSAULT' are one type)."""
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


# --- event rows ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRow:
    """One resolved event as lists, popups and tooltips show it."""

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
    incident: str | None = None  # the incident it belongs to or is a statement about


def event_row(event: Event, names: Names, onto: Ontology, store: Store | None = None) -> EventRow:
    actors = names.refs((event.source_actor, event.target_actor))
    acled = event.codes.get("acled") if isinstance(event.codes, dict) else None
    return EventRow(
        id=event.id,
        label=event_label(event, actors),
        type=type_label(event.type),
        date=event.date,
        when=format_when(event.date, event.date_precision),
        modality=modality_label(event.modality, event.negated),
        polarity=type_polarity(event.type, event.negated, onto),
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
        incident=_incident_of(store, event.id) if store is not None else None,
    )


def _incident_of(store: Store, event_id: str) -> str | None:
    """The incident an event belongs to (the first by id if it is said about several)."""
    held = store.incident_of_event(event_id)
    ids = [inc.id for inc, role in held if role == "member"] or [inc.id for inc, _ in held]
    return ids[0] if ids else None


@dataclass(frozen=True)
class NumberedPage(Generic[T]):
    """One page of a sorted list with its total and page count (for page numbers)."""

    items: list[T]
    total: int
    limit: int
    page: int  # 1-based; 0 when the page was reached by cursor
    pages: int
    order: str
    next_after: str | None = None  # cursor for the next page (date orders only)


def numbered_page(
    items: list[T],
    total: int,
    limit: int,
    page: int,
    order: str,
    cursor: str | None,
    by_cursor: bool,
) -> NumberedPage[T]:
    return NumberedPage(items, total, limit, 0 if by_cursor else page,
                        max(1, -(-total // limit)), order, cursor)  # fmt: skip


EventRowPage = NumberedPage[EventRow]


def encode_cursor(date: str | None, record_id: str) -> str:
    """The keyset cursor of a (date, id): what ``next_after`` carries."""
    raw = json.dumps([date, record_id], separators=(",", ":")).encode()
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
    cursor = (
        encode_cursor(rows[-1].date, rows[-1].id) if more and order in ("date", "-date") else None
    )
    return rows, more, cursor


def list_events(
    store: Store,
    cf: CorpusFilter,
    order: str = "date",
    limit: int = 50,
    offset: int = 0,
    after: str | None = None,
    *,
    onto: Ontology,
) -> Page[Event]:
    """Events as stored, filtered; by offset, or after a keyset cursor (date orders)."""
    limit = max(1, min(limit, MAX_LIMIT))
    flt = event_filter(store, cf, onto)
    rows, more, cursor = _events_page(store, flt, order, limit, offset, after)
    next_offset = offset + limit if more and after is None else None
    return Page(rows, limit, 0 if after else offset, next_offset, None, cursor)


def list_event_rows(
    store: Store,
    cf: CorpusFilter,
    order: str = "-date",
    page: int = 1,
    limit: int = 50,
    after: str | None = None,
    *,
    onto: Ontology,
) -> NumberedPage[EventRow]:
    """One page of resolved events with their total: by page number, or after a cursor."""
    limit = max(1, min(limit, MAX_LIMIT))
    flt = event_filter(store, cf, onto)
    total = store.count_events(flt)
    offset = (max(page, 1) - 1) * limit
    rows, _more, cursor = _events_page(store, flt, order, limit, offset, after)
    names = Names(store)
    names.refs(x for e in rows for x in (e.source_actor, e.target_actor))  # one query
    items = [event_row(e, names, onto, store) for e in rows]
    return numbered_page(items, total, limit, page, order, cursor, after is not None)


@dataclass(frozen=True)
class Totals:
    """Sums over the incidents a filter selects (not reported totals of the war): each
    incident's best-supported figure, summed over incidents (computed by
    :func:`eventwire.views.incident_counts.totals`)."""

    incidents: int
    killed: int
    wounded: int
    dated: int
    displaced: int = 0


def acled_event_types(onto: Ontology) -> list[str]:
    """Every ACLED event type ``onto`` can assign (read from its data, not the store:
    the codes sit in each event's payload, and reading them all would scan the store)."""
    pairs = [et.acled for et in onto.types.values()] + list(onto.acled_by_trigger.values())
    rules = onto.rules
    pairs += [rules.government, rules.other, rules.remote, rules.exchange]
    pairs += [vo.acled for vo in onto.verb_objects]
    found = {p[0] for p in pairs if p} | {EXPLOSIONS, RIOT[0]}
    return sorted(found)


def filter_options(onto: Ontology) -> dict[str, list[str]]:
    """Choices of the filter bar's lists: ``onto``'s event types and ACLED types (the
    web app passes its own copy, ``app.state.ontology``)."""
    return {
        "types": [type_label(t) for t in onto.types],
        "acled": acled_event_types(onto),
    }
