"""NameKeys remembers the name keys it worked out and gives what the functions give."""

from __future__ import annotations

from eventwire.text.names import NameKeys, clean_surface, plain_key
from eventwire.text.translit import translit_key

NAMES = ["Al-Serraj’s", "the U.N.-backed (GNA)", "Hiftar", "Egyptians", "Khalifa Haftar"]


def test_same_keys_as_the_functions_asked_twice() -> None:
    keys = NameKeys()
    for _ in range(2):
        assert [keys.plain(n) for n in NAMES] == [plain_key(n) for n in NAMES]
        assert [keys.translit(n) for n in NAMES] == [translit_key(n) for n in NAMES]
        assert [keys.surface(n) for n in NAMES] == [clean_surface(n) for n in NAMES]


def test_a_full_table_starts_afresh() -> None:
    keys = NameKeys(limit=3)
    answers = [keys.plain(n) for n in NAMES]
    assert answers == [plain_key(n) for n in NAMES]
    assert len(keys._plain) <= 3
