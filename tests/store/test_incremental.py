"""Incremental refresh: batches in random orders and sizes, refreshed from the stored
units, end exactly as a rebuild of the same documents (actors with their explanations,
events, relations, quotes, places); a refresh after the first resolves only actors the
new units reach."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.model import Article, DocumentRecords, Evidence, Mention, Span, to_dict
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.resolve import actors as actors_module
from eventwire.resolve.actor_keys import Decision
from eventwire.resolve.actor_units import StoredUnit
from eventwire.store import open_store
from eventwire.store.base import Store
from eventwire.synthetic import World, synthetic_document


def varied(world: World, n: int) -> tuple[Article, DocumentRecords]:
    """A synthetic article where some people are named by family name only and some by
    another given name (another person of the same family), so one-word names, family
    names shared by two people and ambiguous keys are in play."""
    article, records = synthetic_document(world, n)
    rng = random.Random(n)
    choice = {m.group: rng.choice(["full", "full", "family", "family", "kin"])
              for m in records.mentions}  # fmt: skip
    mentions = []
    for m in records.mentions:
        words = (m.normalized or m.span.text).split()
        if m.label == "PERSON" and choice[m.group] == "family":
            m = replace(m, normalized=words[-1])
        elif m.label == "PERSON" and choice[m.group] == "kin":
            m = replace(m, normalized=" ".join(["Idris", *words[1:]]))
        mentions.append(m)
    return article, replace(records, mentions=tuple(mentions))


def picture(store: Store) -> dict[str, object]:
    return {
        "actors": {a.id: (to_dict(a), store.explanations(a.id)) for a in store.actors()},
        "events": [to_dict(e) for e in store.events()],
        "relations": [to_dict(r) for r in store.relations()],
        "quotes": [to_dict(q) for q in store.quotes()],
        "places": [(to_dict(p), n) for p, n in store.places()],
    }


@pytest.mark.parametrize("seed", [16, 17])
def test_incremental_refresh_equals_a_rebuild(store_url: str, tmp_path: Path, seed: int) -> None:
    world = World.make(40)  # few names for many articles: actors recur across batches
    docs = [varied(world, i) for i in range(120)]
    whole = Settings(db=str(tmp_path / "whole.db"))
    with open_store(whole) as store:
        store.add_documents(docs)
        rebuild(store, whole)
        expected = picture(store)
    rng = random.Random(seed)
    order = docs[:]
    rng.shuffle(order)
    settings = Settings(db=store_url)
    with open_store(settings) as store:
        while order:
            size = rng.randint(1, 30)
            batch, order = order[:size], order[size:]
            store.add_documents(batch)
            refresh(store, settings)
            assert store.units_generation() == store.picture_state().picture
            assert check_picture(store, settings).same
        assert picture(store) == expected


def test_a_refresh_after_the_first_resolves_no_whole_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World.make(30)
    docs = [varied(world, i) for i in range(40)]
    settings = Settings(db=str(tmp_path / "s.db"))
    with open_store(settings) as store:
        store.add_documents(docs[:30])
        refresh(store, settings)

        def no_full_resolution(*args: object, **kwargs: object) -> None:
            raise AssertionError("a full actor resolution ran")

        monkeypatch.setattr(actors_module, "UnitBuilder", no_full_resolution)
        store.add_documents(docs[30:])
        assert refresh(store, settings)
        monkeypatch.undo()
        assert check_picture(store, settings).same


def test_units_and_key_decisions_round_trip(store_url: str) -> None:
    settings = Settings(db=store_url)
    with open_store(settings) as store:
        world = World.make(10)
        store.add_documents([synthetic_document(world, 0)])
        payload = '{"affiliation": null, "group": "g1", "mentions": []}'
        units = [
            StoredUnit("a\x1fg1", "syn_7_00000000", ("name:b c", "name:c"), True, "name:b c",
                       payload),
            StoredUnit("a\x1fg2", "syn_7_00000000", ("name:c",), True, "name:b c", payload),
        ]  # fmt: skip
        decisions = {"name:b c": Decision("name:b c", "name:b c"),
                     "name:c": Decision("name:b c", "name:c", ("x", "y"))}  # fmt: skip
        store.replace_units(units, decisions, 0)
        with store.write_lock():
            assert store.key_owners("name:c") == ["name:b c"]
            assert store.key_owners("name:b c") == []
            assert store.personish_anchored("name:c")
            assert store.key_decision("name:c") == decisions["name:c"]
            assert store.key_decision("nothing") is None
            assert store.weak_keys(["a\x1fg1"]) == {"name:c"}
            assert [u.id for u in store.cluster_units("name:b c")] == ["a\x1fg1", "a\x1fg2"]
            assert store.key_bearer("name:c", "name:b c").id == "a\x1fg1"
            assert store.move_anchored("name:c", "name:c") == [("a\x1fg2", "name:b c")]
            assert store.move_anchored("name:c", "name:c") == []
            assert store.key_owners("name:c") == ["name:b c"]
            assert [u.id for u in store.cluster_units("name:c")] == ["a\x1fg2"]


def _article(aid: str, *names: str) -> tuple[Article, DocumentRecords]:
    mentions, pos = [], 0
    for g, name in enumerate(names):
        span = Span(pos, pos + len(name), name)
        mentions.append(Mention(aid, span, "ORG", Evidence(aid, name, pos, span.end),
                                normalized=name, group=f"g{g}"))  # fmt: skip
        pos = span.end + 1
    text = " ".join(names)
    return Article(aid, text), DocumentRecords(aid, mentions=tuple(mentions))


def test_a_later_batch_can_make_a_key_ambiguous(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "s.db"))
    with open_store(settings) as store:
        store.add_documents([_article("a", "Coastal Defence Brigade"), _article("b", "CDB")])
        refresh(store, settings)
        assert [a.name for a in store.actors(query="CDB")] == ["Coastal Defence Brigade"]
        # a second expansion of the acronym: "CDB" now joins neither
        store.add_documents([_article("c", "Central Desert Battalion")])
        refresh(store, settings)
        assert check_picture(store, settings).same
        cdb = next(a for a in store.actors() if a.name == "CDB")
        assert any("kept apart" in e for e in store.explanations(cdb.id))
        assert len(store.actors()) == 3


def test_a_hub_actor_grows_from_its_stored_totals(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles that come after every stored one update the actors they name from the
    stored totals and the new units: the most named actor is not read whole."""
    world = World.make(60)
    docs = [synthetic_document(world, i) for i in range(60)]
    settings = Settings(db=store_url)
    with open_store(settings) as store:
        store.add_documents(docs[:50])
        refresh(store, settings)
        hub = store.actors()[0]
        read: list[str] = []
        whole = store.cluster_units

        def cluster_units(cluster: str) -> list[StoredUnit]:
            read.append(cluster)
            return whole(cluster)

        monkeypatch.setattr(store, "cluster_units", cluster_units)
        store.add_documents(docs[50:])
        assert refresh(store, settings)
        grown = store.get_actor(hub.id)
        assert grown.mention_count > hub.mention_count
        assert hub.id not in {actors_module.actor_id(c) for c in read}
        assert check_picture(store, settings).same


