"""Actor constructions without a hand-made list (issue 13, item 3), on sentences we wrote.

Fast tests call the rules' pure parts; tests marked ``slow`` run the real model, since the
constructions are read from its entities and parse."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.extract.aliases import _ALIAS_CUE
from eventwire.extract.context import DocContext
from eventwire.extract.datelines import dateline_prefix
from eventwire.extract.mention_groups import group_cands as _group
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.namephrases import Cand
from eventwire.extract.notactors import in_comment_form, is_calendar_word
from eventwire.extract.titles import strip_titles
from eventwire.knowledge.resources import Resources
from eventwire.knowledge.wordcase import read_word_case
from eventwire.model import ACTOR_TYPES, Article
from eventwire.text.names import clean_surface, plain_key

# --- fast: the rules' pure parts ------------------------------------------------------


@pytest.mark.parametrize(
    ("between", "cue"),
    [
        (", also known as ", True),
        (" (widely known as ", True),
        (", better known as ", True),
        (", also called ", True),
        (", nicknamed ", True),
        (" known as ", True),
        (" called ", False),  # "Putin called Zelensky": a call, not a name
        (" dubbed ", False),
        (" and ", False),
    ],
)
def test_alias_cues(between, cue):
    assert bool(_ALIAS_CUE.match(between)) is cue


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("UN Envoy Smith", ("Smith", "UN Envoy")),
        ("Russian President Nadia Volkov", ("Nadia Volkov", "Russian President")),
        ("Field Marshall Omar Tarek", ("Omar Tarek", "Field Marshal")),
        ("Sudanese Armed Forces", ("Sudanese Armed Forces", None)),
    ],
)
def test_titles_with_the_body_they_serve(name, expected):
    assert strip_titles(name) == expected


def test_dotted_initials_are_the_acronym():
    assert clean_surface("U.N.") == "UN"
    assert plain_key("the U.N. Security Council") == plain_key("the UN Security Council")
    assert clean_surface("George W. Bush") == "George W. Bush"  # one initial is no acronym


def test_datelines_and_outlet_prefixes():
    assert dateline_prefix("TRIPOLI - Forces") == len("TRIPOLI - ")
    assert dateline_prefix("GOMA, Congo (Reuters) - Rebels") == len("GOMA, Congo (Reuters) - ")
    assert dateline_prefix("Reuters -Russia", lambda w: w == "Reuters") == len("Reuters -")
    assert dateline_prefix("Abdul-Malik al-Houthi") == 0
    assert dateline_prefix("Reuters -Russia") == 0  # not known as an outlet: left alone


def test_comment_forms_and_calendar_words():
    assert in_comment_form("You are commenting using your Twitter account.")
    assert in_comment_form("Twitter picture")
    assert not in_comment_form("The minister wrote on Twitter that the talks had failed.")
    assert is_calendar_word("Monday") and is_calendar_word("May")
    assert not is_calendar_word("Mayo")


def test_common_words_by_how_english_writes_them():
    words = read_word_case()
    assert words.is_common_lowercase_word("Emphasis") and words.is_common_lowercase_word("Civil")
    assert not words.is_common_lowercase_word("Misrata")
    assert not words.is_common_lowercase_word("Hezbollah")


def test_coalition_is_an_actor_type():
    assert "coalition" in ACTOR_TYPES


# --- slow: the constructions in running text -------------------------------------------


def mentions(nlp, resources, text):
    ctx = DocContext(article=Article(id="a", text=text), doc=nlp(text), resources=resources)
    return extract_mentions(ctx)["mentions"]


def group_of(ms, surface):
    return next(m.group for m in ms if m.span.text == surface or m.normalized == surface)


@pytest.fixture(scope="module")
def no_kb():
    return Resources(Settings(shipped_kb=False))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (  # "widely known as" after a comma
            "The commander Yusuf Karam, widely known as Abu Musa, led the raid. "
            "Abu Musa later fled.",
            "Yusuf Karam",
            "Abu Musa",
        ),
        (  # "also known as" in brackets
            "The rebels were led by Tamer Haddad (also known as Abu Layla). Abu Layla was wounded.",
            "Tamer Haddad",
            "Abu Layla",
        ),
    ],
)
def test_a_nickname_joins_the_person(nlp, no_kb, text, name, alias):
    ms = mentions(nlp, no_kb, text)
    assert group_of(ms, name) == group_of(ms, alias)
    assert len({m.group for m in ms if m.normalized == alias}) == 1


@pytest.mark.slow
def test_full_name_then_acronym_in_brackets_and_later(nlp, no_kb):
    text = (
        "The Northern Defence Movement (NDM) attacked the garrison. "
        "The NDM said it had taken the hill."
    )
    ms = mentions(nlp, no_kb, text)
    assert len({m.group for m in ms if "NDM" in m.span.text or "Defence" in m.span.text}) == 1


@pytest.mark.slow
def test_an_acronyms_first_use_after_the_full_name(nlp, no_kb):
    text = "Officials of the United Nations visited the camp. The UN said aid would resume."
    ms = mentions(nlp, no_kb, text)
    assert group_of(ms, "United Nations") == group_of(ms, "UN")


@pytest.mark.slow
def test_a_surname_goes_to_the_nearest_brother(nlp, no_kb):
    text = (
        "Samir Qassem and his brother Walid Qassem led the militia. "
        "Walid Qassem was arrested, and Qassem later escaped."
    )
    ms = mentions(nlp, no_kb, text)
    assert group_of(ms, "Qassem") == group_of(ms, "Walid Qassem")
    assert group_of(ms, "Samir Qassem") != group_of(ms, "Walid Qassem")


@pytest.mark.slow
def test_coalitions_and_alliances_are_one_actor_each(nlp, no_kb):
    text = (
        "The Saudi-led coalition struck the port, and a Western alliance promised more ships. "
        "The coalition denied the report."
    )
    ms = mentions(nlp, no_kb, text)
    names = [m.normalized for m in ms]
    assert "Saudi-led coalition" in names and "Western alliance" in names
    assert "Western" not in names and "Saudi" not in names  # no fragment
    back = next(m for m in ms if m.span.text == "coalition")
    assert back.group == group_of(ms, "Saudi-led coalition")


@pytest.mark.slow
def test_a_movement_and_its_leader_stay_apart(nlp, no_kb):
    text = (
        "Houthi rebels fired missiles, and their leader Abdul-Malik al-Houthi praised them. "
        "Houthi fighters later withdrew."
    )
    ms = mentions(nlp, no_kb, text)
    leader = group_of(ms, "Abdul-Malik al-Houthi")
    assert all(m.group != leader for m in ms if m.normalized.startswith("Houthi"))


@pytest.mark.slow
def test_the_same_name_in_another_case_is_one_actor(nlp, no_kb):
    text = (
        "The Malian Armed Forces said the convoy was ambushed. "
        "Malian armed forces later returned to the base."
    )
    ms = mentions(nlp, no_kb, text)
    assert group_of(ms, "The Malian Armed Forces") == group_of(ms, "Malian armed forces")


@pytest.mark.slow
def test_a_qualified_title_is_a_role(nlp, no_kb):
    ms = mentions(nlp, no_kb, "UN Envoy Smith met the delegation in the capital.")
    smith = next(m for m in ms if m.normalized == "Smith")
    assert smith.role == "UN Envoy" and smith.label == "PERSON"
    assert [m.normalized for m in ms if m.label != "GROUP"] == ["Smith"]


@pytest.mark.slow
def test_a_place_is_an_actor_only_in_an_agents_role(nlp, no_kb):
    ms = mentions(nlp, no_kb, "Kyiv said the drones were shot down.")
    assert [(m.normalized, m.affiliation) for m in ms] == [("Ukraine", "UKR")]
    ms = mentions(nlp, no_kb, "Fighters from Misrata deployed in the centre of the capital.")
    assert all(m.normalized != "Misrata" for m in ms)
    ms = mentions(nlp, no_kb, "Troops fired on Kidal and entered the market.")
    assert all(m.label != "PERSON" for m in ms)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "junk"),
    [
        (
            "Is that the new reality of Orwellian newspeak? (Emphasis added.)",
            {"Orwellian", "Emphasis"},
        ),
        ("Things may yet disintegrate into Civil War, the analyst wrote.", {"Civil"}),
        ("TRIPOLI - Forces loyal to the government clashed with militias.", {"Forces"}),
        ("The war has displaced 8 million Malians since 2012, the agency said.", {"Malians"}),
        ("Millions of Somalis need food aid this year, the agency said.", {"Somalis"}),
        ("You are commenting using your Twitter account. Log Out / Change )", {"Twitter"}),
        ("On Monday the army moved. In May the talks resumed.", {"Monday", "May"}),
    ],
)
def test_junk_never_becomes_an_actor(nlp, no_kb, text, junk):
    # (a handful of people counted, "arrested 100 Palestinians", is a party and stays)
    names = {m.normalized for m in mentions(nlp, no_kb, text)} | {
        m.span.text for m in mentions(nlp, no_kb, text)
    }
    assert not names & junk


@pytest.mark.slow
def test_a_title_keeps_a_month_name_a_person(nlp, no_kb):
    ms = mentions(nlp, no_kb, "Prime Minister May's government stayed silent.")
    may = next(m for m in ms if m.normalized == "May")
    assert may.role == "Prime Minister"


@pytest.mark.slow
def test_a_family_name_that_is_also_a_word_stays_a_name(nlp, no_kb):
    ms = mentions(nlp, no_kb, "Condoleezza Rice visited Cairo. Rice said the talks went well.")
    assert group_of(ms, "Rice") == group_of(ms, "Condoleezza Rice")


@pytest.mark.slow
def test_a_collective_possessive_stays_inside_the_name(nlp, no_kb):
    text = "The Kurdistan Workers' Party rejected the offer, and the Tigray People's Liberation Front agreed."
    names = {m.normalized for m in mentions(nlp, no_kb, text)}
    assert "Party" not in names and "Liberation Front" not in names


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Fighters of the Popular Mobilization Forces shelled the town on Monday.", "Mobilization"),
        ("The Rapid Support Forces shelled the market in the morning.", "Support"),
    ],
)
def test_a_word_inside_a_name_is_no_trigger(run, text, word):
    events = run(text)["events"]
    assert events and all(e.trigger.text != word for e in events)


@pytest.mark.slow
def test_a_states_armed_forces_are_an_actor_apart_from_the_state(nlp, no_kb):
    text = (
        "Kivu officials said Rwandan soldiers crossed the border. The Rwandan army denied it, "
        "and Rwanda recalled its envoy."
    )
    ms = mentions(nlp, no_kb, text)
    soldiers, army = group_of(ms, "Rwandan soldiers"), group_of(ms, "Rwandan army")
    assert soldiers == army
    assert (
        next(m for m in ms if m.span.text == "Rwandan army").normalized == "Armed forces of Rwanda"
    )
    assert all(m.group != army for m in ms if m.span.text == "Rwanda")


@pytest.mark.slow
def test_a_countrys_possessive_army_and_a_short_country_name(nlp, no_kb):
    text = (
        "Rebels attacked positions in the Democratic Republic of Congo. "
        "Congo's army confirmed the attacks."
    )
    army = next(m for m in mentions(nlp, no_kb, text) if m.span.text == "Congo's army")
    assert army.affiliation == "COD"  # the document's Congo, not the Republic of the Congo


@pytest.mark.slow
def test_an_organisations_head_the_tagger_left_out(nlp, no_kb):
    text = (
        "The strike was confirmed by a spokesman for the UN Office for the Coordination of "
        "Humanitarian Affairs (OCHA). OCHA said aid would resume."
    )
    ms = mentions(nlp, no_kb, text)
    full = "UN Office for the Coordination of Humanitarian Affairs"
    assert full in {m.normalized for m in ms}
    assert group_of(ms, full) == group_of(ms, "OCHA")


@pytest.mark.slow
def test_a_demonym_on_an_attack_is_the_states_forces(run):
    events = run("Israeli air strikes flattened a school in the village on Sunday.")["events"]
    sources = {e.source.text for e in events if e.source}
    assert sources == {"Israeli"}
    mentions_ = run("Israeli air strikes flattened a school in the village on Sunday.")["mentions"]
    assert any(m.normalized.startswith("Israel") and m.label == "ORG" for m in mentions_)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        ("The fighting has uprooted two million Sudanese since April.", "Sudanese"),
        ("The envoy said on his Twitter account that he was concerned.", "Twitter"),
    ],
)
def test_a_role_filler_that_names_no_actor(run, text, not_actor):
    found = run(text)
    assert all(not_actor not in m.span.text for m in found["mentions"])
    assert all(
        not_actor not in (side.text if side else "")
        for e in found["events"]
        for side in (e.source, e.target)
    )


@pytest.mark.slow
def test_a_country_in_a_role_stays_an_actor(run):
    events = run("Russia attacked Ukraine with drones on Monday.")["events"]
    assert any(e.source and e.source.text == "Russia" and e.target and e.target.text == "Ukraine"
               for e in events)  # fmt: skip


def test_a_one_word_group_is_never_its_leaders_surname(blank_nlp, resources):
    # the KB knows "Houthi" as the movement: tagged as a name alone, it stays the movement;
    # a surname the KB does not know joins the full name before it, whatever its label
    kb = resources.kb
    doc = blank_nlp("Abdul-Malik al-Houthi spoke. Later Houthi and Badruddin spoke.")
    leader = Cand(0, 6, "PERSON", "Abdul-Malik al-Houthi")
    movement = Cand(9, 10, "PERSON", "Houthi", kb_id="ye:houthis", kb_type="armed_group")
    groups = _group(doc, [leader, movement], kb)
    assert groups[0] != groups[1]
    other = Cand(0, 6, "PERSON", "Abdul-Malik Badruddin")
    surname = Cand(11, 12, "ORG", "Badruddin")
    groups = _group(doc, [other, surname], kb)
    assert groups[0] == groups[1]


@pytest.mark.slow
def test_an_opening_it_of_saying_is_who_spoke_before(run):
    text = (
        "The Defence Ministry said its troops had repelled the attack near the border.\n\n"
        'It added that "the enemy lost dozens of fighters" in the clashes.'
    )
    quote = run(text)["quotes"][0]
    assert quote.speaker is not None and quote.speaker.text == "The Defence Ministry"


@pytest.mark.slow
def test_a_plain_it_is_still_nobody(run):
    text = 'The army shelled the town. It is likely that "the fighting will go on for weeks".'
    assert all(q.speaker is None for q in run(text)["quotes"])
