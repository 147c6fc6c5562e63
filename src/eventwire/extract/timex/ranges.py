"""Ranges: "from March to May 2019", "April 4-6", "2014-2016", "1990-91". Each end is
read as a single expression by the reader passed in (the normaliser itself), so a range
of any two forms the rules know resolves."""

from __future__ import annotations

import re
from collections.abc import Callable

from eventwire.extract.timex.forms import _MONTH, _YEAR, Reference, _month_day, _ref_text
from eventwire.model import When

# (text, reference, tense) -> When: how one end of a range is read
Reader = Callable[[str, str | None, str], When]

_SHORT_YEARS = re.compile(_YEAR + r"\s*(?:-|–|/)\s*(?P<y2>\d\d)$")
# "25-26 July", "the night of 2 and 3 May 2020": days first, the month said once
_DAY_FIRST_RANGE = re.compile(
    r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)"
    r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?$"
)
_RANGE = re.compile(r"(?:between\s+)?(?P<a>.+?)\s*(?:-|–|to|until|and|through)\s*(?P<b>.+)$")


def read_range(key: str, ref: Reference | None, tense: str, read: Reader) -> When | None:
    """ "from March to May 2019", "April 4-6", "2014-2016", "1990-91": a start with an ``end``."""
    years = _SHORT_YEARS.match(key)
    if years:  # "the 2018/19 season", "the 1990-91 war": the second year's century is the first's
        y1, y2 = int(years.group("year")), int(years.group("y2"))
        y2 += y1 // 100 * 100 + (100 if y2 < y1 % 100 else 0)
        if 0 < y2 - y1 <= 20:  # "2020-05" is a month, not 85 years
            return When(str(y1), "year", end=str(y2))
    m = re.match(
        r"(?:between\s+)?"
        + _MONTH
        + r"\s+(?P<d1>[0-3]?\d)\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:,?\s+"
        + _YEAR
        + ")?$",
        key,
    ) or _DAY_FIRST_RANGE.match(key)
    if m:
        first = read(
            f"{m.group('month')} {m.group('d1')} {m.group('year') or ''}",
            _ref_text(ref) if ref else None,
            tense,
        )
        last = first.value and _month_day(
            int(first.value[:4]), int(first.value[5:7]), int(m.group("d2"))
        )
        if last and first.value and last.isoformat() > first.value:
            return When(first.value, "day", end=last.isoformat())
    m = _RANGE.match(key)
    if not m:
        return None
    b = read(m.group("b"), _ref_text(ref) if ref else None, tense)
    if not b.value:
        return None
    a_text = m.group("a")
    year_b = b.value[:4]
    lone_day = re.search(r"(?:^|\s)([0-3]?\d)(?:st|nd|rd|th)?$", a_text)
    if b.precision == "day" and lone_day and not re.search(_MONTH, a_text):
        # "the weekend of 3 to 6 June": the first day is in the second's month
        a_text = f"{b.value[:8]}{int(lone_day.group(1)):02d}"
    shared = b.precision in ("day", "month") and not re.search(r"\d{4}", a_text)
    if shared:
        a_text = f"{a_text} {year_b}"  # "March to May 2019": the year is shared
    a = read(a_text, _ref_text(ref) if ref else None, tense)
    if shared and a.value and a.value > b.value:
        # "from November to January": a period across the new year starts the year before
        a = read(f"{m.group('a')} {int(year_b) - 1}", _ref_text(ref) if ref else None, tense)
    if not a.value or a.precision != b.precision or a.value > b.value:
        return None
    return When(a.value, a.precision, end=b.value)
