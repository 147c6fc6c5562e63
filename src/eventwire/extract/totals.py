"""Running and period totals: a war's toll is a statistic, not one event's count.

"The war has killed at least 3,000 people since April" states how many died over a
period of the whole conflict, not in one incident; so do "400 people were killed in
March", "the war's death toll has risen to 40,000" and "fighting has displaced more
than 8 million". :func:`total_of` tells such a figure apart from an incident's count
by the construction around the word that says what happened to the people (its cue):

* a period after "since": "killed since April", "since the war began" (from then on);
* a count up to now: "so far", "to date", "thus far", "up to now" ("So far, more than 150
  people have been killed around the capital"), unless one incident or one day is named
  in the clause ("20 bodies have been recovered from the rubble so far");
* a period longer than a day: "in March", "during 2023", "over the past year", and a
  period up to now in the present perfect ("have been killed this month");
* the conflict itself as what did it: "the war has killed", "killed in the war",
  "fighting has displaced" (the present perfect of a general word for violence);
* a toll of the conflict or one said to be overall: "the war's death toll", "the death
  toll of the conflict", "the overall toll";
* a figure in millions of people: no single incident kills or displaces millions;
* a period given by its two ends: "between November and January", "from May to July";
* a bare "since" after a sentence saying the conflict began ("The war began in 2019. ...
  9,000 have been killed since");
* the toll of the act a conflict began with ("The insurgency began when rebels stormed a
  base, killing 300");
* a toll dated by a month or year long past, anywhere in its clause: "Bandit raids
  killed more than 900 people last year", "In 2016 raiders killed about 45 people",
  "Clashes in August 2023 killed 55", "In June 2024, gunmen attacked a post, killing 20"
  -- the background of a story, never the count of an act it reports; and a toll of the
  present month or year in the present perfect ("some 250 villagers have been
  killed in the district this year") wherever the parse hangs the period.

Apart from totals, the toll of another incident named only to place an act in time ("came
hours before the bombing in which seven were killed") is no count of this article's
events (:func:`landmark_toll`).

The statistic keeps what is counted, the figure and its qualifier, the period when
stated, and its scope: the actor that did it ("the RSF has killed ... since April"),
the place it covers ("in Darfur"), else the conflict as a whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.model import PlaceMention, Span, Statistic, Timex

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words for a whole conflict: "the war", "the insurgency" did the killing, or people
# died "in the war".
CONFLICT_NOUNS = frozenset({"war", "conflict", "insurgency", "rebellion", "uprising",
                            "crisis", "hostilities", "revolution", "civil war"})  # fmt: skip
# General words for violence that make a total in the present perfect ("fighting has
# displaced 8 million"); "fighting killed five on Monday" is an incident.
VIOLENCE_NOUNS = frozenset({"fighting", "violence", "bloodshed", "unrest", "bombardment"})
OVERALL_WORDS = frozenset({"overall", "total", "cumulative", "running"})
TOLL_NOUNS = frozenset({"toll", "number", "tally", "count"})
PERIOD_PREPS = frozenset({"in", "during", "over", "throughout", "for", "within"})
# A period given by its two ends: "between November and January", "from May to July"; the
# date expression takes in the preposition, so it is looked for in the whole phrase.
RANGE_PREPS = frozenset({"between", "from"})
RANGE_JOINS = frozenset({"and", "to", "until", "till", "through", "-"})  # "May to July"
# Verbs saying a conflict began: "since" alone after "the war began when ..." counts from
# the conflict's start.
BEGIN_LEMMAS = frozenset({"begin", "start", "erupt", "break", "ignite"})
LONG_UNITS = frozenset({"month", "months", "quarter", "year", "years", "decade", "decades"})
PERIOD_PRECISIONS = frozenset({"month", "season", "year", "decade", "week"})
MILLION = 1_000_000
_DAY_WORDS = re.compile(
    r"(?i)\b(?:\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|today|yesterday|tonight|morning|night|day)"
)


def total_of(
    ctx: DocContext, cue: Token, number: Token, kind: str, value: int, qualifier: str | None
) -> Statistic | None:
    """The statistic ``number`` states when its ``cue`` ("killed", "displaced", "toll")
    makes it a running or period total (see the module doc); else None."""
    period = (
        _since(ctx, cue) or _long_period(ctx, cue) or _up_to_now(ctx, cue) or _past_period(ctx, cue)
    )
    conflict = _by_the_conflict(cue) or _conflict_toll(cue) or _began_the_conflict(cue)
    if period is None and not conflict and value < MILLION:
        return None
    sent = ctx.view.sent(number)
    start = number.idx
    if qualifier and qualifier != "word":
        start = max(sent.start_char, number.idx - len(qualifier) - 1)
    last = number
    if number.i + 1 < len(number.doc) and number.nbor(1).lower_ in (
        "hundred",
        "thousand",
        "million",
    ):
        last = number.nbor(1)  # "8 million"
    end = last.idx + len(last.text)
    actor = _actor(ctx, cue)
    place = _place(ctx, cue)
    begin, until = period or (None, None)
    return Statistic(
        counted=kind,
        value=value,
        qualifier=qualifier,
        text=ctx.text[start:end],
        evidence=ctx.evidence(sent),
        period_start=begin,
        period_end=until,
        scope="actor" if actor else "place" if place else "conflict",
        actor_span=actor,
        place=place.place if place else None,
        cue=Span(cue.idx, cue.idx + len(cue.text), cue.text),
    )


# Verbs that only place one act in time against another: "The ambush came hours before
# the bombing ...", "It happened on the day of the raid ...", "took place a day after".
TIMING_LEMMAS = frozenset({"come", "happen", "occur", "take", "follow", "precede"})
# Nouns naming the time of another act: "on the day of the raid", "on the eve of".
LANDMARK_TIMES = frozenset({"day", "eve", "night", "morning", "evening", "anniversary"})


# Nouns of a length of time measuring how far one act lies from another: "a week after".
TIME_UNITS = frozenset({"minute", "hour", "day", "night", "week", "fortnight", "month", "year"})
# Verbs of victims dying of an act told before: "died two days after the attack".
AFTERMATH_VERBS = frozenset({"die", "perish", "succumb"})


def landmark_toll(cue: Token) -> bool:
    """Whether the cue tells the toll of another incident named only to place this one in
    time: "The ambush came hours before the bombing of a bus station in which seven
    passengers were killed", "It happened on the day of the raid on a village, which
    killed six" -- the seven and the six are that other incident's, reported on its own,
    and no count of an event this sentence reports. The cue is in a relative clause
    inside the object of "before"/"after" or of "the day of", which hangs from a verb
    that only places the act in time (:data:`TIMING_LEMMAS`); "Soldiers retaliated after
    the attack in which 12 were killed" tells the attack, and keeps its count."""
    node, relative = cue, False
    for _ in range(10):
        if node.head.i == node.i:
            return False
        relative = relative or node.dep_ == "relcl"
        node = node.head
        if node.dep_ != "prep" or not relative:
            continue
        if node.lower_ in ("before", "after"):
            return node.head.lemma_.lower() in TIMING_LEMMAS
        if node.lower_ == "of" and node.head.lemma_.lower() in LANDMARK_TIMES:
            when = node.head.head  # "on" of "on the day of"
            return when.dep_ == "prep" and when.head.lemma_.lower() in TIMING_LEMMAS
    return False


