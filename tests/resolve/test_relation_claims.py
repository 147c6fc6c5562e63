"""Backing stated only as someone's word (issue 13): alleged, still counted."""

from dataclasses import replace

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


def test_claimed_reads_who_says_it():
    assert claimed("support", "asserted", "niger", "chad", "front") == "alleged"
    assert claimed("support", "asserted", "chad", "chad", "front") == "asserted"  # admission
    assert claimed("support", "asserted", None, "chad", "front") == "asserted"  # the outlet
    assert claimed("fight", "asserted", "niger", "chad", "front") == "asserted"
    assert claimed("support", "hypothetical", "niger", "chad", "front") == "hypothetical"


def test_backing_a_third_party_reports_is_alleged_and_counted(resources):
    docs = [DocumentRecords("a", events=(act("SUPPORT", NIGER),))]
    events, _ = resolve_events(docs, ACTORS, resources)
    (rel,) = resolve_relations(docs, events, ACTORS, resources)
    assert (rel.type, rel.modality, rel.source_count) == ("support", "alleged", 1)


def test_backing_the_giver_states_stays_asserted(resources):
    docs = [DocumentRecords("a", events=(act("SUPPORT", CHAD),))]
    events, _ = resolve_events(docs, ACTORS, resources)
    (rel,) = resolve_relations(docs, events, ACTORS, resources)
    assert rel.modality == "asserted"


def test_a_relation_statement_in_a_third_partys_words_is_alleged(resources):
    rm = RelationMention(
        "a", "support", CHAD, FRONT, Evidence("a", "s", 0, 50), attributed_to=NIGER
    )
    own = replace(rm, attributed_to=None)
    alleged = resolve_relations([DocumentRecords("a", relations=(rm,))], [], ACTORS, resources)
    stated = resolve_relations([DocumentRecords("a", relations=(own,))], [], ACTORS, resources)
    assert [r.modality for r in alleged] == ["alleged"]
    assert [r.modality for r in stated] == ["asserted"]
