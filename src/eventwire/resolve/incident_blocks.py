"""Candidate pairs of article incidents held compactly, for stores of many reports.

:func:`~eventwire.resolve.incidents.resolve_incidents` tries the candidate pairs of its
blocks in :func:`~eventwire.resolve.incidents.pair_order`. A side that acts every day
files many reports under each (type, day, side) block, so the pairs grow with the square
of a block: as a set of tuples sorted by a tuple key each, they were most of what a
resolution of 100,000 articles held at its peak. :func:`ordered_pairs` gives the same
pairs in the same order from 8-byte integers (one report's place in the upper bits, the
other's in the lower) and one small tag per pair for the order's leading terms.

The order's last terms are the two reports' ids, and the reports are sorted by id, so
among pairs of one tag the order is that of their places: a stable sort by tag of the
pairs in place order is the whole order. When that does not hold (ids out of order, an
order that does not end with the ids, too many reports or tags) the pairs are sorted as
:func:`resolve_incidents` would.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import pairwise, repeat

import numpy as np

from eventwire.resolve.incident_pairs import filings
from eventwire.resolve.incidents import Report, candidate_pairs, pair_order

BITS = 28  # a report's place in a pair: up to 268 million reports
LOW = (1 << BITS) - 1
FLUSH = 1 << 18  # pairs gathered before repeats are dropped, at least
SHARE = 4  # ... or this fraction of the distinct pairs found so far
_NONE = np.empty(0, dtype=np.uint64)
STEP = 1 << 16  # pairs turned into Python numbers at a time
# pairs of consecutive tags given from one scan of the tags, at least: the join holds
# their index (8 bytes each, 24 while it is sorted) while it tries them
RUN = 1 << 18
RUNS = 16  # ... or this fraction of the pairs: about this many scans in all


def ordered_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """The candidate pairs of ``reports`` (sorted by id) in :func:`pair_order`."""
    return CandidatePairs().ordered(reports)


class CandidatePairs:
    """The candidate pairs of one join, given in :func:`pair_order` (:meth:`ordered`, the
    ``ordered_pairs`` of :func:`~eventwire.resolve.incidents.resolve_incidents`) and
    asked about while it runs (:meth:`compared`, its ``compared``).

    The join remembered every pair of clusters a veto kept apart, so as not to compare
    them again: on a busy day that is most pairs of the day's block, several times the
    pairs' own size. Whether two clusters were already compared follows from the pairs
    themselves: every candidate pair tried between them found them apart (one that did
    not joined them), so they were when one of their candidate pairs comes before the
    pair being tried. That takes the pairs this class holds anyway (8 bytes each)."""

    def __init__(self) -> None:
        self.reports: Sequence[Report] = ()
        self.pairs = np.empty(0, dtype=np.uint64)  # ascending, as ``i << BITS | j``
        self.loose: set[tuple[int, int]] = set()  # only when the reports are too many to pack

    def ordered(self, reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
        """The candidate pairs of ``reports`` (sorted by id) in :func:`pair_order`."""
        self.reports = reports
        if len(reports) > LOW:
            ordered = _sorted(reports)
            self.loose = set(ordered)
            yield from ordered
            return
        self.pairs = pairs = _pairs(reports)
        if any(a.id > b.id for a, b in pairwise(reports)):
            yield from _sorted(reports)
        else:
            yield from _in_order(reports, pairs)
        # every pair was tried: nothing asks about them any more, and the join goes on
        # to build its incidents
        del pairs
        self.pairs, self.reports = np.empty(0, dtype=np.uint64), ()

    def compared(self, a: Sequence[int], b: Sequence[int], i: int, j: int) -> bool:
        """Whether a candidate pair between reports ``a`` and reports ``b`` (two clusters)
        comes before the pair ``(i, j)`` in :func:`pair_order`."""
        reports = self.reports
        if self.loose:
            found = [(min(x, y), max(x, y)) for x in a for y in b]
            found = [p for p in found if p in self.loose]
        else:
            xs, ys = np.asarray(a, dtype=np.uint64), np.asarray(b, dtype=np.uint64)
            low, high = np.minimum.outer(xs, ys).ravel(), np.maximum.outer(xs, ys).ravel()
            packed = (low << np.uint64(BITS)) | high
            at = np.searchsorted(self.pairs, packed)
            at[at == len(self.pairs)] = 0
            hit = self.pairs[at] == packed if len(self.pairs) else np.zeros(len(packed), bool)
            found = list(zip(low[hit].tolist(), high[hit].tolist(), strict=True))
        if not found:
            return False
        now = pair_order(reports[i], reports[j])
        return any(pair_order(reports[x], reports[y]) < now for x, y in found)


def _in_order(reports: Sequence[Report], pairs: np.ndarray) -> Iterator[tuple[int, int]]:
    """``pairs`` (of reports sorted by id) in :func:`pair_order`: a stable sort by the
    order's leading terms, or as :func:`_sorted` when they do not fit a tag."""
    tags = np.empty(len(pairs), dtype=np.uint16)
    leading: dict[tuple[object, ...], int] = {}
    for start in range(0, len(pairs), STEP):
        for k, p in enumerate(pairs[start : start + STEP].tolist(), start):
            a, b = reports[p >> BITS], reports[p & LOW]
            key = pair_order(a, b)
            if key[-2:] != (a.id, b.id) or len(leading) > 0xFFFF:
                yield from _sorted(reports)
                return
            tags[k] = leading.setdefault(key[:-2], len(leading))
    rank = np.empty(max(len(leading), 1), dtype=np.uint16)
    for n, prefix in enumerate(sorted(leading)):
        rank[leading[prefix]] = n
    ranked = tags  # each tag's rank written over it a step at a time, not in a copy
    for start in range(0, len(ranked), STEP):
        ranked[start : start + STEP] = rank[ranked[start : start + STEP]]
    del tags
    # the pairs of a run of tags in place order, tag by tag (the order a stable sort by
    # tag gives), a run at a time: each run is found in one scan of the tags and holds
    # an index for at most a sixteenth of the pairs (``RUNS``), so neither a scan per tag (hundreds
    # of them over a busy block's pairs) nor an 8-byte index of every pair is needed
    for at in _tag_runs(ranked, len(leading)):
        for start in range(0, len(at), STEP):
            for p in pairs[at[start : start + STEP]].tolist():
                yield p >> BITS, p & LOW


