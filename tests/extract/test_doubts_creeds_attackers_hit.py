"""Actor spans and sides of acts (issue 13, round 26): a word of doubt opening a name's
span, a word of creed before armed men read as the whole noun phrase, and "the
attackers" hit by a later act. One construction per test, on sentences we wrote."""

from __future__ import annotations

import pytest

from eventwire.extract.modality import PHRASE_MODALITIES
from eventwire.extract.notactors import DOUBT_WORDS

slow = pytest.mark.slow


def _sides(run, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Trigger -> (doer, target), for the violent events."""
    return {
        e.trigger.text: (
            e.source.text if e.source else None,
            e.target.text if e.target else None,
        )
        for e in run(text)["events"]
        if e.type in ("ASSAULT", "COERCE")
    }


def _mentions(run, text: str) -> set[str]:
    return {m.span.text for m in run(text)["mentions"]}


def test_doubt_words_are_the_alleged_phrase_modalities():
    # the mention pass cannot import modality.py (it reads the mentions): one list, kept
    # the same by this test
    assert {w for w, m in PHRASE_MODALITIES.items() if m == "alleged"} == DOUBT_WORDS


@slow
@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Suspected al-Shabaab militants ambushed a police convoy near Mandera on Friday.",
         "ambushed", "al-Shabaab"),
        ("Suspected Taliban gunmen killed two policemen in Kandahar on Tuesday.",
         "killed", "Taliban"),
        ("Suspected ISWAP fighters stormed a base near Monguno on Monday.",
         "stormed", "ISWAP"),
    ],
)  # fmt: skip
def test_a_doubt_opening_a_sentence_is_no_part_of_the_name(run, text, trigger, doer):
    assert _sides(run, text)[trigger][0] == doer
    assert not any(m.lower().startswith("suspected") for m in _mentions(run, text))


@slow
def test_a_doubt_before_a_persons_name_leaves_the_person(run):
    # a person's name after the doubt and a noun stays a person's name
    text = "Suspected gunman Ali Warsame was arrested in Galkayo on Friday."
    assert _sides(run, text)["arrested"] == (None, "Ali Warsame")


@slow
@pytest.mark.parametrize(
    ("text", "trigger", "side", "group"),
    [
        ("Maoist rebels blew up a police vehicle in Dantewada on Saturday, killing seven "
         "commandos.", "blew", 0, "Maoist rebels"),
        ("Security forces killed four suspected Maoist rebels in a forest near Gadchiroli "
         "on Sunday.", "killed", 1, "Maoist rebels"),
        ("Jihadist fighters attacked a gendarmerie post near Kantchari on Monday.",
         "attacked", 0, "Jihadist fighters"),
    ],
)  # fmt: skip
def test_a_creed_word_before_armed_men_is_read_with_them(run, text, trigger, side, group):
    assert _sides(run, text)[trigger][side] == group
    assert group.split()[0] not in _mentions(run, text)  # no mention of the word alone


@slow
def test_a_creed_word_before_another_noun_is_not_a_group(run):
    # "Maoist landmine": a thing, no armed men
    text = "A Maoist landmine killed two policemen near Sukma on Friday."
    assert "Maoist landmine" not in _mentions(run, text)


@slow
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Fighters of the Arakan Army stormed a police post in Maungdaw on Monday. Soldiers "
         "killed 23 of the attackers, the army said.", "killed", "the Arakan Army"),
        # a doer only suspected: the fire at the attackers is told as it is
        ("Suspected ADF rebels attacked a village near Oicha on Sunday, killing six farmers. "
         "Soldiers exchanged fire with the attackers as they fled into the forest.",
         "exchanged", "ADF rebels"),
        ("Gunmen of the Jalisco New Generation Cartel ambushed a police convoy near Aguililla "
         "on Friday, killing nine officers. Soldiers shot dead two of the attackers on "
         "Saturday.", "shot", "the Jalisco New Generation Cartel"),
    ],
)  # fmt: skip
def test_the_attackers_hit_later_are_the_named_doer(run, text, trigger, target):
    assert _sides(run, text)[trigger][1] == target


@slow
@pytest.mark.parametrize(
    "text",
    [
        # no doer named for the article's act
        "Gunmen stormed a village near Tsafe on Sunday. Soldiers later killed four of the "
        "attackers.",
        # two named doers told before: the attackers are neither
        "Fighters of JNIM attacked an army post near Djibo on Monday. On Tuesday Islamic "
        "State Sahel Province fighters struck a convoy nearby. Soldiers killed ten of the "
        "attackers.",
        # a state's forces are not the attackers the police hit
        "Troops of the Mexican army killed two gunmen at a checkpoint in Navolato on Sunday. "
        "Police shot the attackers on Monday.",
    ],
)
def test_the_attackers_hit_stay_unnamed_without_one_named_doer(run, text):
    sides = {k: v for k, v in _sides(run, text).items() if k in ("killed", "shot")}
    assert all(t is None or "attackers" in t or "gunmen" in t for _, t in sides.values())


@slow
@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Gunmen set fire to the council office in Ugep on Friday. Police blamed the Ugep "
         "attack on separatists.", "separatists"),
        ("Gunmen set fire to the council office in Nnewi on Friday. The Nnewi attack left "
         "three officers dead.", None),
    ],
)  # fmt: skip
def test_a_town_before_an_act_noun_is_where_not_who(run, text, doer):
    # the town, tagged a body before the act noun and told as a place before, is no doer
    assert _sides(run, text)["attack"][0] == doer


@slow
def test_a_town_before_a_denied_act_noun_is_no_doer(run):
    text = (
        "Gunmen set fire to the council office in Ugep on Friday. The separatists denied any "
        "link to the Ugep attack."
    )
    assert "Ugep" not in {e.source.text for e in run(text)["events"] if e.source}


@slow
@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # a group's name before the act noun, never a place in the text: the doer
        ("A Hamas attack killed two soldiers near Kissufim on Monday. The army struck "
         "Hamas positions in Khan Younis.", "attack", "Hamas"),
        # a country tagged a place here too: still the doer
        ("A US strike killed two militants near Jurf al-Sakhar. The US has troops in Iraq.",
         "strike", "US"),
        # "in the SDF": membership of a body, not where something is
        ("Hundreds of Arab fighters in the SDF have deserted this year. An SDF attack killed "
         "four tribesmen near Deir Hafer on Monday.", "attack", "SDF"),
    ],
)  # fmt: skip
def test_a_body_or_state_before_an_act_noun_stays_the_doer(run, text, trigger, doer):
    assert _sides(run, text)[trigger][0] == doer
