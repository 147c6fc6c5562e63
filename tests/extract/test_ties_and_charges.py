"""Relations told by a tie, by a repeated preposition, by a charge of two acts and by a
weapon's craft (issue 13, the written gold's dev misses counted by class): one
construction per test, on sentences we wrote about several wars."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def rels(run, text: str) -> set[tuple[str, str, str, str]]:
    return {(r.type, r.source.text, r.target.text, r.modality) for r in run(text)["relations"]}


def has(got, kind: str, one: str, other: str, modality: str | None = None) -> bool:
    """A row of ``kind`` between the names ``one`` and ``other`` (span texts may keep "the")."""
    return any(
        k == kind and one in s and other in t and (modality is None or m == modality)
        for k, s, t, m in got
    )


def acts(run, text: str) -> set[tuple[str, str | None, str | None, str]]:
    return {
        (e.type, e.source.text if e.source else None, e.target.text if e.target else None,
         e.modality)
        for e in run(text)["events"]
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        # a verb of working together with "with"
        ("Officials say the Kessar Brigade works with the Dunmore Cartel.", "Kessar Brigade",
         "Dunmore Cartel"),
        ("The Lunar Front, which teams up with the Marsh Army in the east, denied it.",
         "The Lunar Front", "Marsh Army"),
        # tied to, in a clause of contrast
        ("The Kessar Brigade is a local gang, while the Orlo Guard has long been tied to "
         "the Dunmore Cartel.", "the Orlo Guard", "the Dunmore Cartel"),
        # a tie noun held by a verb or a possessive
        ("The Lunar Front has close ties to the Marsh Army.", "The Lunar Front", "Marsh Army"),
        ("Hadrania's links with the Northern Movement go back decades.", "Hadrania",
         "the Northern Movement"),
    ],
)  # fmt: skip
def test_ties_and_working_together_are_alliances(run, text, one, other):
    assert has(rels(run, text), "ally", one.removeprefix("the ").removeprefix("The "),
               other.removeprefix("the "), "asserted")  # fmt: skip


def test_contacts_between_two_sides_are_a_tie_of_both(run):
    got = rels(run, "Analysts have reported contacts between the Lunar Front and the Marsh Army.")
    assert has(got, "ally", "Lunar Front", "Marsh Army", "asserted")


def test_a_denied_tie_is_denied_and_no_tie_is_negated(run):
    denied = rels(run, "The Kessar Brigade denies any links with the Dunmore Cartel.")
    assert has(denied, "ally", "Kessar Brigade", "Dunmore Cartel", "denied")
    none = rels(run, "The Lunar Front has no links with the Marsh Army.")
    assert {m for k, _, _, m in none if k == "ally"} == {"negated"}


@pytest.mark.parametrize(
    "text",
    [
        "Aid workers worked on the roads near Tarsk for a week.",  # no "with": no partner
        "The Lunar Front cut its ties with the Marsh Army last year.",  # a tie ended
        "Family ties run deep in the valley.",  # no side after the noun
    ],
)
def test_no_tie_without_two_sides_held(run, text):
    assert not {r for r in rels(run, text) if r[0] == "ally"}


def test_a_repeated_preposition_adds_its_object_as_a_giver(run):
    got = rels(run, "The militias say they get weapons from the Marsh Army and from Hadrania.")
    assert has(got, "support", "Marsh Army", "militias")
    assert has(got, "support", "Hadrania", "militias")


def test_a_repeated_preposition_adds_an_ally(run):
    got = rels(run, "The Lunar Front fought alongside the Marsh Army and alongside the Orlo "
                    "Guard in the spring.")  # fmt: skip
    assert has(got, "ally", "Lunar Front", "Marsh Army")
    assert has(got, "ally", "Lunar Front", "Orlo Guard")


@pytest.mark.parametrize(
    ("text", "accused", "armed"),
    [
        # the parser hangs the second gerund on the verb of charging
        ("Orlovia accuses Hadrania of training and arming militants who cross the border.",
         "Hadrania", "militants"),
        ("Colombia accused Venezuela of funding and arming the Northern Movement.",
         "Venezuela", "the Northern Movement"),
    ],
)  # fmt: skip
def test_the_second_of_two_charged_acts_is_the_accused_s_and_alleged(run, text, accused, armed):
    got = {(s, t, m) for k, s, t, m in acts(run, text) if k == "AID"}
    assert any(s == accused and t and armed.removeprefix("the ") in t and m == "alleged"
               for s, t, m in got)  # fmt: skip
    assert {s for s, _, _ in got} == {accused}  # never the accuser's act


def test_a_coordinated_act_of_the_accuser_stays_his(run):
    got = acts(run, "Orlovia accused Hadrania of lying and attacked its border posts.")
    assert ("ASSAULT", "Orlovia") in {(k, s) for k, s, _, _ in got}


@pytest.mark.parametrize(
    ("text", "user"),
    [
        # the participle parsed as the main verb the act is coordinated with
        ("A glide bomb dropped by Russian aircraft hit a market in Kupiansk, killing four "
         "people.", "Russian"),
        ("A barrel bomb dropped by army helicopters hit a bakery in the old town.", "army"),
    ],
)  # fmt: skip
def test_a_craft_dropping_the_weapon_gives_its_owner_as_the_doer(run, text, user):
    doers = {s for k, s, _, _ in acts(run, text) if k == "ASSAULT"}
    assert any(s and s.startswith(user) for s in doers)


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun of a passive in the denied claim stands for the denier
        "The Lunar Front rejected Orlovian claims that it was armed by Hadrania.",
        "The Lunar Front dismissed reports that it is funded by Hadrania.",
        # the claim's clause parsed as the noun's complement
        "The Lunar Front, an armed group, raided a post. The group rejected Orlovian claims "
        "that it was armed by Hadrania and Kessaria.",
    ],
)
def test_a_denier_denies_being_backed_itself(run, text):
    got = acts(run, text)
    assert any(k == "AID" and s == "Hadrania" and t and ("Lunar Front" in t or t == "group")
               and m == "denied" for k, s, t, m in got)  # fmt: skip


def test_a_denier_denies_receiving_arms_itself(run):
    got = rels(run, "The Lunar Front denied reports that it had received weapons from Hadrania.")
    assert has(got, "support", "Hadrania", "Lunar Front", "denied")


def test_a_pronoun_of_someone_else_s_claim_is_not_the_denier(run):
    got = acts(run, "Hadrania rejected the report, which said the Lunar Front was armed by "
                    "Orlovia.")  # fmt: skip
    assert not any(t and "Hadrania" in t for k, _, t, _ in got if k == "AID")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen ambushed a police convoy near Tarsk on Friday, killing three officers. The "
        "officers returned fire and the attackers fled. Police blamed the Lunar Front.",
        "Gunmen attacked a border post near Tarsk, killing a guard. The guards fired back. "
        "Officials blamed the Lunar Front, a small separatist group.",
    ],
)
def test_a_blame_reaches_back_past_the_attacked_side_s_reply(run, text):
    got = acts(run, text)
    assert any(k == "ASSAULT" and s and "Lunar Front" in s for k, s, _, _ in got)


def test_a_blame_does_not_reach_past_another_named_act(run):
    text = ("Gunmen ambushed a police convoy near Tarsk, killing three officers. Troops later "
            "shelled the village of Kum. Police blamed the Lunar Front.")  # fmt: skip
    assert not any(s and "Lunar Front" in s for k, s, _, _ in acts(run, text) if k == "ASSAULT")


def test_people_described_as_fighting_beside_a_side_are_its_allies(run):
    got = rels(run, "Eritrean troops fighting alongside the Ethiopian army were seen near Adigrat.")
    assert has(got, "ally", "Eritrean troops", "Ethiopian army", "asserted")


def test_fighting_beside_a_side_charged_is_an_alleged_alliance(run):
    got = rels(run, "Kenya accuses Somalia of fighting alongside the Marsh Army.")
    assert has(got, "ally", "Somalia", "Marsh Army", "alleged")


def test_dying_alongside_someone_is_no_alliance(run):
    got = rels(run, "Two soldiers killed alongside the Marsh Army commander were buried on Friday.")
    assert not {r for r in got if r[0] == "ally"}


def test_members_listed_after_a_partitive_pronoun_hold_its_relation(run):
    got = rels(run, "The council has many armed factions. Some of its factions, including the "
                    "Lunar Front and the Marsh Army, are also part of the Northern Alliance.")  # fmt: skip
    assert has(got, "ally", "Lunar Front", "Northern Alliance")
    assert has(got, "ally", "Marsh Army", "Northern Alliance")


def test_soldiers_a_state_has_fighting_beside_a_side_make_the_state_its_ally(run):
    got = rels(run, "Chad has thousands of soldiers in Darfur fighting beside the Sudanese army.")
    assert has(got, "ally", "Chad", "Sudanese army", "asserted")
