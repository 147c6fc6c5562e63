"""Incident records (one per real-world occurrence) as lists and pages show them.

The list takes the shared filter bar (:class:`~eventwire.views.corpus.CorpusFilter`),
sorts newest first (undated last) or by sources, and pages by number or by a keyset
cursor; an incident's page shows its facts, each report's figure with its sentence, its
member events, the statements about it and why its reports were joined or kept apart.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from eventwire.errors import NotFound
from eventwire.knowledge.ontology import Ontology
from eventwire.model import CountReport, Event, Evidence, Incident, Place
from eventwire.resolve.incidents import explanation_in_words
from eventwire.store.base import INCIDENT_ORDERS, IncidentFilter, Store
from eventwire.views.corpus import (
    CorpusFilter,
    NumberedPage,
    decode_cursor,
    encode_cursor,
    matching_places,
    numbered_page,
)
from eventwire.views.dates import format_when
from eventwire.views.details import resolve_actor
from eventwire.views.labels import code_labels, event_label, type_label
from eventwire.views.polarity import modality_label
from eventwire.views.records import MAX_LIMIT, ActorRef, ArticleSummary, Names, article_summary

MAX_PLACES = 25  # places one name may select: each is one store query per page


def figure(inc: Incident, kind: str) -> str:
    """An incident's count as shown: the best-supported figure, or the range the reports
    give when they disagree ('4-6'); '' when no report counts it."""
    low, high = inc.count_min.get(kind), inc.count_max.get(kind)
    if low is not None and high is not None and low != high:
        return f"{low}-{high}"
    value = inc.counts.get(kind)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class IncidentRow:
    """One incident in a list: what the columns show."""

    id: str
    type: str  # label ('assault')
    date: str | None
    date_precision: str | None
    when: str  # the date at its precision
    source: ActorRef | None
    target: ActorRef | None
    place: Place | None
    killed: str  # best-supported figure, or the reports' range '4-6'
    wounded: str
    modality: str  # label, '' for a plain assertion
    source_count: int  # distinct articles
    outlet_count: int  # distinct outlets
    counts: dict[str, int]  # best-supported figure per kind (never a sum)
    count_min: dict[str, int]  # the lowest and highest figure the reports give
    count_max: dict[str, int]
    displaced: str = ""
    events: int = 0  # member events (its reports' sentences), listed on its page


def incident_row(inc: Incident, names: Names) -> IncidentRow:
    return IncidentRow(
        id=inc.id,
        type=type_label(inc.type),
        date=inc.date,
        date_precision=inc.date_precision,
        when=format_when(inc.date, inc.date_precision),
        source=names.get(inc.source_actor),
        target=names.get(inc.target_actor),
        place=inc.location,
        killed=figure(inc, "killed"),
        wounded=figure(inc, "wounded"),
        modality=modality_label(inc.modality, False),
        source_count=inc.source_count,
        outlet_count=inc.outlet_count,
        counts=dict(inc.counts),
        count_min=dict(inc.count_min),
        count_max=dict(inc.count_max),
        displaced=figure(inc, "displaced"),
        events=len(inc.events),
    )


IncidentRows = NumberedPage[IncidentRow]


def incident_filters(store: Store, cf: CorpusFilter, onto: Ontology) -> list[IncidentFilter]:
    """The store queries whose union the filter selects (one per matching place); none when
    it can select no incident (incidents are what happened: never negated)."""
    if cf.bbox is not None:
        raise ValueError("bbox is not a filter of incident records: use place")
    if cf.polarity == "negated":
        return []
    base = IncidentFilter(
        actor=resolve_actor(store, cf.actor),
        type=_incident_type(cf.type, onto) if cf.type else None,
        since=cf.since,
        until=cf.until,
        acled=cf.acled or None,
        min_sources=cf.min_sources,
        min_fatalities=cf.min_fatalities,
        modality=cf.modality or None,
    )
    if not cf.place:
        return [base]
    places = matching_places(store, cf.place)
    if len(places) > MAX_PLACES:
        raise ValueError(
            f"the place {cf.place[:40]!r} starts {len(places)} place names (at most "
            f"{MAX_PLACES} for incidents): type more of the name, or give a place id"
        )
    return [replace(base, place=p) for p in places]


def _incident_type(value: str, onto: Ontology) -> str:
    """The PLOVER type an incident stores for a typed type (any case, old names too)."""
    typed = value.strip()
    return onto.normalise(typed) or typed.upper()


def _order_key(order: str) -> Callable[[Incident], tuple[object, ...]]:
    """The sort key of a store order, for merging pages of several places (ascending)."""

    def newest(i: Incident) -> tuple[object, ...]:  # -date: dated first, later first
        return (i.date is None, _desc(i.date or ""), _desc(i.id))

    if order == "date":
        return lambda i: (i.date is not None, i.date or "", i.id)
    if order == "-sources":
        return lambda i: (-i.source_count, *newest(i))
    kind = order.lstrip("-")
    if kind in _COUNTED:  # uncounted last either way, as the store orders them

        def by_count(i: Incident) -> tuple[object, ...]:
            value = i.counts.get(kind)
            if value is None:
                return (1, 0, *newest(i))
            return (0, -value if order.startswith("-") else value, *newest(i))

        return by_count
    return newest


_COUNTED = ("killed", "wounded", "displaced")


def _desc(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text) + (1,)


def _select(
    store: Store, flts: list[IncidentFilter], order: str, limit: int, offset: int, after: str | None
) -> list[Incident]:
    """A page of the union of ``flts`` in ``order`` (places never overlap: an incident has
    one place, so the union of the sorted pages, merged, is the page)."""
    key = decode_cursor(after) if after else None
    if len(flts) == 1:
        return store.incidents(
            replace(flts[0], order=order, limit=limit, offset=0 if key else offset, after=key)
        )
    wanted = limit + (0 if key else offset)
    pages = [
        store.incidents(replace(f, order=order, limit=wanted, offset=0, after=key)) for f in flts
    ]
    merged = list(heapq.merge(*pages, key=_order_key(order)))
    return merged[(0 if key else offset) : (0 if key else offset) + limit]


def list_incident_rows(
    store: Store,
    cf: CorpusFilter,
    order: str = "-date",
    page: int = 1,
    limit: int = 50,
    after: str | None = None,
    *,
    onto: Ontology,
    with_actor: str | None = None,
) -> NumberedPage[IncidentRow]:
    """One page of incidents with their total: by page number, or after a cursor (every
    order); ``order`` is one of :data:`~eventwire.store.base.INCIDENT_ORDERS`. With
    ``with_actor`` (an id or any spelling), only the incidents that actor is a side of too:
    an actor index row under an actor's filter counts those, and links them."""
    if order not in INCIDENT_ORDERS:
        raise ValueError(f"order must be one of {', '.join(INCIDENT_ORDERS)}")
    limit = max(1, min(limit, MAX_LIMIT))
    flts = incident_filters(store, cf, onto)
    if with_actor:
        second = resolve_actor(store, with_actor)
        flts = [replace(f, with_actor=second) for f in flts]
    total = sum(store.count_incidents(f) for f in flts)
    offset = (max(page, 1) - 1) * limit
    beyond = after is None and offset >= total  # a page past the last: nothing to read
    rows = _select(store, flts, order, limit, offset, after) if flts and not beyond else []
    names = Names(store)
    names.refs(x for i in rows for x in (i.source_actor, i.target_actor))  # one query
    more = (offset + len(rows) < total) if after is None else len(rows) == limit
    cursor = encode_cursor(rows[-1].date, rows[-1].id) if rows and more else None
    items = [incident_row(i, names) for i in rows]
    return numbered_page(items, total, limit, page, order, cursor, after is not None)


