"""Anchoring an event in time and space: the date and place that govern its clause.

For an event's trigger token, the date is the temporal expression attached to
the trigger's clause in the dependency parse (a timex inside the subtree of the
trigger's nearest verb, not inside an embedded clause of its own), else the
nearest one in the same sentence, else the last day an earlier sentence of the same
paragraph gave when it is told in the past ("On 6 May militants fired a rocket. It hit
a house."; not for a toll "so far", a present "the province has sunk into disorder", nor
an act told as planned, supposed or denied), else, told in the past in a paragraph
after the lead, the day the lead gives its act (:func:`eventwire.extract.carried_days.story_day`), else the
publication date, both with precision ``publication`` (only a publication day stands in).
An event noun's own phrase dates it first ("Monday's attack", "the visit on March 3rd",
"the June offensive", "the attack, which took place on Sunday"), and a date that governs a
speaker's reporting verb dates the saying, never the event ("shelling killed five, a medic
said on Tuesday"), in its own sentence or carried over from an earlier one (a date opening
the sentence, "On 3 May, the army said ...", and a passive report, "fighting was reported
on 3 May", still date what is told); the day of the saying only stands in for the
unknown day of an event of its sentence, with precision ``publication``, as the
publication day does (the event happened then or before). When the clause's own
expression cannot be placed ("on Sunday" with only the year known), the event
takes no date from another clause. Lengths of time never date an event, nor does a
deadline ("gave the militia until Friday to leave the port") or the period a
superlative compares over ("the deadliest attack this year"), nor a time inside a
complement the event's verb governs ("urged him to step down in May").
The place comes from the clause's place mentions, else the sentence's: the most
precise, not an origin ("fighters from Misrata"), never a metonym acting as a
government ("Moscow said"), a modifier ("the US dollar") or a nationality word;
with no place in the sentence, the town or division the last earlier sentence of the
paragraph that named places is about (a place abroad only from the sentence just
before; none for a summary told in the present further on), else the article's dominant country flagged ``inferred`` when it names one
country dominantly, else None (never its capital: see
:func:`eventwire.extract.placeinferred.inferred_country`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from eventwire.extract.carried_days import (
    SEQUENCE_VERBS,
    not_done,
    paragraph_before,
    publication_when,
    story_day,
    told_in_past,
)
from eventwire.extract.carried_places import earlier_place
from eventwire.extract.context import DocContext
from eventwire.extract.count_attach import time_clause
from eventwire.extract.dates import governing_verb, is_deadline
from eventwire.extract.modality import SPEECH_VERBS
from eventwire.extract.placechoice import pick_place
from eventwire.extract.placeinferred import inferred_place, speech_place
from eventwire.extract.placenowhere import locates_nothing
from eventwire.extract.placespeech import said_at
from eventwire.extract.timex import is_duration
from eventwire.extract.timex_anchors import (
    CountedFrom,
    clause_tokens,
    clause_verb,
    counted_back,
    counted_from,
    phrase_chars,
    phrase_offsets,
)
from eventwire.extract.totals import TOLL_NOUNS
from eventwire.model import Place, Timex, When

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Types of speech acts (PLOVER's verbal acts: statements of support, demands, accusations,
# rejections, threats). Where one was said is told with it or not at all; the scene an
# earlier sentence set is where the story's acts happened, not where its speakers spoke.
SPEECH_ACTS = frozenset({"SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def when_for(ctx: DocContext, token: Token, etype: str | None = None) -> When | None:
    """The date of the event whose trigger is ``token``: its noun's own date, else its
    clause's, else the sentence's nearest, else the story's day (see the module doc);
    never a reporting verb's date (see :func:`_reporting_dates`), which only stands in for
    an unknown day as the publication day does (:func:`_report_day`)."""
    parsed = ctx.doc.has_annotation("DEP")
    reporting = _reporting_dates(ctx, token) if parsed else frozenset()
    sent = ctx.view.sent(token)
    # only the timexes of the sentence and its paragraph before it can date the event
    window = _timexes_within(ctx, sent)
    counting: set[int] = set()  # starts of times counted from a moment the text names
    if parsed:
        constructions = _counted_in(ctx, sent, window)
        counting = {c.start for c in constructions}
        for counted in constructions:
            if token.i == counted.anchor.i or counted.anchor.is_ancestor(token):
                # inside the moment a length is counted from ("comes ten days after jets
                # bombed a school"): the counting clause's time, moved back by the length
                return counted_back(token, counted, when_for(ctx, _counted_from(ctx, counted)))
        # a date inside that moment ("two days after the 3 May vote") is the moment's
        spans = [(*phrase_chars(c), c.start) for c in constructions]
        window = [t for t in window
                  if not any(a <= t.span.start < b and t.span.start != own
                             for a, b, own in spans)]  # fmt: skip
    # the dateline's date ("OUAGADOUGOU, June 10 (Wire) - Militants attacked ... on
    # Sunday") is the day the story was filed: it stands in as the publication day does
    dateline = ctx.view.zones.dateline
    filed = [t for t in window if dateline and dateline[0] <= t.span.start < dateline[1]]
    timexes = [t for t in window if t.span.start not in reporting and t not in filed]
    if parsed:  # a deadline ("gave them until Thursday to leave") dates no event, nor
        # the period a superlative compares over ("the deadliest attack this year")
        timexes = [t for t in timexes if not _dates_nothing(ctx, t)]
    if parsed:
        clause = clause_tokens(token)
        # a time counted from a moment with no day ("comes a week after jets bombed a
        # school") is no time of the clause's own that cannot be placed
        own = [t for t in timexes if t.span.start in clause and not is_duration(t.span.text)
               and t.span.start not in counting]  # fmt: skip
        if own and min(own, key=lambda t: abs(t.span.start - token.idx)).when.value is None:
            # the clause's own time ("on Sunday" with only the year known) cannot be
            # placed; a date from another clause would be wrong, not merely vague
            return publication_when(ctx)
    resolved = _without_bare_clock_times([t for t in timexes if t.when.value], sent)
    if parsed and (told := _when_clause_date(token, [t for t in window if t.when.value])):
        return told  # "the worst since March, when a car bomb killed nine": March
    occurrence = ctx.resources.anchor_words.occurrence
    if parsed and (noun_date := _noun_date(token, resolved, occurrence)) is not None:
        return noun_date
    if parsed and (tolled := _hit_in_act_date(ctx, token, resolved, occurrence)) is not None:
        return tolled  # "a man wounded in Monday's raid died on Tuesday, bringing the
        # number killed in the raid to five": the five died of Monday's raid
    if parsed and (moment := _same_moment_date(token, resolved)) is not None:
        return moment  # "relatives killed when shells fell the day before": that day
    # a time inside a clause or apposition describing another noun dates that noun, not
    # the event ("the Front, a group founded by exiles in 1994, attacked a depot")
    dating = [t for t in resolved if not (parsed and _describes_other(ctx, t, token))]
    if parsed:  # nor a time of an act the event's verb governs ("urged him to quit in May")
        dating = [t for t in dating if not _in_complement_below(ctx, t, token)]
    best = _governing(ctx, token, [(t.span.start, t.span.end, t.when) for t in dating])
    if isinstance(best, When):
        return best
    if parsed and (named := _named_before(ctx, token)) is not None:
        return named  # "Militants attacked a base on Sunday. ... The attack was the worst"
    if parsed and (described := _antecedent_date(ctx, token)) is not None:
        return described  # "... died in the strike, which the ministry said killed 16"
    # A story goes on in the day it gave last: "On 6 May militants fired a rocket. It hit
    # a house." The day must be in the same paragraph; a background paragraph's year or
    # a length of time never carries over.
    stand_in = _report_day(window, sent, reporting) or publication_when(ctx) or _filed_day(filed)
    up_to_now = ctx.resources.anchor_words.up_to_now  # "so far", "to date" (data file)
    if up_to_now.search(ctx.view.sent_text(sent)) or not told_in_past(sent.root):
        return stand_in  # "so far, 150 have been killed": a toll up to now
    if etype in SPEECH_ACTS:
        # "Jets bombed the port on Monday. The minister condemned the raid.": the day of
        # the act told before is not the day a speaker spoke of it (then or later)
        return stand_in
    if parsed and not_done(token):
        # "Envoys said they planned talks", "he was not allowed to visit": an act not
        # told as done has no day of the scene before it
        return stand_in
    paragraph, sent_start = paragraph_before(ctx, sent)
    earlier = [t for t in resolved if paragraph < t.span.start < sent_start
               and t.when.precision == "day" and not is_duration(t.span.text)]  # fmt: skip
    if earlier:
        return earlier[-1].when
    if stand_in is not None and stand_in.text is None and parsed:
        saying = lambda: {start for start, _verb in _saying_dates(ctx)}  # noqa: E731
        undated = lambda timex: _dates_nothing(ctx, timex)  # noqa: E731
        acted = lambda act: when_for(ctx, act)  # noqa: E731
        return story_day(ctx, paragraph, saying, undated, acted) or stand_in
    return stand_in


ANAPHORIC_DETS = frozenset({"the", "this", "that"})
NAMED_BEFORE_REACH = 400  # tokens back: the lead of a news story and a few paragraphs


def _named_before(ctx: DocContext, token: Token) -> When | None:
    """The day of the act a definite event noun repeats: "Militants attacked a base on
    Sunday, killing 11. <new paragraph> The attack was the deadliest this year" -- "the
    attack" (or "this raid") names again the nearest earlier act told with the same word
    (noun or verb) in an earlier sentence, and takes its date when that is a day or a
    span the text states (not a publication day standing in). An indefinite noun ("an
    attack") is a new act and takes nothing."""
    if token.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in token.children
    ):
        return None
    lemma = token.lemma_.lower()
    start = ctx.view.sent(token).start
    for i in range(start - 1, max(start - NAMED_BEFORE_REACH, 0) - 1, -1):
        earlier = ctx.doc[i]
        if earlier.lemma_.lower() != lemma or earlier.pos_ not in ("NOUN", "VERB"):
            continue
        when = when_for(ctx, earlier)
        if when is not None and when.value and when.precision != "publication":
            return when
        return None  # the nearest one is what the noun repeats, dated or not
    return None


