"""The token filling an event's role where the parse needs a second look.

:func:`~eventwire.extract.eventroles.verb_roles` and
:func:`~eventwire.extract.eventroles.noun_roles` read the subject and objects; the
readings here correct them: the name an adjective describes ("fired by the paramilitary
X"), the holder of the ground fire came from, the doer of a subject-less gerund
("soldiers firing on the crowd"), the side that fell in fighting, the target's head word
when it names no actor, and an object that is the weapon fired rather than its target.

Split out of :mod:`eventwire.extract.events` so that module holds the extractor's flow;
the rules are unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.description_kinds import self_naming
from eventwire.extract.event_qualifiers import _words
from eventwire.extract.eventroles import held_by
from eventwire.knowledge.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Token


def _name_after_adjective(token: Token | None, index: MentionIndex) -> Token | None:
    """The name an adjective describes, when the parse takes the adjective for the whole
    agent: "shells fired by the paramilitary Desert Shield" is read with "paramilitary" as
    the object of "by" and the name hung elsewhere; the named body right after the
    adjective ("the jihadist X", "the rebel X") is the doer. Any other token is kept."""
    if token is None or token.pos_ != "ADJ" or token.dep_ != "pobj" or index.fillers(token):
        return token
    doc = token.doc
    if token.i + 1 >= len(doc) or (named := index.covering(doc[token.i + 1])) is None:
        return token
    words = doc.char_span(named.span.start, named.span.end, alignment_mode="expand")
    return words[-1] if words is not None and index.fillers(words[-1]) else token


def _holder_of_origin(token: Token, subject: Token | None, index: MentionIndex) -> Token | None:
    """Who holds the ground the fire came from, when no one is named as firing: "Mortar
    rounds fired from ridges held by X struck a school", "rockets launched from areas controlled by
    X" -- the holder fired them. Read on the trigger's own "from" and on the participle
    or verb of the weapon that is its subject."""
    verbs = [token]
    if subject is not None:
        verbs += [c for c in subject.children if c.dep_ == "acl"]
        if subject.dep_ == "nsubj" and subject.head.i != token.i:
            verbs.append(subject.head)
    for verb in verbs:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
            for ground in (c for c in prep.children if c.dep_ == "pobj"):
                holder = held_by(ground)
                if holder is not None and index.fillers(holder):
                    return holder
    return None


def _gerund_doer(token: Token, index: MentionIndex) -> Token | None:
    """The actor doing a subject-less gerund: "soldiers firing on the crowd", and an
    actor noun right before it that the parser split off ("killed in police firing")."""
    if token.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None
    if self_naming(token):
        return None  # "a group calling itself X": a name given, no act done
    if token.dep_ == "acl" and index.covering(token.head):
        return token.head
    prev = token.doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.dep_ == "pobj" and index.covering(prev):
        return prev
    return None


def _side_that_fell(token: Token) -> Token | None:
    """Fighting takes two sides, so those killed in it are one: "four soldiers were killed
    in clashes with the rebels" (the soldiers fought the rebels)."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "during"):
        return None
    verb = token.head.head
    return (
        next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if verb.pos_ == "VERB"
        else None
    )


def _target_token(tgt_toks: list[Token | None], lemma: str, index: MentionIndex) -> Token | None:
    """The target's head word, also when it names no actor ("a car"); not a phrasal's object."""
    toks = [t for t in tgt_toks if t is not None and not (" " in lemma and lemma.endswith(
        (f" {t.lower_}", f" {t.lemma_.lower()}")))]  # fmt: skip
    return next((t for t in toks if index.fillers(t)), toks[0] if toks else None)


def _instrument(obj: Token | None, verb: Token, onto: Ontology) -> bool:
    """Is a verb's object the weapon it fires or throws ("fired a machine gun at")?"""
    if obj is None or obj.dep_ != "dobj":
        return False
    return onto.is_instrument(
        verb.lemma_, _words([*(c for c in obj.children if c.dep_ == "compound"), obj])
    )
