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
  "Y is suspected of getting weapons from A" (alleged).

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
from typing import TYPE_CHECKING, NamedTuple

from eventwire.extract.actorspans import FOLLOWERS, Filler, MentionIndex
from eventwire.extract.anchor import publication_when, when_for
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.eventroles import (
    CHARGING_VERBS,
    SENDING_VERBS,
    close_apposition,
    coordinated_passive,
    gerund_after_preposition,
    opposed_act,
    own_conjuncts,
    verb_lemma,
)
from eventwire.extract.modality import attribution_of, modality_of, phrase_modality
from eventwire.extract.rebuttals import BACKING_EVENTS, rebuttals, rebutted
from eventwire.extract.reciprocals import CUE_LEMMAS as RECIPROCAL_CUES
from eventwire.extract.reciprocals import reciprocal_sides, war_sides
from eventwire.extract.stances import (
    HYPHEN_RELATIONS,
    STANCE_PREFIXES,
    side_filler,
    stance_statements,
)
from eventwire.knowledge.words import RelationWords
from eventwire.model import RelationMention, Span, When
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Token

MEMBER_PREPS = frozenset({"including", "like", "namely"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
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
# Head words of a body made of others: "the Coastal Alliance includes A and B" (A and B
# are its allies).
COALITION_WORDS = frozenset({"alliance", "coalition", "bloc", "front", "federation", "umbrella",
                             "platform", "axis"})  # fmt: skip
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})


