"""Roles of an event noun ("offensive", "backing", "clashes"): its source and targets.

The possessor, a "by"/"from" object or a doer's name before it is the source, else the
subject of a light verb ("launched an offensive"), the one who claimed it or is blamed for
it, a side that lost men in it, the "by" agent of a participle on it; "on/against/to/for"
objects are targets, with the constructions listed in
:mod:`eventwire.extract.eventroles`' docstring. The noun half of role reading, kept apart
from the verb half there; a gerund standing as a noun is read here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.parsewalk import (
    AGENT_VERBS,
    LIGHT_VERBS,
    PARTICIPATION_VERBS,
    RELATIVES,
    SUBJECT_DEPS,
    TARGET_PREPS,
    TRAVEL_VERBS,
    controller_subject,
    dep_child,
    is_time_phrase,
    prep_object,
    prep_objects,
    verb_lemma,
    when_word,
)
from eventwire.extract.responsibility import blamed_for, blamed_on, claimant
from eventwire.extract.weapons import armed_modifier, instrument_user

if TYPE_CHECKING:
    from spacy.tokens import Token

NOUN_TARGET_PREPS = frozenset({"on", "against", "to", "for", "of", "in", "with", "into"})

NOUN_SOURCE_PREPS = frozenset({"by", "from"})

OWN_PRONOUNS = frozenset({"its", "their"})  # owner = the subject of the verb

# Verbs whose subject does the violence their object names: "the police used violence
# against the marchers", "continued to use violence", "exerting violence". Kept apart from
# the light verbs: "used the attack as a pretext" names no doer of the attack.
FORCE_VERBS = frozenset({"use", "employ", "exert", "unleash"})

FORCE_NOUNS = frozenset({"violence", "torture", "gunfire", "firing", "shelling"})

# Entity types of a name that may do what the noun it modifies names ("a Hamas attack",
# "Israeli strikes", "a Putin decree"); not a region, a site or a named war.
DOER_ENTS = frozenset({"ORG", "GPE", "NORP", "PERSON"})

# Participles whose "by" agent holds the place they describe: "positions held by X".
HOLDING_PARTICIPLES = frozenset({"hold", "control", "occupy", "man", "run", "use"})


def held_by(place: Token | None) -> Token | None:
    """Who holds the place an act is aimed at: "shelled positions held (controlled) by X",
    "a raid on a base used by X" (X, the side it is aimed at, when the place is no actor)."""
    if place is None:
        return None
    return next((a for v in place.children if v.dep_ == "acl" and v.tag_ == "VBN"
                 and verb_lemma(v) in HOLDING_PARTICIPLES
                 and (a := prep_object(v, frozenset({"by"}), ("agent", "prep"))) is not None),
                None)  # fmt: skip


# Verbs of holding off an act: "repelled an attack by X", "beat back an assault".
REPELLING_VERBS = frozenset({"repel", "repulse", "thwart", "foil", "rebuff", "halt"})

REPELLING_PHRASALS = frozenset({("beat", "back"), ("fight", "off"), ("push", "back"),
                                ("fend", "off"), ("drive", "back"), ("hold", "off")})  # fmt: skip


def repelled_by(noun: Token) -> Token | None:
    """Who held off the act a noun names, the act's target: "the army repelled an attack
    by X", "its units fought off a raid by X" (the army, the troops)."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    lemma = verb_lemma(verb)
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    if lemma not in REPELLING_VERBS and not any((lemma, p) in REPELLING_PHRASALS
                                                for p in particles):  # fmt: skip
        return None
    return dep_child(verb, "nsubj") or controller_subject(verb)


def _between(token: Token) -> Token | None:
    """X of "clashes between X and Y", also when the parser hangs "between" on the verb
    ("clashes erupted between...") or on a place ("reported in the city between...")."""
    between = frozenset({"between"})
    heads = [token]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verb = token.head
        heads += [verb, *(p for c in verb.children if c.dep_ == "prep" for p in c.children
                          if p.dep_ == "pobj")]  # fmt: skip
    return next((b for h in heads if (b := prep_object(h, between)) is not None), None)


