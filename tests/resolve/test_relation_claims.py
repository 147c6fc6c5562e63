"""Backing stated only in an adversary's words (issue 13): alleged, still counted; a
neutral reporter's or an ally's words leave it asserted."""

from dataclasses import replace

import pytest

from eventwire.model import (
    DocumentRecords,
    EventMention,
    Evidence,
    RelationMention,
    Span,
    When,
    mention_key,
)
from eventwire.resolve.events import resolve_events
from eventwire.resolve.relations import claimed, resolve_relations

CHAD, FRONT, NIGER = Span(0, 4, "Chad"), Span(20, 25, "Front"), Span(40, 45, "Niger")
ACTORS = {
    mention_key("a", CHAD): "chad",
    mention_key("a", FRONT): "front",
    mention_key("a", NIGER): "niger",
}


def act(etype: str, speaker: Span | None) -> EventMention:
    return EventMention(
        article_id="a",
        type=etype,
        trigger=Span(10, 16, "backed"),
        evidence=Evidence("a", "Niger said the Front was backed by Chad.", 0, 50),
        source=CHAD,
        target=FRONT,
        when=When("2024-03-02", "day"),
        attributed_to=speaker,
    )


FOES = frozenset({("niger", "chad"), ("chad", "niger")})


def test_claimed_reads_who_says_it():
    assert claimed("support", "asserted", "niger", "chad", "front", FOES) == "alleged"
    # a neutral speaker (no fight or opposition with either side) states it
    assert claimed("support", "asserted", "niger", "chad", "front") == "asserted"
    assert claimed("support", "asserted", "chad", "chad", "front", FOES) == "asserted"  # admission
    assert claimed("support", "asserted", None, "chad", "front", FOES) == "asserted"  # the outlet
    assert claimed("fight", "asserted", "niger", "chad", "front", FOES) == "asserted"
    assert claimed("support", "hypothetical", "niger", "chad", "front", FOES) == "hypothetical"
    # an adversary of the backed side is one too
    front_foe = frozenset({("niger", "front"), ("front", "niger")})
    assert claimed("support", "asserted", "niger", "chad", "front", front_foe) == "alleged"


def hostile(etype: str = "ASSAULT") -> EventMention:
    """ "Niger attacked Chad" (or accused it): Niger is Chad's adversary."""
    return replace(
        act(etype, None),
        trigger=Span(50, 58, "attacked"),
        evidence=Evidence("a", "Niger attacked Chad.", 60, 80),
        source=NIGER,
        target=CHAD,
    )


def support_of(docs, events, resources):
    return [r for r in resolve_relations(docs, events, ACTORS, resources) if r.type == "support"]


@pytest.mark.parametrize("etype", ["ASSAULT", "ACCUSE"])
def test_backing_an_adversary_reports_is_alleged_and_counted(resources, etype):
    docs = [DocumentRecords("a", events=(act("SUPPORT", NIGER), hostile(etype)))]
    events, _ = resolve_events(docs, ACTORS, resources)
    (rel,) = support_of(docs, events, resources)
    assert (rel.type, rel.modality, rel.source_count) == ("support", "alleged", 1)


def test_backing_a_neutral_third_party_reports_stays_asserted(resources):
    docs = [DocumentRecords("a", events=(act("SUPPORT", NIGER),))]
    events, _ = resolve_events(docs, ACTORS, resources)
    (rel,) = support_of(docs, events, resources)
    assert rel.modality == "asserted"


def test_backing_the_giver_states_stays_asserted(resources):
    docs = [DocumentRecords("a", events=(act("SUPPORT", CHAD), hostile()))]
    events, _ = resolve_events(docs, ACTORS, resources)
    (rel,) = support_of(docs, events, resources)
    assert rel.modality == "asserted"


def test_a_relation_statement_in_an_adversarys_words_is_alleged(resources):
    rm = RelationMention(
        "a", "support", CHAD, FRONT, Evidence("a", "s", 0, 50), attributed_to=NIGER
    )
    foe = RelationMention("a", "oppose", NIGER, FRONT, Evidence("a", "t", 60, 80))
    own = replace(rm, attributed_to=None)
    alleged = support_of([DocumentRecords("a", relations=(rm, foe))], [], resources)
    neutral = support_of([DocumentRecords("a", relations=(rm,))], [], resources)
    stated = support_of([DocumentRecords("a", relations=(own, foe))], [], resources)
    assert [r.modality for r in alleged] == ["alleged"]
    assert [r.modality for r in neutral] == ["asserted"]
    assert [r.modality for r in stated] == ["asserted"]
