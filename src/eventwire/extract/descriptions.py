"""Definite descriptions of actors: "the group", "the rebels", "the army", "the spokesman".

One rule, read once in the mention pass, so that role fillers, pronouns and resolution
all see the description as a mention of the actor it stands for:

* a definite or demonstrative noun phrase of a kind noun ("the group", "the rebels",
  "this militia", "the militants", "the spokesman") whose own modifiers name nothing
  stands for the one named actor the article described earlier with a noun of that kind:
  "fighters of the Kivu rebel group ... The group later withdrew" (Kivu); "Hezbollah,
  the militant group, ... the militants" (Hezbollah); "Omar Sidibe, a UN spokesman, ...
  said the spokesman" (Sidibe: an office stands for the person given it). Never for the
  other side of its own clause ("the EMC attacked the group": not the EMC). With two
  different actors so described before it (even one named just before), or none, it
  stands for nobody;
* an apposition of a kind noun stands for the name it describes: "the Ambazonia Defence
  Forces, an armed group that has fought the army since 2017" (the group, and its relative
  clause's subject, is the ADF) (:func:`_apposed_name`);
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

* a body's description that names itself stands for that name: "a group calling itself
  the Eastern Front", "the militia, which calls itself X" (:func:`_calling_itself`);
* a body's people named in the plural with a kind noun ("the gang members", "the rebel
  fighters", "the militia gunmen") stand for the one body the article described with that
  kind ("gunmen from the X gang coalition"; "X, a rebel group"), as "the rebels" does;
  "the gang" and "the cartel" stand for the one gang or cartel so described;

* a name followed by the description it is known by ("the Sitkaw, as the country's armed
  forces are known,"; "Jund Sabr, as the group calls itself,") takes that description's
  kind words, and an army's description makes it a state force when the KB does not type
  it; a name the tagger missed there is found (:func:`names_known_by`).

A description with a name or a country of its own ("the Congolese army", "the Wagner
group") names its actor itself and is left alone.

Event and relation sides reach these readings through ``MentionIndex.filler``;
:func:`referent_of` states the question they answer (which named actor a description or a
pronoun stands for, None rather than a guess) for one token, and is what the tests of
these readings ask.

Once the article's places are read (:func:`armies_of_one_state`, in the events pass), a
bare reference to a state's forces left unnamed ("the army said", "troops opened fire",
"soldiers were killed", "security forces raided") stands for the one state force the
article names, else, when it names none, for the forces of the one country all its places
lie in; with forces of two states named, or places in two countries, for nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from eventwire.extract.army_descriptions import (
    army_description,
    bare_army_of,
    one_army,
    soldiers_hit,
    state_force,
)
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
from eventwire.extract.description_kinds import (
    ARMY_WORDS,
    COLLECTIVE,
    DESCRIBED_BY,
    GROUP_KINDS,
    PEOPLE_OF,
    PERSON_KINDS,
    TEXT_KINDS,
    definite,
    has_capital,
    self_naming,
)
from eventwire.extract.docview import DocView
from eventwire.extract.eventroles import ARMY_KIND, armed_modifier
from eventwire.extract.known_by import description_kinds, known_as_group, known_by, names_known_by
from eventwire.extract.namephrases import Cand
from eventwire.extract.one_state import (
    armies_of_one_state,
    below_the_state,
    governments_of_one_state,
)
from eventwire.model import GROUP_LABEL, Mention
from eventwire.text.names import plain_key

# Re-exported: the mention and event passes read these from here.
__all__ = [
    "armies_of_one_state",
    "referent_of",
    "definite_descriptions",
    "described_bodies",
    "governments_of_one_state",
    "known_as_group",
    "known_by",
    "names_known_by",
]


def definite_descriptions(view: DocView, cands: list[Cand], kb: Any = None) -> list[Cand]:
    """Each definite description of an actor becomes a candidate naming the actor it
    stands for (see the module docstring); the unnamed group it was is dropped. ``kb``
    (when given) adds the names of a candidate's entry to the names its kinds are read
    from (:func:`name_kinds`)."""
    doc = view.doc
    named = [c for c in cands if c.group_hint is None and has_capital(doc[c.start : c.end].text)]
    covered = {i for c in named for i in range(c.start, c.end)}
    described: list[tuple[int, Cand, frozenset[str]]] = []  # (start, candidate, kinds)
    heads: dict[int, set[str]] = {}  # a candidate's start -> the kinds its own names give it
    forces: list[Cand] = []  # state forces, in text order
    for c in named:
        span = doc[c.start : c.end]
        person = c.kb_type == "person" if c.kb_type else c.label == "PERSON"
        named_as = known_by(doc, c.end)
        known_kinds = description_kinds(named_as or "") & GROUP_KINDS
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
            state_force(c, span.text)
            or (c.kb_type is None and named_as is not None and ARMY_WORDS.search(named_as))
        ):
            forces.append(c)
        if kinds:
            described.append((c.start, c, frozenset(kinds)))
    army = one_army(doc, forces)
    bare_army = None if army is not None else bare_army_of(cands)
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
        if tok.lower_ in GOVERNMENT_NOUNS and (det := definite(tok)) is not None:
            if below_the_state(tok) or (
                tok.lower_ != "government" and own_complement(tok, ("of", "in"))
            ):
                continue  # "the state government" of a federal country: not the nation's
            if len(governments) == 1:  # "the (federal) government": the one named
                gov = next(iter(governments.values()))
                found.append(Cand(det + 1, tok.i + 1, gov.label, gov.name,
                                  affiliation=gov.affiliation, group_hint=gov.group_hint))  # fmt: skip
            continue
        start = army_description(tok)
        if start is not None:
            if army is not None:
                found.append(_standing_for(army, start, tok.i + 1))
            continue
        if army is not None and soldiers_hit(tok, cands, army):
            found.append(_standing_for(army, tok.i, tok.i + 1))
            continue
        if (self_named := _calling_itself(tok, named)) is not None:
            found.append(_standing_for(self_named, _determiner_start(tok), tok.i + 1))
            continue
        if (apposed := _apposed_name(tok, named)) is not None:
            # "the ADF, an armed group that has fought the army": the group is the ADF
            found.append(_standing_for(apposed, tok.left_edge.i, tok.i + 1))
            continue
        lemma = tok.lemma_.lower()
        wanted = DESCRIBED_BY.get(lemma)
        if lemma in PEOPLE_OF and (kind := _kind_modifier(tok)) is not None:
            wanted = DESCRIBED_BY[kind]  # "the gang members": the gang's people
        if wanted is None or (det := definite(tok)) is None or not _right_number(tok, lemma):
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
        earlier = _not_in_clause(view, tok, earlier, named)  # "X attacked the group": not X
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


def _calling_itself(noun: Any, named: list[Cand]) -> Cand | None:
    """The name a body's description gives itself: "a group calling itself the Eastern
    Front", "the militia, which calls itself X", "the group that has waged an insurgency
    since 2017, which calls itself X" (the clause hung on the year by the parser: a year
    names nobody, so the reflexive is the nearest collective noun's above it)."""
    if noun.lemma_.lower() not in COLLECTIVE or noun.tag_ != "NN":
        return None
    for tok in noun.doc[noun.i + 1 : noun.sent.end]:
        if tok.dep_ not in ("acl", "relcl") or not self_naming(tok):
            continue
        if _antecedent(tok).i != noun.i:
            continue
        name = next((c for c in tok.children if c.dep_ in ("oprd", "xcomp", "attr")), None)
        if name is None:
            return None
        return next((c for c in named if c.start <= name.i < c.end), None)
    return None


