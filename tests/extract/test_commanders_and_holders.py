"""Whose forces act, who owns up to an attack, who holds what is attacked, and what kind
of body a name is (issue 13), on sentences we wrote.

Fast tests call the rules' pure parts; tests marked ``slow`` run the real model and
resolution, since the constructions are read from its parse."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.extract.test_actors_and_sides import picture, relations

from eventwire.extract.commanders import role_body
from eventwire.resolve.actor_units import Unit, unit_type

# --- fast: the rules' pure parts ------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Commander of the Kuma Liberation Front", "Kuma Liberation Front"),
        ("General Commander of the Northern Army", "Northern Army"),
        ("Deputy Commander of the Border Guard", "Border Guard"),
        ("Commander-in-Chief of the Armed Forces of Ruritania", "Armed Forces of Ruritania"),
        ("Leader of the Dawn Movement", "Dawn Movement"),
        ("Secretary-General of the Party of God", "Party of God"),
        ("President of Ruritania", None),  # a state's office: its forces are the state's
        ("Minister of Defence of Ruritania", None),
        ("Field Marshal", None),
    ],
)
def test_a_leaders_title_names_the_body_he_leads(title, body):
    assert role_body(title) == body


def _typed(*forms: str, label: str = "ORG") -> str:
    unit = Unit("a", "g", forms=Counter(forms), labels=Counter({label: 1}))
    return unit_type(unit, None)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ruritania's civil defence agency", "government"),
        ("the Civil Protection of Kuma", "government"),
        ("Kuma's emergency services", "government"),
        ("the health ministry in Kuma", "government"),
        ("the Ruritanian Red Crescent", "other"),
        ("the Kuma Red Cross", "other"),
        ("the state news agency", "media"),
        ("Kuma Radio", "media"),
        ("Ruritania's border agency", "government"),
    ],
)
def test_an_organisation_is_typed_by_its_head_words(name, kind):
    assert _typed(name) == kind


# --- slow: the real model -------------------------------------------------------------


def events(nlp, resources, text: str) -> set[tuple[str, str | None, str | None]]:
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    return {
        (e.type, names.get(e.source_actor or ""), names.get(e.target_actor or ""))
        for e in res.events
    }


def doers(nlp, resources, text: str, kind: str = "ASSAULT") -> set[str | None]:
    return {src for etype, src, _ in events(nlp, resources, text) if etype == kind}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a participle after the body
        "The Dawn Brigade, led by Colonel Amadou Sereme, holds the hills. Forces loyal to "
        "Sereme shelled the market in Tessit on Friday.",
        # a leader noun in apposition
        "Amadou Sereme, the commander of the Dawn Brigade, spoke to reporters. Fighters loyal "
        "to Amadou Sereme stormed the airport on Friday.",
        # a leader noun before the name
        "Dawn Brigade commander Amadou Sereme gave the order. Amadou Sereme's men stormed "
        "the airport on Friday.",
        # a verb
        "Amadou Sereme has commanded the Dawn Brigade since 2019. Troops under the command "
        "of Amadou Sereme stormed the airport on Friday.",
    ],
)
def test_a_leaders_forces_are_the_body_the_document_ties_him_to(nlp, resources, text):
    assert doers(nlp, resources, text) == {"Dawn Brigade"}


@pytest.mark.slow
def test_a_leaders_forces_are_the_body_his_kb_role_names_when_the_text_names_it(nlp, resources):
    text = (
        "The Rapid Support Forces have held the road for a month. Fighters loyal to "
        "Mohamed Hamdan Dagalo stormed a camp outside the town on Friday."
    )
    assert "Rapid Support Forces" in doers(nlp, resources, text)
    # the tie is the leader's own: no relation between the body and him
    assert not {r for r in relations(nlp, resources, text) if "Mohamed Hamdan Dagalo" in r}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # no body named: the forces stay his, never a bare "Forces"
        "Forces loyal to Colonel Amadou Sereme shelled the market in Tessit on Friday.",
        # two bodies: whose forces is unclear
        "Amadou Sereme leads the Dawn Brigade. Amadou Sereme also heads the Tessit Front. "
        "Fighters loyal to Amadou Sereme stormed the airport on Friday.",
    ],
)
def test_forces_of_a_leader_tied_to_no_one_body_are_his(nlp, resources, text):
    assert doers(nlp, resources, text) == {"Amadou Sereme"}


@pytest.mark.slow
def test_a_claim_for_an_attack_a_day_owns_names_its_doer(nlp, resources):
    text = "The Dawn Brigade claimed responsibility for Tuesday's raid, which killed four guards."
    assert doers(nlp, resources, text) == {"Dawn Brigade"}


@pytest.mark.slow
def test_no_claim_names_no_doer(nlp, resources):
    text = (
        "Gunmen raided a customs post near Tessit on Tuesday. No group has claimed "
        "responsibility for the raid."
    )
    assert doers(nlp, resources, text) <= {"Gunmen", None}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The rebels ambushed a police patrol near Tessit on Tuesday.", "police"),
        # the army of a story set in one country (Tessit is in Mali) is that state's
        ("Gunmen raided an army checkpoint near Tessit on Tuesday.", "Malian Armed Forces"),
        ("Gunmen raided an army checkpoint on Tuesday.", "army"),
        ("Government troops shelled rebel positions near the river.", "rebel"),
    ],
)
def test_the_holders_of_a_post_or_a_unit_attacked_are_the_target(nlp, resources, text, target):
    assert target in {tgt for _, _, tgt in events(nlp, resources, text)}


@pytest.mark.slow
def test_holders_named_by_their_state_are_its_forces(nlp, resources):
    text = "Militants overran a Malian army post near Tessit on Tuesday."
    targets = {tgt for etype, _, tgt in events(nlp, resources, text) if etype == "ASSAULT"}
    assert targets & {"Malian Armed Forces", "Armed Forces of Mali"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Residents said the Dawn Brigade stormed the village on Tuesday.",
        "Farmers told reporters that gunmen from the Dawn Brigade stormed the village.",
        "A medic at the clinic said the Dawn Brigade shelled the village overnight.",
    ],
)
def test_witnesses_are_sources_not_doers(nlp, resources, text):
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    sources = {names.get(e.source_actor or "") for e in res.events if e.type == "ASSAULT"}
    assert sources == {"Dawn Brigade"}
    assert not [r for r in res.relations if names[r.source_actor] != "Dawn Brigade"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Dawn Brigade and the Tessit Front, backed by Chad, stormed the base.",
            {("Chad", "Dawn Brigade"), ("Chad", "Tessit Front")},
        ),
        (
            "Chad, the Dawn Brigade's main backer, rejected the report.",
            {("Chad", "Dawn Brigade")},
        ),
    ],
)
def test_a_backer_of_coordinated_or_described_parties_backs_each(nlp, resources, text, expected):
    found = {(s, t) for rtype, s, t, _ in relations(nlp, resources, text) if rtype == "support"}
    assert expected <= found


@pytest.mark.slow
def test_a_partys_named_allies_are_each_its_ally(nlp, resources):
    text = "The Dawn Brigade's allies Chad and Niger sent weapons."
    found = {(s, t) for rtype, s, t, _ in relations(nlp, resources, text) if rtype == "ally"}
    assert found >= {("Chad", "Dawn Brigade"), ("Niger", "Dawn Brigade")}


@pytest.mark.slow
def test_coordinated_names_modifying_armed_people_are_each_a_doer_and_each_backed(nlp, resources):
    text = "Chad-backed Dawn Brigade and Tessit Front fighters stormed the base on Tuesday."
    assert doers(nlp, resources, text) >= {"Dawn Brigade", "Tessit Front"}
    found = {(s, t) for rtype, s, t, _ in relations(nlp, resources, text) if rtype == "support"}
    assert found >= {("Chad", "Dawn Brigade"), ("Chad", "Tessit Front")}


@pytest.mark.slow
def test_allies_named_after_a_comma_are_each_an_ally_and_the_fighters_they_send_their_own(
    nlp, resources
):
    text = "The Dawn Brigade's allies, the Tessit Front and the Kidal Legion, sent fighters."
    found = relations(nlp, resources, text)
    assert {(s, t) for rtype, s, t, _ in found if rtype == "ally"} >= {
        ("Tessit Front", "Dawn Brigade"),
        ("Kidal Legion", "Dawn Brigade"),
    }
    assert not [r for r in found if "fighters" in (r[1], r[2])]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Malian army said gunmen killed nine soldiers near Tessit on Tuesday.",
        "Nine soldiers were wounded by a mine near Tessit, Mali's army said on Tuesday.",
    ],
)
def test_soldiers_hit_are_the_one_state_force_the_article_names(nlp, resources, text):
    targets = {tgt for _, _, tgt in events(nlp, resources, text)}
    assert targets & {"Malian Armed Forces", "Armed Forces of Mali"}
    assert "soldiers" not in targets


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # two armies: whose soldiers is unclear
        "The Malian army and the Nigerien army patrol the border. Gunmen killed nine "
        "soldiers near Tessit on Tuesday.",
        # the army is the doer: its own soldiers are no reading
        "The Malian army killed nine soldiers of the Dawn Brigade near Tessit on Tuesday.",
    ],
)
def test_soldiers_stay_unowned_without_one_other_army(nlp, resources, text):
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    hit = {names.get(e.target_actor or "") for e in res.events if e.type == "ASSAULT"}
    assert not hit & {"Malian Armed Forces", "Armed Forces of Mali"}


@pytest.mark.slow
def test_fighting_alongside_makes_allies_sharing_a_fate_does_not(nlp, resources):
    text = "Chadian troops fought alongside the Dawn Brigade near Tessit on Tuesday."
    found = {(rtype, s, t) for rtype, s, t, _ in relations(nlp, resources, text)}
    assert any(rtype == "ally" and t == "Dawn Brigade" for rtype, s, t in found)
    text = "A Chadian officer was killed alongside two Dawn Brigade fighters."
    assert not [r for r in relations(nlp, resources, text) if r[0] == "ally"]
