"""Roles of an event trigger in the dependency parse: which tokens are source and target.

* verbs: subject = source, direct object (else dative or "to/against/on/with/into"
  object) = target; passive: "by" agent = source, passive subject = target; a
  verb without a subject of its own takes it from the verb that controls it
  ("denied backing him", "vowed to attack") or that it is coordinated with;
  a participle modifying a noun ("forces backed by Turkey") targets that noun; an
  agentless passive act told with a clause of the same moment whose subject goes after
  someone takes that subject as its doer ("three bandits were killed as troops chased
  the raiders": the troops).
* nouns ("offensive", "backing", "visit"): possessor, "by", "from" or an
  adjective/compound mention = source, else the subject of a light verb
  ("launched an offensive"), the "by" agent of a participle ("an attack carried out
  by X"), the subject of a verb of participation ("took part in a protest");
  "on/against/to/for/of/in" object = target; "clashes between X and Y": X = source,
  Y = target; "an attack by X on Y" with "on Y" hung on X: Y = target; "Y came under
  attack from X": Y = target; the one blamed for it ("blamed X for the attack", "X was blamed for the
  bombing") = source; the subject of "lost ten
  fighters in clashes with Y" = a side (source of a two-sided act, else its target:
  "lost five soldiers in an ambush"); the subject of "died (perished) in the ambush" =
  target.
* when the first target candidate names no actor, the next is tried: a verb's
  "demanded that X act" (X), a noun's other target prepositions and the ones under them
  ("a freeze of trade ties with Eritrea"), the holder of a place aimed at ("shelled
  positions held by X"), and the one who held off an act ("repelled an attack by X",
  "beat back an assault by X on its posts").
* a coordinated verb shares the object ("shot and killed two men"); a bare participle
  of a verb that needs an object, with none, is a headline passive ("Farmer killed"),
  unless it shoots "at" someone ("Gunmen shot at a car").

* a passive participle shares the "by" agent of its coordinated partner ("armed and
  funded by X"); a relative passive targets its antecedent ("X, who are supported by
  Y"); a raised subject is the target of a passive infinitive ("X is said to be funded
  by Y"); the second clause of "with A backing X and B arming Y" has B as subject, and
  :func:`own_conjuncts` keeps B out of the first clause's roles; a pronoun in a claim
  its denier rejects is the denier ("X denied claims that it backs Y").
* a gerund standing as a noun is read as one ("Fighting between X and Y continued",
  "Shelling by X killed two"); "clashes pitting X against Y": X = source, Y = target;
  a passive participle after a comma that the parser hangs on the clause's verb
  describes the noun before the comma ("clashed with X, backed by A": X is backed);
  a relation noun right before a name it titles is that name ("Iran's ally Hezbollah").

Tokens come back, not mentions: :class:`~eventwire.extract.actorspans.MentionIndex`
turns them into actor mentions.

This module reads verbs; the rest lives in modules of its own: the nouns in
:mod:`~eventwire.extract.noun_roles`, coordination in :mod:`~eventwire.extract.conjuncts`,
claims and blame in :mod:`~eventwire.extract.responsibility`, weapons and armed modifiers in
:mod:`~eventwire.extract.weapons`, and the parse readings they all share in
:mod:`~eventwire.extract.parsewalk`. The names other modules import from here are
re-exported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extract.conjuncts import absolute_subject, coordinated_passive, own_conjuncts
from eventwire.extract.description_kinds import self_naming
from eventwire.extract.noun_roles import (
    HOLDING_PARTICIPLES,
    between_first,
    held_by,
    noun_roles,
    war_place,
)
from eventwire.extract.parsewalk import (
    LIGHT_VERBS,
    OPPOSING_VERBS,
    RELATIVES,
    SUBJECT_DEPS,
    TARGET_PREPS,
    TIME_ENTS,
    TRAVEL_VERBS,
    controller_subject,
    dative_object,
    dep_child,
    gerund_after_preposition,
    is_time_phrase,
    negated_verb,
    opposed_act,
    prep_object,
    verb_lemma,
    when_word,
)
from eventwire.extract.pursuers import pursuer
from eventwire.extract.responsibility import claimant
from eventwire.extract.weapons import ARMED_HEADS, ARMY_KIND, armed_modifier, instrument_user

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.actorspans import Filler
    from eventwire.model import Place, PlaceMention

# Re-exported: the event, relation, side and mention passes read these from here.
__all__ = [
    "ARMY_KIND",
    "CHARGING_VERBS",
    "HOLDING_PARTICIPLES",
    "LIGHT_VERBS",
    "OPPOSING_VERBS",
    "RELATIVES",
    "SENDING_VERBS",
    "SENT_THINGS",
    "TARGET_PREPS",
    "TIME_ENTS",
    "TRAVEL_VERBS",
    "agent_place",
    "armed_modifier",
    "between_first",
    "claimant",
    "close_apposition",
    "coordinated_passive",
    "gerund_after_preposition",
    "held_by",
    "is_time_phrase",
    "negated_verb",
    "nominal_gerund",
    "noun_roles",
    "opposed_act",
    "own_conjuncts",
    "verb_lemma",
    "verb_roles",
    "war_place",
    "when_word",
]

# Verbs whose subject, with no object and no auxiliary, is the victim (headline style).
PATIENT_SUBJECT_VERBS = frozenset({"kill", "wound", "injure", "abduct", "kidnap", "arrest",
                                   "detain", "execute", "behead", "murder", "shoot"})  # fmt: skip

# Denial verbs whose subject a pronoun in the denied clause refers to.
SELF_DENIALS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute"})

CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "suggestion", "charge"})

PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def self_denier(subject: Token) -> Token | None:
    """The denier a pronoun subject refers to in a denied claim about the denier itself:
    "X denied claims that it backs Y", "X denied that they armed Y" (X)."""
    if subject.lower_ not in PERSONAL_PRONOUNS:
        return None
    clause = subject.head
    if clause.dep_ in ("acl", "ccomp") and clause.head.lemma_.lower() in CLAIM_NOUNS:
        clause = clause.head  # "claims that it backs": the claim is what is denied
        while clause.dep_ == "pobj" and clause.head.dep_ == "prep":
            clause = clause.head  # "dismissed as baseless reports that it armed"
    if clause.dep_ not in ("ccomp", "dobj", "acl", "prep") or clause.head.i == clause.i:
        return None
    denial = clause.head
    if denial.lemma_.lower() not in SELF_DENIALS:
        return None
    return dep_child(denial, "nsubj")


def verb_roles(token: Token) -> tuple[Token | None, list[Token | None]]:
    """Source token and target candidates (best first) of a verb trigger."""
    if nominal_gerund(token):
        return noun_roles(token)  # "Fighting between X and Y killed ten": a noun
    if self_naming(token):
        return None, [None]  # "a group calling itself X": a name given, no act done
    # not "reports that it had armed Y", nor "claims that it was armed by Y"
    reduced = dep_child(token, "nsubj", "aux", "nsubjpass", "auxpass") is None
    if token.dep_ == "acl" and token.tag_ == "VBN" and reduced:  # "forces backed by Turkey"
        return prep_object(token, frozenset({"by"}), ("agent", "prep")), [token.head]
    if (described := _reduced_passive_after_comma(token)) is not None:
        return prep_object(token, frozenset({"by"}), ("agent",)), [described]
    passive = dep_child(token, "nsubjpass")
    aux = dep_child(token, "auxpass")
    if passive is not None or (aux is not None and not _acronym(aux)):
        agent = prep_object(token, frozenset({"by"}), ("agent", "prep"))
        if agent is None and (shared := coordinated_passive(token)) is not None:
            agent = shared[0]  # "was armed and funded by Qatar"
        if agent is None:
            agent = pursuer(token, passive)  # "were killed as police hunted the kidnappers"
        if agent is not None:
            agent = instrument_user(agent) or agent  # "was hit by shells fired by X"
        if passive is None and token.dep_ == "xcomp":
            passive = controller_subject(token)  # raising: "X is said to be funded by Y"
        elif passive is not None and passive.lower_ in RELATIVES and token.dep_ == "relcl":
            passive = token.head  # "the Brotherhood, who are supported by Turkey"
        elif passive is not None and (denier := self_denier(passive)) is not None:
            passive = denier  # "X rejected claims that it was armed by Y": X, armed
        return agent, [passive]
    if (shared := coordinated_passive(token)) is not None:
        return shared[0], [shared[1]]
    source = dep_child(token, "nsubj") or absolute_subject(token)
    if source is not None:
        source = past_dateline(source)
        source = instrument_user(source) or source  # "shells fired by X struck"
    if source is not None and (denier := self_denier(source)) is not None:
        source = denier
    if source is not None and _headline_passive(token) and not _act_or_weapon(source):
        return None, [source]  # "Farmer killed in Selea": the subject is the victim
    if source is not None and source.dep_ == "nsubj" and source.lower_ in RELATIVES:
        source = token.head if token.dep_ == "relcl" else None
        if source is not None and (owner := claimant(source)) is not None:
            source = owner  # "X claimed responsibility for the bomb that killed two": X
    if source is None:
        source = controller_subject(token)
        if source is not None and source.dep_ == "nsubj":
            # "a bomb dropped by X hit the market", the participle parsed as the main verb
            # the act is coordinated with: X used the weapon
            source = instrument_user(source) or source
    dative = dative_object(token)
    # "provided weapons to Haftar": the object is a thing, the recipient the target.
    obj = _object(token) or charged_gap(token)
    # "opened fire on a civilian": the preposition may hang on the object noun.
    on_obj = prep_object(obj, TARGET_PREPS) if obj is not None else None
    # "demanded that the US cancel...": the one asked to act.
    asked = next((dep_child(c, "nsubj") for c in token.children if c.dep_ == "ccomp"), None)
    if (helped := helped_by_sending(token, obj)) is not None:
        return source, [helped, dative, prep_object(token, TARGET_PREPS), asked]
    if obj is not None and obj.lemma_.lower() in JOINED_NOUNS and verb_lemma(token) == "join":
        obj = prep_object(token, frozenset({"with"})) or prep_object(obj, frozenset({"with"}))
    # "retook the town from the rebels": the town is where, the rebels whom it was taken from
    taken_from = (
        prep_object(token, frozenset({"from"})) if verb_lemma(token) in TAKING_VERBS else None
    )
    return source, [obj, dative, prep_object(token, TARGET_PREPS), on_obj, asked, taken_from,
                    held_by(obj)]  # fmt: skip


# Verbs of taking ground whose "from" object is the side it was taken from.
TAKING_VERBS = frozenset({"capture", "recapture", "seize", "retake", "take", "wrest", "win",
                          "regain", "liberate", "reclaim"})  # fmt: skip

# Objects of "join" that make it a joining with the "with" object: "joined forces with X".
JOINED_NOUNS = frozenset({"force", "hand", "rank"})

# Verbs that send people or arms somewhere: "sent mercenaries", "deployed troops".
SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "supply", "ship", "provide", "deliver",
                           "transfer", "fly", "airlift"})  # fmt: skip

# What is sent to help: people under arms or the arms themselves.
SENT_THINGS = frozenset({"troop", "soldier", "mercenary", "fighter", "instructor", "adviser",
                         "advisor", "force", "unit", "contractor", "drone", "weapon", "arm",
                         "missile", "jet", "aircraft", "ammunition", "tank", "equipment",
                         "reinforcement", "militiaman", "volunteer", "officer", "trainer"})  # fmt: skip

# Verbs of the purpose for which they are sent: "to help the junta", "to back X".
HELPING_VERBS = frozenset({"help", "back", "support", "aid", "assist", "bolster", "reinforce",
                           "defend", "protect", "prop", "shore", "train", "arm", "equip"})  # fmt: skip


def helped_by_sending(verb: Token, obj: Token | None) -> Token | None:
    """Whom people or arms are sent to help: "Russia sent mercenaries to help the junta",
    "deployed troops to back the army", "supplied drones to prop up the regime". The
    people sent are no target of the sending; the one their purpose clause helps is."""
    if verb_lemma(verb) not in SENDING_VERBS or obj is None:
        return None
    if obj.lemma_.lower() not in SENT_THINGS:
        return None
    for clause in (
        c for c in (*verb.children, *obj.children) if c.dep_ in ("advcl", "xcomp", "acl", "relcl")
    ):
        if (
            verb_lemma(clause) in HELPING_VERBS
            and (helped := dep_child(clause, "dobj")) is not None
        ):
            return helped
    return None


DASHES = frozenset({"-", "--", "---", "\u2013", "\u2014"})


def past_dateline(subject: Token) -> Token:
    """A dateline the parser made the subject ("GOMA, Congo (AP) -- Fighters of X
    attacked", "KIDAL, Mali - Gunmen attacked"): the place in capitals opening the
    sentence is no doer; the noun after the dateline's dash, which the parser hangs on
    it as an apposition, is. A place of several words ("BAHIR DAR, Ethiopia -- ...") is
    the same dateline: every word from the sentence's start to the subject in capitals."""
    opening = subject.doc[subject.sent.start : subject.i + 1]
    if not (
        subject.left_edge.is_sent_start
        and len(subject.text) > 1
        and len(opening) <= 6
        and all(t.text.isupper() or t.text == "-" for t in opening)
    ):
        return subject
    doc = subject.doc
    dash = next((t for t in doc[subject.i + 1 : subject.i + 12] if t.text in DASHES), None)
    if dash is None:
        return subject
    after = next((c for c in subject.children if c.dep_ == "appos" and c.i > dash.i), None)
    return after if after is not None else subject


def nominal_gerund(token: Token) -> bool:
    """A gerund standing as a noun: the subject of a clause with no object or subject of
    its own ("Fighting between X and Y continued", "Shelling by the army killed two")."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in SUBJECT_DEPS
        and not any(c.dep_ in ("dobj", "nsubj", "aux", "ccomp") for c in token.children)
    )


def _reduced_passive_after_comma(token: Token) -> Token | None:
    """The noun a passive participle after a comma describes, when the parser hangs the
    participle on the clause's verb: "clashed with the Front, backed by Algeria" (the
    Front is backed, not the subject of "clashed")."""
    if token.tag_ != "VBN" or token.dep_ != "advcl" or token.i < token.head.i + 2:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
        return None
    if prep_object(token, frozenset({"by"}), ("agent",)) is None:
        return None
    doc = token.doc
    comma, noun = doc[token.i - 1], doc[token.i - 2]
    if comma.text != "," or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "nsubj":
        return None
    return noun


def close_apposition(noun: Token) -> Token | None:
    """The name right after a relation noun that the parser made a sibling of it, as in
    "Iran's ally Hezbollah fired" or "Algeria's proxy the Azawad Front attacked" (both
    subjects of the verb): the noun is the name's title, not a second subject."""
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].dep_ == "det":
        i += 1
    while i < len(doc) and doc[i].dep_ == "compound" and doc[i].pos_ == "PROPN":
        i += 1
    if i >= len(doc) or i == noun.i + 1 and doc[i].pos_ != "PROPN":
        return None
    name = doc[i]
    same_role = name.dep_ == noun.dep_ and name.head.i == noun.head.i
    return name if name.pos_ == "PROPN" and same_role else None


