"""One view of a parsed document, computed once and shared by every component.

spaCy recomputes ``Doc.text`` and ``Doc.sents`` on every access and finds a token's
sentence by scanning for its boundaries, so a component that asks for them once per
mention or event makes extraction grow with the square of the article's length. The
view reads them once: the text, the sentences, a token -> sentence index, the
paragraphs and the zones of the page (headline, dateline, body, captions).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "TRIPOLI, March 3 (Reuters) -", "BENGHAZI, Libya —": a place in capitals, an optional
# date or agency, then a dash, at the start of the body.
_DATELINE = re.compile(r"[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*(?:,[^\n\-–—]{0,60})?\s+[-–—]+\s")
_HEADLINE_MAX = 200


@dataclass(frozen=True)
class Zones:
    """Character ranges ``(start, end)`` of the parts of a page; ``None`` when absent.

    Only what plain text shows cheaply is detected here: a short first line with no final
    full stop is the headline, a capitalised place and a dash open a dateline. Captions
    have a home but no rule yet (page structure is read by the ingest readers)."""

    headline: tuple[int, int] | None
    dateline: tuple[int, int] | None
    body: tuple[int, int]
    captions: tuple[tuple[int, int], ...] = ()

    def zone_of(self, char: int) -> str:
        """``headline``, ``dateline``, ``caption`` or ``body`` for a character offset."""
        for name, span in (("headline", self.headline), ("dateline", self.dateline)):
            if span is not None and span[0] <= char < span[1]:
                return name
        if any(start <= char < end for start, end in self.captions):
            return "caption"
        return "body"


class DocView:
    """Per-document facts several components need, each computed once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        # spaCy makes a new Token object on every iteration and index: made once here
        self.tokens: tuple[Token, ...] = tuple(doc)
        self.sents: tuple[Span, ...] = tuple(doc.sents) if len(doc) else ()
        self.sent_index = array("i", bytes(4 * len(doc)))  # token -> sentence number
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_index[i] = n
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._ent_starts: dict[str, frozenset[int]] = {}
        self.sent_start_chars: tuple[int, ...] = tuple(s.start_char for s in self.sents)
        # every position of a blank line ("\n\n", overlapping), for paragraph lookups
        self._breaks = [m.start() for m in re.finditer(r"(?=\n\n)", self.text)]
        self.paragraphs: tuple[tuple[int, int], ...] = self._paragraphs()
        self.zones: Zones = self._zones()

    def ent_starts(self, label: str) -> frozenset[int]:
        """Start characters of the entities with ``label`` (computed once per label)."""
        if label not in self._ent_starts:
            self._ent_starts[label] = frozenset(
                e.start_char for e in self.ents if e.label_ == label
            )
        return self._ent_starts[label]

    def sent_no(self, token: Token | int) -> int:
        """The number of the sentence holding a token (or token index)."""
        return self.sent_index[token if isinstance(token, int) else token.i]

    def sent(self, token: Token | int) -> Span:
        """The sentence holding a token (spaCy's ``token.sent`` without the scan)."""
        return self.sents[self.sent_no(token)]

    def span_sent(self, span: Span) -> Span:
        """The sentence holding a span's first token (spaCy's ``span.sent``)."""
        return self.sents[self.sent_index[span.start]]

    def sent_text(self, sent: Span) -> str:
        """A sentence's text (spaCy's ``span.text``, which joins its tokens on each call)."""
        return self.text[sent.start_char : sent.end_char]

    def sent_at_char(self, char: int) -> int:
        """The number of the sentence holding (or last starting before) a character."""
        return max(bisect_right(self.sent_start_chars, char) - 1, 0)

    def blank_line_before(self, char: int) -> int:
        """Where the last blank line ending at or before ``char`` starts, else -1
        (``text.rfind("\\n\\n", 0, char)`` without reading the text again)."""
        n = bisect_right(self._breaks, char - 2)
        return self._breaks[n - 1] if n else -1

    def _paragraphs(self) -> tuple[tuple[int, int], ...]:
        out, start = [], 0
        for m in re.finditer(r"\n\s*\n", self.text):
            if self.text[start : m.start()].strip():
                out.append((start, m.start()))
            start = m.end()
        if self.text[start:].strip():
            out.append((start, len(self.text)))
        return tuple(out)

    def _zones(self) -> Zones:
        paras = self.paragraphs
        headline = None
        if len(paras) > 1:
            start, end = paras[0]
            first = self.text[start:end].strip()
            if len(first) <= _HEADLINE_MAX and "\n" not in first and first[-1] not in ".!?\"'”":
                headline = paras[0]
        body_start = paras[1][0] if headline else (paras[0][0] if paras else 0)
        m = _DATELINE.match(self.text, body_start)
        dateline = (m.start(), m.end()) if m else None
        return Zones(headline, dateline, (body_start, len(self.text)))
