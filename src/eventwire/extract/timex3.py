"""TIMEX3 ``value`` strings, the form TimeBank-style gold sets use, for evaluation.

Dates come from :func:`normalize_timex` written the TIMEX3 way (decade ``199``,
quarter ``1998-Q3``, half ``1998-H2``, weekend ``1998-W32-WE``, time of day ``1998-08-07T10:35``
or ``TMO``); durations (``P3Y``, ``PT4H``, ``PXM``), recurring times (``P1W``,
``XXXX-07``), centuries (``19``) and the ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``
tokens are TIMEX3-only.
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.extract.timex import (
    MONTHS,
    NUMBER_WORDS,
    SEASONS,
    WEEKDAYS,
    clock_time,
    count_value,
    duration_match,
    normalize_timex,
    timex_key,
)
from eventwire.model import When

_DURATION_CODES = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "weekend": "WE",
}
_PRESENT = re.compile(
    r"^(?:now|right now|currently|at present|present|the present|this time|"
    r"nowadays|these days|at the moment|(?:this|the present)(?: \w+)? moment)$"
)
_PAST = re.compile(
    r"^(?:the past|past|recently|formerly|once|previously|earlier|before|"
    r"(?:(?:the|that) )?time)$"
)
_FUTURE = re.compile(r"^(?:the future|future|soon|later|in the future|the coming)$")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "twenty-first": 21}  # fmt: skip
_CENTURY = re.compile(
    r"^(?:(?:early|late|mid)[\s-]+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r"))[\s-]+century$"
)
_DAY_PARTS = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


def timex3_value(text: str, reference: str | None, tense: str = "past") -> str | None:
    """A TIMEX3 ``value`` for ``text``: dates as ISO, plus durations (``P3Y``), centuries
    (``19``), times of day (``T10:35``, ``TMO``) and the ``PRESENT_REF``/``PAST_REF``/
    ``FUTURE_REF`` tokens that gold sets use."""
    key = timex_key(text)
    if _PRESENT.match(key):
        return "PRESENT_REF"
    if _PAST.match(key):
        return "PAST_REF"
    if _FUTURE.match(key):
        return "FUTURE_REF"
    recurring = _set_value(key)
    if recurring:
        return recurring
    century = _CENTURY.match(key)
    if century:  # the 11th century is 1000-1099: TIMEX3 writes its first two digits
        n = int(century.group("n")) if century.group("n") else _ORDINALS[century.group("word")]
        return f"{n - 1:02d}"
    ours = re.fullmatch(r"(?P<dir>this|last|next)\s+century", key)
    if ours:  # "this century" in 1999 is the 1900s, TIMEX3 "19"
        year = re.match(r"\d{4}", reference or "")
        shift = {"this": 0, "last": -1, "next": 1}[ours.group("dir")]
        return f"{int(year.group(0)) // 100 + shift:02d}" if year else None
    past = re.fullmatch(r"(?:the\s+)?past\s+(?P<unit>day|week|month|year|decade|century)", key)
    if past:  # "the past decade" is the ten years up to now, not the 1980s
        return _duration("one", past.group("unit"))
    m = duration_match(key)
    if m:
        return _duration(m.group("num"), m.group("unit"))
    return timex3_of(normalize_timex(text, reference, tense))


def _iso_week_of(day: str) -> str:
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def timex3_of(when: When) -> str | None:
    """A resolved :class:`When` written as a TIMEX3 ``value`` (its text adds the time of
    day or the weekend): "199X" -> "199", "2019-W15" + "weekend" -> "2019-W15-WE"."""
    if when.value is None:
        return None
    text = (when.text or "").lower()
    if when.precision == "decade":
        return when.value.rstrip("X")
    if when.precision == "week":
        # a part of a week ("late last week", "the weekend") is valued by its first day
        week = when.value if "W" in when.value else _iso_week_of(when.value)
        return week + "-WE" if re.search(r"\bweekend\b", text) else week
    if when.precision == "month" and when.end and re.search(r"\bquarter\b|\bq[1-4]\b", text):
        return f"{when.value[:4]}-Q{(int(when.value[5:7]) + 2) // 3}"
    if when.precision == "month" and when.end and re.search(r"\bhalf\b|\bh[12]\b", text):
        return f"{when.value[:4]}-H{(int(when.value[5:7]) + 5) // 6}"
    if when.precision == "year" and re.search(r"\b(?:fiscal|fy)", text):
        return f"FY{when.value}"
    if when.precision == "day":
        clock = clock_time(text)
        if clock:
            return when.value + clock
        part = re.search(r"\b(morning|afternoon|evening|night)\b", text)
        if part:
            return when.value + _DAY_PARTS[part.group(1)]
    return when.value


_EVERY = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
          "yearly": "P1Y", "annually": "P1Y"}  # fmt: skip
_EACH = re.compile(r"^(?:each|every)\s+(?:(?P<num>\d+|[a-z]+)\s+)?(?P<what>[a-z]+?)s?$")


def _set_value(key: str) -> str | None:
    """A recurring time (TIMEX3 SET): "weekly" and "every two weeks" are their period
    (``P1W``, ``P2W``), "each July" ``XXXX-07``, "every Monday" ``XXXX-WXX-1``, "every
    summer" ``XXXX-SU``, "every weekend" ``XXXX-WXX-WE``."""
    if key in _EVERY:
        return _EVERY[key]
    m = _EACH.match(key)
    if m is None:
        return None
    what, num = m.group("what"), m.group("num")
    if (
        what in _DURATION_CODES
        and what != "weekend"
        and (num is None or num in NUMBER_WORDS or num.isdigit())
    ):
        return _duration(num or "one", what)
    if num is not None:
        return None
    if what in MONTHS:
        return f"XXXX-{MONTHS[what]:02d}"
    if what in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[what] + 1}"
    if what in SEASONS:
        return f"XXXX-{SEASONS[what]}"
    return "XXXX-WXX-WE" if what == "weekend" else None


def _duration(num: str | None, unit: str) -> str:
    code = _DURATION_CODES[unit]
    word = (num or "").strip().removesuffix(" of")
    if word in NUMBER_WORDS or word.isdigit():
        n = count_value(word)
        n_text = "X" if word in ("few", "a few", "several") else str(n)
    else:
        n_text = "X"
    if code == "DE":
        return f"P{n_text}0Y" if n_text != "X" else "PXDE"
    if code == "CE":
        return f"P{n_text}00Y" if n_text != "X" else "PXCE"
    if code.startswith("T"):
        return f"PT{n_text}{code[1]}"
    return f"P{n_text}{code}"
