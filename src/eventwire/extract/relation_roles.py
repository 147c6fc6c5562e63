"""The two sides of a relation word, read from the parse.

Each reader takes the token stating a relation (an agent noun, an adjective, a support noun,
a verb opening a list) and returns the tokens of its holder and the other side: "Y's
backers including A", "A, an ally of Y", "X, which is loyal to Y", "Y receives support from
A", "Also backing Y: A and B". The verb's subject (:func:`subject_of`) and what a noun
phrase is said to include (:func:`members_of`) are shared with the statement readers
(:mod:`eventwire.extract.relation_statements`) and the component
(:mod:`eventwire.extract.relations`). Split from ``relations.py`` so that the syntax of the
sides stands apart from which relation is stated and from the component that turns them into
records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventwire.extract.clausechain import RELATIVE_PRONOUNS
from eventwire.extract.eventroles import (
    CHARGING_VERBS,
    close_apposition,
    gerund_after_preposition,
    opposed_act,
    self_denier,
)
from eventwire.extract.parsewalk import charged_through_object, dep_child
from eventwire.knowledge.words import RelationWords

if TYPE_CHECKING:
    from spacy.tokens import Token


MEMBER_PREPS = frozenset({"including", "like", "namely"})
RECEIVER_PREPS = frozenset({"to", "behind", "for"})
RELIED_ON = frozenset({"on", "upon"})  # "relies on A for weapons"
PART_WORDS = frozenset({"one", "another", "each", "either", "both", "some", "two", "three"})
# Verbs whose subject, a group, has their object among its members.
INCLUDING_VERBS = frozenset({"include", "comprise"})
# Participles naming the first of a group: "his backers, led by Iran".
LEADING_VERBS = frozenset({"lead", "head", "spearhead"})
# How a noun of a list hangs on the noun before it: "weapons from A, money from B and
# fuel from C" (the parser makes the later ones appositions or conjuncts).
LIST_DEPS = frozenset({"conj", "appos"})


def pobj(
    token: Token, words: frozenset[str], deps: tuple[str, ...] = ("prep", "agent")
) -> Token | None:
    """The object of a preposition in ``words`` hanging on ``token``: "relies on A" (A)."""
    for child in token.children:
        if child.dep_ in deps and child.lower_ in words:
            found = next((c for c in child.subtree if c.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None


def accused_of(verb: Token) -> Token | None:
    """Who "accused of V-ing" charges with ``verb``: the object of an active "accuse A of
    arming Y", the subject of a passive "A is suspected of receiving arms"."""
    prep = verb.head
    if not gerund_after_preposition(verb) or prep.lower_ != "of":
        return None
    if prep.head.lemma_.lower() in CHARGING_VERBS:
        return dep_child(prep.head, "dobj", "nsubjpass")
    if (charging := charged_through_object(verb)) is None:
        return None
    if prep.head.dep_ == "dobj":
        return prep.head  # "accuses A and, lately, B of V-ing": "of" under B
    return dep_child(charging, "dobj", "nsubjpass")  # "is accused in Accra of V-ing"


def co_accused(verb: Token) -> list[Token]:
    """The other objects of a charge whose "of V-ing" the parser hung on its last object:
    "accuses A and, lately, B of sheltering Y" (A, beside B)."""
    charging = charged_through_object(verb)
    accused = verb.head.head
    if charging is None or accused.dep_ != "dobj":
        return []
    return [c for c in charging.children if c.dep_ == "dobj" and c.i < accused.i]


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb: its own, the antecedent of "who/which", the one an accusation
    charges with it, else its controller's."""
    if dep_child(verb, "nsubj", "nsubjpass") is None and (accused := accused_of(verb)) is not None:
        return accused
    for _ in range(6):
        subj = dep_child(verb, "nsubj", "nsubjpass")
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        if subj is not None:
            # "X denied reports that it had received arms from Y": X, the pronoun's denier
            return self_denier(subj) or subj
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        if opposed_act(verb):
            return None  # "X opposed sending weapons to Y": not X who would send them
        verb = verb.head
    return None


def relative_controller(verb: Token) -> bool:
    """The verb's subject comes from a relative pronoun up its chain of controlling verbs."""
    for _ in range(6):
        if verb.dep_ not in ("xcomp", "conj") or dep_child(verb, "nsubj", "nsubjpass") is not None:
            break
        verb = verb.head
    subj = dep_child(verb, "nsubj", "nsubjpass")
    return subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl"


