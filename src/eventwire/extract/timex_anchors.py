"""Times counted from a named moment: "one week after the ceasefire", "two days before the
vote", "a month after rebels seized the town", "on the eve of the summit", "on the same day
as the ambush" (the moment's own day).

The moment counted from (the anchor) is the complement of "after"/"before"/"eve of"/"as": a
noun ("the ceasefire") or a clause ("rebels seized the town"). It dates the expression
only when the article dates the anchor itself: a day the anchor's own phrase gives ("two
days after the 3 May vote"), else the last earlier sentence that mentions the same
moment (the same noun or verb) with a day of its own ("The truce took effect on 3 May.
... One week after the truce, ..."). An anchor the article never dates gives no date:
neither the publication day nor the last date told is the moment named.

What happens inside the anchor is dated the other way round: in "the newest raid comes ten
days after jets bombed a school", the bombing is ten days before the time
of the clause that counts from them (:func:`counted_back`). A length of time with no
complement ("two days later", "a day earlier") is counted from the last date the story
gave (see :mod:`eventwire.extract.dates`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventwire.extract.timex import count_value
from eventwire.model import When

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.extract.docview import DocView

# "one week after", "two days before", "a month or so after": the length and the way
_COUNTED = re.compile(
    r"(?i)^(?:exactly\s+|just\s+|only\s+|some\s+|about\s+|nearly\s+|almost\s+)?"
    r"(?P<num>\d+|a few|a couple of|an?|[a-z]+)\s+(?P<unit>day|week|month|year)s?(?:\s+or\s+so)?\s+"
    r"(?P<way>after|before)$"
)
# "the eve of": the day before the moment named
EVE = re.compile(r"(?i)^(?:on\s+)?the\s+eve\s+of$")
# "the same day as": the day of the moment named ("on the same day as the ambush")
SAME = re.compile(r"(?i)^(?:on\s+)?the\s+same\s+(?:day|night|morning|afternoon|evening)\s+as$")
_DAYS = {"day": 1, "week": 7}
_MARKS = ("after", "before", "of", "as")


@dataclass(frozen=True)
class CountedFrom:
    """A time counted from a named moment: ``anchor`` is the head of the moment (a verb
    or a noun), ``outer`` what the expression dates, ``sign`` +1 after the anchor and -1
    before it, ``n`` units of ``unit``."""

    anchor: Token
    outer: Token
    sign: int
    n: int
    unit: str
    start: int  # where the expression itself starts

    def shift(self, value: str, sign: int) -> str | None:
        """``value`` (an ISO day) moved ``sign`` times this length; None if not a day."""
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return None
        if len(value) != 10:
            return None
        k = sign * self.n
        if self.unit in _DAYS:
            return (day + timedelta(days=k * _DAYS[self.unit])).isoformat()
        months = k * (12 if self.unit == "year" else 1)
        y, m = divmod(day.month - 1 + months, 12)
        for d in (day.day, 30, 29, 28):
            try:
                return date(day.year + y, m + 1, d).isoformat()
            except ValueError:
                continue
        return None


def counted_from(doc: Doc, start: int, end: int, text: str) -> CountedFrom | None:
    """The construction when the expression ``text`` at characters [start, end) of
    ``doc`` counts a length from a moment it names ("one week after the ceasefire");
    None for a length with no complement ("two days later", "a week before,") or
    anything else."""
    counted = _COUNTED.match(text)
    same = SAME.match(text) is not None
    if counted is None and not same and not EVE.match(text):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span[-1].lower_ not in _MARKS:
        return None
    mark = span[-1]
    anchor = _complement(mark)
    if anchor is None:
        return None
    outer = mark.head if mark.dep_ != "mark" else anchor.head
    if outer.i == anchor.i or outer.i == mark.i:
        return None
    if same:  # the same day: no length at all
        return CountedFrom(anchor, outer, 1, 0, "day", start)
    if counted is None:  # the eve: one day before
        return CountedFrom(anchor, outer, -1, 1, "day", start)
    try:
        n = count_value(counted.group("num"))
    except (KeyError, ValueError):
        return None
    sign = 1 if counted.group("way").lower() == "after" else -1
    return CountedFrom(anchor, outer, sign, n, counted.group("unit").lower(), start)


def _complement(mark: Token) -> Token | None:
    """The head of the moment "after"/"before"/"of" introduces: the verb of the clause it
    marks ("after jets bombed a school"), or its object ("after the ceasefire",
    "after seizing the town")."""
    if mark.dep_ == "mark" and mark.head.pos_ in ("VERB", "AUX") and mark.head.i > mark.i:
        return mark.head
    return next((c for c in mark.children if c.dep_ in ("pobj", "pcomp") and c.i > mark.i), None)


def anchor_day(
    view: DocView, counted: CountedFrom, days: list[tuple[int, int, str]], before: int
) -> str | None:
    """The day the article gives the anchor of ``counted``: a day inside the anchor's own
    phrase, else the last earlier sentence (ending before character ``before``) that
    names the same moment (same lemma, noun or verb) with a day in its clause. ``days``
    are (start, end, ISO day) of the document's day-precision dates."""
    anchor = counted.anchor
    lo, hi = phrase_chars(counted)
    own = [v for s, _e, v in days if lo <= s < hi]
    if own:
        return own[0]
    lemma = anchor.lemma_.lower()
    doc = view.doc
    found = None
    for tok in view.tokens:
        if tok.idx >= before:
            break
        if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            continue
        clause = clause_verb(tok)
        sent = view.sent(tok)
        for s, _e, v in days:
            if not sent.start_char <= s < sent.end_char:
                continue
            timex_tok = doc.char_span(s, _e, alignment_mode="expand")
            if timex_tok is not None and clause_verb(timex_tok.root).i == clause.i:
                found = v
    return found


def clause_verb(token: Token) -> Token:
    """The verb heading ``token``'s clause: itself when a verb, else the first above (the
    sentence root when none is)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def counted_back(token: Token, counted: CountedFrom, outer_when: When | None) -> When | None:
    """The date of an event inside the anchor of ``counted`` (``token`` in its phrase):
    the time of the clause that counts from it, moved back by the length ("comes ten
    days after jets bombed a school": the bombing ten days earlier). None when the
    counting clause has no day."""
    if outer_when is None or outer_when.value is None:
        return None
    if outer_when.precision not in ("day", "publication"):
        return None
    value = counted.shift(outer_when.value, -counted.sign)
    return When(value, outer_when.precision, text=outer_when.text) if value else None


def phrase_chars(counted: CountedFrom) -> tuple[int, int]:
    """Characters [start, end) of the anchor's phrase: a date in it dates the anchor ("two
    days after the 3 May vote"), not the clause that counts from it."""
    anchor = counted.anchor
    return anchor.left_edge.idx, anchor.right_edge.idx + len(anchor.right_edge.text)


# Links by which a clause hangs on a word: its dates and places are its own.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})


def clause_tokens(token: Token) -> set[int]:
    """Character offsets of the tokens in ``token``'s own clause (embedded clauses cut off:
    their dates and places are their own)."""
    return phrase_offsets(clause_verb(token), lambda _node, _child: False)


def phrase_offsets(root: Token, keeps_clause: Callable[[Token, Token], bool]) -> set[int]:
    """Offsets of ``root``'s subtree without the clauses embedded in it, but those
    ``keeps_clause(parent, clause verb)`` keeps."""
    offsets: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        offsets.add(node.idx)
        for child in node.children:
            clause = child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX")
            if not clause or keeps_clause(node, child):
                stack.append(child)
    return offsets
