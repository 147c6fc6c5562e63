"""Bodies and states a definite description names by a noun of their own: the head noun
of a body's name ("the Kanvar Patriotic Front ... the front"), and a state's government
named "the regime" or "the administration" ("the Syrian regime", "Iran's regime",
"Gaddafi's regime"). Read by :func:`~eventwire.extract.descriptions.definite_descriptions`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from eventwire.extract.kind_words import country_named, institution_name
from eventwire.extract.namephrases import Cand

# Head nouns of a body's own name ("the Kanvar Patriotic Front", "the National Council for
# X"): "the front", "the council" stand for the one body so named (:func:`name_kinds`).
# ("the organization" is left out: news calls any international body so, whatever its name.)
BODY_HEADS = frozenset({"coalition", "alliance", "front", "council", "movement", "party",
                        "bloc", "league", "union", "committee"})  # fmt: skip


# Nouns of a state's government: "the government", "the regime", "the administration"
# stand for the one state whose government the article names ("the junta" is already a
# state force's unnamed group, one per country).
GOVERNMENT_NOUNS = frozenset({"government", "regime", "administration"})
PLACE_PREPOSITIONS = frozenset({"at", "on", "to", "from", "near", "along", "toward", "towards"})
# A name's complement, after its head: "the National Council for Reform" -> "National Council".
_COMPLEMENT = re.compile(r"(?i)\s+(?:of|for|in|on|against)\s.*$")
TREATY_BODIES = (("treaty", "organization"), ("treaty", "organisation"))


def name_kinds(names: Sequence[str]) -> set[str]:
    """Kind nouns a body's own names give it, for the description "the <kind>" to stand for
    it: the head noun of a name, before any complement ("the Kanvar Patriotic Front" ->
    front, so "the front"; "the National Council for Reform" -> council); "opposition" in a
    name ("the Velmar Opposition Coalition" is the opposition); a treaty organisation is a
    military alliance ("the South Pacific Treaty Organization" -> alliance)."""
    kinds: set[str] = set()
    for name in names:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
        head = [w.lower() for w in re.findall(r"[A-Za-z]+", _COMPLEMENT.sub("", name))]
        if head and head[-1] in BODY_HEADS:
            kinds.add(head[-1])
        if "opposition" in words:
            kinds.add("opposition")
        if tuple(head[-2:]) in TREATY_BODIES:
            kinds.add("alliance")
    return kinds


def names_of(c: Cand, text: str, kb: Any) -> list[str]:
    """The names a candidate goes by: its text, its name and its KB entry's names."""
    entry = kb.get(c.kb_id) if kb is not None and c.kb_id else None
    names = [text, c.name, *(entry.names if entry is not None else ())]
    if entry is not None and entry.type == "coalition":
        names.append("Coalition")  # the KB's coalition is a coalition whatever its name
    return names


def names_government(doc: Any, c: Cand) -> bool:
    """A state named with its government: "the Ethiopian government", "Syria's regime",
    "the Syrian regime" (the state's words, then the noun the mention may leave out)."""
    if doc[c.end - 1].lower_ in GOVERNMENT_NOUNS:
        return True
    nxt = c.end + 1 if c.end < len(doc) and doc[c.end].lower_ in ("'s", "’s") else c.end
    return nxt < len(doc) and doc[nxt].lower_ in GOVERNMENT_NOUNS and doc[nxt].dep_ != "compound"


def regimes_of_states(doc: Any, cands: list[Cand], kb: Any) -> list[Cand]:
    """A state's government named by a noun the mention pass does not read as one: "the
    Syrian regime", "Iran's regime", "the Kenyan administration" (a demonym or a country
    name before "regime" or "administration") is a mention of that state, as "the Syrian
    government" is. Not a modifier ("regime forces" are forces, "regime change" an act)."""
    if kb is None:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for tok in doc:
        if (
            tok.lower_ not in ("regime", "administration")
            or tok.i in taken
            or tok.dep_ == "compound"
        ):
            continue
        for child in tok.children:
            if child.i > tok.i or child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            words = doc[child.left_edge.i : child.i + 1]
            country = next((c for c in cands if c.start <= child.i < c.end), None)
            if country is not None:  # "Iran's regime": the country named, then its regime
                iso3 = _state_of(country, kb)
                state = kb.country(iso3) if iso3 else None
                start, label, name = tok.i, "GPE", state.name if state is not None else iso3 or ""
            elif any(i in taken for i in range(words.start, words.end)):
                continue
            else:
                text = words.text.removesuffix("'s").removesuffix("’s")
                iso3 = kb.country_by_demonym(text)
                entry = kb.lookup(text) if iso3 is None else None
                if entry is not None and entry.type == "country":
                    iso3 = entry.country
                start, label = words.start, "GPE" if entry is not None else "NORP"
                name = doc[start : tok.i + 1].text
            if iso3:
                found.append(Cand(start, tok.i + 1, label, name,
                                  affiliation=iso3, group_hint=f"aff:{iso3}"))  # fmt: skip
            break
    return found


