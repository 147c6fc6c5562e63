"""Doers found by frequency on unlabelled articles (issue 13): the one an act is blamed
on ("blamed the raids on X", "X, which it blames for the raids"), armed groups named by
a plural common noun, and a country before a war noun, which names where the war is
and not who fights it. Sentences are ours; the real model runs them (slow)."""

from __future__ import annotations

import pytest


def _doers(run, text, trigger):
    return [
        e.source.text if e.source else None
        for e in run(text)["events"]
        if e.trigger.text == trigger
    ]


@pytest.mark.slow
def test_an_act_blamed_on_someone(run):
    text = "The governor blamed the looting in the valley on armed gangs."
    assert _doers(run, text, "looting") == ["armed gangs"]
    (looting,) = [e for e in run(text)["events"] if e.trigger.text == "looting"]
    assert looting.target is None  # blamed, not looted


@pytest.mark.slow
def test_a_relative_pronoun_blamed_for_an_act(run):
    text = "Officials say 30 guards died in raids by armed groups, which they blame for the ambush."
    assert "armed groups" in _doers(run, text, "ambush")


@pytest.mark.slow
def test_armed_groups_as_a_passives_agent(run):
    text = "Twelve police officers were killed by armed groups near Dolo on Monday."
    assert _doers(run, text, "killed") == ["armed groups"]


@pytest.mark.slow
def test_gangs_are_unnamed_armed_doers(run):
    assert _doers(run, "Gangs looted three shops in the market overnight.", "looted") == ["Gangs"]
    text = "Nine people were killed in the raid that gangs of the Lake Front launched."
    assert _doers(run, text, "killed") == ["the Lake Front"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Many voters in Oslo opposed the Yemen war from the start.",
        "The Sudan conflict has forced millions from their homes.",
    ],
)
def test_a_country_before_a_war_noun_is_no_doer(run, text):
    for e in run(text)["events"]:
        if e.trigger.text in ("war", "conflict"):
            assert e.source is None


@pytest.mark.slow
def test_a_group_before_an_attack_noun_stays_the_doer(run):
    assert _doers(run, "A Hamas attack wounded two soldiers.", "attack") == ["Hamas"]


@pytest.mark.slow
def test_the_one_who_uses_violence_does_it(run):
    text = "The police kept using violence against the marchers in Lira."
    assert _doers(run, text, "violence") == ["police"]
    assert _doers(run, "The army used the raid as a pretext.", "raid") == [None]


@pytest.mark.slow
def test_its_attacks_are_those_of_who_says_so(run):
    text = "The Northern Front says its attacks on the garrison aim to protect villagers."
    assert _doers(run, text, "attacks") == ["The Northern Front"]
