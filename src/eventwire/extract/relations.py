"""Explicit relation statements: "ally of", "supporters of", "aligned with", "opposes".

Event verbs ("backed by", "armed") are events and become relations when
resolved; this extractor covers what is stated as a standing relation rather
than as something done:

* agent nouns: "X's backers", "X, an ally of Y", "X, the armed wing of Y" and "an
  offshoot of Y" (a part of a group is its ally), "backers of Y including A, B
  and C", "backers such as A", "A is among Y's backers", "A is one of Y's
  allies", "called A a backer of Y", "make A an ally of Y", and "Y faces
  pressure from backers including A" (the backers of whoever has, faces or
  relies on them);
* nouns described by a relation verb: "A is among the countries backing Y";
* hyphenated agents: "the A-backed Y";
* stance modifiers of a group noun: "pro-X demonstrators", "anti-X militias",
  "A-backed separatists" (:mod:`eventwire.extract.stances`);
* a relation noun titling a name or modifying a noun: "Iran's ally Hezbollah", "A's proxy
  militia, Y", "A's proxy Y";
* support received or given: "Y receives support (weapons, funding, drones) from A",
  "A gave (lent, offered) Y drones", "accused A of giving Y weapons",
  "Y relies on A for weapons",
  "Y enjoys the backing of A", "Y, with the support of A, ...", "A lent its
  support to Y", "A put its weight behind Y";
* a relation verb whose subject is a relative pronoun up its chain of
  controlling verbs: "A, which is believed to back Y";
* a list introduced by a verb: "Also backing Y: A and B with air power; and C
  has provided weapons";
* a body made of others: "the Coastal Alliance includes A and B" (each an ally of it);
* adjectives ("aligned with", "loyal to", "opposed to", "linked to"; "X, which is loyal
  to Y" through its antecedent) and the verbs "oppose"
  and "ally"; a possessed noun an alliance adjective modifies: "the army and its
  allied militias, known as A";
* fighting on one side: "A fought alongside (beside) Y";
* turning on a side: "A turned on Y", "A rose up against Y", "A took up arms against Y"
  (fight);
* support charged by an accusation: "officials accuse Y of receiving arms from A",
  "Y is suspected of getting weapons from A" (alleged), and "accuse X of protecting (paying,
  supplying, selling guns to) Y", the charged verb read through the relation words, the
  accused an unnamed group when no mention names it (:mod:`eventwire.extract.relation_charges`);
* a body under another's command: "X answers (reports) to Y", "X takes orders from Y",
  "X is attached to Y" (ally).

Backing told as a fact and rebutted where it is told or right after ("X, backed by Iran,
which denies arming them", "..., a claim Kigali rejects", "Uganda denies the charge") gets
a denied statement of its own beside it (:mod:`eventwire.extract.rebuttals`, shared with
the events), so the relation is contested.

Polarity and modality are read at the statement (:func:`modality_of`), per
holder when a list gives each its own verb; a relation that a noun phrase only
presupposes ("Y's backers, including A, denied it") takes the phrase's own
(:func:`phrase_modality`). The words are data:
``knowledge/data/relation_words.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from eventwire.extract.actorspans import FOLLOWERS, Filler, MentionIndex
from eventwire.extract.anchor import publication_when, when_for
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.eventroles import own_conjuncts
from eventwire.extract.modality import attribution_of, modality_of, phrase_modality
from eventwire.extract.parsewalk import dep_child
from eventwire.extract.rebuttals import BACKING_EVENTS, rebuttals, rebutted
from eventwire.extract.reciprocals import CUE_LEMMAS as RECIPROCAL_CUES
from eventwire.extract.relation_charges import unnamed_accused
from eventwire.extract.relation_roles import INCLUDING_VERBS, MEMBER_PREPS, members_of, pobj
from eventwire.extract.relation_statements import (
    ALLY_PREPS,
    ANSWERING_VERBS,
    HOSTILE_TURNS,
    ORDER_TAKING_VERBS,
    REQUEST_NOUNS,
    TIE_NOUNS,
    TOGETHER_VERBS,
    statements,
)
from eventwire.extract.stances import (
    HYPHEN_RELATIONS,
    STANCE_PREFIXES,
    side_filler,
    stance_statements,
)
from eventwire.model import RelationMention, Span, When
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Token


CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})


def extract_relations(ctx: DocContext) -> dict[str, Sequence[object]]:
    index = MentionIndex.of(ctx)
    quotes = ctx.quotes
    words = ctx.resources.relation_words
    out: dict[tuple[object, ...], RelationMention] = {}
    in_body = ctx.view.zones.in_body  # a headline or caption states no relation of its own
    # the lemmas statements() reads a relation from (an adjective by its word)
    cues = {*words.agent_nouns, *words.verbs, *words.describing_verbs, *words.support_nouns,
            *ALLY_PREPS, *RECIPROCAL_CUES, *HOSTILE_TURNS, *INCLUDING_VERBS,
            *TOGETHER_VERBS, *TIE_NOUNS, *REQUEST_NOUNS, *words.charged_verbs,
            *words.giving_verbs, *ANSWERING_VERBS, *ORDER_TAKING_VERBS}  # fmt: skip
    for tok in ctx.view.tokens:
        if tok.lemma_.lower() not in cues and tok.lower_ not in words.adjectives:
            continue  # no relation word: statements() would find nothing
        if not in_body(tok.idx):
            continue
        for rtype, holder, other, statement, phrase, hyphen, pair in statements(tok, words):
            # A headline the parser ran into the first sentence is no part of it.
            agent = index.agent_in_name(holder) if hyphen and holder is not None else None
            alone = pair or (hyphen and other is not None and other.dep_ == "conj")
            holders = [agent] if agent else _fillers(index, holder, pair)
            if not holders and holder is not None:
                # "accused some landlords of sheltering Y": the accused, an unnamed group
                holders = [f for f in [unnamed_accused(index, holder, statement)] if f]
            holders = [f for f in holders if _same_line(ctx, f, statement)
                       and not _after_apposition(f, phrase, holder)]  # fmt: skip
            # "A and its allies, B and C": A alone owns the noun, not the names after it
            owner_alone = alone or _owner_of_conjunct(phrase, other)
            others = [f for f in _fillers(index, other, owner_alone)
                      if _same_line(ctx, f, statement)]  # fmt: skip
            if rtype == "proxy":  # "X, a proxy of Y": Y supports X
                holders, others, rtype = others, holders, "support"
            if phrase is not None:
                negated, modality = phrase_modality(phrase)
            else:
                negated, modality = modality_of(statement)
            for src in holders:
                for tgt in others:
                    key = (rtype, src.span, tgt.span, ctx.view.sent(statement).start)
                    if FOLLOWERS in (*src.qualifiers, *tgt.qualifiers):
                        continue  # "Gaddafi supporters back X": not Gaddafi's own relation
                    if _own_leader(index, src, tgt) or _own_leader(index, tgt, src):
                        continue  # "forces loyal to X", read as the body X leads: the tie itself
                    if src.span != tgt.span and key not in out:
                        out[key] = _mention(
                            ctx, statement, rtype, src, tgt, negated, modality, index, quotes
                        )
    for tok in ctx.view.tokens:
        if tok.lower_ not in STANCE_PREFIXES and tok.lemma_.lower() not in HYPHEN_RELATIONS:
            continue
        if not in_body(tok.idx):
            continue
        for rtype, holder, other, named in stance_statements(tok, words):
            # "pro-Karlov demonstrators", "Zarnian-backed separatists" (extract/stances.py)
            noun = other if holder.i == named.i else holder
            if not _stance_fillers(ctx, index, noun, False):
                continue  # no actor for the noun: nothing to add for the named side either
            holders = _stance_fillers(ctx, index, holder, holder.i == named.i)
            others = _stance_fillers(ctx, index, other, other.i == named.i)
            negated, modality = phrase_modality(tok.head)
            for src in holders:
                for tgt in others:
                    key = (rtype, src.span, tgt.span, ctx.view.sent(tok).start)
                    if src.span != tgt.span and key not in out:
                        out[key] = _mention(
                            ctx, tok, rtype, src, tgt, negated, modality, index, quotes
                        )
    for rm in _rebutted_backing(ctx, index, [*out.values()]):
        out.setdefault((rm.type, rm.source, rm.target, rm.evidence.char_start, "denied"), rm)
    return {"relations": list(out.values()), "mentions": index.all()}


def _stance_fillers(
    ctx: DocContext, index: MentionIndex, token: Token, named: bool
) -> list[Filler]:
    """The actor a side of a stance modifier names: the one ``named`` before a hyphen
    ("Zarnian-backed") or after a stance prefix ("pro-Karlov", "pro-government":
    :func:`~eventwire.extract.stances.side_filler`), else the noun's own mention
    ("demonstrators", "the Orlo Front")."""
    if named:
        found = side_filler(ctx, index, token)
        return [found] if found is not None else []
    own = index.filler(token)
    return [own] if own is not None and own.span.start <= token.idx < own.span.end else []


def _support_statements(
    ctx: DocContext, relations: list[RelationMention]
) -> list[tuple[Span, Span, int]]:
    """(giver, receiver, character offset where it is told) of every support the document
    states: support statements (at their sentence) and SUPPORT and AID events (at their
    trigger)."""
    found = [(r.source, r.target, r.evidence.char_start)
             for r in relations if r.type == "support" and not r.negated]  # fmt: skip
    return found + [(e.source, e.target, e.trigger.start) for e in ctx.events
                    if e.type in BACKING_EVENTS and not e.negated and e.source and e.target]  # fmt: skip


def _rebutted_backing(
    ctx: DocContext, index: MentionIndex, relations: list[RelationMention]
) -> Iterator[RelationMention]:
    """Backing rebutted where it is told, or right after (each found by :func:`rebuttals`):
    the backing is denied, by the rebuttal's subject, whatever the clause before says."""
    statements = _support_statements(ctx, relations)
    if not statements:
        return
    view = ctx.view
    for rebuttal in rebuttals(ctx, index):
        speakers = index.fillers(rebuttal.denier)
        for giver, receiver, at in statements:
            if not rebutted(index, rebuttal, giver, receiver, at):
                continue
            yield RelationMention(
                article_id=ctx.article.id,
                type="support",
                source=giver,
                target=receiver,
                evidence=ctx.evidence(view.sents[view.sent_at_char(at)]),
                negated=True,
                modality="denied",
                when=statement_when(ctx, rebuttal.verb),
                attributed_to=speakers[0].span if speakers else None,
            )


