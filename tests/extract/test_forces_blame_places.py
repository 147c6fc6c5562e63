"""Doers and targets that hold on any war (issue 13): a bare "the army" / "troops" in a
story set in one state, a doer known only from an accusation in another sentence, a
place's name of several words typed as a person, and armed victims of an act on a
civilian place. One construction per test, on sentences we wrote; the fast tests build
records by hand, the ``slow`` ones run the real model."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from tests.extract.test_actors_and_sides import picture, relations
from tests.extract.test_claims_offices_peoples import named
from tests.extract.test_instrument_doers import bare

from eventwire.config import Settings
from eventwire.extract.notactors import place_test
from eventwire.extract.one_state import armies_of_one_state
from eventwire.knowledge.resources import Resources
from eventwire.model import GROUP_LABEL, Evidence, Mention, Place, PlaceMention, Span

__all__ = ["bare"]  # the module fixture, shared

# --- fast: the army of the one state ----------------------------------------------------

_EVIDENCE = Evidence("a1", "x", 0, 10)


def _mention(start: int, text: str, label: str = GROUP_LABEL, **kw) -> Mention:
    return Mention("a1", Span(start, start + len(text), text), label, _EVIDENCE,
                   normalized=kw.pop("normalized", text), **kw)  # fmt: skip


def _place(start: int, country: str | None, precision: str = "city") -> PlaceMention:
    place = Place(f"p{start}", "Town", 0.0, 0.0, country, None, precision)
    return PlaceMention("a1", Span(start, start + 4, "Town"), place, _EVIDENCE)


@pytest.fixture(scope="module")
def kb():
    return Resources(Settings(shipped_kb=False)).kb


def test_bare_army_words_are_the_forces_of_the_one_country_of_the_places(kb):
    mentions = [_mention(0, "army", group="group:army:"),
                _mention(20, "Troops", group="group:troop:"),
                _mention(40, "Security forces", group="group:force:"),
                _mention(60, "gunmen", group="group:gunman:")]  # fmt: skip
    places = [_place(80, "SDN"), _place(90, "SDN"), _place(95, None, "region")]
    out = armies_of_one_state(mentions, places, kb)
    assert [m.normalized for m in out[:3]] == ["Armed forces of Sudan"] * 3
    assert {m.group for m in out[:3]} == {"armed forces of sudan"}
    assert all(m.affiliation == "SDN" and m.label == "ORG" for m in out[:3])
    assert out[3] == mentions[3]  # "gunmen" are nobody's army


def test_places_in_two_countries_name_no_army(kb):
    mentions = [_mention(0, "army", group="group:army:")]
    places = [_place(80, "SDN"), _place(90, "TCD")]
    assert armies_of_one_state(mentions, places, kb) == mentions


def test_the_one_state_force_named_wins_over_the_places(kb):
    force = _mention(0, "Chadian army", "ORG", normalized="Armed forces of Chad",
                     group="armed forces of chad", affiliation="TCD")  # fmt: skip
    troops = _mention(30, "troops", group="group:troop:")
    out = armies_of_one_state([force, troops], [_place(80, "SDN")], kb)
    assert out[1].normalized == "Armed forces of Chad" and out[1].group == force.group


def test_forces_of_two_states_named_leave_the_bare_army_alone(kb):
    chad = _mention(0, "Chadian army", "ORG", normalized="Armed forces of Chad",
                    group="armed forces of chad", affiliation="TCD")  # fmt: skip
    sudan = _mention(20, "Sudanese army", "ORG", normalized="Armed forces of Sudan",
                     group="armed forces of sudan", affiliation="SDN")  # fmt: skip
    army = _mention(40, "army", group="group:army:")
    assert armies_of_one_state([chad, sudan, army], [_place(80, "SDN")], kb)[2] == army


def test_army_words_with_a_country_of_their_own_are_left_alone(kb):
    # a group already given a nationality ("Chadian soldiers" read as a group) is its own
    soldiers = _mention(0, "soldiers", group="group:soldier:TCD", affiliation="TCD")
    police = _mention(20, "police", group="group:police:")
    out = armies_of_one_state([soldiers, police], [_place(80, "SDN")], kb)
    assert out == [soldiers, police]


# --- fast: a place's name of several words ----------------------------------------------


class _Towns:
    """A gazetteer knowing small towns and a terminal only."""

    def named(self, name):
        readings = {
            "Wadi Sahel": ("city", 800),
            "Ras Kabir": ("point", None),
            "Kabir": ("city", 900),
            "Nile Delta": ("region", None),
        }
        if name not in readings:
            return ()
        precision, population = readings[name]
        return (SimpleNamespace(place=SimpleNamespace(precision=precision, population=population)),)


def test_a_name_of_several_words_known_as_a_small_town_or_site_is_a_place():
    is_place = place_test(_Towns())
    assert is_place("Wadi Sahel") and is_place("Ras Kabir")
    assert not is_place("Kabir")  # one word: a town of 900 may be anyone's name
    assert not is_place("Nile Delta")  # a region, not a settlement
    assert not is_place("Omar Sidibe")  # unknown


# --- slow: through the model -----------------------------------------------------------


def _doers(res, etype: str = "ASSAULT") -> set[str | None]:
    return {named(res, e.source_actor) for e in res.events if e.type == etype}


def _targets(res, etype: str = "ASSAULT") -> set[str | None]:
    return {named(res, e.target_actor) for e in res.events if e.type == etype}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "role"),
    [
        # "the army" speaking of an act, places all in one country
        ("Gunmen raided a village near Kadugli on Monday. The army said it killed five "
         "of the attackers near Dilling.", "doer"),
        # bare plural doer
        ("Troops fired on a crowd in Omdurman on Friday, killing three marchers.", "doer"),
        # "security forces" as doer
        ("Security forces killed two suspected militants in a raid near Port Sudan.", "doer"),
        # bare plural victims
        ("Rebels killed nine soldiers near Kassala on Tuesday.", "target"),
    ],
)  # fmt: skip
def test_a_bare_army_word_is_the_forces_of_the_one_state_of_the_story(nlp, bare, text, role):
    res = picture(nlp, bare, text)
    found = _doers(res) if role == "doer" else _targets(res)
    assert "Armed forces of Sudan" in found
    assert not {"army", "Troops", "Security forces", "soldiers"} & {a.name for a in res.actors}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Fighting went on near Kassala. The Beja Front said it would keep troops around "
        "the port until the talks.",
        "Fighting went on near Kassala. The Beja Front sent soldiers to the port on Monday.",
    ],
)
def test_forces_kept_or_sent_by_the_subject_are_its_own(nlp, bare, text):
    res = picture(nlp, bare, text)
    assert "Armed forces of Sudan" not in {a.name for a in res.actors}


@pytest.mark.slow
def test_a_bare_army_word_between_two_states_names_nobody(nlp, bare):
    text = ("Clashes broke out near Geneina and Abeche on Monday. Troops fired on a convoy "
            "near the border, killing four drivers.")  # fmt: skip
    assert not any(d and d.startswith("Armed forces") for d in _doers(picture(nlp, bare, text)))


@pytest.mark.slow
def test_a_doer_named_by_an_accusation_is_alleged_but_the_act_is_not(nlp, bare):
    text = ("Gunmen killed six herders near Bunia on Sunday. Police blamed the Ituri "
            "Defence Front.")  # fmt: skip
    res = picture(nlp, bare, text)
    (act,) = [e for e in res.events if e.type == "ASSAULT"]
    assert named(res, act.source_actor) == "Ituri Defence Front"
    assert "source_alleged" in act.qualifiers
    assert act.modality == "asserted"
    fights = {r for r in relations(nlp, bare, text) if r[0] == "fight"}
    assert fights and all(r[3] == "alleged" for r in fights)


@pytest.mark.slow
def test_an_accusing_government_marks_the_doer_alleged(nlp, bare):
    text = ("A bomb killed four traders at a bus station in Bunia on Friday. The government "
            "accused the Ituri Defence Front.")  # fmt: skip
    res = picture(nlp, bare, text)
    blamed = [e for e in res.events if e.type == "ASSAULT" and named(res, e.source_actor)]
    assert blamed and all("source_alleged" in e.qualifiers for e in blamed)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Ituri Defence Front killed six herders near Bunia on Sunday.",
        # a claim of its own is no accusation
        "Gunmen killed six herders near Bunia on Sunday. The Ituri Defence Front claimed "
        "responsibility.",
    ],
)
def test_a_doer_stated_or_claimed_is_not_alleged(nlp, bare, text):
    res = picture(nlp, bare, text)
    (act,) = [e for e in res.events if e.type == "ASSAULT"]
    assert named(res, act.source_actor) == "Ituri Defence Front"
    assert "source_alleged" not in act.qualifiers
    fights = {r for r in relations(nlp, bare, text) if r[0] == "fight"}
    assert fights and all(r[3] == "asserted" for r in fights)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name the gazetteer knows as a site, in a list of sites
        ("The terminals of Ras Lanuf and Brega stayed shut on Monday, engineers said.",
         "Ras Lanuf"),
        # a name the document itself calls a district, then named alone as where one left
        ("Shells fell on the neighbourhoods of Ain Zara and Salah Eddin overnight. Mariam "
         "Fadel left Ain Zara with her sons on Sunday.", "Ain Zara"),
        # ... and the name coordinated with it
        ("Shells fell on the neighbourhoods of Ain Zara and Salah Eddin overnight.",
         "Salah Eddin"),
    ],
)  # fmt: skip
def test_a_place_name_of_several_words_is_no_actor(nlp, resources, text, name):
    assert name not in {a.name for a in picture(nlp, resources, text).actors}


@pytest.mark.slow
def test_a_person_whose_name_is_no_place_stays_a_person(nlp, resources):
    text = "Mariam Fadel left the city of Zawiya with her sons on Sunday, Mariam Fadel said."
    assert "Mariam Fadel" in {a.name for a in picture(nlp, resources, text).actors}


def _civilian_attacks(res) -> list[bool]:
    return ["target_civilian" in e.qualifiers for e in res.events if e.type == "ASSAULT"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Insurgents stormed a village near Djibo on Monday, killing four soldiers.",
        "A suicide bomber struck a market in Maiduguri, killing six soldiers.",
        "Gunmen opened fire on a bus near Gao, killing two police officers.",
        "Jihadists raided a farm near Djibo, killing three militiamen.",
    ],
)
def test_armed_victims_of_an_act_on_a_civilian_place_make_no_civilian_target(nlp, bare, text):
    assert _civilian_attacks(picture(nlp, bare, text)) == [False]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Insurgents stormed a village near Djibo on Monday, killing four farmers.",
        # soldiers and civilians hit together: still an attack on civilians too
        "Gunmen stormed a village near Gao, killing three soldiers and two farmers.",
        "Shells struck a market in Kharkiv, killing 12 shoppers.",
    ],
)
def test_civilian_victims_keep_the_civilian_target(nlp, bare, text):
    assert _civilian_attacks(picture(nlp, bare, text)) == [True]


# --- slow: "the government" of a story set in one state -------------------------------


def _speakers(res) -> set[str | None]:
    return {named(res, e.source_actor) for e in res.events if e.type == "ACCUSE"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled Kassala on Monday. The government condemned the attack.",
        "Rebels shelled Kassala on Monday. The federal government condemned the attack.",
    ],
)
def test_the_government_of_a_story_set_in_one_state_is_that_state(nlp, bare, text):
    assert "Sudan" in _speakers(picture(nlp, bare, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "state"),
    [
        # places in two countries: whose government is not said
        ("Rebels shelled Kassala and Abeche on Monday. The government condemned the attack.",
         None),
        # a government of its own
        ("Rebels shelled Kassala on Monday. The government of Chad condemned the attack.",
         "Chad"),
    ],
)  # fmt: skip
def test_the_government_stands_for_no_other_state(nlp, bare, text, state):
    assert "Sudan" not in _speakers(picture(nlp, bare, text))
    if state is not None:
        assert state in _speakers(picture(nlp, bare, text))


@pytest.mark.slow
def test_a_government_building_is_no_actor(nlp, bare):
    res = picture(nlp, bare, "Gunmen attacked a government building in Kassala on Monday.")
    assert "Sudan" not in {a.name for a in res.actors}
