"""Candidates for an event's doer, and the features the learned chooser scores them by.

For one event mention, every actor mention of its sentence is a candidate, and so is the
subject of the sentence before (flagged ``previous``): a story often names the doer in
one sentence and tells the act in the next ("The Front rejected the truce. Hours later
its fighters shelled the port"). So is every actor mention of the next
:data:`LATER_REACH` sentences (flagged ``later``): a lead often tells the act with no
doer and names it after ("A bomb tore through a bus on Friday. Police blamed the Hill
Front"). The event's own target is no candidate.

Features come from the parse alone, never from particular names: how the candidate hangs
on the trigger (the dependency path class, :data:`PATH_CLASSES`), distance and side, a
reporting verb or a quotation mark between them, the candidate's entity label, whether it
is a pronoun or a lower-case group noun, whether it says the sentence, whether the rules
chose it, the trigger's family and part of speech, and how many candidates there are;
and, aimed at the chooser's three frequent errors on real articles, whether it is the
one telling (a reporting verb's subject, "according to X"), a patient of another verb
(a victim's or bystander's role), how many clauses lie between it and the trigger, and
whether it stands in the trigger's own clause. :data:`FEATURES` names them all, in the
order of :func:`vector`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.docview import DocView
from eventwire.extract.eventlinks import SAYING_VERBS
from eventwire.model import EventMention, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.actorspans import MentionIndex

# How a candidate hangs on the trigger, first that applies (see :func:`path_class`).
PATH_CLASSES = (
    "subject",  # "X shelled": subject of the trigger's verb
    "agent",  # "was shelled by X", "an attack by X": the passive's or the noun's "by"
    "possessor",  # "X's offensive"
    "modifier",  # "X shelling", "the X-led raid": compound or adjective on the trigger
    "apposition",  # the trigger noun in apposition with the candidate, or the reverse
    "relative",  # "X, which shelled the port": the relative clause's antecedent
    "governor_subject",  # "X said it would attack", "X vowed to attack": a governing verb's
    "conjunct_subject",  # "X crossed the river and attacked": a conjoined verb's subject
    "object",  # "shelled X": the trigger's object (usually its target)
    "of_from",  # "an attack of X", "fire from X"
    "other_prep",  # any other preposition on the trigger ("against X", "on X")
    "in_relative",  # inside a relative clause the trigger is not in
    "other",  # anywhere else in the sentence
)
LABELS = ("PERSON", "ORG", "NORP", "GPE_LOC")  # else: another or no entity label
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "him", "her", "them", "us", "its",
                      "their", "his", "our"})  # fmt: skip
# Verbs whose subject or object names who did an act told elsewhere: "X claimed (the
# attack)", "police blamed X", "X was suspected", "officials accused X".
BLAME_VERBS = frozenset({"claim", "blame", "accuse", "suspect", "attribute", "hold",
                         "say", "admit", "deny"})  # fmt: skip
# Verbs that report speech or a finding: their subject (and "according to X") is the
# one telling the story, seldom the one who did the act told.
REPORTING_VERBS = frozenset({"say", "state", "announce", "claim", "add", "declare", "tell",
                             "report", "confirm", "deny", "warn", "insist", "note", "quote",
                             "describe", "accord", "allege", "cite", "show", "write"})  # fmt: skip
# Roles of a patient (the one something is done to): a verb's object, a passive subject.
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
LATER_REACH = 3
QUOTES = frozenset({'"', "“", "”", "''", "``"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})

FEATURES: tuple[str, ...] = (
    "bias",
    *(f"path_{p}" for p in PATH_CLASSES),
    "tree_distance",
    "token_distance",
    "before_trigger",
    "saying_between",
    "quote_between",
    *(f"label_{lab}" for lab in LABELS),
    "pronoun",
    "lowercase_group",
    "speaker",
    "rule_chose",
    "previous",
    "later",
    "sentences_away",
    "blame_verb",
    "subject_of_sentence",
    "armed_or_state",
    "doer_elsewhere",
    "target_elsewhere",
    "violent",
    "trigger_is_noun",
    "candidates",
    "reporter",
    "patient_elsewhere",
    "clauses_away",
    "in_trigger_clause",
)


@dataclass(frozen=True)
class OtherRoles:
    """Who the rules made doers and targets of the document's events, by mention span
    and by document-local group: one named as the doer of another act is likelier the
    doer of this one than one named as a victim."""

    doers: frozenset[Span] = frozenset()
    targets: frozenset[Span] = frozenset()
    doer_groups: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()

    @classmethod
    def of(cls, events: Sequence[EventMention], index: MentionIndex) -> OtherRoles:
        def groups(spans: set[Span]) -> frozenset[str]:
            found = (index.mention(s) for s in spans)
            return frozenset(m.group for m in found if m is not None and m.group)

        doers = {e.source for e in events if e.source is not None}
        targets = {e.target for e in events if e.target is not None}
        return cls(frozenset(doers), frozenset(targets), groups(doers), groups(targets))


@dataclass(frozen=True)
class Candidate:
    """One actor mention that may be an event's doer, with its named features."""

    span: Span
    features: dict[str, float]