def _own_leader(index: MentionIndex, forces: Filler, person: Filler) -> bool:
    """Whether ``forces`` are the body ``person`` leads, read so from his forces."""
    return "forces" in forces.qualifiers and forces.span == index.led_body(person.span)


def _same_line(ctx: DocContext, filler: Filler, statement: Token) -> bool:
    lo, hi = sorted((filler.span.start, statement.idx))
    return "\n" not in ctx.text[lo:hi]


def _fillers(index: MentionIndex, token: Token | None, alone: bool = False) -> list[Filler]:
    """Actor mentions for a role, or for what it names: "regional players, namely A and B"
    (``alone``: the token's own mention only, none of its conjuncts')."""
    if alone and token is not None:
        own = index.filler(token)
        return [own] if own is not None else []
    # A conjunct followed by a verb is the subject of a new clause the parser attached here.
    found = own_conjuncts(index.fillers(token), token)
    if not found and token is not None:
        found = _both(index, token)
    if not found and token is not None and (token.pos_ == "NOUN" or _partitive(token)):
        found = index.fillers(_partitive_members(token) or members_of(token))
    return found


# Nouns of one of two parties that "both" refers back with: "an ally of both governments".
BOTH_NOUNS = frozenset({"government", "country", "state", "side", "party", "nation",
                        "neighbour", "neighbor", "capital"})  # fmt: skip
