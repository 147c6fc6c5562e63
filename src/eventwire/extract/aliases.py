"""Constructions in which a text says that two names are one actor.

* an alias cue: "X, also known as Y", "X (widely known as Y)", "X, better known as Y",
  "X, also called Y", "X, nicknamed Y", "X, dubbed Y", "X, alias Y";
* an appositive name: "the Rapid Support Forces, the RSF," (the parse's ``appos``),
  never inside a list ("Russia, Iran and Turkey");
* "Full Name (ACRONYM)": an acronym in brackets right after a name of two words or more
  is that name's, whether or not its letters are the initials (acronyms from another
  language: "Armed Forces of the DRC (FARDC)");
* an acronym's first use: "the United Nations ... the UN": an acronym equal to the
  initials of one earlier name of the document is that name's.

The functions return pairs of candidate positions to join, and the spans of names the
tagger missed after an alias cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from eventwire.text.names import initials

# The words between a name and its alias: "known as" anywhere; "called", "nicknamed",
# "dubbed" only after a comma, a bracket or an adverb ("Putin called Zelensky" is a call).
_ADVERB = r"(?:also|widely|better|commonly|popularly|locally|often|sometimes|otherwise|now)"
_ALIAS_CUE = re.compile(
    r"^\s*(?:[,(]\s*)?(?:" + _ADVERB + r"\s+)?(?:known\s+as|alias|a\.k\.a\.?|aka)"
    r"\s*(?:the\s+)?[\"“‘']?\s*$"
    # "known by its French initials X", "known by the acronym X"
    r"|^\s*(?:[,(]\s*)?(?:" + _ADVERB + r"\s+)?known\s+by\s+(?:its|their|the)\s+"
    r"(?:[A-Za-z-]+\s+)?(?:initials|acronym|abbreviation)\s*[\"“‘']?\s*$"
    r"|^\s*(?:[,(]\s*(?:" + _ADVERB + r"\s+)?|" + _ADVERB + r"\s+)(?:called|nicknamed|dubbed)"
    r"\s*(?:the\s+)?[\"“‘']?\s*$"
    # "X, whose name means Y" (a name of another tongue and its translation); "X, (is)
    # better known by his nom de guerre, Y"; "X, the formal name of Y"
    r"|^\s*,\s*whose\s+name\s+(?:means|translates\s+as)\s*(?:the\s+)?[\"“‘']?\s*$"
    r"|^\s*,\s*(?:is\s+)?(?:" + _ADVERB + r"\s+)?known\s+by\s+(?:his|her|its|their|the)\s+"
    r"(?:nom\s+de\s+guerre|nickname|name)\s*,?\s*[\"“‘']?\s*$"
    r"|^\s*,\s*(?:the|its|their)\s+(?:formal|official|full)\s+name\s+(?:of|for)\s*$",
    re.IGNORECASE,
)
_CUE_REACH = 10  # tokens between a name and its alias: ", is better known by his nom de guerre,"
_ADVERB_WORDS = frozenset(
    ["also", "widely", "better", "commonly", "popularly", "locally", "often", "sometimes",
     "otherwise", "now"]
)  # fmt: skip
# Particles inside Arabic and other names that stay lower case ("Abu Bakr al-Baghdadi").
_NAME_PARTICLES = frozenset(["al", "el", "bin", "ibn", "bint", "abu", "de", "du", "van", "von"])
_CUE_LAST_WORDS = frozenset(["as", "called", "nicknamed", "dubbed", "alias", "aka", "a.k.a."])
# The cue's last words, as they end the text before a name ("a group called" is no cue:
# it names a new thing rather than giving another name of one already named).
_CUE_END = re.compile(
    r"(?:known\s+as|(?:also|commonly|popularly|locally|often|sometimes|otherwise)\s+called"
    r"|nicknamed|dubbed|alias|a\.k\.a\.?|aka)$",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_SHORT_NAME = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")
_BRACKET_REACH = 4  # tokens inside a bracket: "CE-VRAEM" is three


def short_name_shape(text: str) -> bool:
    """Whether a word is written like a body's short name: an acronym ("LNA", "FARDC"),
    also one with a lower-case letter or a hyphen in it ("APBn", "CE-VRAEM"), which has
    more capitals than small letters ("Maoist", "English" are words, not short names)."""
    if _BRACKETED.match(text):
        return True
    upper = sum(ch.isupper() for ch in text)
    lower = sum(ch.islower() for ch in text)
    return bool(_SHORT_NAME.match(text)) and upper >= 2 and upper > lower


def bracket_after(doc: Any, end: int) -> tuple[int, int, str] | None:
    """(first, end, text) of the words in a bracket right after token ``end`` when they
    are written as one word ("(APBn)", "(CE-VRAEM)": tokens with no space between them);
    else None."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next(
        (k for k in range(end + 2, min(len(doc), end + 2 + _BRACKET_REACH)) if doc[k].text == ")"),
        None,
    )
    if close is None or any(doc[k].whitespace_ for k in range(end + 1, close - 1)):
        return None
    return end + 1, close, doc[end + 1 : close].text


