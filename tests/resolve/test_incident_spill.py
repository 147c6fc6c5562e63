"""Article incidents kept on disk during the join: read back equal, in id order, and
the join over them gives the very incidents the join over a list gives."""

from __future__ import annotations

from tests.resolve.test_incidents import ONTO
from tests.resolve.test_incremental_incident_notes import TOWNS, raids

from eventwire.model import Actor
from eventwire.resolve.doc_incidents import DocIncident
from eventwire.resolve.incident_spill import SpilledIncidents
from eventwire.resolve.incidents import (
    IncidentLinks,
    article_reports,
    link_facets,
    resolve_incidents,
    state_sides,
)

SIDES = state_sides([Actor("actor_sidra", "Sidra Brigade", "armed_group", "LBY")], ONTO)


def spilled(told: list[DocIncident]) -> SpilledIncidents:
    spill = SpilledIncidents(ONTO)
    for inc in link_facets(told):
        spill.add(inc)
    return spill


def test_spilled_incidents_read_back_equal_in_id_order() -> None:
    told = raids(TOWNS[:6])
    spill = spilled(told)
    assert len(spill) == len(told)
    assert [spill[n] for n in range(len(spill))] == told  # in the order added
    spill.sort_by_id()
    by_id = sorted(told, key=lambda i: i.id)
    assert list(spill) == by_id
    assert spill[-1] == by_id[-1]
    assert all(inc.onto is ONTO for inc in spill)  # the one ontology, not a copy
    assert spill.named == {a for inc in told for a in inc.named}
    spill.close()


def test_the_join_over_spilled_incidents_equals_the_join_over_a_list() -> None:
    # the same towns raided twice over (joined) and once more apart (kept apart)
    told = raids(TOWNS[:5] + TOWNS[:5] + TOWNS[5:12])
    spill = spilled(raids(TOWNS[:5] + TOWNS[:5] + TOWNS[5:12]))
    whole = resolve_incidents(told, {}, [], IncidentLinks(), SIDES)
    from_disk = resolve_incidents(spill, {}, [], IncidentLinks(), SIDES)
    spill.close()
    assert any(inc.source_count == 2 for inc in whole)
    assert from_disk == whole


def test_reports_from_spilled_incidents_equal_reports_from_a_list() -> None:
    told = raids(TOWNS[:8])
    spill = spilled(told)
    assert article_reports(spill, SIDES) == article_reports(told, SIDES)
    spill.close()


def test_picked_incidents_read_back_the_positions_asked_for_in_id_order() -> None:
    """A refresh writes the incidents whose rows changed through ``Picked``, read back
    from the spilled ones when asked for; picked from a file in id order, they stay in
    id order (their links are written without sorting them again)."""
    from eventwire.resolve.record_file import Picked, SortedRecords
    from eventwire.store.sql_incidents import _in_id_order

    records: SortedRecords[str] = SortedRecords()
    for value in ("c", "a", "d", "b"):
        records.append(value, value)
    records.seal()
    picked = Picked(records, [0, 2, 3])
    assert list(picked) == ["a", "c", "d"] and picked[-1] == "d" and len(picked) == 3
    assert picked[1:] == ["c", "d"]
    assert _in_id_order(picked) and _in_id_order(records)
    assert not _in_id_order(["b", "a"])
    assert list(Picked(records, [])) == []


def test_ids_held_as_bytes_sort_as_strings() -> None:
    """Ids kept as one buffer give the order ``sorted`` gives the strings, ties in the
    order added: ids of one length in ASCII sorted as bytes, any others as strings."""
    from array import array

    from eventwire.resolve.record_file import key_order

    for ids in (["docinc_b2", "docinc_a9", "docinc_b2", "docinc_a1"],
                ["b", "a10", "a9", "a10", "é", "e"], ["ab", "c", "abc"]):  # fmt: skip
        data, ends = bytearray(), array("q")
        for i in ids:
            data += i.encode()
            ends.append(len(data))
        assert list(key_order(data, ends)) == sorted(range(len(ids)), key=ids.__getitem__)
    assert list(key_order(bytearray(), array("q"))) == []
