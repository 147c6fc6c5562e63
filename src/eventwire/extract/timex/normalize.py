"""One expression to a :class:`When`: a numeric date, then the rules, then a range, then
dateparser as the fallback; lengths of time and bare numbers are no dates."""

from __future__ import annotations

import re
from datetime import datetime

from eventwire.extract.timex.durations import is_duration
from eventwire.extract.timex.forms import CLOCK, Reference, _fmt, _iso_week, timex_key
from eventwire.extract.timex.ranges import read_range
from eventwire.extract.timex.rules import _NUMERIC_DATE, RULES, numeric_date
from eventwire.model import When


def normalize_timex(
    text: str, reference: str | None, tense: str = "past", day_first: bool | None = None
) -> When:
    """``text`` as a :class:`When`, resolved against ``reference`` (ISO, partial allowed).

    ``tense`` ("past" or "future") picks the most recent past or the next
    occurrence of weekdays and month names. ``day_first`` says how the text writes
    dates ("3 May" or "May 3"), which reads "3/4/2020"; unknown, only a numeric date
    with one possible order resolves. Unresolvable expressions come back
    with ``value=None`` and ``precision=None``, keeping the text."""
    ref = Reference.parse(reference)
    key = timex_key(text)
    numeric = _NUMERIC_DATE.fullmatch(key)
    if numeric:
        d = numeric_date(numeric, day_first)
        return When(d.isoformat(), "day", text=text) if d else When(None, None, text=text)
    if CLOCK.search(key):  # "10:35 a.m. Friday": the day; the hour is kept by timex3_value
        key = timex_key(CLOCK.sub(" ", key))
        if not key:
            if ref is None or not ref.knows("day"):
                return When(None, None, text=text)
            return When(ref.day.isoformat(), "day", text=text)
    for pattern, rule in RULES:
        m = pattern.match(key)
        if m:
            when = rule(m, ref, tense)  # type: ignore[operator]
            if when is not None:
                return When(when.value, when.precision, text=text, end=when.end)
            return When(None, None, text=text)
    if is_duration(text) or re.fullmatch(r"\d+", key):
        # "a four-year absence", "two months of fighting", "resolution 1441": a length of
        # time or a bare number, not a point in time; dateparser would make one up
        return When(None, None, text=text)
    ranged = read_range(key, ref, tense, normalize_timex)
    if ranged is not None:
        return When(ranged.value, ranged.precision, text=text, end=ranged.end)
    fallback = _dateparser(key, ref, tense)
    if fallback is not None:
        return When(fallback.value, fallback.precision, text=text)
    return When(None, None, text=text)


def _dateparser(key: str, ref: Reference | None, tense: str) -> When | None:
    """dateparser as a fallback; with no reference only for text naming a year."""
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", key)
    if ref is None and year is None:
        return None
    if not re.search(r"[a-z0-9]", key):
        return None
    if (
        re.fullmatch(r"[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d\d", key)
        or re.fullmatch(r"(?:a|an|one|some)\s+(?:morning|afternoon|evening|night|day)", key)
        or re.search(r"\b(?:century|millennium)\b", key)
    ):
        # "25 2011" names no month and "one morning" no particular morning: dateparser
        # would take the missing parts from the reference ("this century" became 1899)
        return None
    from dateparser.date import DateDataParser

    if ref is not None:
        base = datetime.combine(ref.day, datetime.min.time())
    elif year is not None:
        base = datetime(int(year.group(1)), 1, 1)
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if tense == "future" else "past",
            "STRICT_PARSING": False,
        },
    )
    data = parser.get_date_data(key)
    if data is None or data.date_obj is None:
        return None
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    if ref is not None and not ref.knows("day") and period in ("day", "week") and not year:
        return None
    d = data.date_obj.date()
    if period == "week":
        return When(_iso_week(d), "week")
    return When(_fmt(d, period), period)
