"""Temporal expressions in every sentence, normalised against the publication date.

A finder pattern proposes expressions in running text (capitalised month and
weekday names, relative phrases, years after a preposition), the model's DATE
entities add what it misses, and :func:`normalize_timex` resolves each with the
tense of its clause (future under "will", "is set to", "plans to", "a summit
scheduled for"). Expressions counted from another moment ("two days later",
"the next day", "that morning") are anchored on the previous resolved date of
the article, and so are "later in the day" and its kind. Numeric dates ("3/4/2020")
are read in the outlet's order (the ``outlet_date_order`` setting and shipped outlet
conventions), else day first when the article writes "3 May" more often than "May 3". Dates that
name a street or group ("26 September Street", "shelled at 7 July") are skipped; lengths
of time are kept undated. Deictic words in what a speaker said on a known day count
from that day ("'They shelled us yesterday,' the mayor said on Monday": Sunday; see
:mod:`eventwire.extract.timex_deixis`); a deadline lies ahead ("gave them until
Thursday"); a length counted from a moment the article never dates ("two days after the
vote" with no day told before) is no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.modality import SPEECH_VERBS
from eventwire.extract.timex import is_duration, normalize_timex
from eventwire.extract.timex_anchors import CountedFrom, anchor_day, counted_from
from eventwire.extract.timex_deixis import governing_verb, said_days
from eventwire.ingest.pubdate import outlet_order
from eventwire.model import Span, Timex, When
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_COMMA = r"(?:\s?,?\s+"  # "May 4, 2011", and "May 4 , 2011" as tokenised text has it
_NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|fifty|a few|several|a couple of)"
)
_UNIT = r"(?:day|week|month|year|decade)s?"
_REL = r"(?i:last|next|this|past|coming|previous|following)"
_MOD = r"(?:(?i:early|late|mid|the (?:beginning|start|end|middle) of)[\s-]+)?"
_PART = r"(?:\s+(?i:morning|afternoon|evening|night))?"

_ALTERNATIVES = (
    # day-month-year and month-day-year, ranges of days
    _MOD + _MONTH + r"\s+" + _DAY + r"(?:\s*(?:-|–|to)\s*[0-3]?\d)?" + _COMMA + _YEAR + r")?\b",
    # day-first, ranges too: "25-26 July", "2 and 3 May 2020", "27 April - 4 May"
    _DAY
    + r"(?:\s*(?:-|–|to|and)\s*"
    + _DAY
    + r")?\s+(?:of\s+)?"
    + _MONTH
    + r"(?:\s*(?:-|–|to|until)\s*"
    + _DAY
    + r"\s+"
    + _MONTH
    + r")?"
    + _COMMA
    + _YEAR
    + r")?\b",
    _WEEKDAY + r"\s?,?\s+" + _MONTH + r"\s+" + _DAY + _COMMA + _YEAR + r")?\b",
    r"(?i:the|this|last|next|past)\s+(?i:weekend)\b",
    # "on the same day as the ambush": the day of the moment named (see timex_anchors)
    r"(?i:the)\s+(?i:same)\s+(?i:day|night|morning|afternoon|evening)\s+(?i:as)\b",
    r"(?:(?i:earlier|later)\s+)?(?:(?i:the)\s+)?(?i:next|following|previous|preceding|same|that)"
    r"\s+(?i:day|morning|afternoon|evening|night)\b",
    # "the day before yesterday" is one day, two before the reference ("the day before"
    # alone counts from the last day told)
    r"(?i:the)\s+(?i:day)\s+(?i:before\s+yesterday|after\s+tomorrow)\b",
    r"(?i:the)\s+(?i:day|night)\s+(?i:before|after)\b",
    r"(?i:the)\s+(?i:eve)\s+(?i:of)\b",  # "on the eve of the summit": see timex_anchors
    r"(?:(?i:earlier|later|early|late)\s+(?i:in)|(?i:during))\s+(?i:the)\s+(?i:day|week|month|year)\b",
    r"(?:" + _REL + r"\s+)?" + _WEEKDAY + _PART + r"\b",
    r"(?i:morning|afternoon|evening|night)\s+(?:of\s+)?" + _WEEKDAY + r"\b",
    _MOD
    + r"(?:"
    + _REL
    + r"\s+)?"
    + _MONTH
    + r"(?:,?\s+(?:of\s+)?"
    + _YEAR
    + r"|\s+(?i:last|next|this)\s+year)?\b",
    _MOD + r"(?:" + _REL + r"\s+)(?i:spring|summer|autumn|fall|winter)\b",
    _MOD + r"(?i:spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR + r"\b",
    r"(?i:" + _NUM + r")\s+(?i:" + _UNIT + r")(?:\s+or\s+so)?\s+(?i:ago|earlier|later|after|before"
    r"|from now)\b",
    r"(?i:in)\s+(?i:" + _NUM + r")\s+(?i:" + _UNIT + r")\b(?!\s+(?:ago|of))",
    r"(?:(?i:earlier|later)\s+)?" + _REL + r"\s+(?i:week|month|quarter|year|decade)\b",
    # a part of a week: "late last week", "early this week", "the end of last week"
    r"(?:(?i:early|late|mid)[\s-]+|(?i:the)\s+(?i:beginning|start|end|middle)\s+(?i:of)\s+)"
    + _REL
    + r"\s+(?i:week)\b",
    r"(?i:first|second|third|fourth|final|last)\s+(?i:quarter)(?:\s+(?:of\s+)?" + _YEAR + r")?\b",
    r"Q[1-4](?:\s+" + _YEAR + r")?\b",
    r"(?i:first|second)\s+(?i:half)\s+(?i:of)\s+(?:"
    + _YEAR
    + r"|(?i:the|this|last|next)\s+(?i:year))\b",
    r"H[12]\s+(?:of\s+)?" + _YEAR + r"\b",
    r"(?:(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)" + _YEAR + r"\b",
    _YEAR + r"\s+(?i:fiscal\s+year)\b",
    r"\b(?i:today|tonight|yesterday|tomorrow)(?:'s)?" + _PART + r"\b",
    r"\b(?i:this)\s+(?i:morning|afternoon|evening)\b",
    r"(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]*)?(?:1[89]\d0|20\d0)'?s\b",
    r"(?:(?i:in|since|by|until|during|from|between|of|early|late|mid)[\s-]+)"
    + _YEAR
    + r"(?:\s*(?:-|–|to|and|until)\s*"
    + _YEAR
    + r")?\b",
    _YEAR + r"-[01]\d-[0-3]\d\b",  # ISO
    _YEAR + r"(?:-|–|/)\d\d\b(?![-/.]\d)",  # "the 1990-91 war", "the 2018/19 season"
    _YEAR + r"(?=\s*[,.;)])",
    r"[0-3]?\d([/.-])[0-3]?\d\1" + _YEAR + r"\b",  # "3/4/2020": read in day_first_text
)
FINDER = re.compile(r"\b(?:" + "|".join(_ALTERNATIVES) + r")")
_LEADING = re.compile(r"^(?i:in|since|by|until|during|from|between|of|on|at)\s+")
_ANAPHORIC = re.compile(
    r"(?i)\b(?:later|after|earlier|before)$|^(?:(?:earlier|later)\s+)?(?:the\s+)?(?:next|"
    r"following|previous|preceding|"
    r"same|that)\s+(?:day|morning|afternoon|evening|night)\b"
    r"|^(?:(?:early|earlier|later|late)\s+)?(?:in\s+|during\s+)?the\s+(?:day|week|month|year)$"
)
# a length of time counted from another moment: "two days after", "a week later"
_COUNTED_FROM = re.compile(r"(?i)\b(?:" + _UNIT + r")(?:\s+or\s+so)?\s+(?:later|after|before)$")
_FUTURE_TEXT = re.compile(
    r"(?i)\b(?:will|shall|'ll|(?:is|are|was|were) (?:due|set|expected|scheduled|supposed|going) "
    r"(?:to|for)|plan(?:s|ned)? to)\b"
)
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# verbs whose infinitive complement lies ahead of the moment of speaking
_INTENT = {"plan", "schedule", "set", "expect", "suppose", "intend", "due", "prepare"}
_SCHEDULED = {"due", "set", "scheduled", "expected", "supposed", "planned", "slated"}


def extract_timexes(ctx: DocContext) -> dict[str, list[Timex]]:
    reference = ctx.article.published
    order = outlet_order(ctx.article.source, ctx.resources.date_orders)
    day_first = day_first_text(ctx.text) if order is None else order == "DMY"
    found: list[Timex] = []
    previous: str | None = None  # last day-precision date, the anchor of "two days later"
    # the model's DATE/TIME entities, read once: Span.ents walks the whole document
    dated: list[list[SpacySpan]] = [[] for _ in ctx.view.sents]
    for e in ctx.view.ents:
        if e.label_ in ("DATE", "TIME"):
            dated[ctx.view.sent_no(e.start)].append(e)
    spans_of = [_spans(sent, d, ctx.text) for sent, d in zip(ctx.view.sents, dated, strict=True)]
    sayings = said_days(ctx, spans_of, reference, day_first)
    parsed = ctx.doc.has_annotation("DEP")
    counted: dict[int, CountedFrom] = {}  # index in ``found`` -> its construction
    for sent, spans in zip(ctx.view.sents, spans_of, strict=True):
        for start, end in spans:
            text = ctx.text[start:end]
            tense = clause_tense(ctx, sent, start)
            named = counted_from(ctx.doc, start, end, text) if parsed and _NAMES_A_MOMENT.search(
                text) else None  # fmt: skip
            if named is not None:  # "one week after the ceasefire": dated below, from it
                counted[len(found)] = named
                found.append(Timex(article_id=ctx.article.id, span=Span(start, end, text),
                                   when=When(None, None, text=text),
                                   evidence=ctx.evidence(sent)))  # fmt: skip
                continue
            ref = previous if previous and _ANAPHORIC.search(text) else reference
            if ref is reference and (day := sayings.day_of(start)) is not None:
                ref = day  # "yesterday" in what was said is the day before the saying
            if previous is None and _COUNTED_FROM.search(text):
                # "two days after the vote", "a week later" with no day told before: counted
                # from a moment the article never dates, not from the day it was printed
                when = When(None, None, text=text)
            else:
                when = normalize_timex(text, ref, tense, day_first)
            if when.value is None and not (_from_finder(text) or is_duration(text)):
                continue  # a model DATE entity we cannot place is no date; lengths are kept
            if when.precision == "day" and when.value and _anchors_later(ctx, start, end):
                previous = when.value
            found.append(
                Timex(
                    article_id=ctx.article.id,
                    span=Span(start, end, text),
                    when=when,
                    evidence=ctx.evidence(sent),
                )
            )
    return {"timexes": _count_from_anchors(ctx, found, counted)}


# The first night of a night told by the two days it spans: "on the night from Monday to
# Tuesday", "the night of Friday to Saturday" (the night is the first day's).
_NIGHT_SPAN_END = re.compile(r"(?i)\bnight\s+(?:from|of)\s+\S+\s+(?:to|into)\s+$")


def _anchors_later(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the day told at ``start:end`` is one a later "the same night", "the next
    day" counts from: a day an act was done. The day a verb of saying is dated by ("a
    medic told us on Thursday", "the mayor said on Wednesday") is when the story was
    told, and the second day of a night told by the two days it spans ("on the night from
    Monday to Tuesday") ends that night: a later "the same night" is not theirs."""
    if _NIGHT_SPAN_END.search(ctx.text[max(0, start - 40) : start]):
        return False
    if not ctx.doc.has_annotation("DEP"):
        return True
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None else None
    return verb is None or verb.lemma_.lower() not in SPEECH_VERBS


