"""Who backs or fights whom, read from constructions counted on unlabelled articles
(issue 13, relations study): an act owned by the noun that governs it, readiness and
prevention, stances on an act, and a town named by "in" after a fight. Sentences we
wrote, with near misses that must not change."""

import pytest

pytestmark = pytest.mark.slow


def acts(run, text, *types):
    """(type, doer, target, modality) of the events of ``types`` in ``text``."""
    return {
        (e.type, e.source.text if e.source else None, e.target.text if e.target else None,
         e.modality)
        for e in run(text)["events"]
        if e.type in types
    }  # fmt: skip


def backers(run, text):
    """(giver, receiver, modality) of every support stated, as resolution counts them."""
    records = run(text)
    got = {(r.source.text, r.target.text, r.modality) for r in records["relations"]
           if r.type == "support"}  # fmt: skip
    got |= {(e.source.text, e.target.text, e.modality) for e in records["events"]
            if e.type in ("SUPPORT", "AID") and e.source and e.target}  # fmt: skip
    return got


# --- the owner of a noun of will, capacity or record does the act it governs


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Chad's decision to arm the Ember Brigade angered Niger.", "asserted"),
        ("Chad's plan to arm the Ember Brigade angered Niger.", "future"),
        ("Chad's refusal to arm the Ember Brigade angered Niger.", "negated"),
        ("Chad has a long record of arming the Ember Brigade.", "asserted"),
        ("Chad denied any role in arming the Ember Brigade.", "denied"),
    ],
)
def test_owner_of_the_governing_noun_is_the_doer(run, text, modality):
    assert ("AID", "Chad", "the Ember Brigade", modality) in acts(run, text, "AID")


def test_subject_of_the_verb_holding_the_noun_is_the_owner(run):
    text = "Chad signalled a readiness to hold talks with the Ember Brigade."
    assert ("CONSULT", "Chad", "the Ember Brigade", "future") in acts(run, text, "CONSULT")


def test_a_noun_of_asking_owns_no_act(run):
    # near miss: who calls for arming a group does not arm it
    text = "Chad's call to arm the Ember Brigade was ignored."
    assert not any(doer == "Chad" for _, doer, _, _ in acts(run, text, "AID"))


def test_a_noun_with_no_owner_gives_no_doer(run):
    text = "A decision to arm the Ember Brigade was taken last week."
    assert all(doer is None for _, doer, _, _ in acts(run, text, "AID"))


# --- readiness and prevention: the act is not told as done


@pytest.mark.parametrize(
    ("text", "etype", "doer", "target"),
    [
        ("Chad is ready to negotiate with the Ember Brigade.", "CONSULT", "Chad",
         "the Ember Brigade"),
        ("Niger was willing to arm the Ember Brigade.", "AID", "Niger", "the Ember Brigade"),
    ],
)  # fmt: skip
def test_an_act_one_is_ready_for_is_future(run, text, etype, doer, target):
    got = acts(run, text, etype)
    assert (etype, doer, target, "future") in got
    assert (etype, doer, target, "asserted") not in got


def test_an_act_one_was_able_to_do_is_told(run):
    # near miss: ability is no readiness
    text = "Niger was able to arm the Ember Brigade."
    assert ("AID", "Niger", "the Ember Brigade", "asserted") in acts(run, text, "AID")


def test_an_act_prevented_did_not_happen(run):
    text = "Jets prevented the Ember Brigade from attacking the army."
    got = acts(run, text, "ASSAULT")
    assert ("ASSAULT", "the Ember Brigade", "army", "negated") in got


# --- a stance on an act, not on the act's target


def test_opposing_an_act_is_no_backing_by_the_opposer(run):
    text = "Senator Hale says he opposes sending weapons to the Ember Brigade."
    assert not any(giver == "Hale" for giver, _, _ in backers(run, text))
    assert not any(target == "the Ember Brigade" for _, _, target, _ in
                   acts(run, text, "REJECT"))  # fmt: skip


def test_condemning_an_act_is_against_its_doer(run):
    text = "The Velmar League condemned the killing of civilians by the army."
    got = acts(run, text, "ACCUSE")
    assert ("ACCUSE", "The Velmar League", "army", "asserted") in got
    assert not any(target == "civilians" for _, _, target, _ in got)


