"""Lengths of time ("three years", "a four-year absence", "the next two weeks"): no
point in time, so no date; :mod:`eventwire.extract.timex3` writes them as durations."""

from __future__ import annotations

import re

from eventwire.extract.timex.forms import timex_key

_DURATION = re.compile(
    r"^(?:(?:more than|less than|nearly|almost|about|some|up to|over|at least|just|only|the (?:past|"
    r"last|next|first|coming)|(?:past|last|next|first|coming))\s+)*"
    r"(?:(?P<num>\d+(?:\s*(?:-|–|to)\s*\d+)?|[a-z]+(?:\s+of)?|a few|a couple of)[\s-]+)?"
    r"(?P<unit>second|minute|hour|day|"
    r"week|month|year|decade|century|weekend)s?(?:[\s-]+long|[\s-]+old)?$"
)


def is_duration(text: str) -> bool:
    """ "three years", "a four-year absence", "the next two weeks": a length of time."""
    return duration_match(timex_key(text)) is not None


def duration_match(key: str) -> re.Match | None:
    """The duration reading of a stripped expression; "last week", "that day" and "the
    weekend" are times, "each week" a set, "the last two weeks" and "weeks" are lengths."""
    m = _DURATION.match(key)
    if m is None:
        return None
    num = (m.group("num") or "").split()
    if num and num[0] in _DETERMINERS:
        return None
    bare_unit = re.fullmatch(
        r"(?:the\s+)?(?:last|next|coming)\s+(?:day|week|month|year|decade)", key
    )
    return m if num or (bare_unit is None and m.group("unit") != "weekend") else None


# a unit after one of these is one particular unit (or each of them), not a length
_DETERMINERS = ("the", "this", "that", "these", "those", "same", "each", "every")