def measured_landmark(cue: Token) -> Token | None:
    """The clause or phrase holding ``cue`` that places another act a length of time
    before or after the act of the clause it hangs on: "Soldiers shelled the town on
    Monday, killing three, a week after an air strike killed 20" (a clause of "after"
    measured by "a week"), "..., less than a week after a raid in which 17 died" (a
    phrase of "after"), "hours before". The length says the two acts are apart: the toll
    inside is the other act's, named to place the story's act in time, when the sentence
    gives that act a toll of its own (see :func:`eventwire.extract.counts.extract_counts`).
    "Retaliated after the attack in which 12 were killed" measures nothing and tells the
    attack the retaliation answers, and victims dying a length of time after an act
    ("two soldiers died in hospital two days after the attack, which killed nine") are
    that act's own aftermath. None when there is no such clause."""
    node = cue
    for _ in range(10):
        if _measured_from(node):
            return None if node.head.lemma_.lower() in AFTERMATH_VERBS else node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _measured_from(node: Token) -> bool:
    """Whether ``node`` is a clause or phrase of "after"/"before" measured by a length of
    time ("a week after", "less than a day before")."""
    opener: Token | None = None
    if node.dep_ == "prep" and node.lower_ in ("after", "before"):
        opener = node
    elif node.dep_ == "advcl" and node.pos_ in ("VERB", "AUX"):
        opener = next((c for c in node.children
                       if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)  # fmt: skip
    if opener is None:
        return False
    # the length hangs on the opener, on its clause, or on the clause above right before
    # the opener ("an ambush that came a day after a bomb wounded five")
    above = [c for c in node.head.children if c.right_edge.i == opener.i - 1]
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNITS
               for c in (*opener.children, *node.children, *above))  # fmt: skip


