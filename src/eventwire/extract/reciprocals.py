"""Relations told of two sides at once, or of a state of war (read by relations.py).

* a coordinated subject of a verb that needs two sides, with no other side named: "the
  army and the Front have been fighting since March" (fight), "X and Y clashed" (fight),
  "X and Y fought each other" (fight),
  "X and Y met in Doha" (meet), "X and Y fought side by side" (ally); of a light verb whose object is such a noun: "X and Y
  signed an alliance" (ally), "X and Y held talks" (meet);
* a war with someone: "the Front has been at war with the government", "the Front is
  in a war against the army", "Ukraine's war with Russia", "Russia waged war on Ukraine",
  and an armed struggle against someone: "X, which has fought an insurgency against the
  state for decades", "X's rebellion against Y", "X launched an uprising against Y" (fight).

Each gives (type, one side, the other side) as tokens; relations.py turns them into
mentions, reads their modality and keeps a side from pairing with itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from eventwire.extract.eventroles import is_time_phrase, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose coordinated subject names both sides.
RECIPROCAL_VERBS = {"fight": "fight", "clash": "fight", "battle": "fight", "meet": "meet"}
# Nouns a light verb takes whose coordinated subject names both sides.
RECIPROCAL_NOUNS = {"alliance": "ally", "pact": "ally", "talk": "meet", "meeting": "meet"}
RECIPROCAL_LIGHT_VERBS = frozenset({"sign", "form", "forge", "seal", "hold", "have", "conclude"})
# Prepositions after a verb or noun that name the other side themselves.
OTHER_SIDE_PREPS = frozenset({"with", "against", "on", "between"})
# Nouns of an armed struggle against someone: "X's insurgency against Y", "an uprising".
WAR_NOUNS = frozenset({"war", "insurgency", "rebellion", "uprising", "revolt", "insurrection",
                       "jihad"})  # fmt: skip
WAR_PREPS = frozenset({"with", "against", "on"})
# "waged war on X", "has led an insurgency against Y", "launched a rebellion against Y"
WAR_VERBS = frozenset({"wage", "declare", "fight", "lead", "launch", "mount", "pursue"})
STATE_PREPS = frozenset({"at", "in"})  # "at war with", "in a war against"
CUE_LEMMAS = frozenset({*RECIPROCAL_VERBS, *RECIPROCAL_NOUNS, *WAR_NOUNS})


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _side_prep(token: Token) -> bool:
    """A preposition that may name the other side: "with X", not "on Sunday"."""
    return token.dep_ == "prep" and token.lower_ in OTHER_SIDE_PREPS and not is_time_phrase(token)


def _each_other(token: Token) -> bool:
    """ "each other", "one another": the coordinated subject's sides themselves."""
    pair = {"other": "each", "another": "one", "one": "another"}.get(token.lower_)
    return pair is not None and any(c.lower_ == pair for c in token.children)


def _names_other_side(token: Token) -> bool:
    if any(c.dep_ in ("dobj", "dative") and not _each_other(c) for c in token.children):
        return True
    return any(
        _side_prep(c) and not any(_each_other(p) for p in c.children) for c in token.children
    )


def _together(verb: Token) -> bool:
    """Side by side, not against each other: "fought together", "fought side by side"."""
    return any(c.lower_ in ("together", "side") for c in verb.children)


def _coordinated(subject: Token | None) -> Token | None:
    """The second side of a coordinated subject ("the army and the Front"), if any."""
    if subject is None:
        return None
    return next((c for c in subject.children if c.dep_ == "conj"), None)


def reciprocal_sides(tok: Token) -> Iterator[tuple[str, Token, Token]]:
    """Both sides of a relation told of a coordinated subject, at its verb or noun."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in RECIPROCAL_VERBS and not _names_other_side(tok):
        subject = _child(tok, "nsubj")
        if subject is not None and (other := _coordinated(subject)) is not None:
            together = _together(tok) and RECIPROCAL_VERBS[lemma] == "fight"
            yield "ally" if together else RECIPROCAL_VERBS[lemma], subject, other
    elif tok.pos_ == "NOUN" and lemma in RECIPROCAL_NOUNS and tok.dep_ == "dobj":
        verb = tok.head
        if verb.lemma_.lower() not in RECIPROCAL_LIGHT_VERBS or _names_other_side(tok):
            return
        if any(_side_prep(c) for c in verb.children):
            return  # "X signed an alliance with Y": the event reader's
        subject = _child(verb, "nsubj")
        if subject is not None and (other := _coordinated(subject)) is not None:
            yield RECIPROCAL_NOUNS[lemma], subject, other


def _war_verb(verb: Token) -> bool:
    """A verb that wages what its object names ("waged", which the model may lemmatise
    "wag"; "launched", "led")."""
    return verb_lemma(verb) in WAR_VERBS


def war_sides(
    tok: Token, subject_of: Callable[[Token], Token | None]
) -> Iterator[tuple[str, Token, Token]]:
    """The sides of a war named with its other side: "X is at war with Y", "X's war
    with Y", "X waged war on Y". ``subject_of`` finds a verb's subject (relation_roles.py's)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in WAR_NOUNS:
        return
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in WAR_PREPS), None)
    head = tok.head
    if prep is None and tok.dep_ == "dobj" and _war_verb(head):
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in WAR_PREPS), None)
    other = _child(prep, "pobj") if prep is not None else None
    if other is None:
        return
    holder = _child(tok, "poss")
    if holder is None and tok.dep_ == "pobj" and head.lower_ in STATE_PREPS:
        verb = head.head
        holder = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    elif holder is None and tok.dep_ == "dobj" and _war_verb(head):
        holder = subject_of(head)
    if holder is not None:
        yield "fight", holder, other
