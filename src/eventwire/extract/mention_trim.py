"""Where a tagged name starts and ends.

The tagger's span may carry a dateline or outlet prefix, a word of doubt ("Suspected"),
an owner ("Qaddafi's Libyan National Army"), the armed people after a group's name
("Hamas fighters"), or miss an organisation head before it ("UN Office for the ..."):
:func:`trim_entity` fixes it.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.datelines import dateline_prefix
from eventwire.extract.namephrases import (
    ARMED_PEOPLE,
    group_word_before,
    linked_end,
)
from eventwire.extract.notactors import DOUBT_WORDS
from eventwire.extract.titles import is_title

# Plural nouns whose possessive belongs inside an organisation's name ("Tigray People's
# Liberation Front", "Kurdistan Workers' Party"), not to an owner before it.
COLLECTIVE_OWNERS = frozenset(
    ["people", "peoples", "workers", "women", "martyrs", "children", "mothers", "farmers",
     "citizens", "patriots", "mujahideen", "nations", "students", "youth"]
)  # fmt: skip


def trim_entity(ent: Any, kb: Any = None) -> Any:
    """Fix the span: drop a dateline or outlet prefix ("TRIPOLI - Forces"), drop a word of
    doubt that opens a sentence ("Suspected al-Shabaab militants": al-Shabaab, a body's
    name and no person's when armed men follow), drop the armed people after a group's
    name ("Hamas fighters": Hamas), end a name at a bracket it runs into ("the X Service
    (XS": the bracket holds its short name), drop an owner
    ("Qaddafi's Libyan National Army" -> the army) but not a collective noun's possessive
    inside a name ("Tigray People's Liberation Front", "Kurdistan Workers' Party"), finish a
    name cut after its article ("Ahmed al- Mismari"), drop bare title words, drop a
    linking word the tagger left at the end ("the Border Troops of"), take in a unit's
    number ("the 444 Combat Brigade")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    cut = dateline_prefix(ent.text, lambda w: kb_type_of(kb, w) == "media" if kb else False)
    if cut:
        while start < end and doc[start].idx < ent.start_char + cut:
            start += 1
        if start == end:
            return None
    while start < end - 1 and doc[start].text in ("-", "--", "–", "—"):
        start += 1  # "-- Al Nasr" tagged with the dash of a prefix before it
    end = _before_open_bracket(doc, start, end)
    while end - start > 1 and doc[end - 1].lower_ in TRAILING_LINKS:
        end -= 1  # "the Border Troops of" tagged up to the name it belongs to
    label = ent.label_
    if start < end - 1 and doc[start].lower_ in DOUBT_WORDS:
        start += 1  # "Suspected al-Shabaab militants" opening a sentence: a doubt, no name
        if label == "PERSON" and _names_armed_men(doc, start, end):
            label = "ORG"  # the name of the men's body, not of a person
    start = _head_before(doc, start)
    for n in (2, 1):  # "DR Congo" tagged from "Congo" on: the name the KB knows
        before = doc[max(0, start - n) : start]
        if (
            kb is not None
            and len(before) == n
            and all(t.text[:1].isupper() and not t.is_sent_start for t in before)
            and kb.lookup_exact(doc[start - n : end].text) is not None
        ):
            start -= n
            break
    for i in range(end - 2, start, -1):
        if doc[i].lower_ in {"'s", "’s", "'", "’"} and doc[i - 1].lower_ not in COLLECTIVE_OWNERS:
            if doc[i].lower_ in {"'", "’"} and not doc[i - 1].lower_.endswith("s"):
                continue
            if doc[i - 1].ent_type_ in PLACE_ENTS and place_institution(doc, i) == end:
                break  # "Gaza's health ministry": the place's own body, one name
            start = i + 1
            break
    if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lemma_ in ARMED_PEOPLE:
        end -= 1  # "Hamas fighters" tagged whole: the group, its fighters read by the role
    if re.search(r"\b(?:al|el|ad|as|an|ar|at)-$", doc[start:end].text, re.IGNORECASE) and (
        end < len(doc) and doc[end].text[:1].isupper()
    ):
        end += 1
    if ent.label_ in ("ORG", "PERSON", "NORP") and doc[end - 1].text[:1].isupper():
        end = linked_end(doc, end)  # "Nusrat al-Islam" tagged, "wal-Muslimin" after it
        start = group_word_before(doc, start)  # "Daesh Sistan" tagged from "Sistan"
    if label == "ORG":
        start = unit_number_before(doc, start, end)  # "the 444 Combat Brigade"
    if end < len(doc) and is_title(f"{doc[start:end].text} {doc[end].text}"):
        return None  # "Defence" of "Defence Minister Sergei Shoigu"
    if start == ent.start and end == ent.end:
        return ent
    span = doc[start:end]
    span.label_ = label
    return span


# Words that link a name to another and never end one: "the Border Troops of" tagged
# without the body after "of".
TRAILING_LINKS = frozenset({"of", "for", "and", "in", "the", "on", "to", "at", "&"})
# Last words of an armed unit's name, which its number opens: "the 444 Combat Brigade",
# "the 3rd Infantry Division", "the 21st Battalion".
UNIT_NOUNS = frozenset(
    {"brigade", "battalion", "regiment", "division", "corps", "squadron", "company",
     "platoon", "army", "fleet", "wing", "group", "sector", "unit", "command"}
)  # fmt: skip
_UNIT_NUMBER = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?$", re.IGNORECASE)


def unit_number_before(doc: Any, start: int, end: int) -> int:
    """The first token of an armed unit's name whose number the tagger left out ("the 444
    Combat Brigade" tagged from "Combat", "the 3rd Infantry Division" from "Infantry"): the
    number right before a body's name that ends in a unit's noun (:data:`UNIT_NOUNS`), a
    number of one token in digits or an ordinal in digits; else ``start``. A count is not
    a unit's number: "400 Wagner fighters" ends in no unit's noun, and "two brigades" is
    no name."""
    if start == 0 or doc[end - 1].lower_ not in UNIT_NOUNS:
        return start
    number = doc[start - 1]
    if not _UNIT_NUMBER.match(number.text) or number.is_sent_start:
        return start
    return start - 1


def _before_open_bracket(doc: Any, start: int, end: int) -> int:
    """The end of a name the tagger ran into a bracket it did not close ("the South
    African Police Service (SAPS" tagged as one name): the words before the bracket, whose
    words are the name's short form and are read on their own."""
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(t.text == ")" for t in doc[i + 1 : end]):
            return i
    return end


def _names_armed_men(doc: Any, start: int, end: int) -> bool:
    """The words [start, end) qualify armed men after them: "al-Shabaab militants"."""
    head = doc[end - 1].head
    return head.i >= end and head.is_lower and head.lemma_ in ARMED_PEOPLE


# Heads of organisations' names that the tagger often leaves out: "UN Office for the
# Coordination of Humanitarian Affairs" tagged from "Coordination" on.
ORG_HEADS = frozenset(
    ["office", "ministry", "commission", "council", "agency", "department", "bureau",
     "committee", "organisation", "organization", "institute", "centre", "center", "fund",
     "observatory", "directorate", "authority", "programme", "program", "mission"]
)  # fmt: skip


PLACE_ENTS = frozenset({"GPE", "LOC"})


def place_institution(doc: Any, i: int) -> int | None:
    """End of "<place>'s <lowercase words> <organisation head>" when ``i`` is the
    possessive after the place: "Gaza's health ministry", "Gaza's civil defence agency",
    "the region's military administration" is not (no place name); else None."""
    if i >= len(doc) or doc[i].lower_ not in ("'s", "’s"):
        return None
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN"):
        if doc[j].lower_ in ORG_HEADS and not (j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN"):
            return j + 1
        j += 1
    return None


def _head_before(doc: Any, start: int) -> int:
    """Start of "<Head> for/of [the] <entity>" when a capitalised organisation head stands
    before the entity (with its own capitalised qualifiers: "UN Office for the ...")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("for", "of"):
        return start
    head = doc[i - 1]
    if head.lower_ not in ORG_HEADS or not head.text[:1].isupper():
        return start
    j = head.i
    while (
        j > 0
        and doc[j - 1].text[:1].isupper()
        and not doc[j - 1].is_sent_start
        and (doc[j - 1].pos_ in ("PROPN", "ADJ") or doc[j - 1].text.isupper())
    ):
        j -= 1
    if doc[j].is_sent_start and doc[j].lower_ == "the":
        j += 1
    return j


def words_before(doc: Any, start: int) -> list[Any]:
    """Up to four plain words right before a name, in the same sentence."""
    words: list[Any] = []
    i = start - 1
    while i >= 0 and len(words) < 4:
        tok = doc[i]
        if tok.text == "." and i > 0 and is_title(doc[i - 1].text + "."):
            words.insert(0, doc[i - 1])  # "Col . Goita": the model split the abbreviation
            break
        # an abbreviated title is one token with its stop ("Gen. Tiani", "Col. Goita")
        short = tok.text.endswith(".") and tok.text[:-1].isalpha() and is_title(tok.text)
        if (not tok.is_alpha and not short) or tok.is_stop or tok.ent_type_ == "PERSON":
            break
        if tok.is_sent_end and not short:
            break
        words.insert(0, tok)
        i -= 1
    return words


def kb_type_of(kb: Any, name: str) -> str | None:
    entry = kb.lookup(name)
    return entry.type if entry else None
