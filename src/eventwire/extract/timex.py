"""Normalising one temporal expression against a reference date.

``normalize_timex(text, reference, tense)`` turns "last July", "on Sunday",
"April 4", "15 years ago" or "May 16, 2018" into a :class:`When` with an ISO
value (partial allowed) and a precision. Rules handle the forms news uses and
that dateparser gets wrong ("last July", seasons, decades, weeks); dateparser,
with the reference as ``RELATIVE_BASE``, is the fallback for the rest.

Value formats by precision: day ``2019-04-14``, week ``2019-W15``, month
``2019-04``, season ``2019-SU`` (SP/SU/FA/WI, TIMEX3 style), year ``2019``,
decade ``199X``. Without a reference only absolute expressions resolve;
today's date is never used. A reference known only to the year places month
names and month-days in that year ("On 20 June" in a 2019 report) but no
weekday or relative day. Lengths of time ("three years") are no dates. Numeric
dates ("3/4/2020") are read in the order the text writes its dates (``day_first``),
or in the only possible order; otherwise they stay unresolved.

The TIMEX3 form of these values, for gold sets, is in :mod:`eventwire.extract.timex3`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from eventwire.model import When

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
    "a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2,
}  # fmt: skip
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:'s)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_NUM = r"(?P<num>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MOD = r"(?:(?:early|late|mid|(?:the\s+)?(?:beginning|start|end|middle)\s+of)[\s-]+)?"
_DIR = r"(?:(?P<dir>last|next|this|past|coming|previous|following)\s+)?"


@dataclass(frozen=True)
class Reference:
    """The reference date, as precise as it is known."""

    day: date
    precision: str  # day / month / year

    @classmethod
    def parse(cls, value: str | None) -> Reference | None:
        if not value:
            return None
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
        if not m:
            return None
        year, month, day = m.group(1), m.group(2), m.group(3)
        precision = "day" if day else "month" if month else "year"
        return cls(date(int(year), int(month or 1), int(day or 1)), precision)

    def knows(self, precision: str) -> bool:
        order = ("year", "month", "day")
        return order.index(self.precision) >= order.index(precision)


def count_value(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _fmt(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
         "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9}  # fmt: skip
_SPELLED_YEAR = re.compile(
    r"\b(?P<century>eighteen|nineteen|twenty)[\s-]+(?:(?P<hundred>hundred)|(?P<tens>"
    + "|".join(_TENS)
    + r")(?:[\s-]+(?P<ones>"
    + "|".join(_ONES)
    + r"))?)\b"
)
_HOLIDAYS = {"christmas eve": "december 24", "christmas day": "december 25",
             "christmas": "december 25", "new year's eve": "december 31",
             "new year's day": "january 1", "new year": "january 1"}  # fmt: skip
_HOLIDAY = re.compile(r"\b(?:" + "|".join(_HOLIDAYS) + r")\b")
CLOCK = re.compile(
    r"(?:\b(?:at\s+)?(?:about\s+|around\s+)?(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?P<half>a\.?m\b\.?|p\.?m\b\.?)|\b(?P<h24>[012]?\d):(?P<m24>[0-5]\d)\b|\b(?P<word>noon|midday"
    r"|midnight)\b)"
)


def _spelled_year(m: re.Match) -> str:
    """ "nineteen ninety-six" -> "1996", as broadcast transcripts write years."""
    century = _TENS[m.group("century")] if m.group("century") != "twenty" else 20
    rest = 0 if m.group("hundred") else _TENS[m.group("tens")] + _ONES.get(m.group("ones") or "", 0)
    return str(century * 100 + rest)


def clock_time(text: str) -> str | None:
    """The time of day in ``text`` as TIMEX3 ``Thh:mm`` ("10:35 a.m." -> "T10:35")."""
    m = CLOCK.search(text.lower())
    if m is None:
        return None
    if m.group("word"):
        return "T00:00" if m.group("word") == "midnight" else "T12:00"
    if m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("m24"))
    else:
        hour, minute = int(m.group("hour")) % 12, int(m.group("minute") or 0)
        hour += 12 if m.group("half").startswith("p") else 0
    return f"T{hour:02d}:{minute:02d}" if hour < 24 else None


def timex_key(text: str) -> str:
    """``text`` lower-cased, spelled-out years and holidays rewritten, a leading
    preposition, article and hedge removed: the form the rules match."""
    text = text.strip().lower().replace("\u2019", "'")
    text = re.sub(r"\s+", " ", text)
    # tokenised text ("April 4 , 2011", "last week 's"); a possessive says nothing of the time
    text = re.sub(r"\s+(?=[,.])", "", text)
    text = re.sub(r"\s*'s$", "", text)
    text = _SPELLED_YEAR.sub(_spelled_year, text)
    text = _HOLIDAY.sub(lambda m: _HOLIDAYS[m.group(0)], text)
    # "in" stays before a count of units: "in three days" is a time ahead, "three days" a length
    # and "the" before a lone unit: "(later in) the day" is a time, "day" a length
    text = re.sub(
        r"^(?:on|in(?!\s+(?:[\w-]+\s+){1,3}(?:day|week|month|year|decade)s?$)|at|by|since|until|"
        r"during|from|of|the(?!\s+(?:day|week|month|year)$)|for)\s+",
        "",
        text,
    ).strip(" ,.'")
    # hedges and "earlier"/"late" before a day word do not move the date
    text = re.sub(
        r"^(?:almost|nearly|about|some|more than|less than|over|roughly|around|just)\s+"
        r"(?=\S+\s+\S+\s+ago$)",
        "",
        text,
    )
    text = re.sub(r"\s+or so\b", "", text)  # "a week or so ago"
    return re.sub(
        r"^(?:earlier|later|late|early)\s+(?=(?:today|yesterday|tomorrow|tonight|that|"
        r"the same|" + "|".join(WEEKDAYS) + r")\b)",
        "",
        text,
    )


# --- rules: each takes (match, reference, tense) and returns a When or None ------------


def _weekday(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    if ref is None or not ref.knows("day"):
        return None
    target = WEEKDAYS[m.group("weekday")]
    direction = m.group("dir")
    back = (ref.day.weekday() - target) % 7
    forward = (target - ref.day.weekday()) % 7
    if direction in ("last", "past", "previous"):
        d = ref.day - timedelta(days=back or 7)
    elif direction == "this":  # the one in the reference's own week, before or after it
        d = ref.day + timedelta(days=target - ref.day.weekday())
    elif direction in ("next", "coming", "following") or tense == "future":
        d = ref.day + timedelta(days=forward or 7)
    else:
        d = ref.day - timedelta(days=back)
    return When(d.isoformat(), "day")


def _pick_year(ref: Reference, month: int, day: int | None, tense: str, strict: bool) -> int:
    """Year of the most recent past (or next future) occurrence of month[-day]."""
    here = (ref.day.month, ref.day.day if day is not None else 0)
    there = (month, day or 0)
    if tense == "future":
        return ref.day.year if there > here or (there == here and not strict) else ref.day.year + 1
    return ref.day.year if there < here or (there == here and not strict) else ref.day.year - 1


def _month_day_rule(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    month, day = MONTHS[m.group("month")], int(m.group("day"))
    year = m.groupdict().get("year")
    if year:
        d = _month_day(int(year), month, day)
        return When(d.isoformat(), "day") if d else None
    if ref is None:
        return None
    if _year_only(ref, m):
        d = _month_day(ref.day.year, month, day)
        return When(d.isoformat(), "day") if d else None
    weekday = m.groupdict().get("weekday")
    if weekday:  # "Monday, Oct. 26": the nearby year whose Oct. 26 is a Monday
        for y in (ref.day.year, ref.day.year + 1, ref.day.year - 1):
            d = _month_day(y, month, day)
            if d and d.weekday() == WEEKDAYS[weekday]:
                return When(d.isoformat(), "day")
    d = _month_day(_pick_year(ref, month, day, tense, strict=False), month, day)
    return When(d.isoformat(), "day") if d else None


def _year_only(ref: Reference | None, m: re.Match) -> bool:
    """Only the reference's year is known and the expression names no direction: a month
    or season then falls in that year (a report of 2019 saying "on 20 June")."""
    groups = m.groupdict()
    return (
        ref is not None
        and ref.precision == "year"
        and groups.get("dir") in (None, "this")
        and not groups.get("relyear")
    )


def _month_rule(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    month = MONTHS[m.group("month")]
    year = m.groupdict().get("year")
    if year:
        return When(f"{int(year):04d}-{month:02d}", "month")
    if _year_only(ref, m):
        return When(f"{ref.day.year:04d}-{month:02d}", "month")  # type: ignore[union-attr]
    if ref is None or not ref.knows("month"):
        return None
    direction = m.groupdict().get("dir")
    rel_year = m.groupdict().get("relyear")
    if rel_year:  # "July last year"
        offset = {"last": -1, "next": 1, "this": 0}[rel_year]
        return When(f"{ref.day.year + offset:04d}-{month:02d}", "month")
    if direction == "this":
        y = ref.day.year
    elif direction in ("last", "past", "previous", "next", "coming", "following"):
        # "last February" written on 1 March is a year back: the month just ended (or
        # the reference's own) would be "last month" ("this month"), and so ahead
        sign = -1 if direction in ("last", "past", "previous") else 1
        months = (sign * (month - ref.day.month)) % 12
        y, _ = _shift_months(ref.day.year, ref.day.month, sign * (months + 12 * (months <= 1)))
    elif tense != "future" and (month - ref.day.month) % 12 == 1:
        # a past clause naming the month after the reference's tells of plans ("warned of
        # cuts in September" in August); a month eleven months back would be "last September"
        y, _ = _shift_months(ref.day.year, ref.day.month, 1)
    else:
        y = _pick_year(ref, month, None, tense, strict=False)
    return When(f"{y:04d}-{month:02d}", "month")


def _season_rule(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    code = SEASONS[m.group("season")]
    year = m.groupdict().get("year")
    if year:
        return When(f"{int(year):04d}-{code}", "season")
    if _year_only(ref, m):
        return When(f"{ref.day.year:04d}-{code}", "season")  # type: ignore[union-attr]
    if ref is None or not ref.knows("month"):
        return None
    y, month = ref.day.year, ref.day.month
    start, end = SEASON_MONTHS[code]
    current = start <= month <= end if start <= end else month >= start or month <= end
    direction = m.group("dir")
    if direction in ("last", "past", "previous"):
        passed = month > end if start <= end else False
        y = y if passed and not current else y - 1
    elif direction in ("next", "coming", "following"):
        y = y if month < start and not current else y + 1
    elif direction != "this" and not current:
        before = month < start
        y = (
            y - 1
            if before and tense != "future"
            else y + 1
            if not before and tense == "future"
            else y
        )
    return When(f"{y:04d}-{code}", "season")


def _relative_unit(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    unit, direction = m.group("unit"), m.group("dir")
    offset = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1,
              "following": 1}  # fmt: skip
    if direction not in offset:
        return None
    return _offset(ref, unit, offset[direction], exact=False)


def _ago(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    sign = 1 if m.group("way") in ("later", "after", "from now", "hence") else -1
    if m.group("way") == "in":
        sign = 1
    return _offset(ref, m.group("unit"), sign * count_value(m.group("num")), exact=True)


def _offset(ref: Reference | None, unit: str, n: int, exact: bool) -> When | None:
    """The reference moved by n units, at that unit's precision."""
    if ref is None:
        return None
    if unit in ("day", "week") and not ref.knows("day"):
        return None
    if unit == "month" and not ref.knows("month"):
        return None
    if unit == "day":
        return When((ref.day + timedelta(days=n)).isoformat(), "day")
    if unit == "week":
        return When(_iso_week(ref.day + timedelta(weeks=n)), "week")
    if unit == "month":
        y, mo = _shift_months(ref.day.year, ref.day.month, n)
        return When(f"{y:04d}-{mo:02d}", "month")
    if unit == "year":
        return When(f"{ref.day.year + n:04d}", "year")
    if unit == "decade":
        if exact:
            return When(f"{ref.day.year + 10 * n:04d}", "year")
        return When(f"{(ref.day.year // 10 + n):03d}X", "decade")
    return None


