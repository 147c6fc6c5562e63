"""The target of an act whose object is a thing told again by a definite noun.

A later sentence often tells an act again through the thing it was done to, named with
"the": "Rebels attacked an army base outside the town. ... The Front said its fighters
had (not) attacked the base"; "Gunmen stormed a police station ... The group said its
men had burned the station"; "a claim of the attack on the checkpoint". The thing ("the
base") is no actor, so the later act has no target of its own, while the earlier act
found its owner ("an army base": the army). The later act takes the target of the last
act told before it whose own words hold a thing of that noun, so a claim, a denial or an
account of one's own act is aimed where the act was.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.docview import DocView
from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Determiners that tell a thing again: "the base", "this post", "that convoy".
TELLING_AGAIN = frozenset({"the", "this", "that", "these", "those"})
# Prepositions that name what an act noun was done to: "the attack on the checkpoint".
UPON = frozenset({"on", "against"})
# Prepositions that name what an earlier act was aimed at: "opened fire on (at) the post".
AIMED = UPON | frozenset({"at"})


def retold_targets(
    view: DocView, events: list[EventMention], trigger_at: list[int], onto: Ontology
) -> list[EventMention]:
    """Each violent act with no target whose object is a definite common noun takes the
    target of the last violent act, told in an earlier sentence, that was done to a thing
    of the same noun (:func:`_holds`). Nothing is taken when no earlier act was, or when
    that act has no target either."""
    doc, violent = view.doc, onto.violent_types
    out = list(events)
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        if e.type not in violent or e.target is not None:
            continue
        thing = retold_object(doc[i])
        if thing is None:
            continue
        here = view.sent_no(i)
        lemma = thing.lemma_.lower()
        for j in range(k - 1, -1, -1):
            o, at = out[j], trigger_at[j]
            if o.type not in violent or o.target is None or view.sent_no(at) >= here:
                continue
            if o.target == e.source:
                continue  # the thing was the doer's own: no target of its act
            if _holds(doc[at], lemma):
                out[k] = replace(e, target=o.target)
                break
    return out


def retold_object(trigger: Token) -> Token | None:
    """The thing an act was done to, told again with "the": the object of a verb
    ("attacked the base") or the "on" object of an act noun ("the attack on the post");
    a common noun with no name in it or on it ("the Kalo base" names a place)."""
    if trigger.pos_ == "VERB":
        thing = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    elif trigger.pos_ == "NOUN":
        thing = next(
            (p for c in trigger.children if c.dep_ == "prep" and c.lower_ in UPON
             for p in c.children if p.dep_ == "pobj"),
            None,
        )  # fmt: skip
    else:
        return None
    if thing is None or thing.pos_ != "NOUN" or thing.ent_type_:
        return None
    words = list(thing.lefts)
    if not any(w.dep_ == "det" and w.lower_ in TELLING_AGAIN for w in words):
        return None
    if any(w.pos_ == "PROPN" or w.ent_type_ for w in words):
        return None
    return thing


def _holds(trigger: Token, lemma: str) -> bool:
    """Whether an act was done to a thing of ``lemma``: the object of its verb ("stormed a
    police station"), a thing after "on", "at" or "against" ("an attack on an army base",
    "opened fire at the post"), or one joined to those by "and"; not a thing told
    elsewhere in its words ("shot as they drove past the station")."""
    things = [c for c in trigger.children if c.dep_ == "dobj"]
    things += [p for c in (trigger, *things) for q in c.children
               if q.dep_ == "prep" and q.lower_ in AIMED
               for p in q.children if p.dep_ == "pobj"]  # fmt: skip
    things += [c for t in things for c in t.conjuncts]
    return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" for t in things)
