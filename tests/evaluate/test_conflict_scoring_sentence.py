"""The scorer finds a gold event's sentence among ours either way round: the gold's may
keep a dateline ours leaves out, and ours may keep an outlet's head the gold leaves out
(``conflict_scoring._same_sentence``; sentences we wrote)."""

from __future__ import annotations

from eventwire.evaluate.exported import PredEvent, Prediction
from eventwire.evaluate.sets.conflict_matching import Gold, Owners
from eventwire.evaluate.sets.conflict_scoring import _match_events, _same_sentence
from eventwire.knowledge.ontology import read_ontology

SENTENCE = "Two days ago, gunmen opened fire on a ferry landing above Port Sela, killing four."


def test_our_sentence_with_an_outlets_head_is_the_gold_sentence() -> None:
    assert _same_sentence(f"Harbour Evening Post -- {SENTENCE}", SENTENCE)
    assert _same_sentence(SENTENCE, f"PORT SELA (Wire) -- {SENTENCE}")
    assert _same_sentence(SENTENCE, SENTENCE)


def test_a_tail_or_another_sentence_is_not_the_gold_sentence() -> None:
    assert not _same_sentence(f"Harbour Evening Post -- {SENTENCE}", "killing four.")
    assert not _same_sentence("Harbour Evening Post -- Gunmen burned a boat.", SENTENCE)
    assert not _same_sentence(None, SENTENCE)


def _event(eid: str, etype: str, sentence: str, lat: float, lon: float) -> PredEvent:
    return PredEvent(eid, "g1", etype, None, None, "2025-03-12", "Port Sela", lat, lon,
                     sentence, "asserted")  # fmt: skip


def test_the_event_of_the_gold_sentence_is_its_counterpart_over_one_placed_near_it() -> None:
    gold = {
        "articles": {"g1": {}},
        "events": [{"id": "g1e1", "article": "g1", "plover_type": "ASSAULT",
                    "evidence": SENTENCE, "place": "Port Sela", "lat": 4.0, "lon": 30.0}],
    }  # fmt: skip
    # ours keeps the outlet's head and places the act only in its country, far off; an
    # event of another sentence (a denied burning of houses) lies near the gold's place
    ours = _event("e1", "ASSAULT", f"Harbour Evening Post -- {SENTENCE}", 7.0, 30.0)
    near = _event("e2", "COERCE", "It denied that troops burned houses near Port Sela.", 4.0, 30.0)
    pred = Prediction(events=[near, ours])
    matched = _match_events(Gold(gold), Owners(pred), pred, read_ontology())
    assert matched["g1e1"] is ours
