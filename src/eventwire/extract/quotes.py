"""Direct quotes and their speakers.

Quoted stretches are found in the text (straight or curly marks, at least three
words so scare quotes around a single term are left alone). Two quoted parts
separated only by a short speech clause ('"We will win," Haftar said, "and soon."')
become one quote. The speaker is the subject of a speech verb outside the quote
in the same sentence(s) (the issuer of a statement noun that speaks: "a report from
Reuters notes that ..."); else the previous sentence when it ends by introducing
the quote ("Haftar said:"), else the next sentence ("..., he added."). The first
of these that introduces the quote decides: when its speaker is no actor
("diplomats said"), the quote has no speaker. Pronoun speakers go to their most
salient antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.modality import SPEECH_VERBS, author_of
from eventwire.knowledge.words import QuoteWords
from eventwire.model import Evidence, QuoteMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

QUOTED = re.compile(r'"([^"]{3,}?)"|“([^”]{3,}?)”')
MIN_WORDS = 3
MAX_BRIDGE_CHARS = 60  # '," Haftar told reporters on Monday, "' fits


def quoted_parts(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted stretches (inside the marks), long enough to be quotes."""
    parts = []
    for m in QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        if len(m.group(group).split()) >= MIN_WORDS:
            parts.append((m.start(group), m.end(group)))
    return parts


def _speaker_in(
    sent: SpacySpan, inside: list[tuple[int, int]], index: MentionIndex
) -> tuple[bool, Span | None]:
    """(a speech verb or "according to" introduces the quote here, its speaker mention)."""
    introduced = False
    for tok in sent:
        if any(a <= tok.idx < b for a, b in inside):
            continue
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    introduced = True
                    if author := author_of(child, index):
                        return True, author  # "a report from Reuters notes that ..."
                    if filler := index.filler(child):
                        return True, filler.span
        if tok.lower_ == "according":
            introduced = True
            for pobj in (t for t in tok.subtree if t.dep_ == "pobj"):
                if filler := index.filler(pobj):
                    return True, filler.span
    return introduced, None


def merge_split(
    text: str, parts: list[tuple[int, int]], words: QuoteWords
) -> list[list[tuple[int, int]]]:
    """Group quoted parts that one speech clause splits: '"A," X said, "B."' (a word of
    ``words.bridge_forms`` between them)."""
    groups: list[list[tuple[int, int]]] = []
    for part in parts:
        if groups:
            bridge = text[groups[-1][-1][1] : part[0]]
            found = set(re.findall(r"[a-z]+", bridge.lower()))
            if (
                len(bridge) <= MAX_BRIDGE_CHARS
                and "\n" not in bridge
                and found & words.bridge_forms
            ):
                groups[-1].append(part)
                continue
        groups.append([part])
    return groups


def extract_quotes(ctx: DocContext) -> dict[str, list[QuoteMention]]:
    text, sents = ctx.text, ctx.view.sents
    index = MentionIndex.of(ctx)
    ends = [s.end_char for s in sents]
    quotes = []
    for group in merge_split(text, quoted_parts(text), ctx.resources.quote_words):
        start, end = group[0][0], group[-1][1]
        # the sentences the quote touches, found by bisection (sentences are in order)
        first = bisect_right(ends, start - 1)
        last = bisect_left(ctx.view.sent_start_chars, end + 1) - 1
        covered = sents[first : last + 1]
        if not covered:
            continue
        # The first place that introduces the quote names its speaker, or no one
        # ('"Diplomats" told Reuters that "..."' is not the next sentence's speaker).
        places = list(covered)
        if first > 0 and sents[first - 1].text.rstrip().endswith(":"):
            places.append(sents[first - 1])
        if last + 1 < len(sents):
            places.append(sents[last + 1])
        speaker = None
        for place in places:
            introduced, speaker = _speaker_in(place, group, index)
            if introduced:
                break
        quote_text = " ... ".join(text[a:b].strip() for a, b in group)
        # the evidence is the quote's sentences in its first paragraph (a quote running
        # over several paragraphs is still one quote; its evidence crosses no blank line)
        own = [s for s in covered if ctx.view.blank_line_before(s.start_char) < start]
        first_char = covered[0].start_char
        last_char = first_char + len(text[first_char : own[-1].end_char].rstrip())
        evidence = Evidence(
            article_id=ctx.article.id,
            sentence=text[first_char:last_char],
            char_start=first_char,
            char_end=last_char,
        )
        quotes.append(
            QuoteMention(
                article_id=ctx.article.id,
                text=quote_text,
                span=Span(start, end, text[start:end]),
                evidence=evidence,
                speaker=speaker,
            )
        )
    return {"quotes": quotes}


@extractors.register("quotes")
class Quotes(Component):
    """Direct quotes and their speakers."""

    name = "quotes"
    requires = ("mentions",)
    assigns = ("quotes",)

    def __call__(self, ctx: DocContext) -> dict[str, list[QuoteMention]]:
        return extract_quotes(ctx)
