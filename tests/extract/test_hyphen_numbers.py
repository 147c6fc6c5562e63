"""A hyphenated tens word takes its unit only from a unit word: "forty-two" is 42, while
"thirty-odd" and "twenty-first" read no unit (they raised KeyError before)."""

from __future__ import annotations

import spacy

from eventwire.extract.counts import number_value


def _values(text: str) -> dict[str, tuple[int, str | None] | None]:
    doc = spacy.blank("en")(text)
    return {t.text: number_value(t) for t in doc}


def test_a_unit_word_after_a_tens_word_carries_the_whole() -> None:
    assert _values("Gunmen held forty-two hostages")["two"] == (42, None)


def test_a_word_that_is_no_unit_after_a_tens_word_is_no_number() -> None:
    values = _values("Shelling killed thirty-odd people in the twenty-first raid")
    assert values["thirty"] == (30, None) and values["twenty"] == (20, None)
    assert values["odd"] is None and values["first"] is None


def test_a_tens_word_after_a_tens_word_is_its_own() -> None:
    assert _values("a twenty-thirty split")["thirty"] == (30, None)