def _tag_runs(ranked: np.ndarray, tags: int) -> Iterator[np.ndarray]:
    """Indexes of ``ranked`` (ranks below ``tags``) in the order of a stable sort by rank,
    given for consecutive runs of ranks of at most ``max(RUN, len(ranked) // RUNS)`` items
    each (a rank with more is a run of its own)."""
    counts = np.bincount(ranked, minlength=tags)
    budget = max(RUN, len(ranked) // RUNS)
    low = 0
    while low < tags:
        high, held = low + 1, int(counts[low])
        while high < tags and held + int(counts[high]) <= budget:
            held += int(counts[high])
            high += 1
        if held:
            at = _ranked_between(ranked, low, high)
            if high - low > 1:
                at = at[np.argsort(ranked[at], kind="stable")]
            yield at
        low = high


def _ranked_between(ranked: np.ndarray, low: int, high: int) -> np.ndarray:
    """The indexes of ``ranked`` whose rank is at least ``low`` and below ``high``,
    ascending, tested a :data:`RUN` of ranks at a time (a test of every rank at once held
    three masks as long as the pairs)."""
    found = [
        np.flatnonzero((part >= low) & (part < high)) + start
        for start in range(0, len(ranked), RUN)
        for part in (ranked[start : start + RUN],)
    ]
    return np.concatenate(found) if found else np.empty(0, dtype=np.int64)


def _pairs(reports: Sequence[Report]) -> np.ndarray:
    """Every candidate pair once, as ``i << BITS | j`` (i < j), in ascending order.

    A pair two reports share under several blocks (each day of their windows, a side and
    a town) is filed once per block, so the pairs gathered hold it several times. They
    are sorted and made distinct a batch at a time: a batch is flushed once it reaches
    :data:`FLUSH` pairs or a :data:`SHARE`-th of the distinct pairs found so far, and
    merged into them. So the repeats held at once stay a fraction of the distinct pairs
    (a batch as large as them, the old bound, held two to three times their size while
    it was sorted), while each merge still adds a fixed share of them: a few sorts of
    the pairs in all."""
    done = np.empty(0, dtype=np.uint64)
    chunks: list[np.ndarray] = []
    pending = 0
    for m in _blocks(reports):
        for piece in _block_pairs(m):
            chunks.append(piece)
            pending += len(piece)
            if pending >= max(FLUSH, len(done) // SHARE):
                runs, done = [done, _distinct(chunks)], _NONE  # held by ``runs`` only
                done, pending = _merged(runs), 0
    if not chunks:
        return done
    runs, done = [done, _distinct(chunks)], _NONE
    return _merged(runs)


def _block_pairs(members: np.ndarray) -> Iterator[np.ndarray]:
    """The pairs of one block's ``members`` (places, ascending) as ``i << BITS | j`` with
    i < j, at most about :data:`FLUSH` at a time: a block's every pair at once took 24
    bytes a pair while it was made (two index arrays and the packed pairs), and a busy
    day's block of a side that acts daily holds thousands of reports (3,000 make 4.5
    million pairs, 108 MB). A block of fewer pairs is made at once; a busy one a run of
    rows at a time (the pairs of its first members with every later one)."""
    size = len(members)
    if size * (size - 1) // 2 <= FLUSH:
        first, second = np.triu_indices(size, 1)  # filed in index order: i < j
        yield (members[first] << np.uint64(BITS)) | members[second]
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
        piece = (members[first] << np.uint64(BITS)) | members[second]
        del starts, first, second  # not held while the piece is merged
        yield piece
        row = end


def _blocks(reports: Sequence[Report]) -> Iterator[np.ndarray]:
    """The members (places, ascending) of each block of :func:`candidate_blocks` that
    holds two reports or more, in no set order. Each filing is a block (its family and
    cell numbered once, and its day) beside the report's place, kept as 4-byte numbers
    (a dictionary of blocks held a tuple and a list for each, most of them of one
    report) and sorted once as one 8-byte number each (:func:`_packed`): a block's
    members are then in place order. Filings grow with the store (every day of every
    report's window, for each of its cells), and two 8-byte arrays sorted through an
    index held 48 bytes a filing; this holds 12, at most 20 while they are packed."""
    cells: dict[tuple[str, str], int] = {}
    codes, days, places = array("i"), array("i"), array("i")
    for n, kind, span, named in filings(reports):
        for cell in named:
            code = cells.setdefault((kind, cell), len(cells))
            codes.extend(repeat(code, len(span)))
            days.extend(span)
            places.extend(repeat(n, len(span)))
    del cells
    if not places:
        return
    filed = _packed(codes, days, places)
    if filed is None:  # too many cells, days or reports for one number: sort by an index
        yield from _blocks_by_index(codes, days, places)
        return
    del codes, days, places
    packed, bits = filed
    packed.sort()
    block = packed >> np.uint64(bits)
    starts = np.flatnonzero(np.r_[True, block[1:] != block[:-1]])
    del block
    sizes = np.diff(np.r_[starts, len(packed)])
    low = np.uint64((1 << bits) - 1)
    for at in np.flatnonzero(sizes > 1).tolist():
        start = int(starts[at])
        yield packed[start : start + int(sizes[at])] & low


def _packed(
    codes: array[int], days: array[int], places: array[int]
) -> tuple[np.ndarray, int] | None:
    """Each filing as one number, its block (cell, then day) in the upper bits and the
    report's place in the lower ones, and the lower ones' width; None when they do not
    fit 64 bits. Made a step at a time into one array, so the three are not copied whole
    as 8-byte arrays beside it."""
    code = np.frombuffer(codes, dtype=np.int32)
    day = np.frombuffer(days, dtype=np.int32)
    place = np.frombuffer(places, dtype=np.int32)
    first = int(day.min())
    day_bits = (int(day.max()) - first).bit_length()
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
    return packed, place_bits


def _blocks_by_index(
    codes: array[int], days: array[int], places: array[int]
) -> Iterator[np.ndarray]:
    """:func:`_blocks` for filings that do not fit one number: sorted by block through an
    index (stably, so a block's members stay in place order)."""
    key = (np.frombuffer(codes, dtype=np.int32).astype(np.int64) << 32) | np.frombuffer(
        days, dtype=np.int32
    ).astype(np.int64)
    order = np.argsort(key, kind="stable")
    key = key[order]
    place = np.frombuffer(places, dtype=np.int32)[order].astype(np.uint64)
    del order
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    del key
    for at in np.flatnonzero(sizes > 1).tolist():
        start = int(starts[at])
        yield place[start : start + int(sizes[at])]


def _distinct(chunks: list[np.ndarray]) -> np.ndarray:
    """The pairs of ``chunks`` sorted, each once; ``chunks`` is emptied as they are put
    together, so they are not held twice. (``np.unique`` hashes them first: several
    times slower on millions of pairs.)"""
    values = np.concatenate(chunks) if len(chunks) > 1 else chunks[0]
    chunks.clear()
    values.sort()
    return _dropped_repeats(values)


def _merged(runs: list[np.ndarray]) -> np.ndarray:
    """Two ascending arrays of distinct values merged, each value once. The values of the
    second already in the first (a pair filed under several blocks: every day of two
    reports' windows) are found by a binary search and dropped first, so nothing is left
    to drop after the merge: the two are put end to end and a stable sort merges them
    in place (timsort finds the two runs, and its buffer is the size of the shorter),
    where a copy without the repeats was made beside them (a busy block's merge held 2.5
    times its pairs). ``runs`` is emptied, so neither is held beside the merge once it
    is done; the first must be held by nothing else (it grows in place)."""
    a, b = runs
    runs.clear()
    if not len(a):
        return b
    new = np.empty(len(b), dtype=bool)
    for start in range(0, len(b), STEP):  # a step at a time: the search's arrays are small
        part = b[start : start + STEP]
        at = np.searchsorted(a, part)
        at[at == len(a)] = 0
        new[start : start + STEP] = a[at] != part
    b = b[new]
    del new
    if not len(b):
        return a
    # the first grown in place (only this function holds it: a reallocation, which for
    # an array this large moves no data) and the second put after it
    size = len(a)
    if not a.flags.owndata:  # a view cannot grow: a copy of it can
        a = a.copy()
    a.resize(size + len(b), refcheck=False)
    a[size:] = b
    del b
    a.sort(kind="stable")
    return a


def _dropped_repeats(values: np.ndarray) -> np.ndarray:
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _sorted(reports: Sequence[Report]) -> list[tuple[int, int]]:
    pairs = candidate_pairs(reports)
    pairs.sort(key=lambda p: pair_order(reports[p[0]], reports[p[1]]))
    return pairs
