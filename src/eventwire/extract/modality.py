"""Polarity, modality and attribution of a statement, read off the dependency parse.

:func:`modality_of` walks from the trigger up through the clauses that govern it
(stopping at relative clauses, which say something about a noun, not about the
trigger) and collects cues: negation ("not", "never", "no"), denial ("denied
backing", "rejected claims that"), refusal, conditionals ("would", "if"),
future and intention ("will", "plans to"), possibility and obligation ("can be
arrested", "must be punished"), an infinitive asked for, allowed or found hard ("asked
the police to arrest him"), allegation ("allegedly", "is believed
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

A rebuttal that does not govern the statement ("P, which X denies", "accused of P, but
it denies it", "the allegations that P were baseless") is found by
:mod:`eventwire.extract.denials`, which also says who denies. Negation
stays in its clause: an event in a setting phrase ("denied backing them in their war") or
subject of an aspectual verb ("the fighting does not stop") is presupposed, a negated
"stop"/"refuse" cancels out, a negated verb does not reach an embedded question, and
"could not confirm" is an allegation. An act that is the object of a claim of
responsibility nobody made ("No one has claimed the attack", "no group claimed
responsibility for the bombing", "the rebels have not claimed it") is told as it was
told before, neither alleged nor negated.

:func:`phrase_modality` reads what a noun phrase presupposes ("alleged backers",
"no allies") from the phrase's own words.

:func:`attribution_of` finds who says so: for a denied statement the denier, never the
accuser; else the subject of a governing speech verb, "according to X", "a statement from
X", or the speaker of the quote around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.clausechain import (
    ALLEGED_GOVERNORS,
    CLAIM_NOUNS,
    DENY,
    DISMISS,
    REPORTED_GOVERNORS,
    SPEECH_VERBS,
    child_of,
    governing_chain,
    is_passive,
    lemma_in,
    within_scope,
)
from eventwire.extract.denials import REBUT, denial_of, denier_of, retracted
from eventwire.extract.eventroles import OPPOSING_VERBS, negated_verb
from eventwire.extract.parsewalk import charged_conjunct, charged_through_object
from eventwire.model import QuoteMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

PRIORITY = ("denied", "negated", "hypothetical", "future", "alleged", "reported", "asserted")
NEGATED_MODALITIES = frozenset({"denied", "negated"})

CONFIRM = frozenset({"confirm", "verify", "corroborate"})
REFUSE = frozenset({"refuse", "decline", "fail", "reject", "stop", "cease", "avoid", "refrain",
                    "abstain"})  # fmt: skip
# Verbs of commitment whose object, pledged for a purpose, is given support.
PLEDGES = frozenset({"pledge", "commit"})
# Modals of possibility and obligation: "could attack", "can be arrested", "must be punished".
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "must", "ought"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
HYPOTHETICAL_GOVERNORS = frozenset({"consider", "propose", "suggest", "mull", "weigh"})
# Verbs (and adjectives of difficulty) whose infinitive complement is asked, allowed or
# found hard, not done: "asked the police to arrest him", "gave them ten days to arrest
# him", "found it hard to arrest him", "was unable to reach the town". An attempt ("tried
# to storm the base") is an act of its own kind and stays told.
UNREALISED_GOVERNORS = frozenset({"ask", "order", "urge", "instruct", "direct", "tell", "allow",
                                  "permit", "authorize", "authorise", "give", "grant", "need",
                                  "demand", "request", "appeal", "encourage", "invite",
                                  "empower", "find", "hard", "difficult", "impossible",
                                  "unable"})  # fmt: skip
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
FUTURE_GOVERNORS = frozenset(
    {"plan", "intend", "hope", "aim", "expect", "prepare", "seek", "want", "vow", "pledge",
     "promise", "threaten", "go", "set", "poise", "wish", "offer", "schedule"}
)  # fmt: skip
# Adjectives of readiness whose infinitive is still to come: "is ready to negotiate with
# X", "was willing to arm X", "is due to visit X" (the act is not told as done).
READY_ADJECTIVES = frozenset({"ready", "willing", "eager", "keen", "due"})
# Nouns whose infinitive names an act still to come, or one not done: "X's plan to arm Y",
# "a readiness to talk to Y" (future); "X's refusal to back Y", "its failure to protect Y"
# (negated). Other nouns ("X's decision to arm Y", "its efforts to help Y") tell the act.
FUTURE_NOUNS = frozenset({"plan", "intention", "intent", "threat", "readiness", "willingness",
                          "promise", "pledge", "vow", "offer", "preparation"})  # fmt: skip
REFUSAL_NOUNS = frozenset({"refusal", "failure", "inability", "unwillingness", "reluctance"})
# Verbs of opposing an act proposed ("opposed sending weapons to Y", "resisted sending
# troops"): the act is not told as done, and not by the opposer.
OPPOSING_GOVERNORS = OPPOSING_VERBS
# Verbs of keeping someone from an act ("prevented X from attacking Y", "barred X from
# arming Y"): the act did not happen.
PREVENTING_GOVERNORS = frozenset({"prevent", "block", "bar", "keep", "deter", "stop", "forbid",
                                  "prohibit", "ban", "restrain"})  # fmt: skip
ALLEGED_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "apparently", "likely",
                             "probably"})  # fmt: skip
HYPOTHETICAL_ADVERBS = frozenset({"possibly", "perhaps", "maybe"})
# Modifiers that grade a noun: "not the biggest backer" still says it is a backer.
DEGREE_WORDS = frozenset({"main", "only", "sole", "chief", "principal", "primary", "major",
                          "key", "leading", "top", "closest", "biggest", "largest"})  # fmt: skip
REPORTED_ADVERBS = frozenset({"reportedly"})
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
# Verbs through which a noun in a prepositional phrase keeps its clause's modality: who
# "did not take part in the attack" did not attack; who "denied backing the rebels in
# their war" denies the backing, not the war.
PARTAKING_VERBS = frozenset({"participate", "take", "join", "engage", "involve"})
# Prepositions that set a clause in an event rather than give it an argument.
SETTING_PREPS = frozenset({"in", "during", "amid", "amidst", "throughout", "after", "before",
                           "since", "following", "despite", "for"})  # fmt: skip
PHRASE_MODALITIES = {"alleged": "alleged", "suspected": "alleged", "purported": "alleged",
                     "supposed": "alleged", "presumed": "alleged", "reported": "reported",
                     "possible": "hypothetical", "potential": "hypothetical",
                     "would-be": "hypothetical",
                     "prospective": "future", "future": "future"}  # fmt: skip


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
        and not lemma_in(chain[2], PARTAKING_VERBS)
    )


def modality_of(token: Token) -> tuple[bool, str]:
    """``(negated, modality)`` of the statement whose trigger is ``token``."""
    found: set[str] = set()
    chain = within_scope(governing_chain(token))
    shielded = _presupposed_in_phrase(chain)
    for pos, tok in enumerate(chain):
        governor = pos > 0
        if governor and _unclaimed(tok, chain[pos - 1]):
            continue
        if governor and _own_tense(chain[pos - 1], tok):
            continue  # "did not deny the report and sent troops": the sending is told
        # Negation and hedges here grade the trigger rather than deny it.
        graded = (governor and chain[pos - 1].dep_ == "attr" and _graded(chain[pos - 1])) or (
            tok.pos_ in ("VERB", "AUX") and _compared(tok)
        )
        negated_here = any(c.dep_ == "neg" for c in tok.children)
        # A negated verb of stopping or refusing cancels out ("never stopped shelling");
        # a negated verb with an embedded question does not reach it ("did not say why (or
        # whether) they attacked"); an unconfirmed claim is alleged ("could not confirm
        # that they attacked").
        cancelled = governor and negated_here and lemma_in(tok, REFUSE)
        presupposed = governor and negated_here and _question_clause(chain[pos - 1])
        unconfirmed = governor and negated_here and lemma_in(tok, CONFIRM)
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
            elif child.dep_ == "amod" and tok.pos_ == "NOUN" and low in PHRASE_MODALITIES:
                found.add(PHRASE_MODALITIES[low])  # "an alleged attack", "the alleged rape victim"
        if not governor:
            continue
        charging = charged_conjunct(chain[pos - 1])
        if charging is not None and charging.i == tok.i:
            found.add("alleged")  # "accused X of training and arming Y", misparsed
            continue
        if chain[pos - 1].dep_ == "conj":
            # a verb coordinated with this one is a second act of its subject, not its
            # complement: "denied the charges and accused X of P" does not deny the accusation
            continue
        if pos == 1 and token.lemma_.lower() in CLAIM_NOUNS and lemma_in(tok, REBUT):
            continue  # "denies the allegation": the allegation was made, its content denied
        if (
            lemma_in(tok, DENY)
            or lemma_in(tok, DISMISS)
            and any(t.lemma_.lower() in CLAIM_NOUNS for t in chain[:pos])
        ):
            if not retracted(tok):  # "initially denied it, but later confirmed"
                found.add("denied")
        elif _kept_from(tok, chain[pos - 1]):
            found.add("negated")  # "prevented X from attacking Y"
        elif lemma_in(tok, REFUSE) and not cancelled:
            found.add("negated")
        elif lemma_in(tok, FUTURE_GOVERNORS) and chain[pos - 1].dep_ == "xcomp":
            if not _pledged_for(tok):
                found.add("future")
        elif (
            tok.pos_ == "ADJ" and lemma_in(tok, READY_ADJECTIVES) and chain[pos - 1].dep_ == "xcomp"
        ):
            found.add("future")  # "is ready to negotiate with X"
        elif (noun_cue := _governing_noun_cue(tok, chain[pos - 1])) is not None:
            found.add(noun_cue)  # "X's plan to arm Y", "X's refusal to back Y"
        elif lemma_in(tok, OPPOSING_GOVERNORS) and chain[pos - 1].dep_ == "xcomp":
            found.add("hypothetical")  # "opposed sending weapons to Y": proposed, not done
        elif lemma_in(tok, HYPOTHETICAL_GOVERNORS) or (
            lemma_in(tok, UNREALISED_GOVERNORS) and _infinitive(chain[pos - 1])
        ):
            found.add("hypothetical")
        elif lemma_in(tok, REPORTED_GOVERNORS) and is_passive(tok):
            found.add("reported")
        elif lemma_in(tok, ALLEGED_GOVERNORS) or lemma_in(tok, BLAME):
            found.add("alleged")  # "X was blamed for the attack", "blamed the raid on X"
    if _blamed_on(token) or charged_through_object(token) is not None or _regarded_as(token):
        found.add("alleged")  # "blamed on X"; "accuses A and, lately, B of arming Y"
    if shielded:
        found -= NEGATED_MODALITIES
    elif denial_of(token) is not None:
        found.add("denied")
    # Denial of a negation ("did not deny") is too rare to model; denial wins.
    modality = next(m for m in PRIORITY if m in found or m == "asserted")
    return modality in NEGATED_MODALITIES, modality


NOBODY = frozenset({"nobody", "none", "no-one", "noone"})
# Verbs that lay an act at someone's door: the act is the blamer's word, alleged.
BLAME = frozenset({"blame"})


def _blamed_on(token: Token) -> bool:
    """An act noun modified by a participle or relative clause of blame: "an attack
    blamed on X", "the bombing, which officials blamed on X" (alleged, as "X was blamed
    for the attack" is through its governing verb)."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("acl", "relcl") and lemma_in(c, BLAME) and not negated_verb(c)
        for c in token.children
    )