def holding_verb(noun: Token, words: RelationWords) -> Token | None:
    """The verb whose object (or prepositional object) phrase contains ``noun``."""
    tok = noun
    for _ in range(6):
        if tok.dep_ in ("dobj", "pobj", "prep", *LIST_DEPS) and tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok if tok.lemma_.lower() in words.holding_verbs else None
        else:
            return None
    return None


def _comma_conjunct(noun: Token) -> Token | None:
    """A name set off by a comma right after a relation noun that the parser coordinated
    with it ("the Front's allies, the Dawn Brigade and the Kidal Legion, sent"): the
    apposition naming the noun's members. A noun coordinated by a word of its own ("allies
    and the Dawn Brigade") has a "cc" child and is left alone."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ",":
        return None
    if any(c.dep_ == "cc" for c in noun.children):
        return None
    conj = dep_child(noun, "conj")
    return conj if conj is not None and conj.pos_ == "PROPN" else None


def _after_owner_and_noun(noun: Token) -> Token | None:
    """The name set off by a comma after "A and its N": "Hamas and its armed wing, the
    Qassam Brigades", "the Front and its allies, the Dawn Brigade and the Kidal Legion"
    (the parser hangs the name on A, the first conjunct, as its apposition or conjunct;
    the name is N's, as "A's N, B" would make it)."""
    doc = noun.doc
    if noun.dep_ != "conj" or dep_child(noun, "poss") is None:
        return None
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return None
    return next(
        (c for c in noun.head.children
         if c.dep_ in LIST_DEPS and c.i > noun.i and c.left_edge.i == noun.i + 2
         and c.pos_ == "PROPN"),
        None,
    )  # fmt: skip


def members_of(noun: Token) -> Token | None:
    """What a noun phrase is said to include or be: "N including A", "N, among them A",
    "A, an N", "A is among N"."""
    member = pobj(noun, MEMBER_PREPS)
    if member is not None:
        return member
    if (listed := _among_them(noun)) is not None:
        return listed  # "its allies, among them A and B,"
    if (named := close_apposition(noun)) is not None:
        return named  # "Iran's ally Hezbollah fired": the name the noun titles
    for prep in noun.children:  # "N such as A"
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "as"
            and any(c.lower_ == "such" for c in prep.children)
        ):
            return dep_child(prep, "pobj")
    leaders = (pobj(a, frozenset({"by"})) for a in noun.children
               if a.dep_ == "acl" and a.lemma_.lower() in LEADING_VERBS)  # fmt: skip
    if (leader := next((t for t in leaders if t is not None), None)) is not None:
        return leader  # "his foreign backers, led by Iran": the first of them
    if (appos := dep_child(noun, "appos")) is not None:
        return appos
    if (named := _after_owner_and_noun(noun)) is not None:
        return named
    if (named := _comma_conjunct(noun)) is not None:
        return named  # "X's allies, A and B, sent": the parser's conjunct is the apposition
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and (attr := dep_child(noun.head, "attr")):
        return attr  # the possessive as subject: "the general's closest ally has been Egypt"
    if noun.dep_ == "nsubj" and noun.head.lemma_ in INCLUDING_VERBS:
        return dep_child(noun.head, "dobj")  # "the RSF's backers include the UAE and Chad"
    if noun.dep_ == "appos":
        return noun.head
    if noun.dep_ == "attr":
        return dep_child(noun.head, "nsubj")
    if (subject := dep_child(noun, "nsubj")) is not None:
        return subject  # a small clause: "make him an ally of Y"
    if noun.dep_ == "oprd":
        return dep_child(noun.head, "dobj")  # "called A a backer of Y"
    if noun.dep_ == "pobj" and noun.head.lower_ in ("among", "of"):
        prep = noun.head  # "A is among N", "A is one of N", "A, another of N,"
        part = prep.head
        if prep.lower_ == "of" and part.dep_ == "appos" and part.lower_ in PART_WORDS:
            return part.head
        head = part.head if prep.lower_ == "of" and part.dep_ == "attr" else part
        if prep.lower_ == "among" and head.lemma_ != "be":
            return dep_child(head, "dobj")  # "Haftar counts Egypt among his allies"
        if prep.lower_ == "among" or head.i != part.i:
            return subject_of(head) if head.lemma_ == "be" else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return dep_child(noun.head.head, "dobj")
    return None


