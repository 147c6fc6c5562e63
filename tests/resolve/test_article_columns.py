"""The event of each mention held as number columns answers as the dictionary would;
mention rows kept on disk and events arranged by number read back as given."""

from __future__ import annotations

import random

from eventwire.model import Event
from eventwire.resolve.article_columns import EventOfColumns
from eventwire.resolve.event_spill import SpilledEvents, event_number, event_text
from eventwire.resolve.ids import stable_id
from eventwire.resolve.mention_rows import MentionRow, SpilledRows


def test_event_of_columns_answer_as_the_dict() -> None:
    rng = random.Random(3)
    made: dict[tuple[str, int, str], str] = {}
    for n in range(2000):
        article = f"art:{rng.randrange(300):04d}"  # ids may hold the separator
        made[(article, rng.randrange(5000), rng.choice(["ASSAULT", "PROTEST", "COERCE"]))] = (
            stable_id("event", n)
        )
    made[("art:0001", 1 << 40, "ASSAULT")] = stable_id("event", "far")  # past the packing
    made[("art:0002", 7, "ASSAULT")] = "not an event id"
    made[("ünïcode", 3, "PROTEST")] = stable_id("event", "u")
    columns = EventOfColumns.of(made)
    assert len(columns) == len(made) and dict(columns.items()) == made
    for mid, event_id in made.items():
        assert columns[mid] == columns.get(mid) == event_id and mid in columns
    assert columns.get(("art:0001", 4, "NOPE")) is None
    assert columns.get(("never", 4, "ASSAULT"), "x") == "x"


def test_a_mention_added_twice_keeps_the_later_event() -> None:
    mid = ("a1", 10, "ASSAULT")
    columns = EventOfColumns(["a1"])
    for n in (1, 2):
        columns.add(mid, event_number(stable_id("event", n)))
    columns.add(("a1", 11, "ASSAULT"), -1, "odd id")
    columns.add(("a1", 11, "ASSAULT"), event_number(stable_id("event", 3)))
    columns.seal()
    assert columns[mid] == stable_id("event", 2)
    assert columns[("a1", 11, "ASSAULT")] == stable_id("event", 3)
    assert event_text(event_number(stable_id("event", 5))) == stable_id("event", 5)
    assert event_number("event_ABCDEF012345") == -1  # would not give the id back


def test_rows_on_disk_read_back_in_order() -> None:
    rows = SpilledRows()
    made = [MentionRow(f"a{n // 7}", n % 7, n, "ASSAULT", '["k"]', f"e{n}") for n in range(9000)]
    for row in made:
        rows(row)
    assert len(rows) == 9000 and list(rows) == made and list(rows) == made
    rows.close()


def test_events_arranged_by_the_numbers_given() -> None:
    events = [Event(id=stable_id("event", n), type="ASSAULT", codes={}, evidence=())
              for n in range(50)]  # fmt: skip
    order = list(range(50))
    random.Random(5).shuffle(order)
    spilled = SpilledEvents()
    for n in order:
        spilled.append(events[n], order=n)
    spilled.arrange()
    assert list(spilled) == events
    assert all(spilled.by_id()[e.id] == e for e in events)
