"""Speakers who are not actors, and the issuer behind "the report said".

An unnamed source is kept as its description ("witness in Tessit", "local official");
a bare "the witness" takes the fuller description given where the source was first
introduced. A statement noun with no issuer of its own goes to whoever issued the report
told a few sentences before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.counts import is_people
from eventwire.extract.kind_words import PERSON_NOUNS
from eventwire.extract.modality import STATEMENT_NOUNS, author_of
from eventwire.knowledge.words import CountWords
from eventwire.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token


# nouns that speak for an unnamed person besides the nouns for people ("a witness said",
# "a security source told")
SOURCE_NOUNS = frozenset({"witness", "eyewitness", "source", "survivor", "relative",
                          "spokesperson", "insider", "onlooker", "bystander", "manager",
                          "warden", "owner"})  # fmt: skip
# words that open a description without describing: "a witness", "one resident"
_OPENERS = frozenset({"a", "an", "the", "one", "another", "some", "several", "two", "three"})
# what a description leaves out: "a local official, who asked not to be named"
_ASIDES = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})


def unnamed_source(noun: Token, words: CountWords) -> str | None:
    """The description of an unnamed speaker: a noun for people that names no actor ("a
    witness in Tessit said", "one resident told", "medics said", "a local official, who
    asked not to be named, said"), as its phrase without the aside and the opening
    article ("witness in Tessit", "local official"); None for anything else (a pronoun, a
    report, a place)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("GPE", "LOC", "ORG", "FAC"):
        return None
    if noun.lower_ in words.pronouns:
        return None
    if not _source_noun(noun) and not is_people(noun, words):
        return None
    kept: set[int] = set()
    stack = [noun]
    while stack:
        node = stack.pop()
        kept.add(node.i)
        stack.extend(c for c in node.children if c.dep_ not in _ASIDES)
    doc = noun.doc
    ordered = sorted(kept)
    while ordered and doc[ordered[0]].lower_ in _OPENERS and ordered[0] != noun.i:
        ordered.pop(0)
    if not ordered or ordered != list(range(ordered[0], ordered[-1] + 1)):
        ordered = [noun.i]  # a broken phrase: the noun alone
    if ordered == [noun.i] and (earlier := _introduced_before(noun)) is not None:
        return unnamed_source(earlier, words) or noun.text
    return doc[ordered[0] : ordered[-1] + 1].text


def _source_noun(noun: Token) -> bool:
    """A noun of one person who may speak unnamed: a source ("a witness"), or a person's
    office or trade ("the prefect", "the sub-prefect", "the reserve's manager"), the last
    part of a hyphened office read ("sub-prefect", "vice-governor")."""
    lemma = noun.lemma_.lower()
    last = lemma.rsplit("-", 1)[-1]
    return (
        lemma in SOURCE_NOUNS or lemma in PERSON_NOUNS or (last != lemma and last in PERSON_NOUNS)
    )


SOURCE_REACH = 120  # tokens back: the source was introduced a sentence or two before
_DEFINITE = frozenset({"the", "this", "that"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _introduced_before(noun: Token) -> Token | None:
    """The earlier mention a bare definite source repeats: "a witness in Kabala said the
    shelling began at dawn ... 'We hid,' the witness told reporters" -- the nearest
    noun before it with the same lemma and an indefinite determiner, whose description
    is the fuller one; None when the noun is not definite or none is within reach."""
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    doc = noun.doc
    for i in range(noun.i - 1, max(noun.i - SOURCE_REACH, 0) - 1, -1):
        tok = doc[i]
        # a definite repetition in between ("the witness said ...") refers back too
        if (
            tok.lemma_.lower() == lemma
            and tok.pos_ == noun.pos_
            and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in tok.children)
        ):
            return tok
    return None


ISSUING_VERBS = frozenset({"report", "announce", "state", "issue", "publish", "release"})
# verbs of saying whose subject, when it is a body, issued the statement named next
STATEMENT_VERBS = frozenset({"say", "reject", "deny", "accuse", "blame", "claim", "add"})
ISSUER_REACH = 120  # tokens back: a report named a few sentences before


def issuer_before(noun: Token, index: MentionIndex) -> Span | None:
    """Who issued "the report" or "the statement" a speech verb's subject names with no
    issuer of its own: the issuer of the nearest report told before it ("The state news
    agency reported that ... the report said"); else None."""
    if noun.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
        return None
    doc = noun.doc
    for i in range(noun.sent.start - 1, max(noun.sent.start - ISSUER_REACH, 0) - 1, -1):
        tok = doc[i]
        if tok.lemma_.lower() in ISSUING_VERBS and tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and (filler := index.filler(subject)):
                return filler.span
        if tok.lemma_.lower() in STATEMENT_VERBS and tok.pos_ == "VERB":
            # a body that spoke just before issued "the statement" ("The ministry rejected
            # the claim ... "...," the statement said"); a person gives no statement so
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            filler = index.filler(subject) if subject is not None else None
            found = index.mention(filler.span) if filler is not None else None
            if found is not None and found.label not in ("PERSON", "GROUP"):
                return found.span
        if tok.lemma_.lower() in STATEMENT_NOUNS and (author := author_of(tok, index)):
            return author
    return None