# Verbs of holding a view of someone: "X regards Y as an offshoot of Z" is X's view.
REGARDING_VERBS = frozenset({"regard", "consider", "view", "see", "treat"})


def _regarded_as(token: Token) -> bool:
    """A relation noun that is what a subject regards someone as: "diplomats see the
    militia as a branch of the Front", "Kinshasa views the rebels as Kigali's proxies"
    (alleged: the regarder's view, which the one regarded so may deny); "served as an ally
    of Y" (no verb of regarding) is told as it is."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "as"
        and prep.head.pos_ == "VERB"
        and lemma_in(prep.head, REGARDING_VERBS)
    )


def _unclaimed(verb: Token, below: Token) -> bool:
    """Whether ``verb`` is a claim of responsibility nobody made for the act it governs
    through its object ``below``: "No one has claimed the attack", "no group claimed
    responsibility for the bombing", "the rebels did not claim it"."""
    if verb.lemma_.lower() != "claim" or below.dep_ != "dobj":
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in NOBODY:
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return True  # "no one", "no group"
    return False


def phrase_modality(noun: Token) -> tuple[bool, str]:
    """``(negated, modality)`` of what a noun phrase presupposes, from its own words only:
    "no backers" (negated), "alleged backers" (alleged), "possible allies" (hypothetical);
    and what a subject regards someone as, "regards Y as an offshoot of Z" (alleged)."""
    if _regarded_as(noun):
        return False, "alleged"
    for child in noun.children:
        low = child.lower_
        if child.dep_ in ("det", "neg") and low in ("no", "not"):
            return True, "negated"
        if child.dep_ == "amod" and low in PHRASE_MODALITIES:
            return False, PHRASE_MODALITIES[low]
    return False, "asserted"


