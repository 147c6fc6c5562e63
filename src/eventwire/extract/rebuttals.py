"""Rebuttals of backing told as a fact: one notion shared by relations and events.

Backing told where it is rebutted, or right before ("X, backed by Iran, which denies arming
them", "..., a claim Kigali rejects", "Uganda denies the charge") is contested: the relation
gets a denied statement beside it (:mod:`eventwire.extract.relations`) and a SUPPORT or AID
event told there is denied (:mod:`eventwire.extract.events`). Both read the rebuttals of a
document from :func:`rebuttals` and ask :func:`rebutted` whether one covers a backing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.clausechain import CLAIM_NOUNS, DENY, DISMISS, RELATIVE_PRONOUNS, child_of
from eventwire.extract.context import DocContext
from eventwire.extract.eventroles import negated_verb
from eventwire.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that rebut what their antecedent stands for or is said to do.
REBUT_VERBS = DENY | DISMISS | frozenset({"dispute", "disavow"})
# Nouns presenting what comes before them as someone's claim: "a claim Kigali rejects".
CLAIM_WORDS = CLAIM_NOUNS | frozenset({"assertion"})
# Acts a rebuttal may name of a backer or the backed side itself: "Iran, which denies
# arming them", "the rebels, who deny receiving arms".
BACKING_VERBS = frozenset({"arm", "back", "fund", "finance", "support", "help", "supply",
                           "equip", "train", "aid", "assist", "sponsor", "bankroll", "send",
                           "receive", "accept", "get", "take"})  # fmt: skip
# Event types that give backing: a rebuttal of the backing denies them.
BACKING_EVENTS = frozenset({"SUPPORT", "AID"})
DENIAL_ANAPHORS = frozenset({"it", "this", "that", "them", "these", "those", "any"})


class Rebuttal(NamedTuple):
    """A rebuttal of the backing told in ``[start, end)`` (characters), by ``denier``; with
    ``parties``, only of backing whose giver or receiver is one of them."""

    verb: Token
    start: int
    end: int
    denier: Token
    parties: frozenset[str] | None


def rebutting(verb: Token) -> bool:
    """A rebuttal of the backing itself: no object, an anaphor or claim noun as object
    ("which denies it", "which rejects the charge"), or a backing act as its complement
    ("which denies arming them"); never "which denies seeking nuclear arms"."""
    if negated_verb(verb):
        return False
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "pcomp")), None)
    if act is not None:
        return act.lemma_.lower() in BACKING_VERBS
    obj = child_of(verb, "dobj")
    return obj is None or obj.lower_ in DENIAL_ANAPHORS or obj.lemma_.lower() in CLAIM_WORDS


def rebuttals(ctx: DocContext, index: MentionIndex) -> Iterator[Rebuttal]:
    """The rebuttals of a document:

    * a relative clause of the backer or the backed side: "Z, backed by Iran, which denies
      arming them" (who rebuts: the antecedent);
    * a noun phrase after a comma calling what precedes a claim that someone rejects:
      "..., a claim Kigali rejects", "..., an accusation Moscow has denied", "..., a charge
      that Kampala denies" (the parse of these varies, so the words are read in order);
    * a sentence opening the next one whose subject is the backer or the backed side and
      whose verb rebuts the claim: "Uganda denies the charge", "Kigali rejects it".
    """
    view = ctx.view
    for verb in view.tokens:
        if verb.lemma_.lower() not in REBUT_VERBS or not rebutting(verb):
            continue
        sent = view.sent(verb)
        claim = _claim_before(verb, sent.start)
        if claim is None and verb.pos_ != "VERB":
            continue  # "a claim Kigali rejects": the model may tag the verb a plural noun
        if claim is not None:
            between = [t for t in verb.doc[claim.i + 1 : verb.i] if t.pos_ == "PROPN"]
            if between:
                yield Rebuttal(verb, sent.start_char, claim.idx, between[0], None)
            continue
        subject = child_of(verb, "nsubj")
        if verb.dep_ == "relcl" and (subject is None or subject.lower_ in RELATIVE_PRONOUNS):
            keys = frozenset(group_key(index, f.span) for f in index.fillers(verb.head))
            yield Rebuttal(verb, sent.start_char, sent.end_char, verb.head, keys)
        elif verb.dep_ == "ROOT" and subject is not None and (no := view.sent_no(verb)) > 0:
            before = view.sents[no - 1]
            if "\n\n" in view.text[before.start_char : sent.start_char]:
                continue  # a rebuttal never reaches over a paragraph break
            keys = frozenset(group_key(index, f.span) for f in index.fillers(subject))
            yield Rebuttal(verb, before.start_char, before.end_char, subject, keys)


def rebutted(index: MentionIndex, rebuttal: Rebuttal, giver: Span, receiver: Span, at: int) -> bool:
    """Whether ``rebuttal`` rebuts the backing of ``receiver`` by ``giver`` told at character
    ``at``: it is told where the rebuttal reaches, and the rebuttal names one of the two
    when it names anyone."""
    if not rebuttal.start <= at < rebuttal.end:
        return False
    return rebuttal.parties is None or bool(
        rebuttal.parties & {group_key(index, giver), group_key(index, receiver)}
    )


def group_key(index: MentionIndex, span: Span) -> str:
    """One key per actor of the document: its mention group, else its words."""
    mention = index.mention(span)
    return mention.group if mention is not None and mention.group else span.text.lower()


def _claim_before(verb: Token, first: int) -> Token | None:
    """The claim noun of ", a claim (that) X rejects": a comma, an article, the noun, then
    at most five words before the verb."""
    doc = verb.doc
    for i in range(verb.i - 1, max(first, verb.i - 8), -1):
        tok = doc[i]
        if tok.lemma_.lower() in CLAIM_WORDS and tok.pos_ == "NOUN":
            det = doc[i - 1] if i - 1 >= first else None
            comma = doc[i - 2] if i - 2 >= first else None
            if det is not None and det.lower_ in ("a", "an", "the") and comma is not None:
                return tok if comma.text == "," else None
            return None
        if tok.text in (",", ";", ".") or tok.pos_ == "VERB":
            return None
    return None
