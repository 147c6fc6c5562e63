"""An actor's page reads the relations it shows, not all of a hub's: the heaviest of each
(type, negation, modality) and a count of each kind (migration-free: ``relations`` columns),
and its groups equal grouping every relation one by one."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Actor, Evidence, Relation, Resolution
from eventwire.store.sqlite import SQLiteStore
from eventwire.views import actor_detail
from eventwire.views.details import RELATIONS_SHOWN, group_relations, relation_view
from eventwire.views.records import Names

HUB = "act_hub"
KINDS = [("SUPPORT", False, "asserted"), ("SUPPORT", True, "asserted"),
         ("SUPPORT", False, "alleged"), ("OPPOSE", False, "asserted"),
         ("OPPOSE", False, "hypothetical"), ("ALLY", True, "alleged")]  # fmt: skip


def _resolution(seed: int = 11) -> Resolution:
    rng = random.Random(seed)
    others = [f"act_{i:02d}" for i in range(40)]
    actors = (Actor(HUB, "Hub Front", "armed_group"),
              *(Actor(a, f"Group {a}", "armed_group") for a in others))  # fmt: skip
    relations = []
    for i in range(300):
        rtype, negated, modality = KINDS[min(int(rng.expovariate(0.6)), len(KINDS) - 1)]
        other = rng.choice(others)
        source, target = (HUB, other) if rng.random() < 0.6 else (other, HUB)
        if rng.random() < 0.1:  # relations the hub is no side of
            source, target = other, rng.choice(others)
        relations.append(
            Relation(f"rel_{i:04d}", source, target, rtype, (Evidence("art_1", "s", 0, 1),),
                     negated=negated, modality=modality, source_count=rng.choice([1, 1, 2, 3, 7]))
        )  # fmt: skip
    return Resolution(actors=actors, relations=tuple(relations))


RES = _resolution()
ONTO = read_ontology()  # the views take the caller's ontology


def check_actor_relations(store: Any) -> None:
    mine = [r for r in RES.relations if HUB in (r.source_actor, r.target_actor)]
    shown, kinds = store.actor_relations(HUB, RELATIONS_SHOWN)
    counted = Counter((r.type, r.negated, r.modality) for r in mine)
    assert kinds == sorted((t, n, m, c) for (t, n, m), c in counted.items())
    assert max(counted.values()) > RELATIONS_SHOWN  # some kind is cut
    heaviest = sorted(mine, key=lambda r: (-r.source_count, r.id))
    want = []
    for kind in counted:
        want += [r for r in heaviest if (r.type, r.negated, r.modality) == kind][:RELATIONS_SHOWN]
    assert shown == sorted(want, key=lambda r: (-r.source_count, r.id))

    names = Names(store)
    every = group_relations([relation_view(r, names, ONTO) for r in heaviest])
    page = actor_detail(store, HUB, onto=ONTO).relations
    assert [(g.type, g.polarity, g.modality, g.total) for g in page] == [
        (g.type, g.polarity, g.modality, len(g.relations)) for g in every
    ]
    for got, full in zip(page, every, strict=True):
        assert [v.relation.id for v in got.relations[:RELATIONS_SHOWN]] == [
            v.relation.id for v in full.relations[:RELATIONS_SHOWN]
        ]
    assert store.actor_relations("act_nobody", RELATIONS_SHOWN) == ([], [])


def test_actor_page_reads_the_relations_it_shows() -> None:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(RES)
        check_actor_relations(s)


def test_a_hub_page_says_how_many_relations_are_left_out(tmp_path: Any) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app
    from eventwire.config import Settings

    path = tmp_path / "hub.db"
    with SQLiteStore(str(path)) as s:
        s.replace_resolution(RES)
    mine = [r for r in RES.relations if HUB in (r.source_actor, r.target_actor)]
    biggest = Counter((r.type, r.negated, r.modality) for r in mine).most_common(1)[0][1]
    with TestClient(create_app(Settings(db=str(path)))) as client:
        html = client.get(f"/actors/{HUB}").text
    assert f"and {biggest - RELATIONS_SHOWN} more" in html


@pytest.mark.postgres
def test_actor_relations_on_postgres(new_postgres_database: Callable[[], str]) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(RES)
        check_actor_relations(s)
