"""The words that anchor an event in time come from anchor_words.toml, read through
``Resources``: the shipped lists, the errors a bad file gives, and that the lists decide."""

from __future__ import annotations

import copy
import re

import pytest

from eventwire.errors import ConfigError
from eventwire.extract import extract_document
from eventwire.knowledge.words import AnchorWords, anchor_words, parse_anchor_words
from eventwire.model import Article

GOOD = {
    "version": 1,
    "up_to_now": {"phrases": ["so far", "to date"]},
    "occurrence": {"lemmas": ["Happen", "erupt"]},
}


def test_the_shipped_lists():
    words = anchor_words()
    assert words.up_to_now.search("So far, 150 people have been killed")
    assert words.up_to_now.search("the toll to date.")
    assert not words.up_to_now.search("they went so farther")  # whole words only
    assert {"take", "happen", "erupt"} <= words.occurrence


def test_phrases_are_matched_as_written_and_lemmas_folded():
    words = parse_anchor_words(GOOD, "mine.toml")
    assert words.up_to_now.search("The toll TO DATE is 40")
    assert not words.up_to_now.search("to-date")
    assert words.occurrence == frozenset({"happen", "erupt"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 2}, "mine.toml: version 2, expected 1"),
        ({"up_to_now": {}}, "mine.toml: [up_to_now] phrases must be a non-empty list"),
        ({"occurrence": {"lemmas": ["take", " "]}}, "mine.toml: [occurrence] lemmas must"),
    ],
)
def test_a_bad_file_is_named_with_its_problem(change, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_anchor_words({**GOOD, **change}, "mine.toml")


# "so far" makes the sentence's toll one up to now: it takes no earlier day of the paragraph
# (a toll of one attack, so it stays an event's count; "So far, five soldiers were killed"
# alone is a running total, a statistic: see extract/totals.py)
TEXT = "Militants attacked the town on Monday. Five soldiers were killed in the attack so far."


def _killed(nlp, resources) -> tuple[str | None, str | None]:
    article = Article(id="a", text=TEXT, published="2024-05-15", published_precision="day")
    records = extract_document(article, nlp(TEXT), resources)
    when = next(e.when for e in records.events if e.trigger.text == "killed")
    return (when.value, when.precision) if when else (None, None)


@pytest.mark.slow
def test_the_list_decides_what_is_a_toll_up_to_now(nlp, resources):
    assert _killed(nlp, resources) == ("2024-05-15", "publication")
    other = copy.copy(resources)  # the loaded KB and gazetteer, other anchor words
    other.anchor_words = AnchorWords(
        up_to_now=re.compile(r"\bthus far\b"), occurrence=resources.anchor_words.occurrence
    )
    assert _killed(nlp, other) == ("2024-05-13", "day")