# Pronouns of a list introduced after its noun: "its allies, among them A and B".
LIST_PRONOUNS = frozenset({"them", "these", "those"})


def _among_them(noun: Token) -> Token | None:
    """The first member of "N, among them A (and B)": the parser hangs "among them" on A
    and A on whatever it takes for the apposition's head, often not N itself."""
    doc, i = noun.doc, noun.i
    if i + 3 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ != "among":
        return None
    if doc[i + 3].lower_ not in LIST_PRONOUNS or doc[i + 3].head.i != i + 2:
        return None
    member = doc[i + 2].head
    return member if member.i > i + 3 else None


def _agrees(pronoun: Token, noun: Token) -> bool:
    """A possessive pronoun that can stand for the noun: "its" for a singular thing,
    "their" for a plural ("all Libyans and his backers": "his" is not the Libyans)."""
    plural = noun.tag_ in ("NNS", "NNPS")
    return (pronoun.lower_ == "its" and not plural) or (pronoun.lower_ == "their" and plural)


# Nouns of the members of a body: "members of X and its armed wing" (its: X's).
MEMBER_NOUNS = frozenset({"member", "fighter", "militant", "unit", "element", "cadre"})


def _possessor(noun: Token) -> Token | None:
    """Whose ``noun`` is: its possessive, or the first conjunct a possessive pronoun that
    agrees with it stands for ("the Houthis and their patron, Iran": the Houthis), or the body
    the first conjunct is members of ("members of X and its armed wing, Y": X)."""
    poss = dep_child(noun, "poss")
    if poss is not None and noun.dep_ == "conj":
        first = noun.head
        if _agrees(poss, first):
            return first
        body = pobj(first, frozenset({"of"}))
        # a name's number is no guide ("the Indigenous People of Biafra and its wing")
        if (
            first.lemma_.lower() in MEMBER_NOUNS
            and body is not None
            and (_agrees(poss, body) or (body.pos_ == "PROPN" and poss.lower_ == "its"))
        ):
            return body
    return poss


# Participles giving the name a noun is known by: "its militias, known as the Guard".
NAMING_PARTICIPLES = frozenset({"know", "call", "name", "dub"})


def _known_as(noun: Token) -> Token | None:
    """The name in "N, known (called) as A" or "N, called A"; else None."""
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        if acl.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        name = pobj(acl, frozenset({"as"})) or dep_child(acl, "oprd", "attr")
        if name is not None:
            return name
    return None


# Adjectives that make the noun they modify the possessor's allies: "the army and its
# allied militias", "the Front's affiliated groups".
POSSESSED_ADJECTIVES = frozenset({"allied", "affiliated"})


def agent_noun_roles(noun: Token, words: RelationWords) -> tuple[Token | None, Token | None]:
    """(holder, other) for "Y's backers including A", "A, an ally of Y", "A is Y's ally"."""
    other = _possessor(noun) or pobj(noun, frozenset({"of", "to"}))
    holder = members_of(noun)
    if other is None:
        other = next(
            (c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_), None
        )
    if other is None and (verb := holding_verb(noun, words)) is not None:
        other = subject_of(verb)  # "X has backers", "X faces pressure from backers such as A"
    return holder, other


def adjective_roles(adj: Token) -> tuple[Token | None, Token | None]:
    other = pobj(adj, frozenset({"with", "to"}))
    if adj.dep_ in ("acomp", "ROOT", "ccomp", "conj", "relcl", "advcl"):
        clause = adj if adj.dep_ != "acomp" else adj.head
        holder = dep_child(clause, "nsubj", "nsubjpass")
        if holder is not None and holder.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
            holder = clause.head  # "X, which is loyal to Y": the antecedent
    elif adj.dep_ in ("amod", "acl"):
        holder = adj.head
        if other is None and adj.lower_ in POSSESSED_ADJECTIVES and adj.i < holder.i:
            # a possessed noun the adjective modifies: "the army and its allied militias,
            # known as the Guard" (the Guard, allies of the army)
            other = _possessor(holder)
            holder = _known_as(holder) or holder
    else:
        holder = None
    return holder, other


