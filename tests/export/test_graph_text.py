"""GraphML element text is made in one pass (``_element_text``): the same text as
dropping what XML 1.0 cannot hold and escaping the rest (``escape(_text(value))``)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from eventwire.export.graph import _element_text, _text

VALUES = [
    "".join(chr(c) for c in range(0x30)),
    'Ra\'ad "Unit" <b>&amp;</b> > \ufffe\uffff\ufffd end',
    "Tab\there, line\nbreak\rreturn \u00e9\u0644\U0001f600",
    "",
    0,
    17,
    -3,
    True,
    False,
    2.5,
]


def test_element_text_is_the_escaped_text() -> None:
    for value in VALUES:
        assert _element_text(value) == escape(_text(value)), repr(value)
    assert _element_text("a\x00<b>\x1f&") == "a&lt;b&gt;&amp;"


def test_edge_text_is_the_data_of_the_edge() -> None:
    """The GraphML writer's edge text, made from shared parts, is the ``<data>`` elements
    of :func:`edge_data`, whatever the values' types and text."""
    from eventwire.export.graph import _EdgeText, _graphml_text, edge_data
    from eventwire.knowledge.ontology import read_ontology

    onto = read_ontology()
    base = {"id": "r1", "source_actor": "a", "target_actor": "b", "type": "SUPPORT",
            "negated": False, "modality": "asserted", "contested": False,
            "first_seen": "2019-04", "last_seen": "2019-05-02", "source_count": 3,
            "evidence": [{"sentence": "  They backed <the> plan & more.\x01 "}]}  # fmt: skip
    variants = [
        base,
        {**base, "negated": True, "contested": True, "evidence": []},
        {**base, "type": "ASSAULT", "first_seen": None, "last_seen": None},
        {**base, "type": 'Odd "type" <x>', "modality": None, "source_count": 0},
        {**base, "negated": 1, "contested": 0, "source_count": True},
        {**base, "evidence": [{"sentence": ""}, {"sentence": "second"}]},
        base,  # again: from the shared parts made for the first
    ]
    text = _EdgeText(onto)
    for rel in variants:
        assert text(rel) == _graphml_text("e", edge_data(rel, onto)), rel


def test_attribute_values_are_quoted_as_quoteattr_does() -> None:
    from xml.sax.saxutils import quoteattr

    from eventwire.export.graph import _attr

    for value in ["rel_12", "", "a'b", 'a"b', "a'\"b", "x&y<z>", "tab\there\nnl\r", "\x00\ufffe"]:
        assert _attr(value) == quoteattr(_text(value)), repr(value)