# the expressions :func:`counted_from` may read: a length, or the eve, before its mark
_NAMES_A_MOMENT = re.compile(r"(?i)\b(?:after|before|eve of|same \w+ as)$")


def _count_from_anchors(
    ctx: DocContext, found: list[Timex], counted: dict[int, CountedFrom]
) -> list[Timex]:
    """``found`` with each time counted from a named moment dated from the day the
    article gives that moment, or left undated when it gives none
    (:mod:`eventwire.extract.timex_anchors`)."""
    if not counted:
        return found
    days = [(t.span.start, t.span.end, t.when.value) for t in found
            if t.when.precision == "day" and t.when.value]  # fmt: skip
    out = list(found)
    for n, construction in counted.items():
        timex = found[n]
        sent_start = ctx.view.sent(construction.anchor).start_char
        day = anchor_day(ctx.view, construction, days, sent_start)
        value = construction.shift(day, construction.sign) if day else None
        if value is not None:
            out[n] = replace(timex, when=When(value, "day", text=timex.span.text))
    return out


_DAY_MONTH = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!\w)")
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?!\s*(?:%|percent))")


def day_first_text(text: str) -> bool | None:
    """Whether ``text`` writes its dates day first ("3 May", as most of the world does) or
    month first ("May 3"), by the majority of its dates with a month name; None if even."""
    days = len(_DAY_MONTH.findall(text))
    months = len(_MONTH_DAY.findall(text))
    return None if days == months else days > months


