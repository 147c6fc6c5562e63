"""Candidate pairs of article incidents held as integers (``resolve/incident_blocks.py``)
come in exactly the order ``resolve_incidents`` sorts them in, so incidents are the same."""

from __future__ import annotations

import random

import pytest

import eventwire.resolve as resolve_module
from eventwire.config import Settings
from eventwire.knowledge.resources import Resources
from eventwire.model import Place, to_dict
from eventwire.resolve import resolve
from eventwire.resolve.incident_blocks import _sorted, ordered_pairs
from eventwire.resolve.incidents import Report
from eventwire.synthetic import World, synthetic_document

TOWNS = [Place(f"geonames:{n}", f"Town {n}", 32.0, 13.0, "LBY", "LY.01", "city") for n in range(4)]
REGION = Place("admin1:LY.01", "Region", 32.0, 13.0, "LBY", "LY.01", "admin1")


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


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pairs_come_in_the_order_resolve_incidents_sorts_them(seed: int) -> None:
    told = reports(seed, 400)
    expected = _sorted(told)
    assert len(expected) > 1000  # a busy side makes many pairs per block
    assert list(ordered_pairs(told)) == expected


def test_reports_out_of_id_order_are_sorted_as_before() -> None:
    told = reports(4, 200)
    told.reverse()
    assert list(ordered_pairs(told)) == _sorted(told)


def test_no_pairs() -> None:
    assert list(ordered_pairs(reports(5, 1))) == []


def test_a_resolution_has_the_same_incidents_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    world = World.make(300)
    docs = [synthetic_document(world, n)[1] for n in range(300)]
    resources = Resources(Settings(db=":memory:"))
    compact = resolve(docs, resources)
    monkeypatch.setattr(resolve_module, "ordered_pairs", _sorted)
    sorted_here = resolve(docs, resources)
    assert len(compact.incidents) > 100
    assert [to_dict(i) for i in compact.incidents] == [to_dict(i) for i in sorted_here.incidents]
