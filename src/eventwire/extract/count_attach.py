"""Counts given to the events they are counts of.

:func:`attach_counts` gives the counts of a sentence to its violent events whose clause
governs them (:func:`governing_acts`: "Jets struck a camp, and an air strike on the
market killed 12" gives the 12 to the strike, not to "struck"), summing different
victims of one kind and act in one sentence ("6 were killed by fire and 3 by mines" =
9); a sentence with counts and no violent event gives them to the violent events of the
sentence just before it ("Militants stormed the village. Two farmers died."); further
away, a count is as likely to belong to another event, so it stays a document count
only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.timex_anchors import clause_verb
from eventwire.model import Count, EventMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REACH_BACK = 1  # sentences a count may look back for the violent event it belongs to
# Qualifier of an event told as background to the article, which takes no toll: "The war
# between X and Y began in 2019" (extract.totals.conflict_onset).
BACKGROUND = "background"


def _counted(event: EventMention, counted_types: frozenset[str]) -> bool:
    """Whether ``event`` is an act that takes tolls: violent, and no background."""
    return event.type in counted_types and BACKGROUND not in event.qualifiers


def sentence_totals(
    counts: Sequence[Count], governs: Callable[[Count], frozenset[int]] | None = None
) -> tuple[Count, ...]:
    """One count per sentence, kind and act: different victims of one act add up; the
    tolls of two acts of one sentence ("an air strike killed five in the market and
    shelling killed three at the port") stay apart when ``governs`` tells their acts. A
    toll stated as reached (``Count.update == "total"``) is its sentence's figure of its
    kind, never added to the victims it counts ("two more died, raising the toll to 14"),
    and one toll stated twice keeps its larger figure."""
    # a running toll stated as reached is the figure of its kind in its sentence: "five
    # more bodies were found, bringing the toll to 30" is 30, not 35
    totals = {(c.evidence.char_start, c.kind) for c in counts if c.update == "total"}
    counts = [c for c in counts
              if c.update == "total" or (c.evidence.char_start, c.kind) not in totals]  # fmt: skip
    groups: dict[tuple[int, str, frozenset[int]], list[Count]] = {}
    for c in counts:
        acts = governs(c) if governs is not None else frozenset()
        groups.setdefault((c.evidence.char_start, c.kind, acts), []).append(c)
    out = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        if first.update == "total":
            # one toll stated twice ("a fifth officer died, taking the toll to five"):
            # the same figure, not two groups of victims
            out.append(max(group, key=lambda c: c.value))
            continue
        qualifier = next((c.qualifier for c in group if c.qualifier), None)
        text = " + ".join(c.text for c in group)
        out.append(replace(first, value=sum(c.value for c in group), qualifier=qualifier,
                           text=text, span=None))  # fmt: skip
    return tuple(out)


def attach_counts(
    events: Sequence[EventMention],
    counts: Sequence[Count],
    sentence_starts: Sequence[int],
    counted_types: frozenset[str],
    governs: Callable[[Count], frozenset[int]] | None = None,
) -> list[EventMention]:
    """Events with the counts of their sentence. A count goes to the acts whose clause
    governs it when ``governs`` names some of the sentence's violent events (by trigger
    start; see :func:`governing_acts`), else to all of them. Counts of a sentence without
    a violent event go to the violent events up to :data:`REACH_BACK` sentences before
    it; a later sentence restating a toll keeps the larger figure."""
    order = {start: n for n, start in enumerate(sorted(sentence_starts))}
    totals: dict[int, tuple[Count, ...]] = {}
    for c in sentence_totals(counts, governs):
        n = order.get(c.evidence.char_start, -1)
        totals[n] = (*totals.get(n, ()), c)
    violent = sorted(
        {order.get(e.evidence.char_start, -1) for e in events if _counted(e, counted_types)}
    )
    given: dict[int, list[Count]] = {n: list(totals.get(n, ())) for n in violent}
    acts_of = _acts_in_sentences(events, order, counted_types)
    for n, found in sorted(totals.items()):
        if n in given or n < 0:
            continue
        near = [v for v in violent if n - REACH_BACK <= v < n]
        if not near:
            continue
        host = given[near[-1]]
        for c in found:
            same = next((g for g in host if g.kind == c.kind), None)
            if same is None or same.value < c.value:
                host[:] = [g for g in host if g.kind != c.kind] + [c]
    out = []
    for e in events:
        if not _counted(e, counted_types):
            out.append(e)
            continue
        n = order.get(e.evidence.char_start, -1)
        mine = [c for c in given[n] if _governed_by(c, e, acts_of.get(n, set()), governs)]
        out.append(replace(e, counts=tuple(mine)))
    return out


def _acts_in_sentences(
    events: Sequence[EventMention], order: dict[int, int], counted_types: frozenset[str]
) -> dict[int, set[int]]:
    """Trigger starts of the violent events of each sentence (by sentence number)."""
    acts: dict[int, set[int]] = {}
    for e in events:
        if _counted(e, counted_types):
            acts.setdefault(order.get(e.evidence.char_start, -1), set()).add(e.trigger.start)
    return acts


def _governed_by(
    count: Count,
    event: EventMention,
    acts: set[int],
    governs: Callable[[Count], frozenset[int]] | None,
) -> bool:
    """Whether ``event`` takes ``count``: its clause governs the count, or no violent act
    of the count's sentence does (then every one of them takes it), or the count comes
    from another sentence."""
    if governs is None or count.evidence.char_start != event.evidence.char_start:
        return True
    named = governs(count) & acts
    return not named or event.trigger.start in named


def governing_acts(doc: Doc, triggers: AbstractSet[int]) -> Callable[[Count], frozenset[int]]:
    """For a count, the trigger starts (among ``triggers``) of the acts in the clause that
    governs it: the first clause above the counted noun, with what it embeds ("were
    killed when gunmen attacked a village"), but not a clause coordinated with its own
    subject ("Jets struck a camp, and an air strike on the market killed 12": the strike,
    not "struck"), nor the clause that embeds it ("the raid comes ten days after jets
    bombed a school, killing 14": the bombing, not "the raid"). A participle of
    consequence (", killing 14"), a verb sharing the subject of the one before ("shells
    killed five and injured three") and a relative clause ("the raid, which killed 4")
    speak for the act they hang on; a relative clause on an act noun speaks for that act
    alone ("the attack, which killed nine, followed a bombing that left 20 dead"; "a raid
    on a village in which 17 died" too), and an
    adverbial clause of another time or of contrast tells another act ("killed two a day
    after a bomb wounded five", "..., while shelling wounded six"). Empty when the clause
    holds no act."""
    tokens: dict[int, Token] = {}
    for start in triggers:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None:
            tokens[start] = span[0]

    acts = {tok.i for tok in tokens.values()}

    def governs(count: Count) -> frozenset[int]:
        if count.span is None or not tokens:
            return frozenset()
        span = doc.char_span(count.span.start, count.span.end, alignment_mode="expand")
        if span is None:
            return frozenset()
        clause = clause_verb(span.root)
        described: set[int] = set()
        for _ in range(6):
            consequence = (clause.tag_ == "VBG" and clause.dep_ in ("advcl", "conj", "xcomp")
                           and not _other_act(clause))  # fmt: skip
            shared = clause.dep_ == "conj" and not _has_subject(clause)  # "killed 5 and hurt 3"
            relative = clause.dep_ in ("relcl", "acl")
            owner = _act_phrase_of(clause.head, acts) if relative else None
            if owner is not None and (owner == clause.head.i or not time_clause(clause)):
                # "the attack, which killed nine, followed a bombing": the act the clause
                # describes, not the whole sentence it sits in; a time clause on a date in
                # an act's phrase ("the worst attack since July, when a bomb killed seven")
                # tells that earlier act, below
                described.add(owner)
                break
            if relative and time_clause(clause):
                break  # "the worst since March, when a bomb killed nine": that act's toll
            up = consequence or shared or relative
            if not up or clause.head.i == clause.i:
                break
            clause = clause_verb(clause.head)
        inside = _own_clause(clause) | described
        return frozenset(start for start, tok in tokens.items() if tok.i in inside)

    return governs


def _act_phrase_of(noun: Token, acts: AbstractSet[int]) -> int | None:
    """The act noun whose phrase holds ``noun``: the noun itself ("the attack, which killed
    nine") or one above it through prepositions ("a raid on a village in which 17 died":
    the village is the raid's, and so are its dead), up to the first verb."""
    node = noun
    for _ in range(4):
        if node.i in acts:
            return node.i
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return None
        if node.dep_ not in ("pobj", "prep"):
            return None
        node = node.head
    return None


# Markers of an adverbial clause telling another act, at another time or by contrast:
# "killed two soldiers a day after a bomb wounded five", "..., while shelling wounded six".
# "when" and "as" tell the same moment ("were killed when gunmen attacked").
OTHER_ACT_MARKERS = frozenset({"after", "before", "since", "until", "while", "whereas",
                               "although", "though"})  # fmt: skip


def _own_clause(verb: Token) -> set[int]:
    """Token indices of ``verb``'s subtree without the clauses coordinated with it that
    have a subject of their own ("..., and shelling killed three"), nor the adverbial
    clauses that tell another act (:data:`OTHER_ACT_MARKERS`: "a day after a bomb wounded
    five"; the parse may leave such a clause without its subject: "while shelling
    wounded six")."""
    found: set[int] = set()
    stack = [verb]
    while stack:
        node = stack.pop()
        found.add(node.i)
        for child in node.children:
            if child.pos_ in ("VERB", "AUX") and (
                (child.dep_ == "conj" and _has_subject(child))
                or (child.dep_ == "advcl" and _other_act(child))
            ):
                continue
            stack.append(child)
    return found


def time_clause(clause: Token) -> bool:
    """A relative clause of time ("March, when a bomb killed nine") tells an act of its
    own moment, not the one of the clause it sits in."""
    return any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children)


def _other_act(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in OTHER_ACT_MARKERS for c in clause.children)


def _has_subject(verb: Token) -> bool:
    """Whether ``verb`` has a subject that did something, not the people counted ("and 15
    wounded", "and two soldiers were hurt" go on telling the same act's victims)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and not (c.like_num or any(g.dep_ == "nummod" for g in c.children))
        for c in verb.children
    )


FOLLOW_UP_REACH = 3  # sentences back a follow-up line may continue an act's toll
# Words of a report that goes on with what it told: "..., it added", "X also said".
ADDING_VERBS = frozenset({"add"})
CONTINUING_ADVERBS = frozenset({"also", "further"})
# Verbs that tell only what befell the victims: a follow-up line made of these restates a
# toll; any other act ("in a separate attack") is an act of its own.
VICTIM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "die", "maim", "capture"})


def follow_up_line(sent: Iterable[Token], speech_verbs: AbstractSet[str]) -> bool:
    """Whether a sentence goes on with a report already told: a reporting verb of adding
    ("Two guards were hurt, it added", "the statement added that two guards were
    missing"), a reporting verb with "also" ("the ministry also said two children died"),
    or victims counted as others ("At least 30 others were injured")."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in ADDING_VERBS and tok.dep_ in ("ROOT", "parataxis"):
            return True
        if (
            tok.pos_ == "VERB"
            and lemma in speech_verbs
            and any(c.dep_ == "advmod" and c.lower_ in CONTINUING_ADVERBS for c in tok.children)
        ):
            return True
        if tok.lower_ == "others" and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
    return False


def fold_follow_ups(
    events: Sequence[EventMention],
    follow_ups: AbstractSet[int],
    sentence_starts: Sequence[int],
    counted_types: frozenset[str],
    toll_lines: AbstractSet[int] = frozenset(),
) -> list[EventMention]:
    """A follow-up line's own violent events, named by no doer ("Two guards were
    hurt, it added"), continue the act whose toll the text told last, within
    :data:`FOLLOW_UP_REACH` sentences: their counts join that act's events (a kind the act
    already has keeps the larger figure) and they are no event of their own. ``follow_ups``
    are the start characters of the follow-up lines (:func:`follow_up_line`).

    A toll line (``toll_lines``: a later sentence telling only victims, with no mark of a
    follow-up: "The shelling hit the market on Monday. Eleven people died, medics said.")
    is the toll of the act told last, within the same reach, when that act has no figure
    of the line's kinds yet: no other act comes between them, so the toll can only be that
    act's. A figure the act already has is a different group of victims, and the line
    stays an event of its own."""
    order = {start: n for n, start in enumerate(sorted(sentence_starts))}
    by_sentence: dict[int, list[int]] = {}
    for i, e in enumerate(events):
        if _counted(e, counted_types):
            by_sentence.setdefault(order.get(e.evidence.char_start, -1), []).append(i)
    out = list(events)
    dropped: set[int] = set()
    for start in sorted({*follow_ups, *toll_lines}):
        n = order.get(start, -1)
        mine = by_sentence.get(n, [])
        carried = _doers_before(out, by_sentence, n)
        if not mine or any(
            (out[i].source is not None and out[i].source not in carried)
            or out[i].lemma not in VICTIM_VERBS
            for i in mine
        ):
            continue  # a doer or an act named: an act of its own
        counts = {c.kind: c for i in mine for c in out[i].counts}
        if not counts:
            continue
        if start not in follow_ups:
            if _toll_of_last_act(out, by_sentence, dropped, n, counts):
                dropped.update(mine)
            continue
        host = next((by_sentence[m] for m in range(n - 1, n - 1 - FOLLOW_UP_REACH, -1)
                     if any(out[i].counts for i in by_sentence.get(m, ()) if i not in dropped)),
                    None)  # fmt: skip
        if host is None:
            continue
        for i in host:
            if i in dropped or not out[i].counts:
                continue
            have = {c.kind: c for c in out[i].counts}
            for kind, c in counts.items():
                if kind not in have or have[kind].value < c.value:
                    have[kind] = c
            out[i] = replace(out[i], counts=tuple(have.values()))
        dropped.update(mine)
    return [e for i, e in enumerate(out) if i not in dropped]


def _doers_before(out: list[EventMention], by_sentence: dict[int, list[int]], n: int) -> set[Span]:
    """The doers of the acts of the :data:`FOLLOW_UP_REACH` sentences before sentence
    ``n``: a victims' line whose doer is one of these was given it from there (a blame or
    claim naming the doer of every act told before: "Four guards died ... A fifth was
    hurt. The governor blamed X"), so the line still names no doer of
    its own."""
    doers = (out[i].source for m in range(n - FOLLOW_UP_REACH, n) for i in by_sentence.get(m, ()))
    return {doer for doer in doers if doer is not None}


def _toll_of_last_act(
    out: list[EventMention],
    by_sentence: dict[int, list[int]],
    dropped: set[int],
    n: int,
    counts: dict[str, Count],
) -> bool:
    """Give a toll line's ``counts`` (sentence ``n``) to the acts of the nearest earlier
    sentence with a violent event, within :data:`FOLLOW_UP_REACH`, when none of them has
    a figure of those kinds; whether they took it."""
    host = next((kept for m in range(n - 1, n - 1 - FOLLOW_UP_REACH, -1)
                 if (kept := [i for i in by_sentence.get(m, ()) if i not in dropped])),
                None)  # fmt: skip
    if host is None or any(c.kind in counts for i in host for c in out[i].counts):
        return False
    if all(out[i].source is None and out[i].lemma in VICTIM_VERBS for i in host):
        return False  # victims told after victims: no act to give them to
    for i in host:
        out[i] = replace(out[i], counts=(*out[i].counts, *counts.values()))
    return True
