"""Scoring a place by name: a division named with its kind word in the gold is answered
by our division of that name, never by a town of that name."""

from __future__ import annotations

from eventwire.evaluate.places import same_division


def test_our_division_answers_the_gold_named_with_its_kind() -> None:
    assert same_division("Lac", "admin1", "Lac province")
    assert same_division("Sagaing", "admin1", "Sagaing Region")
    assert same_division("Rutshuru", "admin2", "Rutshuru territory")


def test_a_town_of_that_name_does_not() -> None:
    assert not same_division("Kassala", "city", "Kassala state")
    assert not same_division("Kassala", None, "Kassala state")


def test_a_gold_name_without_a_kind_word_is_left_to_the_name_test() -> None:
    assert not same_division("Kidal", "admin1", "Kidal")
    assert not same_division("Mopti", "admin1", "Kidal region")