def support_noun_roles(noun: Token, words: RelationWords) -> tuple[Token | None, Token | None]:
    """(giver, receiver) for "Y receives support from A", "Y, with the support of A, ..."
    and "support for Y from A"."""
    verb = holding_verb(noun, words)
    giver = pobj(noun, frozenset({"from"}))
    if verb is not None:
        # "Y relies (depends) on A for weapons": A gives
        giver = (giver or pobj(verb, frozenset({"from"})) or pobj(verb, RELIED_ON)
                 or pobj(noun, frozenset({"of"})))  # fmt: skip
        return giver, pobj(noun, frozenset({"for", "to"})) or subject_of(verb)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.giving_verbs:
        verb = noun.head  # "A lent its support to Y", "A put its weight behind Y"
        receiver = pobj(verb, RECEIVER_PREPS, ("prep", "dative")) or pobj(noun, RECEIVER_PREPS)
        if receiver is None and (dative := dep_child(verb, "dative")) is not None:
            receiver = dative if dative.pos_ != "ADP" else None  # "gave the rebels drones"
        if receiver is None and verb.lemma_.lower() in TWO_OBJECT_VERBS:
            receiver = _name_before(noun, words)  # "lent the Front drones", as one phrase
        return subject_of(verb), receiver
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        giver = dep_child(noun, "poss") or pobj(noun, frozenset({"of", "from"}))
        host = noun.head.head  # "Y, with the support of A, took" or "Y with A's support"
        return giver, subject_of(host) if host.pos_ in ("VERB", "AUX") else host
    receiver = pobj(noun, frozenset({"for", "to"}))  # "backing for Y from A"
    if giver is None and receiver is not None:
        giver = pobj(receiver, frozenset({"from"}))  # the parser hangs "from A" on Y
    return giver, receiver


# Giving verbs whose first object is the receiver: "lent the Front drones".
TWO_OBJECT_VERBS = frozenset({"give", "lend", "offer", "hand", "grant"})


def _name_before(noun: Token, words: RelationWords) -> Token | None:
    """A receiver the parser took for a modifier of what is given, right before it: a name
    ("lent the Kivu Front drones") or, after "the", a group noun ("lent the army
    warplanes"); "lent army drones", with no article, names the drones' owner."""
    name = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1), None)
    if name is None:
        return None
    if name.pos_ == "PROPN":
        return name
    det = dep_child(noun, "det")
    grouped = name.lemma_.lower() in words.group_nouns
    return name if grouped and det is not None and det.i == name.i - 1 else None


def _opens_line(verb: Token) -> bool:
    """The verb starts its sentence or line, after adverbs only ("Also backing Y: ...")."""
    i, start = verb.i - 1, verb.sent.start  # one sentence scan, only for relation verbs
    while i >= start and (verb.doc[i].dep_ == "advmod" and verb.doc[i].head.i == verb.i):
        i -= 1
    return i < start or verb.doc[i].is_space or verb.doc[i].text in (":", ".")


def list_header_roles(verb: Token) -> Iterator[tuple[Token, Token, Token]]:
    """(holder, other, statement) for "Also backing Y: A and B; and C has sent weapons".

    The verb opens its line without a subject and a colon follows its object;
    actors after the colon (up to the next colon or line break) are the holders,
    each stated by its own verb when it has one (so "C has allegedly sent" is
    alleged)."""
    if dep_child(verb, "nsubj", "nsubjpass") is not None or not _opens_line(verb):
        return
    other = dep_child(verb, "dobj")
    doc = verb.doc
    if other is None:
        return
    colon = next((t.i for t in doc[other.i : other.right_edge.i + 2] if t.text == ":"), None)
    if colon is None:
        return
    for tok in doc[colon + 1 :]:
        if tok.text == ":" or "\n" in tok.text:
            break
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "pobj", "poss"):
            continue
        if tok.dep_ == "conj" and tok.head.pos_ == "PROPN":
            continue  # the first conjunct stands for the coordination
        if any(a.dep_ == "prep" for a in tok.ancestors if a.i > colon):
            continue  # "with air power", "according to the U.S."
        head = tok.head
        statement = head if head.pos_ == "VERB" and head.i > colon else verb
        yield tok, other, statement
