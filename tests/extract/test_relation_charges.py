"""Backing charged by an accusation, "accused X of V-ing Y", the verb read through the
relation words (issue 13, round 27: dev misses of ten written-gold groups). Sentences we
wrote about several wars, with the refusals the reading must keep."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def rels(run, text: str) -> set[tuple[str, str, str, str, bool]]:
    return {
        (r.type, r.source.text, r.target.text, r.modality, r.negated)
        for r in run(text)["relations"]
    }


def has(got, kind: str, one: str, other: str, modality: str | None = None) -> bool:
    return any(
        k == kind and one in s and other in t and (modality is None or m == modality)
        for k, s, t, m, _neg in got
    )


@pytest.mark.parametrize(
    ("text", "backer", "backed"),
    [
        # a verb that is backing only as a charge
        (
            "The governor of Kasso accused some village chiefs of protecting the Red Hand militia.",
            "village chiefs",
            "Red Hand",
        ),
        (
            "Army officers accuse local traders of paying the Sable Front to spare their "
            "warehouses.",
            "local traders",
            "Sable Front",
        ),
        # a verb of giving with the receiver after "to"
        (
            "Farmers in Orvan accuse some customs officers of selling rifles to the Dune "
            "Wolves gang.",
            "customs officers",
            "Dune Wolves",
        ),
        # a verb of giving with the thing given beside its object
        (
            "Tarsk accuses Western governments of supplying the Coastal Army with drones.",
            "Western governments",
            "Coastal Army",
        ),
        # a named accused, and the second act of one charge
        (
            "Police accused the Iron Brotherhood of hiding the Lomas gang and supplying it "
            "with guns.",
            "Iron Brotherhood",
            "Lomas",
        ),
        # the charge's "of" hung on a place the accused are in
        (
            "The army has accused some cattle traders in the east of the region of paying the "
            "Hill Army.",
            "cattle traders",
            "Hill Army",
        ),
        # a passive charge: the subject is the accused
        (
            "Some landowners in the valley are suspected of paying the Orvan Liberation Army.",
            "landowners",
            "Orvan Liberation Army",
        ),
    ],
)
def test_a_charged_verb_states_an_alleged_backing(run, text, backer, backed):
    got = rels(run, text)
    assert has(got, "support", backer, backed, "alleged"), got


def test_the_accused_group_is_named_without_its_quantifier(run):
    got = rels(run, "Officials accuse some sugar planters of paying the Hill Army.")
    assert any(s == "sugar planters" for _k, s, _t, _m, _n in got), got


@pytest.mark.parametrize(
    "text",
    [
        # the same verbs outside a charge back nobody
        "Soldiers of the Kasso army protected the convoy of the Red Cross.",
        "The Sable Front paid farmers in the valley for their grain.",
        "Troops of the Coastal Army were protecting residents of Orvan on Monday.",
        # a verb of giving with its object alone gives things, not a party
        "Tarsk accused the Coastal Army of supplying weapons.",
        # a charge of an act that backs nobody
        "The Hill Army accused the Red Hand militia of shelling Orvan.",
    ],
)
def test_no_backing_outside_a_charge_or_without_a_receiver(run, text):
    got = rels(run, text)
    assert not any(k == "support" for k, *_ in got), got


def test_a_rejected_charge_is_denied_beside_the_allegation(run):
    got = rels(
        run,
        "Police officials accuse some local landlords of sheltering the Desert Hawks, "
        "a charge the landlords deny.",
    )
    assert has(got, "support", "landlords", "Desert Hawks", "denied"), got


def test_a_denied_charge_keeps_its_status(run):
    got = rels(run, "Tarsk denied accusing the Coastal Army of protecting the Lomas gang.")
    assert not has(got, "support", "Coastal Army", "Lomas", "asserted"), got


def test_a_description_two_groups_fit_is_no_receiver(run):
    got = rels(
        run,
        "The Lomas gang and the Dune gang fought near the port on Monday. Residents accuse "
        "some police officers of protecting the gang.",
    )
    # the gang stays unnamed: neither of the two gangs is said to be backed
    assert not any(k == "support" and t in ("Lomas", "Dune") for k, _s, t, *_ in got), got
    assert not has(got, "support", "police officers", "Lomas"), got


def test_a_hypothetical_charge_is_not_asserted(run):
    got = rels(run, "Officials may accuse local traders of paying the Hill Army.")
    assert not has(got, "support", "traders", "Hill Army", "asserted"), got


def test_the_accusers_own_side_is_no_receiver(run):
    # "our" side: the accusers are not backed by the accused
    got = rels(run, "The Sable Front accuses the Hill Army of paying our own fighters.")
    assert not has(got, "support", "Hill Army", "Sable Front"), got
