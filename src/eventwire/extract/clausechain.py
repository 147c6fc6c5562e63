"""The clause chain a statement's modality is read along, and the words both the
modality reader (:mod:`eventwire.extract.modality`) and the denial reader
(:mod:`eventwire.extract.denials`) share.

:func:`governing_chain` walks from a trigger up through the clauses that govern it,
stopping at relative clauses; :func:`within_scope` cuts it where what governs no longer
speaks of the trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DENY = frozenset({"deny", "refute", "disavow"})
CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "suggestion", "charge"})
# Nouns whose prepositional complement stays under their clause's modality.
SCOPE_NOUNS = CLAIM_NOUNS | frozenset({"rumour", "rumor", "evidence", "sign", "possibility",
                                       "prospect", "plan", "hope", "threat", "denial", "talk"})  # fmt: skip
DISMISS = frozenset({"reject", "dismiss", "deny", "refute", "rebut"})
ALLEGED_GOVERNORS = frozenset({"believe", "think", "suspect", "allege", "accuse", "rumour",
                               "rumor", "claim", "suggest"})  # fmt: skip
REPORTED_GOVERNORS = frozenset({"report", "say"})  # only in the passive: "is said to"
SPEECH_VERBS = frozenset(
    {"say", "tell", "state", "add", "announce", "claim", "insist", "declare", "report",
     "confirm", "deny", "warn", "write", "note", "explain", "stress", "assert", "allege",
     "accuse", "tweet", "acknowledge", "admit", "argue", "maintain", "call", "describe",
     "brand", "label"}
)  # fmt: skip
BOUNDARY_DEPS = frozenset({"relcl"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Verbs saying that an event goes on or ends: with the event as subject, their negation
# says the event continues ("the fighting does not stop"), not that it did not happen.
ASPECTUAL = frozenset({"stop", "cease", "end", "continue", "subside", "ease", "abate", "halt",
                       "persist", "last", "finish", "die", "calm", "slow"})  # fmt: skip


def governing_chain(token: Token) -> list[Token]:
    """The trigger and the heads that govern its clause, up to the root; a relative clause
    ends it, unless it is the content of a claim the parser took for one ("denied a report
    that X had been wounded": the report says it, see :func:`content_clause`)."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and (
        chain[-1].dep_ not in BOUNDARY_DEPS or content_clause(chain[-1])
    ):
        chain.append(chain[-1].head)
    return chain


def content_clause(clause: Token) -> bool:
    """A clause parsed as relative that tells what a claim says: "that" marks it and no
    relative pronoun fills a gap ("a report that X was wounded", not "the report that X
    wrote")."""
    return (
        clause.dep_ == "relcl"
        and clause.head.lemma_.lower() in SCOPE_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )


def lemma_in(token: Token, words: frozenset[str]) -> bool:
    """Lemma membership, forgiving the lemmatiser's slips on inflected forms ("hopes" -> "hop")."""
    low = token.lower_
    forms = {token.lemma_.lower(), low, low[:-1], low[:-2], low[:-3]}
    return not forms.isdisjoint(words)


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def within_scope(chain: list[Token]) -> list[Token]:
    """The chain up to a noun the trigger only modifies through a preposition or as a
    compound (:func:`_modifies_a_thing`), or up to the clause a conjoined clause with its
    own subject is coordinated with ("Moscow denied it, and Cairo sent troops": the denial
    is not Cairo's).

    An event noun that is the subject of an aspectual verb is presupposed by it: "the
    fighting does not stop" says the fighting goes on."""
    trigger = chain[0]
    subject = trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass")
    if subject and len(chain) > 1 and lemma_in(chain[1], ASPECTUAL):
        return chain[:1]
    if _modifies_a_thing(chain):
        return chain[:2]  # "would not honour the arrest warrant": the warrant, not the arrest
    for pos in range(1, len(chain)):
        tok, below = chain[pos], chain[pos - 1]
        if (
            below.dep_ == "prep"
            and tok.pos_ in ("NOUN", "PROPN")
            and tok.lemma_.lower() not in SCOPE_NOUNS
        ):
            return chain[:pos]
        if below.dep_ in ("conj", "advcl") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in below.children
        ):
            return chain[:pos]
    return chain


def _modifies_a_thing(chain: list[Token]) -> bool:
    """An act noun that only modifies the noun heading its phrase ("the arrest warrant",
    "the attack plans" excepted: a plan or a claim keeps what its clause says of it). What
    the clause says of the head noun ("would not honour the warrant") is not said of the
    act; the head noun's own words ("no arrest warrant") still are."""
    trigger = chain[0]
    return (
        len(chain) > 1
        and trigger.pos_ == "NOUN"
        and trigger.dep_ == "compound"
        and chain[1].pos_ == "NOUN"
        and chain[1].lemma_.lower() not in SCOPE_NOUNS
    )


def child_of(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)
