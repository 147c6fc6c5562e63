"""Definite descriptions of actors: "the group", "the rebels", "the army", "the spokesman".

One rule, read once in the mention pass, so that role fillers, pronouns and resolution
all see the description as a mention of the actor it stands for:

* a definite or demonstrative noun phrase of a kind noun ("the group", "the rebels",
  "this militia", "the militants", "the spokesman") whose own modifiers name nothing
  stands for the one named actor the article described earlier with a noun of that kind:
  "fighters of the Kivu rebel group ... The group later withdrew" (Kivu); "Hezbollah,
  the militant group, ... the militants" (Hezbollah); "Omar Sidibe, a UN spokesman, ...
  said the spokesman" (Sidibe: an office stands for the person given it). With two
  different actors so described before it, or none, it stands for nobody;
* a description of a state's armed forces ("the army", "the military", "the air force",
  "the armed forces", "government troops", and "army" modifying a place the army holds:
  "attacked army positions") stands for the article's one state force: the one it names with an army
  word ("Congo's army", "the Congolese army"), else the one state force it names at all
  ("Ethiopian forces"). With two, it stands for nobody;
* an army word modifying the weapon, the craft or the act itself ("a military jet
  bombed", "army artillery shelled", "a military air strike", "a junta air strike")
  stands for that one state force too; with none named, it stands for the article's
  bare army ("army aircraft bombed ..., the army said"), else names nobody (no actor
  "military" of its own);
* soldiers named by a bare plural and hit by someone else ("militants killed 12
  soldiers", "four troops were wounded") are that one state force's too;
* a bare reference to the police ("police said", "two police officers", "policemen")
  stands for the one police body the article names ("the Chadian National Police"); with
  two, or police of a nationality beside it ("Kenyan police"), for nobody;
* "the government", "the federal government" stand for the one state whose government
  the article names ("the Ethiopian government", "Ethiopia's federal government");
* a collective noun stands for one actor only in the singular ("the groups" are several),
  a noun of armed people only in the plural ("the rebels"; "the rebel" is one of them);
* the head noun of a body's own name stands for the one body so named before it: "the
  Kanvar Patriotic Front ... the front", "the National Council for X ... the council" (also
  from the KB entry's names; a treaty organisation is an alliance: "the alliance" for a
  "Treaty Organization"); "the opposition" for the one body named or described as the
  opposition ("X, the main opposition bloc"); with two (a longer name ending in a shorter
  one is one body: "the UN Peace Council ... the Peace Council"), or none, for nobody, and never
  "at the front", "the council of elders" or "the X executive committee";
* "the regime" and "the administration", as "the government", stand for the one state
  whose government the article names: "the Syrian regime", "Iran's regime", the regime of
  a ruler the KB knows ("Gaddafi's regime") (:func:`~eventwire.extract.bodies.regimes_of_states`).

* a name followed by the description it is known by ("the Sitkaw, as the country's armed
  forces are known,"; "Jund Sabr, as the group calls itself,") takes that description's
  kind words, and an army's description makes it a state force when the KB does not type
  it; a name the tagger missed there is found (:func:`names_known_by`).

A description with a name or a country of its own ("the Congolese army", "the Wagner
group") names its actor itself and is left alone.

Once the article's places are read (:func:`armies_of_one_state`, in the events pass), a
bare reference to a state's forces left unnamed ("the army said", "troops opened fire",
"soldiers were killed", "security forces raided") stands for the one state force the
article names, else, when it names none, for the forces of the one country all its places
lie in; with forces of two states named, or places in two countries, for nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from eventwire.extract.bodies import (
    BODY_HEADS,
    GOVERNMENT_NOUNS,
    PLACE_PREPOSITIONS,
    name_kinds,
    names_government,
    names_of,
    one_body,
    own_complement,
    regimes_of_states,
)
from eventwire.extract.context import DocContext
from eventwire.extract.docview import DocView
from eventwire.extract.eventroles import ARMY_KIND, armed_modifier
from eventwire.extract.namephrases import STATE_FORCES_NAME, Cand, state_forces
from eventwire.extract.pronouns import HELD_NOUNS
from eventwire.model import GROUP_LABEL, Mention, PlaceMention, Span
from eventwire.text.names import plain_key

# Kind nouns of a group's description -> the kind nouns it may stand for ("the group" for
# any armed or political group described so; "the rebels" for a rebel group only).
ARMED_KINDS = frozenset({"group", "rebel", "militia", "militant", "movement", "insurgent",
                         "jihadist", "faction", "organisation", "organization", "separatist",
                         "coalition", "alliance", "fighter", "guerrilla", "branch", "wing",
                         "affiliate", "offshoot"})  # fmt: skip
# Every kind a named group may be given: also the heads of bodies' names ("the front", "the
# council") and the opposition, which "the group" does not stand for.
GROUP_KINDS = ARMED_KINDS | {"opposition", "front", "council", "party", "bloc", "league",
                             "union", "committee"}  # fmt: skip
# Kinds the words around a name give it ("Hezbollah, the militant group"; "the opposition
# Velmar Coalition"): a name modifying a council or a committee ("the NTC executive
# committee") names a part of it, so the heads of names come from names alone.
TEXT_KINDS = ARMED_KINDS | {"opposition"}
ARMY = "army"
DESCRIBED_BY = {
    "group": ARMED_KINDS,
    "rebel": frozenset({"rebel", "insurgent"}),
    "insurgent": frozenset({"rebel", "insurgent"}),
    "militia": frozenset({"militia"}),
    "militiaman": frozenset({"militia"}),
    "militant": frozenset({"militant", "jihadist"}),
    "jihadist": frozenset({"militant", "jihadist"}),
    "separatist": frozenset({"separatist"}),
    "fighter": frozenset({"fighter"}),
    "guerrilla": frozenset({"guerrilla", "rebel"}),
    "movement": frozenset({"movement"}),
    "faction": frozenset({"faction"}),
    "coalition": frozenset({"coalition", "alliance"}),
    "alliance": frozenset({"coalition", "alliance"}),
    "opposition": frozenset({"opposition"}),
}
DESCRIBED_BY |= {head: DESCRIBED_BY.get(head, frozenset({head})) for head in BODY_HEADS}
# Collective nouns: one actor in the singular only. The other group kinds are nouns of
# armed people, standing for their group in the plural only.
COLLECTIVE = frozenset({"group", "militia", "movement", "faction", "organisation",
                        "organization", "coalition", "alliance", "opposition", "front",
                        "council", "party", "bloc", "league", "union", "committee"})  # fmt: skip
# Offices a person is described by ("Omar Sidibe, a UN spokesman, ... said the
# spokesman"); in the singular they stand for the one person the article gave the office.
PERSON_KINDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "president", "minister",
                          "commander", "governor", "mayor", "envoy", "general", "leader",
                          "chief", "premier"})  # fmt: skip
DESCRIBED_BY |= {kind: frozenset({kind}) for kind in PERSON_KINDS}
# Nouns describing a state's armed forces, alone or after a word ("air force").
ARMY_NOUNS = frozenset({"army", "military"})
ARMY_PAIRS = frozenset({("air", "force"), ("armed", "forces"), ("armed", "force")})
# Armed people a government has: "government troops", "government soldiers".
GOVERNMENT_TROOPS = frozenset({"troops", "soldiers", "forces"})
# Words in a name that describe it as a state's armed forces.
ARMY_WORDS = re.compile(r"(?i)\b(?:army|military|armed forces|defen[cs]e forces?)\b")
DESCRIPTION_DETERMINERS = frozenset({"the", "this"})


def definite_descriptions(view: DocView, cands: list[Cand], kb: Any = None) -> list[Cand]:
    """Each definite description of an actor becomes a candidate naming the actor it
    stands for (see the module docstring); the unnamed group it was is dropped. ``kb``
    (when given) adds the names of a candidate's entry to the names its kinds are read
    from (:func:`name_kinds`)."""
    doc = view.doc
    named = [c for c in cands if c.group_hint is None and _has_capital(doc[c.start : c.end].text)]
    covered = {i for c in named for i in range(c.start, c.end)}
    described: list[tuple[int, Cand, frozenset[str]]] = []  # (start, candidate, kinds)
    heads: dict[int, set[str]] = {}  # a candidate's start -> the kinds its own names give it
    forces: list[Cand] = []  # state forces, in text order
    for c in named:
        span = doc[c.start : c.end]
        person = c.kb_type == "person" if c.kb_type else c.label == "PERSON"
        named_as = known_by(doc, c.end)
        known_kinds = _description_kinds(named_as or "") & GROUP_KINDS
        if known_kinds and c.kb_type is None:
            person = False  # "X, as the group calls itself": a group's name, not a person's
        if not person and not known_kinds and not _may_be_group(c):
            continue
        kinds = _kinds_of(span) & (PERSON_KINDS if person else TEXT_KINDS)
        if person and c.role:  # "Prime Minister Abiy Ahmed": a minister
            kinds |= {w for w in c.role.lower().split() if w in PERSON_KINDS}
        if not person:
            kinds |= known_kinds
            heads[c.start] = name_kinds(names_of(c, span.text, kb))
            kinds |= heads[c.start]
        if not person and (
            _state_force(c, span.text)
            or (c.kb_type is None and named_as is not None and ARMY_WORDS.search(named_as))
        ):
            forces.append(c)
        if kinds:
            described.append((c.start, c, frozenset(kinds)))
    army = _one_army(doc, forces)
    bare_army = None if army is not None else _bare_army(cands)
    # governments a state is named with ("the Ethiopian government", "Ethiopia's government")
    regimes = regimes_of_states(doc, cands, kb)  # "the Syrian regime", "Iran's regime"
    states = [
        c for c in [*cands, *regimes] if c.affiliation and c.group_hint == f"aff:{c.affiliation}"
    ]
    covered |= {i for c in states for i in range(c.start, c.end)}
    governments = {c.affiliation: c for c in states if names_government(doc, c)}
    found: list[Cand] = []
    for tok in view.tokens:
        if tok.i in covered:
            continue
        if (kind := armed_modifier(tok)) is not None:
            # "a military jet", "rebel mortars": the force or group the word describes
            if kind == ARMY_KIND:
                prior = army
                if prior is None and bare_army is not None:
                    # "army aircraft bombed ..., the army said": the bare army it names
                    found.append(Cand(tok.i, tok.i + 1, GROUP_LABEL, bare_army.name,
                                      group_hint=bare_army.group_hint))  # fmt: skip
                    continue
            else:
                described_as = DESCRIBED_BY.get(kind, frozenset())
                earlier = {plain_key(c.name): c for s, c, kinds in described
                           if s < tok.i and kinds & described_as}  # fmt: skip
                prior = next(iter(earlier.values())) if len(earlier) == 1 else None
            if prior is not None:
                found.append(_standing_for(prior, tok.i, tok.i + 1))
            continue
        if tok.pos_ != "NOUN":
            continue
        if tok.lower_ in GOVERNMENT_NOUNS and (det := _definite(tok)) is not None:
            if below_the_state(tok) or (
                tok.lower_ != "government" and own_complement(tok, ("of", "in"))
            ):
                continue  # "the state government" of a federal country: not the nation's
            if len(governments) == 1:  # "the (federal) government": the one named
                gov = next(iter(governments.values()))
                found.append(Cand(det + 1, tok.i + 1, gov.label, gov.name,
                                  affiliation=gov.affiliation, group_hint=gov.group_hint))  # fmt: skip
            continue
        start = _army_description(tok)
        if start is not None:
            if army is not None:
                found.append(_standing_for(army, start, tok.i + 1))
            continue
        if army is not None and _soldiers_hit(tok, cands, army):
            found.append(_standing_for(army, tok.i, tok.i + 1))
            continue
        lemma = tok.lemma_.lower()
        wanted = DESCRIBED_BY.get(lemma)
        if wanted is None or (det := _definite(tok)) is None or not _right_number(tok, lemma):
            continue
        if lemma in COLLECTIVE and own_complement(tok, ("of", "with", "between", "among")):
            continue  # "the council of elders": its own members; "the alliance with X": a tie
        if lemma == "front" and tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS:
            continue  # "fighting at the front": the front line, not a body named Front
        if any(i in covered for i in range(det + 1, tok.i)):
            continue  # "the NTC executive committee": a name inside, not the NTC itself
        if lemma not in BODY_HEADS and lemma != "opposition":  # "the group": not by a name's head
            wanted_in = {s: kinds - heads.get(s, set()) for s, _c, kinds in described}
        else:
            wanted_in = {s: kinds for s, _c, kinds in described}
        earlier = {
            plain_key(c.name): c for s, c, _k in described if s < tok.i and wanted_in[s] & wanted
        }
        if len(earlier) == 1 or (lemma in BODY_HEADS and one_body(earlier)):
            found.append(_standing_for(next(iter(earlier.values())), det + 1, tok.i + 1))
    found += _bare_police(doc, cands, named)
    found += regimes
    spans = [(c.start, c.end) for c in found]
    kept = [c for c in cands if not any(c.start < e and s < c.end for s, e in spans)]
    return kept + found


POLICE_WORD = re.compile(r"(?i)\bpolice")


def _bare_police(doc: Any, cands: list[Cand], named: list[Cand]) -> list[Cand]:
    """Bare references to the police ("police said", "two police officers were killed",
    "four policemen", "a police patrol") stand for the one police body the article names
    ("the Chadian National Police"); with two named, or police of a nationality beside it
    ("Kenyan police"), for nobody."""
    bodies = {plain_key(c.name): c for c in named
              if POLICE_WORD.search(c.name) and (c.kb_type or c.label) not in ("person", "PERSON")}  # fmt: skip
    if len(bodies) != 1:
        return []
    (body,) = bodies.values()
    bare = []
    for c in cands:
        if c.affiliation and c.affiliation != body.affiliation:
            # "Kenyan police" beside the named body: whose "the police" is unknown
            if POLICE_WORD.search(doc[c.start : min(c.end + 1, len(doc))].text):
                return []
            continue
        if c.label != GROUP_LABEL or not POLICE_WORD.search(doc[c.start : c.end].text):
            continue
        if (c.group_hint or "").startswith("group:"):
            bare.append(_standing_for(body, c.start, c.end))
    return bare


def _bare_army(cands: list[Cand]) -> Cand | None:
    """The article's bare army ("the army said", "the military"), an unnamed group of one
    army noun with no country: what an army word modifying a weapon stands for when the
    article names no state force ("army aircraft bombed ..., the army said"). Once the
    places are read, :func:`armies_of_one_state` gives both their country."""
    for c in cands:
        kind, noun = [*(c.group_hint or "").split(":"), ""][:2]
        if c.label == GROUP_LABEL and not c.affiliation and kind == "group" and noun in ARMY_NOUNS:
            return c
    return None


def _standing_for(prior: Cand, start: int, end: int) -> Cand:
    return Cand(start, end, prior.label, prior.name, affiliation=prior.affiliation,
                kb_id=prior.kb_id, kb_type=prior.kb_type)  # fmt: skip


def _has_capital(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _may_be_group(c: Cand) -> bool:
    """A name that may be a group's: the KB's type when it has one, else the model's label
    (which often calls an unknown group's short name a place, "M23")."""
    if c.kb_type is not None:
        return c.kb_type not in ("person", "country")
    return c.label not in ("PERSON", "GPE")


# Words in an army's name that mark it as an armed movement, not a state's forces ("the
# Sudan Liberation Army", "the Kanbalu People's Defence Force", "the Free Syrian Army").
NOT_STATE_WORDS = re.compile(
    r"(?i)\b(?:liberation|people'?s|popular|revolutionary|resistance|"
    r"free|self-defen[cs]e|salvation|patriotic)\b"
)


def _state_force(c: Cand, text: str) -> bool:
    """A name of a state's armed forces: the KB's type when it has one ("Tatmadaw" is;
    "Arakan Army" is an armed group), else an army word in the name and no word of an
    armed movement."""
    if c.kb_type is not None:
        return c.kb_type == "state_forces"
    worded = ARMY_WORDS.search(text) or ARMY_WORDS.search(c.name)
    return bool(worded) and not NOT_STATE_WORDS.search(text)


# A name followed by the description it is known by: "X, as the country's armed forces are
# known," "X, as the militant group is widely known," "X, as the group calls itself,".
_KNOWN_BY = re.compile(
    r"^\s*,\s*as\s+(?:the|its|their|this)\s+(?P<desc>[a-z][a-z' -]{1,60}?)\s+"
    r"(?:(?:is|are|was|were)\s+(?:[a-z]+ly\s+)?known|calls?\s+(?:itself|themselves))\b"
)


def known_by(doc: Any, end: int) -> str | None:
    """The lowercase description a name is said to be known by, right after it: "the
    Sitkaw, as the country's armed forces are widely known" -> "country's armed forces";
    "Jund al-Haqq, as the group calls itself" -> "group"."""
    if end >= len(doc) or not (doc[end].is_space or doc[end].text.startswith(",")):
        return None  # no comma next (most words): no text to build and match
    found = _KNOWN_BY.match(doc[end : end + 14].text)
    return found.group("desc") if found else None


def known_as_group(doc: Any, end: int) -> bool:
    """Whether the name ending at ``end`` is said to be known as a group or a state's
    forces ("X, as the country's armed forces are widely known"; "X, as the group calls
    itself"), not as a person ("X, as the commander is known")."""
    desc = known_by(doc, end)
    return desc is not None and bool(
        _description_kinds(desc) & GROUP_KINDS or ARMY_WORDS.search(desc)
    )


def names_known_by(view: DocView, cands: list[Cand]) -> list[Cand]:
    """Capitalised words the tagger missed before the description they are known by: "The
    Sitkaw, as the country's armed forces are widely known, ..." -> a group's name "Sitkaw"."""
    doc = view.doc
    taken = {i for c in cands for i in range(c.start, c.end)}
    found: list[Cand] = []
    for tok in view.tokens:
        if tok.i in taken or not tok.text[:1].isupper() or not known_as_group(doc, tok.i + 1):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].is_alpha
            and (start - 1) not in taken
            and not doc[start - 1].is_sent_start
        ):
            start -= 1
        if tok.is_sent_start and start == tok.i:
            continue  # a sentence's first word alone: its capital says nothing
        found.append(Cand(start, tok.i + 1, "ORG", doc[start : tok.i + 1].text))
    return found


