"""Other names written in quotes, and names a subject calls something.

Three constructions the tagger reads badly:

* a nickname in quotes inside a person's name ('Joaquin "El Chapo" Guzman', 'Ismael "El
  Mayo" Zambada'): the tagger takes the whole as one name, or cuts it; the nickname is
  another name of the person, and the name is the words around it;
* a name in quotes after an alias cue ('known as "Comrade Jose"', 'nicknamed "the
  Butcher"'): the quoted words are one name, even when the tagger found only some of them;
* "<subject> call(s) X Y" with Y a name ('Villagers call the Ridge Front the "Hill Men"'): Y is
  another name of X (a call naming no name, "called them terrorists", joins nothing);
* an acronym in apposition to a body ("The Ghanaian military, the GAF, said"), which the
  tagger leaves untagged: a name of its own, which the appositive joins to the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from eventwire.extract.namephrases import Cand

_OPENING = frozenset({'"', "\u201c"})
_CLOSING = frozenset({'"', "\u201d"})
_NICK_WORDS = 4  # words of a nickname in quotes
_NAME_WORDS = 3  # words of a given or a family name around it
# The words an alias cue ends in, before the quote mark: "known as", "nicknamed", "dubbed".
_CUE_BEFORE = re.compile(
    r"(?:known\s+as|(?:also|commonly|popularly|locally|often|widely)\s+called|nicknamed|dubbed"
    r"|alias)\s*$",
    re.IGNORECASE,
)
NAMED = frozenset({"PERSON", "ORG", "NORP"})


def quoted_names(doc: Any, cands: list[Cand]) -> list[Cand]:
    """The candidates with the quoted names of :mod:`this module <eventwire.extract.
    quoted_names>` made whole: a nickname inside a person's name becomes the person's given
    and family names (one name, "Joaquin Guzman", on the words before and after the quotes)
    and the nickname between them; a quoted name after an alias cue becomes one candidate.
    Candidates overlapping them are replaced."""
    out = list(cands)
    for tok in doc:
        if tok.text not in _OPENING or tok.i == 0:
            continue
        close = next(
            (j for j in range(tok.i + 2, min(tok.i + 2 + _NICK_WORDS, len(doc)))
             if doc[j].text in _CLOSING),
            None,
        )  # fmt: skip
        if close is None or not all(_capitalised(t) for t in doc[tok.i + 1 : close]):
            continue
        nickname = doc[tok.i + 1 : close]
        given = _run_before(doc, tok.i)
        family = _run_after(doc, close + 1)
        if (
            given < tok.i
            and family > close + 1
            and doc[tok.i - 1].whitespace_  # 'Joaquin "El Chapo" Guzman', not 'X"Y'
            and doc[tok.i - 1].pos_ == doc[close + 1].pos_ == "PROPN"
        ):
            name = f"{doc[given : tok.i].text} {doc[close + 1 : family].text}"
            new = [
                Cand(given, tok.i, "PERSON", name),
                Cand(nickname.start, nickname.end, "PERSON", nickname.text),
                Cand(close + 1, family, "PERSON", name),
            ]
            span = (given, family)
        elif _CUE_BEFORE.search(doc[max(0, tok.i - 3) : tok.i].text) or _called(nickname):
            before = [c for c in out if c.end <= tok.i and c.label in NAMED]
            label = before[-1].label if before else "ORG"
            new = [Cand(nickname.start, nickname.end, label, nickname.text)]
            span = (nickname.start, nickname.end)
        else:
            continue
        out = [c for c in out if c.end <= span[0] or c.start >= span[1]] + new
    return sorted(out, key=lambda c: (c.start, c.end))


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def appositive_acronyms(doc: Any, cands: list[Cand]) -> list[Cand]:
    """An acronym no candidate holds in apposition to a body's name: "<body>, (the)
    <ACRONYM>," or "... <ACRONYM>." ("The Ghanaian military, the GAF, said"). Only after
    a body (not a person, not a place)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    found: list[Cand] = []
    for c in cands:
        if c.label != "ORG" or c.end + 2 >= len(doc) or doc[c.end].text != ",":
            continue
        i = c.end + 1
        if doc[i].lower_ == "the":
            i += 1
        if i + 1 >= len(doc) or i in taken or not _ACRONYM.match(doc[i].text):
            continue
        if doc[i + 1].text not in (",", ".", ")", ";"):
            continue
        found.append(Cand(i, i + 1, "ORG", doc[i].text))
    return sorted(cands + found, key=lambda c: (c.start, c.end)) if found else cands


