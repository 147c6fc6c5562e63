"""The join's reports held as columns (``resolve.report_table``): every report read back
equals the one appended, field by field, whatever it holds and however often it is read,
and equal values are held once."""

from __future__ import annotations

import random
from dataclasses import fields

import pytest

from eventwire.model import Place
from eventwire.resolve import report_table
from eventwire.resolve.incident_blocks import ordered_pairs
from eventwire.resolve.incident_pair_keys import PairKeys
from eventwire.resolve.incident_pairs import candidate_blocks, candidate_pairs
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


def test_rows_read_as_the_reports() -> None:
    """A pass over every report reads rows: the same fields, window and kind, in order,
    and none of them kept made."""
    made = reports(120, seed=13)
    table = ReportTable()
    for r in made:
        table.append(r)
    table.seal()
    rows = list(report_table.report_rows(table))
    assert [tuple(getattr(row, f.name) for f in fields(Report)) for row in rows] == [
        tuple(getattr(r, f.name) for f in fields(Report)) for r in made
    ]
    assert [row.window() for row in rows] == [r.window() for r in made]
    assert [row.kind for row in rows] == [r.kind for r in made]
    assert all(type(row.undated) is bool and type(row.risen) is bool for row in rows)
    assert list(report_table.report_ids(table)) == [r.id for r in made]
    assert not table._made
    # anything else than a table is read as it is
    assert report_table.report_rows(made) is made
    assert list(report_table.report_ids(made)) == [r.id for r in made]


def test_report_row_has_the_report_fields() -> None:
    assert report_table.ReportRow._fields == tuple(f.name for f in fields(Report))


def test_blocking_reads_a_table_as_its_reports() -> None:
    """The blocking and the pair order's arrays, read from a table's rows, are those of
    the reports themselves."""
    made = reports(240, seed=17)
    table = ReportTable()
    for r in made:
        table.append(r)
    table.seal()
    assert candidate_blocks(table) == candidate_blocks(made)
    assert candidate_pairs(table) == candidate_pairs(made) != []
    of_table, of_list = PairKeys(table), PairKeys(made)
    for name in ("dated", "town", "type", "day", "line", "start", "end", "low", "high"):
        assert (getattr(of_table, name) == getattr(of_list, name)).all(), name
    assert list(ordered_pairs(table)) == list(ordered_pairs(made))


def test_article_numbers_give_the_article_ids_back() -> None:
    """A report's article as a number (what a "kept apart" line holds): equal ids, equal
    numbers, and the number gives the id back."""
    held = reports(60)
    table = ReportTable()
    for report in held:
        table.append(report)
    table.seal()
    numbers = [table.article_number(n) for n in range(len(held))]
    for report, number in zip(held, numbers, strict=True):
        assert table.article_of(number) == report.article_id
    for a, x in zip(held, numbers, strict=True):
        for b, y in zip(held, numbers, strict=True):
            assert (x == y) == (a.article_id == b.article_id)