# Kind nouns an apposition describes a body's name by: "X, an armed group", "X, a loose
# coalition of local militias", "X, the militant group".
APPOSED_KINDS = COLLECTIVE - {"council", "committee", "union", "league", "party"}


def _apposed_name(noun: Any, named: list[Cand]) -> Cand | None:
    """The name an apposition of a kind noun describes: "the Ambazonia Defence Forces, an
    armed group that has fought the army since 2017" (the group, and so the relative clause's
    subject, is the ADF), "X, a loose coalition of village militias", "X, the militant group".
    Not a person's name, nor a description with a name of its own ("X, the Y group")."""
    if noun.dep_ != "appos" or noun.tag_ != "NN" or noun.lemma_.lower() not in APPOSED_KINDS:
        return None
    if any(c.dep_ in ("compound", "nmod", "poss") and c.pos_ == "PROPN" for c in noun.children):
        return None
    name = next((c for c in named if c.start <= noun.head.i < c.end), None)
    return name if name is not None and _may_be_group(name) else None


def _not_in_clause(
    view: DocView, noun: Any, earlier: dict[str, Cand], named: list[Cand]
) -> dict[str, Cand]:
    """Bodies a description may stand for, less the one that is another side of its clause:
    the subject of the verb whose object the description is is not what it means ("the EMC
    attacked the group": not the EMC). Only sides of the verb itself count: "the EMC said the
    group would retaliate" is two clauses, and "uses 'X' for the group" names X."""
    if noun.dep_ not in CORE_DEPS:
        return earlier
    here, clause = view.sent_index[noun.i], _clause_of(noun)
    own = {
        plain_key(c.name)
        for c in named
        if c.start < noun.i
        and view.sent_index[c.start] == here
        and (side := view.doc[c.start : c.end].root).dep_ in CORE_DEPS
        and side.dep_ != noun.dep_
        and _clause_of(side) == clause
    }
    return {key: c for key, c in earlier.items() if key not in own}


