"""Names followed by the description they are known by: "the Sitkaw, as the country's armed
forces are known,"; "Jund Sabr, as the group calls itself," (read in the mention pass, and by
:func:`~eventwire.extract.descriptions.definite_descriptions` for the kinds it gives a name)."""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.description_kinds import ARMY_WORDS, DESCRIBED_BY, GROUP_KINDS
from eventwire.extract.docview import DocView
from eventwire.extract.namephrases import Cand

# A name followed by the description it is known by: "X, as the country's armed forces are
# known," "X, as the militant group is widely known," "X, as the group calls itself,".
_KNOWN_BY = re.compile(
    r"^\s*,\s*as\s+(?:the|its|their|this)\s+(?P<desc>[a-z][a-z' -]{1,60}?)\s+"
    r"(?:(?:is|are|was|were)\s+(?:[a-z]+ly\s+)?known|calls?\s+(?:itself|themselves))\b"
)


def known_by(doc: Any, end: int) -> str | None:
    """The lowercase description a name is said to be known by, right after it: "the
    Sitkaw, as the country's armed forces are widely known" -> "country's armed forces";
    "Jund al-Haqq, as the group calls itself" -> "group"."""
    if end >= len(doc) or not (doc[end].is_space or doc[end].text.startswith(",")):
        return None  # no comma next (most words): no text to build and match
    found = _KNOWN_BY.match(doc[end : end + 14].text)
    return found.group("desc") if found else None


def known_as_group(doc: Any, end: int) -> bool:
    """Whether the name ending at ``end`` is said to be known as a group or a state's
    forces ("X, as the country's armed forces are widely known"; "X, as the group calls
    itself"), not as a person ("X, as the commander is known")."""
    desc = known_by(doc, end)
    return desc is not None and bool(
        description_kinds(desc) & GROUP_KINDS or ARMY_WORDS.search(desc)
    )


def names_known_by(view: DocView, cands: list[Cand]) -> list[Cand]:
    """Capitalised words the tagger missed before the description they are known by: "The
    Sitkaw, as the country's armed forces are widely known, ..." -> a group's name "Sitkaw"."""
    doc = view.doc
    taken = {i for c in cands for i in range(c.start, c.end)}
    found: list[Cand] = []
    for tok in view.tokens:
        if tok.i in taken or not tok.text[:1].isupper() or not known_as_group(doc, tok.i + 1):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].is_alpha
            and (start - 1) not in taken
            and not doc[start - 1].is_sent_start
        ):
            start -= 1
        if tok.is_sent_start and start == tok.i:
            continue  # a sentence's first word alone: its capital says nothing
        found.append(Cand(start, tok.i + 1, "ORG", doc[start : tok.i + 1].text))
    return found


def description_kinds(desc: str) -> set[str]:
    """Kind nouns of a lowercase description, in the singular ("militant groups" ->
    {"militant", "group"})."""
    words = re.findall(r"[a-z]+", desc)
    return {w[:-1] if w.endswith("s") and w[:-1] in DESCRIBED_BY else w for w in words}