def _own_tense(conjunct: Token, verb: Token) -> bool:
    """A verb coordinated with a bare verb under an auxiliary, with a tense of its own:
    "did not deny it and sent troops" (the auxiliary and its negation are not the
    conjunct's), unlike "did not attack or kill" (both bare, both under "did not"); and
    a counter-charge or a statement after a denied perfect, "insisted their men had not
    fired on the checkpoint and accused the army of shelling villages" (the accusation is
    made, in the simple past, not under "had not"; "had not fired or shelled" stays)."""
    if conjunct.dep_ != "conj" or conjunct.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if not any(c.dep_ == "aux" for c in verb.children):
        return False
    if verb.tag_ == "VB":
        return True
    return (
        verb.tag_ == "VBN"
        and lemma_in(conjunct, SPEECH_VERBS)
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    )


def _kept_from(verb: Token, below: Token) -> bool:
    """A verb of keeping someone from the act below it: "prevented X from attacking Y",
    "barred the army from entering" (the act did not happen)."""
    return below.dep_ == "prep" and below.lower_ == "from" and lemma_in(verb, PREVENTING_GOVERNORS)


def _governing_noun_cue(noun: Token, below: Token) -> str | None:
    """The modality a noun gives the infinitive it governs: "X's plan (threat, offer) to
    arm Y" (future), "X's refusal (failure) to back Y" (negated); None for other nouns."""
    if noun.pos_ != "NOUN" or below.dep_ != "acl" or not _infinitive(below):
        return None
    if lemma_in(noun, FUTURE_NOUNS):
        return "future"
    return "negated" if lemma_in(noun, REFUSAL_NOUNS) else None


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive: "to arrest", "to be arrested"."""
    return verb.tag_ == "VB" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO"
                                     for c in verb.children)  # fmt: skip


def _pledged_for(verb: Token) -> bool:
    """A pledge of something to help: "Qatar pledged millions to help fund the offensive".
    The pledge is made and the infinitive is its purpose, not a promise still to keep."""
    obj = child_of(verb, "dobj")
    return lemma_in(verb, PLEDGES) and obj is not None and obj.pos_ not in ("PROPN", "PRON")


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


# Participles that name the issuer of a statement noun with "by": "a statement signed by",
# "a communique issued by", "a letter read out by".
ISSUED_BY = frozenset({"sign", "issue", "release", "read", "publish", "send", "post"})


def author_of(token: Token, index: MentionIndex) -> Span | None:
    """Who issued a statement noun: "a statement from X", "a report by X", "X's statement",
    "a statement signed by X"."""
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
    for participle in token.children:  # "the statement, signed by its spokesman X, said"
        if participle.dep_ == "acl" and participle.lemma_.lower() in ISSUED_BY:
            for agent in (c for c in participle.children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    if f := index.filler(pobj):
                        return f.span
    return None