def _description_kinds(desc: str) -> set[str]:
    """Kind nouns of a lowercase description, in the singular ("militant groups" ->
    {"militant", "group"})."""
    words = re.findall(r"[a-z]+", desc)
    return {w[:-1] if w.endswith("s") and w[:-1] in DESCRIBED_BY else w for w in words}


def _one_army(doc: Any, forces: list[Cand]) -> Cand | None:
    """The article's one state force: the one it names with an army word ("Congo's
    army"), else the one it names at all ("Ethiopian forces"); None with two."""
    worded = [c for c in forces if ARMY_WORDS.search(doc[c.start : c.end].text)]
    for pool in (worded, forces):
        distinct = {plain_key(c.name): c for c in pool}
        if distinct:
            return next(iter(distinct.values())) if len(distinct) == 1 else None
    return None


# Soldiers named by a bare plural, and verbs whose object or passive subject they are hit by.
SOLDIER_NOUNS = frozenset({"soldiers", "troops", "servicemen", "conscripts"})
HITTING_VERBS = frozenset({"kill", "wound", "injure", "attack", "ambush", "abduct", "kidnap",
                           "capture", "shoot", "target", "execute", "behead"})  # fmt: skip


# Prepositions of an attack's target, and the act nouns and verbs they follow: "opened
# fire on soldiers", "an ambush on troops", "shot at soldiers".
FIRED_ON = frozenset({"on", "at", "against", "upon"})
HITTING_NOUNS = frozenset({"attack", "ambush", "assault", "raid", "fire"})


