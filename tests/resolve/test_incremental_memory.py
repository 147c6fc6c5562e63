"""What a resolution holds: equal values decoded apart are shared, and nothing changes."""

from __future__ import annotations

import json

from eventwire.model import DocumentRecords, from_dict, to_dict
from eventwire.resolve.actor_units import NO_SENTENCE, for_actors
from eventwire.resolve.events import SharedValues
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
