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