# Titles of a state's ruler in a KB role: "Gaddafi's regime", "the Assad government" are
# the state's government.
RULER_TITLES = re.compile(
    r"(?i)\b(?:president|leader|king|prime minister|emir|sultan|head of state|chancellor)\b"
)


def _state_of(c: Cand, kb: Any) -> str | None:
    """The state a name before "regime" or "government" stands for: a country's own
    ("Iran's regime"), or the one a person the KB gives a ruler's role rules ("Gaddafi's
    regime", "the Assad government")."""
    entry = kb.get(c.kb_id) if c.kb_id else None
    if entry is None:
        return None
    if entry.type == "country":
        return str(entry.country) if entry.country else None
    if entry.type == "person" and any(RULER_TITLES.search(r.title) for r in entry.roles):
        return str(entry.country) if entry.country else None
    return None


def one_body(names: dict[str, Cand]) -> bool:
    """Names of one body: the longest ends in every other ("the UN Security Council ...
    the Security Council"), or all have one KB entry."""
    ids = {c.kb_id for c in names.values()}
    if not names:
        return False
    if len(ids) == 1 and None not in ids:
        return True
    longest = max(names, key=len)
    return all(longest.endswith(key) for key in names)


def own_complement(tok: Any, preps: tuple[str, ...]) -> bool:
    """A noun with a complement of its own ("the government of Chad", "the coalition of
    villages"): it names what the complement says, not an actor named before."""
    return any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def institution_countries(doc: Any, cands: list[Cand], kb: Any) -> None:
    """Give a state institution's name the country the text writes with it, as its
    ``affiliation``: every state has a supreme court, a parliament, a defence ministry
    (:func:`~eventwire.extract.kind_words.institution_name`), so "the Supreme Court" of one
    article is another's only in the same country. Read, in this order: the name's own
    words ("the Ugandan Supreme Court", "the US Congress", "the Supreme Court of Kenya"),
    a country's possessive or a demonym right before it ("Kenya's Supreme Court", "the
    Kenyan parliament", the tagger leaving them out of the name), and "of" or "in" a
    country or its capital right after it ("the National Assembly of Niger", "the
    parliament in Nairobi"). A name with no country keeps none (resolution then reads the
    article's)."""
    if kb is None:
        return
    for c in cands:
        if c.group_hint is not None or c.affiliation or c.label == "PERSON":
            continue
        if c.kb_type in ("country", "person"):
            continue
        found = institution_name(c.name, kb)
        if found is None:
            continue
        c.affiliation = (
            found[1] or _country_before(doc, c.start, kb) or _country_after(doc, c.end, kb)
        )


def institution_country(c: Cand, kb: Any) -> str | None:
    """The country :func:`institution_countries` gave a state institution's name, else None
    (a name's other affiliations, "Egyptian President Sisi", do not split its mentions)."""
    if kb is None or not c.affiliation or c.group_hint is not None:
        return None
    return c.affiliation if institution_name(c.name, kb) is not None else None


def _country_before(doc: Any, start: int, kb: Any) -> str | None:
    """A country's possessive or a demonym right before a name: "Kenya's", "South
    Sudan's", "the Kenyan"."""
    if start == 0:
        return None
    if doc[start - 1].lower_ in ("'s", "’s", "'"):
        for n in (3, 2, 1):  # the longest country name ending at the possessive
            words = [t.text for t in doc[max(0, start - 1 - n) : start - 1]]
            if len(words) == n and (iso3 := country_named(words, kb)):
                return iso3
        return None
    found = kb.country_by_demonym(doc[start - 1].text)
    return str(found) if found else None