def _soldiers_hit(tok: Any, cands: list[Cand], army: Cand) -> bool:
    """ "Militants killed 12 soldiers", "four soldiers were wounded", "opened fire on
    soldiers": soldiers the text
    gives no owner of their own ("Chadian soldiers", "soldiers of the Front" have one),
    hit by someone other than the article's one state force, are that force's (a story
    naming two armies names none, :func:`_one_army`)."""
    verb = tok.head
    if tok.lower_ not in SOLDIER_NOUNS:
        return False
    if tok.dep_ == "pobj" and verb.lower_ in FIRED_ON:
        verb = verb.head  # "opened fire on soldiers", "an ambush on troops"
        if verb.lemma_.lower() == "fire" and verb.dep_ == "dobj":
            verb = verb.head  # "opened fire on": the verb opening it
        if verb.lemma_.lower() not in HITTING_VERBS | HITTING_NOUNS and not (
            verb.lemma_.lower() == "open" and any(c.lemma_.lower() == "fire" for c in verb.children)
        ):
            return False
    elif tok.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in HITTING_VERBS:
        return False
    owners = [c for c in tok.children
              if (c.dep_ in ("amod", "compound", "nmod") and _has_capital(c.text))
              or c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from"))]  # fmt: skip
    if owners:
        return False
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    key = plain_key(army.name)
    for doer in doers:
        words = range(doer.left_edge.i, doer.right_edge.i + 1)
        if ARMY_WORDS.search(doer.doc[words.start : words.stop].text) or any(
            plain_key(c.name) == key for c in cands if c.start in words
        ):
            return False  # the army hitting its own soldiers is no reading
    return True


def _army_description(tok: Any) -> int | None:
    """Where a description of a state's armed forces starts, if ``tok`` ends one: "the
    army", "the military", "the air force", "the armed forces", "government troops", and
    "army" or "military" modifying a place an army holds ("attacked army positions", "a
    military base")."""
    low = tok.lower_
    if low in GOVERNMENT_TROOPS:  # "government troops", "government soldiers"
        gov = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        if [c.lower_ for c in gov] == ["government"]:
            return gov[0].i
        return None
    if low in ARMY_NOUNS and tok.dep_ == "compound" and tok.head.lemma_.lower() in HELD_NOUNS:
        if not any(c.dep_ in ("poss", "amod", "compound") for c in (*tok.children,
                                                                    *tok.head.children)
                   if c.i != tok.i and c.i < tok.head.i and (_has_capital(c.text)
                                                             or c.dep_ == "poss")):  # fmt: skip
            return tok.i
        return None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if low in ARMY_NOUNS or (prev is not None and (prev.lower_, low) in ARMY_PAIRS):
        if tok.tag_ == "NNS" and low != "forces":
            return None  # "the armies": several
        det = _definite(tok)
        return det + 1 if det is not None else None
    return None


def _right_number(tok: Any, lemma: str) -> bool:
    """A collective noun or an office stands for one actor in the singular ("the groups"
    are several, "the ministers" several people); armed people in the plural only."""
    if lemma in COLLECTIVE or lemma in PERSON_KINDS:
        return tok.tag_ == "NN"
    return tok.tag_ == "NNS"


def _kinds_of(span: Any) -> set[str]:
    """Kind nouns the text gives a name: the noun it modifies ("the M23 rebel group",
    "M23 rebels"), its appositions ("Hezbollah, the militant group"; "the militant group
    Hezbollah"; "Omar Sidibe, a UN spokesman") and their lowercase modifiers, and the
    lowercase nouns before it ("UN spokesman Omar Sidibe"), and its own lowercase head
    ("the Islamic State's regional branch", "the Islamic State group")."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "compound" and c.i < span.start]
    if root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    kinds = set()
    if root.pos_ == "NOUN" and root.text.islower():
        kinds.add(root.lemma_.lower())  # a name headed by its kind: "the State's Somali branch"
    for noun in nouns:
        # "X, an opposition activist": the opposition's person, not the opposition
        body = noun.lemma_.lower() in COLLECTIVE | BODY_HEADS | {"opposition"}
        for word in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))):
            if word.text.islower() and (body or word.lemma_.lower() != "opposition"):
                kinds.add(word.lemma_.lower())
    return kinds


def _definite(tok: Any) -> int | None:
    """The determiner of a definite or demonstrative noun phrase whose own modifiers name
    nothing ("the group", "the rebel group", "this militia"; "the Congolese army", "the
    Wagner group" and "the group's leader's" owner are names of their own), else None."""
    children = list(tok.children)
    det = next(
        (c for c in children if c.dep_ == "det" and c.lower_ in DESCRIPTION_DETERMINERS), None
    )
    if det is None:
        return None
    named = any(
        c.dep_ in ("compound", "amod", "nmod", "poss", "appos")
        and not c.text.islower()
        and not (c.i > 0 and c.nbor(-1).text == "(")  # "(OCHA)": an acronym of what follows
        for c in children
    )
    return None if named else det.i


# A state's forces named by a bare noun phrase, no state named in it: "the army said",
# "troops opened fire", "soldiers were wounded", "security forces raided a house".
BARE_FORCES = frozenset({"army", "military", "troops", "troop", "soldiers", "soldier",
                         "security forces", "armed forces", "air force", "government forces",
                         "government troops", "government soldiers"})  # fmt: skip


def armies_of_one_state(
    mentions: Sequence[Mention], places: Sequence[PlaceMention], kb: Any, doc: Any = None
) -> list[Mention]:
    """The document's mentions with each bare reference to a state's forces ("the army",
    "the military", "troops", "soldiers", "security forces": an unnamed group with no
    country of its own) made a mention of the article's one state force: the one state
    force it names ("Sudan's army ... troops opened fire"), else, when it names none, the
    forces of the one country all its places lie in ("clashes in Kadugli ... the army
    said": Sudan's, as :func:`~eventwire.extract.namephrases.state_forces` names them).
    Forces of two states named, or places in two countries: left as they are. Forces
    kept, sent or moved by the subject of their verb are that subject's ("the Front said
    it will keep troops around the port"), read from ``doc`` when given."""
    bare = {m.span for m in mentions if _bare_forces(m) and not _moved_by_subject(doc, m)}
    if not bare:
        return list(mentions)
    forces = {m.group: m for m in mentions if m.span not in bare and _names_state_forces(m, kb)}
    if len(forces) > 1:
        return list(mentions)  # "Chadian troops ... Sudan's army": whose "the army" is unknown
    if forces:
        named = next(iter(forces.values()))
        name, group, iso3, label = named.normalized, named.group, named.affiliation, named.label
    else:
        iso3 = _one_country(places)
        if iso3 is None:
            return list(mentions)
        name, _entry = state_forces(kb, iso3)
        group, label = plain_key(name), "ORG"
    return [
        replace(m, label=label, normalized=name, group=group, affiliation=iso3)
        if m.span in bare
        else m
        for m in mentions
    ]


def described_bodies(mentions: Sequence[Mention]) -> set[int]:
    """Where descriptions standing for a named actor end ("the alliance said", "the
    coalition struck": NATO's, the named coalition's), so that their noun tells no event
    of its own (no COOPERATE "alliance"). An unnamed group ("protesters") keeps its event."""
    return {
        m.span.end
        for m in mentions
        if m.label != GROUP_LABEL and m.span.text[:1].islower() and m.normalized
        and m.normalized[:1].isupper()
    }  # fmt: skip


def _bare_forces(m: Mention) -> bool:
    """An unnamed group of a state's forces with no country: "the army", "troops"."""
    if m.label != GROUP_LABEL or m.affiliation:
        return False
    words = m.span.text.lower().split()
    if words and words[0] in DESCRIPTION_DETERMINERS:
        words = words[1:]
    return " ".join(words) in BARE_FORCES


# Verbs whose subject keeps, sends or moves its own forces: "X will keep troops there",
# "X sent soldiers to the border", "X withdrew troops".
FORCES_MOVED_VERBS = frozenset({"keep", "send", "deploy", "move", "withdraw", "pull", "station",
                                "maintain", "have", "mobilise", "mobilize", "dispatch",
                                "redeploy", "recall", "commit", "train", "recruit"})  # fmt: skip


def _moved_by_subject(doc: Any, m: Mention) -> bool:
    """ "Chad sent troops", "the Front will keep troops around the port": forces the
    subject of their verb keeps or moves are its own, not the state's of the story."""
    if doc is None:
        return False
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ == "dobj"
        and root.head.lemma_.lower() in FORCES_MOVED_VERBS
        and any(c.dep_ == "nsubj" for c in root.head.children)
    )


def _names_state_forces(m: Mention, kb: Any) -> bool:
    """A mention naming a state's armed forces: the KB's entry of that type, or the name
    given to a state's forces no entry names ("Armed forces of Sudan")."""
    name = m.normalized or m.span.text
    if STATE_FORCES_NAME.match(name):
        return True
    entry = kb.lookup(name) if m.label != GROUP_LABEL else None
    return entry is not None and entry.type == "state_forces"


def _one_country(places: Sequence[PlaceMention]) -> str | None:
    """The one country all the article's places lie in (seas and continents aside), else
    None (none, or two)."""
    countries = {
        pm.place.country
        for pm in places
        if pm.place is not None and pm.place.country and pm.place.precision != "region"
    }
    return next(iter(countries)) if len(countries) == 1 else None


# Words a state's government is described by, naming no state: "the federal government".
GOVERNMENT_WORDS = frozenset({"federal", "central", "national", "transitional", "interim"})
# Words of a government below the nation's: "the state government" (of an Indian, a
# Nigerian or an American state), "the provincial government", "the local government".
SUBNATIONAL_WORDS = frozenset(
    ["state", "provincial", "province", "regional", "region", "local", "municipal", "city",
     "district", "county", "county's", "state's", "council", "town"]
)  # fmt: skip


def below_the_state(tok: Any) -> bool:
    """ "the state government", "the provincial government", "the BJP state government":
    a government a modifier sets below the nation's, which is not the country's actor
    (a federal country's states and provinces govern themselves)."""
    return any(
        c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and c.lower_ in SUBNATIONAL_WORDS
        for c in tok.children
    )


def governments_of_one_state(ctx: DocContext) -> list[Mention]:
    """Mentions of the state for "the government" and "the federal (central, national,
    transitional) government" with no state of its own (and "the regime", "the
    administration"), when the article names no
    government of any state (the
    mention pass reads "the government" as the one it names, :func:`definite_descriptions`)
    and all its places lie in one country: "Rebels shelled Kassala ... the federal government
    condemned it" is Sudan's. Not a modifier ("government troops" are forces, "a government
    building" a place)."""
    iso3 = _one_country(ctx.places)
    if iso3 is None:
        return []
    doc = ctx.doc
    taken = {i for m in ctx.mentions for i in _tokens_of(doc, m)}
    if any(doc[i].lower_ in GOVERNMENT_NOUNS for i in taken):
        return []  # a government named ("the Sudanese government"): the mention pass's
    country = ctx.resources.kb.country(iso3)
    found = []
    for tok in ctx.view.tokens:
        if tok.lower_ not in GOVERNMENT_NOUNS or tok.pos_ != "NOUN" or tok.dep_ == "compound":
            continue
        det = _definite(tok)
        if (
            det is None
            or tok.i in taken
            or below_the_state(tok)
            or any(
                (c.dep_ == "amod" and c.lower_ not in GOVERNMENT_WORDS)
                or (c.dep_ == "prep" and c.lower_ in ("of", "in"))  # "the government of Chad"
                for c in tok.children
            )
        ):
            continue
        span = doc[det + 1 : tok.i + 1]
        found.append(
            Mention(
                article_id=ctx.article.id,
                span=Span(span.start_char, span.end_char, span.text),
                label="GPE",
                evidence=ctx.evidence(ctx.view.sent(tok)),
                normalized=country.name if country else iso3,
                group=f"aff:{iso3}",
                affiliation=iso3,
            )
        )
    return found


def _tokens_of(doc: Any, m: Mention) -> range:
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
