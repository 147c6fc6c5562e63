"""One view of a parsed document, computed once and shared by every component.

spaCy recomputes ``Doc.text`` and ``Doc.sents`` on every access and finds a token's
sentence by scanning for its boundaries, so a component that asks for them once per
mention or event makes extraction grow with the square of the article's length. The
view reads them once: the text, the sentences, a token -> sentence index, the
paragraphs and the zones of the page (headline, standfirst, dateline, bylines,
captions and credits, sub-heads, body).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from eventwire.extract.asides import aside_ranges
from eventwire.extract.datelines import translated_credit
from eventwire.extract.notactors import in_comment_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventwire.knowledge.words import PageWords

# --- the zones of a page -------------------------------------------------------------
#
# Each rule names the layout or wording it reads; none knows an outlet.

# "TRIPOLI, March 3 (Reuters) -", "BENGHAZI, Libya —", "Tunis - ", "Lake Region Evening
# Post -- ": at the start of the first body paragraph, one to four place or outlet words
# (in capitals, or capitalised), an
# optional ", region or date" and an optional "(agency)", then a spaced hyphen or a
# dash ("KYIV (Wire)—Drones hit ...").
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}"  # in capitals: any dash
    r"(?:,[^\n\-–—]{0,60})?(?:\s*\([^()\n]{1,40}\))?(?:\s+-+\s+|\s*[–—]\s*)"
    r"|[A-Z][a-z'.]+(?: [A-Z][a-z'.]+){0,3}"  # capitalised: a dash with spaces round it
    r"(?:,[^\n\-–—]{0,60})?(?:\s*\([^()\n]{1,40}\))?\s+[-–—]+\s+)"
)
# "By Jane Doe", "By JANE DOE and John Roe, Staff Writer": a line of its own, "By" and
# capitalised names, no final full stop.
_BYLINE = re.compile(
    r"By\s+[A-Z][\w.'’-]*(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\w.'’-]*){0,7}\s*", re.UNICODE
)
# A photo caption or credit line: it ends in a bracketed credit naming a photo or image
# ("... on Monday. (AP Photo/Jane Doe)", "[Image: ...]"), or it opens with a caption or
# credit label ("Photo:", "Top photo", "Pictured:", "Credit:", "Photo by ..."), or it is a
# syndication line ("The post ... appeared first on ..."). The wording is data:
# knowledge/data/page_words.toml, read into ``Resources.page_words`` (``PageWords``).
_LIST_ITEM = re.compile(r"(?:[-*•·–—]|\(?\d{1,2}[.)])\s")
_FINAL_STOP = ".!?\"'”’:;,"
_CLOSING_QUOTES = "\"'”’"
_HEADER_LINE_WORDS = 25  # a display line at the top is shorter than this
_HEADER_LINES = 3  # and a display paragraph has no more lines
_HEADER_WORDS = 40  # nor words
# a sentence ending inside a line: "... the bombs were planted.  The cars ..."
_SENTENCE_END_INSIDE = re.compile(r"[a-z]{4,}[.!?][\"'”’)\]]*\s+[\"'“‘(]?[A-Z]")
_STANDFIRST_WORDS = 60
_STANDFIRST_MIN_WORDS = 12
_SUBHEAD_WORDS = 10


@dataclass(frozen=True)
class Zones:
    """Character ranges ``(start, end)`` of the parts of a page; ``None`` when absent.

    Found from plain-text layout and wording (the rules above): the display lines at the
    top (headline with its kicker and decks), a standfirst, a dateline opening the body,
    bylines, photo captions and credits, and sub-heads between body paragraphs. Only the
    body states facts of its own: what the other zones say is a summary or a label of the
    body, so components take no event, count or actor from them (:meth:`in_body`)."""

    headline: tuple[int, int] | None
    dateline: tuple[int, int] | None
    body: tuple[int, int]
    captions: tuple[tuple[int, int], ...] = ()
    standfirst: tuple[int, int] | None = None
    bylines: tuple[tuple[int, int], ...] = ()
    subheads: tuple[tuple[int, int], ...] = ()

    def zone_of(self, char: int) -> str:
        """``caption``, ``byline``, ``headline``, ``standfirst``, ``dateline``, ``subhead``
        or ``body`` for a character offset."""
        for name, spans in (("caption", self.captions), ("byline", self.bylines)):
            if any(start <= char < end for start, end in spans):
                return name
        for name, span in (
            ("headline", self.headline),
            ("standfirst", self.standfirst),
            ("dateline", self.dateline),
        ):
            if span is not None and span[0] <= char < span[1]:
                return name
        if any(start <= char < end for start, end in self.subheads):
            return "subhead"
        return "body"

    def in_body(self, char: int) -> bool:
        """Whether the character lies in running text that may state an event, a count or
        an actor (not in a headline, standfirst, dateline, byline, caption or sub-head):
        ``zone_of(char) == "body"``, by one bisection (it is asked for every token)."""
        starts, ends = self._outside_body
        n = bisect_right(starts, char) - 1
        return n < 0 or char >= ends[n]

    @cached_property
    def _outside_body(self) -> tuple[list[int], list[int]]:
        """The zones other than the body, merged into sorted disjoint ranges."""
        spans = (*self.captions, *self.bylines, self.headline, self.standfirst, self.dateline)
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(s for s in (*spans, *self.subheads) if s is not None):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return starts, ends


class DocView:
    """Per-document facts several components need, each computed once."""

    def __init__(self, doc: Doc, page_words: PageWords | None = None) -> None:
        self.doc = doc
        # spaCy makes a new Token object on every iteration and index: made once here
        self.tokens: tuple[Token, ...] = tuple(doc)
        self.text: str = "".join([t.text_with_ws for t in self.tokens])  # ``doc.text``
        self.sents: tuple[Span, ...] = tuple(doc.sents) if len(doc) else ()
        self.sent_index = array("i", bytes(4 * len(doc)))  # token -> sentence number
        for n, sent in enumerate(self.sents):
            self.sent_index[sent.start : sent.end] = array("i", (n,)) * (sent.end - sent.start)
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._ent_starts: dict[str, frozenset[int]] = {}
        self.sent_start_chars: tuple[int, ...] = tuple(s.start_char for s in self.sents)
        # every position of a blank line ("\n\n", overlapping), for paragraph lookups
        self._breaks = [m.start() for m in re.finditer(r"(?=\n\n)", self.text)]
        self.paragraphs: tuple[tuple[int, int], ...] = self._paragraphs()
        self._page_words = page_words

    @cached_property
    def notice_sents(self) -> frozenset[int]:
        """Numbers of the sentences that are a comment form or a site's own notice
        (:func:`eventwire.extract.notactors.in_comment_form`): they name no actor and tell
        no event of the article. Read once per document, for mentions and events alike."""
        return frozenset(
            n for n, sent in enumerate(self.sents) if in_comment_form(self.sent_text(sent))
        )

    @cached_property
    def aside_sents(self) -> frozenset[int]:
        """Numbers of the sentences that start in a block of the page that is not its
        story (:func:`eventwire.extract.asides.aside_ranges`: a list of other stories'
        teasers, readers' comments), by where their first word lies: the text keeps them,
        but they tell no event of the article."""
        ranges = aside_ranges(self.text)
        if not ranges:
            return frozenset()
        starts = [start for start, _end in ranges]
        found: set[int] = set()
        for n, sent in enumerate(self.sents):
            told = self.text[sent.start_char : sent.end_char]
            first = sent.start_char + len(told) - len(told.lstrip())  # its first word
            k = bisect_right(starts, first) - 1
            if k >= 0 and first < ranges[k][1]:
                found.add(n)
        return frozenset(found)

    @cached_property
    def zones(self) -> Zones:
        """The zones of the page (computed on first use: they need the page words)."""
        if self._page_words is None:
            raise ValueError("a DocView needs the page words (Resources.page_words) for zones")
        return self._zones(self._page_words)

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

    def _zones(self, page_words: PageWords) -> Zones:
        text, paras = self.text, self.paragraphs
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
        lines = [_strip(text, a, b) for a, b in lines]
        captions = tuple(ln for ln in lines if page_words.is_caption(text[ln[0] : ln[1]]))
        bylines = tuple(ln for ln in lines if _BYLINE.fullmatch(text, *ln))
        labels = set(captions) | set(bylines)

        def display(para: tuple[int, int]) -> bool:
            """At most three lines and under 40 words, every line short and none ending
            as a sentence does or holding a sentence end (a hard-wrapped paragraph of
            prose does, somewhere); a caption or byline line counts as display."""
            own = [ln for ln in lines if para[0] <= ln[0] < para[1]]
            words = sum(len(text[a:b].split()) for a, b in own if (a, b) not in labels)
            return (
                len(own) <= _HEADER_LINES
                and words < _HEADER_WORDS
                and all(ln in labels or _display_line(text[ln[0] : ln[1]]) for ln in own)
            )

        # the headline: the display paragraphs at the top, when running text follows
        top = 0
        while top < len(paras) and display(paras[top]):
            top += 1
        if top == len(paras):
            top = 0  # headings only, or one line: nothing reads as the page's body
        # the standfirst: one paragraph (of one line) after the headline, of 12 to 60 words
        # with no sentence end in it (a deck that reads as one sentence), when more
        # paragraphs follow
        standfirst = None
        last = text[slice(*paras[top - 1])].strip() if top else ""
        if top >= 2 and "\n" not in last and len(last.split()) >= _STANDFIRST_MIN_WORDS:
            standfirst, top = paras[top - 1], top - 1
        elif top and top < len(paras) - 1:
            para = text[slice(*paras[top])]
            words = para.split()
            if (
                len(words) < _STANDFIRST_WORDS
                and not _ends_sentence(words[-1])
                and not _SENTENCE_END_INSIDE.search(para)
            ):
                standfirst = paras[top]
        headline = (paras[0][0], paras[top - 1][1]) if top else None
        if standfirst is not None:
            top += 1
        body_start = paras[top][0] if paras else 0
        m = _DATELINE.match(text, body_start)
        dateline = (m.start(), m.end()) if m else None
        if dateline is None and (credit := translated_credit(text, body_start)) is not None:
            dateline = (body_start, credit)  # "Diario del Valle (translated from Spanish) -- "
        # sub-heads: a one-line paragraph of under 10 words with no final stop, between
        # two body paragraphs (not an item of a list: "- Three soldiers killed in Gao")
        subheads = tuple(
            para
            for para in paras[top + 1 : -1]
            if _subhead(text[slice(*para)].strip()) and para not in labels
        )
        return Zones(
            headline,
            dateline,
            (body_start, len(text)),
            captions=captions,
            standfirst=standfirst,
            bylines=bylines,
            subheads=subheads,
        )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(word: str) -> bool:
    """A stop ends a sentence, and a closing quote only after one: a headline that ends
    on a quoted phrase ("... With Iran-Made 'Suicide Drones'") reads as display, while
    '... "we will stay."' ends a sentence."""
    bare = word.rstrip(_CLOSING_QUOTES)
    if bare != word:
        return not bare or bare[-1] in _FINAL_STOP
    return word[-1] in _FINAL_STOP


def _display_line(line: str) -> bool:
    """A line that reads as a heading: under 25 words, no sentence ending in it or at its
    end."""
    words = line.split()
    return (
        bool(words)
        and len(words) < _HEADER_LINE_WORDS
        and not _ends_sentence(words[-1])
        and not _SENTENCE_END_INSIDE.search(line)
    )


def _subhead(para: str) -> bool:
    return (
        "\n" not in para
        and len(para.split()) < _SUBHEAD_WORDS
        and _display_line(para)
        and not _LIST_ITEM.match(para)
    )
