"""Names the tagger does not see whole, built from the constructions that make them.

* a name after a title qualified by the body it serves ("UN Envoy Smith");
* a noun phrase an alias cue describes ("the UN mission in DR Congo, known as MONUSCO");
* coalitions and alliances named with their modifiers ("the Saudi-led coalition");
* a state's armed forces, an actor apart from the state ("Rwandan soldiers", "Congo's
  army", "the Ethiopian Air Force");
* a short country name inside a longer one the document writes ("Democratic Republic of
  Congo ... Congo's army");
* a name of armed people the model took for a place ("M23 rebels"; "the rebels" and "the
  group" pointing back to it are :mod:`eventwire.extract.descriptions`);
* people who are not actors of their own: forces a subject sends ("Chad has sent special
  forces"), fighters of a named group ("fighters of the Kivu rebel group");
* a lone given name of the one full name that begins with it ("Abiy Ahmed ... Abiy").

Candidates are token spans of one document with a name, a label and maybe a KB entry;
:mod:`eventwire.extract.mentions` groups them into mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.extract.aliases import described_noun
from eventwire.extract.docview import DocView
from eventwire.extract.kind_words import institution_name
from eventwire.extract.titles import is_title, strip_titles
from eventwire.knowledge.wordcase import WordCase
from eventwire.text.names import initials, plain_key


@dataclass
class Cand:
    """A candidate actor name: tokens [start, end) of one document."""

    start: int  # token index
    end: int
    label: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    group_hint: str | None = None  # fixed group ("aff:EGY") for demonyms and metonyms
    kb_id: str | None = None
    kb_type: str | None = None


class CountriesOfDocument:
    """The KB as one document reads it: a short country name that is a word of a longer one
    the document also writes means that country ("DR Congo ... Congo's army": the DRC,
    not the Republic of the Congo). Everything else is the KB's."""

    def __init__(self, kb: Any, doc: Any) -> None:
        self._kb = kb
        self._short: dict[str, Any] = {}
        for ent in doc.ents:
            name = re.sub(r"^the\s+", "", kb.keys.surface(ent.text), flags=re.IGNORECASE)
            entry = kb.lookup(name) if ent.label_ == "GPE" else None
            if entry is None or entry.type != "country" or len(ent) < 2:
                continue
            for word in ent:
                other = kb.lookup(word.text) if word.text[:1].isupper() else None
                if other is not None and other.type == "country" and other.id != entry.id:
                    self._short.setdefault(plain_key(word.text), entry)

    def lookup(self, name: str) -> Any:
        return self._short.get(self._kb.keys.plain(name)) or self._kb.lookup(name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._kb, attr)


# Nouns naming a state's armed forces: with a demonym or a country's possessive they are
# an actor apart from the country ("the Rwandan army", "Israeli troops", "Congo's army").
ARMED_NOUNS = frozenset(
    ["forces", "troops", "military", "army", "soldiers", "soldier", "navy", "jets", "warplanes",
     "warships"]
)  # fmt: skip


# A state's armed service named by its demonym: "the Ethiopian Air Force", "the Malian
# Army". One of the state's armed forces, read as them (a service's own KB entry wins).
ARMED_BRANCH = re.compile(
    r"^([A-Z][a-z]+) (?:Air Force|Navy|Army|Armed Forces|Military|Defen[cs]e Forces?)$"
)


def armed_branch_country(text: str, kb: Any) -> str | None:
    """The ISO3 of the state whose armed forces or branch a name is: a demonym or a
    country's name before the branch ("the Ethiopian Air Force", "the Kenya Defence
    Forces", "the Uganda Army"); else None ("the Free Syrian Army", "the Arakan Army")."""
    branch = ARMED_BRANCH.match(text)
    if branch is None:
        return None
    if iso3 := kb.country_by_demonym(branch.group(1)):
        return str(iso3)
    entry = kb.lookup_exact(branch.group(1))
    return str(entry.country) if entry is not None and entry.type == "country" else None


# The name given to a state's forces that no KB entry names (:func:`state_forces`).
STATE_FORCES_NAME = re.compile(r"^Armed forces of [A-Z]")


