"""Denials and rebuttals of a statement that no denial verb governs, and who denies.

:func:`denial_of` finds a rebuttal hanging on the statement's clause or on the claim
carrying it ("P, which X denies", "accused of P, but it denies it", "accused X of P
although both deny the allegation"), a claim called false ("the allegations that P were
baseless", "called reports of P an absolute lie") and, for a claim, a rebuttal opening
the next sentence of the paragraph. :func:`denial_word` adds the governing denial verbs
("denied backing", "rejected claims that"); :func:`denier_of` says who denies: the
denial's subject, "it"/"they"/"both" standing for the accused, never the accuser. A
denial taken back ("initially dismissed reports of P as a lie, but later confirmed
them", :func:`retracted`) denies nothing, and a rebuttal never reaches over a paragraph
break.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.clausechain import (
    ALLEGED_GOVERNORS,
    CLAIM_NOUNS,
    DENY,
    DISMISS,
    RELATIVE_PRONOUNS,
    REPORTED_GOVERNORS,
    SPEECH_VERBS,
    child_of,
    governing_chain,
    is_passive,
    lemma_in,
    within_scope,
)
from eventwire.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

# Predicates that call a claim false: "the allegations were baseless".
BASELESS = frozenset({"baseless", "false", "unfounded", "untrue", "groundless", "fabricated",
                      "lie", "lies", "nonsense", "fabrication", "fiction", "incorrect", "wrong",
                      "fake", "propaganda", "slander"})  # fmt: skip
# What a denial verb may take as object and still deny the statement it follows: nothing,
# an anaphor ("denies it", "which X denied") or the claim itself ("deny the allegation").
ANAPHORS = frozenset({"it", "this", "that", "which", "them", "these", "those", "so"})
# Clause links under which a denial answers the clause it hangs on: "P, but they deny it",
# "P, although both deny the allegation".
ANSWER_DEPS = frozenset({"conj", "advcl", "relcl", "parataxis"})
# Verbs that call their object something: "called the reports an absolute lie".
NAMING_VERBS = frozenset({"call", "brand", "describe", "label", "term", "denounce", "dismiss",
                          "reject"})  # fmt: skip
# Links from a statement up to the claim that carries it: "accused X of P-ing" (prep,
# pcomp), "claims that P" (acl), "said P" (ccomp).
CARRIER_DEPS = frozenset({"prep", "pcomp", "pobj", "acl", "ccomp", "xcomp"})
CLAUSE_BOUNDARIES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis",
                               "csubj", "pcomp"})  # fmt: skip
REBUT = DENY | DISMISS | frozenset({"rebut", "dispute", "contest"})


def _carries_claim(tok: Token) -> bool:
    """A word that presents what it governs as someone's claim: "accused", "claims that"."""
    return (
        lemma_in(tok, ALLEGED_GOVERNORS)
        or tok.lemma_.lower() in CLAIM_NOUNS
        or (tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB")
        or (lemma_in(tok, REPORTED_GOVERNORS) and is_passive(tok))
    )


def _claim_top(chain: list[Token]) -> tuple[int, bool]:
    """Where the statement's clause ends up the chain: its own clause head, or the claim
    that carries it ("accused Chad of arming the rebels"), and whether there is one."""
    pos = next((n for n, t in enumerate(chain) if t.pos_ in ("VERB", "AUX")), 0)
    claimed = False
    while pos + 1 < len(chain) and chain[pos].dep_ in CARRIER_DEPS:
        nxt = chain[pos + 1]
        if nxt.pos_ == "ADP" or _carries_claim(nxt):
            claimed = claimed or nxt.pos_ != "ADP"
            pos += 1
        else:
            break
    return pos, claimed or any(_carries_claim(t) for t in chain[1 : pos + 1])


def _hosts(chain: list[Token], top: int) -> list[Token]:
    """Tokens of the statement's clause (and of the claim carrying it) a denial may hang on:
    the chain up to ``top`` and the words below it that no other clause separates."""
    on_chain = {t.i for t in chain[: top + 1]}
    reaches: dict[int, bool] = {}  # a word climbed before -> whether it reached the chain
    hosts = []
    for tok in chain[top].subtree:
        word, climbed = tok, []
        while (
            word.i not in reaches and word.i not in on_chain and word.dep_ not in CLAUSE_BOUNDARIES
        ):
            climbed.append(word.i)
            word = word.head
        ok = reaches.get(word.i, word.i in on_chain)
        reaches.update(dict.fromkeys((*climbed, word.i), ok))
        if ok:
            hosts.append(tok)
    return hosts


def _rebuts_something_said(verb: Token) -> bool:
    """A denial verb whose object is nothing, an anaphor or a claim: "denies it", "which
    both countries have denied", "deny the allegation" (not "denied killing civilians")."""
    if verb.pos_ != "VERB" or not lemma_in(verb, REBUT):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    obj = child_of(verb, "dobj")
    return obj is None or obj.lower_ in ANAPHORS or obj.lemma_.lower() in CLAIM_NOUNS


def _called_false(claim: Token) -> Token | None:
    """The predicate calling a claim noun false: "the allegations were baseless", "called
    the reports an absolute lie", "dismissed the claims as lies"."""
    verb = claim.head
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if claim.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be":
        preds = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    elif claim.dep_ == "dobj" and lemma_in(verb, NAMING_VERBS):
        preds = [c for c in verb.children if c.dep_ in ("oprd", "acomp")]
        preds += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ in ("pobj", "amod")]  # fmt: skip
    else:
        return None
    if retracted(verb):
        return None
    return verb if any(p.lemma_.lower() in BASELESS for p in preds) else None


