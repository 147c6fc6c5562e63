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

:func:`denial_of` finds a rebuttal that does not govern the statement: "P, which X
denies", "accused of P, but it denies it", "the allegations that P were baseless", a
rebuttal of a claim in the next sentence; :func:`denier_of` says who denies. Negation
stays in its clause: an event in a setting phrase ("denied backing them in their war") or
subject of an aspectual verb ("the fighting does not stop") is presupposed, a negated
"stop"/"refuse" cancels out, a negated verb does not reach an embedded question, and
"could not confirm" is an allegation.

:func:`phrase_modality` reads what a noun phrase presupposes ("alleged backers",
"no allies") from the phrase's own words.

:func:`attribution_of` finds who says so: for a denied statement the denier, never the
accuser; else the subject of a governing speech verb, "according to X", "a statement from
X", or the speaker of the quote around it.
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
CONFIRM = frozenset({"confirm", "verify", "corroborate"})
REFUSE = frozenset({"refuse", "decline", "fail", "reject", "stop", "cease", "avoid", "refrain",
                    "abstain"})  # fmt: skip
CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "suggestion", "charge"})
# Nouns whose prepositional complement stays under their clause's modality.
SCOPE_NOUNS = CLAIM_NOUNS | frozenset({"rumour", "rumor", "evidence", "sign", "possibility",
                                       "prospect", "plan", "hope", "threat", "denial", "talk"})  # fmt: skip
DISMISS = frozenset({"reject", "dismiss", "deny", "refute", "rebut"})
# Verbs that call their object something: "called the reports an absolute lie".
NAMING_VERBS = frozenset({"call", "brand", "describe", "label", "term", "denounce", "dismiss",
                          "reject"})  # fmt: skip
# Verbs of commitment whose object, pledged for a purpose, is given support.
PLEDGES = frozenset({"pledge", "commit"})
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
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
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
# Verbs saying that an event goes on or ends: with the event as subject, their negation
# says the event continues ("the fighting does not stop"), not that it did not happen.
ASPECTUAL = frozenset({"stop", "cease", "end", "continue", "subside", "ease", "abate", "halt",
                       "persist", "last", "finish", "die", "calm", "slow"})  # fmt: skip
# Verbs through which a noun in a prepositional phrase keeps its clause's modality: who
# "did not take part in the attack" did not attack; who "denied backing the rebels in
# their war" denies the backing, not the war.
PARTAKING_VERBS = frozenset({"participate", "take", "join", "engage", "involve"})
# Prepositions that set a clause in an event rather than give it an argument.
SETTING_PREPS = frozenset({"in", "during", "amid", "amidst", "throughout", "after", "before",
                           "since", "following", "despite", "for"})  # fmt: skip
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
    denied it, and Cairo sent troops": the denial is not Cairo's).

    An event noun that is the subject of an aspectual verb is presupposed by it: "the
    fighting does not stop" says the fighting goes on."""
    trigger = chain[0]
    subject = trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass")
    if subject and len(chain) > 1 and _lemma_in(chain[1], ASPECTUAL):
        return chain[:1]
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


def _question_clause(clause: Token) -> bool:
    """An embedded question: "why they attacked", "how the town fell" (presupposed) or
    "whether they attacked" (left open, hypothetical by its mark)."""
    return clause.dep_ in ("ccomp", "xcomp", "advcl") and any(
        (c.tag_ in ("WRB", "WP") or c.lower_ in ("whether", "if")) and c.i < clause.i
        for c in clause.children
    )


def _presupposed_in_phrase(chain: list[Token]) -> bool:
    """An event noun in a prepositional phrase on a verb other than one of taking part:
    "denied backing the rebels in their war with the army" denies the backing, not the
    war; "no one was killed in the attack" does not deny the attack. Hedges still reach
    it ("were reportedly killed in an air strike")."""
    trigger = chain[0]
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "pobj"
        and len(chain) > 2
        and chain[1].lower_ in SETTING_PREPS
        and chain[2].pos_ in ("VERB", "AUX")
        and not _lemma_in(chain[2], PARTAKING_VERBS)
    )