# Every expression FINDER knows holds a digit or one of these words (weekdays, "today" and
# "yesterday" end in "day", "tonight" in "night", "weekend" starts "week"): a text with
# none of them is not searched with the long pattern, which tries every word.
_ANY_TIME_WORD = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|night|morning|afternoon"
    r"|evening|week|month|year|decade|quarter|half|spring|summer|autumn|fall|winter|tomorrow"
    r"|\beve\b",
    re.IGNORECASE,
)


# FINDER opens with a word boundary and every alternative with a letter or digit, so a
# match starts a word: a number, a word that is not plain ASCII, or one whose letters are
# among the words the pattern writes out (any case; "Q1", "FY2020" without their digits).
# Trying FINDER only there finds what ``FINDER.finditer`` finds, without trying its
# alternatives at every word boundary of the text.
_PATTERN_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", "|".join(_ALTERNATIVES)))
_WORD = re.compile(r"\w+")


def _finder_matches(text: str) -> Iterator[re.Match[str]]:
    """``FINDER.finditer(text)``, tried only at the words a match can start with."""
    end = 0
    for word in _WORD.finditer(text):
        start, w = word.start(), word.group()
        if start < end or not (
            w[0].isdigit() or not w.isascii() or w.lower().rstrip("0123456789") in _PATTERN_WORDS
        ):
            continue
        if (m := FINDER.match(text, start)) is not None:
            end = m.end()
            yield m


