"""Incidents and casualties over time: histogram bars at a date unit, each listing its incidents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.knowledge.ontology import Ontology
from eventwire.store.base import Store
from eventwire.views.corpus import CorpusFilter, Totals
from eventwire.views.dates import (
    UNITS,
    bucket,
    bucket_end,
    bucket_label,
    bucket_start,
    date_span,
)
from eventwire.views.incident_counts import incident_sums

MAX_BARS = 5000  # about 14 years of days


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
    displaced: int = 0
    sources: int = 0  # each incident's reporting articles, summed over the bar's incidents


@dataclass(frozen=True)
class Histogram:
    unit: str
    bars: list[Bar]
    coarser: int  # dated less precisely than one bar (a year in a monthly histogram)
    undated: int
    totals: Totals


def histogram(
    store: Store, cf: CorpusFilter, unit: str | None = None, *, onto: Ontology
) -> Histogram:
    """Incidents and their casualties per day/week/month/year (incident records, not the
    sentences reporting them); the unit is chosen from the span if not given. Every dated
    incident is in one bar or counted as coarser, never guessed."""
    rows = [_Day(s.key[0], s.key[1], s.incidents, s.killed, s.wounded, s.displaced, s.sources)
            for s in incident_sums(store, cf, "date", onto=onto)]  # fmt: skip
    spans = [(r, date_span(r.date, r.precision)) for r in rows]
    dated = [s for _r, s in spans if s is not None]
    if unit is None:
        unit = _auto_unit(min(s[0] for s in dated), max(s[1] for s in dated)) if dated else "month"
        # coarser still while fewer than half the dated incidents would fit in a bar
        n_dated = sum(r.incidents for r, s in spans if s is not None)
        for candidate in UNITS[UNITS.index(unit) :]:
            unit = candidate
            fits = sum(r.incidents for r, s in spans if s and bucket(r.date, r.precision, unit))
            if 2 * fits >= n_dated:
                break
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    bars: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    coarser = undated = 0
    for r, span in spans:
        if span is None:
            undated += r.incidents
            continue
        start = bucket(r.date, r.precision, unit)
        if start is None:
            coarser += r.incidents
            continue
        bar = bars[start]
        bar[0] += r.incidents
        bar[1] += r.killed
        bar[2] += r.wounded
        bar[3] += r.displaced
        bar[4] += r.sources
    out = []
    for start in _bar_starts(min(bars), max(bars), unit) if bars else []:
        end = bucket_end(start, unit)
        since, until = _bar_bounds(start, end, unit)
        n, killed, wounded, displaced, sources = bars.get(start, [0, 0, 0, 0, 0])
        out.append(
            Bar(start.isoformat(), end.isoformat(), bucket_label(start, unit), since, until,
                n, killed, wounded, displaced, sources)
        )  # fmt: skip
    return Histogram(unit, out, coarser, undated, _totals(rows, spans))


@dataclass(frozen=True)
class _Day:
    """Incidents sharing one stored date and precision."""

    date: str | None
    precision: str | None
    incidents: int
    killed: int
    wounded: int
    displaced: int
    sources: int


def _totals(rows: list[_Day], spans: Sequence[tuple[_Day, object]]) -> Totals:
    return Totals(
        incidents=sum(r.incidents for r in rows),
        killed=sum(r.killed for r in rows),
        wounded=sum(r.wounded for r in rows),
        dated=sum(r.incidents for r, s in spans if s is not None),
        displaced=sum(r.displaced for r in rows),
    )


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