# The sides of a verb itself: its subject and its object.
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _clause_of(tok: Any) -> int:
    """The verb whose clause holds ``tok`` (its nearest verb above), or the root."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return int(head.i)


def _antecedent(clause: Any) -> Any:
    """The collective noun a clause of self-naming describes: its head, or the nearest one
    above a head that names nobody (a year, a place)."""
    head = clause.head
    while head.lemma_.lower() not in COLLECTIVE and head.head.i != head.i:
        head = head.head
    return head


def _kind_modifier(noun: Any) -> str | None:
    """The one kind noun modifying a plural noun of a body's people: "the gang members"
    (gang), "the rebel fighters" (rebel); None with no kind or two ("the rebel militia
    fighters" names no one kind)."""
    if noun.tag_ != "NNS":
        return None
    kinds = [c.lemma_.lower() for c in noun.children
             if c.dep_ in ("compound", "amod") and c.i < noun.i and c.text.islower()
             and c.lemma_.lower() in DESCRIBED_BY and c.lemma_.lower() not in PERSON_KINDS]  # fmt: skip
    return kinds[0] if len(kinds) == 1 else None


def _determiner_start(noun: Any) -> int:
    """Where the description starts: its determiner ("a group", "the militia")."""
    return min([noun.i, *(c.i for c in noun.children if c.dep_ == "det")])


def _standing_for(prior: Cand, start: int, end: int) -> Cand:
    return Cand(start, end, prior.label, prior.name, affiliation=prior.affiliation,
                kb_id=prior.kb_id, kb_type=prior.kb_type)  # fmt: skip


def _may_be_group(c: Cand) -> bool:
    """A name that may be a group's: the KB's type when it has one, else the model's label
    (which often calls an unknown group's short name a place, "M23")."""
    if c.kb_type is not None:
        return c.kb_type not in ("person", "country")
    return c.label not in ("PERSON", "GPE")


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


def referent_of(index: Any, token: Any) -> Mention | None:
    """The named actor a side told by a description or a pronoun stands for, else None.

    ``index`` is the document's :class:`~eventwire.extract.actorspans.MentionIndex` and
    ``token`` the head of the side ("the group", "the faction", "its", "they", "the ADF, an
    armed group"). The reading is the mention pass's (:func:`definite_descriptions`) and the
    pronoun pass's (:mod:`eventwire.extract.pronouns`); this only says whether it ends at a
    named actor: an unnamed group ("the attackers", "villagers"), a pronoun with no
    antecedent, or a description two bodies fit gives None, so that a caller reading an
    event's or a relation's side leaves the side open rather than guess."""
    filler = index.filler(token)
    if filler is None:
        return None
    mention = index.mention(filler.span)
    if (
        mention is None
        or mention.label == GROUP_LABEL
        or (mention.group or "").startswith("group:")
    ):
        return None
    return mention if has_capital(mention.normalized or "") else None


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