# --- one incident ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportFigure:
    """One report's figure for a count, with the sentence that gives it."""

    kind: str
    value: int
    qualifier: str | None
    sentence: str
    article_id: str


@dataclass(frozen=True)
class IncidentReport:
    """One article reporting the incident: its sentences and the figures it gives."""

    article: ArticleSummary | None  # None when the article is not in the store
    article_id: str
    sentences: list[str]
    figures: list[ReportFigure]


@dataclass(frozen=True)
class EventLine:
    """A member event or a statement about the incident, as one line."""

    id: str
    label: str
    modality: str
    when: str


@dataclass(frozen=True)
class IncidentDetail:
    incident: Incident
    row: IncidentRow
    codes: list[str]  # 'ACLED Battles / Armed clash'
    reports: list[IncidentReport]  # one per article, in article id order
    members: list[EventLine]
    statements: list[EventLine]
    explanation: list[str]  # the joins across reports and the vetoes that kept others apart


def _reports(
    store: Store, evidence: Iterable[Evidence], figures: Iterable[CountReport]
) -> list[IncidentReport]:
    sentences: dict[str, list[str]] = {}
    for ev in evidence:
        seen = sentences.setdefault(ev.article_id, [])
        if ev.sentence not in seen:
            seen.append(ev.sentence)
    by_article: dict[str, list[ReportFigure]] = {}
    for r in figures:
        by_article.setdefault(r.evidence.article_id, []).append(
            ReportFigure(r.kind, r.value, r.qualifier, r.evidence.sentence, r.evidence.article_id)
        )
    out = []
    for article_id in sorted(set(sentences) | set(by_article)):
        try:
            article: ArticleSummary | None = article_summary(store.get_article(article_id))
        except NotFound:
            article = None
        out.append(
            IncidentReport(article, article_id, sentences.get(article_id, []),
                           by_article.get(article_id, []))
        )  # fmt: skip
    return out


def _event_lines(store: Store, ids: Iterable[str], names: Names) -> list[EventLine]:
    out = []
    for event_id in ids:
        try:
            e: Event = store.get_event(event_id)
        except NotFound:
            continue
        actors = names.refs((e.source_actor, e.target_actor))
        out.append(EventLine(e.id, event_label(e, actors), modality_label(e.modality, e.negated),
                             format_when(e.date, e.date_precision)))  # fmt: skip
    return out


def incident_detail(store: Store, incident_id: str, onto: Ontology) -> IncidentDetail:
    """An incident with its reports (each figure with its sentence), member events,
    statements about it and the explanation of its joins (its sides read under
    ``onto``)."""
    inc = store.get_incident(incident_id)
    names = Names(store)
    return IncidentDetail(
        incident=inc,
        row=incident_row(inc, names),
        codes=code_labels(inc.codes),
        reports=_reports(store, inc.evidence, inc.count_reports),
        members=_event_lines(store, inc.events, names),
        statements=_event_lines(store, (s for s in inc.statements if s not in inc.events), names),
        explanation=explanation_in_words(
            inc.explanation, lambda: store.state_sides(onto), store.get_actor
        ),
    )
