"""Quoted stretches in single marks (our sentences): apostrophes inside words and after a
plural never open or close a quote, and double marks keep their meaning alone."""

from eventwire.extract.quotes import quoted_parts, single_quoted


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in single_quoted(text, 0, len(text))]


def test_single_marks_straight_and_curly() -> None:
    assert _quoted("'We ran to the river,' he said.") == ["We ran to the river,"]
    assert _quoted("She said: ‘The road is closed.’ Then she left.") == ["The road is closed."]


def test_apostrophes_inside_words_do_not_close_a_quote() -> None:
    text = "'The army's trucks can't reach us,' Ali said."
    assert _quoted(text) == ["The army's trucks can't reach us,"]


def test_a_plural_possessive_or_a_decade_opens_nothing() -> None:
    assert _quoted("The rebels' trucks left in the '90s for the hills.") == []


def test_a_quote_never_runs_over_a_line() -> None:
    assert _quoted("'We ran to the river\nand the hills,' he said.") == []


def test_single_marks_count_only_where_no_double_marks_are() -> None:
    # an outlet quoting with double marks uses single ones for a quote inside a quote
    text = "\"They told us 'leave the town or die' at dawn,\" she said."
    assert [text[a:b] for a, b in quoted_parts(text)] == [
        "They told us 'leave the town or die' at dawn,"
    ]
    text = "'We will not leave our homes,' said a farmer."
    assert [text[a:b] for a, b in quoted_parts(text)] == ["We will not leave our homes,"]
