"""The join's reports held as columns (``resolve.report_table``): every report read back
equals the one appended, field by field, whatever it holds and however often it is read,
and equal values are held once."""

from __future__ import annotations

import random

import pytest

from eventwire.model import Place
from eventwire.resolve import report_table
from eventwire.resolve.incident_reports import Report
from eventwire.resolve.report_table import ReportTable

BAKHMUT = Place("geonames:701", "Bakhmut", 48.59, 38.0, "UKR", "UA.14", "city")
GOMA = Place("geonames:702", "Goma", -1.68, 29.22, "COD", "CD.11", "city")


def reports(count: int, seed: int = 3) -> list[Report]:
    """Reports that reach every field: each flag on and off, empty and full sets, no
    window or day, a few figures, ids not in UTF-8's first range."""
    rng = random.Random(seed)
    found = []
    for n in range(count):
        day = rng.randrange(730000, 730040)
        span = rng.choice([(day, day), (day - 7, day), None])
        sides = frozenset(rng.sample(["state:UKR", "state:RUS", "actor_7", "actor_9"],
                                     rng.randrange(3)))  # fmt: skip
        found.append(Report(
            f"docinc_{n:04d}{'é' if n % 5 == 0 else ''}", f"art_{n // 3}",
            rng.choice(["ASSAULT", "COERCE", "MOBILIZE"]), span,
            None if span is None else f"2001-01-{1 + day % 28:02d}",
            rng.choice([BAKHMUT, GOMA, None]), sides,
            family=rng.choice(["", "armed clash"]),
            sites=frozenset(rng.sample(["market", "hospital"], rng.randrange(2))),
            doers=frozenset(list(sides)[:1]), hit=frozenset(list(sides)[1:2]),
            night=rng.choice(["", "late", "early"]), undated=rng.random() < 0.3,
            violent=rng.random() < 0.7, period=rng.random() < 0.2,
            figures=frozenset(rng.sample([("killed", 3), ("injured", 12)], rng.randrange(3))),
            risen=rng.random() < 0.2,
        ))  # fmt: skip
    return found


def test_every_report_reads_back_equal() -> None:
    made = reports(200)
    table = ReportTable()
    for r in made:
        table.append(r)
    table.seal()
    assert len(table) == len(made)
    assert list(table) == made
    assert [table.id_at(n) for n in range(len(table))] == [r.id for r in made]
    for n in random.Random(5).choices(range(len(made)), k=500):
        assert table[n] == made[n]
        assert table[n].undated is made[n].undated  # flags come back as bools
    assert table[-1] == made[-1]
    assert table[10:13] == made[10:13]
    with pytest.raises(IndexError):
        table[len(made)]


def test_reads_past_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_table, "CACHE", 4)
    made = reports(50, seed=8)
    table = ReportTable()
    for r in made:
        table.append(r)
    for n in [*range(50), *reversed(range(50)), 7, 7, 31]:
        assert table[n] == made[n]
    assert len(table._made) <= 4


def test_equal_values_are_held_once() -> None:
    table, made = ReportTable(), reports(300, seed=11)
    for r in made:
        table.append(r)
    # 100 article ids, a few types, days, windows, places and sets: far fewer than the
    # 300 reports' fields
    assert len(table._values) < 300
    same = [n for n, r in enumerate(made) if r.place == made[0].place]
    assert len(same) > 1 and all(table[n].place is table[0].place for n in same)
    table.seal()
    with pytest.raises(ValueError):
        table.append(reports(1)[0])