# How many sentences back "both N" looks for the pair it refers to.
BOTH_REACH = 3


def _both(index: MentionIndex, token: Token) -> list[Filler]:
    """The pair "both N" refers back to: the last two actors named together as "A and B"
    in the sentences just before ("Chad and Niger share a border ... Paris, an ally of both
    governments, urged restraint": Chad and Niger); none when the noun names no party
    ("both towns"), or no such pair is near."""
    if token.lemma_.lower() not in BOTH_NOUNS or token.tag_ not in ("NNS", "NNPS"):
        return []
    if not any(
        c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both" for c in token.children
    ):
        return []
    view = index.ctx.view
    here = view.sent_no(token)
    for n in range(here - 1, max(-1, here - 1 - BOTH_REACH), -1):
        for second in reversed(view.sents[n]):
            first = second.head
            if second.dep_ != "conj" or not any(c.lower_ == "and" for c in first.children):
                continue
            one, two = index.filler(first), index.filler(second)
            if one is not None and two is not None and one.span != two.span:
                return [one, two]
    return []


def _after_apposition(filler: Filler, phrase: Token | None, holder: Token | None) -> bool:
    """A conjunct named after the relation noun set off as its holder's apposition: "between
    A, an ally of M, and B" (B is no ally of M; "A and B, allies of M" keeps both)."""
    return (
        phrase is not None
        and holder is not None
        and phrase.dep_ == "appos"
        and phrase.head.i == holder.i
        and filler.span.start > phrase.idx
    )