# What a tally of people taken is: "at least eight people have been arrested so far in
# connection with the riots" counts the detentions of a police operation, which remains an
# act to code (an arrest campaign), while its figure is the statistic; a toll of the dead,
# wounded or displaced is the war's, never one incident.
ACT_TALLIES = frozenset({"arrested", "kidnapped"})


def total_words(ctx: DocContext) -> frozenset[int]:
    """Offsets of the words that state a total rather than an event: the cue of each
    statistic ("has killed ... since April") and the conflict doing it ("the war"); an
    event is an incident, never a war's running toll. A tally of people arrested or
    kidnapped keeps its act (see :data:`ACT_TALLIES`)."""
    found: set[int] = set()
    for stat in ctx.records("statistics"):
        if stat.cue is None or stat.counted in ACT_TALLIES:
            continue
        span = ctx.doc.char_span(stat.cue.start, stat.cue.end, alignment_mode="expand")
        if span is None:
            continue
        cue = span.root
        found.add(cue.idx)
        subject = _subject(cue)
        # the conflict doing it in the total's own sentence; one named in the sentence
        # before ("The war began in 2019. It has killed ...") is told there as background
        if subject is not None and _conflict_word(subject) and subject.sent == cue.sent:
            found.add(subject.idx)
    return frozenset(found)


def _timex_in(ctx: DocContext, tokens: list[Token]) -> Timex | None:
    """The first placed timex starting inside ``tokens``."""
    starts = {t.idx for t in tokens}
    return next((t for t in ctx.timexes if t.span.start in starts and t.when.value), None)


def _since(ctx: DocContext, cue: Token) -> tuple[str | None, str | None] | None:
    """ "killed since April", "since the war began in 2023", "since the start of the war":
    a total from then until now, (start, None). Since a day ("since Monday", "since the
    siege began on April 4") it is the toll of an incident going on for days, unless the
    conflict itself began then ("since the war began on 7 October"). A "since" opening a
    saying or an estimate holds for the figure it reports: "Since the first raid in 2021,
    officials estimate that more than 120 people have been killed"."""
    for child in _modifiers(cue) + _reporting_modifiers(cue):
        clause = child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in child.children
        )
        if clause or (child.dep_ == "prep" and child.lower_ == "since"):
            timex = _timex_in(ctx, list(child.subtree))
            of_conflict = any(_conflict_word(t) == "conflict" for t in child.subtree)
            if _names_a_day(timex, child) and not of_conflict:
                return None
            return (timex.when.calendar if timex else None), None
        if child.lower_ == "since" and not list(child.children) and _after_conflict_began(cue):
            return None, None  # "The war began in 2019. ... 40,000 have been killed since."
    return None


