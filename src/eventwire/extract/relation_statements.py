"""Which relations a token states: :class:`Statement` and :func:`statements`.

For each relation word (an agent noun, a relation verb or adjective, a support noun, "fought
alongside", "turned on", a coalition including its members, a hyphenated "A-backed Y") the
relation's type, its two sides (found by :mod:`eventwire.extract.relation_roles`) and where
its modality is read. The component (:mod:`eventwire.extract.relations`) turns the
statements into records; split from ``relations.py`` so that which relation a construction
states can be read apart from the records made of it. The words are data:
``knowledge/data/relation_words.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from eventwire.extract.clausechain import RELATIVE_PRONOUNS
from eventwire.extract.eventroles import SENDING_VERBS, coordinated_passive, verb_lemma
from eventwire.extract.reciprocals import CUE_LEMMAS as RECIPROCAL_CUES
from eventwire.extract.reciprocals import reciprocal_sides, war_sides
from eventwire.extract.relation_charges import charged_statements
from eventwire.extract.relation_roles import (
    INCLUDING_VERBS,
    adjective_roles,
    agent_noun_roles,
    co_accused,
    dep_child,
    holding_verb,
    list_header_roles,
    members_of,
    pobj,
    relative_controller,
    subject_of,
    support_noun_roles,
)
from eventwire.knowledge.words import RelationWords

if TYPE_CHECKING:
    from spacy.tokens import Token


# Head words of a body made of others: "the Coastal Alliance includes A and B" (A and B
# are its allies).
COALITION_WORDS = frozenset({"alliance", "coalition", "bloc", "front", "federation", "umbrella",
                             "platform", "axis"})  # fmt: skip


def _names_actor(noun: Token, words: RelationWords) -> bool:
    return noun.pos_ == "PROPN" or noun.lemma_.lower() in words.group_nouns


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
    if noun.dep_ in ("attr", "oprd", "ROOT") or dep_child(noun, "nsubj") is not None:
        return True
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and dep_child(noun.head, "attr"):
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
    obj = dep_child(verb, "dobj")
    if taken is not None:
        if obj is None or obj.lemma_.lower() != taken:
            return None
        return pobj(verb, frozenset({prep})) or pobj(obj, frozenset({prep}))
    particle = any(c.dep_ == "prt" and c.lower_ == prep for c in verb.children)
    return obj if particle else pobj(verb, frozenset({prep}))  # "turned on Y", parsed either way


def _coalition_subject(verb: Token) -> Token | None:
    """The subject of "include" or "comprise" when it is a body made of others ("the
    Coastal Alliance", "the coalition"), else None ("the delegation included ministers")."""
    subject = subject_of(verb)
    if subject is None or subject.lemma_.lower() not in COALITION_WORDS:
        return None
    return subject


# Verbs whose subject has troops somewhere: "X has (keeps, stations) troops in Y".
HOLDING_TROOPS = frozenset({"have", "keep", "station", "maintain", "deploy", "base"})
TROOP_WORDS = frozenset({"soldier", "troop", "force", "fighter", "unit", "personnel"})


def _troops_owner(people: Token) -> Token | None:
    """Whose troops a noun of soldiers names, when the clause says someone has them:
    "Chad has thousands of soldiers in Darfur fighting beside Y", "X keeps 4,000 troops
    there" (Chad, X); None for troops no clause gives an owner."""
    troops = people
    if troops.lemma_.lower() not in TROOP_WORDS:
        troops = pobj(people, frozenset({"of"})) or people  # "thousands of soldiers"
    if troops.lemma_.lower() not in TROOP_WORDS or people.dep_ != "dobj":
        return None
    if verb_lemma(people.head) not in HOLDING_TROOPS:
        return None
    return subject_of(people.head)


def _fighting_side(verb: Token) -> Token | None:
    """Who fights on a side with no subject of its own: the people a participle of fighting
    describes ("Eritrean troops fighting alongside the army") and the one charged with it
    ("accused Kigali of fighting alongside the militia"); None for a verb that is not one
    of fighting or serving ("killed alongside Y" shares a fate)."""
    if verb.lemma_.lower() not in SIDE_VERBS:
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _troops_owner(verb.head) or verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
        return subject_of(verb)  # the accused, by the verb of charging above
    return None


def _sender(verb: Token) -> Token | None:
    """The subject of a sending verb whose purpose clause ``verb`` is: "X sent (deployed)
    troops to fight alongside Y" (X)."""
    if verb.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return None
    head = verb.head if verb.dep_ in ("advcl", "xcomp") else verb.head.head
    if verb_lemma(head) not in SENDING_VERBS:
        return None
    return dep_child(head, "nsubj")


# Verbs of working together, allies with the object of "with": "the Front works
# (collaborates, teams up) with the Brigade" ("cooperate" is an event of its own).
# Nouns of asking for help that a sending answers: "sent troops at the request (invitation)
# of Y", "deployed at Y's request" (the ones sent, and who sent them, back Y).
REQUEST_NOUNS = frozenset({"request", "invitation", "behest"})
# Verbs of going in to help that "at the request of Y" qualifies, beside the sending verbs.
ARRIVING_VERBS = frozenset({"intervene", "enter", "arrive", "come", "go"})


def _requested(noun: Token) -> Iterator[Statement]:
    """Who backs the one that asked: "the Kanvar army, sent by its president at the request
    of Tarvo's government" (the army and the president back Tarvo's government), "X
    deployed troops at Y's request", "X intervened at the invitation of Y" (X backs Y);
    never "at the request of" on a verb of no sending ("spoke at the request of Y")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "at" or prep.dep_ != "prep":
        return
    verb = prep.head
    if verb.pos_ != "VERB" or verb_lemma(verb) not in SENDING_VERBS | ARRIVING_VERBS:
        return
    asker = pobj(noun, frozenset({"of"})) or dep_child(noun, "poss")
    if asker is None:
        return
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "the army, sent by X at the request of Y": the force sent and its sender
        yield Statement("support", verb.head, asker, noun)
        if (sender := pobj(verb, frozenset({"by"}), ("agent", "prep"))) is not None:
            yield Statement("support", sender, asker, noun)
    elif (subject := subject_of(verb)) is not None:
        yield Statement("support", subject, asker, noun)


TOGETHER_VERBS = frozenset({"work", "collaborate", "team", "partner"})
# Verbs of a body under another's command, allies of the one commanding: "a brigade that
# answers (reports) to the defence ministry"; taking orders from it is the same tie ("X no
# longer takes orders from the army").
ANSWERING_VERBS = frozenset({"answer", "report"})
ORDER_NOUNS = frozenset({"order", "instruction", "command"})
ORDER_TAKING_VERBS = frozenset({"take", "receive", "get", "follow"})


def _commanding(verb: Token) -> Token | None:
    """The one a body answers to: "X answers (reports) to Y", "X takes (receives) orders
    from Y" (Y); None for a verb with an object of its own ("reported the attack to the
    police" tells, it serves no one) and for orders from no one named."""
    lemma = verb.lemma_.lower()
    obj = dep_child(verb, "dobj")
    if lemma in ANSWERING_VERBS:
        return pobj(verb, frozenset({"to"})) if obj is None else None
    if lemma in ORDER_TAKING_VERBS and obj is not None and obj.lemma_.lower() in ORDER_NOUNS:
        return pobj(verb, frozenset({"from"})) or pobj(obj, frozenset({"from"}))
    return None


# Nouns of a tie between two sides: "X has links with Y", "X's ties to Y", "contacts
# between X and Y"; read where a verb of having or denying, or a possessive, gives the
# holder ("cut ties with Y" ends a tie: not read).
TIE_NOUNS = frozenset({"link", "tie", "contact", "connection"})
TIE_HOLDING_VERBS = frozenset({"have", "maintain", "keep", "deny", "forge", "build",
                               "strengthen", "establish", "develop", "admit", "acknowledge"})  # fmt: skip
TIE_PREPS = frozenset({"with", "to"})


def _ties(noun: Token) -> Iterator[Statement]:
    """A tie between two sides: "X has (maintains, denies) links with Y", "X's ties to Y"
    (ally; the verb's negation or denial is the statement's), "contacts between X and Y"
    (each side its own mention). Not "ties with Y were cut" (no holder), nor "family ties"
    (no side after the noun)."""
    between = pobj(noun, frozenset({"between"}))
    if between is not None:
        other = dep_child(between, "conj")
        if other is not None:
            yield Statement("ally", between, other, noun, noun, pair=True)
        return
    other = pobj(noun, TIE_PREPS)
    if other is None:
        return
    if noun.dep_ == "dobj" and verb_lemma(noun.head) not in TIE_HOLDING_VERBS:
        return  # "cut (severed) its ties with Y": a tie ended, or only spoken of
    if (owner := dep_child(noun, "poss")) is not None:
        yield Statement("ally", owner, other, noun, noun)
    elif noun.dep_ == "dobj":  # a verb of holding or denying (the test above)
        # read at the noun, so that the verb governing it gives the status ("denies links
        # with Y": denied); "has no links" by the noun's own determiner
        none = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        yield Statement("ally", subject_of(noun.head), other, noun, noun if none else None)


def _repeated_preposition(side: Token | None) -> list[Token]:
    """The objects of a preposition repeated in a coordination after ``side``'s own: "from
    A and from B", "alongside A and alongside B" (B; the parser hangs the second "from" on
    the first as its conjunct, so B is no conjunct of A)."""
    if side is None or side.dep_ != "pobj":
        return []
    prep = side.head
    # the second preposition is the first's conjunct, or the verb's ("fought alongside A
    # and alongside B", the parser coordinating the two phrases under the verb)
    repeated = [*prep.children, *(prep.head.children if prep.head.i != prep.i else ())]
    return [o for c in repeated if c.dep_ == "conj" and c.lower_ == prep.lower_
            and c.i > prep.i and (o := dep_child(c, "pobj")) is not None]  # fmt: skip


def statements(tok: Token, words: RelationWords) -> Iterator[Statement]:
    """Every relation stated at ``tok``, with each side a repeated preposition adds ("get
    weapons from A and from B": A and B give)."""
    for found in _statements(tok, words):
        yield found
        if found.pair:
            continue
        for holder in _repeated_preposition(found.holder):
            yield found._replace(holder=holder)
        for other in _repeated_preposition(found.other):
            yield found._replace(other=other)


def _statements(tok: Token, words: RelationWords) -> Iterator[Statement]:
    """Every relation stated at ``tok``, each side as the parser gives it."""
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
        if (subject := dep_child(tok.head, "nsubj")) is not None:
            # "X, which fought alongside Y": the relative pronoun's antecedent
            subject = subject_of(tok.head) if subject.lower_ in RELATIVE_PRONOUNS else subject
            yield Statement("ally", subject, dep_child(tok, "pobj"), tok)
        elif (side := _fighting_side(tok.head)) is not None:
            yield Statement("ally", side, dep_child(tok, "pobj"), tok)
        elif (sender := _sender(tok.head)) is not None:
            # "Rwanda sent soldiers to fight alongside the rebels": the sender backs them
            yield Statement("support", sender, dep_child(tok, "pobj"), tok)
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
        holder = members_of(noun) if dep_child(noun, "appos") else noun
        yield Statement(words.agent_nouns[lemma], holder, dep_child(noun, "poss"), tok, noun)
    elif tok.pos_ in ("ADJ", "VERB") and tok.lower_ in words.adjectives:
        phrase = tok.head if tok.dep_ in ("amod", "acl") else None  # "forces loyal to Y"
        yield Statement(words.adjectives[tok.lower_], *adjective_roles(tok), tok, phrase)
    elif tok.pos_ == "VERB" and lemma in INCLUDING_VERBS and (body := _coalition_subject(tok)):
        # "the Coastal Alliance includes A and B": each member is the body's ally
        yield Statement("ally", dep_child(tok, "dobj"), body, tok)
    elif tok.pos_ == "VERB" and lemma in words.verbs:
        # "X opposes Y", "Kigali, which shelters the rebels", "accused X of harbouring Y"
        yield Statement(words.verbs[lemma], subject_of(tok), dep_child(tok, "dobj"), tok)
        for accused in co_accused(tok):  # "accuses A and, lately, B of sheltering Y"
            yield Statement(words.verbs[lemma], accused, dep_child(tok, "dobj"), tok)
    elif tok.pos_ == "VERB" and (commanding := _commanding(tok)) is not None:
        # "a force that answers to the ministry", "X takes orders from Y": allies
        yield Statement("ally", subject_of(tok), commanding, tok)
    elif tok.pos_ == "VERB" and lemma in TOGETHER_VERBS:
        # "X works with Y", "X, which teams up with Y"; never "worked on Y" or "worked for Y"
        if (partner := pobj(tok, frozenset({"with"}))) is not None:
            yield Statement("ally", subject_of(tok), partner, tok)
    elif tok.pos_ == "NOUN" and lemma in TIE_NOUNS:
        yield from _ties(tok)
    elif tok.pos_ == "NOUN" and lemma in REQUEST_NOUNS:
        yield from _requested(tok)
    if tok.pos_ == "NOUN" and lemma in words.support_nouns:
        # "with the support of A" presupposes the support; as a verb's own argument ("could
        # put their support behind Y", "withheld its support") it is what the clause says
        argument = tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
        phrase = None if argument or holding_verb(tok, words) is not None else tok
        yield Statement("support", *support_noun_roles(tok, words), tok, phrase)
    for rtype, accused, receiver in charged_statements(tok, words):
        # "accused X of protecting (supplying, paying) Y" (extract/relation_charges.py)
        yield Statement(rtype, accused, receiver, tok)
    if lemma not in words.describing_verbs or tok.pos_ not in ("VERB", "ADJ"):
        return
    rtype = words.describing_verbs[lemma]
    if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "countries backing Y"
        noun = tok.head
        phrase = None if _predicative(noun) else noun
        yield Statement(rtype, members_of(noun) or noun, dep_child(tok, "dobj"), tok, phrase)
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
    elif tok.dep_ == "xcomp" and relative_controller(tok):
        # "A, which is believed to back Y": the event reader leaves the subject out.
        yield Statement(rtype, subject_of(tok), dep_child(tok, "dobj"), tok)


def _armed(noun: Token, rtype: str) -> str:
    """An adversary noun qualified as armed is a fight, not a stance: "an armed rival
    of Y", "Y's armed enemies"."""
    if rtype == "oppose" and any(c.dep_ == "amod" and c.lower_ == "armed" for c in noun.children):
        return "fight"
    return rtype