def test_criticising_an_act_with_no_doer_has_no_target(run):
    text = "Niger criticised the arrest of Ember Brigade leaders."
    assert all(target is None for _, _, target, _ in acts(run, text, "ACCUSE"))


def test_condemning_a_group_still_opposes_it(run):
    # near miss: the object is the group, not an act
    text = "Niger condemned the Ember Brigade."
    assert ("ACCUSE", "Niger", "the Ember Brigade", "asserted") in acts(run, text, "ACCUSE")


# --- a town named by "in" after a fight is where it happened


@pytest.mark.parametrize(
    "text",
    [
        "An insurgent mortar strike in Niamey wounded two guards.",
        "A French drone strike on a farmhouse in Bamako wounded two guards.",
    ],
)
def test_a_town_after_in_is_no_side_of_a_fight(run, text):
    got = acts(run, text, "ASSAULT")
    assert got
    assert not any(target in ("Niamey", "Bamako") for _, _, target, _ in got)


def test_an_attack_on_a_capital_keeps_it_as_target(run):
    # near miss: "on" names what the attack is aimed at
    text = "The rebels launched an attack on Niamey."
    assert any(target == "Niamey" for _, _, target, _ in acts(run, text, "ASSAULT"))


# --- a claim's content parsed as a relative clause stays under the denial


def test_a_denied_report_that_p_denies_p(run):
    text = "A spokesman denied a report that Chad had armed the Ember Brigade."
    got = backers(run, text)
    assert ("Chad", "the Ember Brigade", "denied") in got
    assert ("Chad", "the Ember Brigade", "asserted") not in got


def test_an_owner_is_its_own_mention_not_a_possessor_inside_it(run):
    # near miss: the subject "Tiani's captors" owns the plan, not Tiani
    text = "Tiani's captors had a plan to kill the envoy."
    assert not any(doer == "Tiani" for _, doer, _, _ in acts(run, text, "ASSAULT"))


# --- coordination is no complement; a compound act is no head


def test_a_verb_coordinated_with_a_denial_is_not_denied(run):
    text = "The Velmar League denied the claims and accused Chad of arming the Ember Brigade."
    assert ("ACCUSE", "Velmar League", "Chad", "asserted") in acts(run, text, "ACCUSE")
    assert ("Chad", "the Ember Brigade", "alleged") in backers(run, text)


def test_a_finite_conjunct_is_not_under_the_first_verbs_negation(run):
    text = "Niger did not deny the report and later sent troops to Chad."
    assert ("AID", "Niger", "Chad", "asserted") in acts(run, text, "AID")


def test_bare_conjuncts_share_the_negation(run):
    # near miss: both verbs under "did not"
    text = "Chad did not attack or kill the envoys."
    assert {m for *_, m in acts(run, text, "ASSAULT")} == {"negated"}


def test_what_a_clause_says_of_a_warrant_is_not_said_of_the_arrest(run):
    text = "The league said it would not honour the tribunal's arrest warrant for Tiani."
    assert ("COERCE", None, "Tiani", "asserted") in acts(run, text, "COERCE")


def test_a_meeting_scheduled_is_future(run):
    text = "Chad was scheduled to hold talks with Tiani on Friday."
    assert ("CONSULT", "Chad", "Tiani", "future") in acts(run, text, "CONSULT")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The alleged attack by the Ember Brigade on the army angered Niger.", "alleged"),
        ("A possible offensive by the army against the Ember Brigade worried Niger.",
         "hypothetical"),
        ("The attack by the Ember Brigade on the army angered Niger.", "asserted"),
    ],
)  # fmt: skip
def test_a_hedge_adjective_on_the_act_noun(run, text, modality):
    assert {m for *_, m in acts(run, text, "ASSAULT")} == {modality}


def test_a_stance_named_by_its_own_noun_keeps_its_target(run):
    # near miss: the complaint is the stance itself, lodged against Chad
    text = "Niger lodged a complaint against Chad at the regional court."
    assert any(target == "Chad" for _, _, target, _ in acts(run, text, "ACCUSE"))