# complements telling an act apart from the verb's own: "urged him to resign in May",
# "called a meeting to discuss the raid of Friday", "warned that troops would come on Monday"
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})


def _in_complement_below(ctx: DocContext, timex: Timex, token: Token) -> bool:
    """Whether ``timex`` lies in a complement clause (an infinitive or a that-clause, also
    one on a noun: "a plan to hold talks in May") below the verb of the event at
    ``token``, away from the event itself: it dates the act that complement tells (the
    resigning, the discussing), which happens after, or never, not the urging or the
    calling."""
    span = ctx.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return False
    verb = clause_verb(token)
    node = span.root
    for _ in range(12):
        if node.i == token.i or node.head.i == node.i or node.i == verb.i:
            return False
        clause = node.dep_ in COMPLEMENT_DEPS or (
            node.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                  for c in node.children)
        )  # fmt: skip
        if clause and node.pos_ in ("VERB", "AUX") and not node.is_ancestor(token):
            # the verb's own complement, the time after both: a time opening the
            # sentence ("On 3 May, police broke up the march and held six") or in a
            # clause further down ("beat back a raid as they pushed on to take the town
            # on 2 July") is the sentence's own, which the parse hung low
            return node.head.i == verb.i and span.start > node.i > verb.i
        node = node.head
    return False