def _began_the_conflict(cue: Token) -> bool:
    """Whether the cue tells the toll of the act a conflict began with, in a clause saying
    when it began: "The insurgency began when rebels stormed a base in 2019, killing 300
    soldiers" -- background to the article's own incident, stated as a figure of the
    conflict, not a count of an event reported now."""
    node = cue
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and _begins_conflict(node.head):
            return any(m.dep_ == "advmod" and m.lower_ == "when" for m in node.children)
        node = node.head
    return False


def _begins_conflict(verb: Token) -> bool:
    """ "the war began", "the insurgency erupted": a beginning verb with a conflict noun as
    its subject."""
    return verb.lemma_.lower() in BEGIN_LEMMAS and any(
        c.dep_ == "nsubj" and _conflict_word(c) == "conflict" for c in verb.children
    )


# Nouns naming the moment a conflict began: "since the start of the war".
ONSET_NOUNS = frozenset({"start", "outbreak", "beginning", "onset", "eruption"})


def conflict_onset(token: Token) -> bool:
    """Whether ``token`` names a whole conflict at its beginning, background to the
    article and no event of it: "The war began in April 2023", "since the insurgency
    erupted in 2017", "since the outbreak of the civil war". Clashes that broke out on
    Monday are an incident: only the conflict nouns count (:data:`CONFLICT_NOUNS`)."""
    if _conflict_word(token) != "conflict":
        return False
    if token.dep_ == "nsubj" and _begins_conflict(token.head):
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ONSET_NOUNS


def _after_conflict_began(cue: Token) -> bool:
    """Whether a bare "since" counts from the start of the conflict: the sentence before
    says it began ("The insurgency began when rebels stormed a base. ... more than 9,000
    people have been killed since"). After an incident ("Two more have died since") it
    updates that incident's toll and is no total."""
    sent = cue.sent
    if sent.start == 0:
        return False
    return any(_begins_conflict(tok) for tok in cue.doc[sent.start - 1].sent)


def _up_to_now(ctx: DocContext, cue: Token) -> tuple[str | None, str | None] | None:
    """ "So far, 150 people have been killed", "killed 40 to date", "up to now": a total
    from an unstated start until now, (None, None); not when the clause names one incident
    ("killed in the attack so far") or a day ("so far on Monday"). The phrases are the
    ``[up_to_now]`` list of ``anchor_words.toml``, matched on a modifier of the cue and the
    words it governs ("far" + "so", "to" + "date", "up" + "to" + "now")."""
    up_to_now = ctx.resources.anchor_words.up_to_now
    found = _modifiers(cue)
    if cue.dep_ in ("conj", "advcl") and cue.head.pos_ in ("VERB", "AUX"):
        found += list(cue.head.children)  # "So far, 150 were killed, while 600 were wounded"
    for child in found:
        words = [child, *child.children]
        if child.lower_ == "up":  # "up to now", "up until now"
            words += [g for c in child.children for g in c.children]
        phrase = " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i))
        if up_to_now.search(phrase):
            if _in_one_incident(ctx, cue) or _dated_to_a_day(ctx, cue):
                return None
            return None, None
    return None


def _names_a_day(timex: Timex | None, phrase: Token) -> bool:
    """Whether the phrase's date is a day: its timex's precision, else (no timexes read)
    the words of the model's DATE entity in it ("April 4", "Monday")."""
    if timex is not None:
        return timex.when.precision == "day"
    dated = " ".join(t.text for t in phrase.subtree if t.ent_type_ in ("DATE", "TIME"))
    return bool(dated and _DAY_WORDS.search(dated))


