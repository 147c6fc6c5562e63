"""Bodies named by their place and a generic noun: "the Sidama regional government", "the
Kestrel prosecutor's office", "Ghana's border service".

A body below the state, or one of the state's services that no name of its own covers,
is written as a place's name (a region, a province, a town, an organisation, a country's
possessive) and the body's common noun in lower case. The tagger then finds only the
place's name, or nothing, so the body is no mention, and the place, which is no actor, may
join a people or a group whose name it resembles (a region "Xa" and a people "Xan"). Read
here as one mention, the place's words included (:func:`placed_bodies`).
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.bodies import POSSESSIVES
from eventwire.extract.kind_words import country_named, institution_name
from eventwire.extract.namephrases import Cand

# The common nouns of a body that a place's name may qualify: "the X regional government",
# "the X prosecutor's office", "the X emirate council", "X's border service".
PLACED_HEADS = frozenset(
    {"government", "office", "council", "service", "department", "command", "agency",
     "directorate", "commission", "committee", "authority", "bureau", "secretariat", "force"}
)  # fmt: skip
# A state's own government is the state ("the Ethiopian government", "Kenya's government").
STATE_HEADS = frozenset({"government"})
# A force is a body only as a branch ("X's air force"); "the Kenyan police force" is police.
FORCE_BRANCHES = frozenset({"air", "naval", "navy"})
# KB kinds that are no place: "the Hamas government", "the Assad government" are read elsewhere.
_NOT_PLACES = frozenset({"person", "armed_group", "political_party", "coalition", "state_forces"})
_MODIFIER_REACH = 4  # lower-case words between the place and the noun: "attorney general's"
_OWNER_REACH = 4  # capitalised words of the place's name


def placed_bodies(doc: Any, cands: list[Cand], kb: Any, word_case: Any) -> list[Cand]:
    """A body written as a place's name, lower-case words and a body's noun
    (:data:`PLACED_HEADS`) is one mention, the place included: "the Sidama regional
    government", "the Kestrel prosecutor's office", "the Harbour range police office",
    "Ghana's border service", "the Togolese border service". Its name is the phrase
    without "the"; a country's possessive or demonym becomes its ``affiliation`` and its
    name is written with the country's name, so both forms are one name. The place
    mention inside it is dropped. Not a state's own government ("the Ethiopian
    government", "Kenya's government": the state), not an institution every state has
    (:func:`~eventwire.extract.bodies.owned_institutions` reads those), not a person's or
    an armed group's ("the Assad government", "the Hamas government"), not a noun
    modifying another ("council members"), not a name of common words alone ("the New
    regional council")."""
    if kb is None:
        return cands
    taken = {i for c in cands for i in range(c.start, c.end)}
    by_end = {c.end: c for c in cands}
    drop: set[int] = set()
    found: list[Cand] = []
    for tok in doc:
        if tok.text not in PLACED_HEADS or tok.pos_ != "NOUN" or tok.i in taken:
            continue
        if _modifies(doc, tok.i + 1):
            continue  # "council members", "the council's decision"
        body_start = _modifiers_start(doc, tok.i, taken)
        if tok.text == "force" and doc[tok.i - 1].lower_ not in FORCE_BRANCHES:
            continue
        owner = _owner(doc, body_start, by_end, taken, word_case)
        if owner is None:
            continue
        start, owner_cand, possessive = owner
        owner_words = doc[start : body_start - (1 if possessive else 0)]
        if owner_words and owner_words[0].lower_ == "the":
            owner_words = owner_words[1:]
        if not len(owner_words):
            continue
        entry = kb.lookup_exact(owner_words.text)
        kind = owner_cand.kb_type if owner_cand is not None else None
        if (entry is not None and entry.type in _NOT_PLACES) or kind in _NOT_PLACES:
            continue
        if owner_cand is not None and (owner_cand.role or _persons(owner_cand, tok, possessive)):
            continue  # "the Abiy Ahmed government", "Prime Minister May's government": a person's
        iso3 = country_named([t.text for t in owner_words], kb)
        body_words = doc[body_start : tok.i + 1].text
        if iso3 is not None and (tok.text in STATE_HEADS or institution_name(body_words, kb)):
            continue
        if iso3 is not None:
            country = kb.country(iso3)
            name = f"{country.name if country is not None else iso3} {body_words}"
        else:
            name = f"{owner_words.text} {body_words}"
        known = kb.lookup_exact(name)
        found.append(Cand(start, tok.i + 1, "ORG", name, affiliation=iso3,
                          kb_id=known.id if known else None,
                          kb_type=known.type if known else None))  # fmt: skip
        if owner_cand is not None:
            drop.add(id(owner_cand))
        taken.update(range(start, tok.i + 1))
    if not found:
        return cands
    found += _short_forms(doc, found, taken)
    return sorted([c for c in cands if id(c) not in drop] + found, key=lambda c: c.start)


def _short_forms(doc: Any, bodies: list[Cand], taken: set[int]) -> list[Cand]:
    """A placed body named again without its place: "the Sidama regional government ...
    the regional government said", "the Kestrel prosecutor's office ... the prosecutor's
    office" -- "the" and the same lower-case words and noun, after the body, when one body
    of the article alone is written with them (two regional governments: neither). The noun
    alone ("the government", "the council") is read elsewhere."""
    by_words: dict[tuple[str, ...], list[Cand]] = {}
    for c in bodies:
        words = _body_words(doc, c)
        if len(words) > 1:
            by_words.setdefault(words, []).append(c)
    out: list[Cand] = []
    for words, named in by_words.items():
        if len({c.name for c in named}) > 1:
            continue  # two bodies so written: the short form is either
        first = min(c.end for c in named)
        n = len(words)
        for i in range(first, len(doc) - n):
            if doc[i].lower_ != "the" or tuple(t.lower_ for t in doc[i + 1 : i + 1 + n]) != words:
                continue
            end = i + 1 + n
            if any(k in taken for k in range(i, end)) or _modifies(doc, end):
                continue
            c = named[0]
            out.append(Cand(i, end, "ORG", c.name, affiliation=c.affiliation,
                            kb_id=c.kb_id, kb_type=c.kb_type))  # fmt: skip
            taken.update(range(i, end))
    return out


def _body_words(doc: Any, c: Cand) -> tuple[str, ...]:
    """The lower-case words and noun that end a placed body's phrase ("regional",
    "government"; "prosecutor", "'s", "office")."""
    i = c.end
    while i > c.start + 1 and (
        doc[i - 1].is_lower or (doc[i - 1].lower_ in POSSESSIVES and doc[i - 2].is_lower)
    ):
        i -= 1
    return tuple(t.lower_ for t in doc[i : c.end])


def _modifies(doc: Any, end: int) -> bool:
    return end < len(doc) and (
        doc[end].lower_ in POSSESSIVES or (doc[end].pos_ in ("NOUN", "PROPN") and doc[end].is_alpha)
    )


def _persons(owner: Cand, head: Any, possessive: bool) -> bool:
    """Whether a name the tagger took for a person owns the body as a person does: a full
    name, a possessive, or a government ("the Ruto government"). A one-word place the
    tagger took for a person before an office ("the Ruvani prosecutor's office") is the
    place."""
    if owner.label != "PERSON":
        return False
    return possessive or " " in owner.name or head.text in STATE_HEADS


def _modifiers_start(doc: Any, head: int, taken: set[int]) -> int:
    """The first of the lower-case words before a body's noun ("regional", "attorney
    general's", "emirate"): nouns and adjectives, a role noun's possessive included."""
    i = head
    while i > 0 and head - i < _MODIFIER_REACH:
        prev = doc[i - 1]
        if prev.i in taken:
            break
        if prev.lower_ in POSSESSIVES and i >= 2 and doc[i - 2].is_lower and doc[i - 2].is_alpha:
            i -= 1  # "the X prosecutor's office"
            continue
        if prev.is_alpha and prev.is_lower and prev.pos_ in ("NOUN", "ADJ", "PROPN"):
            i -= 1
            continue
        break
    return i


def _owner(
    doc: Any, end: int, by_end: dict[int, Cand], taken: set[int], word_case: Any
) -> tuple[int, Cand | None, bool] | None:
    """(first token, the candidate of the place's name if any, whether it is a possessive)
    of the place's name ending right before token ``end``: a capitalised name after "the"
    ("the Sidama regional government"), or a capitalised name and its possessive ("Ghana's
    border service"). The name is a candidate's whole, or capitalised words of which one at
    least is no common word; else None."""
    possessive = end >= 2 and doc[end - 1].lower_ in POSSESSIVES
    name_end = end - 1 if possessive else end
    cand = by_end.get(name_end)
    if cand is not None:
        words = doc[cand.start : cand.end]
        if not all(t.text[:1].isupper() or t.lower_ == "the" or not t.is_alpha for t in words):
            return None  # a candidate with lower-case words ("the Rwandan army") is no place
        start = cand.start
    else:
        if name_end - 1 in taken:
            return None
        start = name_end
        while start > 0 and name_end - start < _OWNER_REACH:
            prev = doc[start - 1]
            if prev.i in taken or not prev.is_alpha or not prev.text[:1].isupper():
                break
            if prev.i == prev.sent.start:
                break  # a sentence's first word is capitalised whatever it is
            start -= 1
        if start == name_end:
            return None
        if all(word_case.is_common_lowercase_word(t.text) for t in doc[start:name_end]):
            return None
    if not possessive:
        # "the" before the place's name, unless the candidate holds it
        if doc[start].lower_ != "the" and (start == 0 or doc[start - 1].lower_ != "the"):
            return None
        if doc[start].lower_ != "the":
            start -= 1
    return start, cand, possessive
