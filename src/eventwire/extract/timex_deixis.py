"""Deixis in what was said: "yesterday", "today", "on Tuesday" inside a quote or a reported
clause count from the day the statement was made, not from the day the article was printed.

"'Three children were killed yesterday morning,' a UN spokesman said on Tuesday" (in a
Wednesday paper): the killing was on Monday. The day of the saying is a day-precision date
its speech verb governs, after its speaker ("the governor said on Monday") or opening the
sentence before what is said ("In a statement on Monday, the army said ..."); what is
said is the quoted text and the clause the verb reports (:func:`saying_day`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.clausechain import SPEECH_VERBS
from eventwire.extract.context import DocContext
from eventwire.extract.quotes import quoted_runs
from eventwire.extract.timex import normalize_timex

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary-headed predicate) above ``token`` in the parse."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i:
            return node
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None


@dataclass(frozen=True)
class Saying:
    """The day a statement was made and what of its sentence it reports."""

    day: str
    quoted: tuple[tuple[int, int], ...]  # character spans inside quote marks
    content: frozenset[int]  # character offsets of the reported clause's tokens

    def reports(self, char: int) -> bool:
        return char in self.content or any(a <= char < b for a, b in self.quoted)


@dataclass(frozen=True)
class SaidDays:
    """The sayings of a document with a day of their own, and the quotes they introduce."""

    sayings: tuple[Saying, ...]

    def day_of(self, char: int) -> str | None:
        """The day of the saying that reports offset ``char``, if any: its own sentence's
        reported clause or quote, or a quote it opens that runs on over more sentences
        ('The mayor said on Monday: "They came at dawn. Yesterday they burned the
        market."')."""
        return next((s.day for s in self.sayings if s.reports(char)), None)


def said_days(
    ctx: DocContext,
    spans_of: list[list[tuple[int, int]]],
    reference: str | None,
    day_first: bool | None,
) -> SaidDays:
    """The dated sayings of each sentence (``spans_of`` holds each sentence's time
    expressions), see :func:`saying_day`."""
    if not ctx.doc.has_annotation("DEP"):
        return SaidDays(())
    quotes = quoted_runs(ctx.text, ctx.view.paragraphs)[0]
    found = []
    for sent, spans in zip(ctx.view.sents, spans_of, strict=True):
        if spans and (said := saying_day(ctx, sent, spans, reference, day_first, quotes)):
            found.append(said)
    return SaidDays(tuple(found))


def saying_day(
    ctx: DocContext,
    sent: SpacySpan,
    spans: list[tuple[int, int]],
    reference: str | None,
    day_first: bool | None,
    quotes: list[tuple[int, int]],
) -> Saying | None:
    """When a speech verb of ``sent`` is dated to a day other than publication ("said on
    Tuesday", "said in a statement on Thursday", "In a Thursday statement, the army
    said"), the day of the saying and what the sentence reports: deictic words in what was
    said count from when it was said, not from when it was printed ("'Three children were
    killed yesterday morning,' a UN spokesman said on Tuesday": Monday; "the ministry said
    on Thursday that rebels had attacked the town today": Thursday). What is reported is
    the quoted text (``quotes``, the document's, as far as a quote the sentence holds runs
    on) and the clause the verb reports (its complement, or the clause it comments on:
    "rebels attacked the town yesterday, the governor said on Tuesday")."""
    for start, end in spans:
        verb = _verb_of(ctx, start, end)
        if verb is None or verb.lemma_.lower() not in SPEECH_VERBS:
            continue
        when = normalize_timex(ctx.text[start:end], reference, "past", day_first)
        if when.precision != "day" or not when.value or when.value == reference:
            continue
        content = _reported_clause(verb)
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if start in content or speaker is None:
            continue  # the date is inside what was said, not the saying's own
        # the saying's date follows its speaker ("the governor said on Monday") or opens
        # the sentence before what is said ("In a statement on Monday, the army said");
        # one between what is said and the speaker may belong to either
        if start < speaker.left_edge.idx and content and start > min(content):
            continue
        quoted = tuple((a, b) for a, b in quotes if a < sent.end_char and b > sent.start_char)
        if any(a <= start < b for a, b in quoted):
            continue
        # a saying has one day: another date the parse hangs on the verb between what is
        # said and the speaker ("rebels attacked the town yesterday, the governor said on
        # Monday") is what was said
        told = {s for s, e in spans if content and min(content) < s < speaker.left_edge.idx
                and _verb_of(ctx, s, e) == verb}  # fmt: skip
        return Saying(when.value, quoted, content | told)
    return None


def _verb_of(ctx: DocContext, start: int, end: int) -> Token | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return governing_verb(span.root) if span is not None else None


_REPORTED_DEPS = frozenset({"ccomp", "parataxis"})


def _reports(verb: Token, child: Token) -> bool:
    """Whether ``child`` is the clause ``verb`` reports: its complement, or a clause before
    it with no subordinating word ("Shelling killed five, a medic said", which the parser
    may take for an adverbial clause; "When ..., he said" is no report)."""
    if child.dep_ in _REPORTED_DEPS:
        return True
    return (
        child.dep_ == "advcl"
        and child.i < verb.i
        and not any(c.dep_ == "mark" or c.tag_ in ("WRB", "IN") for c in child.children)
    )


def _reported_clause(verb: Token) -> frozenset[int]:
    """Offsets of the clause a speech verb reports: its clausal complement ("said that
    P"), or, when the verb hangs from a clause as a comment ("P, the governor said"), that
    clause without the verb's own words."""
    own = {t.i for t in verb.subtree}
    reported = {t.idx for c in verb.children if _reports(verb, c) for t in c.subtree}
    if verb.dep_ in _REPORTED_DEPS and verb.head.i != verb.i:
        reported |= {t.idx for t in verb.head.subtree if t.i not in own}
    return frozenset(reported)
