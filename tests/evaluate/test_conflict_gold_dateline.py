"""conflict-gold matches our evidence sentence to the gold's when the gold keeps the
dateline our page zones cut off (sentences we wrote)."""

import pytest

from eventwire.evaluate.sets.conflict_gold import same_sentence_text


@pytest.mark.parametrize(
    "gold",
    [
        "WESTPORT — Rebels shelled the port on Monday.",
        "WESTPORT (Wire)—Rebels shelled the port on Monday.",
        "Westport - Rebels shelled the port on Monday.",
        "Rebels shelled the port on Monday.",
    ],
)
def test_the_body_sentence_is_the_gold_sentence_after_its_dateline(gold):
    assert same_sentence_text("Rebels shelled the port on Monday.", gold)


def test_a_different_sentence_or_a_tail_of_one_is_not_the_same():
    gold = "WESTPORT — Rebels shelled the port on Monday."
    assert not same_sentence_text("shelled the port on Monday.", gold)
    assert not same_sentence_text("Rebels shelled the airport on Monday.", gold)