def _pobj(
    token: Token, words: frozenset[str], deps: tuple[str, ...] = ("prep", "agent")
) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and child.lower_ in words:
            pobj = next((c for c in child.subtree if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _names_actor(noun: Token, words: RelationWords) -> bool:
    return noun.pos_ == "PROPN" or noun.lemma_.lower() in words.group_nouns


def _accused(verb: Token) -> Token | None:
    """Who "accused of V-ing" charges with ``verb``: the object of an active "accuse A of
    arming Y", the subject of a passive "A is suspected of receiving arms"."""
    prep = verb.head
    if (
        not gerund_after_preposition(verb)
        or prep.lower_ != "of"
        or prep.head.lemma_.lower() not in CHARGING_VERBS
    ):
        return None
    return _child(prep.head, "dobj", "nsubjpass")


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb: its own, the antecedent of "who/which", the one an accusation
    charges with it, else its controller's."""
    if _child(verb, "nsubj", "nsubjpass") is None and (accused := _accused(verb)) is not None:
        return accused
    for _ in range(6):
        subj = _child(verb, "nsubj", "nsubjpass")
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        if subj is not None:
            return subj
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        if opposed_act(verb):
            return None  # "X opposed sending weapons to Y": not X who would send them
        verb = verb.head
    return None


def _relative_controller(verb: Token) -> bool:
    """The verb's subject comes from a relative pronoun up its chain of controlling verbs."""
    for _ in range(6):
        if verb.dep_ not in ("xcomp", "conj") or _child(verb, "nsubj", "nsubjpass") is not None:
            break
        verb = verb.head
    subj = _child(verb, "nsubj", "nsubjpass")
    return subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl"


def _holding_verb(noun: Token, words: RelationWords) -> Token | None:
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
    conj = _child(noun, "conj")
    return conj if conj is not None and conj.pos_ == "PROPN" else None


def members_of(noun: Token) -> Token | None:
    """What a noun phrase is said to include or be: "N including A", "N, among them A",
    "A, an N", "A is among N"."""
    member = _pobj(noun, MEMBER_PREPS)
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
            return _child(prep, "pobj")
    leaders = (_pobj(a, frozenset({"by"})) for a in noun.children
               if a.dep_ == "acl" and a.lemma_.lower() in LEADING_VERBS)  # fmt: skip
    if (leader := next((t for t in leaders if t is not None), None)) is not None:
        return leader  # "his foreign backers, led by Iran": the first of them
    if (appos := _child(noun, "appos")) is not None:
        return appos
    if (named := _comma_conjunct(noun)) is not None:
        return named  # "X's allies, A and B, sent": the parser's conjunct is the apposition
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and (attr := _child(noun.head, "attr")):
        return attr  # the possessive as subject: "the general's closest ally has been Egypt"
    if noun.dep_ == "nsubj" and noun.head.lemma_ in INCLUDING_VERBS:
        return _child(noun.head, "dobj")  # "the RSF's backers include the UAE and Chad"
    if noun.dep_ == "appos":
        return noun.head
    if noun.dep_ == "attr":
        return _child(noun.head, "nsubj")
    if (subject := _child(noun, "nsubj")) is not None:
        return subject  # a small clause: "make him an ally of Y"
    if noun.dep_ == "oprd":
        return _child(noun.head, "dobj")  # "called A a backer of Y"
    if noun.dep_ == "pobj" and noun.head.lower_ in ("among", "of"):
        prep = noun.head  # "A is among N", "A is one of N", "A, another of N,"
        part = prep.head
        if prep.lower_ == "of" and part.dep_ == "appos" and part.lower_ in PART_WORDS:
            return part.head
        head = part.head if prep.lower_ == "of" and part.dep_ == "attr" else part
        if prep.lower_ == "among" and head.lemma_ != "be":
            return _child(head, "dobj")  # "Haftar counts Egypt among his allies"
        if prep.lower_ == "among" or head.i != part.i:
            return subject_of(head) if head.lemma_ == "be" else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return _child(noun.head.head, "dobj")
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


def _possessor(noun: Token) -> Token | None:
    """Whose ``noun`` is: its possessive, or the first conjunct a possessive pronoun that
    agrees with it stands for ("Hezbollah and its patron, Iran": Hezbollah)."""
    poss = _child(noun, "poss")
    if poss is not None and noun.dep_ == "conj" and _agrees(poss, noun.head):
        return noun.head
    return poss


# Participles giving the name a noun is known by: "its militias, known as the Guard".
NAMING_PARTICIPLES = frozenset({"know", "call", "name", "dub"})


def _known_as(noun: Token) -> Token | None:
    """The name in "N, known (called) as A" or "N, called A"; else None."""
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        if acl.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        name = _pobj(acl, frozenset({"as"})) or _child(acl, "oprd", "attr")
        if name is not None:
            return name
    return None


# Adjectives that make the noun they modify the possessor's allies: "the army and its
# allied militias", "the Front's affiliated groups".
POSSESSED_ADJECTIVES = frozenset({"allied", "affiliated"})


def agent_noun_roles(noun: Token, words: RelationWords) -> tuple[Token | None, Token | None]:
    """(holder, other) for "Y's backers including A", "A, an ally of Y", "A is Y's ally"."""
    other = _possessor(noun) or _pobj(noun, frozenset({"of", "to"}))
    holder = members_of(noun)
    if other is None:
        other = next(
            (c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_), None
        )
    if other is None and (verb := _holding_verb(noun, words)) is not None:
        other = subject_of(verb)  # "X has backers", "X faces pressure from backers such as A"
    return holder, other


def adjective_roles(adj: Token) -> tuple[Token | None, Token | None]:
    other = _pobj(adj, frozenset({"with", "to"}))
    if adj.dep_ in ("acomp", "ROOT", "ccomp", "conj", "relcl"):
        clause = adj if adj.dep_ != "acomp" else adj.head
        holder = _child(clause, "nsubj", "nsubjpass")
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
    verb = _holding_verb(noun, words)
    giver = _pobj(noun, frozenset({"from"}))
    if verb is not None:
        # "Y relies (depends) on A for weapons": A gives
        giver = (giver or _pobj(verb, frozenset({"from"})) or _pobj(verb, RELIED_ON)
                 or _pobj(noun, frozenset({"of"})))  # fmt: skip
        return giver, _pobj(noun, frozenset({"for", "to"})) or subject_of(verb)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.giving_verbs:
        verb = noun.head  # "A lent its support to Y", "A put its weight behind Y"
        receiver = _pobj(verb, RECEIVER_PREPS, ("prep", "dative")) or _pobj(noun, RECEIVER_PREPS)
        if receiver is None and (dative := _child(verb, "dative")) is not None:
            receiver = dative if dative.pos_ != "ADP" else None  # "gave the rebels drones"
        if receiver is None and verb.lemma_.lower() in TWO_OBJECT_VERBS:
            receiver = _name_before(noun, words)  # "lent the Front drones", as one phrase
        return subject_of(verb), receiver
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        giver = _child(noun, "poss") or _pobj(noun, frozenset({"of", "from"}))
        host = noun.head.head  # "Y, with the support of A, took" or "Y with A's support"
        return giver, subject_of(host) if host.pos_ in ("VERB", "AUX") else host
    receiver = _pobj(noun, frozenset({"for", "to"}))  # "backing for Y from A"
    if giver is None and receiver is not None:
        giver = _pobj(receiver, frozenset({"from"}))  # the parser hangs "from A" on Y
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
    det = _child(noun, "det")
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
    if _child(verb, "nsubj", "nsubjpass") is not None or not _opens_line(verb):
        return
    other = _child(verb, "dobj")
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


class Statement(NamedTuple):
    """One relation stated at a token: its type, the two sides and where its modality is read.

    ``phrase`` is set when a noun phrase presupposes the relation ("Y's backers, including A,
    denied it", "the A-backed Y did not attack"): the clause around the phrase does not
    reach it, only the phrase's own words ("no backers", "alleged backers") do."""

    type: str
    holder: Token | None
    other: Token | None
    token: Token
    phrase: Token | None = None
    # a hyphenated backer, "the A-backed Y": A is read on its own even inside a known name
    # ("Turkish-backed factions"), and a later conjunct Y is backed alone ("the B and
    # A-backed Y" says nothing of B)
    hyphen: bool = False
    # the two sides are one coordination ("X and Y clashed"): each side is its own mention
    pair: bool = False


def _predicative(noun: Token) -> bool:
    """The noun is what the clause says of its subject: "A is Y's ally", "A is among N",
    "A is one of N", "called A a backer", "make A an ally"."""
    if noun.dep_ in ("attr", "oprd", "ROOT") or _child(noun, "nsubj") is not None:
        return True
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and _child(noun.head, "attr"):
        return True  # "X's closest ally has been Egypt"
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr"


# Prepositions saying the subject acts on the same side as their object: "Eritrean troops
# fought alongside (beside) the Ethiopian army" (allies; "with" alone may be either side).
ALLY_PREPS = frozenset({"alongside", "beside"})
# "beside" is also a place ("camped beside the base"): a side only after these verbs.
SIDE_VERBS = frozenset({"fight", "battle", "serve", "stand"})


# Verbs that turn their subject on the side their preposition names: "X turned on Y",
# "X rose up against Y", "X took up arms against Y" (a fight begun).
HOSTILE_TURNS = {"turn": ("on", None), "rise": ("against", None), "take": ("against", "arm")}


def _hostile_turn(verb: Token) -> Token | None:
    """The side a subject turns on: "X turned on Y", "X rose up against Y", "X took up
    arms against Y" (Y); None for "turned on the lights" (no actor there, the caller's
    filler test) or "took the town against all odds" (no arms taken)."""
    if verb.pos_ != "VERB" or (turn := HOSTILE_TURNS.get(verb.lemma_.lower())) is None:
        return None
    prep, taken = turn
    obj = _child(verb, "dobj")
    if taken is not None:
        if obj is None or obj.lemma_.lower() != taken:
            return None
        return _pobj(verb, frozenset({prep})) or _pobj(obj, frozenset({prep}))
    particle = any(c.dep_ == "prt" and c.lower_ == prep for c in verb.children)
    return obj if particle else _pobj(verb, frozenset({prep}))  # "turned on Y", parsed either way


def _coalition_subject(verb: Token) -> Token | None:
    """The subject of "include" or "comprise" when it is a body made of others ("the
    Coastal Alliance", "the coalition"), else None ("the delegation included ministers")."""
    subject = subject_of(verb)
    if subject is None or subject.lemma_.lower() not in COALITION_WORDS:
        return None
    return subject


def _sender(verb: Token) -> Token | None:
    """The subject of a sending verb whose purpose clause ``verb`` is: "X sent (deployed)
    troops to fight alongside Y" (X)."""
    if verb.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return None
    head = verb.head if verb.dep_ in ("advcl", "xcomp") else verb.head.head
    if verb_lemma(head) not in SENDING_VERBS:
        return None
    return _child(head, "nsubj")


def statements(tok: Token, words: RelationWords) -> Iterator[Statement]:
    """Every relation stated at ``tok``."""
    lemma = tok.lemma_.lower()
    if lemma in RECIPROCAL_CUES:
        # "the army and the Front have been fighting", "X is at war with Y"
        for rtype, one, two in reciprocal_sides(tok):
            yield Statement(rtype, one, two, tok, pair=True)
        for rtype, one, two in war_sides(tok, subject_of):
            yield Statement(rtype, one, two, tok)
    if (turned_on := _hostile_turn(tok)) is not None:
        yield Statement("fight", subject_of(tok), turned_on, tok)
        return
    if (
        tok.lower_ in ALLY_PREPS
        and tok.dep_ == "prep"
        and tok.head.pos_ == "VERB"
        and (tok.lower_ == "alongside" or tok.head.lemma_.lower() in SIDE_VERBS)
    ):
        # "A fought (is fighting) alongside B": an active subject only ("A was killed
        # alongside B" shares a fate, not a side)
        if (subject := _child(tok.head, "nsubj")) is not None:
            yield Statement("ally", subject, _child(tok, "pobj"), tok)
        elif (sender := _sender(tok.head)) is not None:
            # "Rwanda sent soldiers to fight alongside the rebels": the sender backs them
            yield Statement("support", sender, _child(tok, "pobj"), tok)
        return
    if lemma in words.part_nouns and tok.dep_ in ("amod", "compound"):
        pass  # "right-wing militias", "a wing commander": no part of anyone
    elif tok.pos_ == "NOUN" and lemma in words.agent_nouns:
        phrase = None if _predicative(tok) else tok
        yield Statement(_armed(tok, words.agent_nouns[lemma]), *agent_noun_roles(tok, words),
                        tok, phrase)  # fmt: skip
    elif lemma in words.agent_nouns and tok.dep_ in ("amod", "compound") and tok.i < tok.head.i:
        # a relation noun modifying a noun: "Algeria's proxy militia, the Azawad Front"
        noun = tok.head
        holder = members_of(noun) if _child(noun, "appos") else noun
        yield Statement(words.agent_nouns[lemma], holder, _child(noun, "poss"), tok, noun)
    elif tok.pos_ in ("ADJ", "VERB") and tok.lower_ in words.adjectives:
        phrase = tok.head if tok.dep_ in ("amod", "acl") else None  # "forces loyal to Y"
        yield Statement(words.adjectives[tok.lower_], *adjective_roles(tok), tok, phrase)
    elif tok.pos_ == "VERB" and lemma in INCLUDING_VERBS and (body := _coalition_subject(tok)):
        # "the Coastal Alliance includes A and B": each member is the body's ally
        yield Statement("ally", _child(tok, "dobj"), body, tok)
    elif tok.pos_ == "VERB" and lemma in words.verbs:
        # "X opposes Y", "Kigali, which shelters the rebels", "accused X of harbouring Y"
        yield Statement(words.verbs[lemma], subject_of(tok), _child(tok, "dobj"), tok)
    if tok.pos_ == "NOUN" and lemma in words.support_nouns:
        # "with the support of A" presupposes the support; as a verb's own argument ("could
        # put their support behind Y", "withheld its support") it is what the clause says
        argument = tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
        phrase = None if argument or _holding_verb(tok, words) is not None else tok
        yield Statement("support", *support_noun_roles(tok, words), tok, phrase)
    if lemma not in words.describing_verbs or tok.pos_ not in ("VERB", "ADJ"):
        return
    rtype = words.describing_verbs[lemma]
    if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "countries backing Y"
        noun = tok.head
        phrase = None if _predicative(noun) else noun
        yield Statement(rtype, members_of(noun) or noun, _child(tok, "dobj"), tok, phrase)
    elif tok.tag_ == "VBN" and tok.dep_ in ("amod", "compound", "acl"):
        # the word right before the hyphen: "the al-Qaeda-linked Y" is Qaeda's (al-Qaeda's)
        agent = max((c for c in tok.children if c.i < tok.i and c.dep_ in
                     ("npadvmod", "compound", "nmod", "nsubj", "amod")),
                    key=lambda c: c.i, default=None)  # fmt: skip
        if agent is not None and tok.nbor(-1).text == "-" and _names_actor(tok.head, words):
            yield Statement(rtype, agent, tok.head, tok, tok.head, hyphen=True)  # "the A-backed Y"
    elif (shared := coordinated_passive(tok)) is not None and tok.dep_ in ("acomp", "conj"):
        # "the militia is armed and funded by Qatar": the event reader takes the verb
        # with the agent; its adjectival partner states the same giver's relation.
        yield Statement(rtype, shared[0], shared[1], tok)
    elif tok.tag_ == "VBG":
        for holder, other, statement in list_header_roles(tok):
            yield Statement(rtype, holder, other, statement)
    elif tok.dep_ == "xcomp" and _relative_controller(tok):
        # "A, which is believed to back Y": the event reader leaves the subject out.
        yield Statement(rtype, subject_of(tok), _child(tok, "dobj"), tok)


def _armed(noun: Token, rtype: str) -> str:
    """An adversary noun qualified as armed is a fight, not a stance: "an armed rival
    of Y", "Y's armed enemies"."""
    if rtype == "oppose" and any(c.dep_ == "amod" and c.lower_ == "armed" for c in noun.children):
        return "fight"
    return rtype


def extract_relations(ctx: DocContext) -> dict[str, Sequence[object]]:
    index = MentionIndex.of(ctx)
    quotes = ctx.quotes
    words = ctx.resources.relation_words
    out: dict[tuple[object, ...], RelationMention] = {}
    in_body = ctx.view.zones.in_body  # a headline or caption states no relation of its own
    # the lemmas statements() reads a relation from (an adjective by its word)
    cues = {*words.agent_nouns, *words.verbs, *words.describing_verbs, *words.support_nouns,
            *ALLY_PREPS, *RECIPROCAL_CUES, *HOSTILE_TURNS, *INCLUDING_VERBS}  # fmt: skip
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
            holders = [f for f in holders if _same_line(ctx, f, statement)]
            others = [f for f in _fillers(index, other, alone) if _same_line(ctx, f, statement)]
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
    if not found and token is not None and token.pos_ == "NOUN":
        found = index.fillers(members_of(token))
    return found


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
