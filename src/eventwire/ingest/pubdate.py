"""Publication dates: from metadata values, or from an article's header lines.

A date is only taken from the *header* of a text (its first few short lines, or
the first words of a long line, as in a dateline), never from the body, where
dates are about events, not about publication. An all-numeric date such as
``11/12/2016`` is read day-first or month-first by, in order: a value over 12, a
weekday name given with it, the outlet's known convention; failing all three,
only the year is kept (precision ``year``) and the date is marked ambiguous.
Nothing here ever falls back to today's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from eventwire.config import Settings
from eventwire.knowledge.outlets import outlet_date_orders
from eventwire.text.calendar_words import month_numbers, weekday_numbers

MONTHS = month_numbers(abbreviations=True)
# with abbreviations: page datelines write "Tue, 11 Dec 2018"
WEEKDAYS = weekday_numbers(abbreviations=True)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\s*)?"

PATTERNS = [
    # Sunday 11/12/2016, 11.12.2016, 11-12-2016
    re.compile(
        _WEEKDAY + r"\b(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>(?:19|20)\d{2})\b", re.I
    ),
    # 2016-12-11
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # May 16, 2018 | April 16\n14:38 2019 | Monday, May 16 2018
    re.compile(
        _WEEKDAY
        + r"\b"
        + _MONTH
        + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
        + _TIME
        + r"(?P<year>(?:19|20)\d{2})\b",
        re.I,
    ),
    # 16 May 2018 | Wednesday 16th May, 2018
    re.compile(
        _WEEKDAY
        + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTH
        + r",?\s+"
        + r"(?P<year>(?:19|20)\d{2})\b",
        re.I,
    ),
]

# Each pattern without its leading weekday: a text in which this finds nothing holds no
# match of the whole pattern, and the first match of the whole cannot start before the
# first of this (less the weekday, a stop, a comma and spaces before it). Scanning for
# it is cheaper than trying the weekday names at every character of the header.
_CORES = [
    re.compile(p.pattern.removeprefix(_WEEKDAY), p.flags) if p.pattern.startswith(_WEEKDAY) else p
    for p in PATTERNS
]
_LONGEST_WEEKDAY = max(map(len, WEEKDAYS))

HEADER_LINES = 12
SHORT_LINE = 100
DATELINE_REACH = 60


@dataclass(frozen=True)
class PubDate:
    value: str | None = None  # ISO date, partial allowed
    precision: str | None = None  # day / month / year
    ambiguous: bool = False
    how: str = ""  # metadata / header / none


NO_DATE = PubDate(how="none")


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _resolve_numeric(
    a: int, b: int, year: int, weekday: int | None, order: str | None
) -> PubDate | None:
    dmy, mdy = _valid(year, b, a), _valid(year, a, b)
    candidates = [c for c in (dmy, mdy) if c is not None]
    if not candidates:
        return None
    if len(candidates) == 1 or dmy == mdy:
        return PubDate(candidates[0].isoformat(), "day", how="header")
    if weekday is not None:
        matching = [c for c in candidates if c.weekday() == weekday]
        if len(matching) == 1:
            return PubDate(matching[0].isoformat(), "day", how="header")
    if order == "DMY" and dmy:
        return PubDate(dmy.isoformat(), "day", how="header")
    if order == "MDY" and mdy:
        return PubDate(mdy.isoformat(), "day", how="header")
    return PubDate(str(year), "year", ambiguous=True, how="header")


def _from_match(match: re.Match[str], order: str | None) -> PubDate | None:
    groups = match.groupdict()
    weekday = WEEKDAYS.get((groups.get("weekday") or "").lower())
    year = int(groups["year"])
    if groups.get("a"):
        return _resolve_numeric(int(groups["a"]), int(groups["b"]), year, weekday, order)
    if groups.get("m"):
        found = _valid(year, int(groups["m"]), int(groups["d"]))
    else:
        found = _valid(year, MONTHS[groups["month"].lower()], int(groups["day"]))
    return PubDate(found.isoformat(), "day", how="header") if found else None


def outlet_order(outlet: str | None, orders: Mapping[str, str]) -> str | None:
    """The date order (DMY or MDY) ``orders`` give for ``outlet`` (any case), else None."""
    return orders.get(outlet.strip().lower()) if outlet else None


def find_publication_date(
    text: str, *, outlet: str | None = None, settings: Settings | None = None
) -> PubDate:
    """The publication date stated in the header of ``text``, or :data:`NO_DATE`."""
    order = outlet_order(outlet, outlet_date_orders(settings)) if outlet else None
    lines = [ln for ln in text.split("\n") if ln.strip()][:HEADER_LINES]
    header = "\n".join(lines)
    offsets = []
    pos = 0
    for ln in lines:
        offsets.append((pos, pos + len(ln), len(ln.strip())))
        pos += len(ln) + 1
    best: tuple[int, PubDate] | None = None
    for pattern, core in zip(PATTERNS, _CORES, strict=True):
        for match in _matches(pattern, core, header):
            line_start, _, length = next(o for o in offsets if o[0] <= match.start() <= o[1])
            if length > SHORT_LINE and match.start() - line_start > DATELINE_REACH:
                continue  # a date inside body prose, not a header or dateline
            found = _from_match(match, order)
            if found is not None and (best is None or match.start() < best[0]):
                best = (match.start(), found)
    return best[1] if best else NO_DATE


def _matches(pattern: re.Pattern[str], core: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, started where a match can first start (see ``_CORES``)."""
    first = core.search(text)
    if first is None:
        return iter(())
    start = first.start()
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return pattern.finditer(text, max(0, start - len(".,") - _LONGEST_WEEKDAY))


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?\s*$")


def parse_date_value(raw: object) -> PubDate:
    """A publication date from a metadata value (ISO string, RFC 822, 'May 16, 2018', date)."""
    if raw is None or raw == "":
        return NO_DATE
    if isinstance(raw, datetime):
        return PubDate(raw.date().isoformat(), "day", how="metadata")
    if isinstance(raw, date):
        return PubDate(raw.isoformat(), "day", how="metadata")
    value = str(raw).strip()
    m = _ISO.match(value)
    if m:
        y, mo, d = m.groups()
        if d and _valid(int(y), int(mo), int(d)):
            return PubDate(f"{y}-{mo}-{d}", "day", how="metadata")
        if mo and 1 <= int(mo) <= 12:
            return PubDate(f"{y}-{mo}", "month", how="metadata")
        if not mo:
            return PubDate(y, "year", how="metadata")
    for pattern in PATTERNS:
        match = pattern.search(value)
        if match:
            found = _from_match(match, None)
            if found:
                return PubDate(found.value, found.precision, found.ambiguous, "metadata")
    import dateparser

    # Absolute parsers only, year required: never a date relative to today.
    parsed = dateparser.parse(
        value,
        settings={
            "PARSERS": ["timestamp", "absolute-time"],
            "REQUIRE_PARTS": ["year", "month", "day"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is not None:
        return PubDate(parsed.date().isoformat(), "day", how="metadata")
    return NO_DATE
