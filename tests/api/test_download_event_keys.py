"""A download reads its events' keys once (from an index covering the filter, no row
read), then their lines by id a page at a time: every selected event once, in the
store's (date, id) order, undated first, across pages."""

from __future__ import annotations

import io
import json
import random

from tests.api.test_network_periods import _recorded

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Event, Evidence, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.downloads import PAGE, download

SAID = Evidence("art_1", "Two convoys met at the crossing.", 0, 31)


def _events(n: int) -> tuple[Event, ...]:
    rng = random.Random(4)
    dates = [None, "2019", "2019-03", "2019-03-02", "2019-03-17", "2019-04-01"]
    return tuple(
        Event(f"evt_{i:05d}", rng.choice(["FIGHT", "CONSULT"]), {}, (SAID,), "act_a", "act_b",
              date := rng.choice(dates), None if date is None else "day")
        for i in range(n)
    )  # fmt: skip


def test_a_download_walks_its_events_by_key_across_pages() -> None:
    onto = read_ontology()
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(Resolution(events=_events(2 * PAGE + 37)))
        for cf in (CorpusFilter(), CorpusFilter(type="fight"),
                   CorpusFilter(type="consult", since="2019-03", until="2019-03")):  # fmt: skip
            out = io.StringIO()
            download(store, cf, "jsonl", out, onto=onto)
            got = [r["id"] for r in map(json.loads, out.getvalue().splitlines())
                   if r["kind"] == "event"]  # fmt: skip
            flt = event_filter(store, cf, onto)
            assert got == [e.id for e in store.events(flt)], cf
            assert len(got) == len(set(got)) > 0


def test_the_keys_of_a_type_and_a_month_come_from_a_covering_index() -> None:
    onto = read_ontology()
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(Resolution(events=_events(300)))
        store._execute("ANALYZE")
        cf = CorpusFilter(type="consult", since="2019-03", until="2019-03")
        flt = event_filter(store, cf, onto)
        ran = _recorded(store, lambda: store.event_keys(flt))
        assert len(ran) == 1
        sql, args = ran[0]
        plan = " ".join(r[3] for r in store._all("EXPLAIN QUERY PLAN " + sql, args))
        assert "COVERING INDEX" in plan, plan
        assert sorted(store.event_keys(flt), key=lambda k: (k[0] is not None, k)) == [
            (e.date, e.id) for e in store.events(EventFilter(types=flt.types, since="2019-03",
                                                             until="2019-03"))
        ]  # fmt: skip


def test_events_read_by_their_rows_addresses_are_those_read_by_id() -> None:
    """On SQLite a download reads its events' lines by rowid (the address its keys come
    with): the same lines, in the order asked, as by id; an address no row has is left
    out."""
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(Resolution(events=_events(PAGE + 9)))
        for flt in (EventFilter(), EventFilter(actor="act_a"), EventFilter(type="FIGHT")):
            found = store.event_addresses(flt)
            assert sorted((k[:2] for k in found), key=str) == sorted(store.event_keys(flt), key=str)
            rng = random.Random(2)
            rng.shuffle(found)
            got = store.event_lines_at([k[2] for k in found] + [10**9])
            assert got == store.event_lines_by_id([k[1] for k in found]), flt
            assert [row.id for row in got] == [k[1] for k in found] and len(got) > 100