def nickname_pairs(doc: Any, cands: Sequence[Cand]) -> list[tuple[int, int]]:
    """Pairs (person, nickname) of a nickname in quotes right after a given name ('Joaquin
    "El Chapo"'), pairs (body, acronym) of an acronym in apposition ("The Ghanaian
    military, the GAF,"), and pairs (X, Y) of "call X Y" where both are names ('Villagers
    call the Ridge Front the "Hill Men"')."""
    pairs: list[tuple[int, int]] = []
    by_end = {c.end: i for i, c in enumerate(cands)}
    for j, c in enumerate(cands):
        i = by_end.get(c.start - 1)
        if (
            i is not None
            and c.label == cands[i].label == "PERSON"
            and doc[c.start - 1].text in _OPENING
            and c.end < len(doc)
            and doc[c.end].text in _CLOSING
        ):
            pairs.append((i, j))
    for j, c in enumerate(cands):  # "The Ghanaian military, the GAF, said"
        if c.end - c.start != 1 or not _ACRONYM.match(doc[c.start].text) or c.end >= len(doc):
            continue
        gap = 2 if doc[c.start - 1].lower_ == "the" else 1
        i = by_end.get(c.start - gap)
        if (
            i is not None
            and cands[i].label == "ORG"
            and doc[c.start - gap].text == ","
            and doc[c.end].text in (",", ".", ")", ";")
        ):
            pairs.append((i, j))
    covering = {k: i for i, c in enumerate(cands) for k in range(c.start, c.end)}
    for verb in doc:
        if verb.lemma_.lower() != "call" or verb.pos_ != "VERB":
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "xcomp", "ccomp")]
        named = [covering[o.i] for o in objects if o.i in covering]
        named = [i for i in named if cands[i].label in NAMED and cands[i].group_hint is None]
        if len(named) == 2 and named[0] != named[1]:
            pairs.append((min(named), max(named)))
    return pairs


def nicknamed_names(doc: Any, cands: Sequence[Cand]) -> set[int]:
    """Indices of the family-name parts of names written with a nickname in quotes
    ('Joaquin "El Chapo" Guzman': "Guzman"). A writer who gave the nickname inside the name
    gives no second one by "known as" right after it: in 'the sons of Joaquin "El Chapo"
    Guzman, known as Los Chapitos' the cue names the sons."""
    return {
        i
        for i, c in enumerate(cands)
        if c.label == "PERSON" and c.start > 1 and doc[c.start - 1].text in _CLOSING
        and c.name != doc[c.start : c.end].text
    }  # fmt: skip


def _called(words: Any) -> bool:
    """Quoted words that are the name a subject calls something ('Villagers call the KHF
    the "Hill Party"'): the object complement of "call" beside an object of its own."""
    verb = words.root.head
    return (
        verb.lemma_.lower() == "call"
        and words.root.dep_ in ("oprd", "dobj", "xcomp", "ccomp", "attr")
        and sum(c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "attr") for c in verb.children) == 2
    )


# Verbs that put a word on someone: 'called them "bandits"', 'branded the group "terrorists"'.
_LABELLING_VERBS = frozenset({"call", "brand", "label", "term", "dub", "describe"})


def quoted_label(tok: Any) -> bool:
    """A word in quotation marks that a verb of labelling puts on someone ('the governor
    called the group "bandits"', 'officials branded them "terrorists"'): the speaker's word
    for people already named, not a group of its own (read by
    :func:`~eventwire.extract.group_nouns.group_nouns`)."""
    doc = tok.doc
    if not 0 < tok.i < len(doc) - 1:
        return False
    if doc[tok.i - 1].text not in _OPENING or doc[tok.i + 1].text not in _CLOSING:
        return False
    return tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_.lower() in _LABELLING_VERBS


def _capitalised(tok: Any) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text or "'" in tok.text)


def _run_before(doc: Any, end: int) -> int:
    """First token of the capitalised words right before token ``end`` (a given name)."""
    start = end
    while start > 0 and end - start < _NAME_WORDS and _capitalised(doc[start - 1]):
        start -= 1
    return start


def _run_after(doc: Any, start: int) -> int:
    """End of the capitalised words from token ``start`` (a family name)."""
    end = start
    while end < len(doc) and end - start < _NAME_WORDS and _capitalised(doc[end]):
        end += 1
    return end