def _weekend(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    """The ISO week whose Saturday and Sunday are meant: the last one begun for past
    clauses, the coming one for future clauses ("next"/"last" move a week)."""
    if ref is None or not ref.knows("day"):
        return None
    in_weekend = ref.day.weekday() >= 5
    direction = m.group("dir")
    if direction in ("last", "past", "previous"):
        weeks = -1
    elif direction in ("next", "coming", "following"):
        weeks = 1 if in_weekend or direction == "next" and ref.day.weekday() >= 4 else 0
    elif direction == "this" or tense == "future":
        weeks = 0
    else:
        weeks = 0 if in_weekend else -1
    return When(_iso_week(ref.day + timedelta(weeks=weeks)), "week")


def _day_around(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    """ "the next day", "that morning", "the day before": a day counted from the
    reference, which for these is the date the story last gave (see dates.py)."""
    if ref is None or not ref.knows("day"):
        return None
    word = m.group("rel")
    shift = (
        1
        if word in ("next", "following", "after")
        else -1
        if word in ("previous", "preceding", "before", "earlier")
        else 0
    )
    return When((ref.day + timedelta(days=shift)).isoformat(), "day")


def _day_word(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    if ref is None or not ref.knows("day"):
        return None
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0}
    return When((ref.day + timedelta(days=shift[m.group("word")])).isoformat(), "day")


def _full_date(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    d = _month_day(int(m.group("year")), MONTHS[m.group("month")], int(m.group("day")))
    return When(d.isoformat(), "day") if d else None


def _iso_date(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    d = _month_day(int(m.group("year")), int(m.group("mo")), int(m.group("day")))
    return When(d.isoformat(), "day") if d else None


def _year(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    return When(m.group("year"), "year")


def _decade(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    digits = m.group("decade")
    if len(digits) == 2:  # "the 90s": the most recent such decade before the reference
        century = (ref.day.year // 100 * 100) if ref else 1900
        start = century + int(digits)
        if ref and start > ref.day.year:
            start -= 100
        elif not ref:
            return None
        digits = str(start)
    return When(f"{digits[:3]}X", "decade")


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}


def _quarter(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    """ "the third quarter of 2019", "Q3", "last quarter": three months, start and end."""
    year = m.groupdict().get("year")
    number = m.groupdict().get("n") or m.groupdict().get("nth")
    if number is None:  # "last quarter", "this quarter", "next quarter"
        if ref is None or not ref.knows("month"):
            return None
        shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
        index = ref.day.year * 4 + (ref.day.month - 1) // 3 + shift.get(m.group("dir"), 0)
        y, q = index // 4, index % 4 + 1
    else:
        q = int(number) if number.isdigit() else _QUARTER_WORDS[number]
        if year:
            y = int(year)
        elif m.groupdict().get("relyear"):
            if ref is None:
                return None
            y = ref.day.year + {"last": -1, "next": 1, "this": 0}[m.group("relyear")]
        elif ref is None or not ref.knows("month"):
            return None
        else:  # the latest such quarter begun by the reference, or the next one ahead
            current = (ref.day.month - 1) // 3 + 1
            y = ref.day.year
            if tense == "future":
                y += 1 if q < current else 0
            else:
                y -= 1 if q > current else 0
    return When(f"{y:04d}-{3 * q - 2:02d}", "month", end=f"{y:04d}-{3 * q:02d}")


def _half(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    """ "the first half of 2019", "H2 2020", "the second half of last year": six months."""
    n = m.groupdict().get("n")
    half = int(n) if n else 1 if m.group("nth") == "first" else 2
    if m.groupdict().get("year"):
        y = int(m.group("year"))
    elif ref is None:
        return None
    else:  # "of the year", "of this year", "of last year"
        y = ref.day.year + {"last": -1, "next": 1}.get(m.groupdict().get("relyear") or "", 0)
    return When(f"{y:04d}-{6 * half - 5:02d}", "month", end=f"{y:04d}-{6 * half:02d}")


def _day_of_month(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    """ "on the 3rd", "the 20th": that day of the reference's month, else of the month before
    it (past) or after it (future) when the reference's month has not reached it."""
    if ref is None or not ref.knows("day"):
        return None
    day = int(m.group("day"))
    here = ref.day.day
    shift = 0
    if tense == "future" and day < here:
        shift = 1
    elif tense != "future" and day > here:
        shift = -1
    y, mo = _shift_months(ref.day.year, ref.day.month, shift)
    d = _month_day(y, mo, day)
    return When(d.isoformat(), "day") if d else None


def _relative_year(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    """ "earlier this year", "later this month": the unit containing the reference."""
    return _offset(ref, m.group("unit"), 0, exact=False)


_RULES: tuple[tuple[re.Pattern[str], object], ...] = tuple(
    (re.compile(pattern + r"$"), rule)
    for pattern, rule in (
        (r"(?P<year>\d{4})-(?P<mo>\d{2})-(?P<day>\d{2})", _iso_date),
        (_MOD + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, _full_date),
        (_DAY + r"\s+(?:of\s+)?" + _MOD + _MONTH + r",?\s+" + _YEAR, _full_date),
        (
            _DIR + _WEEKDAY + r",?\s+" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + ")?",
            _month_day_rule,
        ),
        (_DIR + _WEEKDAY + _PART, _weekday),
        (r"(?:(?:early|late)\s+)?" + _DIR + _WEEKDAY + _PART, _weekday),
        (r"(?:morning|afternoon|evening|night|noon)\s+(?:of\s+)?" + _DIR + _WEEKDAY, _weekday),
        (_MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + ")?", _month_day_rule),
        (_DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?", _month_day_rule),
        (_MOD + _DIR + _MONTH + r"(?:,?\s+(?:of\s+)?" + _YEAR + r")?", _month_rule),
        (_MOD + _MONTH + r"\s+(?P<relyear>last|next|this)\s+year", _month_rule),
        (
            _MOD
            + r"(?:the\s+)?"
            + _DIR
            + r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?"
            + _YEAR
            + ")?",
            _season_rule,
        ),
        (_MOD + _DIR + _UNIT, _relative_unit),
        (r"(?:over\s+)?(?:the\s+)?" + _DIR + r"weekend", _weekend),
        (
            _NUM + r"\s+" + _UNIT + r"\s+(?P<way>ago|earlier|before|later|after|from now|hence)",
            _ago,
        ),
        (r"(?P<way>in)\s+" + _NUM + r"\s+" + _UNIT, _ago),
        (r"(?:(?:early|earlier|later|late)\s+)?(?:in\s+)?this\s+" + _UNIT, _relative_year),
        # "later in the day", "during the week": the unit holding the reference
        (r"(?:(?:early|earlier|later|late)\s+(?:in\s+)?)?the\s+" + _UNIT, _relative_year),
        (r"(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+the\s+" + _UNIT, _relative_year),
        (r"(?P<word>today|tonight|yesterday|tomorrow)(?:'s)?" + _PART, _day_word),
        (
            r"(?:the\s+)?(?P<rel>next|following|previous|preceding|same|that)\s+(?:day|morning|"
            r"afternoon|evening|night)",
            _day_around,
        ),
        (r"(?:the\s+)?(?:day|night)\s+(?P<rel>before|after|earlier)", _day_around),
        (r"(?P<word>this)\s+(?:morning|afternoon|evening)", _day_word),
        (r"(?:the\s+)?(?:early|late|mid)?[\s-]*(?P<decade>1[89]\d0|20\d0|\d0)'?s", _decade),
        (r"(?:the\s+year\s+|(?:early|late|mid)[\s-]*)?" + _YEAR, _year),
        (r"(?:the\s+)?(?P<dir>last|past|previous|this|next|coming)\s+quarter", _quarter),
        (
            r"(?:the\s+)?(?P<nth>first|second|third|fourth|final|last)\s+quarter(?:\s+(?:of\s+)?"
            r"(?:" + _YEAR + r"|(?P<relyear>last|next|this)\s+year))?",
            _quarter,
        ),
        (r"q(?P<n>[1-4])(?:\s+(?:of\s+)?" + _YEAR + r")?", _quarter),
        (r"(?:fiscal|fy)\s*(?:year\s+)?" + _YEAR, _year),
        (r"(?:the\s+)?" + _YEAR + r"\s+fiscal\s+year", _year),
        (
            r"(?P<nth>first|second)\s+half\s+of\s+(?:"
            + _YEAR
            + r"|(?:the\s+)?(?:(?P<relyear>last|next"
            r"|this)\s+)?year)",
            _half,
        ),
        (r"h(?P<n>[12])\s+(?:of\s+)?" + _YEAR, _half),
        (
            r"(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?:\s+of\s+(?:the|this)\s+month)?",
            _day_of_month,
        ),
    )
)


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
    for pattern, rule in _RULES:
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
    ranged = _range(key, ref, tense)
    if ranged is not None:
        return When(ranged.value, ranged.precision, text=text, end=ranged.end)
    fallback = _dateparser(key, ref, tense)
    if fallback is not None:
        return When(fallback.value, fallback.precision, text=text)
    return When(None, None, text=text)


_NUMERIC_DATE = re.compile(
    r"(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:1[89]|20)\d\d)"
)


def numeric_date(m: re.Match, day_first: bool | None) -> date | None:
    """ "3/4/2020": 3 April if the text writes days first or the other reading is impossible
    ("13/4/2020"), 4 March if it writes months first or must ("4/13/2020"); dotted dates
    ("3.4.2020") are day-first wherever they are written."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if a > 12 or a == b or m.group("sep") == ".":
        day_first = True
    elif b > 12:
        day_first = False
    if day_first is None:
        return None
    return _month_day(year, b, a) if day_first else _month_day(year, a, b)


_SHORT_YEARS = re.compile(_YEAR + r"\s*(?:-|–|/)\s*(?P<y2>\d\d)$")
# "25-26 July", "the night of 2 and 3 May 2020": days first, the month said once
_DAY_FIRST_RANGE = re.compile(
    r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)"
    r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?$"
)
_RANGE = re.compile(r"(?:between\s+)?(?P<a>.+?)\s*(?:-|–|to|until|and|through)\s*(?P<b>.+)$")


def _range(key: str, ref: Reference | None, tense: str) -> When | None:
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
        first = normalize_timex(
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
    b = normalize_timex(m.group("b"), _ref_text(ref) if ref else None, tense)
    if not b.value:
        return None
    a_text = m.group("a")
    year_b = b.value[:4]
    lone_day = re.search(r"(?:^|\s)([0-3]?\d)(?:st|nd|rd|th)?$", a_text)
    if b.precision == "day" and lone_day and not re.search(_MONTH, a_text):
        # "the weekend of 3 to 6 June": the first day is in the second's month
        a_text = f"{b.value[:8]}{int(lone_day.group(1)):02d}"
    elif b.precision in ("day", "month") and not re.search(r"\d{4}", a_text):
        a_text = f"{a_text} {year_b}"  # "March to May 2019": the year is shared
    a = normalize_timex(a_text, _ref_text(ref) if ref else None, tense)
    if not a.value or a.precision != b.precision or a.value > b.value:
        return None
    return When(a.value, a.precision, end=b.value)


def _ref_text(ref: Reference) -> str:
    return _fmt(ref.day, ref.precision)


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


# --- lengths of time --------------------------------------------------------------

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
