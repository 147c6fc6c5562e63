"""Candidate pairs of article incidents given in the join's order without holding them.

:func:`~eventwire.resolve.incidents.resolve_incidents` tries the candidate pairs of its
blocks in :func:`~eventwire.resolve.incidents.pair_order`. A side that acts every day
files many reports under each (type, day, side) block, so the pairs grow with the square
of a busy day's block: 94,144 at 10,000 synthetic articles, 827,346 at 30,000, about 850
million at a million by that growth. Held as 8-byte numbers with a 2-byte tag each they
would be most of what a join of a million articles holds.

:class:`CandidatePairs` holds none of them whole. Each pair's place in the order is one
number (:class:`~eventwire.resolve.incident_pair_keys.PairKeys`: the order's leading
terms from arrays of one value per report, then the two reports' places), made a busy
block's run of rows at a time and kept only from the first day its two reports share in
that block (a pair of two week-long windows is filed under nine days). The numbers are
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
from array import array
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise
from typing import IO

import numpy as np

from eventwire.resolve.incident_pair_keys import PairKeys, Unpackable
from eventwire.resolve.incidents import Report, candidate_pairs, pair_order
from eventwire.resolve.report_table import report_ids

FLUSH = 1 << 18  # pairs of a busy block made at a time
SMALL = 64  # blocks of at most this many members take their pairs' places from a cache
BATCH = 1 << 14  # pairs numbered at a time (from one block or several)
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
        # most blocks hold two or three reports: their pairs are numbered a batch of
        # blocks at a time, not a block at a time
        firsts: list[np.ndarray] = []
        seconds: list[np.ndarray] = []
        days: list[int] = []
        lengths: list[int] = []
        batch = 0
        for day, members in _blocks(keys):
            for first, second in _block_pairs(members):
                firsts.append(first)
                seconds.append(second)
                days.append(day)
                lengths.append(len(first))
                batch += len(first)
                if batch >= BATCH:
                    self._number(firsts, seconds, days, lengths)
                    batch = 0
        self._number(firsts, seconds, days, lengths)
        pending = self.pending
        if not self.chunks:  # they fit in memory
            self.memory = _distinct(pending)
            self._held(len(self.memory))
        elif pending:
            self._write(pending)

    def _number(
        self,
        firsts: list[np.ndarray],
        seconds: list[np.ndarray],
        days: list[int],
        lengths: list[int],
    ) -> None:
        """Number a batch of blocks' pairs (the lists are emptied), each pair once per
        cell: on the first day its two reports share. A chunk's worth is written."""
        if not firsts:
            return
        first, second = np.concatenate(firsts), np.concatenate(seconds)
        day = np.repeat(np.array(days, dtype=np.int64), lengths)
        for held in (firsts, seconds, days, lengths):
            held.clear()
        keep = np.maximum(self.keys.low[first], self.keys.low[second]) == day
        first, second = first[keep], second[keep]
        del keep, day
        # numbered a slice at a time: numbering holds about twenty arrays as long as
        # the pairs it numbers (a busy block's piece is up to ``FLUSH`` pairs)
        for start in range(0, len(first), BATCH):
            part = slice(start, start + BATCH)
            self.pending.append(self.keys.values(first[part], second[part]))
        self.size += len(first)
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


