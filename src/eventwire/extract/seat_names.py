"""Governments and offices named by their seat: "the government in Tobruk", "the
Tobruk-based government", "the health ministry in Gaza", "the Gaza health ministry": one
name, "<office> in <Town>", so the forms group together.
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.docview import DocView
from eventwire.extract.namephrases import (
    Cand,
)
from eventwire.text.names import clean_surface

SEAT_NOUNS = frozenset({"government", "administration", "cabinet", "parliament"})


# Offices named with the place they sit in: "the health ministry in Gaza", "officials in
# Khartoum", "the Gaza health ministry" (a government body typed by its head noun, the
# place kept as its seat in the name; never dropped, never a place).
AGENCY_NOUNS = frozenset({"ministry", "officials", "authorities", "department", "bureau"})


def seat_governments(view: DocView, cands: list[Cand], kb: Any, is_place: Any) -> list[Cand]:
    """A government named by the city it sits in: "the government in Tobruk", "the
    Tobruk-based government", "the rival Bayda government". All three are one name,
    "<Noun> in <City>", so they group together and a KB alias can say whose it is. A
    country's government ("the government in Libya", "the Libyan government") is the
    country's, handled elsewhere; an ordinary capital stands for its state (metonymy)."""
    found: list[Cand] = []
    doc = view.doc
    taken = {i for c in cands for i in range(c.start, c.end)}
    for tok in view.tokens:
        agency = tok.lower_ in AGENCY_NOUNS
        if (tok.lemma_.lower() not in SEAT_NOUNS and not agency) or tok.pos_ not in (
            "NOUN",
            "PROPN",
        ):
            continue
        if tok.i in taken:
            continue
        city, start, end = None, tok.i, tok.i + 1
        prep = next(
            (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")), None
        )
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("in", "at"):
            pobj = doc[tok.i + 2]  # "aligned with the government in Tobruk": "in" hung on the verb
        if pobj is not None and (
            pobj.ent_type_ == "GPE" or (agency and _seat_place(pobj, is_place))
        ):
            city = entity_of(pobj)  # an office's seat the model took for a name ("Goma")
            end = city.end
        for child in tok.children:  # "the Tobruk-based government", "the Bayda government"
            if (
                city is not None
                or child.dep_ not in ("compound", "amod", "nmod")
                or child.i > tok.i
            ):
                continue
            place = next(
                (t for t in child.subtree
                 if t.ent_type_ == "GPE" or (agency and _seat_place(t, is_place))),
                None,
            )  # fmt: skip
            if place is not None:
                city, start = entity_of(place), min(t.i for t in child.subtree)
        if city is None or kb.country_by_demonym(city.text) or kb.is_country_name(city.text):
            continue
        if any(i in taken for i in range(start, end)):
            continue
        words = tok.lemma_.lower()
        if agency:  # "the health ministry in Gaza": the office's own words, with the seat
            first = _office_start(tok)
            if city.start < tok.i:  # "the Kharkiv health ministry": the seat comes first
                first = max(first, city.end)
            start, words = min(start, first), doc[first : tok.i + 1].text.lower()
        name = f"{words} in {clean_surface(city.text)}"
        entry = kb.lookup(name) or (
            kb.lookup(f"{clean_surface(city.text)} {words}") if agency else None
        )
        found.append(
            Cand(
                start,
                end,
                "ORG",
                name[:1].upper() + name[1:],
                kb_id=entry.id if entry else None,
                kb_type=entry.type if entry else None,
            )
        )
        taken.update(range(start, end))
    return found


def _seat_place(tok: Any, is_place: Any) -> bool:
    """A capitalised word the gazetteer knows as a place, whatever the model tagged it
    ("Kharkiv officials": a noun to the model)."""
    named = tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.pos_ == "NOUN")
    return (
        named
        and tok.ent_type_ in ("", "GPE", "ORG", "PERSON", "LOC")
        and bool(is_place(entity_of(tok).text))
    )


def _office_start(tok: Any) -> int:
    """The first word of an office's own name before its noun: "the (health) ministry",
    "(local) officials" (no article, no place, no possessive)."""
    start = tok.i
    while start > 0:
        prev = tok.doc[start - 1]
        if prev.head.i != tok.i or prev.dep_ not in ("compound", "amod") or prev.ent_type_:
            break
        if prev.pos_ not in ("NOUN", "ADJ") or (start > 1 and tok.doc[start - 2].text == "-"):
            break  # "the Hamas-run health ministry": the runner is no part of the office
        start -= 1
    return start


def seat_names(doc: Any, cands: list[Cand], kb: Any) -> None:
    """A name the model found as "<Town> <office>" ("the Gaza health ministry") is named
    "<office> in <Town>", as "the health ministry in Gaza" is, so both are one actor. A
    country's office ("the Sudanese health ministry") stays the country's."""
    for c in cands:
        last, first = doc[c.end - 1], doc[c.start]
        if c.label != "ORG" or c.kb_id or last.lower_ not in AGENCY_NOUNS | SEAT_NOUNS:
            continue
        if first.lower_ == "the":
            first = doc[c.start + 1]
        if first.ent_type_ != "GPE" or first.i >= last.i:
            continue
        city = entity_of(first)
        if city.end > last.i or kb.country_by_demonym(city.text) or kb.is_country_name(city.text):
            continue
        office = doc[city.end : last.i + 1].text.lower()
        name = f"{office} in {clean_surface(city.text)}"
        c.name = name[:1].upper() + name[1:]


def entity_of(tok: Any) -> Any:
    """The named entity a token is part of (the token alone when none)."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), tok.doc[tok.i : tok.i + 1])
