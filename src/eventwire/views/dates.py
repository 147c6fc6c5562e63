"""Dates at their precision: one module for how pages, lists and timelines show and draw them.

Stored dates are partial ISO values whose precision travels beside them:
``2016-09-14`` (day), ``2016-W37`` (ISO week), ``2016-09`` (month), ``2016-SU``
(season, TIMEX3 codes SP/SU/FA/WI), ``2016`` (year), ``201X`` (decade), and a
publication day standing in for an unknown event date (``publication``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

# season code (TIMEX3, and the 21-24 of ISO 8601-2) -> (name, first month, last month)
SEASONS = {
    "SP": ("spring", 3, 5),
    "SU": ("summer", 6, 8),
    "FA": ("autumn", 9, 11),
    "WI": ("winter", 12, 2),
    "21": ("spring", 3, 5),
    "22": ("summer", 6, 8),
    "23": ("autumn", 9, 11),
    "24": ("winter", 12, 2),
}
# the season a month falls in, for a season given as one of its months ("2019-07", season)
_SEASON_OF_MONTH = {1: "WI", 2: "WI", 12: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
                    8: "SU", 9: "FA", 10: "FA", 11: "FA"}  # fmt: skip
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
UNITS = ("day", "week", "month", "year")


# --- reading dates given by people ----------------------------------------------------------


def parse_iso_date(value: str) -> str:
    """A date typed in a filter as the canonical ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Raises ValueError with a message saying what is accepted; nothing else gets through,
    so a filter never compares arbitrary text with stored dates."""
    text = value.strip()
    m = _ISO.fullmatch(text)
    if m is None:
        raise ValueError(f"{value[:40]!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{text!r}: month must be 01-12")
    if day is not None:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the calendar") from None
    return text


# --- showing dates ------------------------------------------------------------------------------


def format_when(value: str | None, precision: str | None = None, end: str | None = None) -> str:
    """A partial date shown at its precision: ``2016-09`` -> 'September 2016'."""
    if not value:
        return "undated"
    text = _format_one(value, precision)
    if end and end != value:
        text = f"{text} – {_format_one(end, precision)}"
    if precision == "publication":
        text += " (publication date)"
    return text


def _format_one(value: str, precision: str | None) -> str:
    parts = value.split("-")
    year = parts[0]
    if precision == "decade" or year.endswith("X"):
        return f"the {year[:3]}0s"
    if len(parts) == 1 or precision == "year":
        return year
    code = parts[1]
    if code in SEASONS:
        return f"{SEASONS[code][0]} {year}"
    if code.startswith("W") and code[1:].isdigit():
        return _week_text(int(year), int(code[1:]))
    try:
        month = int(code)
        month_name = calendar.month_name[month]
    except (ValueError, IndexError):
        return value
    if precision == "season":
        season = _SEASON_OF_MONTH[month]
        return f"{SEASONS[season][0]} {year}"
    if len(parts) == 2 or precision == "month":
        return f"{month_name} {year}"
    try:
        day = date(int(year), month, int(parts[2]))
    except ValueError:
        return value
    if precision == "week":
        iso_year, week, _ = day.isocalendar()
        return _week_text(iso_year, week)
    return f"{day.day} {month_name} {year}"


def _week_text(iso_year: int, week: int) -> str:
    try:
        monday = date.fromisocalendar(iso_year, week, 1)
    except ValueError:
        return f"week {week} of {iso_year}"
    return f"week of {monday.day} {calendar.month_name[monday.month]} {monday.year}" + (
        f" (week {week})" if iso_year == monday.year else f" (week {week} of {iso_year})"
    )


# --- drawing dates ------------------------------------------------------------------------------


def date_span(
    value: str | None, precision: str | None, end: str | None = None
) -> tuple[date, date] | None:
    """First and last day covered by a partial date (None when undated or unreadable)."""
    if not value:
        return None
    first = _span(value, precision)
    last = _span(end, precision) if end else first
    if first is None or last is None:
        return None
    return first[0], last[1]


def date_range(value: str | None, precision: str | None, end: str | None = None) -> tuple[str, str]:
    """:func:`date_span` as ISO strings, for timelines ('' when undated)."""
    span = date_span(value, precision, end)
    return (span[0].isoformat(), span[1].isoformat()) if span else ("", "")


@lru_cache(maxsize=1 << 16)  # a histogram asks for the same few thousand dates again and again
def _span(value: str, precision: str | None) -> tuple[date, date] | None:
    parts = value.split("-")
    head = parts[0]
    try:
        if precision == "decade" or head.endswith("X"):
            start = int(head[:3]) * 10
            return date(start, 1, 1), date(start + 9, 12, 31)
        year = int(head)
        if len(parts) == 1 or precision == "year":
            return date(year, 1, 1), date(year, 12, 31)
        code = parts[1]
        if code in SEASONS or precision == "season":
            season = code if code in SEASONS else _SEASON_OF_MONTH[int(code)]
            _name, first, last = SEASONS[season]
            end_year = year + 1 if last < first else year
            return date(year, first, 1), _month_end(end_year, last)
        if code.startswith("W"):
            monday = date.fromisocalendar(year, int(code[1:]), 1)
            return monday, monday + timedelta(days=6)
        month = int(code)
        if len(parts) == 2 or precision == "month":
            return date(year, month, 1), _month_end(year, month)
        day = date(year, month, int(parts[2]))
        if precision == "week":
            monday = day - timedelta(days=day.weekday())
            return monday, monday + timedelta(days=6)
        return day, day
    except (ValueError, KeyError, IndexError):
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=1 << 16)
def bucket(value: str | None, precision: str | None, unit: str) -> date | None:
    """The first day of the histogram bar (``unit``: day/week/month/year) a date falls in,
    or None when the date is coarser than one bar (it is counted apart, not guessed)."""
    span = date_span(value, precision)
    if span is None:
        return None
    first, last = span
    start = bucket_start(first, unit)
    return start if bucket_start(last, unit) == start else None


def bucket_start(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def bucket_end(start: date, unit: str) -> date:
    if unit == "day":
        return start
    if unit == "week":
        return start + timedelta(days=6)
    if unit == "month":
        return _month_end(start.year, start.month)
    return date(start.year, 12, 31)


def bucket_label(start: date, unit: str) -> str:
    if unit == "day":
        return f"{start.day} {calendar.month_abbr[start.month]} {start.year}"
    if unit == "week":
        return f"week of {start.day} {calendar.month_abbr[start.month]} {start.year}"
    if unit == "month":
        return f"{calendar.month_abbr[start.month]} {start.year}"
    return str(start.year)
