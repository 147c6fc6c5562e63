"""Which tokens are event triggers: the PLOVER type and lemma key a token is read as
(:func:`trigger_of`), and the readings that state no event of their own.

A verb is read with its particle ("pull out"), its object ("defused landmines") or its
doer ("the drought hit": no attack); a noun with the word before it ("air strike") or its
"of" phrase ("exchange of fire"). A trigger inside a name ("Rapid Support Forces"), a
hyphened modifier ("war-torn"), the thing a violent act is done to ("ambushed an army
patrol"), an event averted ("averted a war") and bodies found after an act told before are
no events. Words that are events only for some actors ("workers gathered") are found here
and typed later by their source.

Split out of :mod:`eventwire.extract.events` so that module holds the extractor's flow;
the rules are unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.event_qualifiers import _kind_of, _words
from eventwire.extract.eventroles import is_time_phrase, noun_roles, verb_roles
from eventwire.knowledge.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Token

# "pull out", "take control", "a grenade was thrown", "found dead"
PARTICLE_DEPS = ("prt", "prep", "dobj", "nsubjpass", "oprd", "advmod")  # "fired back"
# the parts of speech trigger_of and _by_source read a trigger from
TRIGGER_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})


def trigger_of(token: Token, onto: Ontology) -> tuple[str, str] | None:
    """``(type, lemma key)`` of a trigger token; the key is "verb particle" for phrasal verbs."""
    lemma = token.lemma_.lower()
    if token.dep_ == "amod" and token.tag_ in ("VBG", "VBN"):
        return None  # a participle used as an adjective: "burning tyres", "wounded soldiers"
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
        for child in token.children:
            if child.dep_ not in PARTICLE_DEPS or (child.dep_ == "prep" and is_time_phrase(child)):
                continue  # "fired ... on 5 May" is no "fire on"
            for particle in (child.lower_, child.lemma_.lower()):
                if t := onto.phrasal_type(lemma, particle):
                    return t, f"{lemma} {particle}"
        if token.pos_ == "AUX":
            return None
        if vo := _verb_object(token, onto):
            return vo
        obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and onto.is_non_event(lemma, (obj.lemma_, obj.lower_)):
            return None  # "released photos", "launched a website", "struck a deal"
        if _ceasing(token, lemma, obj, onto) or _natural_force(token):
            return None  # "the shelling must stop"; "provinces hit by the drought"
        t = onto.verb_type(lemma)
        return (t, lemma) if t else None
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("PERSON", "GPE", "ORG"):
        doc = token.doc
        words = [lemma]
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":  # "exchange of fire"
            words.insert(0, f"{lemma} of {doc[token.i + 2].lower_}")
        if token.i > 0:
            prev = doc[token.i - 1]
            if prev.i > 0 and prev.text == "-" and not prev.whitespace_:  # "sit-in"
                words.insert(0, f"{doc[prev.i - 1].lower_}-{lemma}")
            words.insert(0, f"{prev.lower_} {lemma}")  # "air strike", "hunger strike"
        words.append(token.lower_)
        for word in words:
            if t := onto.noun_type(word):
                return t, word
        if (lemma in onto.weapon_subjects and _noun_dep(token) == "nsubj"
                and not onto.verb_type(token.head.lemma_)):  # fmt: skip
            return "ASSAULT", lemma  # "rockets fell near the airport", not "a bomb killed"
    return None


# Verbs of stopping: coercion when someone or something is stopped ("police stopped the
# convoy", "prevented protesters from marching"), a ceasing when nothing is.
STOPPING_VERBS = frozenset({"stop", "halt", "prevent"})
# Objects that are no one: "stop something from happening", "prevent anything like it".
INDEFINITE_OBJECTS = frozenset(
    {"something", "anything", "everything", "nothing", "this", "that", "it", "all"}
)


def _ceasing(token: Token, lemma: str, obj: Token | None, onto: Ontology) -> bool:
    """A verb of stopping with no one stopped tells a ceasing, not coercion: "the violence
    must stop", "called for the shelling to stop" (intransitive), "how can you stop
    something from happening" (an indefinite pronoun as the object), "stop the bombings",
    "efforts to halt the war" (a violent act as the object: the act is told by its own
    noun; "stop the protests by force" stays a COERCE of the protest)."""
    if lemma not in STOPPING_VERBS:
        return False
    if obj is None:
        return not any(c.dep_ in ("xcomp", "ccomp", "pcomp") for c in token.children)
    if obj.lower_ in INDEFINITE_OBJECTS:
        return True
    return obj.dep_ == "dobj" and trigger_type(obj, onto) in onto.violent_types


# Forces of nature and of the economy: what they "hit", "strike" or "batter" suffered no
# attack ("provinces hit by the drought", "a storm struck the coast").
NATURAL_FORCES = frozenset(
    {"drought", "droughts", "flood", "floods", "flooding", "storm", "storms", "cyclone",
     "hurricane", "typhoon", "earthquake", "quake", "tsunami", "famine", "epidemic",
     "pandemic", "outbreak", "disease", "heatwave", "landslide", "avalanche", "rain", "rains",
     "snow", "frost", "lightning", "crisis", "recession", "slump", "downturn", "inflation",
     "shortage", "shortages", "sanctions", "cuts", "virus", "wildfire",
     "wildfires", "locusts"}
)  # fmt: skip


def _natural_force(token: Token) -> bool:
    """A violent verb whose doer is a force of nature or of the economy tells no attack:
    "the drought hit 14 provinces", "a cyclone struck the coast", "districts battered by
    floods", "importers hit by the sanctions". Its victims are counted by
    other words, and no one did it."""
    for child in token.children:
        doer = child
        if child.dep_ == "agent":  # "hit by the drought"
            doer = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("nsubj",):
            continue
        if doer.lemma_.lower() in NATURAL_FORCES or doer.lower_ in NATURAL_FORCES:
            return True
    return False


def _verb_object(token: Token, onto: Ontology) -> tuple[str, str] | None:
    """``(type, "verb object")`` for "defused landmines", "found a cache of weapons"."""
    lemma = token.lemma_.lower()
    if lemma not in onto.verb_object_verbs:
        return None  # no entry for this verb: its object's words need not be read
    for obj in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        words = [w for t in obj.subtree for w in (t.lemma_.lower(), t.lower_)]
        if (vo := onto.verb_object(lemma, words)) is not None:
            word = next(w for w in words if w in vo.objects)
            return vo.type, f"{lemma} {word}"
    return None


def _inside_name(token: Token) -> bool:
    """A capitalised word inside a run of capitalised words is part of a name, not a
    trigger: "Popular Mobilization Forces" (no MOBILIZE), "Rapid Support Forces" (no
    SUPPORT). A verb, or a word opening its sentence, is read as usual."""
    doc = token.doc

    def capitalised(i: int) -> bool:  # "Forces", not "FORCES" of an all-capitals text
        text = doc[i].text if 0 <= i < len(doc) else ""
        return text[:1].isupper() and not text.isupper() and not doc[i].is_sent_start

    if token.pos_ not in ("NOUN", "PROPN") or not capitalised(token.i):
        return False
    return capitalised(token.i - 1) or capitalised(token.i + 1)


def _hyphened_modifier(token: Token) -> bool:
    """An event noun joined by a hyphen to a participle or adjective describes a place or
    people, it tells no event: "the war-torn region", "conflict-affected districts",
    "a violence-hit town" (the words are one modifier of the noun after them)."""
    doc = token.doc
    if token.pos_ not in ("NOUN", "PROPN") or token.i + 2 >= len(doc) or token.whitespace_:
        return False
    hyphen, word = doc[token.i + 1], doc[token.i + 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and word.tag_ in ("VBN", "JJ")
        and word.dep_ == "amod"
    )


# Verbs whose object is a load a vehicle or column of people has with it: "a convoy
# carrying aid", "a truck transporting supplies".
CARRYING_VERBS = frozenset({"carry", "transport", "ferry", "haul", "deliver", "bring"})
# Prepositions whose object is what an act is aimed at: "an attack on a patrol".
AIMED_PREPS = frozenset({"on", "at", "against", "upon", "targeting"})


def _acted_upon(token: Token, etype: str, violent_at: set[int], onto: Ontology) -> bool:
    """A non-violent event noun naming the thing a violent act is done to is that thing,
    not an event of its own: "gunmen ambushed an army patrol" (no MOBILIZE), "an attack on
    a patrol", "the patrol was ambushed", "rebels attacked an aid convoy" and "shelled a
    convoy carrying aid" (no AID). A protest attacked or dispersed still took place
    (PROTEST is kept), and a violent noun there is an act told as such ("repelled an
    attack")."""
    if token.pos_ not in ("NOUN", "PROPN") or etype in onto.violent_types or etype == "PROTEST":
        return False
    node = token
    for _ in range(3):  # up from the trigger to the noun phrase the act is done to
        head = node.head
        if node.dep_ == "compound":  # "an aid convoy", "an army patrol"
            node = head
        elif node.dep_ == "dobj" and head.dep_ == "acl" and head.lemma_ in CARRYING_VERBS:
            node = head.head  # "a convoy carrying aid"
        elif node.dep_ == "pobj" and head.lower_ in ("of", "with") and head.head.pos_ == "NOUN":
            node = head.head  # "a convoy of aid", "trucks with aid"
        else:
            break
    head = node.head
    if node.dep_ in ("dobj", "nsubjpass") and head.i != node.i:
        return head.i in violent_at
    if node.dep_ == "pobj" and head.lower_ in AIMED_PREPS:
        return head.head.i in violent_at
    return False


# Verbs whose object is an event kept from happening: "averted a war", "to prevent a
# massacre", "avoid an escalation of the fighting".
AVERTING_VERBS = frozenset({"avert", "prevent", "avoid", "forestall", "preempt", "pre-empt"})


def _averted(token: Token, onto: Ontology) -> bool:
    """An event noun that is the object of a verb of averting did not happen: "mediators
    averted a war", "urged both sides to prevent a civil war" (no ASSAULT); its nominal
    object too ("avoid an escalation of the fighting"). Keeping an event from happening
    is no act of force either ("prevent a war" is no COERCE; "prevented protesters from
    marching" and "prevented a protest" still are, though the protest did not happen)."""
    if token.pos_ == "VERB" and token.lemma_.lower() in AVERTING_VERBS:
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        return obj is not None and trigger_type(obj, onto) in onto.violent_types
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "dobj":
        node = node.head.head  # "an escalation of the fighting"
    return node.dep_ == "dobj" and node.head.lemma_.lower() in AVERTING_VERBS


def _aftermath_find(
    token: Token, found: tuple[str, str], first_violent: int | None, onto: Ontology
) -> bool:
    """Bodies found after an act the text has told ("Jets struck the market. Rescuers
    found five more bodies under the rubble") are that act's victims, not a killing of
    their own; their count goes to the act. Bodies found with no act told before them
    ("The bodies of two men were found near the road") stay the killing they tell of."""
    etype, lemma = found
    if not etype or etype not in onto.violent_types or not onto.is_finding(etype, lemma):
        return False
    return first_violent is not None and first_violent < token.i and " " in lemma


def _noun_dep(token: Token) -> str:
    """A noun's role in its clause, through coordination ("rocket and artillery shelling")."""
    seen = 0
    while token.dep_ == "conj" and token.head.i != token.i and seen < 10:
        token, seen = token.head, seen + 1
    return token.dep_


def trigger_type(token: Token, onto: Ontology) -> str | None:
    found = trigger_of(token, onto)
    return found[0] if found else None


def _by_source(token: Token, onto: Ontology) -> tuple[str, str] | None:
    """A word that is an event only for some actors ("workers gathered"); typed later."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "NOUN") and lemma in onto.by_source_kind:
        return "", lemma
    return None


def _source_makes_event(token: Token, lemma: str, index: MentionIndex, onto: Ontology) -> bool:
    """Whether a word of ``[by_source_kind]`` has an actor it is an event for."""
    is_verb = token.pos_ not in ("NOUN", "PROPN")
    src_tok = verb_roles(token)[0] if is_verb else noun_roles(token)[0]
    if not is_verb and src_tok is None:
        src_tok = next((c for c in token.children if c.dep_ == "compound"), None)
    kind = _kind_of(next(iter(index.fillers(src_tok)), None), index, onto)
    words = _words(token.subtree) if is_verb else ()
    return onto.type_for_source(lemma, kind, None, words) is not None
