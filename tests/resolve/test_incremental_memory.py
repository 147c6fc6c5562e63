"""What a resolution holds: equal values decoded apart are shared, and nothing changes."""

from __future__ import annotations

import json

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, from_dict, mention_key, to_dict
from eventwire.resolve.actor_units import NO_SENTENCE, for_actors
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.resolve.events import SharedValues
from eventwire.resolve.incidents import assign_actors
from eventwire.synthetic import World, synthetic_document


def decoded(n: int, world: World) -> DocumentRecords:
    """A document as a store gives it back: every value its own copy."""
    records = synthetic_document(world, n)[1]
    return from_dict(DocumentRecords, json.loads(json.dumps(to_dict(records))))


def test_shared_values_keep_one_copy_of_each_place_date_and_sentence() -> None:
    world = World.make(50)
    docs = [decoded(n, world) for n in range(50)]
    shared = SharedValues()
    out = [shared.events(d.events) for d in docs]
    assert [[to_dict(e) for e in d.events] for d in docs] == [[to_dict(e) for e in o] for o in out]
    places = {}
    for em in (em for o in out for em in o if em.place):
        assert places.setdefault(em.place, em.place) is em.place  # one object per place
    assert len(places) < sum(1 for o in out for em in o if em.place)  # places recur
    for o in out:
        by_sentence = {}
        for em in o:
            assert by_sentence.setdefault(em.evidence, em.evidence) is em.evidence
            assert em.evidence.article_id is em.article_id


def test_actor_mentions_share_their_article_id_and_drop_their_sentence() -> None:
    doc = decoded(3, World.make(10))
    assert len(doc.mentions) > 1
    slim = for_actors(doc)
    assert all(m.article_id is doc.article_id for m in slim.mentions)
    assert all(m.evidence is NO_SENTENCE for m in slim.mentions)
    assert [(m.span, m.label, m.group) for m in slim.mentions] == [
        (m.span, m.label, m.group) for m in doc.mentions
    ]
    assert slim.places == doc.places


def test_article_incidents_share_equal_sides_words_and_ties() -> None:
    """Article incidents of different documents naming one actor hold one copy of its
    words, sides and (empty) ties, with the values they had."""
    world = World.make(60)
    docs = [decoded(n, world) for n in range(60)]
    onto = Resources(Settings()).ontology
    mention_actor = {mention_key(d.article_id, m.span): f"act_{m.span.text}" for d in docs
                     for m in d.mentions}  # fmt: skip
    named = frozenset(mention_actor.values())
    shared = SharedValues()
    told, before = [], []
    for doc in docs:
        for inc in document_incidents(doc, onto, mention_actor, named):
            assign_actors(inc, mention_actor, frozenset())
            before.append((inc.sources, inc.targets, inc.named, dict(inc.words), inc.ties,
                           list(inc.rules)))  # fmt: skip
            shared.incident(inc)
            told.append(inc)
    after = [(i.sources, i.targets, i.named, i.words, i.ties, i.rules) for i in told]
    assert after == before
    words: dict[object, object] = {}
    for inc in told:
        for w in inc.words.values():
            assert words.setdefault(w, w) is w  # one object per set of words
        assert inc.ties is told[0].ties or inc.ties != told[0].ties
    assert len(words) < sum(len(i.words) for i in told)  # an actor's words recur
