"""Antecedents of third-person pronouns, by salience.

A pronoun looks back over its own sentence (before it) and the two sentences
before that. Each earlier mention it can stand for scores by its grammatical role
(subject over object over anything else over a possessor or a name nested in
another phrase), loses a point per sentence of distance, and gains half a point
when it is a subject like the pronoun. Ties go to the person (or group) the
document mentions most, then to the nearer one. "he/she" go to persons only;
"they/them/their" and "its" to organisations, groups, peoples and countries, never
to persons ("it" only as the subject of what one of them says: "Syria said it
would withdraw", "X rejects the charge and says it ...", "a group that says it ...", "X said
it had not fired and that it ...", never a plural speaker; or opening a sentence of saying:
"It added that ..."), and a plain plural noun ("the villagers") or singular one ("the
government") competes with them, so "they" is not forced onto an earlier name.
Pronouns are resolved in document order and a resolved one counts as a mention of
its antecedent, so "He ... He ..." chains. A name inside a direct quote is no
antecedent for a pronoun outside it, and an object pronoun is never its own
clause's subject ("Haftar praised him"). A phrase is not its own pronoun's antecedent
("dozens of them"), but a name is that of a pronoun in a conjunct beside it ("the army and
its allies").

Definite descriptions of an actor ("the group", "the rebels", "the army") are mentions of
the actor they stand for, made by the mention pass (:mod:`eventwire.extract.descriptions`);
here they compete for "they" as that actor, and a plural one ("the rebels"), like a plural
unnamed group ("women", "the soldiers"), is never the antecedent of a singular "its". A
place an actor holds, owned by a pronoun ("attacked its positions"), stands for the actor
the pronoun stands for (:func:`held_by`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.clausechain import RELATIVE_PRONOUNS
from eventwire.extract.docview import DocView
from eventwire.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
OWNER_PRONOUNS = frozenset({"its"})
# Bare "it" is too often nobody ("it is likely"); it is resolved only as the subject
# of what an organisation or country says ("Syria said it would withdraw").
ANAPHORS = PERSON_PRONOUNS | GROUP_PRONOUNS | OWNER_PRONOUNS | {"it"}
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})

PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE", "GROUP"})
OWNER_LABELS = frozenset({"ORG", "GPE", "GROUP"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "attr", "oprd"})
ROLE_DEPS = SUBJECT_DEPS | OBJECT_DEPS
NESTED_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
SUBJECT, OBJECT, OTHER, NESTED = 3.0, 2.0, 1.5, 1.0
SENTENCE_COST = 1.0
PARALLEL_BONUS = 0.5
WINDOW = 2  # sentences before the pronoun's own

QUOTED = re.compile(r'"[^"]+"|“[^”]+”')


@dataclass(frozen=True)
class _Cand:
    token: int  # head token of the mention, or the pronoun standing for it
    sent: int
    weight: float
    subject: bool
    mention: Mention | None  # None: a common noun, its own antecedent
    key: str  # whom it refers to, for counting mentions
    noun: int = -1  # the common noun, when there is no mention
    plural: bool = False  # a plural description standing for a name ("the rebels")


def role_weight(token: Token) -> tuple[float, bool]:
    """(salience of the role ``token`` fills, whether it is a subject)."""
    tok = token
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        tok = tok.head  # "the general, Haftar," and "Haftar and Serraj" share the role
    dep = tok.dep_
    if dep in SUBJECT_DEPS:
        return SUBJECT, True
    if dep == "pobj" and tok.head.dep_ == "agent":
        # the agent of a passive clause, but not of a participle inside a noun
        # phrase ("the government led by X")
        clause = tok.head.head.dep_ not in ("acl", "relcl", "amod")
        return (SUBJECT, True) if clause else (NESTED, False)
    if dep in OBJECT_DEPS:
        return OBJECT, False
    if dep == "pobj":
        # object of a verb's preposition, or a name nested in a noun phrase
        return (OBJECT, False) if tok.head.head.pos_ in ("VERB", "AUX") else (NESTED, False)
    if dep in NESTED_DEPS:
        return NESTED, False
    return OTHER, False


def resolve_pronouns(view: DocView, mentions: list[Mention]) -> dict[int, Mention | int]:
    """Token index of each resolved pronoun -> its mention, or the index of a common noun."""
    doc, sent_of = view.doc, view.sent_index
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(view.text)]
    quote_starts = [a for a, _ in quotes]  # in text order, none overlapping

    def quoted(idx: int) -> bool:
        k = bisect_right(quote_starts, idx) - 1
        return k >= 0 and idx < quotes[k][1]

    people: list[_Cand] = []
    groups: list[_Cand] = []
    for m in mentions:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        head = span.root
        weight, subject = role_weight(head)
        # "the rebels" standing for a named group, or unnamed "women": people, never a
        # singular "its"
        plural = head.tag_ == "NNS" and m.span.text.islower()
        cand = _Cand(head.i, sent_of[head.i], weight, subject, m, m.group or m.span.text,
                     plural=plural)  # fmt: skip
        if m.label in PERSON_LABELS:
            people.append(cand)
        elif m.label in GROUP_LABELS:
            groups.append(cand)
    covered = {i for c in (*people, *groups) for i in _span_tokens(doc, c.mention)}
    for tok in view.tokens:
        # plain nouns in a role compete with named groups for "they" and "its"
        if tok.pos_ == "NOUN" and tok.i not in covered and tok.dep_ in ROLE_DEPS:
            weight, subject = role_weight(tok)
            groups.append(
                _Cand(tok.i, sent_of[tok.i], weight, subject, None, f"noun:{tok.i}", tok.i)
            )
    counts = Counter(c.key for c in (*people, *groups))
    # each pool by sentence, as a pronoun weighs its own sentence and WINDOW before only
    people_by_sent, groups_by_sent = _by_sentence(people), _by_sentence(groups)

    out: dict[int, Mention | int] = {}
    for tok in view.tokens:
        low = tok.lower_
        if low not in ANAPHORS or tok.pos_ == "PROPN":
            continue
        if low == "it":
            if (said := _speaker_of(tok, groups)) is not None:
                out[tok.i] = said
            elif _it_says(tok):  # "The army said ... It added that ...": who spoke, speaks on
                speakers = [
                    c for c in groups if c.mention is not None and _it_says(doc[c.token], False)
                ]
                found = _best(tok, speakers, OWNER_LABELS, sent_of, counts, quoted)
                if found is not None and found.mention is not None:
                    out[tok.i] = found.mention
            continue
        if low in PERSON_PRONOUNS:
            pool, sents, labels = people, people_by_sent, PERSON_LABELS
        elif low in GROUP_PRONOUNS:
            pool, sents, labels = groups, groups_by_sent, GROUP_LABELS
        else:
            pool, sents, labels = groups, groups_by_sent, OWNER_LABELS
        here = sent_of[tok.i]
        near = [c for n in range(here - WINDOW, here + 1) for c in sents.get(n, ())]
        best = _best(tok, near, labels, sent_of, counts, quoted)
        if best is None:
            continue
        out[tok.i] = best.mention if best.mention is not None else best.noun
        weight, subject = role_weight(tok)
        counts[best.key] += 1
        cand = _Cand(tok.i, here, weight, subject, best.mention, best.key, best.noun)
        pool.append(cand)
        sents.setdefault(here, []).append(cand)
    return out


# What an armed actor holds, so that attacking it attacks the actor: "attacked its
# positions", "shelled their bases".
HELD_NOUNS = frozenset({"position", "base", "post", "outpost", "camp", "stronghold",
                        "checkpoint", "barracks", "headquarters", "convoy", "garrison"})  # fmt: skip


def held_by(token: Token) -> Token | None:
    """The possessive pronoun owning a held place ("its positions", "their bases"): the
    actor the pronoun stands for is the one attacked there; else None."""
    if token.lemma_.lower() not in HELD_NOUNS:
        return None
    return next(
        (c for c in token.children
         if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS | {"their"}),
        None,
    )  # fmt: skip


# Verbs of saying after which a subject "it" is an organisation speaking ("It added that").
IT_SAYS = frozenset({"say", "add", "tell", "state", "announce", "claim", "deny", "confirm",
                     "warn", "insist", "stress", "note"})  # fmt: skip


def _it_says(tok: Token, opening: bool = True) -> bool:
    """The subject of a verb of saying; with ``opening``, one opening its sentence ("It
    added that ...")."""
    return (
        tok.dep_ == "nsubj"
        and (tok.is_sent_start or not opening)
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.head.lemma_.lower() in IT_SAYS
    )


def _speaker_of(tok: Token, groups: list[_Cand]) -> Mention | None:
    """The organisation or country saying a clause whose subject is ``tok`` ("it"), found
    through the clause's structure (:func:`_saying_verb`, :func:`_speakers`): "Syria said it
    would withdraw", "Islamabad rejects the charge and says it gives only moral support",
    "the Front, a group that says it fights for a homeland", "Al-Qaeda's affiliate, JNIM, said
    that it had seized weapons", "the M23 said it had not fired and that it does not target
    civilians". Never a plural unnamed speaker ("officials say it ..."), and nobody when the
    clause is coordinated after one with a named subject of its own ("officials say the KNF
    trained ..., and that it draws money": the KNF or the officials' side, read as neither)."""
    verb = _saying_verb(tok, groups)
    if verb is None:
        return None
    subjects = _speakers(verb)
    found = next(
        (c.mention for c in groups
         if c.token in subjects and c.mention is not None and c.mention.label in OWNER_LABELS),
        None,
    )  # fmt: skip
    if found is None or any(tok.doc[i].tag_ == "NNS" for i in subjects):
        return None  # "officials say it ...": a plural speaker is no "it"
    return found


def _saying_verb(tok: Token, groups: list[_Cand]) -> Token | None:
    """The verb whose clause ``tok`` is the subject of: "said it would withdraw" (said), also
    through a clause coordinated after the first ("said that it had not fired and that it
    does not target civilians"), unless that first clause has a named subject of its own."""
    if tok.dep_ not in SUBJECT_DEPS:
        return None
    clause = tok.head
    if clause.dep_ == "conj" and clause.head.dep_ == "ccomp":
        named = {c.token for c in groups if c.mention is not None and not c.plural}
        first = [c for c in clause.head.children if c.dep_ in SUBJECT_DEPS]
        if any(c.i in named for c in first):
            return None  # "say the KNF trained ..., and that it draws money": whose is open
        clause = clause.head
    return clause.head if clause.dep_ == "ccomp" else None


def _speakers(verb: Token) -> set[int]:
    """Token indices that may be the subject of a verb of saying: its own subject, the one it
    shares as the second of coordinated verbs ("rejects the charge and says"), the antecedent
    of a relative pronoun ("a group that says"), and a name set off beside the subject
    ("Al-Qaeda's affiliate, JNIM, said")."""
    for _ in range(4):  # "X denied it, rejected the claim and says ...": the first verb's
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            break
        if any(t.text.endswith(".") for t in verb.doc[verb.head.i + 1 : verb.i]):
            return set()  # "... cross the LoC. Islamabad rejects": a sentence the parser ran on
        verb = verb.head
    subjects = {c.i for c in own}
    for c in own:
        if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subjects.add(verb.head.i)  # "a group that says it fights": the group
        subjects.update(a.i for a in c.children if a.dep_ == "appos")
    return subjects


def _by_sentence(cands: list[_Cand]) -> dict[int, list[_Cand]]:
    """Candidates by sentence, each sentence's in the order of ``cands``."""
    out: dict[int, list[_Cand]] = {}
    for c in cands:
        out.setdefault(c.sent, []).append(c)
    return out


def _best(tok, pool, labels, sent_of, counts, quoted) -> _Cand | None:
    here = sent_of[tok.i]
    _, pron_subject = role_weight(tok)
    outside = not quoted(tok.idx)
    plural = tok.lower_ in GROUP_PRONOUNS
    scored = []
    for cand in pool:
        if cand.token >= tok.i or here - cand.sent > WINDOW:
            continue
        if cand.mention is not None and cand.mention.label not in labels:
            continue
        if cand.mention is None and (tok.doc[cand.noun].tag_ == "NNS") != plural:
            continue
        if cand.plural and not plural:
            continue  # "the rebels attacked its positions": not the rebels' own
        if outside and quoted(tok.doc[cand.token].idx):
            continue
        cand_tok = tok.doc[cand.token]
        if cand_tok.is_ancestor(tok) and not _in_conjunct(cand_tok, tok):
            continue  # "dozens of them": a phrase is not its own pronoun's antecedent
        if tok.lower_ in OBJECT_PRONOUNS and cand.subject and cand_tok.head.i == tok.head.i:
            continue  # "Haftar praised him": not Haftar
        score = cand.weight - SENTENCE_COST * (here - cand.sent)
        if pron_subject and cand.subject:
            score += PARALLEL_BONUS
        scored.append((score, counts[cand.key], cand.token, cand))
    if not scored:
        return None
    return max(scored, key=lambda s: s[:3])[3]


def _in_conjunct(head: Token, pronoun: Token) -> bool:
    """The pronoun sits in a conjunct coordinated with ``head``, not in its own phrase: "the
    army and its allies", "the Front and their fighters" (its: the army), unlike "dozens of
    them" or "the leader of its branch"."""
    tok = pronoun
    while tok.head.i != head.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i == head.i and tok.dep_ == "conj"


def _span_tokens(doc: Doc, mention: Mention | None) -> range:
    if mention is None:
        return range(0)
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
