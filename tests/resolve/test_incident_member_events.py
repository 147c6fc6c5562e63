"""The event of each report's members, held as numbers, reads back as it was given."""

from __future__ import annotations

from eventwire.resolve.event_spill import event_text
from eventwire.resolve.incident_records import MemberEvents


def test_member_events_read_back_as_given() -> None:
    given: list[tuple[str | None, ...]] = [
        (event_text(5), None, event_text(2**47 + 3)),
        (),
        ("event_from_elsewhere", None),  # an id not of the usual form is kept as it is
        (None,),
        (event_text(0), "event_ABCDEF012345"),  # upper-case hex: not the usual form
    ]
    held = MemberEvents()
    for events in given:
        held.append(iter(events))
    assert len(held) == len(given)
    assert list(held) == given
    assert held[-1] == given[-1]
