"""The actor pass's columns decide every key as the object graph does, units spill intact."""

from __future__ import annotations

import random

import pytest

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords
from eventwire.resolve.actor_columns import ColumnKeyGraph, SpilledUnits, UnitSpill
from eventwire.resolve.actor_keys import KeyGraph, strength
from eventwire.resolve.actors import resolve_actors

VOCABULARY = ("kb:q1", "kb:q2", "country:lby", "name:omar zintawi", "name:yusuf zintawi",
              "name:zintawi", "surname:zintawi", "acronym:cdb", "name:cdb", "name:haftar",
              "surname:haftar", "name:khalifa haftar", "group:police|LBY")  # fmt: skip


def random_units(rng: random.Random, n: int) -> list[tuple[tuple[str, ...], bool]]:
    units = []
    for i in range(n):
        keys = set(rng.sample(VOCABULARY, rng.randint(1, 4)))
        if rng.random() < 0.1:
            keys = {f"unit:{i}"}
        units.append((tuple(sorted(keys, key=strength, reverse=True)), rng.random() < 0.5))
    return units


@pytest.mark.parametrize("seed", range(30))
def test_the_columns_decide_as_the_key_graph(seed: int) -> None:
    rng = random.Random(seed)
    units = random_units(rng, rng.randint(1, 40))
    objects = KeyGraph([k for k, _ in units], [p for _, p in units])
    columns = ColumnKeyGraph()
    for keys, personish in units:
        columns.add(keys, personish)
    columns.index()
    for i, (keys, _) in enumerate(units):
        assert columns.keys(i) == keys
        assert columns.cluster_of(i) == objects.cluster_of(i)
    for key in {k for keys, _ in units for k in keys} | {"kb:nobody"}:
        assert columns.decide(key) == objects.decide(key)
        for cluster in objects.stronger(key):
            assert columns.bearer(key, cluster) == objects.bearer(key, cluster)


def test_spilled_units_read_back_in_order_and_by_position() -> None:
    spill = UnitSpill()
    graph = ColumnKeyGraph()
    rows = [(f"a{n}\x1fg", f"a{n}", f'{{"n": {n}, "text": "Zintâwi \\n"}}') for n in range(50)]
    for row in rows:
        spill.add(*row)
        graph.add(("name:zintawi",), False)
    graph.index()
    assert list(spill.rows()) == rows
    assert spill.row(17) == rows[17]
    stored = SpilledUnits(spill, graph, [])
    assert len(stored) == 50
    assert [(u.id, u.article_id, u.payload) for u in stored] == rows
    assert stored[3].cluster == "name:zintawi"
    assert stored[-1].payload == rows[-1][2]
    spill.close()


def test_a_stream_out_of_article_order_is_refused(resources: Resources) -> None:
    docs = iter([DocumentRecords("b"), DocumentRecords("a")])
    with pytest.raises(ValueError, match="article-id order"):
        resolve_actors(docs, resources)