def test_units_stored_before_their_picture_are_adopted_only_by_it(store_url: str) -> None:
    """A rebuild stores its units first (so it does not hold them while resolving the
    rest); they become the picture's only once a picture of the same documents and
    overrides is stored, and are not stored over a picture of later documents."""
    settings = Settings(db=store_url)
    world = World.make(10)
    with open_store(settings) as store:
        store.add_documents([synthetic_document(world, n) for n in range(3)])
        rebuild(store, settings)
        assert store.units_generation() == store.picture_state().picture
        generation = store.picture_state().documents
        fingerprint = store.picture_state().fingerprint
        payload = '{"affiliation": null, "group": "g1", "mentions": []}'
        unit = StoredUnit("a\x1fg1", "syn_7_00000000", ("name:b",), True, "name:b", payload)
        decisions = {"name:b": Decision("name:b", "name:b")}
        assert store.replace_units([unit], decisions, generation, {}, "other overrides")
        assert store.units_generation() == -1  # not the picture's yet
        assert not store.adopt_units(generation, "other overrides")  # another fingerprint
        assert store.units_generation() == -1
        assert store.replace_units([unit], decisions, generation, {}, fingerprint)
        assert store.adopt_units(generation, fingerprint)
        assert store.units_generation() == generation
        # units of older documents are not stored over a later picture's
        assert not store.replace_units([], {}, generation - 1, {}, fingerprint)
        with store.write_lock():
            assert [u.id for u in store.cluster_units("name:b")] == ["a\x1fg1"]
        rebuild(store, settings)
        assert store.units_generation() == store.picture_state().picture
        assert check_picture(store, settings).same
