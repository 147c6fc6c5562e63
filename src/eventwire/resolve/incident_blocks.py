"""Candidate pairs of article incidents given in the join's order without holding them.

:func:`~eventwire.resolve.incidents.resolve_incidents` tries the candidate pairs of its
blocks in :func:`~eventwire.resolve.incidents.pair_order`. A side that acts every day
files many reports under each (type, day, side) block, so the pairs grow with the square
of a busy day's block: 94,144 at 10,000 synthetic articles, 827,346 at 30,000, about 850
million at a million by that growth. Held as 8-byte numbers with a 2-byte tag each they
would be most of what a join of a million articles holds.

:class:`CandidatePairs` holds none of them whole. Each pair's place in the order is one
number (:class:`~eventwire.resolve.incident_pair_keys.PairKeys`: the order's leading
terms from arrays of one value per report, then the two reports' places), made at most
about :data:`FLUSH` at a time, once per cell the two reports share on days that meet (a
pair of two week-long windows shares nine days of one cell: :func:`_cell_pairs` files a
report once a cell, with its span, not once a day). The numbers are
sorted a chunk at a time (:data:`CHUNK`) and written to a temporary file, counting them
by their upper bits as they go; the order is then given a run of those counts at a time
(:data:`RUN` numbers), each run read from every chunk (they are sorted: a binary search
finds its part), sorted and made distinct (a pair two reports share under two cells
appears twice). So the join holds at most a chunk or a run of pairs, whatever the store's
size; a store whose pairs fit one chunk never writes them.

Whether two clusters were already compared (:meth:`CandidatePairs.compared`) is worked
out from the same arrays: a pair between their members that shares a block (a cell on
days that meet) and comes before the pair being tried in :func:`pair_order` (few pairs
as a rule: their tuples are compared, not numbered).

When the reports are not sorted by id, or do not fit the numbers, the pairs are sorted
as :func:`resolve_incidents` would and held.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import IO

import numpy as np

from eventwire.resolve.incident_pair_keys import PairKeys, Unpackable
from eventwire.resolve.incidents import Report, candidate_pairs, pair_order
from eventwire.resolve.report_table import report_ids

FLUSH = 1 << 18  # pairs made at a time (from one cell or several)
BATCH = 1 << 14  # pairs numbered at a time
CHUNK = 1 << 19  # pair numbers sorted in memory before they are written (4 MB)
RUN = 1 << 19  # pair numbers read back, sorted and given at a time, at most about
STEP = 1 << 16  # pairs turned into Python numbers at a time
COUNT_BITS = 16  # the pair numbers are counted by this many upper bits, to plan the runs


def ordered_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """The candidate pairs of ``reports`` (sorted by id) in :func:`pair_order`."""
    return CandidatePairs().ordered(reports)


class CandidatePairs:
    """The candidate pairs of one join, given in :func:`pair_order` (:meth:`ordered`, the
    ``ordered_pairs`` of :func:`~eventwire.resolve.incidents.resolve_incidents`) and
    asked about while it runs (:meth:`compared`, its ``compared``).

    The join remembered every pair of clusters a veto kept apart, so as not to compare
    them again: on a busy day that is most pairs of the day's block. Whether two clusters
    were already compared follows from the order itself: every candidate pair tried
    between them found them apart (one that did not joined them), so they were when one
    of their candidate pairs comes before the pair being tried.

    After :meth:`ordered` has given every pair, :attr:`count` is how many it gave,
    :attr:`held` the most bytes of pair numbers it held at once and :attr:`written`
    the bytes it wrote to its temporary file."""

    def __init__(self) -> None:
        self.keys: PairKeys | None = None
        self.loose: dict[tuple[int, int], int] = {}  # pair -> rank, when not numbered
        self.count = self.held = self.written = 0

    def ordered(self, reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
        """The candidate pairs of ``reports`` (sorted by id) in :func:`pair_order`."""
        self.count = self.held = self.written = 0
        keys = None
        if all(a < b for a, b in pairwise(report_ids(reports))):  # reports not made
            try:
                keys = PairKeys(reports)
            except Unpackable:
                keys = None
        if keys is None:
            yield from self._loose(reports)
            return
        try:
            numbers = _Numbers(keys, self)
        except Unpackable:
            yield from self._loose(reports)
            return
        self.keys = keys
        try:
            for part in numbers.runs():
                self.count += len(part)
                for start in range(0, len(part), STEP):
                    first, second = keys.places(part[start : start + STEP])
                    yield from zip(first.tolist(), second.tolist(), strict=True)
        finally:
            numbers.close()
            # every pair was tried: nothing asks about them any more
            self.keys = None

    def _loose(self, reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
        ordered = _sorted(reports)
        self.loose = {p: n for n, p in enumerate(ordered)}
        self.count = len(ordered)
        yield from ordered
        self.loose = {}

    def compared(self, a: Sequence[int], b: Sequence[int], i: int, j: int) -> bool:
        """Whether a candidate pair between reports ``a`` and reports ``b`` (two clusters)
        comes before the pair ``(i, j)`` in :func:`pair_order`."""
        if self.keys is None:
            now = self.loose.get((i, j), len(self.loose))
            return any(self.loose.get((min(x, y), max(x, y)), now) < now for x in a for y in b)
        keys, reports = self.keys, self.keys.reports
        xs, ys = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
        low = np.minimum.outer(xs, ys).ravel()
        high = np.maximum.outer(xs, ys).ravel()
        found = keys.candidates(low, high)
        if not found.any():
            return False
        # few pairs as a rule: their order's tuples cost less than numbering them
        tried = pair_order(reports[i], reports[j])
        pairs = zip(low[found].tolist(), high[found].tolist(), strict=True)
        return any(pair_order(reports[x], reports[y]) < tried for x, y in pairs)


class _Numbers:
    """The candidate pairs of :class:`PairKeys`'s reports as sorted numbers, in memory
    when they fit one :data:`CHUNK`, else in sorted chunks of a temporary file."""

    def __init__(self, keys: PairKeys, stats: CandidatePairs) -> None:
        self.stats = stats
        self.file: IO[bytes] | None = None
        self.chunks: list[tuple[int, int]] = []  # (first number, how many) in the file
        self.total_bits = keys.key_bits + 2 * keys.place_bits
        self.shift = np.uint64(max(self.total_bits - COUNT_BITS, 0))
        self.counts = np.zeros(1 << min(COUNT_BITS, self.total_bits), dtype=np.int64)
        self.memory: np.ndarray | None = None
        self.keys = keys
        self.pending: list[np.ndarray] = []
        self.size = 0
        for first, second in _cell_pairs(keys):
            self._number(first, second)
        pending = self.pending
        if not self.chunks:  # they fit in memory
            self.memory = _distinct(pending)
            self._held(len(self.memory))
        elif pending:
            self._write(pending)

    def _number(self, first: np.ndarray, second: np.ndarray) -> None:
        """Number a piece of pairs (places, ``first`` below ``second``); a chunk's worth is
        written as soon as it is pending (a piece of up to ``FLUSH`` pairs may hold more)."""
        # numbered a slice at a time: numbering holds about twenty arrays as long as
        # the pairs it numbers
        for start in range(0, len(first), BATCH):
            part = slice(start, start + BATCH)
            self.pending.append(self.keys.values(first[part], second[part]))
            self.size += len(self.pending[-1])
            if self.size >= CHUNK:
                self._write(self.pending)
                self.size = 0

    def _held(self, numbers: int) -> None:
        self.stats.held = max(self.stats.held, numbers * 8)

    def _write(self, pending: list[np.ndarray]) -> None:
        """Sort the pending numbers, count them and append them to the file as a chunk."""
        self._held(sum(len(p) for p in pending))
        part = _distinct(pending)
        self.counts += np.bincount((part >> self.shift).astype(np.int64),
                                   minlength=len(self.counts))  # fmt: skip
        if self.file is None:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        offset = sum(n for _, n in self.chunks)
        self.file.write(part.data)
        self.chunks.append((offset, len(part)))
        self.stats.written += part.nbytes

    def runs(self) -> Iterator[np.ndarray]:
        """The numbers in ascending order, each once, a run at a time."""
        if self.memory is not None:
            part, self.memory = self.memory, None
            yield part
            return
        if self.file is None:
            return
        self.file.flush()
        fd = self.file.fileno()
        # where each chunk's next run starts: runs are consecutive, so a run's part of a
        # chunk ends where the next one's begins (read with ``pread``: a memory map's
        # binary search paged whole chunks into the process's resident memory)
        done = [0] * len(self.chunks)
        for _low, high in self._bounds():
            parts = []
            for k, (offset, size) in enumerate(self.chunks):
                start = done[k]
                end = size if high is None else _first_at_least(fd, offset, start, size, high)
                if end > start:
                    parts.append(_read(fd, offset + start, end - start))
                done[k] = end
            if parts:
                self._held(sum(len(p) for p in parts))
                yield _distinct(parts)

    def _bounds(self) -> Iterator[tuple[int, int | None]]:
        """Runs of consecutive counts of at most :data:`RUN` numbers (a count of more is
        a run of its own), as bounds of the numbers: from ``low``, below ``high``."""
        counts = self.counts.tolist()
        shift = int(self.shift)
        low = 0
        while low < len(counts):
            high, held = low + 1, counts[low]
            while high < len(counts) and held + counts[high] <= RUN:
                held += counts[high]
                high += 1
            yield low << shift, (high << shift if high < len(counts) else None)
            low = high

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.memory = None


def _first_at_least(fd: int, offset: int, low: int, high: int, value: int) -> int:
    """The first place in ``low`` .. ``high`` of a sorted chunk of 8-byte numbers starting
    at number ``offset`` of file ``fd`` whose number is at least ``value`` (``high`` when
    none is), by binary search."""
    while low < high:
        middle = (low + high) // 2
        found = int.from_bytes(os.pread(fd, 8, (offset + middle) * 8), sys.byteorder)
        if found < value:
            low = middle + 1
        else:
            high = middle
    return low


def _read(fd: int, offset: int, count: int) -> np.ndarray:
    """``count`` 8-byte numbers of file ``fd`` from number ``offset``."""
    out = np.empty(count, dtype=np.uint64)
    view = out.data.cast("B")
    done = 0
    while done < len(view):
        got = os.preadv(fd, [view[done:]], offset * 8 + done)
        if got <= 0:
            raise OSError("the candidate pairs' file ended early")
        done += got
    return out


def _cell_pairs(keys: PairKeys) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The candidate pairs of :class:`PairKeys`'s reports as two arrays of places, the
    first below the second, at most about :data:`FLUSH` at a time (more only when one
    filing has more partners), each pair once per cell the two share.

    A report is filed under each of its cells on every day of its span (``low`` to
    ``high``: its window and a day either side), and a block (a cell on a day) pairs its
    members; two reports of one cell share a block when their spans meet, and a pair is
    kept from the first day they share. So the pairs of a cell are those of its filings
    whose spans meet, found without filing a report day by day: the filings
    (:attr:`PairKeys.filed`, a cell and a report each, let go here) are sorted by cell,
    then first day, and a filing's partners are the later ones of its cell whose first
    day is no later than its last. A busy day's block of a side that acts daily holds
    thousands of reports (3,000 make 4.5 million pairs); this holds about 20 bytes a
    filing while the pairs are made, where filing every day held 12 to 20 bytes a filing
    and day."""
    if keys.filed is None:
        return
    codes, places = keys.filed
    keys.filed = None
    if not places:
        return
    code = np.frombuffer(codes, dtype=np.int32)
    place = np.frombuffer(places, dtype=np.int32)
    low, high = keys.low[place], keys.high[place]
    order = np.lexsort((place, low, code))  # by cell, then first day, then place
    del codes, places
    place, first_day = place[order], int(low.min())
    # each filing's cell and first day (from), and its cell and last day (to) as numbers
    cell = code[order].astype(np.int64) << np.int64(32)
    since = cell | (low[order] - first_day).astype(np.int64)
    until = cell | (high[order] - first_day).astype(np.int64)
    del code, low, high, order, cell
    ends = np.searchsorted(since, until, side="right")
    del since, until
    counts = ends - np.arange(1, len(ends) + 1)
    del ends
    total = np.cumsum(counts)
    size, row, done = len(counts), 0, 0
    while row < size:
        # filings row .. end - 1, at most FLUSH partners between them (one at least)
        end = max(int(np.searchsorted(total, done + FLUSH, side="right")), row + 1)
        count = counts[row:end]
        made = int(total[end - 1]) - done
        done += made
        if made:
            rows = np.repeat(np.arange(row, end), count)
            # each filing's partners run from the filing after it
            starts = np.repeat(np.cumsum(count) - count, count)
            partner = np.arange(made) - starts + rows + 1
            del starts
            a, b = place[rows], place[partner]
            del rows, partner
            yield np.minimum(a, b), np.maximum(a, b)
        row = end


def _distinct(chunks: list[np.ndarray]) -> np.ndarray:
    """The numbers of ``chunks`` sorted, each once; ``chunks`` is emptied as they are put
    together, so they are not held twice. (``np.unique`` hashes them first: several
    times slower on millions of numbers.)"""
    if not chunks:
        return np.empty(0, dtype=np.uint64)
    values = np.concatenate(chunks) if len(chunks) > 1 else chunks[0]
    chunks.clear()
    values.sort()
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _sorted(reports: Sequence[Report]) -> list[tuple[int, int]]:
    """The candidate pairs sorted by :func:`pair_order`, as the join sorts them without
    this module (and as it did before it)."""
    pairs = candidate_pairs(reports)
    pairs.sort(key=lambda p: pair_order(reports[p[0]], reports[p[1]]))
    return pairs
