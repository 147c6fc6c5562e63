"""Candidate pairs of article incidents given as numbers (``resolve/incident_blocks.py``,
``resolve/incident_pair_keys.py``) come in exactly the order ``resolve_incidents`` sorts
them in, whether they fit in memory or are written in sorted chunks and read back a run at
a time, and say which clusters were already compared, so incidents are the same as with
every pair sorted and every pair of clusters kept apart remembered."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest

import eventwire.resolve as resolve_module
import eventwire.resolve.incident_blocks as blocks
from eventwire.config import Settings
from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, Place, When, to_dict
from eventwire.resolve import resolve
from eventwire.resolve.incident_blocks import CandidatePairs, _sorted, ordered_pairs
from eventwire.resolve.incident_pair_keys import PairKeys
from eventwire.resolve.incident_tolls import same_toll
from eventwire.resolve.incidents import Report, candidate_blocks
from eventwire.synthetic import World, synthetic_document

TOWNS = [Place(f"geonames:{n}", f"Town {n}", 32.0, 13.0, "LBY", "LY.01", "city") for n in range(4)]
REGION = Place("admin1:LY.01", "Region", 32.0, 13.0, "LBY", "LY.01", "admin1")
# two towns facing each other across a frontier (about 14 km apart), for ``across_line``
FACING = [Place("geonames:90", "East Post", 40.00, 46.00, "AZE", "AZ.01", "city"),
          Place("geonames:91", "West Post", 40.10, 45.95, "ARM", "AM.01", "city")]  # fmt: skip


def reports(seed: int, count: int) -> list[Report]:
    """Reports of a few types over a few weeks, most naming one busy side (a hub that acts
    daily), some undated (a week's window), some in one of a few towns."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        day = 739000 + rng.randint(0, 20)
        undated = rng.random() < 0.2
        span = (day - 7, day) if undated else (day, day)
        sides = frozenset(rng.sample(["hub", "hub", "b", "c", "d"], rng.randint(0, 2)))
        place = rng.choice([None, REGION, *TOWNS])
        out.append(Report(f"docinc_{n:05d}", f"art{n // 3}", rng.choice(["ASSAULT", "FIGHT"]),
                          span, None if undated else str(day), place, sides))  # fmt: skip
    return sorted(out, key=lambda r: r.id)


def mixed_reports(seed: int, count: int) -> list[Report]:
    """Reports that reach every term of the order: several shared sides, states firing
    across a frontier at each other's towns on one day (one exchange, ``across_line``), the
    same toll of one day, towns near each other, two families."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        day = 739000 + rng.randint(0, 6)
        undated = rng.random() < 0.2
        span = (day - 7, day) if undated else (day, day + rng.choice([0, 0, 0, 1]))
        if rng.random() < 0.25:  # one state's fire on a town across the line
            doer = rng.choice(["ARM", "AZE"])
            place = FACING[0] if doer == "ARM" else FACING[1]
            sides = frozenset({f"state:{doer}", *rng.sample(["hub", "b"], rng.randint(0, 1))})
            doers = frozenset({f"state:{doer}"})
        else:
            sides = frozenset(rng.sample(["hub", "b", "c", "d", "e", "f"], rng.randint(0, 4)))
            doers = frozenset(rng.sample(sorted(sides), min(len(sides), 1)))
            place = rng.choice([None, REGION, *TOWNS, *FACING])
        figures = frozenset(rng.sample([("killed", 2), ("killed", 5), ("wounded", 3)],
                                       rng.randint(0, 2)))  # fmt: skip
        out.append(Report(f"docinc_{n:05d}", f"art{n // 2}", rng.choice(["ASSAULT", "FIGHT"]),
                          span, None if undated else str(day), place, sides,
                          family=rng.choice(["violence", "violence", ""]), doers=doers,
                          figures=figures))  # fmt: skip
    return sorted(out, key=lambda r: r.id)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pairs_come_in_the_order_resolve_incidents_sorts_them(seed: int) -> None:
    told = reports(seed, 400)
    expected = _sorted(told)
    assert len(expected) > 1000  # a busy side makes many pairs per block
    assert list(ordered_pairs(told)) == expected


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_every_term_of_the_order_is_numbered_as_pair_order_ranks_it(seed: int) -> None:
    """Random reports with shared sides, exchanges across a line, tolls and two families:
    the pair numbers give the list ``resolve_incidents`` sorts, pair for pair."""
    told = mixed_reports(seed, 300)
    expected = _sorted(told)
    lines = sum(1 for i, j in expected if told[i].named != told[j].named and
                {*told[i].doers, *told[j].doers} == {"state:ARM", "state:AZE"})  # fmt: skip
    assert lines > 10  # exchanges across the line are among the pairs
    # one toll of one day ranks a pair first where no town is shared (``same_toll``)
    tolls = sum(1 for i, j in expected if same_toll(told[i], told[j])
                and told[i].place != told[j].place)  # fmt: skip
    assert tolls > 10
    assert list(ordered_pairs(told)) == expected


def test_reports_out_of_id_order_are_sorted_as_before() -> None:
    told = reports(4, 200)
    told.reverse()
    assert list(ordered_pairs(told)) == _sorted(told)


def test_no_pairs() -> None:
    assert list(ordered_pairs(reports(5, 1))) == []


class _Remembered:
    """The join as it runs without :class:`CandidatePairs`: pairs sorted by their key, and
    clusters kept apart remembered."""

    ordered = staticmethod(_sorted)
    compared = None


def _busy(docs: list[DocumentRecords], days: int, towns: int) -> list[DocumentRecords]:
    """``docs`` with every act moved into a few days and towns, so blocks are busy and
    clusters of several reports meet again through other pairs."""
    out = []
    for n, doc in enumerate(docs):
        events = tuple(
            replace(em, when=When(f"2020-03-{1 + (n + k) % days:02d}", "day"),
                    place=TOWNS[(n * 7 + k) % towns])
            for k, em in enumerate(doc.events)
        )  # fmt: skip
        out.append(replace(doc, events=events))
    return out


@pytest.mark.parametrize(("count", "days", "towns"), [(300, 3650, 4), (240, 4, 2), (240, 2, 4)])
def test_a_resolution_has_the_same_incidents_either_way(
    monkeypatch: pytest.MonkeyPatch, count: int, days: int, towns: int
) -> None:
    world = World.make(count)
    docs = [synthetic_document(world, n)[1] for n in range(count)]
    if days < 3650:
        docs = _busy(docs, days, towns)
    resources = Resources(Settings(db=":memory:"))
    compact = resolve(docs, resources)
    monkeypatch.setattr(resolve_module, "CandidatePairs", _Remembered)
    remembered = resolve(docs, resources)
    assert len(compact.incidents) > 100
    assert [to_dict(i) for i in compact.incidents] == [to_dict(i) for i in remembered.incidents]
    if days < 3650:  # clusters of several reports were kept apart, and some joined
        lines = [line for i in compact.incidents for line in i.explanation]
        assert any("kept apart" in line for line in lines)
        assert any(len(i.events) > 1 for i in compact.incidents)


@pytest.mark.parametrize("seed", [6, 7])
def test_clusters_compared_before_follow_from_the_pair_order(seed: int) -> None:
    told = reports(seed, 120)
    order = list(ordered_pairs(told))
    rank = {p: n for n, p in enumerate(order)}
    pairs = CandidatePairs()
    trying = pairs.ordered(told)
    assert next(trying) == order[0]  # asked while the join tries its pairs
    rng = random.Random(seed)
    for _ in range(300):
        a = rng.sample(range(len(told)), rng.randint(1, 4))
        b = rng.sample([n for n in range(len(told)) if n not in a], rng.randint(1, 4))
        i, j = order[rng.randrange(len(order))]
        expected = any(rank.get((min(x, y), max(x, y)), len(order)) < rank[i, j]
                       for x in a for y in b)  # fmt: skip
        assert pairs.compared(a, b, i, j) == expected
    assert list(trying) == order[1:]
    assert pairs.keys is None  # let go once every pair was tried


@pytest.mark.parametrize(("chunk", "run", "flush"), [(1, 1, 1), (50, 7, 50), (400, 300, 1000)])
def test_pairs_written_in_chunks_and_read_back_in_runs_keep_the_order(
    monkeypatch: pytest.MonkeyPatch, chunk: int, run: int, flush: int
) -> None:
    """Pair numbers written a small chunk at a time and read back a few at a time (down to
    one count a run), and busy blocks made a row at a time and numbered a block at a time,
    give the same pairs in the same order, each once, holding about a chunk or a run of
    them."""
    told = mixed_reports(6, 300)
    expected = _sorted(told)
    monkeypatch.setattr(blocks, "CHUNK", chunk)
    monkeypatch.setattr(blocks, "RUN", run)
    monkeypatch.setattr(blocks, "FLUSH", flush)
    monkeypatch.setattr(blocks, "BATCH", flush)
    monkeypatch.setattr(blocks, "COUNT_BITS", 12)
    pairs = CandidatePairs()
    assert list(pairs.ordered(told)) == expected
    assert pairs.count == len(expected)
    assert pairs.written >= 8 * len(expected)  # written: none held whole
    assert pairs.held < 8 * len(expected)


def test_pairs_that_fit_a_chunk_are_not_written() -> None:
    told = reports(7, 200)
    pairs = CandidatePairs()
    assert list(pairs.ordered(told)) == _sorted(told)
    assert pairs.written == 0 and pairs.held == 8 * pairs.count


def test_a_pair_is_numbered_once_per_cell_however_many_days_it_shares() -> None:
    """Three undated reports of one side (week-long windows, nine days of blocks each) make
    one pair a pair for their one cell, not one a shared day."""
    hub = frozenset({"hub"})
    told = [Report(f"docinc_{n}", f"art{n}", "ASSAULT", (739000, 739007), None, None, hub)
            for n in range(3)]  # fmt: skip
    made = [(int(a), int(b)) for first, second in blocks._cell_pairs(PairKeys(told))
            for a, b in zip(first, second, strict=True)]  # fmt: skip
    assert sorted(made) == [(0, 1), (0, 2), (1, 2)]
    assert list(ordered_pairs(told)) == [(0, 1), (0, 2), (1, 2)]


def _per_cell(told: list[Report]) -> Counter[tuple[int, int]]:
    """Each pair of ``candidate_blocks``, counted once per cell (family and cell) whose
    blocks on some day hold both reports."""
    cells: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for (kind, _, cell), members in candidate_blocks(told).items():
        cells.setdefault((kind, cell), set()).update(combinations(members, 2))
    return Counter(p for pairs in cells.values() for p in pairs)


@pytest.mark.parametrize("seed", [8, 9])
def test_cells_give_the_pairs_of_candidate_blocks_once_a_cell(seed: int) -> None:
    """Filings of a cell and a report, sorted by cell and first day, give each pair of
    reports that ``candidate_blocks`` files in one block once for every cell of the two
    whose blocks hold both on some day: the pairs the day-by-day filing gave, kept from
    their first shared day."""
    told = mixed_reports(seed, 300)
    made = Counter((int(a), int(b)) for first, second in blocks._cell_pairs(PairKeys(told))
                   for a, b in zip(first, second, strict=True))  # fmt: skip
    assert made == _per_cell(told)
    assert max(made.values()) > 1  # two reports sharing two cells come twice
    assert list(ordered_pairs(told)) == _sorted(told)


def test_a_busy_cells_pairs_are_made_a_few_filings_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Filings of more pairs than a batch give them a few filings at a time (no piece
    larger than a batch when no filing alone has more partners), the same pairs in the
    same order as all at once."""
    told = reports(9, 300)
    whole = list(blocks._cell_pairs(PairKeys(told)))
    monkeypatch.setattr(blocks, "FLUSH", 200)
    pieces = list(blocks._cell_pairs(PairKeys(told)))
    assert len(whole) == 1 and len(pieces) > 10
    assert max(len(first) for first, _ in pieces) <= 200  # no filing has 200 partners
    for n in (0, 1):
        assert np.concatenate([p[n] for p in pieces]).tolist() == whole[0][n].tolist()


def test_pending_pairs_are_written_a_chunk_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of pairs larger than a chunk are written as soon as a chunk's worth is
    numbered: at most a chunk and a batch are held at once."""
    told = mixed_reports(6, 300)
    monkeypatch.setattr(blocks, "CHUNK", 100)
    monkeypatch.setattr(blocks, "BATCH", 10)
    monkeypatch.setattr(blocks, "RUN", 100)
    pairs = CandidatePairs()
    assert list(pairs.ordered(told)) == _sorted(told)
    assert pairs.written > 0
    assert pairs.held <= 8 * (100 + 10)
