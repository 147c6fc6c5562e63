"""Which mentions of one document name one entity, and the label of each entity.

Full name then surname, spelling variants, acronym and expansion, one KB entry make one
group; the group's label is voted over its mentions and the KB.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eventwire.extract.aliases import (
    acronym_pairs,
    cue_pairs,
)
from eventwire.extract.bodies import institution_country
from eventwire.extract.mention_trim import UNIT_NOUNS
from eventwire.extract.missed_names import KB_LABELS
from eventwire.extract.namephrases import (
    Cand,
    given_names,
    lone_person,
)
from eventwire.extract.quoted_names import nickname_pairs, nicknamed_names
from eventwire.model import GROUP_LABEL
from eventwire.text.names import plain_key
from eventwire.text.translit import family_key, name_key

_LABEL_PRIORITY = {"PERSON": 3, "ORG": 2, "GPE": 1, "NORP": 0}


def group_cands(doc: Any, cands: list[Cand], kb: Any) -> list[str]:
    parent = list(range(len(cands)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    keys = [kb.keys.translit(c.name) for c in cands]
    # a one-word name meets another, or a family name, by its finer key ("Here" is no
    # "Hiro", "IS" no "US": text.translit.name_key)
    short = [
        name_key(c.name) if k and " " not in k else k for c, k in zip(cands, keys, strict=True)
    ]
    full_people: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        if (
            c.group_hint is None
            and len(keys[i].split()) > 1
            and (c.label == "PERSON" or c.kb_type == "person")
        ):
            full_people.setdefault(keys[i].split()[-1], []).append(i)
    given = given_names(cands, keys, full_people)
    first_by_key: dict[str, int] = {}
    first_by_kb: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.group_hint is not None or not keys[i]:
            continue
        bearers = full_people.get(keys[i], []) if " " not in keys[i] else []
        if bearers and c.kb_type in (None, "person"):
            # News gives the full name first: a surname joins the nearest full name before
            # it that fits (two brothers named earlier: the nearer one; never a name the KB
            # keeps apart from the surname's own entry); one written before any full name
            # is left to cross-document resolution. A one-word name the KB knows as a
            # group ("Houthi") is the movement, never its leader.
            fits = [
                b
                for b in bearers
                if b < i and may_join(c, cands[b]) and family_key(cands[b].name) == short[i]
            ]
            if fits:
                union(i, fits[-1])
            continue
        bearer = given.get(keys[i])
        if bearer is not None and bearer < i and lone_person(c) and may_join(c, cands[bearer]):
            union(i, bearer)  # "Prime Minister Abiy Ahmed ... Abiy said"
            continue
        # "Kenya's parliament ... Uganda's parliament": one state's institution each
        own = institution_country(c, kb)
        union(i, first_by_key.setdefault(f"{short[i]}|{own}" if own else short[i], i))
        if c.kb_id:
            union(i, first_by_kb.setdefault(c.kb_id, i))
    for a, b in described_alias_pairs(doc, cands):
        if may_join(cands[a], cands[b]):
            union(a, b)  # "the Kestrel Traders Association ... The association, known as KTA"
    for a, b in same_unit_pairs(cands):
        if may_join(cands[a], cands[b]):
            union(a, b)  # "the 444 Combat Brigade ... the 444 Brigade"
    named = [i for i, c in enumerate(cands) if c.group_hint is None]
    nicknamed = nicknamed_names(doc, cands)
    for a, b in cue_pairs(doc, [cands[i] for i in named]):
        if named[a] in nicknamed:
            continue  # 'the sons of X "N" Y, known as Z': the cue names the sons, not Y
        if may_join(cands[named[a]], cands[named[b]]):
            union(named[a], named[b])
    for a, b in acronym_pairs(doc, [cands[i] for i in named]):
        if may_join(cands[named[a]], cands[named[b]]):
            union(named[a], named[b])
    for a, b in nickname_pairs(doc, cands):  # 'Joaquin "El Chapo"', "call X the Y"
        if may_join(cands[a], cands[b]):
            union(a, b)
    names: dict[int, str] = {}
    out = []
    for i in range(len(cands)):
        root = find(i)
        out.append(names.setdefault(root, f"g{len(names) + 1}"))
    return out


DESCRIBED_REACH = 200  # tokens back from "The association, known as X" to the body it means


def described_alias_pairs(doc: Any, cands: list[Cand]) -> list[tuple[int, int]]:
    """Pairs (body, name) where a definite description of a body named before is given
    another name by an alias cue: "the Kestrel Traders Association ... The association,
    known as KTA, said", "the Harbour Brotherhood, the port's largest gang ... The gang,
    known as the HB, has not commented". The description's head noun must end the body's
    name or be the noun of an appositive to it; the nearest such body before wins."""
    by_start = {c.start: i for i, c in enumerate(cands)}
    pairs = []
    for tok in doc:
        if tok.lower_ != "known" or tok.dep_ not in ("acl", "advcl", "relcl"):
            continue
        head = tok.head
        if head.pos_ != "NOUN" or not head.is_lower or head.i > tok.i:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue
        name = _named_after_as(doc, tok, by_start)
        if name is None:
            continue
        words = [t.lower_ for t in doc[head.left_edge.i : head.i + 1] if t.dep_ != "det"]
        described = " ".join(words)
        for i in range(len(cands) - 1, -1, -1):
            c = cands[i]
            if c.end > head.left_edge.i or c.end < head.i - DESCRIBED_REACH:
                continue
            if c.group_hint is not None or c.label not in ("ORG", "GPE"):
                continue
            if c.name.lower().endswith(described) or _appositive_noun(doc, c, head.lemma_):
                pairs.append((i, name))
                break
    return pairs


def _named_after_as(doc: Any, known: Any, by_start: dict[int, int]) -> int | None:
    """The candidate right after "known (in Somali) as (the)": its index, else None."""
    j = known.i + 1
    if j + 1 < len(doc) and doc[j].lower_ == "in":
        j += 2  # "known in Somali as"
    if j >= len(doc) or doc[j].lower_ != "as":
        return None
    j += 1
    if j < len(doc) and doc[j].lower_ == "the" and j not in by_start:
        j += 1
    return by_start.get(j)


def _appositive_noun(doc: Any, c: Cand, lemma: str) -> bool:
    """Whether the body's name has an appositive whose noun is ``lemma``: "the Harbour
    Brotherhood, the port's largest gang"."""
    root = doc[c.start : c.end].root
    return any(ch.dep_ == "appos" and ch.lemma_ == lemma for ch in root.children)


