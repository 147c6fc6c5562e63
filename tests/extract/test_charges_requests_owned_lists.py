"""Relations read from charges, requests for help and lists owned by a conjunct (issue 13),
on sentences we wrote: one construction per test, with a near miss that states nothing."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture, relations

pytestmark = pytest.mark.slow


# --- a counter-charge after a denied perfect -------------------------------------------


def test_a_counter_charge_after_a_denied_act_is_made_not_denied(nlp, resources):
    text = (
        "Rebel commanders of the Kanvar Front insisted their men had not fired on the "
        "checkpoint and accused the army of shelling villages."
    )
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    told = {(e.type, names.get(e.source_actor or ""), e.modality) for e in res.events}
    assert ("ACCUSE", "Kanvar Front", "asserted") in told
    assert ("ASSAULT", "Kanvar Front", "negated") in told
    # the shelling is the Front's charge against the army: alleged, not denied
    assert not any(e.type == "ASSAULT" and e.modality == "negated"
                   and names.get(e.source_actor or "") != "Kanvar Front" for e in res.events)  # fmt: skip


def test_a_second_act_under_the_same_had_not_stays_negated(nlp, resources):
    text = "Chad said its soldiers had not entered Niger or attacked the Azawad Front."
    got = relations(nlp, resources, text)
    assert not any(status == "asserted" and kind == "fight" for kind, _, _, status in got)


# --- a partitive subject listed by members hung on its noun -----------------------------


def test_members_listed_on_the_partitive_noun_are_part_of_the_body(nlp, resources):
    text = (
        "The Coastal Council was formed in 2014 to fight the Orlo Front. Some of its member "
        "militias, including the Tarvo Brigade and the Velmar Front, are now part of the "
        "Western Alliance."
    )
    got = relations(nlp, resources, text)
    assert ("ally", "Tarvo Brigade", "Western Alliance", "asserted") in got
    assert ("ally", "Velmar Front", "Western Alliance", "asserted") in got
    assert not any(src == "Coastal Council" and tgt == "Western Alliance"
                   for _, src, tgt, _ in got)  # fmt: skip


# --- "A and its N, B" -------------------------------------------------------------------


def test_the_name_after_a_conjunct_owned_by_the_first_is_its_part(nlp, resources):
    text = "The Orlo Movement and its armed wing, the Dawn Brigades, fired rockets at the port."
    got = relations(nlp, resources, text)
    assert ("ally", "Dawn Brigades", "Orlo Movement", "asserted") in got


def test_allies_named_after_a_conjunct_are_the_first_ones_allies_not_each_others(nlp, resources):
    text = "The Kanvar Front and its allies, the Orlo Brigade and the Tarvo Front, took the town."
    got = relations(nlp, resources, text)
    assert ("ally", "Orlo Brigade", "Kanvar Front", "asserted") in got
    assert ("ally", "Tarvo Front", "Kanvar Front", "asserted") in got
    assert not any({src, tgt} == {"Orlo Brigade", "Tarvo Front"} for _, src, tgt, _ in got)


def test_its_after_members_of_a_body_is_the_body(nlp, resources):
    text = "The gunmen were members of the Kanvar Front and its armed wing, the Orlo Brigade."
    got = relations(nlp, resources, text)
    assert ("ally", "Orlo Brigade", "Kanvar Front", "asserted") in got
    assert not any(tgt == "gunmen" for _, _, tgt, _ in got)


def test_its_after_members_of_a_plural_looking_name_is_the_name(nlp, resources):
    text = (
        "Police said the gunmen were members of the Kanvar People's Movement and its armed "
        "wing, the Orlo Guard."
    )
    got = relations(nlp, resources, text)
    assert ("ally", "Orlo Guard", "Kanvar People's Movement", "asserted") in got


def test_a_possessed_conjunct_with_no_name_after_it_names_no_member(nlp, resources):
    text = "The Kanvar Front and its allies took the town, the Orlo Brigade said."
    got = relations(nlp, resources, text)
    assert not any(src == "Orlo Brigade" for _, src, _, _ in got)


# --- an apposition inside a coordination -------------------------------------------------


def test_an_apposition_on_the_first_side_is_not_the_second_sides(nlp, resources):
    text = (
        "Clashes erupted on Tuesday between the Orlo militia, long an ally of the Kanvar "
        "Front, and the Tarvo Brigade."
    )
    got = relations(nlp, resources, text)
    assert not any(src == "Tarvo Brigade" and tgt == "Kanvar Front" for _, src, tgt, _ in got)


def test_an_apposition_after_both_conjuncts_is_both_ones(nlp, resources):
    text = "The Orlo militia and the Tarvo Brigade, allies of the Kanvar Front, took the town."
    got = relations(nlp, resources, text)
    assert ("ally", "Tarvo Brigade", "Kanvar Front", "asserted") in got


# --- help sent at someone's request --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "giver", "asker"),
    [
        ("Chad deployed troops at the request of the Malian government.", "Chad", "Mali"),
        ("Niger sent soldiers to the border at Benin's request.", "Niger", "Benin"),
        (
            "Kanvar troops, flown in by President Ivo Karlov at the request of President "
            "Tomas Velm, now hold the airport.",
            "Ivo Karlov",
            "Tomas Velm",
        ),
    ],
)
def test_a_sending_at_someones_request_backs_the_one_who_asked(nlp, resources, text, giver, asker):
    assert ("support", giver, asker, "asserted") in relations(nlp, resources, text)


def test_a_request_on_a_verb_of_no_sending_states_no_backing(nlp, resources):
    text = "The minister spoke to reporters at the request of the Kanvar Front."
    got = relations(nlp, resources, text)
    assert not any(kind == "support" for kind, _, _, _ in got)


# --- two accused set apart by an aside -----------------------------------------------------


def test_both_objects_of_a_charge_split_by_an_aside_are_charged(nlp, resources):
    text = (
        "Benin has accused Togo and, lately, the Kanvar authorities of sheltering the Azawad Front."
    )
    got = relations(nlp, resources, text)
    assert ("support", "Togo", "Azawad Front", "alleged") in got
    assert any(kind == "support" and src.startswith("Kanvar") and status == "alleged"
               for kind, src, _, status in got)  # fmt: skip
    assert not any(src == "Benin" and kind == "support" for kind, src, _, _ in got)


# --- a view held of someone, a side taken -------------------------------------------------


def test_what_a_subject_regards_someone_as_is_its_view(nlp, resources):
    text = "Diplomats in Niamey see the Orlo Brigade as a branch of the Kanvar Front."
    got = relations(nlp, resources, text)
    assert ("ally", "Orlo Brigade", "Kanvar Front", "alleged") in got


def test_a_part_stated_outright_is_asserted(nlp, resources):
    got = relations(nlp, resources, "The Orlo Brigade is an offshoot of the Kanvar Front.")
    assert ("ally", "Orlo Brigade", "Kanvar Front", "asserted") in got


def test_favouring_a_side_is_backing_it_and_a_dismissed_claim_of_it_is_denied(nlp, resources):
    text = (
        "Turkey has often been accused in Cairo of favouring the Kanvar Front, an accusation "
        "Turkish officials dismiss."
    )
    got = relations(nlp, resources, text)
    assert ("support", "Turkey", "Kanvar Front", "denied") in got


def test_a_charge_hung_on_the_place_it_is_made_in_charges_the_subject(nlp, resources):
    text = "Chad has been accused in Lagos of favouring the Kanvar Front."
    got = relations(nlp, resources, text)
    assert ("support", "Chad", "Kanvar Front", "alleged") in got


def test_favouring_a_thing_is_no_relation(nlp, resources):
    assert relations(nlp, resources, "Most voters in Chad favour a ceasefire.") == set()


# --- a part in an act named by a noun --------------------------------------------------------


def test_a_denied_part_in_an_attack_is_a_denied_fight_of_the_denier(nlp, resources):
    text = (
        "The Orlo Brigade, which is close to the Kanvar Council, denied any part in last "
        "week's raid on the Chadian army."
    )
    got = relations(nlp, resources, text)
    assert ("ally", "Orlo Brigade", "Kanvar Council", "asserted") in got
    assert any(kind == "fight" and src == "Orlo Brigade" and status == "denied"
               for kind, src, _, status in got)  # fmt: skip


def test_an_admitted_part_in_an_attack_is_the_admitters_act(nlp, resources):
    text = "The Tarvo Front admitted its part in the attack on the Malian army."
    got = relations(nlp, resources, text)
    assert any(kind == "fight" and src == "Tarvo Front" and status == "asserted"
               for kind, src, _, status in got)  # fmt: skip


def test_a_part_in_an_act_with_its_own_doer_leaves_the_doer(nlp, resources):
    text = "The Orlo Brigade played no part in the attack by the Kanvar Front on the town."
    got = relations(nlp, resources, text)
    assert not any(src == "Orlo Brigade" and kind == "fight" for kind, src, _, _ in got)


# --- "both N" for a pair named just before -------------------------------------------------


def test_an_ally_of_both_governments_is_an_ally_of_the_pair_named_before(nlp, resources):
    text = (
        "Chad and Niger met in Niamey on Monday. France, an ally of both governments, sent envoys."
    )
    got = relations(nlp, resources, text)
    assert ("ally", "France", "Chad", "asserted") in got
    assert ("ally", "France", "Niger", "asserted") in got


def test_a_backer_of_both_sides_backs_the_two_that_clashed(nlp, resources):
    text = "The Kanvar Front and the Orlo Brigade clashed. Benin, a backer of both sides, called for talks."
    got = relations(nlp, resources, text)
    assert ("support", "Benin", "Kanvar Front", "asserted") in got
    assert ("support", "Benin", "Orlo Brigade", "asserted") in got


def test_both_of_a_noun_that_names_no_party_refers_to_no_one(nlp, resources):
    text = "Chad and Niger met in Niamey. France, a partner of both cities, sent envoys."
    got = relations(nlp, resources, text)
    assert not any(src == "France" for _, src, _, _ in got)
