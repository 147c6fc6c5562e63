"""Datelines and credits a page glues to its first words: never actors.

* a dateline or outlet prefix before a dash ("TRIPOLI - Forces", "Reuters -Russia"): the
  prefix is cut off, and what remains is judged on its own (:func:`dateline_prefix`);
* a place and a colon opening a paragraph ("PUNE: the police said ..."), as one-case feeds
  and many South Asian papers write them (:func:`colon_datelines`);
* a credit in brackets opening a paragraph, an agency, an outlet and a date
  ("Gaza Strip, (Wire - Daily Point News - 25th Oct, 2024) The agency said"): the
  story's credit (:func:`credit_brackets`);
* an outlet's name with a note that the story is translated, before a dash ("Le Courrier
  du Soir (translated from French) -- Gunmen ..."): the story's credit, however the
  outlet's name is written (:func:`translated_credit`).
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.notactors import MONTHS

# A dateline or an outlet's credit before a dash: "TRIPOLI - ", "BAMAKO, Mali (AP) — ",
# "Reuters -". The part before the dash is in capitals, or an outlet named in brackets.
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][\w.'’]*)*(?:\s*\([A-Za-z. ]+\))?|\([A-Za-z. ]+\))"
    r"\s*[-–—]+\s*(?=\S)"
)


def dateline_prefix(text: str, is_outlet: Any = None) -> int:
    """Length of a dateline or outlet prefix glued before a name ("TRIPOLI - Forces" -> 9),
    0 when there is none. ``is_outlet(word)`` tells a news outlet's name ("Reuters -Russia")."""
    m = _DATELINE_PREFIX.match(text)
    if m and m.end() < len(text):
        return m.end()
    outlet = re.match(r"^([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*[-–—]+\s*(?=[A-Z])", text)
    if outlet and is_outlet is not None and is_outlet(outlet.group(1)):
        return outlet.end()
    return 0


# A paragraph opening with a place, maybe its district in brackets, and a colon.
_COLON_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<name>[^\W\d_][\w.'-]*(?:[ \t][\w.'-]+){0,2})"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[ \t]"
)


def colon_datelines(text: str, is_place: Any) -> list[tuple[int, int]]:
    """Character ranges of datelines written as a place and a colon at a paragraph's
    start ("PUNE: the police said ...", "new delhi: the minister ...", "Rampur (Kheda):
    ..."), as one-case feeds and many South Asian papers write them: the story's place,
    never an actor (not the capital's state: "new delhi:" is no "India said"). The words
    before the colon must be a place the gazetteer knows (``is_place``), so a headline's
    label ("Syria crisis: ...") or a speaker ("Mr Ali: ...") is no dateline."""
    found = []
    for m in _COLON_DATELINE.finditer(text):
        name = m.group("name")
        if is_place(name) or is_place(name.title()):
            found.append((m.start("name"), m.end()))
    return found


# A bracket near a paragraph's start holding a credit: words, a dash, and a date with a
# month name ("(Wire - Daily Point News - 25th Oct, 2024)", "(Agency) - 3 March 2023").
_BRACKET = re.compile(r"(?m)^[^\n()]{0,60}?\(([^()\n]{3,120})\)")
_MONTH_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(m.title()) for m in MONTHS), key=len, reverse=True))
    + r")\b\.?"
)


def credit_brackets(text: str) -> list[tuple[int, int]]:
    """Character ranges of credit brackets opening a paragraph: a dash-separated credit
    with a date ("Gaza Strip, (Wire - Daily Point News - 25th Oct, 2024) ..."). The names
    inside are the story's sources and its date, never actors."""
    found = []
    for m in _BRACKET.finditer(text):
        inside = m.group(1)
        if (
            re.search(r"\s[-–—]\s", inside)
            and _MONTH_WORD.search(inside)
            and re.search(r"\d", inside)
        ):
            found.append((m.start(1), m.end(1)))
    return found


# An outlet's name as a paper writes it in its own tongue: capitalised words, joined by
# the small words of a name ("Le Courrier du Soir", "Diario del Valle", "Al-Sabah Today"),
# then a bracket saying the story is translated and a dash.
_NAME_WORD = r"[A-Z][\w'’.]*(?:-[A-Za-z][\w'’.]*)*"
_NAME_JOIN = r"(?:de|du|des|del|della|di|da|do|dos|la|le|les|el|al|an|of|the|y|e|i|wa)"
_TRANSLATED_CREDIT = re.compile(
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_JOIN}\s+)*{_NAME_WORD}){{0,5}}"
    r"\s*\((?:report\s+)?translated\s+from\s+[^()\n]{1,40}\)\s*[-–—]+\s+(?=\S)"
)


def translated_credit(text: str, start: int) -> int | None:
    """The end of an outlet's credit opening the paragraph at ``start`` with a note that
    the story is translated ("Le Courrier du Soir (translated from French) -- ", "Al-Sabah
    Today (translated from Arabic) -- "), None when there is none. The note says the words
    before it name the outlet, so its name may hold the small words ("du", "del") and
    hyphens a dateline in capitals never has."""
    m = _TRANSLATED_CREDIT.match(text, start)
    return m.end() if m else None