def _owner_of_conjunct(phrase: Token | None, other: Token | None) -> bool:
    """Whether the relation noun is a conjunct of its own owner: "A and its allies, B and
    C" (the parser hangs B and C on A too; they are the allies, not A's co-owners)."""
    return (
        phrase is not None
        and other is not None
        and phrase.dep_ == "conj"
        and phrase.head.i == other.i
    )


def _partitive(token: Token) -> bool:
    """A pronoun of part of a set, listed by its members: "some of its factions, including
    A and B, are part of Y" (A and B, as for "several factions, including A and B")."""
    return token.pos_ == "PRON" and any(c.dep_ == "prep" and c.lower_ == "of"
                                        for c in token.children)  # fmt: skip


def _partitive_members(token: Token) -> Token | None:
    """The members a partitive pronoun's set is listed by when the list hangs on the set's
    noun: "some of its militias, including A and B, are now part of Y" parsed with
    "including" under "militias" (A and B; never "part", which the subject of "be" would
    otherwise name as its members)."""
    if not _partitive(token):
        return None
    of = next(c for c in token.children if c.dep_ == "prep" and c.lower_ == "of")
    whole = dep_child(of, "pobj")
    return pobj(token, MEMBER_PREPS) or (pobj(whole, MEMBER_PREPS) if whole is not None else None)


def statement_when(ctx: DocContext, tok: Token) -> When | None:
    """The date of a relation statement: a time in its own clause ("In 2016, A backed Y"),
    else the publication date; a standing relation is not dated by another clause's
    event ("backers who have seen him as the best bet since 2011")."""
    when = when_for(ctx, tok)
    if when is None or when.precision == "publication":
        return when
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    starts = {t.span.start for t in ctx.timexes if t.when == when}
    for word in head.subtree:
        if word.idx in starts and _same_clause(word, head):
            return when
    return publication_when(ctx)


def _same_clause(word: Token, head: Token) -> bool:
    while word.i != head.i:
        if word.dep_ in CLAUSE_DEPS:
            return False
        word = word.head
    return True


def _mention(ctx, tok, rtype, src: Filler, tgt: Filler, negated, modality, index, quotes):  # noqa: ANN001, ANN202
    return RelationMention(
        article_id=ctx.article.id,
        type=rtype,
        source=src.span,
        target=tgt.span,
        evidence=ctx.evidence(ctx.view.sent(tok)),
        negated=negated,
        modality=modality,
        when=statement_when(ctx, tok),
        attributed_to=attribution_of(tok, index, quotes, modality),
    )


@extractors.register("relations")
class Relations(Component):
    """Explicit relation statements ("X backs Y")."""

    name = "relations"
    requires = ("mentions", "timexes", "places", "quotes", "events")
    assigns = ("relations",)
    extends = ("mentions",)

    def __call__(self, ctx: DocContext) -> dict[str, Sequence[object]]:
        return extract_relations(ctx)