def _long_period(ctx: DocContext, cue: Token) -> tuple[str | None, str | None] | None:
    """A period longer than a day: "in March", "during 2023", "over the past year",
    "in the first half of the year"; (first, last) as ISO partial dates."""
    for child in _modifiers(cue):
        if child.dep_ == "npadvmod" and _up_to_now_tense(cue):
            # "more than 200 people have been killed this month": the period so far
            timex = _timex_in(ctx, list(child.subtree))
            one = _in_one_incident(ctx, cue) or _dated_to_a_day(ctx, cue)
            if timex is not None and timex.when.precision in PERIOD_PRECISIONS and not one:
                first = timex.when.calendar
                return first, timex.when.end or first
            continue
        if child.dep_ != "prep" or child.lower_ not in PERIOD_PREPS | RANGE_PREPS:
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        words = [t.lower_ for t in pobj.subtree]
        if pobj.lower_ in LONG_UNITS and any(w in ("past", "last", "previous") for w in words):
            return None, None  # "over the past 12 months": a period up to now
        ranged = child.lower_ in RANGE_PREPS
        timex = _timex_in(ctx, list(child.subtree if ranged else pobj.subtree))
        if timex is None or timex.when.precision not in PERIOD_PRECISIONS:
            continue
        if _DAY_WORDS.search(timex.span.text) or _dated_to_a_day(ctx, cue):
            continue  # "in the night of 3 May", "in March, on Tuesday": a day, an incident's
        if _in_one_incident(ctx, cue):
            return None  # "five soldiers were killed in an ambush in March"
        first = timex.when.calendar
        last = _range_end(ctx, timex) or timex
        return first, last.when.end or last.when.calendar or first
    return None


# Clause links whose words date another clause: "..., and Iran fired missiles in 2020",
# "the militia that was formed in 2019"; a time phrase counting from another moment ("a
# month after the clashes of May 2023") dates this act by that one, not as it.
OTHER_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "acl", "xcomp"})
COUNTING_PREPS = frozenset({"after", "before", "since", "until", "till"})
PAST_PRECISIONS = frozenset({"month", "season", "year", "decade"})
# A month this many months or more before the story's month is history, not news.
PAST_MONTHS = 6


def _past_period(ctx: DocContext, cue: Token) -> tuple[str | None, str | None] | None:
    """A toll dated by a month or longer that is long past or, in the present perfect,
    still running (see the module doc): (first, last) of that period. The date is looked
    for in the whole clause the cue tells: the cue's own verb, or the act a participle of
    consequence follows ("In June 2024, gunmen attacked a post, killing 20"), with its
    subject ("Clashes in August 2023 killed 55"); not in the clauses or counted-from
    phrases inside it, and not when the clause names a day (an incident of that day)."""
    if ctx.article.published is None or cue.pos_ not in ("VERB", "AUX"):
        return None
    verb = cue.head if cue.dep_ in ("advcl", "conj") and cue.tag_ == "VBG" else cue
    starts = _clause_starts(verb, cue)
    dated = [t for t in ctx.timexes if t.span.start in starts and t.when.value]
    if not dated or any(t.when.precision in ("day", "week") for t in dated):
        return None
    published = _month_number(ctx.article.published)
    running = _up_to_now_tense(cue) or _up_to_now_tense(verb)
    for timex in dated:
        if timex.when.precision not in PAST_PRECISIONS:
            continue
        first = timex.when.calendar
        last = timex.when.end or first
        end = _period_end(last, timex.when.precision)
        if published is None or end is None:
            continue
        if published - end >= PAST_MONTHS or (
            timex.when.precision in ("year", "decade") and end // 12 < published // 12
        ):
            return first, last  # "killed 60 in 2014", "killed 1,600 last year"
        start = _month_number(first or "")
        if running and start is not None and start <= published <= end:
            return first, last  # "have been killed this year": the period so far
    return None


