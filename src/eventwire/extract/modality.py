"""Polarity, modality and attribution of a statement, read off the dependency parse.

:func:`modality_of` walks from the trigger up through the clauses that govern it
(stopping at relative clauses, which say something about a noun, not about the
trigger) and collects cues: negation ("not", "never", "no"), denial ("denied
backing", "rejected claims that"), refusal, conditionals ("would", "if"),
future and intention ("will", "plans to"), allegation ("allegedly", "is believed
to", "likely") and report ("reportedly", "is said to"). The strongest cue wins,
in the order of :data:`PRIORITY`.

Scope: a negation or hedge on the copula of a graded noun ("is not the biggest
backer", "is likely not its main ally") or on a verb with a comparison ("did
not back it as strongly as") denies the degree, not the relation, so it is
ignored. The walk stops at a noun the trigger only modifies through a
preposition ("faced no pressure from backers including X"): what that noun's
clause says does not reach the backers, unless the noun is itself a claim
("reports of", "denied claims of"). It also stops where a clause with its own
subject is coordinated with another ("A denied it, and B sent troops").

:func:`phrase_modality` reads what a noun phrase presupposes ("alleged backers",
"no allies") from the phrase's own words.

:func:`attribution_of` finds who says so: the subject of a governing speech verb,
"according to X", "a statement from X", or the speaker of the quote around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.model import QuoteMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

PRIORITY = ("denied", "negated", "hypothetical", "future", "alleged", "reported", "asserted")
NEGATED_MODALITIES = frozenset({"denied", "negated"})

DENY = frozenset({"deny", "refute", "disavow"})
REFUSE = frozenset({"refuse", "decline", "fail", "reject", "stop", "cease", "avoid", "refrain",
                    "abstain"})  # fmt: skip
CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "suggestion", "charge"})
# Nouns whose prepositional complement stays under their clause's modality.
SCOPE_NOUNS = CLAIM_NOUNS | frozenset({"rumour", "rumor", "evidence", "sign", "possibility",
                                       "prospect", "plan", "hope", "threat", "denial", "talk"})  # fmt: skip
DISMISS = frozenset({"reject", "dismiss", "deny", "refute"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
HYPOTHETICAL_GOVERNORS = frozenset({"consider", "propose", "suggest", "mull", "weigh"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
FUTURE_GOVERNORS = frozenset(
    {"plan", "intend", "hope", "aim", "expect", "prepare", "seek", "want", "vow", "pledge",
     "promise", "threaten", "go", "set", "poise", "wish", "offer"}
)  # fmt: skip
ALLEGED_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "apparently", "likely",
                             "probably"})  # fmt: skip
HYPOTHETICAL_ADVERBS = frozenset({"possibly", "perhaps", "maybe"})
# Modifiers that grade a noun: "not the biggest backer" still says it is a backer.
DEGREE_WORDS = frozenset({"main", "only", "sole", "chief", "principal", "primary", "major",
                          "key", "leading", "top", "closest", "biggest", "largest"})  # fmt: skip
ALLEGED_GOVERNORS = frozenset({"believe", "think", "suspect", "allege", "accuse", "rumour",
                               "rumor", "claim", "suggest"})  # fmt: skip
REPORTED_ADVERBS = frozenset({"reportedly"})
REPORTED_GOVERNORS = frozenset({"report", "say"})  # only in the passive: "is said to"
SPEECH_VERBS = frozenset(
    {"say", "tell", "state", "add", "announce", "claim", "insist", "declare", "report",
     "confirm", "deny", "warn", "write", "note", "explain", "stress", "assert", "allege",
     "accuse", "tweet", "acknowledge", "admit", "argue", "maintain", "call", "describe",
     "brand", "label"}
)  # fmt: skip
STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "communique",
        "communiqué",
        "declaration",
        "report",
        "study",
        "analysis",
        "letter",
        "memo",
        "article",
        "editorial",
    }
)
BOUNDARY_DEPS = frozenset({"relcl"})
PHRASE_MODALITIES = {"alleged": "alleged", "suspected": "alleged", "purported": "alleged",
                     "supposed": "alleged", "reported": "reported", "possible": "hypothetical",
                     "potential": "hypothetical", "would-be": "hypothetical",
                     "prospective": "future", "future": "future"}  # fmt: skip


def governing_chain(token: Token) -> list[Token]:
    """The trigger and the heads that govern its clause, up to the root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and chain[-1].dep_ not in BOUNDARY_DEPS:
        chain.append(chain[-1].head)
    return chain


def _lemma_in(token: Token, words: frozenset[str]) -> bool:
    """Lemma membership, forgiving the lemmatiser's slips on inflected forms ("hopes" -> "hop")."""
    low = token.lower_
    forms = {token.lemma_.lower(), low, low[:-1], low[:-2], low[:-3]}
    return not forms.isdisjoint(words)


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _graded(token: Token) -> bool:
    """A noun with a superlative or grading modifier ("biggest", "main", "only")."""
    return any(
        c.dep_ == "amod" and (c.tag_ in ("JJS", "JJR") or c.lower_ in DEGREE_WORDS)
        for c in token.children
    )


