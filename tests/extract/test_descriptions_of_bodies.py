"""Descriptions of bodies by their own head noun, the opposition and a state's regime
("the front", "the council", "the opposition", "the regime", "the administration") stand
for the one body or state the article named so, and for nobody with two or none
(``extract/descriptions.py``, ``extract/bodies.py``). Sentences we wrote; the model parses
them, so these are slow."""

from __future__ import annotations

import pytest

from eventwire.extract.bodies import name_kinds

pytestmark = pytest.mark.slow


def names(run, text: str) -> dict[str, str | None]:
    """Lowercase surface -> the name of the actor it was read as (the last one written)."""
    return {m.span.text.lower(): m.normalized for m in run(text)["mentions"]}


def doers(run, text: str, trigger: str) -> list[str | None]:
    records = run(text)
    by_span = {m.span: m.normalized for m in records["mentions"]}
    return [by_span.get(e.source) if e.source else None
            for e in records["events"] if e.trigger.text == trigger]  # fmt: skip


# --- the head noun of a body's name ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # "the front" for the one body whose name ends in Front
        ("The Kanvar Patriotic Front seized the town of Orlo on Monday. "
         "The front later shelled an army post.", "shelled", "Kanvar Patriotic Front"),
        # the head before the name's complement: "Council for ..."
        ("The National Council for Belmar Unity rejected the truce on Friday. "
         "A day later the council accused the army of torture.", "accused",
         "National Council for Belmar Unity"),
    ],
)  # fmt: skip
def test_a_description_by_the_head_noun_of_one_named_body(run_without_kb, text, trigger, doer):
    assert doers(run_without_kb, text, trigger) == [doer]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # two named bodies with that head: nobody
        ("The Orlo Liberation Front and the Tarvo Patriotic Front met in Kessa. "
         "The front later shelled an army post.", "shelled"),
        # the description before any name: nobody
        ("The front shelled an army post on Sunday. "
         "The Kanvar Patriotic Front is based in the hills.", "shelled"),
    ],
)  # fmt: skip
def test_a_head_noun_with_two_bodies_or_none_before_stands_for_nobody(
    run_without_kb, text, trigger
):
    assert doers(run_without_kb, text, trigger) in ([None], [])


def test_the_front_line_and_a_front_of_battle_are_not_the_body(run_without_kb):
    text = ("The Kanvar Patriotic Front took Orlo in May. Fighters at the front "
            "said the front line had not moved.")  # fmt: skip
    found = names(run_without_kb, text)
    assert "front" not in found


def test_a_collective_with_members_of_its_own_stands_for_nobody(run_without_kb):
    # "the council of elders": its own members, not the council named before
    text = ("The Belmar Unity Council held a rally in Tarvo. "
            "Later the council of elders blocked the main road.")  # fmt: skip
    assert doers(run_without_kb, text, "blocked") != ["Belmar Unity Council"]


def test_name_kinds_reads_the_head_the_opposition_and_a_treaty_organisation():
    assert name_kinds(["Kanvar Patriotic Front"]) == {"front"}
    assert name_kinds(["National Council for Belmar Unity"]) == {"council"}
    assert name_kinds(["Velmar Opposition Coalition"]) == {"coalition", "opposition"}
    assert name_kinds(["South Pacific Treaty Organization"]) == {"alliance"}
    assert name_kinds(["Tarvo Democratic Forces", "Orlo Brigade"]) == set()


def test_the_alliance_is_the_treaty_organisation_the_kb_names(run):
    # the KB's full name of an acronym ("North Atlantic Treaty Organization") is a
    # treaty organisation, so a military alliance
    text = ("NATO jets struck a depot near Kessa on Monday. "
            "The alliance said its aircraft destroyed four tanks.")  # fmt: skip
    assert names(run, text).get("alliance") == "NATO"


# --- the opposition ------------------------------------------------------------------------


def test_the_opposition_is_the_one_body_described_as_the_opposition(run_without_kb):
    text = ("The Velmar Democratic Coalition, the main opposition bloc, met in Tarvo. "
            "The opposition accused the army of torturing students.")  # fmt: skip
    assert doers(run_without_kb, text, "accused") == ["Velmar Democratic Coalition"]


