"""Stance modifiers: a side and a relation inside one noun phrase ("pro-Karlov
demonstrators", "anti-Front militias", "Zarnian-backed separatists", "a Velmar-led
offensive", "anti-Karlov protests"), and near misses that state nothing
(``extract/stances.py``). Sentences we wrote; the model parses them, so these are slow."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def stated(run, text: str) -> set[tuple[str, str | None, str | None]]:
    """(type, source name, target name) of the relation statements and of the events
    with both sides."""
    records = run(text)
    names = {m.span: m.normalized for m in records["mentions"]}
    found = {(r.type, names.get(r.source), names.get(r.target)) for r in records["relations"]}
    found |= {(e.type, names.get(e.source), names.get(e.target))
              for e in records["events"] if e.source and e.target}  # fmt: skip
    return found


KARLOV = "President Ivo Karlov spoke in Velm on Monday. "


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # a stance prefix on a group of people: they back the side named (the article's
        # earlier name for it)
        (KARLOV + "Pro-Karlov demonstrators marched through Velm on Sunday.",
         ("support", "demonstrators", "Karlov")),
        # against a side: armed people fight it, others oppose it
        ("The Orlo Front seized Tarvel on Monday. Anti-Orlo militias ambushed its convoy.",
         ("fight", "militias", "Orlo")),
        (KARLOV + "Anti-Karlov activists gathered outside the court.",
         ("oppose", "activists", "Karlov")),
        # a hyphenated backer or ally of a group noun the relation reader does not know
        ("Zarnian-backed separatists shelled the port of Kessa overnight.",
         ("support", "Zarnian", "Zarnian-backed separatists")),
        ("Velmar-allied militias withdrew from the ridge on Friday.",
         ("ally", "Velmar", "militias")),
    ],
)  # fmt: skip
def test_a_stance_modifier_states_the_relation_of_its_noun(run_without_kb, text, relation):
    assert relation in stated(run_without_kb, text)


def test_a_stance_on_a_named_group_is_the_groups(run):
    text = "The cleric left the council to join the pro-Iranian Hezbollah in March."
    assert ("support", "Hezbollah", "Iranian") in stated(run, text)


def test_pro_government_names_the_articles_one_government(run_without_kb):
    text = ("The Kenyan government imposed a curfew in Nairobi on Monday. "
            "Pro-government militias beat reporters near the square.")  # fmt: skip
    found = stated(run_without_kb, text)
    assert ("support", "militias", "Kenya") in found


def test_pro_government_with_two_governments_named_names_nobody(run_without_kb):
    text = ("The Kenyan government and the Ugandan government signed a truce on Monday. "
            "Pro-government militias beat reporters near the square.")  # fmt: skip
    assert not any(s == "militias" for _t, s, _g in stated(run_without_kb, text))


@pytest.mark.parametrize(
    ("text", "trigger", "side", "name"),
    [
        # an act led by a named body: its doer
        ("The Velmar-led offensive against the Orlo Front began at dawn.",
         "offensive", "source", "Velmar"),
        # an act against a side by its stance prefix: its target
        (KARLOV + "Anti-Karlov protests spread to Kessa on Tuesday.",
         "protests", "target", "Karlov"),
    ],
)  # fmt: skip
def test_a_stance_on_an_act_noun_gives_its_side(run_without_kb, text, trigger, side, name):
    records = run_without_kb(text)
    names = {m.span: m.normalized for m in records["mentions"]}
    acts = [e for e in records["events"] if e.trigger.text == trigger]
    assert any(names.get(getattr(e, side)) == name for e in acts)


@pytest.mark.parametrize(
    "text",
    [
        # a stance on a thing or an idea
        "Anti-aircraft guns fired over Velm as anti-corruption laws were debated.",
        "Anti-war marchers filled the square in Velm on Sunday.",
        # a hyphenated place, maker or base: no stance
        "A Velm-based spokesman said Zarnian-made rifles were found in the depot.",
        # talks led by someone: no side of theirs
        "The Zarnian-led talks resumed in Kessa on Monday.",
        # a pro- or anti- word hung on no noun of people
        "Karlov's pro-growth budget passed on Friday.",
    ],
)
def test_near_misses_state_no_stance(run_without_kb, text):
    found = stated(run_without_kb, text)
    assert not any(t in ("support", "oppose", "ally", "fight") for t, _s, _g in found)


def test_talks_led_by_someone_have_no_doer_from_the_modifier(run_without_kb):
    records = run_without_kb("The Zarnian-led talks resumed in Kessa on Monday.")
    assert all(e.source is None for e in records["events"] if e.trigger.text == "talks")