def _compared(verb: Token) -> bool:
    """A verb with an "as ... as" or "more ... than" comparison ("not as openly as")."""
    for adv in verb.children:
        if adv.dep_ == "advmod" and any(c.lower_ in ("as", "than") for c in adv.subtree):
            return adv.lower_ != "longer"
    return False


def _within_scope(chain: list[Token]) -> list[Token]:
    """The chain up to a noun the trigger only modifies through a preposition, or up to
    the clause a conjoined clause with its own subject is coordinated with ("Moscow
    denied it, and Cairo sent troops": the denial is not Cairo's)."""
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


def modality_of(token: Token) -> tuple[bool, str]:
    """``(negated, modality)`` of the statement whose trigger is ``token``."""
    found: set[str] = set()
    chain = _within_scope(governing_chain(token))
    for pos, tok in enumerate(chain):
        governor = pos > 0
        # Negation and hedges here grade the trigger rather than deny it.
        graded = (governor and chain[pos - 1].dep_ == "attr" and _graded(chain[pos - 1])) or (
            tok.pos_ in ("VERB", "AUX") and _compared(tok)
        )
        for child in tok.children:
            low = child.lower_
            if graded and (
                child.dep_ == "neg" or low in ALLEGED_ADVERBS or low in HYPOTHETICAL_ADVERBS
            ):
                continue
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
                found.add("negated")
            elif child.dep_ == "advmod" and any(g.dep_ == "neg" for g in child.children):
                found.add("negated")  # "no longer"
            elif child.dep_ == "aux" and low in HYPOTHETICAL_AUX:
                found.add("future" if _reported_future(chain, pos) else "hypothetical")
            elif child.dep_ == "aux" and low in FUTURE_AUX:
                found.add("future")
            elif child.dep_ == "mark" and low in CONDITIONAL_MARKS:
                found.add("hypothetical")
            elif child.dep_ in ("advmod", "acomp") and low in ALLEGED_ADVERBS:
                found.add("alleged")
            elif child.dep_ == "advmod" and low in HYPOTHETICAL_ADVERBS:
                found.add("hypothetical")
            elif child.dep_ == "advmod" and low in REPORTED_ADVERBS:
                found.add("reported")
        if not governor:
            continue
        if (
            _lemma_in(tok, DENY)
            or _lemma_in(tok, DISMISS)
            and any(t.lemma_.lower() in CLAIM_NOUNS for t in chain[:pos])
        ):
            found.add("denied")
        elif _lemma_in(tok, REFUSE):
            found.add("negated")
        elif _lemma_in(tok, FUTURE_GOVERNORS) and chain[pos - 1].dep_ == "xcomp":
            found.add("future")
        elif _lemma_in(tok, HYPOTHETICAL_GOVERNORS):
            found.add("hypothetical")
        elif _lemma_in(tok, REPORTED_GOVERNORS) and _is_passive(tok):
            found.add("reported")
        elif _lemma_in(tok, ALLEGED_GOVERNORS):
            found.add("alleged")
    # Denial of a negation ("did not deny") is too rare to model; denial wins.
    modality = next(m for m in PRIORITY if m in found or m == "asserted")
    return modality in NEGATED_MODALITIES, modality


def phrase_modality(noun: Token) -> tuple[bool, str]:
    """``(negated, modality)`` of what a noun phrase presupposes, from its own words only:
    "no backers" (negated), "alleged backers" (alleged), "possible allies" (hypothetical)."""
    for child in noun.children:
        low = child.lower_
        if child.dep_ in ("det", "neg") and low in ("no", "not"):
            return True, "negated"
        if child.dep_ == "amod" and low in PHRASE_MODALITIES:
            return False, PHRASE_MODALITIES[low]
    return False, "asserted"


def _reported_future(chain: list[Token], pos: int) -> bool:
    """'would' under a past speech verb is future in the past ("said it would send")."""
    return any(t.lemma_.lower() in SPEECH_VERBS and t.tag_ == "VBD" for t in chain[pos + 1 :])


def attribution_of(
    token: Token, index: MentionIndex, quotes: tuple[QuoteMention, ...] = ()
) -> Span | None:
    """The mention of whoever the statement at ``token`` is attributed to."""
    for quote in quotes:
        if quote.span.start <= token.idx < quote.span.end:
            return quote.speaker
    for tok in governing_chain(token)[1:]:
        if tok.lemma_.lower() in SPEECH_VERBS:
            for child in tok.children:
                # "X is said to": the passive subject is what is said, not who says it.
                if child.dep_ == "nsubj" and (f := index.filler(child)):
                    return f.span
    sent = index.ctx.view.sent(token)
    for tok in sent:
        if tok.lower_ == "according":
            for pobj in (t for t in tok.subtree if t.dep_ == "pobj"):
                if f := index.filler(pobj):
                    return f.span
        if (author := author_of(tok, index)) is not None:
            return author
    return None


def author_of(token: Token, index: MentionIndex) -> Span | None:
    """Who issued a statement noun: "a statement from X", "a report by X", "X's statement"."""
    if token.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (f := index.filler(pobj)):
                    return f.span
    for child in token.children:
        if child.dep_ == "poss" and (f := index.filler(child)):
            return f.span
    return None