def between_first(noun: Token) -> Token | None:
    """X of "between X and Y" when the parser read "X and Y" as one noun phrase headed
    by Y, X a modifier carrying the "and" ("fighting between the YPG and Turkish-backed
    factions": YPG hangs on "factions"); else None."""
    modifiers = (c for c in noun.children
                 if c.i < noun.i and c.dep_ in ("nmod", "compound", "amod", "npadvmod"))  # fmt: skip
    return next((m for m in modifiers
                 if any(c.dep_ == "cc" and c.lower_ == "and" for c in m.children)), None)  # fmt: skip


def noun_roles(token: Token) -> tuple[Token | None, list[Token | None]]:
    if token.dep_ == "compound" and token.head.i != token.i:  # "a protest sit-in"
        token = token.head
    source = dep_child(token, "poss")
    if source is not None and when_word(source):
        source = None  # "Sunday's ambush", "last week's raid": a date owns no act
    source = source or prep_object(token, NOUN_SOURCE_PREPS, ("prep", "agent"))
    if source is None and (pitted := _pitted(token)) is not None:
        return pitted  # "clashes pitting X against Y"
    if source is not None and source.lower_ in OWN_PRONOUNS:  # "X reiterated its demand"
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ in SUBJECT_DEPS and verb.dep_ in ("ccomp", "xcomp"):
            verb = verb.head  # "X says its attacks aim to ...": the owner is who says it
        source = dep_child(verb, "nsubj") if verb.pos_ == "VERB" else None
    if source is None:  # "a Hamas attack"; a region or a named war ("the Gulf war") is no doer
        source = next(
            (c for c in token.children if c.dep_ in ("amod", "compound", "nmod")
             and c.ent_type_ in DOER_ENTS and not war_place(token, c)
             and not placed_elsewhere(c)),
            None,
        )  # fmt: skip
    if source is None:  # "a military air strike", "rebel mortars": see armed_modifier
        source = next((c for c in token.children if armed_modifier(c) is not None), None)
    if (
        source is None
        and token.dep_ in ("dobj", "nsubjpass")
        and (
            verb_lemma(token.head) in LIGHT_VERBS
            or (verb_lemma(token.head) in FORCE_VERBS and token.lemma_.lower() in FORCE_NOUNS)
        )
    ):
        source = dep_child(token.head, "nsubj") or controller_subject(token.head)
        if source is not None:  # "its jets carried out strikes": the jets' user did
            source = instrument_user(source) or source
    if source is None:
        source = claimant(token) or blamed_for(token)
    loser = losing_side(token)  # "X lost ten fighters in clashes with Y"
    if source is None and loser is not None and token.lemma_.lower() in TWO_SIDED_NOUNS:
        source = loser
    if source is None and token.dep_ == "pobj" and token.head.lower_ in ("in", "on"):
        verb = token.head.head  # "participated in a demonstration", "arrived on a visit"
        moves = PARTICIPATION_VERBS if token.head.lower_ == "in" else TRAVEL_VERBS
        # "closed the road in protest at...": whoever acts in protest protests
        in_protest = token.head.lower_ == "in" and token.lemma_.lower() == "protest"
        if verb_lemma(verb) in moves or in_protest:
            source = dep_child(verb, "nsubj")
    verbs = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    if token.dep_ == "nsubjpass":
        verbs.append(token.head)
    if source is None:  # "an attack blamed on X", "the raid, which police blamed on X"
        source = blamed_on(verbs)
    verbs = [v for v in verbs if verb_lemma(v) in AGENT_VERBS]
    if source is None:  # "the attack (was) carried out by X", "an attack claimed by X"
        source = next((a for v in verbs if (a := prep_object(v, frozenset({"by"}), ("agent", "prep")))),
                      None)  # fmt: skip
    if source is None:  # "the offensive that X launched", "the raid the army carried out"
        source = next((s for v in verbs if (s := relative_subject(v)) is not None), None)
    between = _between(token)
    if source is None and between is not None:  # "clashes between police and traders"
        return between, [next(iter(between.conjuncts), None)]
    target = prep_object(token, NOUN_TARGET_PREPS) or next(
        (t for v in verbs for p in ("against", "on") if (t := prep_object(v, frozenset({p})))), None
    )  # "an attack carried out against the army"
    repeller = repelled_by(token)  # "repelled an attack by X (on its posts)": who repelled it
    target = target or repeller or _aimed_past_agent(token, source) or _under_attack(token)
    if target is None and loser is not None and loser != source:
        target = loser  # "the army lost five soldiers in an ambush by X": the army was hit
    dead = died_in(token)  # "three soldiers died in the ambush": they were hit
    target = target or dead
    if target is None and token.dep_ == "pobj" and token.head.lower_ == "on":
        verb = token.head.head  # "arrived in Amman on a visit": the visit is to Amman
        if verb_lemma(verb) in TRAVEL_VERBS:
            target = prep_object(verb, frozenset({"in", "to"}))
    light = token.dep_ == "dobj" and verb_lemma(token.head) in LIGHT_VERBS
    if target is None and light:
        target = prep_object(token.head, TARGET_PREPS) or dep_child(token.head, "dative")
        if target is not None and target.pos_ == "ADP":
            target = dep_child(target, "pobj")
    # Further candidates, tried when the first names no actor: every target preposition,
    # and one level down ("a freeze of trade ties with Eritrea"), then the light verb's
    # ("denies sale of rifles to Zarnia": the parser hangs "to Zarnia" on the verb).
    # ("villagers died in the shelling of Sake": the place hit names no actor)
    further = [dead] if dead is not None and dead is not target else []
    further += prep_objects(token, NOUN_TARGET_PREPS)
    further += [t for p in further for t in prep_objects(p, NOUN_TARGET_PREPS)]
    further += [h for p in further if (h := held_by(p)) is not None]  # "on bases held by X"
    if repeller is not None:
        further.append(repeller)
    if light:
        further += prep_objects(token.head, frozenset({"to"}))
    # "its demand that Israel ease restrictions": the one asked to act
    further += [s for c in token.children if c.dep_ in ("ccomp", "acl")
                if (s := dep_child(c, "nsubj")) is not None and s.lower_ not in ("it", "that", "which")]  # fmt: skip
    if source is not None and token.dep_ == "dobj" and verb_lemma(token.head) == "blame":
        # "blamed the looting on X": X is blamed, not the one looted
        target = None if target is not None and target.i == source.i else target
        further = [t for t in further if t.i != source.i]
    return source, [target, *further]


