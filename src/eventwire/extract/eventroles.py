"""Roles of an event trigger in the dependency parse: which tokens are source and target.

* verbs: subject = source, direct object (else dative or "to/against/on/with/into"
  object) = target; passive: "by" agent = source, passive subject = target; a
  verb without a subject of its own takes it from the verb that controls it
  ("denied backing him", "vowed to attack") or that it is coordinated with;
  a participle modifying a noun ("forces backed by Turkey") targets that noun.
* nouns ("offensive", "backing", "visit"): possessor, "by", "from" or an
  adjective/compound mention = source, else the subject of a light verb
  ("launched an offensive"), the "by" agent of a participle ("an attack carried out
  by X"), the subject of a verb of participation ("took part in a protest");
  "on/against/to/for/of/in" object = target; "clashes between X and Y": X = source,
  Y = target; "an attack by X on Y" with "on Y" hung on X: Y = target; "Y came under
  attack from X": Y = target; the one blamed for it ("blamed X for the attack", "X was blamed for the
  bombing") = source; the subject of "lost ten
  fighters in clashes with Y" = a side (source of a two-sided act, else its target:
  "lost five soldiers in an ambush").
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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from eventwire.text.calendar_words import CALENDAR_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.actorspans import Filler
    from eventwire.model import Place, PlaceMention

F = TypeVar("F", bound="Filler")

TARGET_PREPS = frozenset({"to", "against", "on", "upon", "with", "into", "at", "for"})
NOUN_TARGET_PREPS = frozenset({"on", "against", "to", "for", "of", "in", "with", "into"})
NOUN_SOURCE_PREPS = frozenset({"by", "from"})
LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "begin", "start", "wage", "give", "offer",
     "provide", "hold", "make", "pay", "lead", "continue", "announce", "step", "resume",
     "order", "receive", "get", "accept", "seek", "deny", "extend", "pledge", "send", "impose",
     "declare", "lodge", "engage", "form", "forge", "sign"}
)  # fmt: skip
OWN_PRONOUNS = frozenset({"its", "their"})  # owner = the subject of the verb
# Verbs whose subject does the violence their object names: "the police used violence
# against the marchers", "continued to use violence", "exerting violence". Kept apart from
# the light verbs: "used the attack as a pretext" names no doer of the attack.
FORCE_VERBS = frozenset({"use", "employ", "exert", "unleash"})
FORCE_NOUNS = frozenset({"violence", "torture", "gunfire", "firing", "shelling"})
# Entity types of a name that may do what the noun it modifies names ("a Hamas attack",
# "Israeli strikes", "a Putin decree"); not a region, a site or a named war.
DOER_ENTS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
# Verbs whose subject owns up to the act its object names: "X claimed the attack", "X
# claimed/admitted/took responsibility for the bombing".
CLAIM_VERBS = frozenset({"claim", "admit", "accept", "take", "bear"})
TRAVEL_VERBS = frozenset({"arrive", "come", "travel", "go", "fly", "head", "leave", "return"})
# Verbs whose subject takes part in the event named after "in".
PARTICIPATION_VERBS = frozenset({"participate", "take", "join", "engage", "gather", "assemble",
                                 "rally", "march", "be", "involve", "use", "kill", "wound", "injure"})  # fmt: skip
# Participles whose "by" agent is the source of the noun they describe.
AGENT_VERBS = LIGHT_VERBS | {"carry", "perpetrate", "commit", "claim", "stage", "mount", "launch"}
# Verbs whose subject, with no object and no auxiliary, is the victim (headline style).
PATIENT_SUBJECT_VERBS = frozenset({"kill", "wound", "injure", "abduct", "kidnap", "arrest",
                                   "detain", "execute", "behead", "murder", "shoot"})  # fmt: skip


_KNOWN_VERBS = LIGHT_VERBS | AGENT_VERBS | PARTICIPATION_VERBS | TRAVEL_VERBS


def verb_lemma(token: Token) -> str:
    """The token's lemma, mended where the model cuts a final "e" ("staged" -> "stag"):
    a lemma we do not know whose "e" form we know is that form."""
    lemma = token.lemma_.lower()
    if lemma not in _KNOWN_VERBS and f"{lemma}e" in _KNOWN_VERBS and token.lower_.startswith(lemma):
        return f"{lemma}e"
    return lemma


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


TIME_ENTS = frozenset({"DATE", "TIME"})


def _pobj(token: Token, preps: frozenset[str], deps: tuple[str, ...] = ("prep",)) -> Token | None:
    """The object of the first such preposition that is no date ("on 5 May" is a time)."""
    for child in token.children:
        pobj = _child(child, "pobj") if child.dep_ in deps and child.lower_ in preps else None
        if pobj is not None and pobj.ent_type_ not in TIME_ENTS:
            return pobj
    return None


def is_time_phrase(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Monday", "in May")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTS for c in prep.children)


# Verbs of opposing an act proposed: "X opposed sending weapons to Y" (whoever would
# send them, not X).
OPPOSING_VERBS = frozenset({"oppose", "resist", "veto", "block", "forbid", "prohibit"})


def opposed_act(token: Token) -> bool:
    """A verb complement of a verb of opposing: "opposed (resisted) sending troops"."""
    return token.dep_ == "xcomp" and verb_lemma(token.head) in OPPOSING_VERBS


def _controller_subject(token: Token) -> Token | None:
    """Subject of the verb that controls or is coordinated with a subject-less verb; none
    for an act opposed ("X opposed arming Y": not X's act)."""
    seen = 0
    while seen < 6:
        seen += 1
        if opposed_act(token):
            return None
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            head = token.head
            subj = _child(head, "nsubj", "nsubjpass")
            if (
                token.dep_ == "xcomp"
                and (obj := _child(head, "dobj"))
                and head.lemma_ in ("urge", "ask", "force", "order", "help", "allow")
            ):
                return obj  # object control: "urged Turkey to withdraw"
            if subj is not None:
                return subj
            token = head
            continue
        if token.dep_ == "acomp" and token.head.i != token.i:
            token = token.head  # "X is willing (ready, able) to withdraw": X's clause
            if (subj := _child(token, "nsubj", "nsubjpass")) is not None:
                return subj
            continue
        if gerund_after_preposition(token) and token.head.dep_ == "prep":
            verb = token.head.head  # "accused Russia of providing"
            if token.head.lower_ in ("by", "after", "before", "while"):
                return _child(verb, "nsubj")  # "closed the road by burning tyres"
            # "accused Russia of providing", "Russia is accused of providing"
            return _child(verb, "dobj") or _child(verb, "nsubj", "nsubjpass")
        return None
    return None


# Denial verbs whose subject a pronoun in the denied clause refers to.
SELF_DENIALS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute"})
CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "suggestion", "charge"})
PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
RELATIVES = frozenset({"who", "that", "which"})