def state_forces(kb: Any, iso3: str) -> tuple[str, Any]:
    """A country's armed forces: the KB's entry known as its "<demonym> army" or "<demonym>
    military" when there is one, else one name per country ("Armed forces of Rwanda"), so
    that every article's "Rwandan soldiers" and "Rwandan army" are one actor."""
    demonyms = [w for w in kb.demonym_words() if kb.country_by_demonym(w) == iso3]
    for form in (f"{d} {n}" for d in demonyms for n in ("army", "military", "armed forces")):
        entry = kb.lookup_exact(form)
        if entry is not None and entry.type != "country":
            return entry.name, entry
    country = kb.country(iso3)
    return f"Armed forces of {country.name if country else iso3}", None  # STATE_FORCES_NAME


def state_forces_cand(kb: Any, iso3: str, start: int, end: int) -> Cand:
    name, entry = state_forces(kb, iso3)
    return Cand(start, end, "ORG", name, affiliation=iso3, kb_id=entry.id if entry else None,
                 kb_type=entry.type if entry else None)  # fmt: skip


# --- names after a qualified title ("UN Envoy Smith") ------------------------------


def titled_names(view: DocView, cands: list[Cand], word_case: WordCase) -> list[Cand]:
    """A capitalised title, maybe qualified by the body it serves, before a name the tagger
    missed or took for part of an organisation: "UN Envoy Smith" is Smith, role "UN Envoy";
    the body's acronym there is part of the role, not an actor of the sentence."""
    doc = view.doc
    taken = {i: k for k, c in enumerate(cands) for i in range(c.start, c.end)}
    found: list[Cand] = []
    drop: set[int] = set()
    for tok in view.tokens:
        i = tok.i
        if i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or i == 0:
            continue
        if found and found[-1].start <= i < found[-1].end:
            continue
        if not doc[i - 1].text[:1].isupper():
            continue  # no capitalised title word right before (asked below for every j)
        if is_title(tok.text):
            continue  # a title after a title ("Ranger Sergeant Ana Ruiz") names nobody
        end = i + 1
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN":
            end += 1
        for j in range(max(0, i - 4), i):
            if not doc[j].text[:1].isupper():
                continue  # a title and its body are capitalised: not "loyal to General X"
            words = doc[j:i].text
            name, role = strip_titles(f"{words} {doc[i:end].text}")
            if (
                role
                and name == doc[i:end].text
                and doc[i - 1].text[:1].isupper()
                and not word_case.is_common_lowercase_word(doc[i].text)  # "UN General Assembly"
            ):
                found.append(Cand(i, end, "PERSON", name, role=role))  # the name, no title
                drop.update(taken[k] for k in range(j, i) if k in taken)
                break
    kept = [c for k, c in enumerate(cands) if k not in drop]
    return kept + found


# --- a described noun phrase named by an alias cue ------------------------------------


def described_nouns(view: DocView, cands: list[Cand], kb: Any) -> list[Cand]:
    """ "The UN mission in DR Congo, known as MONUSCO": the noun phrase the cue describes
    is a name of the actor the cue names (the country inside it is no actor there)."""
    doc = view.doc
    found: list[Cand] = []
    for tok in view.tokens:
        if tok.lower_ not in ("known", "called", "nicknamed", "dubbed"):
            continue
        span = described_noun(doc, tok)
        if span is None or any(c.start < span[0] < c.end for c in cands):
            continue
        name = doc[span[0] : span[1]].text
        entry = kb.lookup(name)
        found.append(Cand(span[0], span[1], "ORG", name, kb_id=entry.id if entry else None,
                           kb_type=entry.type if entry else None))  # fmt: skip
    if not found:
        return cands
    kept = [c for c in cands if not any(f.start <= c.start and c.end <= f.end for f in found)]
    return kept + found


# --- coalitions and alliances ---------------------------------------------------------

COALITION_NOUNS = frozenset(["coalition", "alliance"])