def find_timexes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the temporal expressions the finder proposes in ``text``."""
    matches = list(_finder_matches(text))
    if not matches or not _ANY_TIME_WORD.search(text):
        return []
    spans = []
    for m in matches:
        start, end = m.start(), m.end()
        lead = _LEADING.match(m.group(0))
        if lead and not re.match(r"(?i)(?:between|from)\s", m.group(0)):
            start += lead.end()
        found = m.group(0).rstrip()
        if re.search(r"(?<![\d\s])\s*May$", found) and not _month_may(
            text, m.start() + len(found) - 3
        ):
            continue
        spans.append((start, end))
    return spans


def _month_may(text: str, start: int) -> bool:
    """The word 'May' at ``start`` is the month when a preposition or "last", "next" precedes
    it ("3 May" and "May 3" always are)."""
    before = text[max(0, start - 12) : start].lower()
    return bool(
        re.search(r"\b(?:in|of|since|until|by|early|late|mid|last|next|this)[\s-]*$", before)
    )


def _spans(sent: SpacySpan, dated: list[SpacySpan], text: str) -> list[tuple[int, int]]:
    """Time expressions of a sentence: the finder's, then the model's ``dated`` entities
    starting in it that overlap none of them; ``text`` is the whole document's."""
    offset = sent.start_char  # the sentence's text sliced, not joined from its tokens
    spans = [(offset + s, offset + e) for s, e in find_timexes(text[offset : sent.end_char])]
    for ent in dated:
        if not sent.start_char <= ent.start_char < sent.end_char:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in spans):
            continue
        spans.append((ent.start_char, ent.end_char))
    kept = sorted((s, e) for s, e in spans
                  if not names_something(text, s, e) and not _in_idiom(text, s, e))  # fmt: skip
    return joined_ranges(kept, text)