def modality_of(token: Token) -> tuple[bool, str]:
    """``(negated, modality)`` of the statement whose trigger is ``token``."""
    found: set[str] = set()
    chain = _within_scope(governing_chain(token))
    shielded = _presupposed_in_phrase(chain)
    for pos, tok in enumerate(chain):
        governor = pos > 0
        # Negation and hedges here grade the trigger rather than deny it.
        graded = (governor and chain[pos - 1].dep_ == "attr" and _graded(chain[pos - 1])) or (
            tok.pos_ in ("VERB", "AUX") and _compared(tok)
        )
        negated_here = any(c.dep_ == "neg" for c in tok.children)
        # A negated verb of stopping or refusing cancels out ("never stopped shelling");
        # a negated verb with an embedded question does not reach it ("did not say why (or
        # whether) they attacked"); an unconfirmed claim is alleged ("could not confirm
        # that they attacked").
        cancelled = governor and negated_here and _lemma_in(tok, REFUSE)
        presupposed = governor and negated_here and _question_clause(chain[pos - 1])
        unconfirmed = governor and negated_here and _lemma_in(tok, CONFIRM)
        if unconfirmed:
            found.add("alleged")
        for child in tok.children:
            low = child.lower_
            if graded and (
                child.dep_ == "neg" or low in ALLEGED_ADVERBS or low in HYPOTHETICAL_ADVERBS
            ):
                continue
            if (cancelled or presupposed or unconfirmed) and child.dep_ == "neg":
                continue
            if unconfirmed and child.dep_ == "aux" and low in HYPOTHETICAL_AUX:
                continue  # "could not confirm"
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
        if pos == 1 and token.lemma_.lower() in CLAIM_NOUNS and _lemma_in(tok, REBUT):
            continue  # "denies the allegation": the allegation was made, its content denied
        if (
            _lemma_in(tok, DENY)
            or _lemma_in(tok, DISMISS)
            and any(t.lemma_.lower() in CLAIM_NOUNS for t in chain[:pos])
        ):
            found.add("denied")
        elif _lemma_in(tok, REFUSE) and not cancelled:
            found.add("negated")
        elif _lemma_in(tok, FUTURE_GOVERNORS) and chain[pos - 1].dep_ == "xcomp":
            if not _pledged_for(tok):
                found.add("future")
        elif _lemma_in(tok, HYPOTHETICAL_GOVERNORS):
            found.add("hypothetical")
        elif _lemma_in(tok, REPORTED_GOVERNORS) and _is_passive(tok):
            found.add("reported")
        elif _lemma_in(tok, ALLEGED_GOVERNORS):
            found.add("alleged")
    if shielded:
        found -= NEGATED_MODALITIES
    elif denial_of(token) is not None:
        found.add("denied")
    # Denial of a negation ("did not deny") is too rare to model; denial wins.
    modality = next(m for m in PRIORITY if m in found or m == "asserted")
    return modality in NEGATED_MODALITIES, modality


# Links from a statement up to the claim that carries it: "accused X of P-ing" (prep,
# pcomp), "claims that P" (acl), "said P" (ccomp).
CARRIER_DEPS = frozenset({"prep", "pcomp", "pobj", "acl", "ccomp", "xcomp"})
CLAUSE_BOUNDARIES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis",
                               "csubj", "pcomp"})  # fmt: skip
REBUT = DENY | DISMISS | frozenset({"rebut", "dispute", "contest"})


