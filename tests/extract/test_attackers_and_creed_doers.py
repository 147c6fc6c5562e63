""" "The attackers" of a later sentence as the doer the article gives its act, and a word
of creed or region before armed men read as no name (issue 13): one construction per
test, on sentences we wrote."""

from __future__ import annotations

import pytest

slow = pytest.mark.slow


def _doers(run, text: str) -> dict[str, tuple[str | None, bool]]:
    """Trigger -> (doer, whether the doer's role is alleged), for the violent events."""
    return {
        e.trigger.text: (e.source.text if e.source else None, "source_alleged" in e.qualifiers)
        for e in run(text)["events"]
        if e.type in ("ASSAULT", "COERCE")
    }


@slow
def test_the_attackers_take_the_named_doer_of_the_article_act(run):
    text = (
        "Fighters of the Arakan Army attacked a police post in Maungdaw on Monday. The "
        "attackers burned the barracks and seized rifles."
    )
    assert _doers(run, text)["burned"] == ("the Arakan Army", False)


@slow
def test_an_accused_doer_stays_alleged_for_the_attackers(run):
    text = (
        "Gunmen ambushed a convoy near Gao on Friday, killing four soldiers. The army "
        "blamed the Katiba Macina. The attackers also burned two trucks, a local official said."
    )
    assert _doers(run, text)["burned"] == ("the Katiba Macina", True)


@slow
def test_a_suspected_doer_stays_alleged_for_the_attackers(run):
    text = (
        "Suspected ADF rebels attacked a village near Beni on Sunday. The attackers killed "
        "eleven people with machetes."
    )
    doers = _doers(run, text)
    assert doers["killed"] == ("ADF rebels", True)


@slow
@pytest.mark.parametrize(
    "text",
    [
        # no doer named for the article's act
        "Gunmen stormed a village near Tsafe on Sunday. The attackers burned twenty houses.",
        # two named doers told before: the attackers are neither
        "Fighters of JNIM attacked an army post near Djibo on Monday. On Tuesday Islamic "
        "State Sahel Province fighters struck a convoy nearby. The attackers also burned a "
        "school.",
        # a state's forces who killed the gunmen are not the attackers
        "Troops of the Mexican army killed two gunmen at a checkpoint in Navolato on "
        "Saturday. The attackers had fired at the soldiers from a moving car.",
    ],
)
def test_the_attackers_stay_unnamed_without_one_armed_doer(run, text):
    doer = [d for t, (d, _) in _doers(run, text).items() if t in ("burned", "fired")]
    assert doer == ["attackers"]


@slow
def test_a_blame_reaches_armed_men_described_by_an_ideology(run):
    text = (
        "Maoist rebels ambushed a police patrol in Sukma district on Saturday, killing six "
        "officers. Police blamed the People's Liberation Guerrilla Army."
    )
    assert _doers(run, text)["ambushed"] == ("the People's Liberation Guerrilla Army", True)


@slow
def test_a_claim_reaches_armed_men_described_by_a_creed(run):
    text = (
        "Islamist insurgents attacked a village near Mocimboa da Praia on Friday, killing "
        "five people. The Islamic State claimed responsibility."
    )
    assert _doers(run, text)["attacked"] == ("The Islamic State", False)


@slow
@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Islamic State fighters attacked a village near Mocimboa da Praia on Friday. "
            "Police blamed al-Shabaab.",
            "Islamic State",
        ),
        (
            "Fighters of the Maoist Communist Centre attacked a police station in Gaya on "
            "Friday. Police blamed the Ranvir Sena.",
            "the Maoist Communist Centre",
        ),
    ],
)
def test_a_name_holding_a_creed_word_stays_the_doer(run, text, doer):
    assert _doers(run, text)["attacked"] == (doer, False)


@pytest.mark.parametrize(
    ("word", "describes"),
    [("Islamist", True), ("Maoist", True), ("Salafist", True), ("Anglophone", True),
     ("Sunni", True), ("Fulani", False), ("State", False), ("Communist", True),
     ("Haram", False)],
)  # fmt: skip
def test_words_of_creed_or_region_describe(word, describes):
    import spacy
    from spacy.tokens import Doc

    from eventwire.extract.eventlinks import describing

    vocab = spacy.blank("en").vocab
    assert describing(Doc(vocab, words=[word, "rebels"])[0]) is describes