# What joins the two ends of a period: "from January to April", "March through May",
# "2 May - 4 June"; "and" only after "between" ("between March and May"), since "in March
# and May" names two moments, not the months between them.
_RANGE_JOIN = re.compile(r"\s*(?:[-–]|(?:to|through|till|until)\b)\s*$", re.IGNORECASE)
_BETWEEN_AND = re.compile(r"\s+and\s+$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# The ends joined: months and years ("from January to April 2023", "between 2019 and
# 2021"); days and weekdays the finder reads as one range already, or not at all.
_PERIOD_END = re.compile(_MONTH + r"(?:,?\s+" + _YEAR + r")?|" + _YEAR)


def joined_ranges(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """``spans`` (sorted) with the two ends of a period of months or years written as two
    expressions made one ("from January to April", "between March and May", "March to May
    2023"), so the period keeps its end; the normaliser reads such a range
    (:mod:`eventwire.extract.timex.ranges`)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            first, last = out[-1]
            gap = text[last:start]
            between = _BETWEEN.search(text[max(0, first - 12) : first]) is not None
            ends = _PERIOD_END.fullmatch(text[first:last]) and _PERIOD_END.fullmatch(
                text[start:end]
            )
            if (
                ends
                and gap
                and (_RANGE_JOIN.fullmatch(gap) or (between and _BETWEEN_AND.fullmatch(gap)))
            ):
                out[-1] = (first, end)
                continue
        out.append((start, end))
    return out


# Phrases with a time word that say no time: "at the end of the day" (in the end), "to
# this day" (still), "day after day", "some day", "these days" (nowadays).
_IDIOMS = re.compile(
    r"(?i)\b(?:at the end of the day|to this day|day after day|day by day|day to day|"
    r"day-to-day|some day|these days|those days|the other day|in this day and age)\b"
)


def _in_idiom(text: str, start: int, end: int) -> bool:
    """Whether the span lies inside an idiom that names no time."""
    around = text[max(0, start - 25) : end + 25]
    base = max(0, start - 25)
    return any(
        m.start() + base <= start and end <= m.end() + base for m in _IDIOMS.finditer(around)
    )


def names_something(text: str, start: int, end: int) -> bool:
    """A day and month without a year, followed by one of these nouns or after "at" or
    "near" (a date takes "on"), names a place or a group ("the July 7 neighbourhood",
    "26 September Street", "the 14 March alliance", "fired at 7 July and the port");
    "the 1956 uprising" keeps its year."""
    if re.search(r"\d{4}", text[start:end]):
        return False
    named_after = bool(_NAME_AFTER.match(text, end))
    return named_after or bool(
        re.search(r"\d", text[start:end])
        and re.search(r"(?i)\b(?:at|near)\s+$", text[max(0, start - 6) : start])
    )


_NAME_AFTER = re.compile(
    r"\s+(?i:street|st\.|square|bridge|neighbou?rhood|district|avenue|road|roundabout|stadium"
    r"|hospital|revolution|uprising|movement|alliance|coalition|brigades?|battalion|martyrs)\b"
)


def _from_finder(text: str) -> bool:
    return bool(FINDER.fullmatch(text) or FINDER.match(text))


def clause_tense(ctx: DocContext, sent: SpacySpan, char: int) -> str:
    """ "future" when the clause holding offset ``char`` is about what will happen."""
    return tense_in(sent, char)


def tense_at(doc: Doc, char: int) -> str:
    """The clause tense at character ``char`` of a parsed ``doc``."""
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return tense_in(sent, char)
    return "past"


def tense_in(sent: SpacySpan, char: int) -> str:
    token = _token_at(sent, char)
    if token is not None and sent.doc.has_annotation("DEP"):
        if is_deadline(token):
            return "future"  # "gave them until Thursday": the Thursday to come
        verb = governing_verb(token)
        if verb is not None:
            return "future" if _is_future(verb) else "past"
    # no parse (blank pipeline): the sentence's wording decides
    return "future" if _FUTURE_TEXT.search(sent.text) else "past"


def _is_future(verb: Token) -> bool:
    """Whether ``verb``'s clause looks ahead: a "will"/"shall"/"would" auxiliary, a
    present "plans to"/"is due to", an infinitive under a verb of intent or schedule
    ("set to resume", "is expected to dominate"), or a noun "set for"/"scheduled for" a
    time in a clause that is not itself past ("a summit set for April", not "a service
    planned for Saturday was cancelled")."""
    node = verb
    for _ in range(4):
        auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
        if auxes & _FUTURE_AUX or ("would" in auxes and "have" not in auxes):
            return True
        if node.dep_ == "acl" and node.lower_ in _SCHEDULED:
            outer = governing_verb(node.head)
            return outer is None or not _past_tense(outer) or _is_future(outer)
        if any(c.lower_ in _SCHEDULED for c in node.children if c.dep_ in ("acomp", "amod")):
            return True
        has_infinitive = any(c.dep_ == "xcomp" for c in node.children)
        if has_infinitive and (
            node.lower_ == "going"
            or (node.lemma_.lower() in _INTENT and node.tag_ in ("VBZ", "VBP"))
        ):
            return True
        if (
            node.dep_ in ("conj", "dep")
            and node.head.i != node.i
            and not auxes
            and not any(c.dep_.startswith("nsubj") for c in node.children)
        ):
            node = node.head  # "will hit Haiti on Monday, sweep the Bahamas on Tuesday"
            continue
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        if node.head.lemma_.lower() in _INTENT or node.head.lower_ == "going":
            return True
        node = node.head
    return False


# A time given as a deadline: "until"/"by" a verb of granting governs ("gave the militia
# until Friday to leave the port", "set them a deadline of Friday").
DEADLINE_PREPOSITIONS = frozenset({"until", "till", "by"})
GRANTING_VERBS = frozenset({"give", "grant", "set", "extend", "allow", "offer"})
DEADLINE_NOUNS = frozenset({"deadline", "ultimatum"})


def is_deadline(token: Token) -> bool:
    """Whether ``token`` lies in a time given as a deadline: the object of "until", "till"
    or "by" hanging on a verb of granting ("gave M23 until 4 p.m. on Thursday to hand in
    their weapons"), or a phrase of "deadline"/"ultimatum" ("a deadline of Friday"). A
    deadline lies ahead of the moment it was set, and it is not when the granting
    happened."""
    node = token
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if head.lemma_.lower() in DEADLINE_NOUNS:
            return True
        if node.dep_ == "prep" and head.lemma_.lower() in GRANTING_VERBS:
            if node.lower_ in DEADLINE_PREPOSITIONS:
                return True
            # "until 4 p.m. on Thursday" with the day hung on the verb: still the deadline
            if _after_until(node, head):
                return True
        if head.pos_ in ("VERB", "AUX"):
            return False
        node = head
    return False


def _after_until(prep: Token, verb: Token) -> bool:
    """Whether ``prep`` (a phrase of ``verb``) follows right after an "until"/"till" phrase
    of the same verb ("until 4 p.m. on Thursday")."""
    if prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]
    # up from the word before to the phrase it belongs to under the verb (the parse's
    # root ends the walk: the word may lie in another clause)
    while before.head.i != verb.i and before.head.i != before.i:
        before = before.head
    return before.head.i == verb.i and before.lower_ in ("until", "till")


def _past_tense(verb: Token) -> bool:
    """ "cancelled", "was cancelled", "had met": the verb or its auxiliary is past."""
    return verb.tag_ == "VBD" or any(
        c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass")
    )


def _token_at(sent: SpacySpan, char: int) -> Token | None:
    for token in sent:
        if token.idx <= char < token.idx + len(token.text) or token.idx >= char:
            return token
    return None


@extractors.register("timexes")
class Timexes(Component):
    """Time expressions, normalised against the publication date."""

    name = "timexes"
    assigns = ("timexes",)

    def __call__(self, ctx: DocContext) -> dict[str, list[Timex]]:
        return extract_timexes(ctx)