def test_the_opposition_with_no_body_described_so_stands_for_nobody(run_without_kb):
    text = ("The Velmar Democratic Coalition met in Tarvo on Monday. "
            "The opposition accused the army of torturing students.")  # fmt: skip
    assert doers(run_without_kb, text, "accused") == [None]


# --- a state's regime ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "iso3"),
    [
        ("The Syrian regime shelled Kessa on Monday. The regime later blamed the rebels.",
         "blamed", "SYR"),
        ("Iran's regime sent drones to the militia. Later the regime threatened its rivals.",
         "threatened", "IRN"),
        ("The Kenyan administration deployed police to Garissa. The administration "
         "accused the gunmen of killing teachers.", "accused", "KEN"),
    ],
)  # fmt: skip
def test_the_regime_is_the_one_state_whose_government_is_named(run, text, trigger, iso3):
    records = run(text)
    by_span = {m.span: m for m in records["mentions"]}
    (event,) = [e for e in records["events"] if e.trigger.text == trigger]
    assert by_span[event.source].affiliation == iso3


def test_the_regime_with_two_governments_named_stands_for_nobody(run):
    text = ("The Chadian government and the Sudanese government condemned the raid. "
            "The regime blamed the rebels.")  # fmt: skip
    assert doers(run, text, "blamed") == [None]


def test_regime_forces_and_regime_change_are_no_government(run):
    text = ("The Syrian regime shelled Kessa. Regime forces entered the town, "
            "and the regime change the protesters wanted never came.")  # fmt: skip
    found = {m.span.text: m.group for m in run(text)["mentions"]}
    assert found.get("Regime forces") != "aff:SYR"
    assert "regime change" not in found


def test_the_regime_of_a_ruler_the_kb_knows_is_his_state(run):
    # a KB person with a ruler's role: "Gaddafi's regime" is Libya's government
    text = ("Gaddafi's regime shelled the port of Misrata. The regime later said "
            "rebels had fired first, and the regime threatened the rebels.")  # fmt: skip
    found = {m.span.text: m.affiliation for m in run(text)["mentions"]}
    assert found.get("regime") == "LBY"


def test_the_organization_names_nobody_of_its_own(run):
    # any international body is "the organization" in the news, whatever its name
    text = ("NATO and the African Union met in Addis Ababa. The organization said it "
            "would send observers.")  # fmt: skip
    assert "organization" not in {m.span.text for m in run(text)["mentions"]}


def test_an_opposition_activist_makes_no_body_the_opposition(run_without_kb):
    text = ("Omar Dalvi, an opposition activist based in Kessa, spoke on Monday. "
            "The opposition accused the army of torturing students.")  # fmt: skip
    assert doers(run_without_kb, text, "accused") == [None]


def test_a_committee_a_name_modifies_is_a_part_not_the_body(run_without_kb):
    text = ("The Belmar Unity Council met on Monday. Later the Belmar Unity Council "
            "(BUC) executive committee accused the army of torture.")  # fmt: skip
    found = names(run_without_kb, text)
    assert "buc" in found


def test_a_body_named_in_full_then_shorter_is_one_body(run_without_kb):
    # "the Belmar Peace Council ... the Peace Council ... the council": one body, two names
    text = ("The Belmar Peace Council met in Tarvo on Monday. The Peace Council heard "
            "envoys from Orlo. Later the council accused the army of torture.")  # fmt: skip
    assert doers(run_without_kb, text, "accused") in (["Belmar Peace Council"], ["Peace Council"])


def test_the_alliance_with_a_side_is_a_tie_not_the_body(run_without_kb):
    text = ("The Velmar Democratic Coalition signed a pact with the Orlo Front. "
            "The alliance with the Front held for a year.")  # fmt: skip
    assert "alliance" not in names(run_without_kb, text)


def test_a_description_of_a_named_body_tells_no_event_of_its_own(run):
    # "the alliance said": NATO speaking, no COOPERATE event "alliance"
    text = ("NATO jets struck a depot near Kessa on Monday. "
            "The alliance said its aircraft destroyed four tanks.")  # fmt: skip
    assert "alliance" not in {e.trigger.text for e in run(text)["events"]}