def _clause_starts(verb: Token, cue: Token) -> set[int]:
    """Character offsets of the words of ``verb``'s own clause (see :func:`_past_period`):
    its subtree less the other clauses and counted-from phrases in it, except the one
    that holds the cue."""
    found: set[int] = set()
    todo = [verb]
    while todo:
        node = todo.pop()
        found.add(node.idx)
        for child in node.children:
            holds_cue = child.left_edge.i <= cue.i <= child.right_edge.i
            if not holds_cue and (
                child.dep_ in OTHER_CLAUSES
                or (child.dep_ == "prep" and child.lower_ in COUNTING_PREPS)
            ):
                continue
            todo.append(child)
    return found


def _month_number(value: str) -> int | None:
    """A date's month counted from year 0 ("2024-06" -> 24293), its first month for a year."""
    if len(value) < 4 or not value[:4].isdigit():
        return None
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1
    return int(value[:4]) * 12 + month - 1


def _period_end(value: str | None, precision: str | None) -> int | None:
    """The last month of a period given by its ISO partial date and precision."""
    first = _month_number(value or "")
    if first is None or value is None:
        return None
    if precision == "decade":
        return first + 119
    if precision == "year" or len(value) == 4:
        return first + 11
    return first + 2 if precision == "season" else first


def _range_end(ctx: DocContext, timex: Timex) -> Timex | None:
    """The far end of a period given by its two ends, "between November and January",
    "from May to July": the placed timex right after ``timex`` past one joining word, when
    a range word ("between", "from") comes just before ``timex``."""
    before = ctx.text[: timex.span.start].split()
    if not before or before[-1].lower() not in RANGE_PREPS:
        return None
    for other in ctx.timexes:
        if other.span.start > timex.span.end and other.when.value:
            gap = ctx.text[timex.span.end : other.span.start].strip().lower()
            return other if gap in RANGE_JOINS else None
    return None


def _up_to_now_tense(cue: Token) -> bool:
    """Whether the cue's clause is in the present perfect ("have been killed", "has
    displaced"): a tally up to now, where the simple past tells what happened."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in verb.children)


def _in_one_incident(ctx: DocContext, cue: Token) -> bool:
    """Whether the cue says the people died in one incident named by a singular event
    noun ("killed in an ambush in March", "wounded in the attack")."""
    onto = ctx.resources.ontology
    for child in _modifiers(cue):
        if child.dep_ == "prep" and child.lower_ in ("in", "during"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.tag_ == "NN" and onto.noun_type(pobj.lemma_.lower()):
                return True
    return False


def _dated_to_a_day(ctx: DocContext, cue: Token) -> bool:
    """Whether the cue's clause also gives a day ("killed in March 2023 on Tuesday")."""
    clause = {t.idx for t in cue.subtree}
    return any(t.span.start in clause and t.when.precision == "day" for t in ctx.timexes)


def _modifiers(cue: Token) -> list[Token]:
    """The cue's own modifiers, and those of the verb a toll noun or a participle hangs
    from ("the toll has risen to 400 since April", "400 people killed in March")."""
    found = list(cue.children)
    if cue.dep_ in ("nsubj", "nsubjpass", "acl", "amod") and cue.head.i != cue.i:
        found += [c for c in cue.head.children if c.i != cue.i]
    return found


# Verbs that report or estimate a figure told in their complement clause.
ESTIMATE_VERBS = frozenset({"estimate", "say", "believe", "report", "reckon", "calculate",
                            "count", "record"})  # fmt: skip


def _reporting_modifiers(cue: Token) -> list[Token]:
    """The modifiers of the verb of saying or estimating whose complement clause holds the
    cue ("Since 2021, officials estimate that 120 have died": "Since 2021"), through the
    clauses coordinated with the cue's ("..., and that 40,000 have fled")."""
    clause = cue
    for _ in range(4):
        if clause.dep_ != "conj" or clause.head.i == clause.i:
            break
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in ESTIMATE_VERBS:
        return []
    return [c for c in verb.children if c.i < verb.i and c.dep_ in ("prep", "advcl")]