def _block_pairs(members: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The pairs of one block's ``members`` (places, ascending) as two arrays of places,
    the first below the second, at most about :data:`FLUSH` at a time: a busy day's block
    of a side that acts daily holds thousands of reports (3,000 make 4.5 million pairs).
    A block of fewer pairs is made at once; a busy one a run of rows at a time (the pairs
    of its first members with every later one)."""
    size = len(members)
    if size * (size - 1) // 2 <= FLUSH:
        # filed in index order: i < j
        first, second = _upper(size) if size <= SMALL else np.triu_indices(size, 1)
        yield members[first], members[second]
        return
    row = 0
    while row < size - 1:
        end, count = row + 1, size - 1 - row  # rows row .. end - 1, their pairs
        while end < size - 1 and count + size - 1 - end <= FLUSH:
            count += size - 1 - end
            end += 1
        lengths = size - 1 - np.arange(row, end)
        first = np.repeat(np.arange(row, end), lengths)
        # each row's partners run from the member after it to the last
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        second = np.arange(count) - starts + first + 1
        del starts
        yield members[first], members[second]
        row = end


@cache
def _upper(size: int) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of places of a block of ``size`` members (at most :data:`SMALL`, about
    0.7 MB for all), in index order (i < j): most blocks hold two or three reports, and
    ``triu_indices`` costs more than their pairs."""
    return np.triu_indices(size, 1)


def _blocks(keys: PairKeys) -> Iterator[tuple[int, np.ndarray]]:
    """The day and the members (places, ascending) of each block of
    :func:`candidate_blocks` that holds two reports or more, in no set order. Each filing
    is a block (its family and cell numbered once, and its day) beside the report's
    place, kept as 4-byte numbers (:attr:`PairKeys.filed`, let go here) and sorted once as
    one 8-byte number each (:func:`_packed`): a block's members are then in place order.
    Filings grow with the store (every day of every report's window, for each of its
    cells): this holds 12 bytes a filing, at most 20 while they are packed."""
    if keys.filed is None:
        return
    codes, days, places = keys.filed
    keys.filed = None
    if not places:
        return
    filed = _packed(codes, days, places)
    if filed is None:  # too many cells, days or reports for one number: sort by an index
        yield from _blocks_by_index(codes, days, places)
        return
    del codes, days, places
    packed, bits, day_bits, first_day = filed
    packed.sort()
    block = packed >> np.uint64(bits)
    starts = np.flatnonzero(np.r_[True, block[1:] != block[:-1]])
    sizes = np.diff(np.r_[starts, len(packed)])
    busy = np.flatnonzero(sizes > 1)
    day_of = ((block[starts[busy]] & np.uint64((1 << day_bits) - 1)).astype(np.int64)
              + first_day).tolist()  # fmt: skip
    del block
    low = np.uint64((1 << bits) - 1)
    for at, day in zip(busy.tolist(), day_of, strict=True):
        start = int(starts[at])
        yield day, (packed[start : start + int(sizes[at])] & low).astype(np.int64)


def _packed(
    codes: array[int], days: array[int], places: array[int]
) -> tuple[np.ndarray, int, int, int] | None:
    """Each filing as one number, its block (cell, then day) in the upper bits and the
    report's place in the lower ones; with the lower ones' width, the day's width and the
    first day; None when they do not fit 64 bits. Made a step at a time into one array,
    so the three are not copied whole as 8-byte arrays beside it."""
    code = np.frombuffer(codes, dtype=np.int32)
    day = np.frombuffer(days, dtype=np.int32)
    place = np.frombuffer(places, dtype=np.int32)
    first = int(day.min())
    day_bits = max((int(day.max()) - first).bit_length(), 1)
    place_bits = max(int(place.max()).bit_length(), 1)
    if int(code.max()).bit_length() + day_bits + place_bits > 64:
        return None
    packed = np.empty(len(place), dtype=np.uint64)
    for start in range(0, len(place), STEP):
        part = slice(start, start + STEP)
        block = (code[part].astype(np.uint64) << np.uint64(day_bits)) | (day[part] - first).astype(
            np.uint64
        )
        packed[part] = (block << np.uint64(place_bits)) | place[part].astype(np.uint64)
    return packed, place_bits, day_bits, first


def _blocks_by_index(
    codes: array[int], days: array[int], places: array[int]
) -> Iterator[tuple[int, np.ndarray]]:
    """:func:`_blocks` for filings that do not fit one number: sorted by block through an
    index (stably, so a block's members stay in place order)."""
    day = np.frombuffer(days, dtype=np.int32).astype(np.int64)
    key = (np.frombuffer(codes, dtype=np.int32).astype(np.int64) << 32) | (day - int(day.min()))
    order = np.argsort(key, kind="stable")
    key = key[order]
    place = np.frombuffer(places, dtype=np.int32)[order].astype(np.int64)
    del order
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    first = int(day.min())
    for at in np.flatnonzero(sizes > 1).tolist():
        start = int(starts[at])
        yield int(key[start] & 0xFFFFFFFF) + first, place[start : start + int(sizes[at])]


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