def _carries_claim(tok: Token) -> bool:
    """A word that presents what it governs as someone's claim: "accused", "claims that"."""
    return (
        _lemma_in(tok, ALLEGED_GOVERNORS)
        or tok.lemma_.lower() in CLAIM_NOUNS
        or (tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB")
        or (_lemma_in(tok, REPORTED_GOVERNORS) and _is_passive(tok))
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
    hosts = []
    for tok in chain[top].subtree:
        word = tok
        while word.i not in on_chain and word.dep_ not in CLAUSE_BOUNDARIES:
            word = word.head
        if word.i in on_chain:
            hosts.append(tok)
    return hosts


def _rebuts_something_said(verb: Token) -> bool:
    """A denial verb whose object is nothing, an anaphor or a claim: "denies it", "which
    both countries have denied", "deny the allegation" (not "denied killing civilians")."""
    if verb.pos_ != "VERB" or not _lemma_in(verb, REBUT):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    obj = _child_of(verb, "dobj")
    return obj is None or obj.lower_ in ANAPHORS or obj.lemma_.lower() in CLAIM_NOUNS


def _called_false(claim: Token) -> Token | None:
    """The predicate calling a claim noun false: "the allegations were baseless", "called
    the reports an absolute lie", "dismissed the claims as lies"."""
    verb = claim.head
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if claim.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be":
        preds = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    elif claim.dep_ == "dobj" and _lemma_in(verb, NAMING_VERBS):
        preds = [c for c in verb.children if c.dep_ in ("oprd", "acomp")]
        preds += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ in ("pobj", "amod")]  # fmt: skip
    else:
        return None
    return verb if any(p.lemma_.lower() in BASELESS for p in preds) else None


def _next_sentence_rebuttal(token: Token) -> Token | None:
    """A rebuttal opening the next sentence of the paragraph: "X accused Y of P. Y denies
    the allegations." / "... The claims are false." """
    sent = token.sent
    doc = token.doc
    if sent.end >= len(doc) or "\n" in doc[sent.end - 1].whitespace_ + doc[sent.end].text:
        return None
    nxt = doc[sent.end].sent
    root = nxt.root
    if _rebuts_something_said(root) and _child_of(root, "dobj") is not None:
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
    chain = _within_scope(governing_chain(token))
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
                and _child_of(child, "nsubj") is not None  # a denial has a denier
                and _rebuts_something_said(child)
            ):
                return child
    return _next_sentence_rebuttal(token) if claimed else None


def _child_of(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


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


def _pledged_for(verb: Token) -> bool:
    """A pledge of something to help: "Qatar pledged millions to help fund the offensive".
    The pledge is made and the infinitive is its purpose, not a promise still to keep."""
    obj = _child_of(verb, "dobj")
    return _lemma_in(verb, PLEDGES) and obj is not None and obj.pos_ not in ("PROPN", "PRON")


def _reported_future(chain: list[Token], pos: int) -> bool:
    """'would' under a past speech verb is future in the past ("said it would send")."""
    return any(t.lemma_.lower() in SPEECH_VERBS and t.tag_ == "VBD" for t in chain[pos + 1 :])


def attribution_of(
    token: Token,
    index: MentionIndex,
    quotes: tuple[QuoteMention, ...] = (),
    modality: str | None = None,
) -> Span | None:
    """The mention of whoever the statement at ``token`` is attributed to; for a denied
    statement, the denier, never the accuser ("UN investigators accused Chad of arming
    them, which Chad denies": Chad). ``modality`` is the statement's when known (a relation
    a noun phrase presupposes has its own)."""
    if modality is None:
        modality = modality_of(token)[1]
    quote = next((q for q in quotes if q.span.start <= token.idx < q.span.end), None)
    speaker = quote.speaker if quote is not None else None
    if modality == "denied":  # the denier, else who is quoted denying; never the accuser
        return denier_of(token, index) or speaker
    if quote is not None:
        return speaker
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


def denial_word(token: Token) -> Token | None:
    """The word that denies the statement at ``token``: a governing denial verb ("denied
    backing", "rejected claims that") or a rebuttal found by :func:`denial_of`."""
    chain = _within_scope(governing_chain(token))
    for pos, tok in enumerate(chain[1:], start=1):
        if _lemma_in(tok, DENY) or (
            _lemma_in(tok, DISMISS) and any(t.lemma_.lower() in CLAIM_NOUNS for t in chain[:pos])
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
    subject = _child_of(word, "nsubj")
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and word.dep_ == "relcl":
        subject = word.head  # "Qatar, which denies it"
    named = subject is not None and subject.lemma_.lower() not in CLAIM_NOUNS
    if named and subject is not None and (f := index.filler(subject)) is not None:
        return f.span
    if word.lemma_ == "be":  # "the claims are false, the minister said"
        for tok in governing_chain(word)[1:]:
            if tok.lemma_.lower() in SPEECH_VERBS and (s := _child_of(tok, "nsubj")):
                return f.span if (f := index.filler(s)) is not None else None
        return None
    if subject is not None and not _stands_for_accused(subject):
        return None  # "she rejected claims that Iran armed them": she, unnamed here
    for tok in governing_chain(token):
        if _lemma_in(tok, ALLEGED_GOVERNORS):
            accused = _child_of(tok, "dobj") or _child_of(tok, "nsubjpass")
            if accused is not None and (f := index.filler(accused)) is not None:
                return f.span
        own = _child_of(tok, "nsubj")
        if own is not None and (f := index.filler(own)) is not None:
            return f.span
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
