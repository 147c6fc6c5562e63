"""How the summary tables answer a filter (:class:`~eventwire.store.base.EventFilter`):
which summary keeps every field it names, the period plan of its dates (the parts read
from the year and month rows, the months whose days are read from ``events``), and the
conditions on kinds, sides and pairs those reads share. Functions of the filter alone:
no query runs here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.store.base import EventFilter
from eventwire.store.sql_pair_tails import TailBounds, tail_bounds
from eventwire.store.sql_summaries import (
    _EDGE,
    _FINEST,
    _SPLIT_KINDS,
    PERIOD_GRAINS,
    SOURCES_FLOOR,
    SUMMARY_KEEPS,
)


def _summary_table(tables: Sequence[str], flt: EventFilter) -> str | None:
    """The first of the summary ``tables`` that keeps every field ``flt`` names, if any."""
    named = _named_fields(flt)
    return next((t for t in tables if named <= SUMMARY_KEEPS[t]), None)


def _named_fields(flt: EventFilter) -> set[str]:
    """The fields of ``flt`` that select something."""
    return {
        name
        for name, value in (
            ("actor", flt.actor), ("min_sources", flt.min_sources > 1), ("bbox", flt.bbox),
            ("min_fatalities", flt.min_fatalities > 0), ("since", flt.since),
            ("until", flt.until), ("place", flt.place), ("places", flt.places),
            ("type", flt.type), ("types", flt.types), ("acled", flt.acled),
            ("modality", flt.modality), ("negated", flt.negated is not None),
            ("with_actor", flt.with_actor),
        )
        if value
    }  # fmt: skip


def _period_plan(
    flt: EventFilter, kinds: bool = False
) -> tuple[list[tuple[int, list[str], list[Any]]], list[str]] | None:
    """How the period summaries answer a filter of dates and minimum sources (None for
    any other filter): (grain, conditions on ``period``, arguments) of each part, the
    coarsest first, and the months whose days the dates cut (read from ``events``).

    A period is a date's first ``grain`` characters, so ``date >= since`` holds for all
    the dates of a period or for none of them unless ``since`` is longer than the grain
    and the period is its first ``grain`` characters; that period is then read at the
    next grain, and a month so cut day by day from ``events``. ``until`` (compared on
    its own length) likewise. Without dates (or without any filter), the whole-store
    rows (grain 0). With ``kinds``, for the summaries that keep the type, negation and
    modality (:data:`_SPLIT_KINDS`), a filter may name those too (their conditions are
    :func:`_kind_conditions`)."""
    named = _named_fields(flt)
    if not named <= {"since", "until", "min_sources"} | (_SPLIT_KINDS if kinds else set()):
        return None
    if flt.min_sources > SOURCES_FLOOR:
        return None
    if not flt.since and not flt.until:
        return [(0, [], [])], []
    parts: list[tuple[int, list[str], list[Any]]] = []
    months: list[str] = []

    def level(depth: int, prefix: str) -> None:
        grain = PERIOD_GRAINS[depth]
        where: list[str] = []
        args: list[Any] = []
        if prefix:  # a range of the period index (a ``substr`` test would scan the grain)
            where.append("period BETWEEN ? AND ?")
            args += _month_range(prefix)
        cut = []
        if flt.since:
            exact = len(flt.since) <= grain
            where.append("period >= ?" if exact else "period > ?")
            args.append(flt.since[:grain])
            cut += [] if exact else [flt.since[:grain]]
        if flt.until:
            if len(flt.until) <= grain:
                where.append("substr(period, 1, ?) <= ?")
                args += [len(flt.until), flt.until]
            else:
                where.append("period < ?")
                args.append(flt.until[:grain])
                cut.append(flt.until[:grain])
        parts.append((grain, where, args))
        for period in sorted(set(cut)):
            if not period.startswith(prefix):
                continue  # the other bound's period, outside this one
            if depth + 1 < len(PERIOD_GRAINS):
                level(depth + 1, period)
            else:
                months.append(period)

    level(0, "")
    return parts, months


# the conditions of a plan's years under ``since`` alone (:func:`_period_plan`)
_SINCE_ONLY = (["period > ?"], ["period >= ?"])


def _suffix_statements(
    condition: str, bound: str, targets: dict[str, list[str]]
) -> list[tuple[str, list[Any]]]:
    """The queries of the split of the pairs (each source's ``targets``) over the years
    that ``condition`` on ``period`` (``period > ?`` or ``period >= ?``, with ``bound``)
    keeps, from ``event_pair_suffixes``: each kind's row at the first year of the store
    the condition keeps when the kind has one there (its sums from that year on), else
    its first row when that comes later (every year of it kept). One row a kind, where
    the year rows are one a year; the years compared as the plan compares them (as text)."""
    first = f"(SELECT MIN(period) FROM event_pair_suffixes WHERE {condition})"
    statements: list[tuple[str, list[Any]]] = []
    for source, among in targets.items():
        pair = f"source_actor = ? AND target_actor IN ({','.join('?' * len(among))})"
        for kept in (f"first IN (0, 1) AND period = {first}", f"first = 1 AND period > {first}"):
            statements.append((
                f"SELECT {_EDGE}, events, sources FROM event_pair_suffixes"
                f" WHERE {pair} AND {kept}",
                [source, *among, bound],
            ))  # fmt: skip
    return statements


def _split_plan(
    flt: EventFilter, kinds: bool = False
) -> tuple[list[tuple[int, list[str], list[Any]]], list[str]] | None:
    """The period plan of a filter of dates alone (or of nothing): what the summaries
    without a sources floor (``event_pair_splits``, ``event_actor_sums``) answer; with
    ``kinds``, of dates and kinds, what ``event_pair_splits`` and ``event_actor_kinds``
    answer."""
    return _period_plan(flt, kinds) if flt.min_sources <= 1 else None


def _kind_plan(flt: EventFilter) -> bool:
    """Whether ``flt`` names a kind (type, ACLED type, negation, modality), dates and
    nothing else: the network then reads the kind-split period summaries (without dates,
    the whole-store summaries keep the kinds)."""
    named = _named_fields(flt)
    return (
        bool(named & _SPLIT_KINDS)
        and bool(named & {"since", "until"})
        and _split_plan(flt, kinds=True) is not None
    )


def _running_statements(flt: EventFilter) -> list[tuple[str, list[Any]]]:
    """The queries of each actor's sources between the bounds of ``flt``'s dates from its
    running sums (``event_actor_running``): its row at the last month the dates keep,
    less its row at the last month before the first they keep (none without ``since``),
    each found by one seek; both only when the first is after the second (a day's cut
    month keeps no whole month). A date longer than a month keeps the months after (or
    before) its own, whose days the caller reads from ``events``."""
    last = "SELECT MAX(period) FROM event_actor_running WHERE atleast = ?"
    atleast = max(flt.min_sources, 1)
    high_args: list[Any] = [atleast]
    low_args: list[Any] = [atleast]
    if not flt.until:
        high = last
    elif len(flt.until) <= _FINEST:  # the months whose first characters are at most it
        high = f"{last} AND period <= ?"
        high_args.append(flt.until + "\uffff")
    else:  # the months before the one it cuts
        high = f"{last} AND period < ?"
        high_args.append(flt.until[:_FINEST])
    row = "SELECT actor_id, {sign}sources FROM event_actor_running WHERE atleast = ? AND period ="
    if not flt.since:
        return [(f"{row.format(sign='')} ({high})", [atleast, *high_args])]
    if len(flt.since) <= _FINEST:  # the months before it
        low = f"{last} AND period < ?"
        low_args.append(flt.since)
    else:  # the months up to the one it cuts
        low = f"{last} AND period <= ?"
        low_args.append(flt.since[:_FINEST])
    # the bounds' order tested on the two months, not on ``period`` (a range on it would
    # lead the planner to read every month after the first, not the one month's rows)
    after = f"({high}) > COALESCE(({low}), '')"
    both = [*high_args, *low_args]
    return [
        (f"{row.format(sign='')} ({high}) AND {after}", [atleast, *high_args, *both]),
        (f"{row.format(sign='-')} ({low}) AND {after}", [atleast, *low_args, *both]),
    ]


def _kind_floor_plan(flt: EventFilter) -> bool:
    """Whether ``flt`` names a kind (type, ACLED type, negation, modality) and a minimum of
    sources up to the floor, with dates or without, and nothing else: the network then
    reads each actor's sums by kind and floor (``event_actor_kind_floors``) and the pair
    periods, which keep both."""
    named = _named_fields(flt)
    return (
        bool(named & _SPLIT_KINDS)
        and flt.min_sources > 1
        and _period_plan(flt, kinds=True) is not None
    )


def _tail_plan(flt: EventFilter) -> TailBounds | None:
    """The bounds among the pair tails' periods (migration 26) of a filter of dates and
    sources up to the floor, nothing else; None for any other filter."""
    if not (flt.since or flt.until) or flt.min_sources > SOURCES_FLOOR:
        return None
    if not _named_fields(flt) <= {"since", "until", "min_sources"}:
        return None
    return tail_bounds(flt.since, flt.until, max(flt.min_sources, 1))


def _pairs_split(flt: EventFilter) -> bool:
    """Whether the split of given pairs is read by :meth:`SQLStore._pair_splits`: a filter
    of dates and sources up to the floor, of a kind with dates, or of a kind and sources."""
    return _period_plan(flt) is not None or _kind_plan(flt) or _kind_floor_plan(flt)


def _actor_types_answer(flt: EventFilter) -> bool:
    """Whether ``event_actor_types`` (migration 27) answers which actors a filter of
    dates and sources selects: it names a type and no other kind (negation, modality,
    ACLED type), which that summary does not keep."""
    return bool(flt.type or flt.types) and not _named_fields(flt) & {
        "acled", "modality", "negated"
    }  # fmt: skip


def _kind_conditions(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The conditions on the type, ACLED type, negation and modality columns a summary
    keeps."""
    where: list[str] = []
    args: list[Any] = []
    types = sorted({flt.type} if flt.type else set()) or list(flt.types)
    if flt.type and flt.types:  # both named: the type must be among the types
        types = [t for t in flt.types if t == flt.type]
    if flt.type or flt.types:
        where.append(f"type IN ({','.join('?' * len(types))})" if types else "1 = 0")
        args += types
    if flt.acled:
        where.append("acled_type = ?")
        args.append(flt.acled)
    more, more_args = _modality_conditions(flt)
    return where + more, args + more_args


def _modality_conditions(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The conditions on the modality and negation columns."""
    where: list[str] = []
    args: list[Any] = []
    if flt.modality:
        where.append("modality = ?")
        args.append(flt.modality)
    if flt.negated is not None:
        where.append("negated = ?")
        args.append(int(flt.negated))
    return where, args


def _month_range(month: str) -> list[str]:
    """Bounds of ``date BETWEEN ? AND ?`` holding the dates that start with ``month``."""
    return [month, month + "\uffff"]


def _between(
    among: Sequence[str] | None, pairs: Sequence[tuple[str, str]] | None, dodge: bool
) -> tuple[str, list[Any]] | None:
    """The condition keeping rows between two of ``among`` and of one of ``pairs`` ("" when
    neither is given; None when one is empty, so that nothing is kept); ``dodge`` writes
    the actor columns as expressions no index serves."""
    source, target = ("source_actor || ''", "target_actor || ''") if dodge else (
        "source_actor", "target_actor")  # fmt: skip
    where: list[str] = []
    args: list[Any] = []
    if among is not None:
        ids = sorted(set(among))
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        where.append(f"{source} IN ({marks}) AND {target} IN ({marks})")
        args += [*ids, *ids]
    if pairs is not None:
        wanted = sorted(set(pairs))
        if not wanted:
            return None
        sides = sorted({a for pair in wanted for a in pair})
        marks = ",".join("?" * len(sides))
        # the lists let an index seek the sides; the pairs then keep the rows wanted
        where.append(f"{source} IN ({marks}) AND {target} IN ({marks})")
        where.append("(" + " OR ".join([f"({source} = ? AND {target} = ?)"] * len(wanted)) + ")")
        args += [*sides, *sides, *(v for pair in wanted for v in pair)]
    return " AND ".join(where), args


def _sides(
    sources: Sequence[str] | None, targets: Sequence[str] | None, dodge: bool
) -> tuple[str, list[Any]] | None:
    """The condition keeping rows from one of ``sources`` to one of ``targets`` (as
    :func:`_between` with ``among`` when both are the same list)."""
    if sources is None or targets is None:
        return _between(None if sources is None else sources, None, dodge)
    if not sources or not targets:
        return None
    source, target = ("source_actor || ''", "target_actor || ''") if dodge else (
        "source_actor", "target_actor")  # fmt: skip
    left, right = sorted(set(sources)), sorted(set(targets))
    return (
        f"{source} IN ({','.join('?' * len(left))}) AND {target} IN ({','.join('?' * len(right))})",
        [*left, *right],
    )
