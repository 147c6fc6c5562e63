"""Targets of acts told again through the thing they were done to ("its fighters had
attacked the base"), acronyms as names of doers, and claims of acts not (yet) done.
Sentences we wrote."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventwire.extract.eventlinks import acronym
from eventwire.extract.retold_targets import retold_object

slow = pytest.mark.slow


def _doc(blank_nlp, words, heads, deps, pos) -> Doc:
    lemmas = [
        w.lower().rstrip("s") if p == "NOUN" else w.lower() for w, p in zip(words, pos, strict=True)
    ]
    return Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_the_object_of_a_verb_told_again_with_the_is_retold(blank_nlp):
    # "fighters attacked the base"
    doc = _doc(blank_nlp, ["fighters", "attacked", "the", "base"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "det", "dobj"], ["NOUN", "VERB", "DET", "NOUN"])  # fmt: skip
    found = retold_object(doc[1])
    assert found is not None and found.text == "base"


def test_the_on_object_of_an_act_noun_is_retold(blank_nlp):
    # "the attack on the checkpoint"
    doc = _doc(blank_nlp, ["the", "attack", "on", "the", "checkpoint"], [1, 1, 1, 4, 2],
               ["det", "ROOT", "prep", "det", "pobj"], ["DET", "NOUN", "ADP", "DET", "NOUN"])  # fmt: skip
    found = retold_object(doc[1])
    assert found is not None and found.text == "checkpoint"


def test_a_thing_first_told_or_named_is_not_retold(blank_nlp):
    # "fighters attacked a convoy": an indefinite thing is told for the first time
    doc = _doc(blank_nlp, ["fighters", "attacked", "a", "convoy"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "det", "dobj"], ["NOUN", "VERB", "DET", "NOUN"])  # fmt: skip
    assert retold_object(doc[1]) is None
    # "fighters attacked the Kalo base": a name on the thing says which one it is
    doc = _doc(blank_nlp, ["fighters", "attacked", "the", "Kalo", "base"], [1, 1, 4, 4, 1],
               ["nsubj", "ROOT", "det", "compound", "dobj"],
               ["NOUN", "VERB", "DET", "PROPN", "NOUN"])  # fmt: skip
    assert retold_object(doc[1]) is None


def test_a_word_in_capitals_is_an_acronym_whatever_its_tag(blank_nlp):
    doc = _doc(blank_nlp, ["Suspected", "KLF", "fighters", "A"], [2, 2, 2, 2],
               ["amod", "compound", "ROOT", "dep"], ["VERB", "NOUN", "NOUN", "DET"])  # fmt: skip
    assert acronym(doc[1])
    assert not acronym(doc[0]) and not acronym(doc[2]) and not acronym(doc[3])


def _sides(run, text: str) -> list[tuple[str, str | None, str | None, bool, str]]:
    return [
        (e.trigger.text, e.source.text if e.source else None,
         e.target.text if e.target else None, e.negated, e.modality)
        for e in run(text)["events"]
        if e.type == "ASSAULT"
    ]  # fmt: skip


@slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a denial of one's own act (Myanmar-like setting)
        (
            "Rebels attacked an army base outside Hpakant on Monday. The Kachin Freedom Front "
            "said its fighters had not attacked the base.",
            "army",
        ),
        # an account of one's own act (Sahel-like setting)
        (
            "Gunmen stormed a police station in Dori on Sunday night, killing three officers. "
            "The Liptako Brigade said in a statement that its fighters had attacked the station.",
            "police",
        ),
    ],
)
def test_an_act_told_again_through_its_thing_takes_the_earlier_target(run, text, target):
    later = _sides(run, text)[-1]
    assert later[0] == "attacked" and later[2] == target


@slow
def test_a_denied_act_told_again_stays_denied(run):
    text = ("Rebels attacked an army base outside Hpakant on Monday. The Kachin Freedom Front "
            "said its fighters had not attacked the base.")  # fmt: skip
    later = _sides(run, text)[-1]
    assert later[3] and later[1] is not None and "Freedom Front" in later[1]


@slow
def test_a_thing_named_differently_takes_no_earlier_target(run):
    # "the Kalo base" names another base than the one attacked first
    text = ("Militiamen attacked an army base outside Mopti on Monday. The Macina Front said "
            "its fighters had attacked the Sevare base.")  # fmt: skip
    assert _sides(run, text)[-1][2] is None


@slow
def test_an_act_promised_claims_no_act_told_before(run):
    # a claim of a future act (Sahel-like setting): the first act's doer stays unnamed
    text = ("Gunmen attacked an army post near Djibo on Monday, killing two soldiers. The "
            "Liptako Brigade said its fighters would attack the post again.")  # fmt: skip
    first = _sides(run, text)[0]
    assert first[0] == "attacked" and first[1] == "Gunmen"


@slow
def test_an_act_laid_at_anothers_door_names_no_doer_of_the_act_told_before(run):
    # a speaker's account of another's act (Bangladesh-like setting): the accused is the
    # doer of the act noun, while the ambush told first keeps its own doer
    text = ("Gunmen ambushed an army patrol near Ruma on Tuesday, killing two soldiers. The "
            "army has said the Hill Tracts Front carried out the attack.")  # fmt: skip
    sides = _sides(run, text)
    assert sides[0][:2] == ("ambushed", "Gunmen")
    later = next(s for s in sides if s[0] == "attack")
    assert later[1] is not None and "Hill Tracts Front" in later[1]


@slow
def test_a_denied_act_told_again_keeps_its_denial_and_takes_the_target(run):
    text = ("Gunmen ambushed an army patrol near Ruma on Tuesday, killing two soldiers. The "
            "Hill Tracts Front denied carrying out the attack.")  # fmt: skip
    later = next(s for s in _sides(run, text) if s[0] == "attack")
    assert later[3] and later[2] is not None