class NameSpan(Protocol):
    start: int
    end: int
    label: str
    name: str


def cue_pairs(doc: Any, cands: Sequence[NameSpan]) -> list[tuple[int, int]]:
    """Pairs (i, j) of candidates, i before j, joined by an alias cue or an appositive."""
    pairs = []
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        if b.start < a.end or b.start - a.end > _CUE_REACH:
            continue
        between = doc[a.end : b.start].text
        if (_ALIAS_CUE.match(between) and _cue_describes(doc, a, b)) or _appositive(
            doc, a, b, between
        ):
            pairs.append((i, i + 1))
    return pairs


def _cue_describes(doc: Any, a: NameSpan, b: NameSpan) -> bool:
    """The cue's participle ("known", "called") hangs on the name before it, not on a noun
    the name only qualifies ("the UN mission in DR Congo, known as MONUSCO": the mission's
    name, not the country's). An unparsed text is taken as written."""
    cue = next((t for t in doc[a.end : b.start] if t.lower_ in _CUE_LAST_WORDS | {"known"}), None)
    if cue is None or not cue.dep_ or cue.dep_ == "ROOT":
        return True
    noun = _qualified_noun(cue.head)
    return a.start <= cue.head.i < a.end and (noun is None or a.start <= noun.i < a.end)


def _qualified_noun(tok: Any) -> Any:
    """The common noun a place name qualifies through a preposition ("mission" of "the
    mission in DR Congo"), else None. A parser often hangs a cue on the nearer place."""
    prep = tok.head
    if tok.ent_type_ in ("GPE", "LOC") and tok.dep_ == "pobj" and prep.dep_ == "prep":
        return prep.head if prep.head.pos_ == "NOUN" else None
    return None


def described_noun(doc: Any, cue: Any) -> tuple[int, int] | None:
    """The span of a noun phrase with a capitalised qualifier that an alias cue describes:
    "the UN mission in DR Congo, known as MONUSCO" -> "UN mission in DR Congo"."""
    head = _qualified_noun(cue.head) or cue.head
    if cue.dep_ not in ("acl", "advcl", "relcl") or head.pos_ != "NOUN" or head.i > cue.i:
        return None
    start = head.left_edge.i
    while start < head.i and doc[start].dep_ in ("det", "predet", "poss"):
        start += 1
    end = cue.i
    while end > head.i and (doc[end - 1].is_punct or doc[end - 1].lower_ in _ADVERB_WORDS):
        end -= 1
    words = doc[start:end]
    if not any(t.text[:1].isupper() for t in words) or len(words) < 2:
        return None
    return start, end


def _appositive(doc: Any, a: NameSpan, b: NameSpan, between: str) -> bool:
    """'X, Y,': Y's head is an appositive of a word of X, in a pair of commas (or a comma
    then the sentence end), X and Y of one kind and neither in a list."""
    if between.strip() != ",":
        return False
    head = doc[b.end - 1] if b.end > b.start else doc[b.start]
    head = next((t for t in doc[b.start : b.end] if t.head.i < b.start or t.head.i >= b.end), head)
    if head.dep_ != "appos" or not (a.start <= head.head.i < a.end):
        return False
    if a.label != b.label or a.label not in ("PERSON", "ORG"):
        return False
    after = doc[b.end] if b.end < len(doc) else None
    if after is not None and after.text not in (",", ".", ")", ";", ":"):
        return False
    listed = [t for t in (head, head.head) if t.conjuncts]
    return not listed and not (
        after is not None and after.text == "," and _list_follows(doc, b.end)
    )