_NUMBERED_UNIT = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)?\b.*\s(\w+)$", re.IGNORECASE)


def same_unit_pairs(cands: list[Cand]) -> list[tuple[int, int]]:
    """Pairs of a numbered unit's names that are one unit: the same number and the same
    unit's noun, the words between dropped ("the 444 Combat Brigade ... the 444 Brigade",
    "the 21st Mechanised Battalion ... the 21st Battalion"); each to the first named."""
    first: dict[tuple[str, str], int] = {}
    pairs = []
    for i, c in enumerate(cands):
        found = _NUMBERED_UNIT.match(c.name) if c.label == "ORG" else None
        if found is None or found.group(2).lower() not in UNIT_NOUNS:
            continue
        key = (found.group(1), found.group(2).lower())
        if key in first:
            pairs.append((first[key], i))
        else:
            first[key] = i
    return pairs


def may_join(a: Cand, b: Cand) -> bool:
    """Two names may be one actor unless the KB knows them as two entries."""
    return not (a.kb_id and b.kb_id and a.kb_id != b.kb_id)


def same_name_other_case(cands: list[Cand]) -> None:
    """ "Malian Armed Forces" ... "Malian armed forces": an unnamed-group phrase written
    like a name of the same document, in another case, is that name."""
    by_key = {plain_key(c.name): c for c in cands if c.group_hint is None and " " in c.name}
    for c in cands:
        if c.label != GROUP_LABEL:
            continue
        named = by_key.get(plain_key(c.name))
        if named is not None:
            c.label, c.name, c.group_hint = named.label, named.name, None
            c.kb_id, c.kb_type = named.kb_id, named.kb_type


def vote_labels(cands: list[Cand], groups: list[str]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for c, g in zip(cands, groups, strict=True):
        counter = votes.setdefault(g, Counter())
        counter[c.label] += 1
        if c.kb_type:
            counter[KB_LABELS.get(c.kb_type, "ORG")] += 2
        elif c.role and c.label == "PERSON":
            counter["PERSON"] += 2  # "Mahant Ram Das ... Das": the title says a person
    return {
        g: max(counter, key=lambda lab: (counter[lab], _LABEL_PRIORITY.get(lab, -1)))
        for g, counter in votes.items()
    }