def self_denier(subject: Token) -> Token | None:
    """The denier a pronoun subject refers to in a denied claim about the denier itself:
    "X denied claims that it backs Y", "X denied that they armed Y" (X)."""
    if subject.lower_ not in PERSONAL_PRONOUNS:
        return None
    clause = subject.head
    if clause.dep_ == "acl" and clause.head.lemma_.lower() in CLAIM_NOUNS:
        clause = clause.head  # "claims that it backs": the claim is what is denied
        while clause.dep_ == "pobj" and clause.head.dep_ == "prep":
            clause = clause.head  # "dismissed as baseless reports that it armed"
    if clause.dep_ not in ("ccomp", "dobj", "acl", "prep") or clause.head.i == clause.i:
        return None
    denial = clause.head
    if denial.lemma_.lower() not in SELF_DENIALS:
        return None
    return _child(denial, "nsubj")


def coordinated_passive(token: Token) -> tuple[Token | None, Token | None] | None:
    """A passive participle coordinated with another: "is armed and funded by Qatar"
    (both share the subject; the "by" agent of either is the source of both)."""
    if token.tag_ != "VBN" and token.dep_ != "acomp":
        return None  # "has been indicted by X and will resign": X does not resign
    agent = _pobj(token, frozenset({"by"}), ("agent",))
    partner = token.head if token.dep_ == "conj" else None
    if partner is None:
        partner = next((c for c in token.children if c.dep_ == "conj" and c.tag_ == "VBN"), None)
        if partner is None:
            return None
    agent = agent or _pobj(partner, frozenset({"by"}), ("agent",))
    if agent is None:
        return None
    first = token if token.dep_ != "conj" else partner
    subject = _child(first, "nsubjpass")
    if subject is None and first.dep_ == "acomp":  # "is armed (ADJ) and funded by"
        subject = _child(first.head, "nsubj", "nsubjpass")
    return agent, subject


