"""Small readings of the dependency parse that every role reader shares.

A verb's lemma, mended where the model cuts its final "e"; a token's child by dependency;
the object of a preposition that is no date; the subject a subject-less verb takes from the
verb that controls it; times, relative pronouns and negation. They live apart from
:mod:`eventwire.extract.eventroles` so that the verb, noun, weapon and blame readers can
share them without importing each other. The verb lists here are the ones ``verb_lemma``
mends lemmas against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.clausechain import RELATIVE_PRONOUNS
from eventwire.text.calendar_words import CALENDAR_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = frozenset({"to", "against", "on", "upon", "with", "into", "at", "for"})

# Verbs of fighting whose "for" object is the side or the cause fought for, not the enemy.
FIGHTING_FOR = frozenset({"fight", "battle", "struggle"})

LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "begin", "start", "wage", "give", "offer",
     "provide", "hold", "make", "pay", "lead", "continue", "announce", "step", "resume",
     "order", "receive", "get", "accept", "seek", "deny", "extend", "pledge", "send", "impose",
     "declare", "lodge", "engage", "form", "forge", "sign"}
)  # fmt: skip

TRAVEL_VERBS = frozenset({"arrive", "come", "travel", "go", "fly", "head", "leave", "return"})

# Verbs whose subject takes part in the event named after "in".
PARTICIPATION_VERBS = frozenset({"participate", "take", "join", "engage", "gather", "assemble",
                                 "rally", "march", "be", "involve", "use", "kill", "wound", "injure"})  # fmt: skip

# Participles whose "by" agent is the source of the noun they describe.
AGENT_VERBS = LIGHT_VERBS | {"carry", "perpetrate", "commit", "claim", "stage", "mount", "launch"}

_KNOWN_VERBS = LIGHT_VERBS | AGENT_VERBS | PARTICIPATION_VERBS | TRAVEL_VERBS


def verb_lemma(token: Token) -> str:
    """The token's lemma, mended where the model cuts a final "e" ("staged" -> "stag"):
    a lemma we do not know whose "e" form we know is that form."""
    lemma = token.lemma_.lower()
    if lemma not in _KNOWN_VERBS and f"{lemma}e" in _KNOWN_VERBS and token.lower_.startswith(lemma):
        return f"{lemma}e"
    return lemma


def dep_child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` attached by one of ``deps``."""
    return next((c for c in token.children if c.dep_ in deps), None)


TIME_ENTS = frozenset({"DATE", "TIME"})


def prep_object(
    token: Token, preps: frozenset[str], deps: tuple[str, ...] = ("prep",)
) -> Token | None:
    """The object of the first such preposition that is no date ("on 5 May" is a time), and
    never what a verb of fighting is for: "a group that says it fights for the Rakhine people"
    fights on their side, or over a cause ("fighting for control of the road"), not them."""
    for child in token.children:
        if _fought_for(token, child):
            continue
        pobj = dep_child(child, "pobj") if child.dep_ in deps and child.lower_ in preps else None
        if pobj is not None and pobj.ent_type_ not in TIME_ENTS:
            return pobj
    return None


def dative_object(token: Token) -> Token | None:
    """The receiver a verb's dative names ("gave the rebels drones", "sent arms to X"), never
    the side a verb of fighting is for ("says it fights for the Rakhine people", which the
    model parses as a dative)."""
    dative = dep_child(token, "dative")
    if dative is not None and dative.pos_ == "ADP":
        if _fought_for(token, dative):
            return None
        dative = dep_child(dative, "pobj")
    return dative


def _fought_for(verb: Token, prep: Token) -> bool:
    """``prep`` is the "for" of a verb of fighting: the side or cause fought for."""
    return prep.lower_ == "for" and verb_lemma(verb) in FIGHTING_FOR


