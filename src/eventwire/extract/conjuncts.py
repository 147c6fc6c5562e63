"""Coordination in a role reading: which conjuncts share a role, which start a clause.

Coordinated passives share their "by" agent ("armed and funded by X"); in "with A backing
X and B arming Y" the parser takes B for a conjunct of X, so B is the second clause's
subject and is kept out of the first clause's roles. Separate from the verb roles because
the event pass filters its fillers with :func:`own_conjuncts` too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from eventwire.extract.parsewalk import dep_child, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.actorspans import Filler

F = TypeVar("F", bound="Filler")


def coordinated_passive(token: Token) -> tuple[Token | None, Token | None] | None:
    """A passive participle coordinated with another: "is armed and funded by Qatar"
    (both share the subject; the "by" agent of either is the source of both)."""
    if token.tag_ != "VBN" and token.dep_ != "acomp":
        return None  # "has been indicted by X and will resign": X does not resign
    agent = prep_object(token, frozenset({"by"}), ("agent",))
    partner = token.head if token.dep_ == "conj" else None
    if partner is None:
        partner = next((c for c in token.children if c.dep_ == "conj" and c.tag_ == "VBN"), None)
        if partner is None:
            return None
    agent = agent or prep_object(partner, frozenset({"by"}), ("agent",))
    if agent is None:
        return None
    first = token if token.dep_ != "conj" else partner
    subject = dep_child(first, "nsubjpass")
    if subject is None and first.dep_ == "acomp":  # "is armed (ADJ) and funded by"
        subject = dep_child(first.head, "nsubj", "nsubjpass")
    return agent, subject


def absolute_subject(token: Token) -> Token | None:
    """The subject of the second verb of a coordination of clauses, as in the absolute
    "with X V-ing Y and Z V-ing W": the parser takes Z for a conjunct of Y; Z is the
    word right before the second verb."""
    if token.dep_ not in ("pcomp", "conj") or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.dep_ == "conj" and before.pos_ in ("PROPN", "NOUN") and starts_clause(before):
        return before
    return None


def starts_clause(conjunct: Token) -> bool:
    """A conjunct followed by a verb other than the coordination's own is the subject of a
    new clause the parser attached to the coordination: "backing the SNA and Russia arming
    the government" (not "Chad and Niger have armed them")."""
    doc = conjunct.doc
    if conjunct.i + 1 >= len(doc) or doc[conjunct.i + 1].pos_ not in ("AUX", "VERB"):
        return False
    verb, first = doc[conjunct.i + 1], conjunct
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    main = verb.head if verb.dep_.startswith("aux") else verb
    if main.i == first.head.i:
        return False  # "Chad and Niger (have) armed them"
    # the phrase the conjunct ends is the verb's own subject: "support from A and B has grown"
    subject = dep_child(main, "nsubj", "nsubjpass")
    return subject is None or not subject.left_edge.i <= conjunct.i <= subject.right_edge.i


def split_conjuncts(token: Token) -> list[Token]:
    """Conjuncts of a role token that belong to another clause: a conjunct that starts a
    clause of its own, and, for such a subject, the conjuncts before it."""
    if starts_clause(token):
        return [c for c in token.conjuncts if c.i < token.i or starts_clause(c)]
    return [c for c in token.conjuncts if starts_clause(c)]


def own_conjuncts(fillers: list[F], token: Token | None) -> list[F]:
    """The fillers of a role token without those of conjuncts of another clause."""
    if token is None or len(fillers) < 2:
        return fillers
    # a conjunct's words up to its head: "the Azawad movement" names "Azawad"
    split = [(c.left_edge.idx, c.idx + len(c.text)) for c in split_conjuncts(token)]
    return [f for f in fillers if not any(lo <= f.span.start < hi for lo, hi in split)]
