"""Which words join two quoted parts into one quote come from quote_words.toml."""

from __future__ import annotations

from eventwire.extract.quotes import merge_split, quoted_parts, quoted_runs
from eventwire.knowledge.words import QuoteWords, quote_words

TEXT = '"We will hold the line," the commander said, "whatever it takes."'
MUTTERED = '"We will hold the line," the commander muttered, "whatever it takes."'


def test_a_speech_clause_joins_two_quoted_parts():
    words = quote_words()
    assert "said" in words.bridge_forms
    assert len(merge_split(TEXT, quoted_parts(TEXT), words)) == 1
    # a word the list does not hold leaves two quotes
    assert len(merge_split(MUTTERED, quoted_parts(MUTTERED), words)) == 2


def test_the_list_is_the_data():
    words = QuoteWords(bridge_forms=frozenset({"muttered"}))
    assert len(merge_split(MUTTERED, quoted_parts(MUTTERED), words)) == 1
    assert len(merge_split(TEXT, quoted_parts(TEXT), words)) == 2


def test_a_bridge_over_a_line_break_or_too_long_joins_nothing():
    words = quote_words()
    broken = TEXT.replace(" the commander said,", "\nthe commander said,")
    long = TEXT.replace("the commander said", "the commander, " + "who " * 20 + "said")
    for text in (broken, long):
        assert len(merge_split(text, quoted_parts(text), words)) == 2


def test_a_quote_left_open_runs_on_only_into_a_paragraph_opening_with_a_mark():
    text = '"We lost the house and the car.\n\n"Now we live in a tent," she said.'
    paras = [(0, 31), (33, len(text))]
    parts, running = quoted_runs(text, paras)
    assert [text[a:b] for a, b in parts] == [
        "We lost the house and the car.",
        "Now we live in a tent,",
    ]
    assert running == {1}
    assert len(merge_split(text, parts, quote_words(), running)) == 1
    closed = 'He said "we lost the house and the car" today.\n\nNow we live in a tent.'
    assert quoted_runs(closed, [(0, 46), (48, len(closed))])[1] == set()