def is_time_phrase(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Monday", "in May")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTS for c in prep.children)


# Verbs of opposing an act proposed: "X opposed sending weapons to Y" (whoever would
# send them, not X).
OPPOSING_VERBS = frozenset({"oppose", "resist", "veto", "block", "forbid", "prohibit"})


def opposed_act(token: Token) -> bool:
    """A verb complement of a verb of opposing: "opposed (resisted) sending troops"."""
    return token.dep_ == "xcomp" and verb_lemma(token.head) in OPPOSING_VERBS


def controller_subject(token: Token) -> Token | None:
    """Subject of the verb that controls or is coordinated with a subject-less verb; none
    for an act opposed ("X opposed arming Y": not X's act)."""
    seen = 0
    while seen < 6:
        seen += 1
        if opposed_act(token):
            return None
        if (charging := charged_conjunct(token)) is not None:
            # "accused Russia of training and arming Y": the accused, as for "of arming"
            return dep_child(charging, "dobj") or dep_child(charging, "nsubjpass")
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            head = token.head
            subj = dep_child(head, "nsubj", "nsubjpass")
            if (
                token.dep_ == "xcomp"
                and (obj := dep_child(head, "dobj"))
                and head.lemma_ in ("urge", "ask", "force", "order", "help", "allow")
            ):
                return obj  # object control: "urged Turkey to withdraw"
            if subj is not None:
                return subj
            token = head
            continue
        if token.dep_ == "acomp" and token.head.i != token.i:
            token = token.head  # "X is willing (ready, able) to withdraw": X's clause
            if (subj := dep_child(token, "nsubj", "nsubjpass")) is not None:
                return subj
            continue
        if gerund_after_preposition(token) and token.head.dep_ == "prep":
            verb = token.head.head  # "accused Russia of providing"
            if token.head.lower_ in ("by", "after", "before", "while"):
                return dep_child(verb, "nsubj")  # "closed the road by burning tyres"
            # "accused Russia of providing", "Russia is accused of providing"
            return dep_child(verb, "dobj") or dep_child(verb, "nsubj", "nsubjpass")
        return None
    return None


# The relative pronouns are the clause chain's one set; the event readers know it by this name.
RELATIVES = RELATIVE_PRONOUNS

# Verbs charging someone with an act told by "of V-ing" (see eventroles.CHARGING_VERBS).
CHARGING_LEMMAS = frozenset({"accuse", "suspect"})


def charged_conjunct(token: Token) -> Token | None:
    """The verb of charging a gerund is the second act of, when the parser hung it on that
    verb: "accuses X of training and arming Y" ("arming" coordinated with "accuses", not
    with "training"), else None. The gerund is then charged like the first: its doer is
    the accused and it is the accuser's word."""
    if token.dep_ != "conj" or token.tag_ != "VBG":
        return None
    first = token.head
    if first.dep_ in ("pobj", "pcomp") and first.lower_.endswith("ing"):
        # "of funding and arming Y", "funding" taken for a noun: its verb of charging
        of = first.head
        if of.lower_ == "of" and of.head.lemma_.lower() in CHARGING_LEMMAS:
            return of.head
        return None
    if first.lemma_.lower() not in CHARGING_LEMMAS:
        return None
    charging = first
    for prep in charging.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < token.i:
            act = dep_child(prep, "pobj", "pcomp")
            if act is not None and act.lower_.endswith("ing"):
                return charging
    return None


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def charged_through_object(token: Token) -> Token | None:
    """The verb of charging whose later object, or the object of whose preposition, the
    parser hung a gerund's "of" on: "accuses A and, lately, B of sheltering Y"
    ("of" under B, the verb's second object after an aside), "is accused in Accra of
    favouring Y" ("of" under Accra), "accused some planters in the south of the province of
    paying Y" ("of" under the place the accused are in); None otherwise. The gerund is the
    accuser's word."""
    if not gerund_after_preposition(token) or token.head.lower_ != "of":
        return None
    noun = token.head.head
    for _ in range(4):
        if noun.dep_ == "dobj":
            verb = noun.head
            break
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX"):
            break  # "accused in Accra of ..."
        # "accused some planters in the south of the province of ...": up the places the
        # parser hung the "of" phrase under, to the accused or the verb
        noun = verb
    else:
        return None
    if verb.pos_ == "VERB" and verb.lemma_.lower() in CHARGING_LEMMAS:
        return verb
    return None


def gerund_after_preposition(token: Token) -> bool:
    """A verb a preposition takes: "of providing" (the parser may call it pcomp or pobj)."""
    return token.dep_ == "pcomp" or (token.dep_ == "pobj" and token.pos_ == "VERB")


# Possessors that are times, not doers: "Sunday's ambush", "yesterday's raid".
WHEN_WORDS = frozenset({"yesterday", "today", "tonight", "week", "month", "year", "weekend",
                        "night", "morning", "evening", "afternoon", "day"})  # fmt: skip


def when_word(token: Token) -> bool:
    """A possessor naming a time ("Sunday's", "last week's", "Tuesday night's")."""
    low = token.lemma_.lower()
    return token.ent_type_ in TIME_ENTS or low in WHEN_WORDS or low in CALENDAR_WORDS


def negated_verb(verb: Token) -> bool:
    """Whether a verb is negated ("has not claimed", "did not carry out")."""
    return any(c.dep_ == "neg" for c in verb.children)


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in TIME_ENTS]  # fmt: skip