def coalitions(view: DocView, cands: list[Cand], kb: Any) -> list[Cand]:
    """A coalition or alliance is one actor, named with its modifiers: "the Saudi-led
    coalition", "a Western alliance", "the Three Brotherhood Alliance". A name or demonym
    inside it ("Saudi", "Western") is no actor of its own there. A bare "the coalition"
    after one is named is that one (a definite noun phrase pointing back)."""
    doc = view.doc
    found: list[Cand] = []
    drop: set[int] = set()
    for tok in view.tokens:
        if tok.lower_ not in COALITION_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            continue  # "coalition forces", "alliance members": a modifier
        named = [c for c in cands if c.start <= tok.i < c.end and c.group_hint is None]
        if named and named[0].end == tok.i + 1 and " " in named[0].name:
            # the tagger already has it: "Three Brotherhood Alliance"; with a lowercase
            # noun after the name ("Harbour Boys gang coalition"), the name alone
            trimmed = _name_before_noun(doc, named[0], kb)
            if trimmed is not None:
                drop.update(k for k, c in enumerate(cands) if c is named[0])
            found.append(trimmed or named[0])
            continue
        mods = [
            c
            for c in tok.children
            if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod")
        ]
        start = min((t.i for c in mods for t in c.subtree), default=tok.i)
        while start < tok.i and (doc[start].dep_ in ("det", "predet") or doc[start].is_punct):
            start += 1
        if start == tok.i:
            before = [c for c in found if c.end <= tok.i and c.name.lower().endswith(tok.lower_)]
            if before and any(d.lower_ == "the" for d in tok.children):
                prior = before[-1]
                found.append(Cand(tok.i, tok.i + 1, "ORG", prior.name, kb_id=prior.kb_id,
                                   kb_type=prior.kb_type))  # fmt: skip
            continue
        if _named_by_its_name(doc, cands, start, tok.i):
            continue  # "the Viv Ansanm alliance": the name is the actor's, as "the M23 group"
        proper = _proper_run(doc, start, tok.i, kb)
        if proper is not None:  # the same when no candidate has the name yet
            found.append(proper)
            continue
        name = doc[start : tok.i + 1].text
        name = name[:1].upper() + name[1:]
        entry = kb.lookup(name)
        found.append(
            Cand(
                start,
                tok.i + 1,
                "ORG",
                name,
                kb_id=entry.id if entry else None,
                kb_type=entry.type if entry else None,
            )
        )
        for k, c in enumerate(cands):
            if c.start < tok.i + 1 and start < c.end:
                drop.add(k)
    kept = [c for k, c in enumerate(cands) if k not in drop]
    taken = {i for c in kept for i in range(c.start, c.end)}
    return kept + [c for c in found if not any(i in taken for i in range(c.start, c.end))]


def _name_before_noun(doc: Any, cand: Cand, kb: Any) -> Cand | None:
    """The capitalised name of a tagged name ending in lowercase kind words and a
    coalition noun ("Harbour Boys gang coalition": "Harbour Boys"), else None."""
    last = max((i for i in range(cand.start, cand.end) if not doc[i].is_lower), default=None)
    if last is None or last == cand.end - 1 or doc[last].lower_ in ("the", "a", "an"):
        return None
    if (
        not all(t.is_alpha for t in doc[last + 1 : cand.end])
        or "-" in doc[cand.start : last + 1].text
    ):
        return None  # "the Saudi-led coalition"
    start = cand.start + (doc[cand.start].lower_ == "the")
    return _own_name(start, last + 1, cand.label, doc[start : last + 1].text, kb)


def _proper_run(doc: Any, start: int, noun: int, kb: Any) -> Cand | None:
    """The proper nouns opening the modifiers of a lowercase coalition noun, with only
    lowercase words after them ("the Harbour Boys gang coalition": "Harbour Boys"); None
    for a country's or a people's word ("a Western alliance") or a "-led" phrase."""
    end = start
    while end < noun and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    if end == start or not doc[noun].is_lower:
        return None
    if not all(t.is_lower and t.is_alpha for t in doc[end:noun]):
        return None
    return _own_name(start, end, "ORG", doc[start:end].text, kb)


def _own_name(start: int, end: int, label: str, name: str, kb: Any) -> Cand | None:
    """The candidate of a coalition's own name, with its KB entry if any; None for a
    country's or a people's word ("a Western alliance", "the Sudan alliance": no name of
    its own)."""
    entry = kb.lookup(name)
    if kb.country_by_demonym(name) or (entry is not None and entry.type == "country"):
        return None
    return Cand(start, end, label, name, kb_id=entry.id if entry else None,
                kb_type=entry.type if entry else None)  # fmt: skip