# Acts with two sides, whoever lost men in them being one: "lost ten fighters in clashes
# with X" (a side), unlike "lost five soldiers in an ambush" (the one ambushed).
TWO_SIDED_NOUNS = frozenset({"clash", "fighting", "fight", "battle", "combat", "skirmish",
                             "firefight", "gunfight", "exchange", "confrontation"})  # fmt: skip


def _aimed_past_agent(noun: Token, agent: Token | None) -> Token | None:
    """Y in "an attack by X on Y", which the parser hangs on X rather than on the act."""
    prep = agent.head if agent is not None else None
    if agent is None or prep is None or prep.lower_ not in ("by", "from") or prep.head.i != noun.i:
        return None
    aimed = (
        c
        for c in agent.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against") and not is_time_phrase(c)
    )  # fmt: skip; not "shelling by X on Monday"
    return next((p for c in aimed for p in c.children if p.dep_ == "pobj"), None)


# Verbs whose subject is the target of the act they are "under": "X came under attack
# (fire, shelling) from Y", "the town was under bombardment".
UNDER_VERBS = frozenset({"come", "be", "remain", "fall"})


def _under_attack(noun: Token) -> Token | None:
    """X in "X came (was) under attack from Y"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return None
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb_lemma(verb) not in UNDER_VERBS:
        return None
    return dep_child(verb, "nsubj")


def losing_side(token: Token) -> Token | None:
    """The subject of "lose" whose people fell in the act ``token`` names: "the Front lost
    ten fighters in clashes with the army" (the Front), else None."""
    if token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    verb = token.head.head
    if verb.pos_ != "VERB" or verb_lemma(verb) != "lose" or dep_child(verb, "dobj") is None:
        return None
    return dep_child(verb, "nsubj") or controller_subject(verb)


# Verbs of dying whose subject fell in the act their "in" phrase names.
DYING_VERBS = frozenset({"die", "perish"})


