"""Who owns up to an act and who is blamed for it, read from the verb around its noun.

"X claimed the attack", "X took responsibility for the bombing", "the attack was claimed by
X" (X owns up; nobody when the claim is negated); "police blamed X for the attack", "an
attack blamed on X" (an allegation: the blamer's word). One idea with its own verbs, used
by the noun roles and by the links between a document's events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extract.parsewalk import (
    RELATIVES,
    controller_subject,
    dep_child,
    negated_verb,
    prep_object,
    verb_lemma,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose subject owns up to the act its object names: "X claimed the attack", "X
# claimed/admitted/took responsibility for the bombing".
CLAIM_VERBS = frozenset({"claim", "admit", "accept", "take", "bear"})


# Verbs laying the act named after "for" ("blamed X for"), or after "of" ("accused X
# of", "suspected of"), at the door of their object.
BLAMING_FOR = frozenset({"blame"})
CHARGING_OF = frozenset({"accuse", "suspect"})


def blamed_for(token: Token) -> Token | None:
    """Who is blamed for the act ``token`` names: "police blamed X for the attack", "X
    was blamed for the bombing", "X accused Y of a treacherous attack on its positions",
    "Y is suspected of the bombing", "X, which police blame for the attack" (the relative
    pronoun stands for X), "police blamed the attack on X" (an allegation: the modality
    is read at the clause; "held X responsible" is not read, its clause reads as
    asserted)."""
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and verb_lemma(token.head) == "blame":
        # "blamed the violence on X", the parser hanging "on X" on the verb or on the noun
        return prep_object(token.head, frozenset({"on"})) or prep_object(token, frozenset({"on"}))
    if token.dep_ != "pobj" or token.head.lower_ not in ("for", "of"):
        return None
    head = token.head.head
    # "blamed X for the attack"; "accused X of the attack", "X is suspected of the raid"
    charging = BLAMING_FOR if token.head.lower_ == "for" else CHARGING_OF
    if head.pos_ != "VERB" or verb_lemma(head) not in charging:
        return None
    blamed = dep_child(head, "dobj", "nsubjpass")
    if blamed is not None and blamed.lower_ in RELATIVES and head.dep_ == "relcl":
        return head.head  # "armed gangs, which the army blames for the raids": the gangs
    return blamed


def claimant(token: Token) -> Token | None:
    """Who owns up to an act: the subject of "claimed the attack" or of "claimed (took,
    admitted) responsibility for the attack"; nobody when the claim is negated."""
    verb = None
    if token.dep_ == "nsubjpass" and verb_lemma(token.head) == "claim":
        # "the attack was claimed by X": the agent owns up
        if negated_verb(token.head):
            return None
        return prep_object(token.head, frozenset({"by"}), ("agent", "prep"))
    if token.dep_ == "dobj" and verb_lemma(token.head) == "claim":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "for":
        owned = token.head.head  # "responsibility for the attack"
        if owned.lemma_.lower() in ("responsibility", "credit") and owned.dep_ == "dobj":
            verb = owned.head if verb_lemma(owned.head) in CLAIM_VERBS else None
    if verb is None or negated_verb(verb):
        return None  # "the group has not claimed the attack": nobody owned up
    subject = dep_child(verb, "nsubj") or controller_subject(verb)
    if subject is not None and any(c.lower_ in ("no", "none") for c in subject.children):
        return None  # "no group claimed the bombing"
    return subject


def blamed_on(verbs: Sequence[Token]) -> Token | None:
    """The one an act is blamed on, by a participle or a relative clause modifying its noun:
    "an attack blamed on X", "the bombing, which officials blamed on X" (an allegation:
    the blamer's word, not the doer's)."""
    return next(
        (o for v in verbs if verb_lemma(v) == "blame"
         and (o := prep_object(v, frozenset({"on"}))) is not None),
        None,
    )  # fmt: skip
