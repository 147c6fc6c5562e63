"""The hour of a night act, as a report's words place it against the day it states: what
lets two outlets date one overnight attack to two days.

An attack that starts before midnight and ends after it is "late on Monday" or "on
Monday night" to one outlet and "early on Tuesday", "in the early hours of Tuesday" or
"before dawn on Tuesday" to another. Told so, the two days are one night, not an act and
the other side's reply to it the next day (``incidents.reprisal_veto``): a report's
**edge** is ``late`` when its act is told at the end of its stated day, ``early`` when at
its start, ``night`` when told only as "overnight" or "during the night" (either end of
it), else "". Only the acts that state the report's own day count, and of each only its
clause (:func:`act_clause`): the night of another act told beside it, in another
sentence or in another clause of its own ("Militants attacked the post on Monday, and
the army shelled their hideouts late on Monday"), is not this one's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.model import EventMention

LATE = "late"
EARLY = "early"
NIGHT = "night"

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}\s+[a-z]+|[a-z]+\s+\d{1,2})"
# the end of a stated day: "late on Monday", "late Monday", "on Monday night", "Monday
# evening", "late in the evening", "on the night of 12 June"
_LATE = re.compile(
    rf"\blate\s+(?:on\s+)?{_DAY}\b|\b{_DAY}\s+(?:night|evening)\b|\blate\s+in\s+the\s+"
    rf"(?:evening|night|day)\b|\bon\s+the\s+night\s+of\b|\blate\s+at\s+night\b"
)
# the start of a stated day: "early on Tuesday", "early Tuesday", "in the early hours of
# Tuesday", "before dawn", "at dawn", "pre-dawn", "at daybreak", "shortly after midnight"
_EARLY = re.compile(
    rf"\bearly\s+(?:on\s+)?{_DAY}\b|\bin\s+the\s+(?:early|small)\s+hours\b|\bbefore\s+"
    r"(?:dawn|daybreak|first\s+light)\b|\bat\s+(?:dawn|daybreak|first\s+light)\b"
    r"|\bpre-?dawn\b|\bafter\s+midnight\b"
)
# a night with no end named: "overnight", "during the night", "at night", "at midnight"
_NIGHT = re.compile(r"\bovernight\b|\bduring\s+the\s+night\b|\bat\s+(?:mid)?night\b")


def hour_edge(sentence: str) -> str:
    """Where ``sentence`` places its act in its day: ``late``, ``early``, ``night`` or ""
    (both ends named: "late on Monday and early on Tuesday" is ``night``)."""
    text = " ".join(sentence.casefold().split())
    late, early = bool(_LATE.search(text)), bool(_EARLY.search(text))
    if late and early:
        return NIGHT
    if late:
        return LATE
    if early:
        return EARLY
    return NIGHT if _NIGHT.search(text) else ""


# where a sentence's clauses meet: a comma, a semicolon or colon, a dash between words
_BREAK = re.compile(r"[,;:]|\s[-\u2013\u2014]{1,2}\s")


def act_clause(em: EventMention) -> str:
    """The words of ``em``'s sentence that tell its act and its time: the stretch between
    clause breaks (commas, semicolons, dashes) that holds its trigger, widened to the one
    that holds its date phrase where the sentence states it ("Late on Monday, gunmen
    stormed the post"; of two, the one nearest the trigger). Another act's hour told in
    another clause ("..., and the army shelled their hideouts late on Monday") is left
    out; a sentence with no break is one clause."""
    sentence = em.evidence.sentence
    cuts = [0, *(m.end() for m in _BREAK.finditer(sentence)), len(sentence) + 1]
    spans = list(zip(cuts, cuts[1:], strict=False))
    at = max(em.trigger.start - em.evidence.char_start, 0)
    first = last = _clause_no(spans, at)
    said = (em.when.text or "").casefold() if em.when else ""
    if said:
        folded = sentence.casefold()
        found = [m.start() for m in re.finditer(re.escape(said), folded)]
        if found:
            near = _clause_no(spans, min(found, key=lambda x: abs(x - at)))
            first, last = min(first, near), max(last, near)
    return sentence[spans[first][0] : spans[last][1]]


def _clause_no(spans: list[tuple[int, int]], at: int) -> int:
    return next((n for n, (start, end) in enumerate(spans) if start <= at < end), len(spans) - 1)


def night_edge(members: Iterable[EventMention], day: str | None, violent: frozenset[str]) -> str:
    """The edge of the report whose acts are ``members`` and whose stated day is ``day``:
    the hour the clauses of its violent acts dated to that day give (:func:`act_clause`;
    the first that gives one, in text order), else ""."""
    if not day:
        return ""
    for em in sorted(members, key=lambda m: m.trigger.start):
        if em.type not in violent or not em.when or em.when.calendar != day:
            continue
        if edge := hour_edge(act_clause(em)):
            return edge
    return ""


def one_night(earlier: str, later: str) -> bool:
    """Whether a report told at the ``earlier`` edge of its day and one told at the
    ``later`` edge of the next day tell one night: the first at its day's end (or only
    "overnight"), the second at its day's start (or only "overnight")."""
    return earlier in (LATE, NIGHT) and later in (EARLY, NIGHT)