def _object(token: Token) -> Token | None:
    """The direct object, or the one a coordinated verb shares ("shot and killed two men")."""
    own = dep_child(token, "dobj")
    if own is not None:
        return own
    return next((o for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and (o := dep_child(c, "dobj")) is not None), None)  # fmt: skip


def _act_or_weapon(token: Token) -> bool:
    """An act or a weapon ("an air strike killed", "shells killed"): never a victim, even
    when the parse loses the verb's object."""
    return token.lemma_.lower() in ARMED_HEADS


# Verbs of dying that tell what became of the people a bare participle names: "two of
# the people wounded in the raid (have) died" (the parse may hang them on the participle).
DYING_VERBS = frozenset({"die", "succumb", "perish"})


def _headline_passive(token: Token) -> bool:
    """A bare participle of a verb that needs an object, with none: "Two soldiers killed";
    also when the parse makes the people's own verb of dying its clause: "Two of the people
    wounded when a jet bombed the village have died" (the people were wounded)."""
    return (
        token.tag_ in ("VBN", "VBD")
        and token.lemma_.lower() in PATIENT_SUBJECT_VERBS
        and not any(c.dep_ in ("dobj", "aux", "xcomp") for c in token.children)
        and not any(c.dep_ == "ccomp" and not _their_dying(c) for c in token.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon") for c in token.children)
        and _object(token) is None
    )


def _their_dying(clause: Token) -> bool:
    """A verb of dying with no subject of its own: the participle's people died."""
    return clause.lemma_.lower() in DYING_VERBS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    )