# "initially denied ... but later confirmed": a denial its denier took back.
FIRST_WORDS = frozenset({"initially", "first", "originally", "earlier"})
TAKE_BACK = frozenset({"confirm", "acknowledge", "admit", "concede", "retract", "withdraw"})


def retracted(verb: Token) -> bool:
    """Whether the denial ``verb`` was taken back: "first called the reports ... a
    fabrication, but officials later confirmed", "at first denied it but then admitted"
    (a first-time adverb on the denial and a later confirming clause joined to it)."""
    first = any(c.lower_ in FIRST_WORDS for c in verb.children if c.dep_ in ("advmod", "prep"))
    first = first or any(
        c.lower_ == "at" and any(g.lower_ == "first" for g in c.children) for c in verb.children
    )
    return first and any(
        c.dep_ in ("conj", "advcl") and c.lemma_.lower() in TAKE_BACK and c.i > verb.i
        for c in verb.subtree  # joined to the denial or, as parsed, to what it denies
    )


def _next_sentence_rebuttal(token: Token) -> Token | None:
    """A rebuttal opening the next sentence of the paragraph: "X accused Y of P. Y denies
    the allegations." / "... The claims are false." """
    sent = token.sent
    doc = token.doc
    if sent.end >= len(doc):
        return None
    # the text from the sentence's last word to the next one's first (``doc.text`` would
    # join the whole document's tokens on each call)
    gap = sent[-1].text_with_ws + doc[sent.end].text
    if "\n" in gap:
        return None  # the next paragraph
    nxt = doc[sent.end].sent
    root = nxt.root
    if _rebuts_something_said(root) and child_of(root, "dobj") is not None:
        return root
    for word in nxt:
        if word.lemma_.lower() in CLAIM_NOUNS and (pred := _called_false(word)) is not None:
            return pred
    return None


def denial_of(token: Token) -> Token | None:
    """The word that rebuts the statement at ``token`` when no denial verb governs it.

    * a claim carrying it is called false: "the allegations that P were baseless";
    * a denial hangs on its clause or on the claim carrying it: "P, which X denies",
      "accused X of P, which both countries have denied", "X is accused of P, but it
      denies it", "accused X of P although both governments deny the allegation";
    * for a claim, the next sentence of the paragraph rebuts it: "... X denies the
      allegations", "The claims are baseless"."""
    chain = within_scope(governing_chain(token))
    if _carries_claim(token):
        return None  # the accusation was made; a rebuttal answers what it says
    for tok in chain[1:]:
        if tok.lemma_.lower() in CLAIM_NOUNS and (pred := _called_false(tok)) is not None:
            return pred
    top, claimed = _claim_top(chain)
    for host in _hosts(chain, top):
        for child in host.children:
            if (
                child.dep_ in ANSWER_DEPS
                and child.i > token.i
                and child_of(child, "nsubj") is not None  # a denial has a denier
                and _rebuts_something_said(child)
            ):
                return child
    return _next_sentence_rebuttal(token) if claimed else None


def denial_word(token: Token) -> Token | None:
    """The word that denies the statement at ``token``: a governing denial verb ("denied
    backing", "rejected claims that") or a rebuttal found by :func:`denial_of`."""
    chain = within_scope(governing_chain(token))
    for pos, tok in enumerate(chain[1:], start=1):
        if chain[pos - 1].dep_ == "conj":
            continue  # "denied the charges and accused X": the accusation is not denied
        if lemma_in(tok, DENY) or (
            lemma_in(tok, DISMISS) and any(t.lemma_.lower() in CLAIM_NOUNS for t in chain[:pos])
        ):
            return tok
    return denial_of(token)


def _stands_for_accused(subject: Token) -> bool:
    """A denial's subject that can only be the accused: "it", "they", "both (countries)"."""
    if subject.lower_ in ("it", "they", "both", "each"):
        return True
    return any(c.dep_ in ("det", "predet") and c.lower_ in ("both", "each", "all")
               for c in subject.children)  # fmt: skip


def denier_of(token: Token, index: MentionIndex) -> Span | None:
    """Who denies the statement at ``token``: the denial's subject ("X denied", "X, which
    denies it"); a pronoun or an unnamed subject ("both countries", "it") stands for the
    accused, the object of "accused X of" or the statement's own subject; a claim called
    false ("the allegations were baseless") is denied by whoever says so."""
    word = denial_word(token)
    if word is None:
        return None
    subject = child_of(word, "nsubj")
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and word.dep_ == "relcl":
        subject = word.head  # "Qatar, which denies it"
    named = subject is not None and subject.lemma_.lower() not in CLAIM_NOUNS
    if named and subject is not None and (f := index.filler(subject)) is not None:
        return f.span
    if word.lemma_ == "be":  # "the claims are false, the minister said"
        for tok in governing_chain(word)[1:]:
            if tok.lemma_.lower() in SPEECH_VERBS and (s := child_of(tok, "nsubj")):
                return f.span if (f := index.filler(s)) is not None else None
        return None
    if subject is not None and not _stands_for_accused(subject):
        return None  # "she rejected claims that Iran armed them": she, unnamed here
    for tok in governing_chain(token):
        if lemma_in(tok, ALLEGED_GOVERNORS):
            accused = child_of(tok, "dobj") or child_of(tok, "nsubjpass")
            if accused is not None and (f := index.filler(accused)) is not None:
                return f.span
        own = child_of(tok, "nsubj")
        if own is not None and (f := index.filler(own)) is not None:
            return f.span
    return None
