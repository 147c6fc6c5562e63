"""The incident join's pair order as numbers, from arrays of one value per report.

:func:`~eventwire.resolve.incident_pairs.pair_order` ranks a candidate pair by terms of
its two reports: both dated in one town (or with one toll of one day, or one exchange
across a line), a toll risen from the other's figure, shared sides, one town, one type,
both dated, the gap between their windows, then their ids. Every term but the exchange
across a line and the risen toll (asked of the few pairs that may hold them) is a
comparison of one value per report (a town's number, a type's, a day's, a window's ends)
or, for the shared sides and the toll, a count over two short sorted lists; so
:class:`PairKeys` reads each report once into arrays and gives the order of a batch of
pairs as one 64-bit number each (the leading terms in the upper bits, the two reports'
places in the lower ones), with numpy, where the join made a tuple per pair in Python. For reports sorted by id the numbers sort as the tuples do.

The same arrays say whether two reports are a candidate pair at all (a cell in common
and days that meet, as :func:`~eventwire.resolve.incident_pairs.filings` files them),
which the join asks of the members of two clusters
(:meth:`~eventwire.resolve.incident_blocks.CandidatePairs.compared`).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import repeat

import numpy as np

from eventwire.resolve.doc_incidents import town_of
from eventwire.resolve.incident_lines import across_line, doer_state
from eventwire.resolve.incident_pairs import DAY_SLACK, filings
from eventwire.resolve.incident_reports import Report
from eventwire.resolve.incident_tolls import risen_toll, toll_cells
from eventwire.resolve.report_table import report_rows

GAP_BITS = (2 * DAY_SLACK).bit_length()  # two reports of one block are at most this apart


class Unpackable(ValueError):
    """The reports' places and the order's terms do not fit one 64-bit number a pair."""


class PairKeys:
    """What the pair order and the blocking read of each report, one array entry each.

    Held for the whole join: about 60 bytes a report and 12 a side or cell it is filed
    under (the filings themselves, a cell and a report each, are handed to the blocks and
    let go: :attr:`filed`)."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.reports = reports
        size = len(reports)
        self.place_bits = max(size - 1, 1).bit_length()
        types: dict[str, int] = {}
        towns: dict[str, int] = {}
        days: dict[str, int] = {}
        sides: dict[str, int] = {}
        tolls: dict[str, int] = {}
        dated, town, kind, day, line = (array("b"), array("i"), array("i"), array("i"),
                                        array("b"))  # fmt: skip
        risen = array("b")
        start, end = array("i"), array("i")
        named_at, named = array("q", [0]), array("i")
        toll_at, toll = array("q", [0]), array("i")
        for r in report_rows(reports):  # read as rows, not made one by one
            here = town_of(r.place)
            dated.append(bool(r.day))
            town.append(towns.setdefault(here.id, len(towns)) if here else -1)
            kind.append(types.setdefault(r.type, len(types)))
            day.append(days.setdefault(r.day, len(days)) if r.day else -1)
            # a report that may be one end of an exchange across a line (``across_line``)
            line.append(bool(r.day and here is not None and doer_state(r) is not None))
            risen.append(bool(r.day and r.risen))  # a risen toll (``risen_toll``)
            w = r.window()
            start.append(w[0] if w else 0)
            end.append(w[1] if w else 0)
            named.extend(sorted(sides.setdefault(s, len(sides)) for s in r.named))
            named_at.append(len(named))
            # its toll's cells: one toll of two kinds that two reports of one day share
            # (``incident_tolls.same_toll``)
            toll.extend(sorted({tolls.setdefault(c, len(tolls)) for c in toll_cells(r)}))
            toll_at.append(len(toll))
        self.dated = np.frombuffer(dated, dtype=np.int8).astype(bool)
        self.town = np.frombuffer(town, dtype=np.int32)
        self.type = np.frombuffer(kind, dtype=np.int32)
        self.day = np.frombuffer(day, dtype=np.int32)
        self.line = np.frombuffer(line, dtype=np.int8).astype(bool)
        self.risen = np.frombuffer(risen, dtype=np.int8).astype(bool)
        self.start = np.frombuffer(start, dtype=np.int32)
        self.end = np.frombuffer(end, dtype=np.int32)
        self.named = _Lists(named_at, named)
        self.toll = _Lists(toll_at, toll)
        self.tolled = np.diff(self.toll.at) > 0  # gives a toll of two kinds (most do not)
        most = int(np.diff(self.named.at).max()) if size else 0
        self.shared_bits = max(most.bit_length(), 1)
        self.most_shared = most
        self.key_bits = 2 + self.shared_bits + 3 + GAP_BITS
        if self.key_bits + 2 * self.place_bits > 64:
            raise Unpackable(f"{size} reports and {most} sides do not fit a 64-bit pair")
        # the blocks each report is filed under: its cells (numbered with their family)
        # over its days (its window and a day either side)
        cells: dict[tuple[str, str], int] = {}
        self.low = np.full(size, 1, dtype=np.int32)  # no days: filed nowhere
        self.high = np.zeros(size, dtype=np.int32)
        cell_at, cell = array("q", [0]), array("i")
        # one filing a cell of a report (a report is filed under every day of its span,
        # ``low`` to ``high``: the days are not filed one by one)
        codes, places = array("i"), array("i")
        last = 0
        for n, family, span, named_cells in filings(reports):
            for _ in range(last, n):
                cell_at.append(len(cell))
            numbers = [cells.setdefault((family, c), len(cells)) for c in named_cells]
            cell.extend(sorted(set(numbers)))
            cell_at.append(len(cell))
            last = n + 1
            self.low[n], self.high[n] = span.start, span.stop - 1
            codes.extend(numbers)
            places.extend(repeat(n, len(numbers)))
        for _ in range(last, size):
            cell_at.append(len(cell))
        self.cells = _Lists(cell_at, cell)
        self.filed: tuple[array[int], array[int]] | None = (codes, places)

    def values(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The order of the candidate pairs ``(i[k], j[k])`` (places, i < j) as numbers
        that sort as :func:`~eventwire.resolve.incident_pairs.pair_order` does."""
        i, j = i.astype(np.int64), j.astype(np.int64)
        town_i = self.town[i]
        same_town = (town_i >= 0) & (town_i == self.town[j])
        both = self.dated[i] & self.dated[j]
        same_type = self.type[i] == self.type[j]
        same_day = both & (self.day[i] == self.day[j])
        first = both & same_town
        # one toll of two kinds on one stated day (``same_toll``): both below the
        # country (``toll_cells`` gives no cell otherwise), one type
        toll = same_day & same_type & ~first & self.tolled[i] & self.tolled[j]
        if toll.any():
            first[toll] = self.toll.shared(i[toll], j[toll]) > 0
        # an exchange across a line: rare, and its towns' distance is worked out as
        # ``across_line`` works it out, so it is asked of the few pairs it may hold
        maybe = same_day & ~first & self.line[i] & self.line[j] & same_type
        for k in np.flatnonzero(maybe).tolist():
            first[k] = across_line(self.reports[int(i[k])], self.reports[int(j[k])])
        # a toll risen from the other's figure on one stated day (``risen_toll``): asked
        # of the few pairs where one report gives a risen toll
        rise = np.zeros(len(i), dtype=bool)
        for k in np.flatnonzero(same_day & (self.risen[i] | self.risen[j])).tolist():
            rise[k] = risen_toll(self.reports[int(i[k])], self.reports[int(j[k])])
        shared = self.named.shared(i, j)
        gap = np.maximum(0, np.maximum(self.start[i] - self.end[j], self.start[j] - self.end[i]))
        if len(gap) and int(gap.max()) >= 1 << GAP_BITS:
            raise Unpackable("two reports of one block lie further apart than the slack")
        key = (~first).astype(np.uint64)
        key = (key << np.uint64(1)) | (~rise).astype(np.uint64)
        key = (key << np.uint64(self.shared_bits)) | (self.most_shared - shared).astype(np.uint64)
        key = (key << np.uint64(1)) | (~same_town).astype(np.uint64)
        key = (key << np.uint64(1)) | (~same_type).astype(np.uint64)
        key = (key << np.uint64(1)) | (~both).astype(np.uint64)
        key = (key << np.uint64(GAP_BITS)) | gap.astype(np.uint64)
        bits = np.uint64(self.place_bits)
        return (((key << bits) | i.astype(np.uint64)) << bits) | j.astype(np.uint64)

    def places(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The two places of each pair of :meth:`values`."""
        bits = np.uint64(self.place_bits)
        low = np.uint64((1 << self.place_bits) - 1)
        return (values >> bits) & low, values & low

    def candidates(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Which pairs ``(i[k], j[k])`` share a block: a cell of one family on a day both
        are filed under (a report filed nowhere has no days)."""
        meet = np.maximum(self.low[i], self.low[j]) <= np.minimum(self.high[i], self.high[j])
        found = np.zeros(len(i), dtype=bool)
        if meet.any():
            found[meet] = self.cells.shared(i[meet], j[meet]) > 0
        return found


class _Lists:
    """A short sorted list of numbers per report, as one array and its offsets; the
    pairs (report, number) also as one sorted array of 8-byte numbers, to look up."""

    def __init__(self, at: array[int], values: array[int]) -> None:
        self.at = np.frombuffer(at, dtype=np.int64)
        self.values = np.frombuffer(values, dtype=np.int32)
        owner = np.repeat(np.arange(len(self.at) - 1, dtype=np.int64), np.diff(self.at))
        # ascending: by report, then value
        self.keys = (owner << np.int64(32)) | self.values.astype(np.int64)

    def shared(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """How many numbers the lists of ``i[k]`` and ``j[k]`` have in common."""
        counts = self.at[i + 1] - self.at[i]
        total = int(counts.sum())
        if not total:
            return np.zeros(len(i), dtype=np.int64)
        pair = np.repeat(np.arange(len(i)), counts)
        offset = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        probe = (j.astype(np.int64)[pair] << np.int64(32)) | self.values[
            self.at[i][pair] + offset
        ].astype(np.int64)
        at = np.searchsorted(self.keys, probe)
        at[at == len(self.keys)] = 0
        hit = self.keys[at] == probe
        return np.bincount(pair[hit], minlength=len(i))