# Verbs charging someone with an act told by "of V-ing": "accuses A of arming Y", "A is
# suspected of receiving weapons from B" (the object, or a passive's subject, is charged).
CHARGING_VERBS = frozenset({"accuse", "suspect"})


def charged_gap(verb: Token) -> Token | None:
    """The noun a relative clause of accusation leaves as the object of its "of V-ing":
    "a militia that it accuses Bamako of arming" (the militia is armed); else None."""
    if not gerund_after_preposition(verb) or verb.head.lower_ != "of":
        return None
    charge = verb.head.head
    if charge.dep_ != "relcl" or charge.lemma_.lower() not in CHARGING_VERBS:
        return None
    relative = next((c for c in charge.children if c.lower_ in RELATIVES and c.i < charge.i), None)
    if relative is None or relative.dep_ in ("nsubj", "nsubjpass"):
        return None  # "a group that accuses A of arming Y": the subject, no gap
    noun = charge.head
    if noun.dep_ == "appos":
        return noun.head  # "the Guard, a militia that ...": the name the noun describes
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return dep_child(noun.head, "nsubj") or noun  # "the Guard is a militia that ..."
    return noun


def agent_place(
    place: Place | None, places: Sequence[PlaceMention], sources: Sequence[Filler | None]
) -> bool:
    """A country that is itself the event's agent: "Iran supplied drones to Russia" is an
    act of Iran's, not an event located in Iran ("Syria's army" is not: the country only
    owns the agent, and may well be where it acts)."""
    if place is None or place.precision not in ("country", "region"):
        return False
    spans = [f.span for f in sources if f is not None]
    return any(
        pm.place is not None
        and pm.place.id == place.id
        and any(pm.span.start <= s.start and s.end <= pm.span.end for s in spans)
        for pm in places
    )


def _acronym(token: Token) -> bool:
    """An auxiliary written in capitals in mixed-case text is a name: "IS militants
    attacked" (Islamic State), not a passive."""
    return len(token.text) > 1 and token.text.isupper() and not token.sent.text.isupper()
