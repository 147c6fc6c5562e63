"""A refresh's clusters rebuilt whole are made one unit at a time: no stored unit keeps
its decoded payload, a cluster's rows are read from the store as its units are made, and
the picture is a rebuild's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.resolve import incremental
from eventwire.resolve.actor_mentions import MentionActors
from eventwire.resolve.actor_units import StoredUnit
from eventwire.store import open_store, sql_units
from eventwire.synthetic import World, synthetic_document


def test_whole_clusters_are_made_unit_by_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(db=str(tmp_path / "s.db"))
    store = open_store(settings)
    world = World.make(160)
    store.add_documents([synthetic_document(world, n) for n in range(120)])
    rebuild(store, settings)
    read: list[StoredUnit] = []
    inner = incremental.cluster_actor

    def watched(cluster: str, stored: Any, *args: Any) -> Any:
        stored = list(stored)
        read.extend(stored)
        return inner(cluster, stored, *args)

    monkeypatch.setattr(incremental, "cluster_actor", watched)
    links: list[Any] = []
    update = incremental.update_actors

    def kept(*args: Any) -> Any:
        out = update(*args)
        links.append(out.actors.mention_actor)
        return out

    monkeypatch.setattr("eventwire.pipeline.update_actors", kept)
    # new articles: the clusters whose decisions they change are rebuilt from all units
    store.add_documents([synthetic_document(world, n) for n in range(120, 160)])
    refresh(store, settings)
    assert read, "no cluster was rebuilt whole"
    assert not any("data" in vars(s) for s in read)  # no payload decoded and kept
    assert isinstance(links[0], MentionActors) and len(links[0]) > 0
    assert check_picture(store, settings).same


def test_whole_clusters_are_read_as_they_are_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(db=str(tmp_path / "s.db"))
    store = open_store(settings)
    world = World.make(160)
    store.add_documents([synthetic_document(world, n) for n in range(120)])
    rebuild(store, settings)
    read: list[str] = []  # the cluster of each unit row the store has read
    row_unit = sql_units._unit

    def unit(row: Any) -> StoredUnit:
        s = row_unit(row)
        read.append(s.cluster)
        return s

    seen: list[tuple[int, int]] = []  # (its rows read when it is started, its units)
    inner = incremental.cluster_actor

    def watched(cluster: str, stored: Any, *args: Any) -> Any:
        before = read.count(cluster)
        stored = list(stored)
        seen.append((before, len(stored)))
        return inner(cluster, stored, *args)

    monkeypatch.setattr(sql_units, "_unit", unit)
    monkeypatch.setattr(incremental, "cluster_actor", watched)
    store.add_documents([synthetic_document(world, n) for n in range(120, 160)])
    refresh(store, settings)
    assert any(n > 1 for _, n in seen), "no cluster of several units was rebuilt whole"
    # a cluster's rows are not all read before its first unit is made
    assert all(before < n for before, n in seen if n > 1)
    assert check_picture(store, settings).same
