"""Incidents as people read them: a list under the shared filters, and why an incident's
reports were joined or kept apart (what ``eventwire incidents`` and ``eventwire events
--explain`` print, and what ``/api/incidents`` serves)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from eventwire.errors import ExportError
from eventwire.export.filters import Filters
from eventwire.knowledge.ontology import Ontology
from eventwire.model import Incident
from eventwire.resolve.incidents import (
    explanation_in_words,
    family_types,
    report_of_incident,
    veto,
)
from eventwire.store.base import IncidentFilter, Store
from eventwire.views.dates import date_span

SORTS = {"date": "-date", "sources": "-sources"}  # --sort -> store order (newest first)


def _sort_key(order: str, inc: Incident) -> tuple[object, ...]:
    # as the store orders: newest first (undated last), ids descending on ties
    newest = (inc.date is not None, inc.date or "", inc.id)
    return (inc.source_count, *newest) if order == "-sources" else newest


def list_incidents(
    store: Store, filters: Filters | None = None, sort: str = "date", limit: int | None = None
) -> list[Incident]:
    """Selected incidents, newest first (``sort="date"``) or most reported first
    (``"sources"``), at most ``limit``."""
    if sort not in SORTS:
        raise ExportError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    order = SORTS[sort]
    found: dict[str, Incident] = {}
    for flt in (filters or Filters()).incident_filters(store, page=limit, order=order):
        found.update((i.id, i) for i in store.incidents(flt))
    ranked = sorted(found.values(), key=lambda i: _sort_key(order, i), reverse=True)
    return ranked[:limit] if limit is not None else ranked


@dataclass(frozen=True)
class IncidentPage:
    """One page of incidents, the total they are part of, and the cursor of the next page."""

    items: list[Incident]
    total: int
    next_after: str | None


def parse_cursor(text: str) -> tuple[str | None, str]:
    """A ``next_after`` cursor ("DATE~ID", DATE empty when undated) as (date, id)."""
    date, sep, last_id = text.partition("~")
    if not sep or not last_id.startswith("incident_"):
        raise ExportError(f"not an incident cursor: {text[:40]!r} (use next_after)")
    return (date or None, last_id)


def incident_page(
    store: Store,
    filters: Filters | None = None,
    sort: str = "date",
    limit: int | None = None,
    after: str | None = None,
) -> IncidentPage:
    """The selected incidents, newest (``sort="date"``) or most reported (``"sources"``)
    first, at most ``limit``, after the ``next_after`` cursor of the previous page. A
    cursor pages one store query: a place name that matches several places lists them
    all, merged, with no cursor."""
    if sort not in SORTS:
        raise ExportError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    flts = list((filters or Filters()).incident_filters(store))
    if len(flts) != 1:
        if after:
            raise ExportError("the place names several places: give a place id to page on")
        total = sum(store.count_incidents(f) for f in flts)
        return IncidentPage(list_incidents(store, filters, sort, limit), total, None)
    flt: IncidentFilter = replace(flts[0], order=SORTS[sort], limit=limit)
    items = store.incidents(replace(flt, after=parse_cursor(after) if after else None))
    total = store.count_incidents(flt)
    last = items[-1] if limit is not None and len(items) == limit else None
    return IncidentPage(items, total, cursor_of(last) if last else None)


def cursor_of(inc: Incident) -> str:
    """The ``next_after`` cursor of a page that ends with ``inc`` ("DATE~ID")."""
    return f"{inc.date or ''}~{inc.id}"


def describe(inc: Incident) -> str:
    where = inc.location.name if inc.location else "no place"
    counts = ", ".join(
        f"{kind} {n}" + (f" (reports {inc.count_min[kind]}-{inc.count_max[kind]})"
                         if inc.count_min.get(kind) != inc.count_max.get(kind) else "")
        for kind, n in inc.counts.items()
    )  # fmt: skip
    return (
        f"incident {inc.id}: {inc.type} on {inc.date or 'an unknown date'} "
        f"({inc.date_precision or '-'}) at {where}; {inc.source_count} article(s), "
        f"{inc.outlet_count} outlet(s)" + (f"; {counts}" if counts else "")
    )


def explain_incident(store: Store, incident_id: str, onto: Ontology) -> list[str]:
    """Lines saying what the incident is, which rules joined its reports and which vetoes
    kept other reports apart, each report's figures, and its near misses (compared by
    ``onto``'s incident families)."""
    inc = store.get_incident(incident_id)
    lines = [describe(inc)]
    lines += [f"  member events: {', '.join(inc.events) or '-'}"]
    if inc.facets:
        lines += [f"  facets of the act (support given in it, a protest fired on): "
                  f"{', '.join(inc.facets)}"]  # fmt: skip
    if about := [s for s in inc.statements if s not in inc.facets]:
        lines += [f"  statements about it: {', '.join(about)}"]
    lines += [
        f"  {why}"
        for why in explanation_in_words(
            inc.explanation, lambda: store.state_sides(onto), store.get_actor
        )
    ]
    lines += [
        f"  report {r.evidence.article_id}: {r.kind} {r.value}"
        + (f" ({r.qualifier})" if r.qualifier else "")
        for r in inc.count_reports
    ]
    return lines + [f"  {line}" for line in near_misses(store, inc, onto)]


