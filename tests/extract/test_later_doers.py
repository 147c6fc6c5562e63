"""Doers named in a later sentence that tells no act of its own, and a name read after
the adjective the parse took for the agent (issue 13): one construction per test, on
sentences we wrote."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.tokens import Doc

from eventwire.extract.event_role_tokens import _name_after_adjective
from eventwire.model import Span

slow = pytest.mark.slow


def _doers(run, text: str) -> dict[str, tuple[str | None, bool]]:
    """Trigger -> (doer, whether the doer's role is alleged), for the violent events."""
    return {
        e.trigger.text: (e.source.text if e.source else None, "source_alleged" in e.qualifiers)
        for e in run(text)["events"]
        if e.type == "ASSAULT"
    }


@slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the unnamed doers' noun repeated in a membership clause under a belief
        (
            "Gunmen attacked a bakery in Dorville on Friday, killing six workers. Police "
            "believe the attackers belonged to a faction of Los Halcones.",
            "attacked",
        ),
        # "the suspects" of a later arrest are the lead act's doers
        (
            "Nine men died in a massacre at a bar in Dorville on Saturday night. Police "
            "arrested four suspects in a raid on Monday. According to the police chief, the "
            "suspects are members of Los Halcones.",
            "massacre",
        ),
    ],
)
def test_membership_of_the_unnamed_doers_names_the_doer_as_alleged(run, text, trigger):
    assert _doers(run, text)[trigger] == ("Los Halcones", True)


@slow
def test_a_denied_membership_names_no_doer(run):
    text = (
        "Nine men died in a massacre at a bar in Dorville on Saturday night. The gunmen were "
        "not members of Los Halcones, police said."
    )
    assert _doers(run, text)["massacre"] == (None, False)


@slow
def test_the_victims_attacked_by_a_named_body_name_the_doer(run):
    text = (
        "Masked men shot dead five farmers near Dorville on Friday. The victims were "
        "targeted by Los Halcones, investigators believe."
    )
    assert _doers(run, text)["shot"] == ("Los Halcones", True)


@slow
def test_a_body_saying_it_did_the_act_is_its_doer(run):
    text = (
        "Drones hit the Dorville barracks late on Sunday, wounding two soldiers. The Northern "
        "Front said on its website that it had attacked the barracks."
    )
    assert _doers(run, text)["hit"][0] == "The Northern Front"


@slow
def test_a_claim_of_an_act_noun_with_no_trigger_names_the_doer(run):
    text = (
        "Two rockets fired from the hills landed near Dorville on Sunday. The Northern Front "
        "claimed the launch."
    )
    assert _doers(run, text)["fired"][0] == "The Northern Front"


@slow
def test_a_later_sentence_about_other_people_names_no_doer(run):
    text = (
        "Masked men shot dead five farmers near Dorville on Friday. The farmers belonged to a "
        "cooperative of Los Halcones."
    )
    assert _doers(run, text)["shot"][0] == "Masked men"


# --- the name after an adjective read as the agent ----------------------------------


@dataclass
class _Named:
    """A stand-in for the document's mentions: one name over a token range."""

    doc: Doc
    first: int
    last: int

    def covering(self, token):  # noqa: ANN001, ANN201
        return self if self.first <= token.i <= self.last else None

    @property
    def span(self) -> Span:
        words = self.doc[self.first : self.last + 1]
        return Span(words.start_char, words.end_char, words.text)

    def fillers(self, token):  # noqa: ANN001, ANN201
        return [self] if token is not None and token.i == self.last else []


WORDS = ["shells", "fired", "by", "the", "paramilitary", "Desert", "Shield", "struck"]
HEADS = [7, 0, 1, 4, 2, 6, 7, 7]
DEPS = ["nsubj", "acl", "agent", "det", "pobj", "compound", "nsubj", "ROOT"]
POS = ["NOUN", "VERB", "ADP", "DET", "ADJ", "PROPN", "PROPN", "VERB"]


def test_the_name_after_an_adjective_read_as_the_agent_is_the_doer(blank_nlp):
    # "shells fired by the paramilitary Desert Shield struck ...", with the adjective
    # parsed as the object of "by" and the name as a second subject of "struck"
    doc = Doc(blank_nlp.vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS)
    named = _Named(doc, 5, 6)
    assert _name_after_adjective(doc[4], named).text == "Shield"  # type: ignore[arg-type, union-attr]


def test_an_adjective_agent_with_no_name_after_it_is_kept(blank_nlp):
    doc = Doc(blank_nlp.vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS)
    nobody = _Named(doc, 99, 99)
    assert _name_after_adjective(doc[4], nobody).i == 4  # type: ignore[arg-type, union-attr]


@slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the holder of the ground the weapon's fire came from, on the weapon's participle
        (
            "Mortar rounds fired from ridges held by the Kivu Defence Movement struck a school "
            "near Dorville on Tuesday, killing nine pupils.",
            "struck",
        ),
        ("Rockets fired from areas controlled by the Northern Front hit a school.", "hit"),
    ],
)
def test_the_holder_of_the_ground_fired_from_is_the_doer(run, text, trigger):
    assert _doers(run, text)[trigger][0] in ("the Kivu Defence Movement", "the Northern Front")


@slow
def test_a_named_doer_firing_from_held_ground_is_kept(run):
    text = "The Northern Front fired rockets from hills held by the army on Sunday."
    assert _doers(run, text)["fired"][0] == "The Northern Front"