RELATIVE_WORDS = frozenset({"which", "that"})


def _antecedent_date(ctx: DocContext, token: Token) -> When | None:
    """The date of the event noun a relative clause tells the act of: "Nobody said how
    many had died in the raid, which the council said killed 12" -- the killing is the
    raid's, so it takes the raid's own date (its phrase's, or the earlier act the definite
    noun repeats). The clause is found going up from the trigger through the reporting
    verbs and complements inside it ("which X said killed", "which killed") to a relative
    clause opened by "which"/"that" on a noun; a date only the publication day stands in
    for is not taken."""
    node = token
    for _ in range(3):
        if node.dep_ == "relcl":
            break
        if node.dep_ not in ("ccomp", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    if node.dep_ != "relcl" or node.head.pos_ != "NOUN":
        return None
    opened = {t.lower_ for t in node.subtree if t.dep_ in ("nsubj", "nsubjpass", "dobj")}
    if not opened & RELATIVE_WORDS:
        return None
    when = when_for(ctx, node.head)
    if when is None or not when.value or when.precision == "publication":
        return None
    return when


def _counted_from(ctx: DocContext, counted: CountedFrom) -> Token:
    """What a counted time moves from: the outer clause's verb, or, for a verb of sequence
    with an act noun as subject ("The latest raid comes a week after jets bombed a school"),
    that act, whose day the story gave (the raid's, not the day of the writing)."""
    outer = counted.outer
    if outer.lemma_.lower() not in SEQUENCE_VERBS:
        return outer
    subject = next((c for c in outer.children if c.dep_ == "nsubj"), None)
    words = ctx.resources.trigger_words
    if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in words:
        return subject
    return outer


def _counted_in(ctx: DocContext, sent: Span, window: list[Timex]) -> list[CountedFrom]:
    """The times counted from a named moment in ``sent`` ("ten days after jets bombed a
    school"), with the moment each counts from."""
    found = []
    for timex in window:
        if not sent.start_char <= timex.span.start < sent.end_char:
            continue
        if not timex.span.text.lower().endswith(("after", "before", "eve of")):
            continue
        counted = counted_from(ctx.doc, timex.span.start, timex.span.end, timex.span.text)
        if counted is not None:
            found.append(counted)
    return found


def _dates_nothing(ctx: DocContext, timex: Timex) -> bool:
    """A deadline or the period a superlative compares over: worked out once per timex
    (every event of a sentence asks about the same ones)."""
    key = (timex.span.start, timex.span.end, timex.when.precision)
    if (found := ctx.undating.get(key)) is None:
        found = ctx.undating[key] = _deadline(ctx, timex) or _compared_over(ctx, timex)
    return found


def _deadline(ctx: DocContext, timex: Timex) -> bool:
    span = ctx.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    return span is not None and is_deadline(span.root)


SUPERLATIVE_REACH = 6  # words back from a period to the superlative it qualifies
# Ordinals that compare like a superlative before "since": "the first raid since March".
ORDINAL_FIRSTS = frozenset({"first", "only"})


def _compared_over(ctx: DocContext, timex: Timex) -> bool:
    """Whether ``timex`` is the period a superlative compares over, not when the event
    happened: "killed 12 soldiers, the deadliest this year", "the biggest offensive since
    2019" -- a period (not a day) after a superlative in the same phrase (no verb or
    clause break between them), or after an ordinal and "since" ("the raid, which killed
    four, was the first since March": the raid is not March's)."""
    if timex.when.precision == "day":
        return False
    span = ctx.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return False
    since = span.start > 0 and ctx.doc[span.start - 1].lower_ == "since"
    for i in range(span.start - 1, max(span.start - SUPERLATIVE_REACH, 0) - 1, -1):
        tok = ctx.doc[i]
        if tok.tag_ == "JJS" or (tok.lower_ == "most" and tok.head.pos_ == "ADJ"):
            return True
        if since and tok.lower_ in ORDINAL_FIRSTS:
            return True  # "the first since March", "the only such raid since 2019"
        if tok.pos_ in ("VERB", "AUX") or (tok.is_punct and tok.text != ","):
            return False
    return False


# Links by which a clause or phrase describes the noun it hangs on.
DESCRIBING_DEPS = frozenset({"relcl", "acl", "appos"})


def _describes_other(ctx: DocContext, timex: Timex, token: Token) -> bool:
    """Whether ``timex`` sits in a relative clause, participle or apposition describing a
    noun that is no act, away from the event at ``token``: "the Front, a group founded by
    exiles in 1994, attacked a depot", "the government formed after the 2021 coup called
    for talks" (1994 and 2021 date the founding and the forming). A clause on an act's noun
    ("an attack that began on Sunday") still dates the act it describes, as a participle
    that is an act does ("one person injured in a strike on Sunday")."""
    span = ctx.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return False
    words = ctx.resources.trigger_words
    node = span.root
    for _ in range(12):
        if node.head.i == node.i or node.i == token.i:
            return False
        if node.dep_ in DESCRIBING_DEPS:
            noun = node.head
            if noun.i == token.i or node.is_ancestor(token):
                return False  # the clause describes the event's own noun or holds it
            if node.dep_ == "acl" and node.lemma_.lower() in words:
                return False  # an act's participle: "two were killed and one person
                # injured in a strike on Sunday" (the parse may hang it on its victim)
            return noun.lemma_.lower() not in words and noun.lower_ not in words
        node = node.head
    return False


def _timexes_within(ctx: DocContext, sent: Span) -> list[Timex]:
    """The timexes from the start of ``sent``'s paragraph to the sentence's end, in text
    order: everything :func:`when_for` may read (a clause and a noun's phrase lie in their
    sentence). Found by bisection, so an event costs the same in a long article."""
    if ctx.timex_starts is None:
        starts = [t.span.start for t in ctx.timexes]
        ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        ctx.timex_starts = starts if ordered else []
    starts, timexes = ctx.timex_starts, ctx.timexes
    if len(starts) != len(timexes):
        return list(timexes)  # not in text order: read them all
    paragraph, _start = paragraph_before(ctx, sent)
    # after the blank line (as the carried-over day is), or in the sentence
    lo = min(bisect_right(starts, paragraph), bisect_left(starts, sent.start_char))
    return list(timexes[lo : bisect_left(starts, sent.end_char)])


# A time of day with no day of its own: "around 4 a.m.", "at 21:30", "shortly after noon".
_CLOCK_TIME = re.compile(
    r"^(?:(?:at|around|about|shortly|just|after|before|until|by|from)\s+)*"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|hours|hrs|o'clock)?|noon|midnight)"
    r"(?:\s+(?:local time|GMT|UTC))?$",
    re.IGNORECASE,
)


def _without_bare_clock_times(timexes: list[Timex], sent: Span) -> list[Timex]:
    """A time of day gives the hour, not the day: "died in the raid, which began around
    5 a.m. on Sunday" is Sunday's, though the clock time is nearer the noun. A bare clock
    time is dropped when its sentence gives a day of its own."""
    inside = [t for t in timexes if sent.start_char <= t.span.start < sent.end_char]
    clock = {id(t) for t in inside if _CLOCK_TIME.match(t.span.text.strip())}
    if not clock or not any(id(t) not in clock and t.when.precision == "day" for t in inside):
        return timexes
    return [t for t in timexes if id(t) not in clock]


def _filed_day(filed: list[Timex]) -> When | None:
    """The day a dateline gives ("IMPHAL, Nov 10 --"), standing in for an event's unknown
    day when the article has no publication day, as that day would."""
    day = next((t.when for t in filed if t.when.precision == "day" and t.when.value), None)
    return When(day.value, "publication", text=day.text) if day is not None else None


def _report_day(timexes: list[Timex], sent: Span, reporting: frozenset[int]) -> When | None:
    """The day a speaker said it, in the event's own sentence ("shelling killed five, a
    medic said on Tuesday"), standing in for the event's unknown day as a publication day
    does (precision ``publication``): the event happened then or before, not known when."""
    for timex in timexes:
        inside = sent.start_char <= timex.span.start < sent.end_char
        if inside and timex.span.start in reporting and timex.when.precision == "day":
            return When(timex.when.value, "publication", text=timex.when.text)
    return None


def _when_clause_date(token: Token, resolved: list[Timex]) -> When | None:
    """The date a relative clause of time hangs on, for the acts the clause tells: "the
    deadliest raid since March, when a car bomb killed nine" dates the bombing to March,
    not to the main clause's day ("Tuesday's raid"), nor does a comparison's "since"
    hide it. Only the nearest such clause above the trigger counts, and only when it
    hangs on a date ("were killed when gunmen attacked" hangs on a verb: no date here)."""
    node = token
    for _ in range(8):
        if node.dep_ == "relcl" and time_clause(node):
            at = node.head.idx
            return next((t.when for t in resolved if t.span.start <= at < t.span.end), None)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _same_moment_date(token: Token, resolved: list[Timex]) -> When | None:
    """The date of a "when" clause hanging on the trigger's verb, when the verb's own
    clause states none: "families buried relatives killed when shells fell on the market
    the day before" dates the killing to the day before, not to the burying's day; the
    act and its "when" clause are one moment."""
    verb = clause_verb(token)
    own = clause_tokens(token)
    if any(t.span.start in own for t in resolved):
        return None
    for child in verb.children:
        if child.dep_ != "advcl" or not any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in child.children
        ):
            continue
        inner = clause_tokens(child)
        found = [t for t in resolved if t.span.start in inner and not is_duration(t.span.text)]
        if found:
            return min(found, key=lambda t: abs(t.span.start - child.idx)).when
    return None


