"""Definite descriptions of actors ("the group", "the rebels", "the militia", "the
army") stand for the nearest earlier named actor the article describes so (sentences we
wrote; the model parses them, so these are slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def sources(run, text: str, trigger: str) -> list[str | None]:
    return [e.source and e.source.text for e in run(text)["events"] if e.trigger.text == trigger]


def test_the_group_is_the_rebel_group_named_before(run):
    # "the X rebel group" describes X as a group and as rebels
    text = ("Fighters from the Kivu rebel group attacked a base near Goma on Monday. "
            "The group also seized two villages in March.")  # fmt: skip
    assert sources(run, text, "seized") == ["Kivu"]


def test_the_rebels_are_the_rebel_group_but_not_a_plain_organisation(run):
    text = ("Fighters from the Kivu rebel group attacked a base near Goma on Monday. "
            "Oxfam said the rebels killed three soldiers.")  # fmt: skip
    assert sources(run, text, "killed") == ["Kivu"]


def test_the_militants_are_the_group_an_apposition_calls_militant(run):
    # "Hezbollah, the militant group, ..."; "they" then follows the description too
    text = ("Kataib, the militant group, fired rockets at the town on Friday. "
            "The militants said they hit an army base.")  # fmt: skip
    assert sources(run, text, "hit") == ["Kataib"]


def test_the_army_is_the_army_named_before(run):
    text = ("Congo's army said it had retaken the hills on Tuesday. "
            "The army later shelled the rebel camp.")  # fmt: skip
    assert sources(run, text, "shelled") == ["Congo's army"]


def test_a_description_with_a_name_of_its_own_or_nothing_described_before_is_left_alone(run):
    # no actor was described as a militia before: "the militia" stands for nobody named
    text = ("The Kivu movement held talks in Goma on Monday. "
            "The militia attacked a village on Tuesday.")  # fmt: skip
    assert sources(run, text, "attacked") != ["Kivu"]
    # "the Malian army" names its own actor
    text = ("Congo's army said it had retaken the hills on Tuesday. "
            "The Malian army shelled a rebel camp.")  # fmt: skip
    assert sources(run, text, "shelled") != ["Congo's army"]


def test_its_positions_are_the_army_not_the_rebels_attacking_them(run):
    # a held place owned by a pronoun is its owner; "its" is singular, "the rebels" not
    text = ("Fighters from the Kivu rebel group crossed the river on Monday. "
            "The Congolese army said the rebels attacked its positions near Goma.")  # fmt: skip
    (attack,) = [e for e in run(text)["events"] if e.trigger.text == "attacked"]
    assert attack.source is not None and attack.source.text == "Kivu"
    assert attack.target is not None and attack.target.text == "Congolese army"