def died_in(token: Token) -> Token | None:
    """The subject of a verb of dying whose "in" phrase is the act ``token`` names: "three
    soldiers died in the ambush", "two guards perished in the raid" (the ones hit), else
    None."""
    if token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    verb = token.head.head
    if verb.pos_ != "VERB" or verb_lemma(verb) not in DYING_VERBS:
        return None
    return dep_child(verb, "nsubj")


# Nouns of a whole war or crisis: a country named before one is where it is fought ("the
# Iraq war", "the Yemen conflict"), not who fights it.
WAR_NOUNS = frozenset({"war", "conflict", "crisis", "uprising", "insurgency", "revolution"})

# the tagger reads "the Iraq war" as a place or as the war's own name (EVENT)
WAR_PLACE_ENTS = frozenset({"GPE", "LOC", "EVENT"})


# Entity types of a place: a word the tagger reads as one of these somewhere in the text.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions whose object is where something is: "a police station in Ugep".
WHERE_PREPS = frozenset({"in", "near", "at", "outside", "around", "inside"})


def placed_elsewhere(modifier: Token) -> bool:
    """A town's name before an act noun, tagged a body or a person there and told as a
    place elsewhere in the text (tagged one, or where something is): "gunmen stormed a
    police station in Ihiala ... no hand in the Ihiala attack" (where the attack was, not
    who did it). A word tagged a place here too ("a US strike"), never told as a place ("a
    Hamas attack"), or after "in the" ("fighters in the SDF ... an SDF attack": members of
    a body) may still be the doer; so may letters ("an SDF attack")."""
    if modifier.ent_type_ not in ("ORG", "PERSON") or modifier.text.isupper():
        return False
    return any(
        t.text == modifier.text and t.i != modifier.i and (t.ent_type_ in PLACE_ENTS or _where(t))
        for t in modifier.doc
    )


def _where(token: Token) -> bool:
    """The bare name where something is: "a police station in Ugep" (not "in the SDF")."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in WHERE_PREPS
        and not any(c.dep_ == "det" for c in token.children)
    )


def war_place(act: Token, modifier: Token) -> bool:
    """A place's name modifying a war noun names where the war is: "the Iraq war", "the
    Syria conflict" (no doer). Sides joined by a hyphen ("the Iran-Iraq war") and a group
    or a people ("a Hamas war", "the Kurdish uprising") are not read here."""
    if act.lemma_.lower() not in WAR_NOUNS or modifier.ent_type_ not in WAR_PLACE_ENTS:
        return False
    doc = act.doc
    hyphened = any(
        doc[i].text == "-" for i in range(max(modifier.i - 1, 0), min(modifier.i + 2, len(doc)))
    )
    return not hyphened


def relative_subject(verb: Token) -> Token | None:
    """The subject of a relative clause whose object is the act's noun: "the offensive
    that X launched", "the raid the army carried out" (not "the attack that killed ten",
    whose subject is the relative pronoun itself)."""
    if verb.dep_ not in ("acl", "relcl") or verb.tag_ not in ("VBD", "VBN", "VBP", "VBZ"):
        return None
    if dep_child(verb, "auxpass") is not None:
        return None  # "the attack that was launched": a passive, its agent is the doer
    obj = dep_child(verb, "dobj")
    if obj is not None and obj.lower_ not in RELATIVES:
        return None  # "the attack, which left ten dead": the clause has its own object
    subject = dep_child(verb, "nsubj")
    if subject is None or subject.lower_ in RELATIVES:
        return None
    return subject


def _pitted(token: Token) -> tuple[Token, list[Token | None]] | None:
    """(X, [Y]) of "clashes pitting X against Y": the participle modifies the noun, or
    the parser makes the noun its subject, or hangs it on the noun's own verb ("the
    clashes, pitting X against Y, killed ten")."""
    verbs = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    if token.dep_ == "nsubj" and token.head.i != token.i:
        verbs += [token.head, *(c for c in token.head.children if c.dep_ == "advcl")]
    for verb in verbs:
        if verb.lemma_.lower() == "pit" and (side := dep_child(verb, "dobj")) is not None:
            return side, [prep_object(verb, frozenset({"against"}))]
    return None
