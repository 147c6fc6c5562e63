"""The capped network page by page ("show more"): each page's actors, edges, ``pairs``
and ``more_edges`` are those a direct computation over every stored event and relation
gives (no summary, no pair read heaviest first), on each backend, for the filters the
store answers from its summaries (dates and sources through the pair tails, a cut day,
a type) and one it answers from ``events``."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.knowledge.ontology import Ontology, read_ontology
from eventwire.model import Event, Evidence, Relation, Resolution
from eventwire.store import open_store
from eventwire.store.base import EventFilter, Store
from eventwire.views.corpus import CorpusFilter, event_filter, shows_relations
from eventwire.views.network import EDGES_PER_ACTOR, Network, _Edges, network

ACTORS = [f"act_{i:02d}" for i in range(24)]
DATES = [None, "2017", "2018-03", "2018-03-14", "2018-11-02", "2019", "2019-04", "2019-04-09",
         "2019-04-30", "2019-12-31", "2020-02-29"]  # fmt: skip
FILTERS = [
    CorpusFilter(), CorpusFilter(since="2018"), CorpusFilter(since="2019-04"),
    CorpusFilter(since="2018-03-10"), CorpusFilter(until="2019-04"),
    CorpusFilter(since="2018-03", until="2019-04-20", min_sources=2),
    CorpusFilter(min_sources=3), CorpusFilter(since="2019", min_sources=2),
    CorpusFilter(type="fight"), CorpusFilter(type="support", since="2019"),
    CorpusFilter(min_fatalities=1),
]  # fmt: skip


def _events(n: int = 1500, seed: int = 18) -> tuple[Event, ...]:
    rng = random.Random(seed)
    # a few busy actors and many quiet ones, as in a real corpus
    weights = [1 / (i + 1) for i in range(len(ACTORS))]
    out = []
    for i in range(n):
        source, target = rng.choices(ACTORS, weights, k=2)
        out.append(Event(
            f"evt_{i:05d}", rng.choice(["FIGHT", "SUPPORT", "ASSAULT", "PROTEST"]), {},
            (Evidence("art_1", "s", 0, 1),), source, target, rng.choice(DATES), "day",
            counts={"killed": rng.choice([0, 0, 1, 4])},
            negated=rng.random() < 0.15, modality=rng.choice(["asserted", "alleged"]),
            source_count=rng.choice([1, 1, 2, 3, 5, 8]),
        ))  # fmt: skip
    return tuple(out)


def _relations(n: int = 120, seed: int = 19) -> tuple[Relation, ...]:
    rng = random.Random(seed)
    return tuple(
        Relation(f"rel_{i:04d}", *rng.sample(ACTORS, 2), rng.choice(["support", "oppose", "ally"]),
                 (Evidence("art_1", "s", 0, 1),), negated=rng.random() < 0.1,
                 source_count=rng.choice([0, 1, 2, 4]))
        for i in range(n)
    )  # fmt: skip


EVENTS = _events()
RELATIONS = _relations()


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return read_ontology()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(Settings(db=store_url)) as s:
        s.replace_resolution(Resolution(events=EVENTS, relations=RELATIONS))
        yield s


def _event_kept(e: Event, flt: EventFilter) -> bool:
    return (
        e.source_actor is not None
        and e.target_actor is not None
        and e.source_actor != e.target_actor
        and e.source_count >= flt.min_sources
        and (not flt.types or e.type in flt.types)
        and (not flt.since or (e.date is not None and e.date >= flt.since))
        and (not flt.until or (e.date is not None and e.date[: len(flt.until)] <= flt.until))
        and int(e.counts.get("killed", 0)) >= flt.min_fatalities
    )


def _direct(flt: EventFilter, top: int, cap: int, pages: int, onto: Ontology) -> list[Network]:
    """The pages as the network's contract states them, from every row at once: the
    actors ranked by degree (then id), each page the next ``top``, its edges the ``cap``
    heaviest (by sources, then events and relations, then key) between one of its actors
    and any drawn so far; ``pairs`` the pairs of such actors any row links; ``more_edges``
    whether those pairs hold more edges than are drawn."""
    rows: list[tuple[str, tuple[Any, ...]]] = [
        ("events", (e.source_actor, e.target_actor, e.type, int(e.negated), e.modality, 1,
                    e.source_count))
        for e in EVENTS if _event_kept(e, flt)
    ]  # fmt: skip
    if shows_relations(flt):  # relations without dates: every date filter keeps them
        rows += [
            ("relations", (r.source_actor, r.target_actor, r.type, int(r.negated), r.modality,
                           1, max(r.source_count, 1)))
            for r in RELATIONS if flt.min_sources <= 1 or r.source_count >= flt.min_sources
        ]  # fmt: skip
    degree: dict[str, int] = {}
    for _, row in rows:
        for actor in row[:2]:
            degree[actor] = degree.get(actor, 0) + row[6]
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    out = []
    for start in range(0, min(len(ranked), pages * top), top):
        fresh, keep = set(ranked[start : start + top]), set(ranked[: start + top])
        linked = [
            (kind, row) for kind, row in rows
            if {row[0], row[1]} <= keep and {row[0], row[1]} & fresh
        ]  # fmt: skip
        edges = _Edges(onto)
        for kind in ("events", "relations"):
            edges.add(kind, [row for k, row in linked if k == kind])  # type: ignore[misc]
        found = edges.edges
        heaviest = sorted(
            found,
            key=lambda k: (-found[k]["sources"], -found[k]["events"] - found[k]["relations"], k),
        )[:cap]
        out.append(Network(
            [{"id": a, "degree": degree[a]} for a in sorted(fresh, key=lambda a: (-degree[a], a))],
            [{**found[k], "id": "|".join(k)} for k in sorted(heaviest)], len(fresh), len(degree),
            top, len(heaviest), len(found) > cap, len({(row[0], row[1]) for _, row in linked}),
        ))  # fmt: skip
    return out


@pytest.mark.parametrize("cf", FILTERS, ids=repr)
def test_each_page_is_the_direct_computations(
    store: Store, cf: CorpusFilter, onto: Ontology
) -> None:
    flt = event_filter(store, cf, onto)
    for top, cap in ((4, None), (5, 3), (6, 40)):
        expected = _direct(flt, top, EDGES_PER_ACTOR * top if cap is None else cap, 6, onto)
        after = None
        for want in expected:
            got = network(store, cf, top, cap, onto=onto, after=after)
            assert [(n["id"], n["degree"]) for n in got.nodes] == [
                (n["id"], n["degree"]) for n in want.nodes
            ]
            fields = ("id", "source", "target", "polarity", "modality", "events", "relations",
                      "sources")  # fmt: skip
            assert [{f: e[f] for f in fields} for e in got.edges] == [
                {f: e[f] for f in fields} for e in want.edges
            ], (top, cap)
            assert (got.pairs, got.more_edges, got.total, got.edges_shown) == (
                want.pairs,
                want.more_edges,
                want.total,
                want.edges_shown,
            ), (top, cap)
            after = got.next_after
            if after is None:
                break
        assert expected
