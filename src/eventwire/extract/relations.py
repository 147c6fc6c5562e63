"""Explicit relation statements: "ally of", "supporters of", "aligned with", "opposes".

Event verbs ("backed by", "armed") are events and become relations when
resolved; this extractor covers what is stated as a standing relation rather
than as something done: agent nouns ("X's backers", "X, an ally of Y",
"backers of Y including A, B and C"), adjectives ("aligned with", "loyal to",
"opposed to") and the verb "oppose".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import Filler, MentionIndex
from eventwire.extract.anchor import when_for
from eventwire.extract.context import DocContext
from eventwire.extract.modality import attribution_of, modality_of
from eventwire.model import RelationMention
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Token

AGENT_NOUNS = {
    "backer": "support", "supporter": "support", "sponsor": "support", "patron": "support",
    "ally": "ally", "partner": "ally", "proxy": "proxy",
    "opponent": "oppose", "rival": "oppose", "enemy": "oppose", "foe": "oppose",
    "adversary": "oppose", "critic": "oppose",
}  # fmt: skip
ADJECTIVES = {"aligned": "ally", "allied": "ally", "loyal": "support", "opposed": "oppose",
              "hostile": "oppose", "affiliated": "ally", "close": "ally"}  # fmt: skip
VERBS = {"oppose": "oppose", "ally": "ally"}
MEMBER_PREPS = frozenset({"including", "like", "such"})


def _pobj(token: Token, words: frozenset[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in words:
            pobj = next((c for c in child.subtree if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def agent_noun_roles(noun: Token) -> tuple[Token | None, Token | None]:
    """(holder, other) for "Y's backers including A", "A, an ally of Y", "A is Y's ally"."""
    other = next((c for c in noun.children if c.dep_ == "poss"), None)
    other = other or _pobj(noun, frozenset({"of", "to"}))
    holder = _pobj(noun, MEMBER_PREPS) or next(
        (c for c in noun.children if c.dep_ == "appos"), None
    )
    if holder is None and noun.dep_ == "appos":
        holder = noun.head
    if holder is None and noun.dep_ == "attr":
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if holder is None and noun.dep_ == "pobj" and noun.head.lower_ == "as":
        holder = next((c for c in noun.head.head.children if c.dep_ == "dobj"), None)
    if other is None:
        other = next(
            (c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_), None
        )
    if other is None and noun.dep_ == "dobj" and noun.head.lemma_ == "have":  # "X has backers"
        other = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return holder, other


def adjective_roles(adj: Token) -> tuple[Token | None, Token | None]:
    other = _pobj(adj, frozenset({"with", "to"}))
    if adj.dep_ in ("acomp", "ROOT", "ccomp", "conj"):
        clause = adj if adj.dep_ != "acomp" else adj.head
        holder = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif adj.dep_ in ("amod", "acl"):
        holder = adj.head
    else:
        holder = None
    return holder, other


@extractors.register("relations", requires=("mentions",), assigns=("relations", "mentions"))
def extract_relations(ctx: DocContext) -> dict[str, tuple]:
    index = MentionIndex.of(ctx)
    quotes = ctx.found.get("quotes", ())
    out: list[RelationMention] = []
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in AGENT_NOUNS:
            rtype, (holder, other) = AGENT_NOUNS[lemma], agent_noun_roles(tok)
        elif tok.pos_ in ("ADJ", "VERB") and tok.lower_ in ADJECTIVES:
            rtype, (holder, other) = ADJECTIVES[tok.lower_], adjective_roles(tok)
        elif tok.pos_ == "VERB" and lemma in VERBS:
            rtype = VERBS[lemma]
            holder = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            other = next((c for c in tok.children if c.dep_ == "dobj"), None)
        else:
            continue
        holders, others = index.fillers(holder), index.fillers(other)
        if rtype == "proxy":  # "X, a proxy of Y": Y supports X
            holders, others, rtype = others, holders, "support"
        negated, modality = modality_of(tok)
        for src in holders:
            for tgt in others:
                if src.span != tgt.span:
                    out.append(
                        _mention(ctx, tok, rtype, src, tgt, negated, modality, index, quotes)
                    )
    return {"relations": out, "mentions": index.all()}


def _mention(ctx, tok, rtype, src: Filler, tgt: Filler, negated, modality, index, quotes):  # noqa: ANN001, ANN202
    return RelationMention(
        article_id=ctx.article.id,
        type=rtype,
        source=src.span,
        target=tgt.span,
        evidence=ctx.evidence(tok.sent),
        negated=negated,
        modality=modality,
        when=when_for(ctx, tok),
        attributed_to=attribution_of(tok, index, quotes),
    )