def _noun_date(token: Token, resolved: list[Timex], occurrence: frozenset[str]) -> When | None:
    """The date an event noun carries in its own phrase: a possessive ("Monday's attack"),
    a modifier ("the June offensive"), a prepositional phrase ("the visit on March 3rd")
    or a relative clause saying when it happened ("the attack, which took place on
    Sunday"); the phrase's date governs the noun before its sentence's verb does."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = _noun_phrase(token, occurrence)
    own = [t for t in resolved if t.span.start in phrase and not is_duration(t.span.text)]
    return min(own, key=lambda t: abs(t.span.start - token.idx)).when if own else None


# Words telling people hurt in an act: "a guard wounded in the raid died on Tuesday".
WOUNDED_WORDS = frozenset({"wound", "wounded", "injure", "injured", "hurt"})


def _hit_in(word: Token) -> Token | None:
    """The act noun a word of wounding says its people were hurt "in" ("wounded in
    Monday's raid", "injured during the shelling"); else None."""
    if word.lemma_.lower() not in WOUNDED_WORDS and word.lower_ not in WOUNDED_WORDS:
        return None
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ == "NOUN":
                return noun
    return None


def _act_date(ctx: DocContext, noun: Token, resolved: list[Timex], occurrence: frozenset[str]
              ) -> When | None:  # fmt: skip
    """An act noun's date: in its own phrase, else the act it names again."""
    return _noun_date(noun, resolved, occurrence) or _named_before(ctx, noun)


def _hit_in_act_date(
    ctx: DocContext, token: Token, resolved: list[Timex], occurrence: frozenset[str]
) -> When | None:
    """The date of the act people were hurt in, for an event told as that hurt or as the
    toll it raised, rather than the day of a later death the sentence's verb tells:

    * inside a running toll's phrase ("A constable wounded in Monday's attack died on
      Tuesday night, raising the number of policemen killed in the attack to five"): the
      toll counts the dead of the act the wounded were hurt in, Monday's;
    * the wounding itself, or the act noun it is "in", with no time of its own ("A farmer
      wounded in the raid died on Tuesday", "Nine people were wounded in the shelling, a
      doctor said"): the act's day, told in its phrase or where the act was told before.
    """
    toll = next((a for a in (token, *token.ancestors) if a.lemma_.lower() in TOLL_NOUNS), None)
    if toll is not None and toll.pos_ == "NOUN":
        inside = {t.i for t in toll.subtree}
        for word in token.sent:
            act = _hit_in(word)
            day = None if word.i in inside or act is None else _noun_date(act, resolved, occurrence)
            if day is not None:
                return day
    act = _hit_in(token)
    if act is None and token.dep_ == "pobj" and token.head.lower_ in ("in", "during"):
        hit = _hit_in(token.head.head)
        act = token if hit is not None and hit.i == token.i else None
    if act is None:
        return None
    own = {t.idx for t in token.subtree} - {t.idx for t in act.subtree}
    if any(t.span.start in own for t in resolved):
        return None  # "five were wounded in the shelling on Tuesday": its own day
    return _act_date(ctx, act, resolved, occurrence)


def _noun_phrase(noun: Token, occurrence: frozenset[str]) -> set[int]:
    """Offsets of an event noun's own phrase: its modifiers and prepositional phrases, and
    a relative clause saying when it happened, not another clause hanging from it
    ("a vigil protesting the execution of a man arrested two years ago"). The verbs that
    say when it happened ("took place", "erupted") are ``occurrence``, from
    ``anchor_words.toml``."""
    return phrase_offsets(
        noun, lambda node, child: node.i == noun.i and child.lemma_.lower() in occurrence
    )


def _reporting_dates(ctx: DocContext, token: Token) -> frozenset[int]:
    """Starts of the timexes that date a speaker's saying rather than an event: "shelling
    killed five, a medic said on Tuesday" (the saying is Tuesday's, not the killing), "the
    ministry announced on Friday that ...". Not a date that opens the sentence before the
    speaker ("On 3 May, the army said it had retaken the town": a frame set for all the
    sentence tells), nor one of a passive report of the event itself ("shelling was
    reported in the town on 1 May": the report is that it happened then). The date of a
    saying dates only the saying itself, so a trigger that is a reporting verb keeps it."""
    if token.lemma_.lower() in SPEECH_VERBS:
        return frozenset()
    sent = ctx.view.sent(token)
    paragraph, _start = paragraph_before(ctx, sent)
    return frozenset(
        start
        for start, verb in _saying_dates(ctx)
        # only dates this event could take (its sentence, its paragraph)
        if paragraph <= start < sent.end_char and verb != token.i
    )


# Verbs of a statement judging an act ("the UN condemned the attack on Tuesday", "the
# governor on Monday denounced the raid"): the time they take is the statement's day, not
# the act's, as a reporting verb's is.
JUDGING_VERBS = frozenset({"condemn", "denounce", "deplore", "decry", "criticise", "criticize",
                           "welcome", "praise", "hail", "mourn", "blame"})  # fmt: skip


def _saying_dates(ctx: DocContext) -> tuple[tuple[int, int], ...]:
    """(start, speech verb's token) of every timex a reporting verb governs after its
    speaker ("a medic said on Tuesday"), or that a judging verb (:data:`JUDGING_VERBS`)
    takes itself, not through its object ("condemned Sunday's attack" dates the attack),
    found once per document."""
    if ctx.saying_dates is None:
        found = []
        for timex in ctx.timexes:
            span = ctx.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
            verb = governing_verb(span.root) if span is not None else None
            if verb is None or span is None:
                continue
            lemma = verb.lemma_.lower()
            if lemma in JUDGING_VERBS and _taken_by_verb(span.root, verb):
                # wherever it stands ("On Tuesday the UN condemned the attack"): a
                # judgement is no frame for the act it judges
                found.append((timex.span.start, verb.i))
                continue
            if lemma not in SPEECH_VERBS and (saying := _before_the_report(span.root, verb)):
                found.append((timex.span.start, saying.i))  # "said on Monday they had ..."
                continue
            if lemma not in SPEECH_VERBS:
                continue
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if speaker is not None and timex.span.start > speaker.left_edge.idx:
                found.append((timex.span.start, verb.i))
        ctx.saying_dates = tuple(found)
    return ctx.saying_dates


def _before_the_report(root: Token, verb: Token) -> Token | None:
    """The verb of saying a time between it and the reported clause belongs to, when the
    parse hangs that time on the reported verb: in "Police said on Monday they had
    arrested 14 people on Saturday" the parser may take "on Monday" for the arrest's, but
    a time right after "said", before the subject of what was said, dates the saying
    ("reported that on 3 March ..." is past the "that": inside what was said). The
    speaker comes before the verb of saying; else None."""
    saying = verb.head
    if verb.dep_ != "ccomp" or saying.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if subject is None or speaker is None or speaker.i > saying.i:
        return None
    if any(c.dep_ == "mark" and c.i < root.i for c in verb.children):
        return None  # "reported that on 3 March forces shelled ...": inside what was said
    return saying if saying.i < root.i < subject.left_edge.i else None


def _taken_by_verb(root: Token, verb: Token) -> bool:
    """Whether a time hangs on ``verb`` itself ("condemned it on Tuesday", "on Monday
    condemned"), directly or through its preposition, not on a noun it governs."""
    head = root.head.head if root.head.dep_ == "prep" else root.head
    return head.i == verb.i and root.i != verb.i


def place_for(ctx: DocContext, token: Token, etype: str | None = None) -> Place | None:
    """The place of the clause headed near ``token``, never a metonym acting as an actor, a
    modifier ("the US dollar") or a nationality word; with no place in the sentence, the
    town or division an earlier sentence of the paragraph is about (not for a speech act of
    type ``etype``: see :data:`SPEECH_ACTS`, which takes the town of a local dateline,
    ``placeinferred.speech_place``), else a local dateline's town in the article's
    dominant country, or that country, flagged ``inferred``
    (``placeinferred.inferred_place``), else None."""
    if ctx.usable_places is None:  # the same for every event of the document
        ctx.usable_places = [pm for pm in ctx.places if pm.place is not None
                             and not locates_nothing(ctx, pm)]  # fmt: skip
        ctx.usable_countries = Counter(pm.place.country for pm in ctx.usable_places
                                       if pm.place is not None)  # fmt: skip
    usable = ctx.usable_places
    parsed = ctx.doc.has_annotation("DEP")
    clause = clause_tokens(token) if parsed else set()
    speech = etype in SPEECH_ACTS
    candidates = usable
    if speech and parsed:  # where it was said, not what it speaks of (placespeech)
        sent = ctx.view.sent(token)
        candidates = [pm for pm in usable if not sent.start_char <= pm.span.start < sent.end_char
                      or pm.zone == "dateline" or said_at(ctx, pm, token)]  # fmt: skip
    found = pick_place(ctx, token, candidates, clause, ctx.usable_countries, unread=not speech)
    if found is not None or not usable:
        return found
    # else the paragraph's last place, else the article's dominant country flagged
    # inferred (never its capital). A speech act with no place of its own takes no town
    # from the scene before it: "Shells hit a market in Kadugli. The minister condemned
    # the attack." says nothing of where the minister was.
    if speech:  # said at a local paper's desk ("kanpur: ..."), else in the country
        return speech_place(ctx, usable)
    return earlier_place(ctx, token, usable) or inferred_place(ctx, usable)


def _governing(ctx: DocContext, token: Token, items: list) -> object | None:
    """The item (start, end, value) governing ``token``'s clause, else the sentence's nearest."""
    sent = ctx.view.sent(token)
    in_sentence = [it for it in items if sent.start_char <= it[0] < sent.end_char]
    if not in_sentence:
        return None
    if ctx.doc.has_annotation("DEP"):
        clause = clause_tokens(token)
        for start, _end, value in sorted(in_sentence, key=lambda it: abs(it[0] - token.idx)):
            if start in clause:
                return value
    nearest = min(in_sentence, key=lambda it: abs(it[0] - token.idx))
    return nearest[2]