def absolute_subject(token: Token) -> Token | None:
    """The subject of the second verb of a coordination of clauses, as in the absolute
    "with X V-ing Y and Z V-ing W": the parser takes Z for a conjunct of Y; Z is the
    word right before the second verb."""
    if token.dep_ not in ("pcomp", "conj") or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.dep_ == "conj" and before.pos_ in ("PROPN", "NOUN") and starts_clause(before):
        return before
    return None


def starts_clause(conjunct: Token) -> bool:
    """A conjunct followed by a verb other than the coordination's own is the subject of a
    new clause the parser attached to the coordination: "backing the SNA and Russia arming
    the government" (not "Chad and Niger have armed them")."""
    doc = conjunct.doc
    if conjunct.i + 1 >= len(doc) or doc[conjunct.i + 1].pos_ not in ("AUX", "VERB"):
        return False
    verb, first = doc[conjunct.i + 1], conjunct
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    main = verb.head if verb.dep_.startswith("aux") else verb
    if main.i == first.head.i:
        return False  # "Chad and Niger (have) armed them"
    # the phrase the conjunct ends is the verb's own subject: "support from A and B has grown"
    subject = _child(main, "nsubj", "nsubjpass")
    return subject is None or not subject.left_edge.i <= conjunct.i <= subject.right_edge.i


def split_conjuncts(token: Token) -> list[Token]:
    """Conjuncts of a role token that belong to another clause: a conjunct that starts a
    clause of its own, and, for such a subject, the conjuncts before it."""
    if starts_clause(token):
        return [c for c in token.conjuncts if c.i < token.i or starts_clause(c)]
    return [c for c in token.conjuncts if starts_clause(c)]


def own_conjuncts(fillers: list[F], token: Token | None) -> list[F]:
    """The fillers of a role token without those of conjuncts of another clause."""
    if token is None or len(fillers) < 2:
        return fillers
    # a conjunct's words up to its head: "the Azawad movement" names "Azawad"
    split = [(c.left_edge.idx, c.idx + len(c.text)) for c in split_conjuncts(token)]
    return [f for f in fillers if not any(lo <= f.span.start < hi for lo, hi in split)]


def verb_roles(token: Token) -> tuple[Token | None, list[Token | None]]:
    """Source token and target candidates (best first) of a verb trigger."""
    if nominal_gerund(token):
        return noun_roles(token)  # "Fighting between X and Y killed ten": a noun
    reduced = _child(token, "nsubj", "aux") is None  # not "reports that it had armed Y"
    if token.dep_ == "acl" and token.tag_ == "VBN" and reduced:  # "forces backed by Turkey"
        return _pobj(token, frozenset({"by"}), ("agent", "prep")), [token.head]
    if (described := _reduced_passive_after_comma(token)) is not None:
        return _pobj(token, frozenset({"by"}), ("agent",)), [described]
    passive = _child(token, "nsubjpass")
    aux = _child(token, "auxpass")
    if passive is not None or (aux is not None and not _acronym(aux)):
        agent = _pobj(token, frozenset({"by"}), ("agent", "prep"))
        if agent is None and (shared := coordinated_passive(token)) is not None:
            agent = shared[0]  # "was armed and funded by Qatar"
        if agent is not None:
            agent = instrument_user(agent) or agent  # "was hit by shells fired by X"
        if passive is None and token.dep_ == "xcomp":
            passive = _controller_subject(token)  # raising: "X is said to be funded by Y"
        elif passive is not None and passive.lower_ in RELATIVES and token.dep_ == "relcl":
            passive = token.head  # "the Brotherhood, who are supported by Turkey"
        return agent, [passive]
    if (shared := coordinated_passive(token)) is not None:
        return shared[0], [shared[1]]
    source = _child(token, "nsubj") or absolute_subject(token)
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
        source = _controller_subject(token)
    dative = _child(token, "dative")
    if dative is not None and dative.pos_ == "ADP":
        dative = _child(dative, "pobj")
    # "provided weapons to Haftar": the object is a thing, the recipient the target.
    obj = _object(token) or charged_gap(token)
    # "opened fire on a civilian": the preposition may hang on the object noun.
    on_obj = _pobj(obj, TARGET_PREPS) if obj is not None else None
    # "demanded that the US cancel...": the one asked to act.
    asked = next((_child(c, "nsubj") for c in token.children if c.dep_ == "ccomp"), None)
    if (helped := helped_by_sending(token, obj)) is not None:
        return source, [helped, dative, _pobj(token, TARGET_PREPS), asked]
    if obj is not None and obj.lemma_.lower() in JOINED_NOUNS and verb_lemma(token) == "join":
        obj = _pobj(token, frozenset({"with"})) or _pobj(obj, frozenset({"with"}))
    # "retook the town from the rebels": the town is where, the rebels whom it was taken from
    taken_from = _pobj(token, frozenset({"from"})) if verb_lemma(token) in TAKING_VERBS else None
    return source, [obj, dative, _pobj(token, TARGET_PREPS), on_obj, asked, taken_from,
                    held_by(obj)]  # fmt: skip