def _named_by_its_name(doc: Any, cands: list[Cand], start: int, noun: int) -> bool:
    """A lowercase coalition noun after an actor's own name, maybe with lowercase kind words
    between ("the Harbour Boys alliance", "the Harbour Boys gang coalition"): the name
    names the actor and the noun only describes it. Not a country, a people or a place
    ("a Western alliance", "the Saudi-led coalition" are coalitions of their own)."""
    if not doc[noun].is_lower:
        return False  # "the Three Brotherhood Alliance": part of the name
    named = [c for c in cands if c.start == start and c.end < noun + 1]
    if not named or named[0].group_hint is not None or named[0].affiliation:
        return False
    if named[0].label not in ("ORG", "PERSON") or named[0].kb_type == "country":
        return False
    return all(t.is_lower and t.is_alpha for t in doc[named[0].end : noun])


# --- armed groups and people named in part ----------------------------------------


ARMED_PEOPLE = frozenset(
    ["rebel", "fighter", "militia", "militiaman", "militant", "insurgent", "guerrilla",
     "jihadist", "gunman", "gang"]
)  # fmt: skip


# Nouns of an organised body a name may modify: "the M23 group", "the Kivu movement".
BODY_NOUNS = frozenset(["group", "movement", "faction", "brigade", "battalion"])


def names_armed_group(ent: Any) -> bool:
    """The name modifies a noun of armed people, a group noun such people modify, or a
    noun of an organised body: "M23 rebels", "the M23 rebel group", "the M23 group" (a
    name the model took for a place; the caller checks the gazetteer does not know it)."""
    root = ent.root
    head = root.head
    if root.dep_ not in ("compound", "nmod", "amod") or head.i <= root.i:
        return False
    if head.tag_ == "NN" and head.lemma_.lower() in BODY_NOUNS:
        return True
    words = [head, *(c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i)]
    return any(w.lemma_.lower() in ARMED_PEOPLE for w in words)


# Verbs whose object, a force, is the subject's own: "Chad has sent special forces".
SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "commit", "station"})


def sent_forces(tok: Any) -> bool:
    """Forces sent or deployed by the subject ("and Chad has sent special forces") are
    the sender's own means, not an actor of their own."""
    head = tok.head
    return (
        tok.dep_ == "dobj"
        and (tok.lower_ in ARMED_NOUNS or tok.lemma_.lower() in ARMED_PEOPLE)
        and head.lemma_.lower() in SENDING_VERBS
        and any(c.dep_ == "nsubj" for c in head.children)
    )


# Words after a noun of armed people that tie them to who commands them: "fighters loyal
# to X", "militias allied with X", "gunmen affiliated with X", "insurgents belonging to X".
TIED_WORDS = frozenset(["loyal", "allied", "affiliated", "aligned", "belonging", "linked"])


# Verbs whose "by" agent commands the armed people the participle follows: "troops led
# by X", "fighters commanded by X".
COMMANDED_VERBS = frozenset(["lead", "command", "head"])
COMMAND_NOUNS = frozenset(["command", "leadership", "control"])  # "under the command of X"