def head_of(view: DocView, span: Span) -> Token | None:
    """The syntactic head of a mention's tokens: the one whose head lies outside them."""
    words = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return None
    return words.root


def path_class(trigger: Token, cand: Token) -> str:
    """How ``cand`` hangs on ``trigger`` (one of :data:`PATH_CLASSES`)."""
    dep, head = cand.dep_, cand.head
    if head.i == trigger.i:
        if dep in SUBJECT_DEPS:
            return "subject"
        if dep == "poss":
            return "possessor"
        if dep in ("compound", "amod", "nmod"):
            return "modifier"
        if dep == "appos":
            return "apposition"
        if dep in ("dobj", "nsubjpass", "attr", "dative"):
            return "object"
    if dep == "pobj" and head.dep_ in ("prep", "agent") and head.head.i == trigger.i:
        word = head.lower_
        if word == "by":
            return "agent"
        return "of_from" if word in ("of", "from") else "other_prep"
    if trigger.dep_ == "appos" and trigger.head.i == cand.i:
        return "apposition"
    if trigger.dep_ == "relcl" and trigger.head.i == cand.i:
        return "relative"
    if dep in SUBJECT_DEPS and _conjoined(trigger, head):
        return "conjunct_subject"  # before a governor: a conjunct hangs on the first verb
    if dep in SUBJECT_DEPS and head.i in {a.i for a in trigger.ancestors}:
        return "governor_subject"
    if any(a.dep_ == "relcl" for a in _up_to(cand, trigger)):
        return "in_relative"
    return "other"


def _conjoined(a: Token, b: Token) -> bool:
    """Verbs in one chain of coordination ("crossed ... and attacked")."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i) or (
        a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i)  # fmt: skip


def _up_to(tok: Token, other: Token) -> list[Token]:
    """``tok`` and its ancestors below the lowest one that also governs ``other``."""
    over = {other.i, *(a.i for a in other.ancestors)}
    out = [tok]
    for a in tok.ancestors:
        if a.i in over:
            break
        out.append(a)
    return out


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence through their lowest common ancestor."""
    up_a = [a.i, *(t.i for t in a.ancestors)]
    up_b = [b.i, *(t.i for t in b.ancestors)]
    common = next((i for i in up_a if i in set(up_b)), None)
    if common is None:
        return 12
    return up_a.index(common) + up_b.index(common)


def _saying_between(view: DocView, lo: int, hi: int) -> bool:
    return any(view.doc[i].lemma_.lower() in SAYING_VERBS and view.doc[i].pos_ == "VERB"
               for i in range(lo + 1, hi))  # fmt: skip


def _speaker(tok: Token) -> bool:
    """The subject of a reporting verb: "X said", "according to X" is not read here."""
    return tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in SAYING_VERBS


def _reporter(tok: Token) -> bool:
    """The one telling, in any clause: the subject of a reporting verb ("X said",
    "X told reporters") or the object of "according to X"."""
    if tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in REPORTING_VERBS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _patient_elsewhere(trigger: Token, tok: Token) -> bool:
    """The candidate is a patient (object, passive subject, object of "against") of a
    verb other than the trigger: "gunmen shot at the convoy that carried X" -- a victim's
    or a bystander's role, not a doer's."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("against", "on", "at") and head.head.i != trigger.i:
        return True
    return tok.dep_ in PATIENT_DEPS and head.i != trigger.i and head.pos_ in ("VERB", "AUX")


def clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` stands in (itself when a verb; the root when
    no verb governs it)."""
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return tok


def clauses_away(a: Token, b: Token) -> int:
    """Clause heads crossed on the tree path between two tokens of one sentence (0: the
    same clause)."""
    ha, hb = clause_head(a), clause_head(b)
    if ha.i == hb.i:
        return 0
    up_a = [t for t in (ha, *ha.ancestors)]
    up_b = [t for t in (hb, *hb.ancestors)]
    ids_b = [t.i for t in up_b]
    common = next((t for t in up_a if t.i in ids_b), None)
    if common is None:
        return 4
    path = up_a[: up_a.index(common)] + up_b[: ids_b.index(common.i)]
    return min(sum(t.pos_ in ("VERB", "AUX") for t in path), 4)


def _label(m: Mention) -> str | None:
    if m.label in ("GPE", "LOC", "FAC"):
        return "GPE_LOC"
    return m.label if m.label in LABELS else None


