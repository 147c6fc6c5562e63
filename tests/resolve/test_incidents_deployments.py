"""An incident whose AID or MOBILIZE act sent armed men keeps that when stored, so a stored
incident is compared in its type's incident family as the merge compared its reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from tests.resolve.test_incidents import GHARYAN, ONTO
from tests.resolve.test_incidents_types import report, resolve_named

from eventwire.export.incident_list import near_misses
from eventwire.model import Evidence, Incident, Place, Resolution
from eventwire.resolve.incidents import family_types, report_of_incident
from eventwire.store.sqlite import SQLiteStore


def test_the_merged_incident_says_whether_its_deployment_sent_armed_men() -> None:
    troops = report("a", "AID", "Sidra Brigade sent troops to the town on Friday.", "sent")
    aid = report("c", "AID", "Sidra Brigade sent aid to the town on Friday.", "sent")
    (sent,) = resolve_named([troops])
    (handed,) = resolve_named([aid])
    assert sent.type == handed.type == "AID"
    assert sent.sends_armed_men and not handed.sends_armed_men
    assert report_of_incident(sent, onto=ONTO).kind == "force"
    assert report_of_incident(handed, onto=ONTO).kind == "AID"
    assert "ASSAULT" in family_types("AID", ONTO, deploys=True)
    assert family_types("AID", ONTO) == ("AID",)


def _incident(n: int, itype: str, sends: bool = False, town: Place = GHARYAN) -> Incident:
    ev = Evidence(f"art_{n:016x}", "A sentence.", 0, 11)
    return Incident(f"incident_{n:012x}", itype, {}, (ev,), source_actor="Sidra Brigade",
                    date="2025-03-14", date_precision="day", location=town,
                    sends_armed_men=sends)  # fmt: skip


def _round_trip(store: object) -> None:
    sent, handed = _incident(1, "AID", sends=True), _incident(2, "AID")
    attack = _incident(3, "ASSAULT")
    store.replace_resolution(Resolution(incidents=(sent, handed, attack)))  # type: ignore[attr-defined]
    got = {i.id: i for i in store.incidents()}  # type: ignore[attr-defined]
    assert got[sent.id].sends_armed_men and not got[handed.id].sends_armed_men
    assert replace(store.get_incident(sent.id), outlet_count=0) == sent  # type: ignore[attr-defined]
    # read back, the troops sent are a near miss of the attack; the aid handed out is not
    said = near_misses(store, got[attack.id], ONTO)  # type: ignore[arg-type]
    assert any(sent.id in line for line in said)
    assert not any(handed.id in line for line in said)
    assert report_of_incident(got[sent.id], onto=ONTO).kind == "force"


def test_a_stored_incident_keeps_whether_it_sent_armed_men(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        _round_trip(store)


@pytest.mark.postgres
def test_postgres_stored_incident_keeps_whether_it_sent_armed_men(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _round_trip(store)


def test_an_incident_stored_before_the_field_reads_as_sending_none(tmp_path: Path) -> None:
    """A payload written before ``sends_armed_men`` existed decodes with its default."""
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        inc = _incident(1, "AID")
        store.replace_resolution(Resolution(incidents=(inc,)))
        store._execute(  # an older payload: the key absent
            "UPDATE incidents SET payload = replace(payload, '\"sends_armed_men\": false, ', '')"
        )
        (payload,) = store._one("SELECT payload FROM incidents")
        assert "sends_armed_men" not in payload
        assert replace(store.get_incident(inc.id), outlet_count=0) == inc
