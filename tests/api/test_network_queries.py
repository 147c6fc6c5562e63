"""In process the network runs a few queries, however many source actors its pairs have:
the statements of a period plan (one per part and source actor, each seeking its own
index) are joined into compound queries, with the answers of the statements run one by
one; under dates alone, the pair tails are two seeks of a list of pairs (migration 26)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from tests.api.test_network_periods import _recorded

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Event, Evidence, Resolution
from eventwire.store import sql_base
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter
from eventwire.views.network import network

ONTO = read_ontology()
ACTORS = [f"act_{i:02d}" for i in range(30)]
DATES = [None, "2018", "2019-03", "2019-04-09", "2019-04-30", "2019-05-02", "2020-01-15"]
VIEWS = [
    CorpusFilter(), CorpusFilter(since="2019"), CorpusFilter(since="2019-04-10"),
    CorpusFilter(since="2019-04-09", until="2020-01", min_sources=2), CorpusFilter(min_sources=3),
    CorpusFilter(type="fight", since="2019"),
]  # fmt: skip


def _events(n: int = 900, seed: int = 11) -> list[Event]:
    rng = random.Random(seed)
    return [
        Event(f"evt_{i:04d}", rng.choice(["ASSAULT", "SUPPORT", "CONSULT"]), {},
              (Evidence("art_1", "s", 0, 1),), rng.choice(ACTORS), rng.choice(ACTORS),
              rng.choice(DATES), "day", negated=rng.random() < 0.1,
              modality=rng.choice(["asserted", "alleged"]), source_count=rng.choice([1, 2, 3, 6]))
        for i in range(n)
    ]  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(_events())))
        yield s


@pytest.mark.parametrize("cf", VIEWS, ids=repr)
def test_the_network_runs_a_few_queries_with_the_answers_of_one_per_statement(
    store: SQLiteStore, cf: CorpusFilter, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = _recorded(store, lambda: network(store, cf, onto=ONTO))
    joined = network(store, cf, onto=ONTO)
    monkeypatch.setattr(sql_base, "COMPOUND_ARMS", 1)  # each statement a query of its own
    alone = _recorded(store, lambda: network(store, cf, onto=ONTO))
    assert network(store, cf, onto=ONTO) == joined and joined.edges
    if (cf.since or cf.until) and not cf.type:  # two seeks of the pair tails a list of
        # pairs, and the days of a cut month a query of their own
        # (each statement alone: still a few, not one per source actor among 30)
        assert len(ran) <= 12 and len(alone) <= 16, [q[:60] for q, _ in alone]
    else:  # a statement per part of the plan and source actor
        assert len(ran) <= 8 < len(alone), [q[:60] for q, _ in ran]


def test_compound_parts_keep_sqlites_limits_and_the_order() -> None:
    statements = [(f"SELECT {i}", [0] * (i % 7)) for i in range(250)]
    parts = sql_base._compound_parts(statements)
    assert [s for part in parts for s in part] == statements
    assert all(len(p) <= sql_base.COMPOUND_ARMS for p in parts) and len(parts) == 3
    heavy = [("SELECT 1", [0] * 20_000)] * 3
    assert [len(p) for p in sql_base._compound_parts(heavy)] == [1, 1, 1]
    assert sql_base._compound_parts([]) == []
