"""A state's forces named by the country's name, names a bracketed acronym completes, and
alias cues of translation, nom de guerre and formal name (sentences written for these
tests)."""

import pytest

from eventwire.config import Settings
from eventwire.extract.namephrases import armed_branch_country
from eventwire.knowledge.resources import Resources


@pytest.fixture(scope="module")
def kb():
    return Resources(Settings()).kb


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Kenya Defence Forces", "KEN"),
        ("Uganda Army", "UGA"),
        ("Ethiopian Air Force", "ETH"),
        ("Free Syrian Army", None),
        ("Arakan Army", None),
        ("Kestrel Defence Forces", None),
    ],
)
def test_armed_branch_country(kb, name, iso3):
    assert armed_branch_country(name, kb) == iso3


def groups(run, text):
    found: dict[str, list[str]] = {}
    for m in run(text)["mentions"]:
        found.setdefault(m.group, []).append(m.span.text)
    return list(found.values())


@pytest.mark.slow
def test_a_countrys_defence_forces_are_its_forces_and_keep_their_acronym(run_without_kb):
    text = ("Two soldiers were hurt, the Ghana Defence Forces said. The GDF said its troops "
            "had killed four gunmen. Ghanaian soldiers were sent to the border.")  # fmt: skip
    got = [g for g in groups(run_without_kb, text) if "GDF" in g]
    assert got and "the Ghana Defence Forces" in got[0] and "Ghanaian soldiers" in got[0]


@pytest.mark.slow
def test_a_bracket_shows_a_name_with_its_country_whole(run, run_without_kb):
    for runner in (run, run_without_kb):
        text = "The army blamed the Kestrel Liberation Front of Ghana (KLFG). The KLFG denied it."
        got = [g for g in groups(runner, text) if "KLFG" in g]
        assert got and "the Kestrel Liberation Front of Ghana" in got[0]


@pytest.mark.slow
def test_a_bracket_shows_a_name_the_tagger_missed_by_its_initials(run):
    text = ("Both states belong to the Kenya-led Southern Ports Cooperation Organization "
            "(SPCO), which met in May.")  # fmt: skip
    got = [m.span.text for m in run(text)["mentions"]]
    assert "Southern Ports Cooperation Organization" in got


@pytest.mark.slow
def test_a_bracket_after_a_country_alone_names_no_body(run):
    got = [m.span.text for m in run("Talks were held in Kenya (KE) and Uganda.")["mentions"]]
    assert all(" of " not in t for t in got)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Harakat al-Nasr, whose name means Victory Movement, says it fights for the herders.",
         "Harakat al-Nasr", "Victory Movement"),
        ("The rebels' commander, Tomas Okello, is better known by his nom de guerre, "
         "Black Lion.", "Tomas Okello", "Black Lion"),
        ("A spokesman for the Jamaat Ansar al-Haqq, the formal name of the Kestrel Brigades, "
         "said the group had withdrawn.", "Jamaat Ansar al-Haqq", "the Kestrel Brigades"),
    ],
)  # fmt: skip
def test_alias_cues_of_translation_nom_de_guerre_and_formal_name(run, text, a, b):
    assert any(a in g and b in g for g in groups(run, text))


@pytest.mark.slow
def test_a_relative_clause_on_a_name_is_no_alias_cue(run):
    text = "The delegates met Tomas Okello, whose house was burned, and Black Lion."
    assert not any("Tomas Okello" in g and "Black Lion" in g for g in groups(run, text))


@pytest.mark.slow
def test_a_name_given_a_formal_name_is_a_body(run_without_kb):
    text = ("A spokesman for the Jamaat Ansar al-Haqq, the formal name of Kestrel Haram, said "
            "the group had attacked the post.")  # fmt: skip
    got = {m.span.text: m.label for m in run_without_kb(text)["mentions"]}
    assert got.get("Kestrel Haram") == "ORG" and got.get("Jamaat Ansar al-Haqq") == "ORG"


@pytest.mark.slow
def test_a_persons_full_name_keeps_the_person(run):
    text = "Tomas Okello, the full name of the man known as Black Lion, was arrested."
    got = {m.span.text: m.label for m in run(text)["mentions"]}
    assert got.get("Tomas Okello") == "PERSON"
