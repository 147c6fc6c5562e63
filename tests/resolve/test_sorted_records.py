"""Records kept on disk as they are made come back in key order, as ``sorted`` gives."""

from __future__ import annotations

import random

import pytest

from eventwire.resolve.record_file import SortedRecords


def test_records_come_back_in_key_order_ties_as_appended() -> None:
    rng = random.Random(7)
    made = [(rng.choice("abcde"), n) for n in range(300)]
    spilled: SortedRecords[tuple[str, int]] = SortedRecords()
    for record in made:
        spilled.append(record, record[0])
    expected = sorted(made, key=lambda r: r[0])
    assert list(spilled) == expected
    assert len(spilled) == 300 and spilled[-1] == expected[-1]
    assert list(spilled[5:9]) == expected[5:9]
    with pytest.raises(ValueError):
        spilled.append(("f", 300), "f")  # read once: sealed
    spilled.close()