def near_misses(store: Store, inc: Incident, onto: Ontology, limit: int = 20) -> list[str]:
    """Why the incidents within a day of it, in its country, whose types its type may join
    (its incident family in ``onto``: an attack and a raid), are others; the first
    ``limit`` by date and id."""
    span = _days_of(inc)
    if span is None:
        return []
    # a week is compared as its seven days, not as its Monday: the window is the span a
    # day either side, and an other week (stored as its Monday) may start six days before
    first, last = span[0] - dt.timedelta(days=1), span[1] + dt.timedelta(days=1)
    since, until = (first - dt.timedelta(days=6)).isoformat(), last.isoformat()
    found: dict[str, Incident] = {}
    # the family's deployment types too: an AID act that sent troops is in it
    for itype in family_types(inc.type, onto, deploys=True):
        flt = IncidentFilter(type=itype, since=since, until=until, limit=limit + 8)
        for o in store.incidents(flt):
            there_span = _days_of(o)
            if there_span and there_span[0] <= last and there_span[1] >= first:
                found[o.id] = o
    unnamed = frozenset(a.id for a in store.actors() if a.type == "group")
    here = report_of_incident(inc, unnamed, onto)
    country = inc.location.country if inc.location else None
    out = []
    for other in sorted(found.values(), key=lambda o: (o.date or "", o.id)):
        where = other.location.country if other.location else None
        if other.id == inc.id or (country and where and where != country):
            continue
        there = report_of_incident(other, unnamed, onto)
        if there.kind != here.kind:
            continue  # aid handed out is no near miss of an attack
        why = veto(here, there)
        out.append(
            f"kept apart from incident {other.id}: {why or 'not compared (no shared block)'}"
        )
    return out[:limit]


def _days_of(inc: Incident) -> tuple[dt.date, dt.date] | None:
    """First and last day of an incident dated to a day (its seven days for a week, stored as
    its Monday); None for a coarser date: a month is too wide to call anything a near miss."""
    if not (inc.date and len(inc.date) == 10):
        return None
    return date_span(inc.date, "week" if inc.date_precision == "week" else "day")


def explain_event(store: Store, event_id: str, onto: Ontology) -> list[str]:
    """Lines saying which incident an event belongs to (or is a statement about) and why
    (:func:`explain_incident`); an event in none did not happen as told (future, denied,
    negated...)."""
    event = store.get_event(event_id)
    held = store.incident_of_event(event_id)
    if not held:
        state = "negated" if event.negated else event.modality
        return [f"event {event_id} ({event.type}, {state}) belongs to no incident: "
                "only what happened (asserted, reported, alleged) makes one"]  # fmt: skip
    lines = []
    for inc, role in held:
        what = "is a member of" if role == "member" else "is a statement about"
        lines.append(f"event {event_id} ({event.type}) {what} incident {inc.id}")
        lines += ["  " + line for line in explain_incident(store, inc.id, onto)]
    return lines