# Participles whose "by" agent holds the place they describe: "positions held by X".
HOLDING_PARTICIPLES = frozenset({"hold", "control", "occupy", "man", "run", "use"})


def held_by(place: Token | None) -> Token | None:
    """Who holds the place an act is aimed at: "shelled positions held (controlled) by X",
    "a raid on a base used by X" (X, the side it is aimed at, when the place is no actor)."""
    if place is None:
        return None
    return next((a for v in place.children if v.dep_ == "acl" and v.tag_ == "VBN"
                 and verb_lemma(v) in HOLDING_PARTICIPLES
                 and (a := _pobj(v, frozenset({"by"}), ("agent", "prep"))) is not None),
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
    return _child(verb, "nsubj") or _controller_subject(verb)


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
        if verb_lemma(clause) in HELPING_VERBS and (helped := _child(clause, "dobj")) is not None:
            return helped
    return None


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
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
    if _pobj(token, frozenset({"by"}), ("agent",)) is None:
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
    own = _child(token, "dobj")
    if own is not None:
        return own
    return next((o for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and (o := _child(c, "dobj")) is not None), None)  # fmt: skip


def _act_or_weapon(token: Token) -> bool:
    """An act or a weapon ("an air strike killed", "shells killed"): never a victim, even
    when the parse loses the verb's object."""
    return token.lemma_.lower() in ARMED_HEADS


def _headline_passive(token: Token) -> bool:
    """A bare participle of a verb that needs an object, with none: "Two soldiers killed"."""
    return (
        token.tag_ in ("VBN", "VBD")
        and token.lemma_.lower() in PATIENT_SUBJECT_VERBS
        and not any(c.dep_ in ("dobj", "aux", "ccomp", "xcomp") for c in token.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon") for c in token.children)
        and _object(token) is None
    )


def _between(token: Token) -> Token | None:
    """X of "clashes between X and Y", also when the parser hangs "between" on the verb
    ("clashes erupted between...") or on a place ("reported in the city between...")."""
    between = frozenset({"between"})
    heads = [token]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verb = token.head
        heads += [verb, *(p for c in verb.children if c.dep_ == "prep" for p in c.children
                          if p.dep_ == "pobj")]  # fmt: skip
    return next((b for h in heads if (b := _pobj(h, between)) is not None), None)


def gerund_after_preposition(token: Token) -> bool:
    """A verb a preposition takes: "of providing" (the parser may call it pcomp or pobj)."""
    return token.dep_ == "pcomp" or (token.dep_ == "pobj" and token.pos_ == "VERB")


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
        return _child(noun.head, "nsubj") or noun  # "the Guard is a militia that ..."
    return noun


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
    source = _child(token, "poss")
    if source is not None and when_word(source):
        source = None  # "Sunday's ambush", "last week's raid": a date owns no act
    source = source or _pobj(token, NOUN_SOURCE_PREPS, ("prep", "agent"))
    if source is None and (pitted := _pitted(token)) is not None:
        return pitted  # "clashes pitting X against Y"
    if source is not None and source.lower_ in OWN_PRONOUNS:  # "X reiterated its demand"
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ in SUBJECT_DEPS and verb.dep_ in ("ccomp", "xcomp"):
            verb = verb.head  # "X says its attacks aim to ...": the owner is who says it
        source = _child(verb, "nsubj") if verb.pos_ == "VERB" else None
    if source is None:  # "a Hamas attack"; a region or a named war ("the Gulf war") is no doer
        source = next(
            (c for c in token.children if c.dep_ in ("amod", "compound", "nmod")
             and c.ent_type_ in DOER_ENTS and not war_place(token, c)),
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
        source = _child(token.head, "nsubj") or _controller_subject(token.head)
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
            source = _child(verb, "nsubj")
    verbs = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    if token.dep_ == "nsubjpass":
        verbs.append(token.head)
    if source is None:  # "an attack blamed on X", "the raid, which police blamed on X"
        source = blamed_on(verbs)
    verbs = [v for v in verbs if verb_lemma(v) in AGENT_VERBS]
    if source is None:  # "the attack (was) carried out by X", "an attack claimed by X"
        source = next((a for v in verbs if (a := _pobj(v, frozenset({"by"}), ("agent", "prep")))),
                      None)  # fmt: skip
    if source is None:  # "the offensive that X launched", "the raid the army carried out"
        source = next((s for v in verbs if (s := relative_subject(v)) is not None), None)
    between = _between(token)
    if source is None and between is not None:  # "clashes between police and traders"
        return between, [next(iter(between.conjuncts), None)]
    target = _pobj(token, NOUN_TARGET_PREPS) or next(
        (t for v in verbs for p in ("against", "on") if (t := _pobj(v, frozenset({p})))), None
    )  # "an attack carried out against the army"
    repeller = repelled_by(token)  # "repelled an attack by X (on its posts)": who repelled it
    target = target or repeller or _aimed_past_agent(token, source) or _under_attack(token)
    if target is None and loser is not None and loser != source:
        target = loser  # "the army lost five soldiers in an ambush by X": the army was hit
    if target is None and token.dep_ == "pobj" and token.head.lower_ == "on":
        verb = token.head.head  # "arrived in Amman on a visit": the visit is to Amman
        if verb_lemma(verb) in TRAVEL_VERBS:
            target = _pobj(verb, frozenset({"in", "to"}))
    light = token.dep_ == "dobj" and verb_lemma(token.head) in LIGHT_VERBS
    if target is None and light:
        target = _pobj(token.head, TARGET_PREPS) or _child(token.head, "dative")
        if target is not None and target.pos_ == "ADP":
            target = _child(target, "pobj")
    # Further candidates, tried when the first names no actor: every target preposition,
    # and one level down ("a freeze of trade ties with Eritrea"), then the light verb's
    # ("denies supply of drones to Russia": the parser hangs "to Russia" on the verb).
    further = _pobjs(token, NOUN_TARGET_PREPS)
    further += [t for p in further for t in _pobjs(p, NOUN_TARGET_PREPS)]
    further += [h for p in further if (h := held_by(p)) is not None]  # "on bases held by X"
    if repeller is not None:
        further.append(repeller)
    if light:
        further += _pobjs(token.head, frozenset({"to"}))
    # "its demand that Israel ease restrictions": the one asked to act
    further += [s for c in token.children if c.dep_ in ("ccomp", "acl")
                if (s := _child(c, "nsubj")) is not None and s.lower_ not in ("it", "that", "which")]  # fmt: skip
    if source is not None and token.dep_ == "dobj" and verb_lemma(token.head) == "blame":
        # "blamed the looting on X": X is blamed, not the one looted
        target = None if target is not None and target.i == source.i else target
        further = [t for t in further if t.i != source.i]
    return source, [target, *further]


# Possessors that are times, not doers: "Sunday's ambush", "yesterday's raid".
WHEN_WORDS = frozenset({"yesterday", "today", "tonight", "week", "month", "year", "weekend",
                        "night", "morning", "evening", "afternoon", "day"})  # fmt: skip


def when_word(token: Token) -> bool:
    """A possessor naming a time ("Sunday's", "last week's", "Tuesday night's")."""
    low = token.lemma_.lower()
    return token.ent_type_ in TIME_ENTS or low in WHEN_WORDS or low in CALENDAR_WORDS


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
    return _child(verb, "nsubj")


def losing_side(token: Token) -> Token | None:
    """The subject of "lose" whose people fell in the act ``token`` names: "the Front lost
    ten fighters in clashes with the army" (the Front), else None."""
    if token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    verb = token.head.head
    if verb.pos_ != "VERB" or verb_lemma(verb) != "lose" or _child(verb, "dobj") is None:
        return None
    return _child(verb, "nsubj") or _controller_subject(verb)


def blamed_for(token: Token) -> Token | None:
    """Who is blamed for the act ``token`` names: "police blamed X for the attack", "X
    was blamed for the bombing", "X, which police blame for the attack" (the relative
    pronoun stands for X), "police blamed the attack on X" (an allegation: the modality
    is read at the clause; "held X responsible" is not read, its clause reads as
    asserted)."""
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and verb_lemma(token.head) == "blame":
        # "blamed the violence on X", the parser hanging "on X" on the verb or on the noun
        return _pobj(token.head, frozenset({"on"})) or _pobj(token, frozenset({"on"}))
    if token.dep_ != "pobj" or token.head.lower_ != "for":
        return None
    head = token.head.head
    if head.pos_ != "VERB" or verb_lemma(head) != "blame":
        return None
    blamed = _child(head, "dobj", "nsubjpass")
    if blamed is not None and blamed.lower_ in RELATIVES and head.dep_ == "relcl":
        return head.head  # "armed gangs, which the army blames for the raids": the gangs
    return blamed


# Nouns of a whole war or crisis: a country named before one is where it is fought ("the
# Iraq war", "the Yemen conflict"), not who fights it.
WAR_NOUNS = frozenset({"war", "conflict", "crisis", "uprising", "insurgency", "revolution"})
# the tagger reads "the Iraq war" as a place or as the war's own name (EVENT)
WAR_PLACE_ENTS = frozenset({"GPE", "LOC", "EVENT"})


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


def claimant(token: Token) -> Token | None:
    """Who owns up to an act: the subject of "claimed the attack" or of "claimed (took,
    admitted) responsibility for the attack"; nobody when the claim is negated."""
    verb = None
    if token.dep_ == "nsubjpass" and verb_lemma(token.head) == "claim":
        # "the attack was claimed by X": the agent owns up
        if negated_verb(token.head):
            return None
        return _pobj(token.head, frozenset({"by"}), ("agent", "prep"))
    if token.dep_ == "dobj" and verb_lemma(token.head) == "claim":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "for":
        owned = token.head.head  # "responsibility for the attack"
        if owned.lemma_.lower() in ("responsibility", "credit") and owned.dep_ == "dobj":
            verb = owned.head if verb_lemma(owned.head) in CLAIM_VERBS else None
    if verb is None or negated_verb(verb):
        return None  # "the group has not claimed the attack": nobody owned up
    subject = _child(verb, "nsubj") or _controller_subject(verb)
    if subject is not None and any(c.lower_ in ("no", "none") for c in subject.children):
        return None  # "no group claimed the bombing"
    return subject


# Weapons and the craft that carry them: as the subject of an act, whoever fires or flies
# them did it.
INSTRUMENT_NOUNS = frozenset({"shell", "rocket", "missile", "drone", "bomb", "mortar", "round",
                              "mine", "grenade", "aircraft", "jet", "plane", "warplane",
                              "helicopter", "gunship", "artillery", "projectile", "munition",
                              "explosive", "tank", "bullet", "barrel", "gunfire", "fire"})  # fmt: skip


def instrument_user(subject: Token) -> Token | None:
    """Who used the weapon or craft a clause's subject names: the "by" agent of a
    participle modifying it ("shells fired by X struck", "a drone launched by X hit",
    "mines laid by X killed"), else the force that owns it ("army aircraft bombed",
    "Kivu jets struck", "the rebels' rockets hit"); nobody when the subject is no weapon."""
    if subject.lemma_.lower() not in INSTRUMENT_NOUNS:
        return None
    for verb in subject.children:
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            agent = _pobj(verb, frozenset({"by"}), ("agent", "prep"))
            if agent is not None:
                return agent
    return next(
        (c for c in subject.children if c.dep_ in ("poss", "compound", "amod")
         and c.lemma_.lower() not in INSTRUMENT_NOUNS and not when_word(c)),
        None,
    )  # fmt: skip


# Words of a state's armed forces (or the military rulers commanding them) used as a
# modifier of what they fire or do: "a military jet", "army artillery", "a junta air
# strike", "regime shelling", "government air strikes".
ARMY_MODIFIERS = frozenset({"army", "military", "junta", "regime", "government"})
ARMY_KIND = "army"
# Acts an armed force carries out, named by a noun: "a military air strike".
ARMED_ACT_NOUNS = frozenset({"strike", "airstrike", "raid", "offensive", "operation",
                             "bombardment", "shelling", "bombing", "attack", "assault",
                             "barrage", "crackdown", "counteroffensive", "incursion"})  # fmt: skip
# What an armed force fires or does: never a victim, and what an armed modifier qualifies.
ARMED_HEADS = INSTRUMENT_NOUNS | ARMED_ACT_NOUNS


# Kinds of armed people whose word may modify what they fire or do: "rebel mortars",
# "militia gunfire", "jihadist drones".
ARMED_KIND_MODIFIERS = frozenset({"rebel", "militia", "militant", "jihadist", "insurgent",
                                  "separatist", "guerrilla"})  # fmt: skip


def armed_modifier(tok: Token) -> str | None:
    """The kind of armed actor a word modifying a weapon, a craft or an armed act names,
    with no name or owner of its own before it: ``army`` for "a military jet bombed",
    "army artillery shelled", "a military air strike", "junta drones"; the kind noun for
    "rebel mortars", "militia gunfire". None for "a Malian army drone" (it names its own
    army) and for "military rulers" (no weapon, no act)."""
    low = tok.lower_
    kind = ARMY_KIND if low in ARMY_MODIFIERS else tok.lemma_.lower()
    if kind != ARMY_KIND and kind not in ARMED_KIND_MODIFIERS:
        return None
    head = tok.head
    if tok.dep_ not in ("amod", "compound", "nmod") or head.i <= tok.i or head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() not in ARMED_HEADS:
        return None
    owned = (c for c in (*tok.children, *head.children) if c.i < tok.i)
    if any(c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and not c.is_lower)
           for c in owned):  # fmt: skip
        return None
    return kind


def blamed_on(verbs: Sequence[Token]) -> Token | None:
    """The one an act is blamed on, by a participle or a relative clause modifying its noun:
    "an attack blamed on X", "the bombing, which officials blamed on X" (an allegation:
    the blamer's word, not the doer's)."""
    return next(
        (o for v in verbs if verb_lemma(v) == "blame"
         and (o := _pobj(v, frozenset({"on"}))) is not None),
        None,
    )  # fmt: skip


def relative_subject(verb: Token) -> Token | None:
    """The subject of a relative clause whose object is the act's noun: "the offensive
    that X launched", "the raid the army carried out" (not "the attack that killed ten",
    whose subject is the relative pronoun itself)."""
    if verb.dep_ not in ("acl", "relcl") or verb.tag_ not in ("VBD", "VBN", "VBP", "VBZ"):
        return None
    if _child(verb, "auxpass") is not None:
        return None  # "the attack that was launched": a passive, its agent is the doer
    obj = _child(verb, "dobj")
    if obj is not None and obj.lower_ not in RELATIVES:
        return None  # "the attack, which left ten dead": the clause has its own object
    subject = _child(verb, "nsubj")
    if subject is None or subject.lower_ in RELATIVES:
        return None
    return subject


def negated_verb(verb: Token) -> bool:
    """Whether a verb is negated ("has not claimed", "did not carry out")."""
    return any(c.dep_ == "neg" for c in verb.children)


def _pitted(token: Token) -> tuple[Token, list[Token | None]] | None:
    """(X, [Y]) of "clashes pitting X against Y": the participle modifies the noun, or
    the parser makes the noun its subject, or hangs it on the noun's own verb ("the
    clashes, pitting X against Y, killed ten")."""
    verbs = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    if token.dep_ == "nsubj" and token.head.i != token.i:
        verbs += [token.head, *(c for c in token.head.children if c.dep_ == "advcl")]
    for verb in verbs:
        if verb.lemma_.lower() == "pit" and (side := _child(verb, "dobj")) is not None:
            return side, [_pobj(verb, frozenset({"against"}))]
    return None


def _pobjs(token: Token, preps: frozenset[str]) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in TIME_ENTS]  # fmt: skip


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