def _country_after(doc: Any, end: int, kb: Any) -> str | None:
    """A country or its capital after "of" or "in" right after a name: "of Kenya", "of
    the Gambia", "in Nairobi"."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("of", "in"):
        return None
    i = end + 1
    if doc[i].lower_ == "the":
        i += 1
    for n in (3, 2, 1):
        words = doc[i : i + n]
        plain = len(words) == n and all(t.is_alpha or t.text == "." for t in words)
        if plain and (iso3 := country_named([t.text for t in words], kb)):
            return iso3
    return None


# The possessive endings a tokenizer splits off a name: "Russia's", "Russia’s".
POSSESSIVES = frozenset({"'s", "\u2019s"})
_BODY_REACH = 4  # words of an institution's name after its owner: "defence ministry"


def owned_institutions(doc: Any, cands: list[Cand], kb: Any) -> list[Cand]:
    """A state institution written with its country's possessive or demonym before it is
    one mention, the owner's words included: "Russia's defence ministry", "Peru's Defence
    Ministry", "the Turkish defence ministry", "Pakistan's Foreign Office" name the
    ministry (the country is its ``affiliation``), not the state and a ministry beside it.
    The institution is a name every state has (:func:`~eventwire.extract.kind_words.
    institution_name`), tagged or written in lower case; its name stays the institution's
    words, so "the Defence Ministry" of the same country is the same body. Not a name of its
    own ("Nigeria's Independent Electoral Body"), not a noun modifying another ("the
    Turkish defence ministry officials" are people)."""
    if kb is None:
        return cands
    by_start = {c.start: c for c in cands}
    taken = {i for c in cands for i in range(c.start, c.end)}
    drop: set[int] = set()
    found: list[Cand] = []
    for owner_start, body_start, iso3, owner in _owners(doc, cands, kb, taken):
        body = by_start.get(body_start)
        if body is not None:
            if body.label == "PERSON" or body.kb_type in ("country", "person"):
                continue
            if institution_name(body.name, kb) is None or modifies_noun(doc, body.end):
                continue
            found.append(Cand(owner_start, body.end, "ORG", body.name, affiliation=iso3,
                              kb_id=body.kb_id, kb_type=body.kb_type))  # fmt: skip
            drop.add(id(body))
        elif (end := _institution_words(doc, body_start, taken, kb)) is not None:
            found.append(Cand(owner_start, end, "ORG", doc[body_start:end].text, affiliation=iso3))
        else:
            continue
        if owner is not None:
            drop.add(id(owner))
    if not found:
        return cands
    return sorted([c for c in cands if id(c) not in drop] + found, key=lambda c: c.start)


def _owners(
    doc: Any, cands: list[Cand], kb: Any, taken: set[int]
) -> list[tuple[int, int, str, Cand | None]]:
    """(owner's first token, the institution's first token, ISO3, the owner's candidate)
    for each country's possessive ("Russia's") and each demonym in no candidate ("the
    Turkish") of the document."""
    out: list[tuple[int, int, str, Cand | None]] = []
    for c in cands:
        entry = kb.get(c.kb_id) if c.kb_id else None
        if entry is None or entry.type != "country" or not entry.country or c.group_hint:
            continue
        if c.end + 1 < len(doc) and doc[c.end].lower_ in POSSESSIVES:
            out.append((c.start, c.end + 1, str(entry.country), c))
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or tok.i + 1 >= len(doc):
            continue
        if (iso3 := kb.country_by_demonym(tok.text)) is not None:
            out.append((tok.i, tok.i + 1, str(iso3), None))
    return out


def _institution_words(doc: Any, start: int, taken: set[int], kb: Any) -> int | None:
    """End of the shortest run of plain words from ``start`` that names an institution
    every state has ("defence ministry", "supreme court"), in no candidate and modifying
    no noun after it; else None."""
    for end in range(start + 1, min(start + _BODY_REACH, len(doc)) + 1):
        tok = doc[end - 1]
        if end - 1 in taken or not tok.is_alpha:
            return None
        words = doc[start:end].text
        if institution_name(words, kb) is not None and not modifies_noun(doc, end):
            return end
    return None


def modifies_noun(doc: Any, end: int) -> bool:
    """Whether the word after a name's ``end`` is a noun it modifies ("the Turkish defence
    ministry officials", "Brazil's Federal Police officers")."""
    return end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].is_alpha
