"""The candidate pairs of the incident join: which reports are compared, in what order.

Two reports can join only when they share a named side or lie in one town, on days that
meet, so each report is filed under (family, day, side) and (family, day, town) blocks on
every day of its window; the pairs of a block are the only ones the join tries, in
:func:`pair_order` (:mod:`~eventwire.resolve.incident_blocks` holds them compactly).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from eventwire.resolve.doc_incidents import (
    town_of,
)
from eventwire.resolve.incident_lines import across_line, line_cell
from eventwire.resolve.incident_reports import Report
from eventwire.resolve.incident_tolls import risen_toll, same_toll, toll_cells
from eventwire.resolve.incident_undated import (
    files_nowhere,
)
from eventwire.resolve.offices import (
    parent_side,
)
from eventwire.resolve.report_table import report_rows

MAX_WINDOW = 31  # days: a report dated more vaguely than a month is not merged
DAY_SLACK = 1  # reports of one day may give the day before or after


def window_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two windows (0 when they overlap)."""
    return max(0, a[0] - b[1], b[0] - a[1])


def candidate_pairs(incs: Sequence[Report]) -> list[tuple[int, int]]:
    """Pairs that may be compatible, found by blocking: two reports can join only when they
    share a named side, or lie in the same town (see :func:`~eventwire.resolve.incidents.veto`), so each is filed under
    (family, day, side) for its sides and (family, day, town) for its town, on every day of its
    window and one day either side. An undated report with no place below its country and no
    site joins nothing
    (:func:`~eventwire.resolve.incident_undated.files_nowhere`) and is filed nowhere; so is
    a report of a period or a campaign
    (:func:`~eventwire.resolve.incident_period.tells_a_period`)."""
    pairs: set[tuple[int, int]] = set()
    for members in candidate_blocks(incs).values():
        pairs.update(combinations(members, 2))  # filed in index order: i < j
    return sorted(pairs)


def candidate_blocks(incs: Sequence[Report]) -> dict[tuple[str, int, str], list[int]]:
    """The blocks of :func:`candidate_pairs`: each holds the reports filed under it, in
    index order."""
    blocks: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for n, kind, days, cells in filings(incs):
        for day in days:
            for cell in cells:
                blocks[(kind, day, cell)].append(n)
    return blocks


def filings(incs: Sequence[Report]) -> Iterator[tuple[int, str, range, list[str]]]:
    """Where each report is filed, in index order: its place ``n``, its family, the days
    and the cells (its sides, its town) of its blocks (``(family, day, cell)`` for every
    day and cell). A whole-store join files its reports under many blocks, most of them
    holding one report; :mod:`~eventwire.resolve.incident_blocks` keeps the filings as
    numbers rather than as a dictionary of blocks. A table's reports are read as rows
    (:func:`~eventwire.resolve.report_table.report_rows`), not made one by one."""
    for n, inc in enumerate(report_rows(incs)):
        w = inc.window()
        if w is None or w[1] - w[0] > MAX_WINDOW or files_nowhere(inc) or inc.period:
            continue
        cells = sorted(inc.named | {parent_side(k) for k in inc.named})
        if town := town_of(inc.place):
            cells.append("town:" + town.id)
        if line := line_cell(inc):
            cells.append(line)  # one state's fire on a town of another (``across_line``)
        cells += toll_cells(inc)  # one toll of one day (``incident_tolls.same_toll``)
        yield n, inc.kind, range(w[0] - DAY_SLACK, w[1] + DAY_SLACK + 1), cells


def pair_order(a: Report, b: Report) -> tuple[object, ...]:
    """The order candidate pairs are tried in: two reports that both state their day and
    share the act's own evidence first (one town, or one toll of two kinds on that day,
    :func:`~eventwire.resolve.incident_tolls.same_toll`, or one exchange across a frontier
    told by each side, ``across_line``), then a report of a toll risen from the other's
    figure on that day (:func:`~eventwire.resolve.incident_tolls.risen_toll`), then more
    shared sides, the same town, one type,
    both dated to the day, closer dates, then ids (so the result never depends on input
    order). A town and a day both reports state, or "three killed and one wounded" both
    give of one day, are the act's own evidence; a side shared with a report dated only by
    its week or its publication ("the group fired 40 shells over the weekend"), or with an
    article's other report of another act, is weaker, and joined first it kept out of the
    cluster that report's sibling telling the day's act ("shells hit the market on
    Sunday"), as one article's reports never join."""
    ta, tb = town_of(a.place), town_of(b.place)
    wa, wb = a.window(), b.window()
    same_town = bool(ta and tb and ta.id == tb.id)
    return (
        not (a.day and b.day and (same_town or same_toll(a, b) or across_line(a, b))),
        not risen_toll(a, b),
        -len(a.named & b.named),
        not same_town,
        a.type != b.type,  # two reports of one type before one of a compatible type
        not (a.day and b.day),  # two reports that state their day before an undated one
        window_gap(wa, wb) if wa and wb else 99,
        a.id,
        b.id,
    )
