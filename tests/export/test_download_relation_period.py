"""A download carries the relations the network shows under the same filter (issue 18: a
download holds what is on screen). Under dates, a relation last seen before ``since`` or
first seen after ``until`` is not in it, one seen in the period or undated is (a date
being the whole span its precision names: a year overlaps each of its months); in every
format that writes relations, on both backends, and past ``AMONG_LIMIT``. Under a type,
ACLED type, place or fatalities filter the network draws no relation, and a download
carries none."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest

import eventwire.store.sql_relations as sql_relations
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Actor, Event, Evidence, Relation, Resolution
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter, shows_relations
from eventwire.views.downloads import download

ONTO = read_ontology()
ACTORS = tuple(
    Actor(f"act_{k}", name, "armed_group", "LBY", (), 1, 1)
    for k, name in (("a", "Sahel Brigade"), ("b", "Wadi Guard"), ("c", "Ra'ad Unit"))
)
SAID = Evidence("art_1", "The Sahel Brigade backed the Guard.", 4, 17)
RELATIONS = (
    Relation("rel_in", "act_a", "act_b", "support", (SAID,), first_seen="2019-04",
             last_seen="2019-06", source_count=3),
    Relation("rel_before", "act_b", "act_c", "oppose", (SAID,), first_seen="2018-01",
             last_seen="2018-03", source_count=2),
    Relation("rel_after", "act_c", "act_a", "fight", (SAID,), first_seen="2020",
             source_count=2),
    Relation("rel_undated", "act_a", "act_c", "ally", (SAID,), source_count=1),
    Relation("rel_year", "act_b", "act_a", "ally", (SAID,), first_seen="2019",
             last_seen="2019", source_count=1),
    Relation("rel_month", "act_c", "act_b", "oppose", (SAID,), first_seen="2019-05",
             last_seen="2019-05", source_count=4),
)  # fmt: skip
# the three actors take part in events on each of these days (a download's relations are
# those between its events' actors), so every period below selects all three
DAYS = ("2018-06-01", "2019-01-15", "2019-04-30", "2019-05-01", "2019-05-02", "2019-05-03",
        "2019-05-31", "2019-06-01", "2019-08-10", "2020-03-01")  # fmt: skip
EVENTS = tuple(
    Event(f"evt_{i}_{src}", "FIGHT", {}, (SAID,), src, tgt, date, "day")
    for i, date in enumerate(DAYS)
    for src, tgt in (("act_a", "act_b"), ("act_b", "act_c"))
)
EVERY = {"rel_in", "rel_before", "rel_after", "rel_undated", "rel_year", "rel_month"}
# (since, until) -> the relations kept: seen in the period or undated. A date is the span
# its precision names: a relation seen in "2019" overlaps since=2019-05 and until=2019-03
# (a year bound against a month date, and a month bound against a year date, at both
# ends), one seen in "2019-05" overlaps since=2019-05-31 and until=2019-05-01, and is
# before since=2019-06-01 and after until=2019-04-30
PERIODS = {
    (None, None): EVERY,
    ("2019-05", "2019-05"): {"rel_in", "rel_undated", "rel_year", "rel_month"},
    ("2019-05-02", None): {"rel_in", "rel_after", "rel_undated", "rel_year", "rel_month"},
    (None, "2019-05-31"): {"rel_in", "rel_before", "rel_undated", "rel_year", "rel_month"},
    ("2019-05-02", "2019-05-03"): {"rel_in", "rel_undated", "rel_year", "rel_month"},
    ("2019", "2019"): {"rel_in", "rel_undated", "rel_year", "rel_month"},
    ("2019-07", None): {"rel_after", "rel_undated", "rel_year"},
    (None, "2019-03"): {"rel_before", "rel_undated", "rel_year"},
    ("2019-05-31", "2019-05-31"): {"rel_in", "rel_undated", "rel_year", "rel_month"},
    ("2019-05-01", "2019-05-01"): {"rel_in", "rel_undated", "rel_year", "rel_month"},
    ("2019-06-01", None): {"rel_in", "rel_after", "rel_undated", "rel_year"},
    (None, "2019-04-30"): {"rel_in", "rel_before", "rel_undated", "rel_year"},
    ("2020-01", None): {"rel_after", "rel_undated"},
    (None, "2018-12-31"): {"rel_before", "rel_undated"},
}


def _jsonl_relations(store: Any, cf: CorpusFilter) -> set[str]:
    out = io.StringIO()
    download(store, cf, "jsonl", out, onto=ONTO)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    return {r["id"] for r in records if r["kind"] == "relation"}


def _graph_relations(store: Any, cf: CorpusFilter, fmt: str) -> set[str]:
    out = io.StringIO()
    download(store, cf, fmt, out, onto=ONTO)
    return {rel for rel in EVERY if f'"{rel}"' in out.getvalue()}


def _network_pairs(store: Any, cf: CorpusFilter) -> set[tuple[str, str, str]]:
    """The relation edges the network reads under ``cf`` (its period rule)."""
    flt = event_filter(store, cf, ONTO)
    return {
        (e.source, e.target, e.type)
        for e in store.relation_edges(flt, among=["act_a", "act_b", "act_c"])
    }


def _check(store: Any) -> None:
    store.replace_resolution(Resolution(actors=ACTORS, events=EVENTS, relations=RELATIONS))
    by_id = {r.id: r for r in RELATIONS}
    for (since, until), kept in PERIODS.items():
        cf = CorpusFilter(since=since, until=until)
        assert _jsonl_relations(store, cf) == kept, (since, until)
        for fmt in ("graphml", "gexf"):
            assert _graph_relations(store, cf, fmt) == kept, (fmt, since, until)
        shown = {(by_id[r].source_actor, by_id[r].target_actor, by_id[r].type) for r in kept}
        assert _network_pairs(store, cf) == shown, (since, until)
        # the network's degrees from the relations' sums keep the same relations
        degrees: dict[str, int] = {}
        for r in kept:
            for side in (by_id[r].source_actor, by_id[r].target_actor):
                degrees[side] = degrees.get(side, 0) + by_id[r].source_count
        assert dict(store.relation_degrees(event_filter(store, cf, ONTO))) == degrees
        ids = ["act_a", "act_b", "act_c"]
        period = {"since": since, "until": until}
        assert {r.id for r in store.relations_among(ids, **period)} == kept
        assert {p["id"] for p in store.relation_payloads_among(ids, **period)} == kept
        lines = store.relation_lines_among(ids, **period)
        assert {json.loads(line)["id"] for line in lines} == kept


def test_a_filter_on_what_relations_lack_carries_no_relation() -> None:
    """A relation has no type, ACLED type or fatalities: under such a filter neither the
    network nor a download shows one, while the events' actors are still written."""
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(Resolution(actors=ACTORS, events=EVENTS, relations=RELATIONS))
        for cf in (
            CorpusFilter(type="fight"),
            CorpusFilter(type="fight", since="2019-05", until="2019-05"),
            CorpusFilter(acled="Battles"),
            CorpusFilter(min_fatalities=1),
        ):
            assert _jsonl_relations(store, cf) == set(), cf
            for fmt in ("graphml", "gexf"):
                assert _graph_relations(store, cf, fmt) == set(), (fmt, cf)
            assert not shows_relations(event_filter(store, cf, ONTO)), cf
        out = io.StringIO()
        download(store, CorpusFilter(type="fight"), "jsonl", out, onto=ONTO)
        kinds = {json.loads(line)["kind"] for line in out.getvalue().splitlines()}
        assert {"event", "actor"} <= kinds, kinds
        assert _jsonl_relations(store, CorpusFilter(since="2019-05", until="2019-05")) == {
            "rel_in",
            "rel_undated",
            "rel_year",
            "rel_month",
        }


def test_a_download_under_dates_carries_the_relations_of_the_period() -> None:
    with SQLiteStore(":memory:") as store:
        _check(store)


def test_the_period_past_among_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``AMONG_LIMIT`` ids every relation is read: the same period rule."""
    monkeypatch.setattr(sql_relations, "AMONG_LIMIT", 1)
    with SQLiteStore(":memory:") as store:
        _check(store)


@pytest.mark.postgres
def test_a_download_under_dates_carries_the_relations_of_the_period_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check(store)
