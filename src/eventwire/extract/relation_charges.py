"""Backing charged by an accusation: "accused X of V-ing Y", read through the relation words.

An accusation names who did what to whom in one frame: "officials accuse some landlords of
sheltering the gangs", "Moscow accuses Western countries of supplying Kyiv with weapons",
"residents accuse police officers of selling guns to the gangs". The charged verb is mapped
through the relation vocabulary (``knowledge/data/relation_words.toml``) rather than read
verb by verb: a support verb that describes a party ("arming", "funding"), a verb of giving
("supplying", "lending") and the verbs that state backing only when they are charged
("protecting", "paying", "hiding": ``charged_verbs``). The accused is the backer; the one
backed is the receiver of "to" ("selling guns to Y") or the verb's object ("paying Y",
"supplying Y with guns"; a verb of giving with no second object gives things, not a party).

The accused of such a charge is someone who acts, so a plain plural noun there ("some
local landlords", "Western countries") is an unnamed group of its own when the mention pass
made none (:func:`unnamed_accused`). The status is the accusation's (alleged; denied when
rebutted), read at the charged verb like every relation statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventwire.extract.actorspans import Filler, MentionIndex
from eventwire.extract.parsewalk import dep_child
from eventwire.extract.relation_roles import accused_of, pobj
from eventwire.knowledge.words import RelationWords
from eventwire.model import GROUP_LABEL, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions of the receiver of a thing given: "selling guns to Y", "passing information to Y".
RECEIVER_PREPS = frozenset({"to"})
# Words before a plural noun that make no part of an unnamed group's name ("some landlords").
QUANTIFIERS = frozenset({"some", "many", "several", "certain", "other", "few", "most", "all"})


def charged_party(verb: Token) -> Token | None:
    """Who a charge accuses of ``verb``: "accused X of paying Y" (X), "X is suspected of
    hiding Y" (X), and the later acts of one charge, "of paying Y and supplying it with
    guns" (X for each)."""
    for _ in range(4):
        if (accused := accused_of(verb)) is not None:
            return accused
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        if verb.head.pos_ != "VERB" or verb.head.tag_ != "VBG":
            return None
        verb = verb.head
    return None


def charged_type(verb: Token, words: RelationWords) -> str | None:
    """The relation a charged verb states, through the relation words: a verb of giving or
    one describing a backer ("supplying", "arming": support), or a verb that is backing only
    as a charge ("protecting", "paying"); None for a plain relation verb, which its own
    reading takes ("accused X of harbouring Y"), and for any other verb."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in words.verbs:
        return None
    if lemma in words.charged_verbs:
        return words.charged_verbs[lemma]
    if words.describing_verbs.get(lemma) == "support" or lemma in words.giving_verbs:
        return "support"
    return None


def charged_receiver(verb: Token, words: RelationWords) -> Token | None:
    """The one a charged verb backs: the object of "to" ("selling guns to Y"), else the
    direct object ("paying Y", "protecting Y"); a verb of giving takes its object as the
    receiver only with the thing given beside it ("supplying Y with guns"), since alone
    its object is the thing ("supplying weapons")."""
    if (to := pobj(verb, RECEIVER_PREPS)) is not None:
        return to
    obj = dep_child(verb, "dobj")
    if obj is None or verb.lemma_.lower() not in words.giving_verbs:
        return obj
    given = any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "with")
                for c in verb.children)  # fmt: skip
    return obj if given else None


def charged_statements(verb: Token, words: RelationWords) -> Iterator[tuple[str, Token, Token]]:
    """(type, accused, receiver) of a backing charged at ``verb``, if it states one."""
    rtype = charged_type(verb, words)
    if rtype is None or (accused := charged_party(verb)) is None:
        return
    if (receiver := charged_receiver(verb, words)) is not None:
        yield rtype, accused, receiver


def unnamed_accused(index: MentionIndex, noun: Token, statement: Token) -> Filler | None:
    """An unnamed group for the accused of a charge the mention pass left without one: a
    plural common noun ("accuse some local landlords of sheltering Y": "local landlords",
    with its modifiers and without the quantifier); None for anything else, for a noun a
    mention covers, and when ``noun`` is not the one charged at ``statement``."""
    if noun.tag_ != "NNS" or noun.pos_ != "NOUN" or index.covering(noun) is not None:
        return None
    if (charged := charged_party(statement)) is None or charged.i != noun.i:
        return None
    words = [
        c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.lower_ not in QUANTIFIERS
    ]
    first = min([noun, *words], key=lambda t: t.i)
    if any(t.pos_ not in ("ADJ", "NOUN", "PROPN") for t in noun.doc[first.i : noun.i]):
        first = noun  # a gap the modifiers do not fill: the noun alone
    ctx = index.ctx
    start, end = first.idx, noun.idx + len(noun.text)
    text = ctx.text[start:end]
    mention = Mention(
        article_id=ctx.article.id,
        span=Span(start, end, text),
        label=GROUP_LABEL,
        evidence=ctx.evidence(ctx.view.sent(noun)),
        normalized=text,
        group=f"group:{noun.lemma_.lower()}:",
    )
    index.added.append(mention)
    return Filler(mention.span)