def _subject(cue: Token) -> Token | None:
    """Who or what did it: the active subject, or the agent of a passive ("by the war");
    for a noun cue, the subject of the verb it completes ("the war caused 400 deaths",
    "the war resulted in the deaths of 1,206"); a relative pronoun stands for the noun its
    clause describes ("the war, which resulted in the deaths of ...")."""
    verb = cue
    if cue.pos_ == "NOUN" and cue.dep_ in ("dobj", "attr"):
        verb = cue.head
    elif cue.pos_ == "NOUN" and cue.dep_ == "pobj" and cue.head.dep_ == "prep":
        verb = cue.head.head
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ == "WDT" and verb.dep_ == "relcl":
                return _antecedent(verb.head)  # "the war, which resulted in ..."
            return _conflict_named_before(child) or child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _conflict_named_before(pronoun: Token) -> Token | None:
    """The conflict "it" stands for when the sentence before has a conflict as its
    subject: "The war began in 2019. It has killed thousands" (the war did the killing)."""
    if pronoun.lower_ != "it" or pronoun.sent.start == 0:
        return None
    before = pronoun.doc[pronoun.sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and _conflict_word(subject) == "conflict" else None


def _antecedent(noun: Token) -> Token:
    """What a relative clause hanging from ``noun`` is about: the noun, or, after a date,
    the subject of the clause the date belongs to ("the war began on 7 October, which
    resulted in ...": the beginning of the war, said of the war)."""
    if noun.ent_type_ not in ("DATE", "TIME"):
        return noun
    node = noun
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return next((c for c in node.children if c.dep_ == "nsubj"), noun)


def _conflict_word(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    compound = next((c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")),
                    "")  # fmt: skip
    if f"{compound} {lemma}" in CONFLICT_NOUNS or lemma in CONFLICT_NOUNS:
        return "conflict"
    return "violence" if lemma in VIOLENCE_NOUNS else None


def _present_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve")
               for c in verb.children)  # fmt: skip


def _by_the_conflict(cue: Token) -> bool:
    """ "the war has killed", "killed by the conflict", "killed in the war", "fighting has
    displaced": the conflict, not an incident, did it."""
    subject = _subject(cue)
    if subject is not None:
        word = _conflict_word(subject)
        if word == "conflict" or (word == "violence" and _present_perfect(cue)):
            return True
    for child in _modifiers(cue):
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "throughout"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _conflict_word(pobj) == "conflict":
                return True
    return False


def _conflict_toll(cue: Token) -> bool:
    """A toll of the whole conflict: "the war's death toll has risen to", "the death toll
    of the conflict stands at", "the overall toll reached"."""
    toll = _subject(cue) if cue.pos_ in ("VERB", "AUX") else cue
    if toll is None or toll.lemma_.lower() not in TOLL_NOUNS:
        return False
    for child in toll.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in OVERALL_WORDS:
            return True
        if child.dep_ == "poss" and _conflict_word(child) == "conflict":
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _conflict_word(pobj) == "conflict":
                return True
    return False


def _actor(ctx: DocContext, cue: Token) -> Span | None:
    """The actor mention that did it, in the subject or passive agent: "the RSF has
    killed", "Israeli strikes have killed" (not the conflict or a place)."""
    subject = _subject(cue)
    if subject is None or _conflict_word(subject):
        return None
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    places = {(p.span.start, p.span.end) for p in ctx.places if not p.is_actor}
    for mention in ctx.mentions:
        inside = start <= mention.span.start and mention.span.end <= end
        if inside and (mention.span.start, mention.span.end) not in places:
            return mention.span
    return None


def _place(ctx: DocContext, cue: Token) -> PlaceMention | None:
    """The place the total covers, named in the cue's clause: "in Darfur", "the war in
    Sudan has killed"."""
    clause = {t.idx for t in cue.subtree}
    if cue.dep_ in ("nsubj", "nsubjpass", "acl", "amod"):
        clause |= {t.idx for t in cue.head.subtree}
    for mention in ctx.places:
        if mention.place is not None and not mention.is_actor and mention.span.start in clause:
            return mention
    return None
