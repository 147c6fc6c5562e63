"""A name ending in a settlement's or an area's noun is a place, not an actor."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from eventwire.extract.context import DocContext
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.notactors import division_test, named_by_place_noun
from eventwire.model import Article


def _names(blank_nlp, resources, text, ents):
    doc = blank_nlp(text)
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        spans.append(doc.char_span(start, start + len(surface), label=label))
        pos = start + len(surface)
    doc.ents = [s for s in spans if isinstance(s, SpacySpan)]
    ctx = DocContext(article=Article(id="a", text=text), doc=doc, resources=resources)
    return {m.normalized for m in extract_mentions(ctx)["mentions"]}


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Kalvari Village", True),
        ("the Upper Tribal Areas", True),
        ("Morvan Township", True),
        ("Pesh locality of Rander district", True),
        ("Boyaca Department", True),  # a department after a place's name
        ("the Energy Department", False),  # an office
        ("the Sheriff's Department", False),
        ("the Police Department", False),  # a town is called Police, no division
        ("Sinai Province", False),  # an armed group may be called so
        ("the Village People", False),
    ],
)
def test_names_ending_in_a_place_noun(resources, name, place):
    assert named_by_place_noun(name, division_test(resources.gazetteer)) is place


def test_a_village_named_in_a_report_is_no_actor(blank_nlp, resources):
    text = "Rebels attacked Kalvari Village and Omar Dabbas condemned it."
    names = _names(
        blank_nlp, resources, text, [("Kalvari Village", "ORG"), ("Omar Dabbas", "PERSON")]
    )
    assert names == {"Omar Dabbas"}
