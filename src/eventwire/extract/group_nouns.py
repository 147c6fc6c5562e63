"""Unnamed groups: common nouns naming a group of people ("police", "gunmen",
"dozens of workers", "Syrian rebels"), with their nationality when the text gives one,
and people at large counted apart ("seven people" ... "5,000 people").
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.docview import DocView
from eventwire.extract.eventlinks import describing
from eventwire.extract.mention_candidates import PEOPLE_HEADS
from eventwire.extract.namephrases import (
    ARMED_NOUNS,
    Cand,
    is_acronym,
    named_owner_after,
    sent_forces,
    state_forces_cand,
    taken_tokens,
)
from eventwire.extract.notactors import (
    DOUBT_WORDS,
    NUMBER_WORDS,
    stance_objects,
)
from eventwire.extract.quoted_names import quoted_label
from eventwire.knowledge.ontology import Ontology
from eventwire.knowledge.wordcase import WordCase
from eventwire.model import GROUP_LABEL

_OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})


def group_nouns(
    view: DocView, cands: list[Cand], kb: Any, onto: Ontology, words: WordCase, is_place: Any
) -> list[Cand]:
    """Common nouns naming a group of people, with their nationality when the text gives one."""
    doc = view.doc
    taken = taken_tokens(len(doc), cands)
    found: list[Cand] = []
    sets: list[tuple[Cand, str, bool]] = []  # (candidate, set kind, singular)
    for tok in view.tokens:
        if (
            taken[tok.i]
            or tok.pos_ not in ("NOUN", "PROPN")
            or (tok.ent_type_ in ("PERSON", "ORG", "GPE") and not lone_common_word(tok, words))
        ):
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        two = (
            prev is not None
            and not taken[prev.i]
            and onto.actor_kind(f"{prev.lower_} {tok.lower_}")
        )
        if not two and not onto.actor_kind(tok.lower_):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if quoted_label(tok):
            continue  # 'the governor called the group "bandits"': a label, no new group
        if nxt is not None and nxt.dep_ == "compound" and nxt.head.i != tok.i:
            continue  # "police station", "army base": a modifier, not an actor
        if tok.dep_ == "compound":
            continue
        affiliation = None
        owned = False
        place = None  # "Hubli police", "the Gujarat police": the force of a town or state
        people = None  # "Kurdish forces": the forces of a people with no state of its own
        stance = stance_objects(tok) or set()  # "pro-Turkish factions": not Turkey's
        for child in tok.children:
            if child.dep_ not in _OWNER_DEPS or child.i > tok.i or child.i in stance:
                continue
            if child.lower_ in DOUBT_WORDS:
                continue  # "Suspected Fulani herders": a doubt, no owner
            iso3 = kb.country_by_demonym(child.text)
            if iso3:
                affiliation = iso3
            elif _people_adjective(child, taken, kb) or _creed_word(child, tok, taken, kb, onto):
                people = child
            elif (child.dep_ == "compound" and child.pos_ == "PROPN" and not taken[child.i]
                  and child.ent_type_ in ("", "GPE", "LOC", "NORP") and not is_acronym(child)
                  and onto.actor_kind(tok.lower_) == "state"):  # fmt: skip
                place = child
            elif (
                child.dep_ == "poss"
                or child.pos_ == "PROPN"
                or child.ent_type_
                or is_acronym(child)
            ):
                # "Haftar's forces", "Houthi fighters", "ONLF fighters": the role filler decides
                owned = True
        if owned or sent_forces(tok) or named_owner_after(tok, taken, is_place):
            continue
        affiliation = affiliation or _country_after(tok, kb)
        civilian = onto.actor_kind(tok.lower_) == "civilian"  # people at large, counted apart
        start = min(
            (
                c.i
                for c in tok.children
                if c.dep_ in ("amod", "compound")
                and c.i < tok.i
                and (c.tag_ not in ("VBN", "VBG", "VBD") or c.lower_ == "armed")
                and c.lower_ not in DOUBT_WORDS
                and not (civilian and _unnaming_word(c))
            ),
            default=tok.i,
        )  # fmt: skip; not "absorbed army units", nor "the right people"
        if stance:
            start = max(start, max(stance) + 1)  # the name is what the stance qualifies
        if two:
            start = min(start, tok.i - 1)
        if any(taken[start : tok.i + 1]):
            start = tok.i
        noun = tok.lemma_.lower()
        if people is not None:  # "Syrian Kurdish forces": a people's, not Syria's forces
            affiliation, noun = None, f"{people.lower_} {noun}"  # one group per people
        if place is not None:
            start = min(start, min(t.i for t in place.subtree))
            noun = f"{doc[start : tok.i].text.lower()} {noun}"  # one force per town
        name = doc[start : tok.i + 1].text
        if (patron := _patron_compound(tok)) is not None and start > patron[0]:
            # "Iran-backed militias", "Moscow-aligned units": the patron names them
            # apart from other factions ("US-backed factions" are others); the patron's
            # own words stay outside the span, a backer of its own
            patron_words = doc[patron[0] : patron[1]].text
            name, noun = f"{patron_words} {name}", f"{patron_words.lower()} {noun}"
        found.append(
            Cand(
                start,
                tok.i + 1,
                GROUP_LABEL,
                name,
                affiliation=affiliation,
                group_hint=f"group:{noun}:{affiliation or ''}",
            )
        )
        sets.append((found[-1], _set_kind(tok, onto), tok.tag_ == "NN"))
        for i in range(start, tok.i + 1):
            taken[i] = True
    split_sets(sets)
    # "Syrian rebels ... the rebels": a bare noun takes the one nationality the document gives it.
    nationalities: dict[str, set[str]] = {}
    for c in found:
        if c.affiliation and c.group_hint:
            nationalities.setdefault(c.group_hint.split(":")[1], set()).add(c.affiliation)
    for c in found:
        lemma = c.group_hint.split(":")[1] if c.group_hint else ""
        if c.affiliation is None and len(nationalities.get(lemma, ())) == 1:
            c.affiliation = next(iter(nationalities[lemma]))
            parts = (c.group_hint or "").split(":")
            c.group_hint = ":".join([*parts[:2], c.affiliation, *parts[3:]])
    # "Malian armed forces", "soldiers from Chad": the state's armed forces, not a group
    return [
        state_forces_cand(kb, c.affiliation, c.start, c.end)
        if c.affiliation and doc[c.end - 1].lower_ in ARMED_NOUNS
        else c
        for c in found
    ]


# Words that count or set apart the people a noun names: "several people", "other men".
_SET_WORDS = frozenset(
    ["several", "many", "some", "other", "few", "numerous", "dozens", "scores", "hundreds",
     "thousands", "tens", "millions"]
) | NUMBER_WORDS  # fmt: skip


# Words of judgement that say how the writer sees people, not who they are: "the right
# people to talk to", "a forthright woman", "not a single person".
_JUDGEMENT_WORDS = frozenset(
    ["right", "wrong", "good", "bad", "best", "worst", "strong", "weak", "capable",
     "talented", "intelligent", "forthright", "single", "ordinary", "certain", "such",
     "mere", "same", "various", "so-called", "many", "few", "several", "numerous",
     "countless", "enough"]
)  # fmt: skip


def _unnaming_word(word: Any) -> bool:
    """A modifier that is no part of the name of people at large (the ontology's
    civilians, whose counted sets stay apart by :func:`split_sets`): a quantity ("fewer
    people", "five crore people", "most residents") or a judgement ("the right people",
    "a forthright woman"); "armed residents" and "Muslim villagers" keep theirs, so the
    people are named for who they are, not for how many or how good."""
    return (
        word.lower_ in _JUDGEMENT_WORDS
        or word.lower_ in NUMBER_WORDS
        or word.tag_ in ("JJR", "JJS", "CD")
    )


def _set_kind(tok: Any, onto: Ontology) -> str:
    """How a noun of people at large (the ontology's civilians) delimits its people:
    "counted" with a number, a quantifier or "other" ("seven people", "dozens of
    civilians", "other men"), "single" for one person with "a"/"an" ("an elderly
    farmer"), "definite" for "the villagers", "these men", else "" (bare: "people")."""
    if onto.actor_kind(tok.lower_) != "civilian":
        return ""
    head = tok.head
    if any(
        c.dep_ == "nummod" or (c.dep_ in ("amod", "det", "compound") and c.lower_ in _SET_WORDS)
        for c in tok.children
    ) or (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.like_num or head.head.lower_ in _SET_WORDS)
    ):
        return "counted"
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if tok.tag_ == "NN" and dets & {"a", "an"}:
        return "single"
    return "definite" if dets & {"the", "these", "those", "this", "that"} else ""


def split_sets(sets: list[tuple[Cand, str, bool]]) -> None:
    """People at large counted apart are apart: "seven people were hurt ... 5,000 people
    marched" are two groups, and "an elderly farmer" is not "the farmers" of another
    paragraph. Each counted or single mention opens a set of its own; a definite mention
    ("the people", "the farmer") points back to the last set of its noun and number
    before it; a bare one ("people were urged to keep off the roads") and a definite one with
    no set before it stay in the document's one group of that noun, as before."""
    last: dict[tuple[str, bool], str] = {}
    for c, kind, singular in sets:
        base = c.group_hint or ""
        if kind in ("counted", "single"):
            c.group_hint = last[(base, singular)] = f"{base}:{c.start}"
        elif kind == "definite" and (base, singular) in last:
            c.group_hint = last[(base, singular)]


# Participles a patron's name is hyphenated to: "Turkish-backed", "Ankara-aligned".
PATRON_PARTICIPLES = frozenset({"backed", "supported", "aligned", "funded", "armed", "led"})


def _patron_compound(tok: Any) -> tuple[int, int] | None:
    """Tokens [start, end) of "<Name>-backed" (or -supported, -aligned, -funded, -armed,
    -led) modifying ``tok``, else None."""
    doc = tok.doc
    for c in tok.children:
        if c.i < tok.i and c.dep_ == "amod" and c.lower_ in PATRON_PARTICIPLES:
            name = [g for g in c.children if g.i < c.i and g.dep_ in ("npadvmod", "compound")]
            if name and doc[c.i - 1].text == "-" and name[0].text[:1].isupper():
                return min(t.i for t in name[0].subtree), c.i + 1
    return None


def _creed_word(word: Any, noun: Any, taken: list[bool], kb: Any, onto: Ontology) -> bool:
    """A capitalised word of creed or ideology just before armed men, which the tagger
    reads as a proper noun or a people: "Maoist rebels", "Jihadist fighters", "four
    suspected Maoist rebels". It describes the men, it names no body: the group is the
    whole noun phrase, not a mention "Maoist" of its own (an owner, as "Houthi fighters"
    are the Houthis'). Not a name the KB knows, nor a word before another noun ("Maoist
    landmine")."""
    return (
        word.dep_ in ("compound", "amod")
        and word.i == noun.i - 1
        and not taken[word.i]
        and onto.actor_kind(noun.lower_) == "armed"
        and describing(word)
        and kb.lookup(word.text) is None
    )


def _people_adjective(tok: Any, taken: list[bool], kb: Any) -> bool:
    """An adjective naming a people that has no state of its own and no name of the KB
    ("Kurdish forces", "Tuareg fighters"): the group is named by it, not owned by it."""
    if taken[tok.i] or kb.lookup(tok.text) is not None:
        return False
    if tok.dep_ == "amod" and tok.pos_ == "ADJ" and tok.ent_type_ == "NORP":
        return True
    # a people the model took for a person: "Tuareg fighters", "Karen villagers"
    return (
        tok.ent_type_ == "PERSON"
        and tok.dep_ in ("compound", "amod")
        and tok.head.lemma_.lower() in PEOPLE_HEADS
        and (tok.i == 0 or tok.doc[tok.i - 1].ent_type_ != "PERSON")
        and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].i == tok.head.i)
    )


def lone_common_word(tok: Any, words: WordCase) -> bool:
    """A one-word entity that is a common word ("Farmer killed in the village"): the
    tagger's name is junk, the noun may still name people."""
    doc = tok.doc
    alone = tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    return alone and words.is_common_lowercase_word(tok.text)


def _country_after(tok: Any, kb: Any) -> str | None:
    """ISO3 of "<noun> of/from <country>" ("soldiers from Chad")."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE":
                    entry = kb.lookup(pobj.text)
                    if entry is not None and entry.type == "country":
                        return entry.country
    return None
