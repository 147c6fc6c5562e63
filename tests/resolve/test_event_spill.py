"""Events kept on disk while a resolution runs read back equal, in order and by id."""

from __future__ import annotations

import random

import pytest

from eventwire.model import Event
from eventwire.resolve.event_spill import SpilledEvents
from eventwire.resolve.ids import stable_id


def _event(n: int, event_id: str | None = None) -> Event:
    return Event(
        id=event_id or stable_id("event", n),
        type=random.Random(n).choice(["ASSAULT", "PROTEST", "ACCUSE"]),
        codes={"plover": "ASSAULT"},
        evidence=(),
        counts={"killed": n} if n % 3 else {},
        qualifiers=("embedded",) if n % 2 else (),
    )


def test_events_read_back_equal_in_order_and_by_id() -> None:
    made = [_event(n) for n in range(200)]
    spilled = SpilledEvents()
    for e in made:
        spilled.append(e)
    assert len(spilled) == 200
    assert list(spilled) == made
    assert spilled[-1] == made[-1] and list(spilled[10:13]) == made[10:13]
    by_id = spilled.by_id()
    order = list(range(200))
    random.Random(1).shuffle(order)
    for n in order:
        assert by_id[made[n].id] == made[n]
    assert by_id.get(stable_id("event", "never made")) is None
    assert "event_zz" not in by_id
    with pytest.raises(IndexError):
        spilled[200]
    spilled.close()


def test_an_id_made_twice_names_the_later_event_as_a_dict_would() -> None:
    spilled = SpilledEvents()
    first, later = _event(1), _event(2, event_id=stable_id("event", 1))
    for e in (first, _event(3), later, _event(4, event_id="not an event id")):
        spilled.append(e)
    by_id = spilled.by_id()
    assert by_id[first.id] == {e.id: e for e in spilled}[first.id] == later
    assert by_id["not an event id"].counts == {"killed": 4}
    spilled.append(_event(5))  # appended after a look-up: found too
    assert by_id[stable_id("event", 5)] == _event(5)
    assert len(by_id) == 4 and set(by_id) == {e.id for e in spilled}
