"""Ranks and honorifics before a name, speakers named in apposition to their role, and
names given as someone's own (sentences written for these tests)."""

import pytest
from tests.extract.test_quotes import quotes

from eventwire.extract.titles import strip_titles


@pytest.mark.parametrize(
    ("name", "bare", "role"),
    [
        ("Havildar Ravi Nair", "Ravi Nair", "Havildar"),
        ("Lance Corporal Omar Haddad", "Omar Haddad", "Lance Corporal"),
        ("Private Ana Ruiz", "Ana Ruiz", "Private"),
        ("Sainik Ali Khan", "Ali Khan", "Sainik"),
        ("Ranger Sergeant Tomas Berg", "Tomas Berg", "Ranger Sergeant"),
        ("Hajiya Amina Bello", "Amina Bello", "Hajiya"),
        ("Alhaji Musa Ado", "Musa Ado", "Alhaji"),
    ],
)
def test_a_rank_or_honorific_is_the_role(name, bare, role):
    assert strip_titles(name) == (bare, role)


def test_a_rank_alone_is_no_name():
    assert strip_titles("Private") == ("Private", None)


def mentions(run, text):
    return [(m.span.text, m.role) for m in run(text)["mentions"] if m.label == "PERSON"]


@pytest.mark.slow
def test_a_ranked_name_is_written_without_its_rank(run):
    got = mentions(run, "The dead were named as Havildar Ravi Nair, 34, and Sainik Ali Khan, 22.")
    assert ("Ravi Nair", "Havildar") in got and ("Ali Khan", "Sainik") in got
    got = mentions(run, '"The bridge is gone," said Ranger Sergeant Tomas Berg, 41.')
    assert got == [("Tomas Berg", "Ranger Sergeant")]  # no "Sergeant" of its own


@pytest.mark.slow
def test_an_honorific_is_cut_from_the_speaker(run):
    got = quotes(run, '"They took my son and my cattle," said Hajiya Amina Bello, a trader.')
    assert got == [("They took my son and my cattle,", "Amina Bello")]


@pytest.mark.slow
def test_the_holder_of_a_role_with_its_place_speaks(run, run_without_kb):
    for runner in (run, run_without_kb):
        text = ('"The roads are closed until Friday," the prefect of the Kestrel department, '
                "Paul Mbarga, said in a statement.")  # fmt: skip
        assert quotes(runner, text)[0][1] == "Paul Mbarga"
        text = '"We have no food left," said a nurse in Harbourtown, Sister Maria Olsen.'
        assert quotes(runner, text)[0][1] == "Maria Olsen"
        text = '"The river took the bridge," said a fisherman, Tomas Berg, by telephone.'
        assert quotes(runner, text)[0][1] == "Tomas Berg"


@pytest.mark.slow
def test_a_role_without_a_name_keeps_no_place_as_speaker(run):
    # the appositive names the place, not a person: the role speaks for nobody named
    text = '"The water is rising," a farmer in Kestrel Bay, a fishing town, said.'
    assert quotes(run, text)[0][1] != "Kestrel Bay"


@pytest.mark.slow
def test_a_name_given_as_the_speakers_own(run):
    text = ('A cook at the camp, who gave only his first name, Tadesse, said the lorries had '
            'gone. "We have nothing left," he said.')  # fmt: skip
    assert quotes(run, text)[0][1] == "Tadesse"
    text = ('"We did not fire first," the group\'s spokesman, who goes by the name Abu Karim '
            "al-Tamimi, wrote on social media.")  # fmt: skip
    assert quotes(run, text)[0][1] == "Abu Karim al-Tamimi"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "given"),
    [
        ("A driver, who gave only his first name, Tadesse, said so.", "Tadesse", True),
        ("A driver who asked to be named only as Berhane said so.", "Berhane", True),
        ("The spokesman, who goes by the name Abu Karim, said so.", "Abu", True),
        ("A militia named Kestrel Bay Defenders said so.", "Kestrel", False),
        ("The group, whose name means Kestrel Army, said so.", "Kestrel", False),
        ("Its name, Kestrel Army, was chosen in 2019.", "Kestrel", False),
    ],
)
def test_given_as_name(nlp, text, name, given):
    from eventwire.extract.kind_words import given_as_name

    doc = nlp(text)
    at = next(t.i for t in doc if t.text == name)
    assert given_as_name(doc, at) is given


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        'In a post the Kestrel Front rejected the blame and called the claims "lies told to '
        'hide its own crimes".',
        'The Kestrel Front rejected claims that Ghana armed it, saying its rifles were "taken '
        'from the enemy".',
        'The Kestrel Front rejected as "baseless and fabricated" the claim that it fired first.',
    ],
)
def test_a_verb_qualifying_a_claim_speaks_for_its_subject(run, run_without_kb, text):
    for runner in (run, run_without_kb):
        assert quotes(runner, text)[0][1] in ("the Kestrel Front", "The Kestrel Front")


@pytest.mark.slow
def test_a_coordinated_verb_with_its_own_subject_keeps_it(run):
    # "and Ana Ruiz called it ...": the second verb's own subject speaks, not the first's
    text = 'The Kestrel Front shelled the market and Ana Ruiz called the attack "a plain crime".'
    assert quotes(run, text)[0][1] == "Ana Ruiz"
