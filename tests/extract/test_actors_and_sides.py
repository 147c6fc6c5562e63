"""Who backs whom, which side acts and what names an actor, through the real model and
resolution (issue 13): one construction per test, on sentences we wrote."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article, mention_key
from eventwire.resolve import resolve

pytestmark = pytest.mark.slow


def picture(nlp, resources, text: str, title: str | None = None):
    article = Article("art_t", text, title=title, published="2025-03-15", published_precision="day")
    return resolve([extract_document(article, nlp(text), resources)], resources)


def relations(
    nlp, resources, text: str, title: str | None = None
) -> set[tuple[str, str, str, str]]:
    res = picture(nlp, resources, text, title)
    names = {a.id: a.name for a in res.actors}
    return {
        (r.type, names[r.source_actor], names[r.target_actor], r.modality) for r in res.relations
    }


# --- backing in someone's words ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the speaker fights the backed side
        "The Azawad Front attacked Niger on Monday. Niger said Chad armed the Azawad Front.",
        # the speaker opposes the backed side
        "Niger condemned the Azawad Front. Niger said Chad armed the Azawad Front.",
        # an accusation verb
        "Niger accused Chad of arming the Azawad Front.",
    ],
)
def test_backing_in_an_adversarys_words_or_an_accusation_is_alleged(nlp, resources, text):
    assert ("support", "Chad", "Azawad Front", "alleged") in relations(nlp, resources, text)


@pytest.mark.parametrize(
    "text",
    [
        # a neutral reporter
        "Oxfam said Chad armed the Azawad Front.",
        # the speaker is at war with neither side
        "The Azawad Front attacked Kidal on Monday. Niger said Chad armed the Azawad Front.",
    ],
)
def test_backing_in_a_neutral_speakers_words_is_asserted(nlp, resources, text):
    assert ("support", "Chad", "Azawad Front", "asserted") in relations(nlp, resources, text)


# --- a country acting -------------------------------------------------------------------


def test_a_country_subject_of_an_attack_is_its_state(run):
    (attack,) = [e for e in run("Northland attacked Westport on Monday.")["events"]
                 if e.trigger.text == "attacked"]  # fmt: skip
    assert "source_state" in attack.qualifiers
    (attack,) = [e for e in run("Russia attacked Ukrainian ports with missiles.")["events"]
                 if e.trigger.text == "attacked"]  # fmt: skip
    assert "source_state" in attack.qualifiers and "target_state" in attack.qualifiers


def test_a_dateline_under_a_headline_ending_on_a_quote_names_no_doer(nlp, resources):
    # the headline ends on a quoted phrase; the dateline's agency is still no subject
    title = "Sirens Over Lviv As Residents Speak Of 'A Long Night'"
    text = (
        f"{title}\nMay 2, 2022\n\n"
        "LVIV (Reuters)\u2014Russia attacked two Ukrainian towns before dawn on Sunday, and "
        "three people died.\n\nResidents ran for shelter."
    )
    got = relations(nlp, resources, text, title)
    assert ("fight", "Russia", "Ukraine", "asserted") in got
    assert not any("Reuters" in (src, tgt) for _t, src, tgt, _m in got)


# --- a people's forces --------------------------------------------------------------------


@pytest.mark.parametrize("kb", ["on", "off"])
def test_the_forces_of_a_people_without_a_state_are_an_actor(run, run_without_kb, kb):
    records = (run if kb == "on" else run_without_kb)(
        "Kurdish forces shelled the town on Monday. Syrian Kurdish fighters attacked a base."
    )
    by_span = {m.span.text: m for m in records["mentions"]}
    assert "Kurdish forces" in by_span and "Syrian Kurdish fighters" in by_span
    # not Syria's state forces, and each noun its own group
    assert by_span["Syrian Kurdish fighters"].affiliation is None
    assert by_span["Kurdish forces"].group != by_span["Syrian Kurdish fighters"].group
    sources = {e.source.text for e in records["events"] if e.source is not None}
    assert {"Kurdish forces", "Syrian Kurdish fighters"} <= sources


def test_a_name_modifying_group_is_the_groups_name_not_a_place(run_without_kb):
    records = run_without_kb("Fighters of the M23 group shelled the town on Monday.")
    (shelling,) = [e for e in records["events"] if e.trigger.text == "shelled"]
    assert shelling.source is not None and shelling.source.text == "M23"


# --- a place's own body -------------------------------------------------------------------


@pytest.mark.parametrize("kb", ["on", "off"])
def test_a_places_own_body_is_one_actor_named_with_its_place(run, run_without_kb, kb):
    records = (run if kb == "on" else run_without_kb)(
        "Mosul's health directorate said 20 people were killed. Kharkiv's civil defence "
        "agency said strikes hit two homes. Mosul's fighters fled."
    )
    names = {m.span.text for m in records["mentions"]}
    assert {"Mosul's health directorate", "Kharkiv's civil defence agency"} <= names
    # not "health ministry" alone, which every place has; a place's fighters stay theirs
    assert not names & {"health directorate", "civil defence agency", "Mosul's fighters"}


def test_a_countrys_ministry_is_still_the_state(run):
    records = run("Egypt's foreign ministry condemned the strikes on Monday.")
    (ministry,) = [m for m in records["mentions"] if "ministry" in m.span.text]
    assert ministry.affiliation == "EGY"


def test_names_of_one_rescue_service_in_the_kb_are_one_actor(nlp, resources):
    text = (
        "Gaza's civil defence agency reported strikes on three houses on Sunday.\n\n"
        "Crews of the Palestinian Civil Defense pulled two men from a flattened house."
    )
    article = Article("art_t", text, published="2025-03-15", published_precision="day")
    records = extract_document(article, nlp(text), resources)
    res = resolve([records], resources)
    owners = {
        res.mention_actor.get(mention_key("art_t", m.span))
        for m in records.mentions
        if "ivil" in m.span.text
    }
    assert len(owners) == 1 and None not in owners


@pytest.mark.parametrize(
    ("text", "span", "iso3"),
    [
        ("The Serbian parliament condemned the attack on Monday.", "Serbian parliament", "SRB"),
        ("Israel's high court rejected the appeal on Monday.", "Israel's high court", "ISR"),
        ("Malian lawmakers condemned the attack on Monday.", "Malian lawmakers", "MLI"),
    ],
)
def test_a_states_institution_named_by_its_country_is_the_state(run, text, span, iso3):
    by_span = {m.span.text: m for m in run(text)["mentions"]}
    assert span in by_span and by_span[span].affiliation == iso3


# --- unnamed groups qualified by a patron or a stance -----------------------------------


def test_groups_named_by_their_patrons_are_apart_and_backed(nlp, resources):
    text = "Turkish-backed factions attacked the town on Monday. US-backed factions fled."
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    assert {"Turkish-backed factions", "US-backed factions"} <= set(names.values())
    backed = {(names[r.source_actor], names[r.target_actor]) for r in res.relations
              if r.type == "support"}  # fmt: skip
    assert {("Turkey", "Turkish-backed factions"), ("US", "US-backed factions")} <= backed


def test_a_stance_is_no_part_of_an_unnamed_groups_name(run_without_kb):
    records = run_without_kb("Pro-Turkish factions took the town after fighting on Monday.")
    (factions,) = [m for m in records["mentions"] if m.span.text.endswith("factions")]
    assert factions.span.text == "factions" and factions.affiliation is None


@pytest.mark.parametrize(
    ("text", "trigger", "names"),
    [
        ("Syrian and Russian jets bombed the town on Monday.", "bombed", ("Syrian", "Russian")),
        ("Malian and French troops attacked the camp.", "attacked", ("Malian", "French")),
    ],
)
def test_coordinated_demonyms_sharing_a_noun_are_each_a_side(run, text, trigger, names):
    records = run(text)
    sources = [e.source.text for e in records["events"] if e.trigger.text == trigger and e.source]
    assert len(sources) == 2
    assert all(any(n in s for s in sources) for n in names)
    # each side the state's armed forces, not a people
    forces = [m for m in records["mentions"] if any(n in m.span.text for n in names)]
    affiliations = {m.affiliation for m in forces}
    assert len(forces) == 2 and len(affiliations) == 2 and None not in affiliations
