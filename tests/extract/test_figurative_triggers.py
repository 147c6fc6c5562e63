"""Violent verbs in a sense that is no act of force, found by frequency on unlabelled
articles (issue 13): a deal struck, an aim targeted, a level hit, a ceasing ("must stop"),
a force of nature as the doer. Sentences are ours; the real model runs them (slow)."""

from __future__ import annotations

import pytest

VIOLENT = {"ASSAULT", "COERCE"}


def _violent(run, text):
    return [(e.type, e.trigger.text) for e in run(text)["events"] if e.type in VIOLENT]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The two leaders hope to strike a peace deal before the rains.",
        "Negotiators struck a compromise on the border late on Friday.",
        "The new fund is targeting returns of eight percent a year.",
        "Bread prices hit a record this month, traders said.",
        "Nine districts were hit by the drought last year.",
        "A cyclone struck the coast of the island on Monday.",
        "Farmers in the valley were battered by floods in May.",
        "The envoy called for the shelling to stop at once.",
        "Nobody can stop something that has already happened, he said.",
        "Two vetoes killed the draft resolution on Friday.",
        "The cameras captured the mood of the crowd in the square.",
        "The students seized the chance to speak to the minister.",
        "The new mayor vowed to fight corruption in the port.",
        "Two envoys flew in to defuse the crisis over the dam.",
        "The bank's profits beat forecasts for the third quarter.",
    ],
)
def test_no_act_of_force(run, text):
    assert _violent(run, text) == []


@pytest.mark.slow
def test_a_ceasing_is_no_coercion_but_what_ceased_happened(run):
    assert _violent(run, "The fighting stopped around noon, residents said.") == [
        ("ASSAULT", "fighting")
    ]
    # a call to stop an act: the act is told by its noun, the call coerces no one
    assert _violent(run, "The marchers chanted: stop the shelling of Hama.") == [
        ("ASSAULT", "shelling")
    ]
    assert _violent(run, "Mediators are trying to halt the war in the north.") == [
        ("ASSAULT", "war")
    ]


@pytest.mark.slow
def test_stopping_people_or_their_protest_is_coercion(run):
    assert ("COERCE", "stop") in _violent(run, "Police tried to stop the march by force.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police stopped the convoy at a checkpoint outside Makeni.", "stopped"),
        ("Soldiers prevented the marchers from reaching the square.", "prevented"),
        ("Gunmen targeted a market in the town on Sunday.", "targeted"),
        ("A rocket hit the clinic in the east of the city.", "hit"),
        ("Militiamen struck the village before dawn, killing four.", "struck"),
        ("Rebels seized the town of Kabu on Tuesday.", "seized"),
        ("Police fought the marchers for hours near the bridge.", "fought"),
    ],
)
def test_acts_of_force_stay(run, text, trigger):
    assert trigger in {t for _, t in _violent(run, text)}