def _list_follows(doc: Any, i: int) -> bool:
    """ "X, Y, Z and W": a coordinator within the next few tokens after a comma."""
    return any(t.dep_ == "cc" for t in doc[i : i + 5])


def names_after_cues(doc: Any, taken: Sequence[bool]) -> list[tuple[int, int]]:
    """Token spans of capitalised names right after an alias cue that no candidate covers
    ("widely known as Abu Musa")."""
    found: list[tuple[int, int]] = []
    for tok in doc:
        if tok.lower_ not in _CUE_LAST_WORDS or not _CUE_END.search(
            doc[max(0, tok.i - 2) : tok.i + 1].text
        ):
            continue
        start = tok.i + 1
        while start < len(doc) and doc[start].lower_ in ("the", '"', "“", "‘", "'"):
            start += 1
        end = start
        while end < len(doc) and not taken[end] and _name_word(doc[end]):
            end += 1
        while end > start and doc[end - 1].lower_ in _NAME_PARTICLES | {"-"}:
            end -= 1
        if end > start and doc[start].text[:1].isupper():
            found.append((start, end))
    return found


def _name_word(tok: Any) -> bool:
    if tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text or "'" in tok.text):
        return True
    return tok.lower_ in _NAME_PARTICLES or (tok.text == "-" and not tok.whitespace_)


# Words that make a name an organisation's whatever the tagger's label ("Tigray People's
# Liberation Front" is often tagged as a person).
_ORGANISATION_WORD = re.compile(
    r"\b(?:front|army|forces?|movement|party|council|alliance|coalition|brigades?|union|"
    r"organi[sz]ation|office|agency|mission|committee|commission|ministry|observatory|"
    r"group|league|authority|government|corps|guards?)\b",
    re.IGNORECASE,
)


def _organisation(c: NameSpan) -> bool:
    return c.label == "ORG" or (c.label == "PERSON" and bool(_ORGANISATION_WORD.search(c.name)))


def acronym_pairs(doc: Any, cands: Sequence[NameSpan]) -> list[tuple[int, int]]:
    """Pairs (name, acronym) of "Full Name (ACRONYM)" (also a short name of another shape:
    "(APBn)", "(CE-VRAEM)", a one-word body's name "(Sedena)") and of an acronym's first
    use."""
    by_text: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        by_text.setdefault(c.name, []).append(i)
    pairs: list[tuple[int, int]] = []
    bound: set[str] = set()
    by_start = {c.start: j for j, c in enumerate(cands)}
    for i, c in enumerate(cands):
        inside = bracket_after(doc, c.end)
        if inside is None:
            continue
        acronym = inside[2]
        # an organisation's name: not a person's, nor a place's ("the UN mission in DR
        # Congo (MONUSCO)": the acronym is the mission's, not the country's)
        if len(c.name.split()) < 2 or not _organisation(c):
            continue
        if not short_name_shape(acronym):
            # "Mexico's Defence Ministry (Sedena)": one word the tagger took for a body's
            # name is the body's short name too, whatever its case
            j = by_start.get(inside[0])
            if j is None or cands[j].end != inside[1] or cands[j].label != "ORG":
                continue
        bound.add(acronym)
        pairs += [(i, j) for j in by_text.get(acronym, []) if j != i]
    # First use: "the United Nations ... the UN"; only when one earlier name fits.
    for j, c in enumerate(cands):
        if c.name in bound or not _BRACKETED.match(c.name):
            continue
        fits = {
            cands[i].name
            for i in range(j)
            if len(cands[i].name.split()) > 1
            and cands[i].label != "PERSON"
            and c.name in (initials(cands[i].name), initials(_written(doc, cands[i])))
        }
        if len(fits) == 1:
            name = next(iter(fits))
            pairs.append((by_text[name][0], j))
    return pairs


def _written(doc: Any, c: NameSpan) -> str:
    """A name as the text writes it, without "the": a state's forces named by their own
    words ("the Kenya Defence Forces", whose name is the state's forces) keep their
    initials ("KDF")."""
    words = [t.text for t in doc[c.start : c.end]]
    return " ".join(words[1:] if words and words[0].lower() == "the" else words)
