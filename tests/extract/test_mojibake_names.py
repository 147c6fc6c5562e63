"""Quote marks written in UTF-8 and read as Windows-1252 ("â€œ", "â€™") are no part of a
name, and alone they are no actor."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from eventwire.extract.context import DocContext
from eventwire.extract.mentions import extract_mentions
from eventwire.extract.notactors import without_mojibake
from eventwire.model import Article

CLOSE = "\u00e2\u20ac\ufffd"  # a closing quote mark, its last byte lost
OPEN = "\u00e2\u20ac\u0153"  # an opening one
APOSTROPHE = "\u00e2\u20ac\u2122"


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        (f"{OPEN}the priest", "the priest"),
        (CLOSE, ""),
        (f"{CLOSE} tarun basak", "tarun basak"),
        (f"bsp{APOSTROPHE}s", "bsp's"),
        ("Omar Dabbas", "Omar Dabbas"),
    ],
)
def test_without_mojibake(name, clean):
    assert without_mojibake(name) == clean


def test_a_quote_mark_read_in_the_wrong_code_page_is_no_actor(blank_nlp, resources):
    text = f"{OPEN}we will march on,{CLOSE} said Tarun Basak on Monday."
    doc = blank_nlp(text)
    spans = []
    for surface, label in ((CLOSE, "PERSON"), ("Tarun Basak", "PERSON")):
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = [s for s in spans if isinstance(s, SpacySpan)]
    ctx = DocContext(article=Article(id="a", text=text), doc=doc, resources=resources)
    names = {m.normalized for m in extract_mentions(ctx)["mentions"]}
    assert names == {"Tarun Basak"}


@pytest.mark.slow
def test_a_quote_mark_filling_a_role_is_no_actor(run):
    # the closing marks, read as a word, fill the role of "says"' subject-less clause
    text = (
        f"{OPEN}the strike will go on until the mill pays us,{APOSTROPHE}{APOSTROPHE} "
        f"says Tarun Basak, who leads the weavers{APOSTROPHE} union."
    )
    names = {m.span.text for m in run(text)["mentions"]}
    assert "Tarun Basak" in names
    assert all(any(ch.isalpha() for ch in without_mojibake(n)) for n in names)