def previous_subjects(view: DocView, trigger: Token, index: MentionIndex) -> list[Mention]:
    """The actor mentions of the previous sentence's main subject and its conjuncts."""
    no = view.sent_no(trigger)
    if no == 0:
        return []
    root = view.sents[no - 1].root
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        return []
    out = []
    for tok in (subj, *subj.conjuncts):
        if (m := index.covering(tok)) is not None:
            out.append(m)
    return out


def _blame_verb(tok: Token) -> bool:
    """The candidate is a role of a verb of claiming or blaming: its subject or object,
    or the object of its preposition ("blamed on X")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in BLAME_VERBS


def _later(view: DocView, trigger: Token, index: MentionIndex) -> list[Mention]:
    """The actor mentions of the next :data:`LATER_REACH` sentences."""
    no = view.sent_no(trigger)
    last = min(no + LATER_REACH, len(view.sents) - 1)
    if last <= no:
        return []
    lo, hi = view.sents[no + 1].start_char, view.sents[last].end_char
    return [m for m in index.all() if lo <= m.span.start < hi]


def candidates(
    view: DocView,
    index: MentionIndex,
    event: EventMention,
    trigger: Token,
    violent: bool,
    kind_of: Callable[[Mention], str | None] | None = None,
    roles: OtherRoles | None = None,
) -> list[Candidate]:
    """The candidates for ``event``'s doer, each with its features (see the module doc);
    ``kind_of`` tells an armed group or a state's forces (``armed``, ``state``), ``roles``
    who the document's other events name."""
    roles = roles or OtherRoles()
    sent = view.sent(trigger)
    here = [m for m in index.all() if sent.start_char <= m.span.start < sent.end_char]
    before = [m for m in previous_subjects(view, trigger, index) if m not in here]
    after = _later(view, trigger, index)
    found: list[tuple[Mention, Token, int]] = []
    placed = [*((m, 0) for m in here), *((m, -1) for m in before), *((m, 1) for m in after)]
    for m, where in placed:
        if event.target is not None and m.span == event.target:
            continue
        if m.span.start <= trigger.idx < m.span.end:
            continue  # the trigger's own words ("protesters" as an agent noun)
        if (tok := head_of(view, m.span)) is not None:
            found.append((m, tok, where))
    n = len(found)
    out = []
    for m, tok, where in found:
        prev = where != 0
        f = dict.fromkeys(FEATURES, 0.0)
        f["bias"] = 1.0
        path = "other" if prev else path_class(trigger, tok)
        f[f"path_{path}"] = 1.0
        f["tree_distance"] = 0.0 if prev else min(tree_distance(trigger, tok), 12) / 6
        lo, hi = sorted((trigger.i, tok.i))
        f["token_distance"] = 0.0 if prev else math.log1p(hi - lo) / 3
        f["before_trigger"] = float(tok.i < trigger.i)
        if not prev:
            f["saying_between"] = float(_saying_between(view, lo, hi))
            f["quote_between"] = float(any(view.doc[i].text in QUOTES for i in range(lo + 1, hi)))
        if (lab := _label(m)) is not None:
            f[f"label_{lab}"] = 1.0
        f["pronoun"] = float(m.span.text.lower() in PRONOUNS)
        f["lowercase_group"] = float(m.span.text[:1].islower() and not f["pronoun"])
        f["speaker"] = float(_speaker(tok))
        f["rule_chose"] = float(event.source is not None and event.source == m.span)
        f["previous"] = float(where < 0)
        f["later"] = float(where > 0)
        f["sentences_away"] = abs(view.sent_no(tok) - view.sent_no(trigger)) / LATER_REACH
        f["blame_verb"] = float(_blame_verb(tok))
        f["subject_of_sentence"] = float(tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ROOT")
        f["armed_or_state"] = float(kind_of is not None and kind_of(m) in ("armed", "state"))
        f["doer_elsewhere"] = float(m.span in roles.doers or m.group in roles.doer_groups)
        f["target_elsewhere"] = float(m.span in roles.targets or m.group in roles.target_groups)
        f["violent"] = float(violent)
        f["trigger_is_noun"] = float(trigger.pos_ in ("NOUN", "PROPN"))
        f["candidates"] = math.log1p(n) / 2
        f["reporter"] = float(_reporter(tok))
        f["patient_elsewhere"] = float(_patient_elsewhere(trigger, tok))
        if not prev:
            f["clauses_away"] = clauses_away(trigger, tok) / 2
            f["in_trigger_clause"] = float(clause_head(trigger).i == clause_head(tok).i)
        out.append(Candidate(m.span, f))
    return out


def vector(c: Candidate) -> list[float]:
    """The candidate's features in the order of :data:`FEATURES`."""
    return [c.features[name] for name in FEATURES]
