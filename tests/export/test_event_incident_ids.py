"""An event's record names the incidents it is a member of (``incidents``): in its stored
line (written with it, filled in by migration 19 for lines stored before), in a line
made at export time, in the records a writer reads and in ``events.parquet``; on both
backends, the bytes the same on every path."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.export.test_event_lines import ACTORS, EVENTS, PORT, SAID, TOWN
from tests.export.test_relation_lines import _jsonl, _records_jsonl

from eventwire.export import export
from eventwire.export.filters import Filters
from eventwire.export.source import ExportSource
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Incident, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.dialects import postgres_script, sqlite_script
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, event_filter
from eventwire.views.downloads import FilteredStore, download, selected_incidents

# evt_1 and evt_2 are one incident's members, evt_4 a statement about it (not a member);
# evt_3 is the member of another; evt_2 is also a member of a third (one event in two
# incident records, as event grouping can leave it)
INCIDENTS = (
    Incident("incident_b", "ASSAULT", {}, (SAID,), "act_a", "act_b", "2019-04-09", "day", TOWN,
             events=("evt_1", "evt_2"), statements=("evt_4",)),
    Incident("incident_a", "FIGHT", {}, (SAID,), "act_c", "act_a", None, None, PORT,
             events=("evt_3",)),
    Incident("incident_c", "FIGHT", {}, (SAID,), "act_b", "act_c", "2019-05", "month", None,
             events=("evt_2",)),
)  # fmt: skip
MEMBER_OF = {
    "evt_1": ["incident_b"],
    "evt_2": ["incident_b", "incident_c"],
    "evt_3": ["incident_a"],
    "evt_4": [],
}
# the statement of migration 19 that fills the lines (found by what it writes: scripts
# are renumbered on merging)
MIGRATION_19 = next(
    part for m in MIGRATIONS for part in m.split(";") if ', "incidents": []}' in part
)


def _lines(store: Any) -> dict[str, str]:
    return {row.id: row.line for row in store.event_lines()}


def _check_exports(store: Any) -> None:
    onto = read_ontology()
    for filters in (Filters(), Filters(actor="act_c"), Filters(type="fight"),
                    Filters(since="2019-05")):  # fmt: skip
        got = _jsonl(ExportSource(store, filters, ontology=onto))
        assert got == _records_jsonl(ExportSource(store, filters, ontology=onto)), filters
    for cf in (CorpusFilter(), CorpusFilter(actor="act_a"), CorpusFilter(type="fight")):
        got = io.StringIO()
        download(store, cf, "jsonl", got, onto=onto)
        whole = ExportSource(
            FilteredStore(
                store, event_filter(store, cf, onto), selected_incidents(store, cf, onto=onto)
            ),
            ontology=onto,
        )  # type: ignore[arg-type]
        assert got.getvalue() == _records_jsonl(whole), cf
    records = [json.loads(line) for line in _jsonl(ExportSource(store, ontology=onto)).splitlines()]
    events = {r["id"]: r for r in records if r["kind"] == "event"}
    assert {k: r["incidents"] for k, r in events.items()} == MEMBER_OF
    assert all(list(r)[-1] == "incidents" for r in events.values())  # the last field


def _migrate_old_lines(store: Any, script: str) -> None:
    """The store's event lines as they were before migration 19 (no ``incidents``), then
    the migration run on them."""
    for event_id, line in _lines(store).items():
        record = json.loads(line)
        del record["incidents"]
        old = json.JSONEncoder(ensure_ascii=False).encode(record)
        store._execute("UPDATE events SET line = ? WHERE id = ?", (old, event_id))
    store._execute(script)


def _check(store: Any, script: str) -> None:
    picture = Resolution(actors=ACTORS, events=EVENTS, incidents=INCIDENTS, places=(TOWN, PORT))
    store.replace_resolution(picture, fingerprint="x")
    stored = _lines(store)
    assert stored["evt_1"].endswith(', "source_count": 2, "incidents": ["incident_b"]}')
    assert stored["evt_4"].endswith(', "incidents": []}')
    assert store.event_incidents(["evt_2", "evt_4", "evt_9"]) == {"evt_2": MEMBER_OF["evt_2"]}
    _check_exports(store)
    # no stored line: made from the event's JSON with its incidents, the same bytes
    store._execute("UPDATE events SET line = NULL WHERE id IN ('evt_2', 'evt_4')")
    assert _lines(store) == stored
    _check_exports(store)
    # lines stored before migration 19: one incident or none filled in by the script,
    # several left empty (made at export time); the same bytes either way
    _migrate_old_lines(store, script)
    nulls = store._all("SELECT id FROM events WHERE line IS NULL ORDER BY id")
    assert [r[0] for r in nulls] == ["evt_2"]
    assert _lines(store) == stored
    _check_exports(store)
    # written again without incidents: every event's list is empty
    store.replace_resolution(
        Resolution(actors=ACTORS, events=EVENTS, places=(TOWN, PORT)), fingerprint="y"
    )
    assert all(line.endswith(', "incidents": []}') for line in _lines(store).values())
    assert store.events(EventFilter())  # the events themselves are unchanged


def test_event_records_name_their_incidents() -> None:
    with SQLiteStore(":memory:") as store:
        _check(store, sqlite_script(MIGRATION_19))


def test_migration_20_leaves_an_id_needing_escapes_to_export_time() -> None:
    odd = Incident('incident_"q"', "FIGHT", {}, (SAID,), "act_c", "act_a", None, None, None,
                   events=("evt_3",))  # fmt: skip
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(
            Resolution(actors=ACTORS, events=EVENTS, incidents=(odd,), places=(TOWN, PORT))
        )
        stored = _lines(store)
        assert stored["evt_3"].endswith(', "incidents": ["incident_\\"q\\""]}')
        _migrate_old_lines(store, sqlite_script(MIGRATION_19))
        nulls = store._all("SELECT id FROM events WHERE line IS NULL")
        assert [r[0] for r in nulls] == ["evt_3"]
        assert _lines(store) == stored


def test_events_parquet_has_the_incidents(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with SQLiteStore(":memory:") as store:
        store.replace_resolution(
            Resolution(actors=ACTORS, events=EVENTS, incidents=INCIDENTS, places=(TOWN, PORT))
        )
        export(store, "parquet", tmp_path / "out", ontology=read_ontology())
    table = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert {row["id"]: row["incidents"] for row in table} == MEMBER_OF


@pytest.mark.postgres
def test_event_records_name_their_incidents_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check(store, postgres_script(MIGRATION_19))
