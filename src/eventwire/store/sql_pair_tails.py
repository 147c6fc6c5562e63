"""The network's pair sums under dates from each pair's tails (migration 26), a mixin
:class:`~eventwire.store.sql.SQLStore` inherits.

``event_pair_tails`` keeps, per actor pair, minimum of sources (``atleast``, 1 up to the
floor) and month period the pair has events in (a date's first 7 characters: a month,
or a year for a date of year precision, in text order), the pair's sums over that
period and every later one: its sources, and its split by type, negation and modality
packed in one text (``split``: one entry a kind, ``events sources negated modality
type``, the entries joined by ``|``, as a migration script is cut at each ``;``; the
type, a label, last).

The sums of the periods between two dates are then the difference of two rows a pair,
each found by one seek: the pair's first row at or after the first period the dates
keep, less its first row past the last (none when the dates have no end), whatever
the number of years and months between. Before, each pair's row of every year and
month between was read and grouped (under ``since=2015-06&until=2019-03&min_sources=2``
on the 1M-event bench store, 6,286 rows for the 265 pairs split: 101 ms of SQLite).
The days of the months the dates cut are read from ``events`` by the caller, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SPLIT_SEPARATOR = "|"
# per pair, floor and month period: the pair's sums from that period to the last, its
# split packed (the entries in kind order, so a rewrite gives the same text)
PAIR_TAILS = (
    "WITH c AS (SELECT f.atleast, p.source_actor, p.target_actor, p.period, p.type,"
    " p.negated, p.modality, SUM(p.events) AS events, SUM(p.sources) AS sources"
    " FROM event_pair_periods p JOIN (SELECT 1 AS atleast UNION ALL SELECT 2 UNION ALL"
    " SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) f ON p.floor >= f.atleast"
    " WHERE p.grain = 7 GROUP BY f.atleast, p.source_actor, p.target_actor, p.period,"
    " p.type, p.negated, p.modality),"
    " m AS (SELECT DISTINCT atleast, source_actor, target_actor, period FROM c),"
    " k AS (SELECT DISTINCT atleast, source_actor, target_actor, type, negated, modality"
    " FROM c),"
    " g AS (SELECT m.atleast, m.source_actor, m.target_actor, m.period, k.type, k.negated,"
    " k.modality, SUM(COALESCE(c.events, 0)) OVER w AS events,"
    " SUM(COALESCE(c.sources, 0)) OVER w AS sources FROM m JOIN k ON k.atleast = m.atleast"
    " AND k.source_actor = m.source_actor AND k.target_actor = m.target_actor"
    " LEFT JOIN c ON c.atleast = m.atleast AND c.source_actor = m.source_actor"
    " AND c.target_actor = m.target_actor AND c.period = m.period AND c.type = k.type"
    " AND c.negated = k.negated AND c.modality = k.modality"
    " WINDOW w AS (PARTITION BY m.atleast, m.source_actor, m.target_actor, k.type,"
    " k.negated, k.modality ORDER BY m.period DESC))"
    " SELECT source_actor, target_actor, atleast, period, SUM(sources),"
    " group_concat(events || ' ' || sources || ' ' || negated || ' ' || modality || ' '"
    f" || type, '{SPLIT_SEPARATOR}') FROM (SELECT * FROM g WHERE events > 0"
    " ORDER BY source_actor, target_actor, atleast, period, type, negated, modality) s"
    " GROUP BY source_actor, target_actor, atleast, period"
)
FINEST = 7  # the tails' periods: a date's first 7 characters
PAIRS_LISTED = 250  # pairs sought in one statement


@dataclass(frozen=True)
class TailBounds:
    """Where a filter's dates start and end among the tails' periods: the condition on
    ``period`` of the first period they keep (``low``), of the first past them
    (``high``, None without ``until``), and the least number of sources."""

    low: tuple[str, str]
    high: tuple[str, str] | None
    atleast: int

    def past(self, period: str) -> bool:
        """Whether ``period`` is after the dates (``high`` tested in Python: periods are
        ASCII, so the text order is the code points' one)."""
        if self.high is None:
            return False
        condition, bound = self.high
        return period > bound if condition == "period > ?" else period >= bound


def tail_bounds(since: str | None, until: str | None, atleast: int) -> TailBounds:
    """The bounds of ``since`` and ``until`` among the tails' periods, compared as text as
    ``date >= since`` and ``substr(date, 1, len(until)) <= until`` compare an event's
    date: a bound at most a month keeps its periods whole; a day keeps the periods after
    (or before) its month, whose days the caller reads from ``events``."""
    since = since or ""
    low = ("period >= ?", since) if len(since) <= FINEST else ("period > ?", since[:FINEST])
    high: tuple[str, str] | None = None
    if until and len(until) <= FINEST:  # the periods whose first characters are past it
        high = ("period > ?", until + "\uffff")
    elif until:  # its month and after
        high = ("period >= ?", until[:FINEST])
    return TailBounds(low, high, atleast)


class PairTailsSQL:
    """Reads ``event_pair_tails`` (migration 26) through the store's hooks."""

    remote = False

    def _all_of(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[Any]:
        raise NotImplementedError  # supplied by SQLStore

    def _tail_sources(
        self,
        bounds: TailBounds,
        sides: Sequence[tuple[Sequence[str], Sequence[str], str | None]],
    ) -> dict[tuple[str, str], int]:
        """The sources of each pair from one of a side's sources to one of its targets
        over the whole periods the dates keep (pairs with none left out), each side's
        pairs sought by the end it names (:func:`side_condition`). The pairs are those
        of ``event_pair_floors``' whole-store rows (one a pair and floor)."""
        statements: list[tuple[str, list[Any]]] = []
        for sources, targets, seek in sides:
            if not sources or not targets:
                continue
            cond, args = side_condition(sources, targets, seek, "o.", remote=self.remote)
            outer = _Outer(
                "", [], "event_pair_floors o", [], f"o.grain = 0 AND o.atleast = ? AND {cond}",
                [bounds.atleast, *args],
            )  # fmt: skip
            if self.remote:
                statements += self._seeks("sources", outer, bounds)
            else:
                statements.append(_difference_statement(outer, bounds))
        if self.remote:
            found = _differences(self._all_of(statements), bounds)
            return {pair: int(low) - int(high or 0) for pair, (low, high) in found.items()}
        # SQLite: one number a pair, NULL when no period of the pair is between the dates
        return {(r[0], r[1]): int(r[2]) for r in self._all_of(statements) if r[2] is not None}

    def _tail_splits(
        self, bounds: TailBounds, wanted: Sequence[tuple[str, str]]
    ) -> list[tuple[str, str, str, int, str, int, int]]:
        """The (type, negation, modality) split of the ``wanted`` pairs over the whole
        periods the dates keep: (source, target, type, negated, modality, events,
        sources) rows, one a pair and kind, none of no events, in no order."""
        statements: list[tuple[str, list[Any]]] = []
        for i in range(0, len(wanted), PAIRS_LISTED):
            part = wanted[i : i + PAIRS_LISTED]
            if self.remote:  # the pairs as two arrays
                outer = _Outer(
                    "", [], "unnest(?::text[], ?::text[]) AS o(source_actor, target_actor)",
                    [[p[0] for p in part], [p[1] for p in part]], "1 = 1", [],
                )  # fmt: skip
            else:
                values = ",".join(["(?, ?)"] * len(part))
                outer = _Outer(
                    f"WITH o(source_actor, target_actor) AS (VALUES {values}) ",
                    [v for pair in part for v in pair], "o", [], "1 = 1", [],
                )  # fmt: skip
            statements += self._seeks("split", outer, bounds)
        rows: list[tuple[str, str, str, int, str, int, int]] = []
        for (source, target), (low, high) in _differences(self._all_of(statements), bounds).items():
            rows += _split_rows(source, target, low, high)
        return rows

    def _seeks(self, column: str, outer: _Outer, bounds: TailBounds) -> list[tuple[str, list[Any]]]:
        """The two seeks of each pair the ``outer`` rows (``o``) name: ``column`` of its
        first row at or after the dates' first period (tagged 0) and of its first row
        past their last (tagged 1), with that row's period. A server seeks each with
        LATERAL ... LIMIT 1; SQLite with a subquery ... LIMIT 1 per outer row, its
        period and value read as one text (:func:`_differences` splits it)."""
        statements: list[tuple[str, list[Any]]] = []
        pair = "t.source_actor = o.source_actor AND t.target_actor = o.target_actor"
        for tag, bound in ((0, bounds.low), (1, bounds.high)):
            if bound is None:
                continue
            condition, value = bound
            select = (
                f"{outer.head}SELECT {tag}, o.source_actor, o.target_actor, x.period, x.{column}"
            )
            if self.remote:
                statements.append((
                    f"{select} FROM {outer.table} CROSS JOIN LATERAL (SELECT t.period,"
                    f" t.{column} FROM event_pair_tails t WHERE {pair} AND t.atleast = ?"
                    f" AND t.{condition} ORDER BY t.period LIMIT 1) x WHERE {outer.where}",
                    [*outer.head_args, *outer.table_args, bounds.atleast, value,
                     *outer.where_args],
                ))  # fmt: skip
                continue
            # one seek a pair: its first tail's period and value as one text
            statements.append((
                f"{outer.head}SELECT {tag}, o.source_actor, o.target_actor,"
                f" (SELECT t.period || ' ' || t.{column} FROM event_pair_tails t WHERE {pair}"
                f" AND t.atleast = ? AND t.{condition} ORDER BY t.period LIMIT 1)"
                f" FROM {outer.table} WHERE {outer.where}",
                [*outer.head_args, bounds.atleast, value, *outer.table_args,
                 *outer.where_args],
            ))  # fmt: skip
        return statements


def side_condition(
    sources: Sequence[str],
    targets: Sequence[str],
    seek: str | None,
    prefix: str = "",
    *,
    remote: bool = False,
) -> tuple[str, list[Any]]:
    """The condition keeping the rows (of ``event_pair_floors``' whole-store rows, grain
    0, or of ``relations``) from one of ``sources`` to one of ``targets``, and its
    arguments. With ``seek`` ("source" or "target"), that side's actors are sought in
    its index (for the pair sums, migration 30: one range of pairs an actor) and the
    other side is tested on each row, written as an expression no index serves: a
    network's next page reads the pairs from each actor it adds to any drawn, then to
    each actor it adds from any older one, where the pair index probed each pair of
    sides (14,400 probes on the fifth page of 40 actors) or, on PostgreSQL, read every
    pair of the busiest actors drawn and kept a few.

    On a server (``remote``) each list is one array: PostgreSQL then tests the side not
    sought against a hash of its actors, where a list of parameters is searched from
    end to end on each row (on the 1M-event bench store's fifth page, 12,000 rows against
    200 actors: about 40 ms of the server's CPU)."""
    source, target = f"{prefix}source_actor", f"{prefix}target_actor"
    if seek == "source":
        target = f"({target} || '')"
    elif seek == "target":
        source = f"({source} || '')"
    if remote:
        return f"{source} = ANY(?) AND {target} = ANY(?)", [list(sources), list(targets)]
    return (
        f"{source} IN ({','.join('?' * len(sources))})"
        f" AND {target} IN ({','.join('?' * len(targets))})",
        [*sources, *targets],
    )


def _difference_statement(outer: _Outer, bounds: TailBounds) -> tuple[str, list[Any]]:
    """SQLite's query of each pair's sources between the dates, one row a pair the
    ``outer`` rows name: its first tail at or after the dates' first period and before
    any past them (NULL when none: no period of the pair between), less its first tail
    past them (none: 0). The difference :func:`_differences` makes of the two seeks'
    rows, made by the query: no text a pair read back and split (on the network's fifth
    page of the 1M-event bench store, 8,433 pairs)."""
    pair = "t.source_actor = o.source_actor AND t.target_actor = o.target_actor"
    seek = (
        f"(SELECT t.sources FROM event_pair_tails t WHERE {pair} AND t.atleast = ?"
        " AND t.{condition} ORDER BY t.period LIMIT 1)"
    )
    low, low_args = seek.format(condition=bounds.low[0]), [bounds.atleast, bounds.low[1]]
    high, high_args = "0", []
    if bounds.high is not None:
        condition, value = bounds.high
        # the first period kept is before the first past them (:meth:`TailBounds.past`)
        before = "period <= ?" if condition == "period > ?" else "period < ?"
        low = seek.format(condition=f"{bounds.low[0]} AND t.{before}")
        low_args.append(value)
        high = f"COALESCE({seek.format(condition=condition)}, 0)"
        high_args = [bounds.atleast, value]
    return (
        f"{outer.head}SELECT o.source_actor, o.target_actor, {low} - {high}"
        f" FROM {outer.table} WHERE {outer.where}",
        [*outer.head_args, *low_args, *high_args, *outer.table_args, *outer.where_args],
    )


@dataclass(frozen=True)
class _Outer:
    """The rows naming the pairs to seek (``o``): a ``WITH`` before the query, the table
    and its condition, each with its arguments."""

    head: str
    head_args: list[Any]
    table: str
    table_args: list[Any]
    where: str
    where_args: list[Any]


def _differences(
    rows: list[Any], bounds: TailBounds
) -> dict[tuple[str, str], tuple[Any, Any | None]]:
    """Per pair, its first row's value at or after the dates' first period and its first
    row's past their last (None when it has none); pairs whose first row is already
    past the dates (no period between) left out."""
    low: dict[tuple[str, str], Any] = {}
    high: dict[tuple[str, str], Any] = {}
    for row in rows:
        if len(row) == 4:  # SQLite's: "period value", or NULL when the pair has none
            if row[3] is None:
                continue
            period, value = row[3].split(" ", 1)
            tag, source, target = row[0], row[1], row[2]
        else:
            tag, source, target, period, value = row
        if tag == 0 and not bounds.past(period):
            low[(source, target)] = value
        elif tag == 1:
            high[(source, target)] = value
    return {pair: (value, high.get(pair)) for pair, value in low.items()}


def _entries(split: str) -> dict[tuple[str, int, str], list[int]]:
    """A packed split read back: (type, negated, modality) -> [events, sources]."""
    out: dict[tuple[str, int, str], list[int]] = {}
    for entry in split.split(SPLIT_SEPARATOR):
        events, sources, negated, modality, type_ = entry.split(" ", 4)
        out[(type_, int(negated), modality)] = [int(events), int(sources)]
    return out


def _split_rows(
    source: str, target: str, low: str, high: str | None
) -> list[tuple[str, str, str, int, str, int, int]]:
    """The rows of one pair's split between two of its tails (``low`` less ``high``),
    kinds of no events left out, in no order (the network sums them as read; a caller
    that wants them ordered sorts them)."""
    kinds = _entries(low)
    if high is not None:
        for entry in high.split(SPLIT_SEPARATOR):
            events, sources, negated, modality, type_ = entry.split(" ", 4)
            sums = kinds[(type_, int(negated), modality)]  # a later tail's kinds are
            sums[0] -= int(events)  # among an earlier one's
            sums[1] -= int(sources)
    return [
        (source, target, kind[0], kind[1], kind[2], sums[0], sums[1])
        for kind, sums in kinds.items()
        if sums[0]
    ]
