"""Direct quotes and their speakers.

Quoted stretches are found in the text (straight or curly marks, at least three
words so scare quotes around a single term are left alone; single marks, as British
outlets quote, in a paragraph with no double ones). Two quoted parts
separated only by a short speech clause ('"We will win," Haftar said, "and soon."')
become one quote. The speaker is the subject of a speech verb outside the quote
in the same sentence(s) (the issuer of a statement noun that speaks: "a report from
Reuters notes that ..."); else the previous sentence when it ends by introducing
the quote ("Haftar said:"), else the next sentence of its paragraph ("..., he added.";
a speech verb after a blank line is another statement). The first
of these that introduces the quote decides: when its speaker is no actor
("diplomats said"), the quote has no speaker. Pronoun speakers go to their most
salient antecedent, descriptions ("said the spokesman") to the person given that office;
"the report said" to the issuer of the report told before ("The state news agency
reported ..."); a statement noun with its issuer as subject of any verb introduces the
quote ("A statement by the council told them "to leave the area by nightfall"").
A "he said"/"she said" speaks for the nearest named person before it whose sex, as the
text gives it (a title, a word in apposition, the pronouns told of them), fits
(:func:`pronoun_speaker`); opening a paragraph, it does not skip the person last named.
"the 29-year-old said" speaks for the person given that age before ("Karim Nassar, 29,").
An unnamed person brought in by the sentence before ("A border officer said ...") wins
over a named person further back (:func:`~eventwire.extract.quote_speakers.unnamed_nearer`).
A sentence all quote after one whose subject is a named person, with no verb of saying,
is that person's voice ("Ana Cruz, a nurse, hid under the stairs. "We heard them."").

A quote never runs over a blank line, except by the convention of a quote over several
paragraphs: a paragraph leaves its quote open and the next opens with a quote mark
(one quote). A paragraph that is all quote but for a short lead-in ('After that time,
"..."'), with no speech clause of its own, goes on quoting the speaker of the quote just
before it, in the previous paragraph. One or two quoted words are a partial quote only in
their speaker's own clause ('dismissed the reports as an "absolute lie"', 'a charge the
ministry called "absurd"'); elsewhere they are scare quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.quote_referents import SPEAKER_PRONOUNS, pronoun_speaker
from eventwire.extract.quote_sources import unnamed_source
from eventwire.extract.quote_spans import (
    OPENING_MARKS,
    QUOTED,
    merge_split,
    paragraph_of,
    quoted_parts,
    quoted_runs,
    single_quoted,
)
from eventwire.extract.quote_speakers import (
    QUOTE_VERBS,
    named_as,
    role_holder,
    shared_subject,
    speaker_in,
    speaking_body_before,
    spoken_for,
    unnamed_nearer,
)
from eventwire.knowledge.words import CountWords
from eventwire.model import Evidence, QuoteMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# what other modules and the tests import from here; each lives in a quote_* module
__all__ = [
    "QUOTED",
    "QUOTE_VERBS",
    "Quotes",
    "extract_quotes",
    "merge_split",
    "named_as",
    "pronoun_speaker",
    "quoted_parts",
    "quoted_runs",
    "single_quoted",
    "unnamed_source",
]


def extract_quotes(ctx: DocContext) -> dict[str, list[QuoteMention]]:
    text, sents = ctx.text, ctx.view.sents
    index = MentionIndex.of(ctx)
    ends = [s.end_char for s in sents]
    quotes = []
    parts, running = quoted_runs(text, ctx.view.paragraphs)
    words = ctx.resources.count_words  # the nouns for people an unnamed speaker is one of
    # (paragraph, speaker, unnamed speaker's description) of the last quote
    previous: tuple[int, Span | None, str | None] | None = None
    for group in merge_split(text, parts, ctx.resources.quote_words, running):
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
        # the sentence before ("Haftar said:") or after ("..., he added.") speaks for the
        # quote only in its paragraph: a new paragraph's speech verb is another statement
        if first > 0 and sents[first - 1].text.rstrip().endswith(":"):
            places.append(sents[first - 1])
        if last + 1 < len(sents) and _same_paragraph(ctx, end, sents[last + 1]):
            places.append(sents[last + 1])
        speaker, introduced, described = None, False, None
        for place in places:
            introduced, speaker, described = speaker_in(place, group, index, words, parts)
            if introduced:
                break
        paragraph = paragraph_of(ctx.view.paragraphs, start)
        # a paragraph that is all quote goes on quoting the last speaker
        after = previous is not None and previous[0] == paragraph - 1
        if not introduced and after and previous and _nearly_all_quote(text, ctx, start, end):
            speaker, described = previous[1], previous[2]
        # and a sentence that is all quote goes on quoting the speaker of the quote before
        # it in its paragraph ('"We hold the bridge," Ali said. "The rebels fled."')
        same = previous is not None and previous[0] == paragraph
        outside = text[covered[0].start_char : start] + " " + text[end : covered[-1].end_char]
        if not introduced and same and previous and len(re.findall(r"\w+", outside)) == 0:
            speaker, described = previous[1], previous[2]
        elif not introduced and first > 0 and not re.findall(r"\w+", outside):
            # a sentence that is all quote after one telling that someone spoke, in its
            # paragraph: 'The spokesman spoke to reporters. "We hold every position."'
            before = sents[first - 1]
            if _same_paragraph(ctx, start, before):
                speaker, described = _communicator(before, index, words)
        previous = (paragraph_of(ctx.view.paragraphs, end), speaker, described)
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
                speaker_description=None if speaker else described,
            )
        )
    quotes += _short_quotes(ctx, index, {q.span.start for q in quotes})
    return {"quotes": sorted(quotes, key=lambda q: q.span.start)}


# Verbs telling that someone addressed others, whose next sentence, all quote, is what
# they said: "spoke to reporters", "addressed his fighters", "described the night".
COMMUNICATING_VERBS = QUOTE_VERBS | frozenset(
    {"speak", "address", "describe", "explain", "recount", "write", "post", "tweet"}
)


def _communicator(
    sent: SpacySpan, index: MentionIndex, words: CountWords
) -> tuple[Span | None, str | None]:
    """The actor a sentence tells spoke or wrote ("Colonel Idris Mahamat spoke to reporters
    on Monday"): the subject of its main verb when that is a verb of communicating; or,
    when the subject names no actor, its description ("The reserve's manager, who may not
    talk to the press, called the raid the worst in years. "..."": the reserve's manager).
    A named person who does anything else there is the voice of the quote after too
    (:func:`_introduced_person`)."""
    root = sent.root
    if root.pos_ != "VERB" or root.lemma_.lower() not in COMMUNICATING_VERBS:
        return _introduced_person(sent, index), None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None, None
    filler = index.filler(subject)
    if filler is not None:
        return filler.span, None
    return None, unnamed_source(subject, words)


# Verbs of a subject who cannot be the voice of the words quoted after: "X died", "X was
# buried on Friday" (a passive subject is left out already).
SILENT_VERBS = frozenset({"die", "perish", "succumb", "drown"})


def _introduced_person(sent: SpacySpan, index: MentionIndex) -> Span | None:
    """The named person a sentence introduces as the subject of what they did, whose own
    words the quote that follows it as a sentence of its own gives, with no verb of
    saying: the feature writer's way of letting a witness speak ("Ana Cruz, a nurse, hid
    under the stairs with her two sons. "We heard them break the door."", "Omar Haddad
    lost his brother in the raid. "He was going to the mosque.""). Only a person by name
    (a body, an unnamed group or a place speaks by a verb of saying), only the subject of
    the main verb, active and not a verb of dying; else None."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in SILENT_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    filler = index.filler(subject) if subject is not None else None
    found = index.mention(filler.span) if filler is not None else None
    if found is None or found.label != "PERSON":
        return None
    return found.span


SHORT_WORDS = 2  # a quoted phrase of one or two words is a quote only in a speaker's clause
# verbs whose object a speaker characterises in their own words: 'dismissed the reports as
# an "absolute lie"', 'branded the raid "pure aggression"', 'called the account "absurd"'
CHARACTERISING_VERBS = frozenset(
    {"dismiss", "reject", "denounce", "condemn", "deride", "call", "brand", "label", "describe"}
)
SHORT_QUOTE_REACH = 6  # clauses up from the phrase to the verb of its speaker


def _short_quotes(
    ctx: DocContext, index: MentionIndex, taken: AbstractSet[int]
) -> list[QuoteMention]:
    """Partial quotes of one or two words that a speaker's own clause holds: 'dismissed the
    reports as an "absolute lie"', 'said the staircase was "all gone"', 'a charge the
    ministry called "absurd"', 'said its forces had "neutralised" two gunmen' -- the phrase
    hangs (through the clauses of what was said) under a verb of saying, of calling or of
    dismissing whose subject is an actor or an unnamed source ('a spokesman said the raid
    had been planned "for weeks"'), the subject it shares with the verb it is coordinated
    with included ('denies this and says its money comes from "loyal members"'). Quoted
    words in the outlet's own sentence ('the so-called "peace plan"', 'the "rebels" fled')
    stay scare quotes."""
    found = []
    words = ctx.resources.count_words
    for m in QUOTED.finditer(ctx.text):
        group = 1 if m.group(1) is not None else 2
        start, end = m.start(group), m.end(group)
        if start in taken or not 1 <= len(m.group(group).split()) <= SHORT_WORDS:
            continue
        if re.search(r"(?i)\bso[- ]called\s*$", ctx.text[max(0, m.start() - 12) : m.start()]):
            continue  # 'the so-called "peace plan"': the writer's distance, whoever speaks
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        speaker, described = _speaker_of_phrase(span.root, index, words)
        if speaker is None and described is None:
            continue
        found.append(
            QuoteMention(
                article_id=ctx.article.id,
                text=ctx.text[start:end],
                span=Span(start, end, ctx.text[start:end]),
                evidence=ctx.evidence(ctx.view.span_sent(span)),
                speaker=speaker,
                speaker_description=None if speaker else described,
            )
        )
    return found


def _speaker_of_phrase(
    token: Token, index: MentionIndex, words: CountWords
) -> tuple[Span | None, str | None]:
    """The actor whose verb of saying, calling or dismissing governs ``token`` (or stands
    beside the clause holding it: 'officers "neutralised" two gunmen, he said'), or the
    description of the unnamed source who is its subject ("a spokesman"); else (None,
    None). A pronoun subject speaks for the person it points back to, as in a full quote's
    speech clause, and a role named in apposition for the person named ("its leader, Ana
    Cruz, said")."""
    node = token
    for _ in range(SHORT_QUOTE_REACH * 3):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ != "VERB":
            continue
        # a speech clause set beside the reported clause: 'Officers "neutralised" two
        # gunmen, he said' (the parse's parataxis)
        beside = next(
            (
                c
                for c in node.children
                if c.dep_ == "parataxis" and c.pos_ == "VERB" and c.lemma_.lower() in QUOTE_VERBS
            ),
            None,
        )
        if beside is not None and node.lemma_.lower() not in QUOTE_VERBS:
            node = beside
        lemma = node.lemma_.lower()
        if lemma in QUOTE_VERBS or lemma in CHARACTERISING_VERBS:
            subjects = [c for c in node.children if c.dep_ == "nsubj"] or shared_subject(node)
            if not subjects:
                return None, None
            subject = subjects[0]
            if subject.lower_ in SPEAKER_PRONOUNS:
                # 'repelled the attack and "neutralised" two gunmen, he said'
                if nearer := unnamed_nearer(subject, index, words, ()):
                    return None, nearer
                filler = index.filler(subject)
                salient = filler.span if filler is not None else None
                return pronoun_speaker(subject, salient, index, ()), None
            if (holder := role_holder(subject, index)) is not None:
                return holder, None  # 'its leader, Ana Cruz, said ... "police informers"'
            filler = index.filler(subject)
            if filler is not None:
                return filler.span, None
            if (named := named_as(subject, index)) is not None:
                return named, None
            if body := spoken_for(subject, index) or speaking_body_before(subject, index):
                return body, None  # 'a spokesman said it was planned "for weeks"'
            return None, unnamed_source(subject, words)
    return None, None


def _same_paragraph(ctx: DocContext, char: int, sent: SpacySpan) -> bool:
    """Whether ``sent``'s words start in the paragraph holding ``char``."""
    text = ctx.view.sent_text(sent)
    words = sent.start_char + len(text) - len(text.lstrip())  # past a "\n\n" token
    return ctx.view.blank_line_before(words) == ctx.view.blank_line_before(char)


LEAD_IN_WORDS = 6  # "After that time," before a quote that goes on with a statement


def _nearly_all_quote(text: str, ctx: DocContext, start: int, end: int) -> bool:
    """Whether the quote from ``start`` to ``end`` is its paragraph but for its marks and
    a short lead-in ('From then on, "nobody will be let through"'): a paragraph
    that goes on quoting the statement of the paragraph before."""
    paragraphs = ctx.view.paragraphs
    if not paragraphs:
        return False
    first, last = paragraphs[paragraph_of(paragraphs, start)]
    if end > last:
        return text[first:start].strip() in OPENING_MARKS  # runs on into the next one
    outside = text[first:start] + " " + text[end:last]
    return len(re.findall(r"\w+", outside)) <= LEAD_IN_WORDS


@extractors.register("quotes")
class Quotes(Component):
    """Direct quotes and their speakers."""

    name = "quotes"
    requires = ("mentions",)
    assigns = ("quotes",)

    def __call__(self, ctx: DocContext) -> dict[str, list[QuoteMention]]:
        return extract_quotes(ctx)