def armed_owner(tok: Any) -> Any | None:
    """The owner named after a noun of armed people: "fighters of/from X", "militants loyal
    to X", "gunmen belonging to X", "troops under the command of X" (or "under X's
    command"), "fighters led/commanded by X", "X-led gunmen" (the head word of X), else
    None."""
    for child in tok.children:
        if (lead := _hyphen_leader(child)) is not None:
            return lead
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            return next((t for t in child.children if t.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "under":
            command = next((t for t in child.children if t.dep_ == "pobj"), None)
            if command is not None and command.lemma_.lower() in COMMAND_NOUNS:
                return next((t for t in command.children if t.dep_ == "poss"), None) or next(
                    (p for c in command.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"),
                    None,
                )  # fmt: skip
        if child.dep_ == "acl" and child.lemma_.lower() in COMMANDED_VERBS:
            for agent in child.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    return next((t for t in agent.children if t.dep_ == "pobj"), None)
        if child.lower_ in TIED_WORDS and child.dep_ in ("amod", "acl", "prep", "advcl"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                    pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
                    return pobj if pobj is not None else _name_after(prep)
    return None


def is_acronym(tok: Any) -> bool:
    """A word in capitals of two to six letters ("MILF", "ONLF"): a body's short name,
    whatever the tagger made of it; never a town's whose police or forces it names."""
    return 2 <= len(tok.text) <= 6 and tok.text.isalpha() and tok.text.isupper()


def _hyphen_leader(child: Any) -> Any | None:
    """X in a hyphened "X-led" or "X-commanded" before the noun ("Hamas-led gunmen")."""
    if child.dep_ != "amod" or child.lemma_.lower() not in COMMANDED_VERBS or child.i == 0:
        return None
    if child.doc[child.i - 1].text != "-":
        return None
    return next(
        (c for c in child.children if c.i < child.i and c.dep_ in ("npadvmod", "compound", "nmod")),
        None,
    )


def _name_after(prep: Any) -> Any | None:
    """The last word of the proper name right after a preposition the parser left without
    its object ("loyal to Omar Tarek attacked", the name taken for the verb's subject)."""
    doc, last = prep.doc, None
    for i in range(prep.i + 1, len(doc)):
        if doc[i].pos_ != "PROPN":
            break
        last = doc[i]
    return last


def named_owner_after(tok: Any, taken: list[bool], is_place: Any) -> bool:
    """ "Fighters of the Kivu rebel group", "militiamen of the Azawad Front", "gunmen
    loyal to the Azawad Front": people of a named group, whom the role filler reads as
    that group's forces ("workers of a company", "residents of a village" stay people of
    their own, and so do "fighters from Kidal", a place). The group is named when a
    candidate covers it or, missed by the model, by a proper noun that is no place."""
    # a capitalised plural after a dateline's dash is tagged a proper noun, its lemma
    # the word itself ("- Fighters of X attacked")
    if (
        tok.lower_ not in ARMED_NOUNS
        and tok.lemma_.lower() not in ARMED_PEOPLE
        and (tok.lower_.removesuffix("s") not in ARMED_PEOPLE)
    ):
        return False
    owner = armed_owner(tok)
    if owner is None:
        return False
    if sworn_to(tok, owner):  # one is loyal to a leader or a body, whatever the tagger says
        return owner.pos_ == "PROPN" or taken[owner.i]
    if owner.ent_type_ in ("GPE", "LOC") or is_place(owner.text):
        return False
    named = [t for t in owner.subtree if t.i > tok.i and (taken[t.i] or (
        t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC")))]  # fmt: skip
    return bool(named)


def sworn_to(tok: Any, owner: Any) -> bool:
    """Whether armed people are tied to ``owner`` by loyalty or command ("fighters loyal to
    X", "troops under the command of X", "fighters led by X"), not by origin ("fighters
    from X", where X may be a town): such an owner is a leader or a body, never a place,
    even when the tagger labels a surname as one."""
    prep = owner.head if owner.dep_ == "pobj" else None
    if prep is not None:
        return prep.lower_ not in ("of", "from") or prep.head.lemma_.lower() in COMMAND_NOUNS
    return owner.i > tok.i  # "under X's command"; a name the parser left without its "to"


def given_names(
    cands: list[Cand], keys: list[str], surnames: dict[str, list[int]]
) -> dict[str, int]:
    """The one full person name of the document each given name belongs to: "Abiy" of
    "Abiy Ahmed". A first word two different full names share ("Vitalii Klitschko",
    "Vitalii Dushevskiy", whatever the model labelled the second), or that is also
    someone's family name, belongs to none."""
    bearers: dict[str, dict[str, int]] = {}
    for i, c in enumerate(cands):
        words = keys[i].split()
        if c.group_hint is None and len(words) > 1:
            bearers.setdefault(words[0], {}).setdefault(keys[i], i)
    return {
        first: i
        for first, names in bearers.items()
        if len(names) == 1
        and first not in surnames
        and lone_person(cands[i := next(iter(names.values()))])
    }


def lone_person(c: Cand) -> bool:
    """A one-word name that may be a person's: the model or the KB says so."""
    return c.kb_type == "person" or (c.kb_type is None and c.label == "PERSON")


# Head words of an organisation's name: "the Azawad Front", "the Mai-Mai Union", "the
# Patriotic Salvation Movement". A name ending in one is a body, never a person.
ORG_HEADS = frozenset(
    ["front", "movement", "army", "brigade", "brigades", "council", "union", "alliance",
     "party", "forces", "coalition", "militia", "battalion", "battalions", "legion", "group",
     "committee", "congress", "league", "organisation", "organization", "federation",
     "assembly", "resistance"]
)  # fmt: skip


# Words that make a name a group's wherever they stand in it: transliterated words for a
# movement, front, battalion, party or province ("Harakat ...", "Jama'at ...", "Daesh
# Sistan", "... Wilayat Sina") and the English words of an armed group's or a branch's
# name ("... Brigade", "... Province", "... Front").
ENGLISH_GROUP_WORDS = frozenset(
    ["province", "brigade", "brigades", "front", "battalion", "battalions", "militia"]
)
GROUP_NAME_WORDS = ENGLISH_GROUP_WORDS | frozenset(
    ["harakat", "harakah", "haraka", "jama'at", "jamaat", "jama'atu", "jamaatu", "jamaah",
     "jabhat", "jaysh", "jaish", "jund", "katibat", "katiba", "kataib", "kata'ib", "liwa", "lashkar",
     "tehreek", "tehrik", "hizb", "daesh", "daish", "wilayat", "wilayah"]
)  # fmt: skip


def names_a_group(tokens: Any) -> bool:
    """A name of two words or more with a group's word in it, capitalised as a name's:
    "Daesh Sistan", "Harakat Nasr al-Din", "Sinai Province" are no person's names."""
    words = [t for t in tokens if t.is_alpha or "'" in t.text]
    return len(words) > 1 and any(
        t.lower_ in GROUP_NAME_WORDS and t.text[:1].isupper() for t in words
    )


# Lowercase links inside a transliterated name, joined by a hyphen to the next word
# ("Nusrat al-Islam wal-Muslimin", "Ahlis Sunna lid-Da'awati", "Harkat-ul-Ansar"), or
# standing alone before it ("Osama bin Laden").
HYPHEN_LINKS = frozenset(
    ["al", "el", "ad", "ud", "ul", "ur", "as", "an", "ar", "at", "ash", "az", "wal", "wa",
     "lil", "lid", "li", "bil", "fil", "min", "e", "i"]
)  # fmt: skip
WORD_LINKS = frozenset(["bin", "ibn", "bint"])


def linked_end(doc: Any, end: int) -> int:
    """The end of a transliterated name cut before its links: "Jama'at Nusrat" tagged, then
    "al-Islam wal-Muslimin" -> the end after "Muslimin". A link is a lowercase word
    joined by a hyphen to a capitalised one ("wal-Muslimin"), or "bin"/"ibn" before one."""
    while end + 1 < len(doc):
        link = doc[end]
        if (
            link.lower_ in HYPHEN_LINKS
            and link.text.islower()
            and end + 2 < len(doc)
            and doc[end + 1].text == "-"
            and not link.whitespace_
            and not doc[end + 1].whitespace_
            and doc[end + 2].text[:1].isupper()
        ):
            end += 3
        elif link.lower_ in WORD_LINKS and link.text.islower() and doc[end + 1].text[:1].isupper():
            end += 2
        else:
            break
    return end


def group_word_before(doc: Any, start: int) -> int:
    """The start of a group's name the tagger cut after its first word, a group's word:
    "Daesh Sistan" tagged from "Sistan" on -> the start of "Daesh"."""
    if start > 0:
        prev = doc[start - 1]
        english = prev.lower_ in ENGLISH_GROUP_WORDS  # "Front lines": a sentence's first word
        if (
            prev.lower_ in GROUP_NAME_WORDS
            and prev.text[:1].isupper()
            and not (english and prev.is_sent_start)
        ):
            return start - 1
    return start


# Particles inside a name written in lower case ("Al Shabaab", "al-Shabaab", "Abu Sayyaf").
_LEAD_PARTICLES = frozenset(["al", "el", "ad", "as", "an", "ar", "at", "bin", "ibn", "-"])


def lead_name(view: DocView, cands: list[Cand], word_case: WordCase) -> list[Cand]:
    """A name opening the lead right after a dateline or outlet prefix that the tagger
    missed, as the words glued to the prefix blur its parse: "Harbour Daily Mail -- Al
    Nasr has claimed ...", "KASSALA (Wire) - Jund Sabr said ...". The capitalised words
    (with name particles) from the body's first word up to a lowercase one, read as the
    lead's subject, with at least one word that is no common English word."""
    zone = view.zones.dateline
    if zone is None:
        return []
    doc = view.doc
    start = next((t.i for t in view.tokens if t.idx >= zone[1]), None)
    if start is None:
        return []
    end = start
    while end < len(doc) and (
        (doc[end].text[:1].isupper() and (doc[end].is_alpha or "'" in doc[end].text))
        or (end > start and doc[end].lower_ in _LEAD_PARTICLES)
    ):
        end += 1
    while end > start and doc[end - 1].lower_ in _LEAD_PARTICLES:
        end -= 1
    words = doc[start:end]
    taken = taken_tokens(len(doc), cands)
    if not len(words) or any(taken[t.i] for t in words):
        return []
    after = doc[end] if end < len(doc) else None
    subject = after is not None and after.pos_ in ("VERB", "AUX") and after.text.islower()
    named = any(
        t.is_alpha
        and t.lower_ not in _LEAD_PARTICLES
        and not word_case.is_common_lowercase_word(t.lower_)
        for t in words
    )
    if not subject or not named:
        return []
    return [Cand(start, end, "ORG", words.text)]


def taken_tokens(length: int, cands: list[Cand]) -> list[bool]:
    """Which tokens of a document the candidates cover."""
    taken = [False] * length
    for c in cands:
        for i in range(c.start, c.end):
            taken[i] = True
    return taken


def names_a_body(tokens: Any) -> bool:
    """The words end in an organisation's head word, capitalised as a name's."""
    last = tokens[-1]
    return len(tokens) > 1 and last.lower_ in ORG_HEADS and last.text[:1].isupper()


def headed_names(view: DocView, cands: list[Cand], kb: Any, word_case: WordCase) -> list[Cand]:
    """Names the model missed that end in an organisation's head word: capitalised words
    before "Front", "Movement", "Union", ... ("Fighters of the Azawad Front attacked",
    "the Mai-Mai Union", a hyphen inside the name kept). At least one capital
    word comes before the head, and one of them is no common English word ("Azawad",
    "Mai"): "Security Forces" or "the Eastern Front" in capitals are left to the model."""
    doc = view.doc
    taken = taken_tokens(len(doc), cands)
    found: list[Cand] = []
    for tok in view.tokens:
        if tok.lower_ not in ORG_HEADS or not tok.text[:1].isupper() or taken[tok.i]:
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if taken[prev.i] or prev.is_space or "\n" in prev.text:
                break
            if prev.text[:1].isupper() and prev.is_alpha and not prev.text.isupper():
                start -= 1
            elif prev.text == "-" and start - 2 >= 0 and doc[start - 2].text[:1].isupper():
                start -= 1  # "Mai-Mai"
            else:
                break
        if start == tok.i or any(
            t.ent_type_ in ("DATE", "TIME", "CARDINAL") for t in doc[start : tok.i]
        ):
            continue
        if all(word_case.is_common_lowercase_word(t.text) for t in doc[start : tok.i]):
            continue  # common words only ("Security Forces", "Eastern Front"): left to the model
        if kb.country_by_demonym(doc[start].text) or kb.is_country_name(doc[start].text):
            continue  # "Malian Forces", "Sudan Army": a state's, read elsewhere
        name = doc[start : tok.i + 1].text
        found.append(Cand(start, tok.i + 1, "ORG", name))
        for i in range(start, tok.i + 1):
            taken[i] = True
    return found


# Head words of a body's name that an "of" phrase completes ("the Communist Party of the
# Kestrel Isles", "the Joint Command of the Armed Forces"). Not "Army" or "Forces": "the
# Armed Forces of X" is a state's forces, read as such elsewhere.
OF_HEADS = frozenset(
    ["party", "command", "committee", "council", "commission", "room", "front", "movement",
     "congress", "assembly", "league", "union", "directorate"]
)  # fmt: skip


def of_complements(doc: Any, cands: list[Cand], kb: Any) -> list[Cand]:
    """A body's name the tagger cut before its "of" phrase: an organisation's name ending in
    a capitalised head word (:data:`OF_HEADS`), then "of" (and maybe "the"), then a
    country's or a body's name that ends the phrase: "the Communist Party" + "of the" +
    "Kestrel Isles" is one body, "Communist Party of the Kestrel Isles"; "the Joint
    Command" + "of the Armed Forces" one. Not after a person's name, not when the phrase
    goes on ("of the Armed Forces of X", "of X's army": the name's end is not seen), not a
    state institution's name ("the National Assembly of X": the institution, with X as
    its country, :func:`~eventwire.extract.bodies.institution_countries`)."""
    by_start = {c.start: c for c in cands}
    out = list(cands)
    for c in cands:
        if c.label != "ORG" or c.end + 1 >= len(doc) or c not in out:
            continue
        # the tagger may keep the "of" ("the Joint Command of" + "the Armed Forces")
        of = c.end - 1 if doc[c.end - 1].lower_ == "of" and c.end - c.start > 2 else c.end
        head = doc[of - 1]
        if head.lower_ not in OF_HEADS or not head.text[:1].isupper() or doc[of].lower_ != "of":
            continue
        other = by_start.get(of + 1)
        if other is None and doc[of + 1].lower_ == "the":
            other = by_start.get(of + 2)
        if other is None or other.label not in ("GPE", "ORG") or other.kb_type == "person":
            continue
        if institution_name(c.name, kb) is not None:
            continue  # "the National Assembly" of a country: its country is read elsewhere
        after = doc[other.end] if other.end < len(doc) else None
        if after is not None and (after.lower_ in ("of", "'s", "’s") or after.text[:1].isupper()):
            continue
        name = f"{doc[c.start + (doc[c.start].lower_ == 'the') : of].text} of "
        name += doc[of + 1 : other.end].text
        joined = _own_name(c.start, other.end, "ORG", name, kb)
        if joined is None:
            continue
        out = [x for x in out if x is not c and x is not other] + [joined]
    return sorted(out, key=lambda x: (x.start, x.end))


# --- names a bracketed acronym completes ("Full Name (ACRONYM)") ---------------------

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_NAME_REACH = 8  # capitalised words of a name the tagger missed before its acronym


def bracketed_names(doc: Any, cands: list[Cand]) -> list[Cand]:
    """Names an acronym in brackets right after them shows whole, where the tagger cut or
    missed them: "the Kestrel Liberation Front of Ghana (KLFG)" tagged as a body and a
    country is one body's name, "of" and the country included (the bracket names what
    stands before it, whose initials need not match: acronyms of another tongue); and
    capitalised words no candidate holds whose initials are the acronym ("members of the
    Russian-led Collective Security Treaty Organization (CSTO)") are an organisation's
    name; a name the tagger ended in "in" or "of", leaving out the country the bracket
    follows ("the X Mission in" + "Ghana (XMG)"), takes the country's words. Not a
    person's name, not a bare country ("in Kenya (KE)")."""
    by_start = {c.start: c for c in cands}
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = list(cands)
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        acronym = doc[tok.i + 1].text
        if not _ACRONYM.match(acronym):
            continue
        place = next((c for c in cands if c.end == tok.i), None)
        cut = next((c for c in cands if place is not None and c.end == place.start), None)
        if cut is not None and cut.label == "ORG" and doc[cut.end - 1].lower_ in ("of", "in"):
            if place is not None and place.label == "GPE":  # the tagger's "X Mission in" + "Ghana"
                merged = Cand(cut.start, place.end, "ORG", f"{cut.name} {place.name}")
                out = [c for c in out if c is not cut and c is not place] + [merged]
            continue
        if place is not None and place.start >= 2 and doc[place.start - 1].lower_ in ("of", "in"):
            body = next((c for c in cands if c.end == place.start - 1), None)
            if body is not None and body.label == "ORG" and place.label == "GPE":
                joint = doc[place.start - 1].lower_  # "the X Mission in Ghana (XMG)"
                merged = Cand(body.start, place.end, "ORG", f"{body.name} {joint} {place.name}")
                out = [c for c in out if c is not body and c is not place] + [merged]
            continue
        if tok.i - 1 in taken or tok.i - 1 < 0:
            continue
        found = _initialled_run(doc, tok.i, acronym, taken)
        if found is not None and found not in by_start:
            out.append(Cand(found, tok.i, "ORG", doc[found : tok.i].text))
    return sorted(out, key=lambda c: (c.start, c.end))


def _initialled_run(doc: Any, end: int, acronym: str, taken: set[int]) -> int | None:
    """First token of the capitalised words right before ``end`` (with "of", "for",
    "and", "the" between them) whose initials are ``acronym``, in no candidate; else
    None."""
    start = end
    while start > 0 and end - start < _NAME_REACH and start - 1 not in taken:
        prev = doc[start - 1]
        if not (prev.is_alpha and (prev.text[:1].isupper() or prev.lower_ in ("of", "for", "and"))):
            break
        start -= 1
        if prev.text[:1].isupper() and initials(doc[start:end].text) == acronym:
            return start
    return None
