"""The rules: each reads one form of expression (a key matched by its pattern) against
the reference date and the clause's tense, and gives a :class:`When` or None. The table
``RULES`` is tried in order; numeric dates ("3/4/2020") have their own reader."""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.extract.timex.forms import (
    _DAY,
    _DIR,
    _MOD,
    _MONTH,
    _NUM,
    _PART,
    _UNIT,
    _WEEKDAY,
    _YEAR,
    MONTHS,
    SEASON_MONTHS,
    SEASONS,
    WEEKDAYS,
    Reference,
    _iso_week,
    _month_day,
    _shift_months,
    count_value,
)
from eventwire.model import When


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
    return week_part(_iso_week(ref.day + timedelta(weeks=weeks)), "weekend")


# The days of an ISO week (Monday 0) a part of it names: "late last week" is Thursday to
# Sunday, "early this week" Monday to Wednesday, "the weekend" Saturday and Sunday.
WEEK_PARTS = {"early": (0, 2), "beginning": (0, 1), "start": (0, 1), "mid": (1, 3),
              "middle": (1, 3), "late": (3, 6), "end": (3, 6), "weekend": (5, 6)}  # fmt: skip


def week_part(week: str, part: str) -> When:
    """A part of the ISO ``week`` ("2024-W37"): a week-precision date whose value is the
    part's first day and whose ``end`` is its last, so the act is dated at the earliest
    day the words allow ("late last week" in a Tuesday paper: from Thursday), never at
    the Monday that "late" rules out."""
    first, last = WEEK_PARTS[part]
    monday = date.fromisocalendar(int(week[:4]), int(week[6:8]), 1)
    start, end = monday + timedelta(days=first), monday + timedelta(days=last)
    return When(start.isoformat(), "week", end=end.isoformat())


def _week_part(m: re.Match, ref: Reference | None, tense: str) -> When | None:
    """ "late last week", "early this week", "the end of last week": the part of the week
    the relative unit names."""
    week = _relative_unit(m, ref, tense)
    if week is None or week.value is None:
        return None
    return week_part(week.value, m.group("part") or m.group("part2"))


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
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0,
             "before yesterday": -2, "after tomorrow": 2}  # fmt: skip
    word = re.sub(r"\s+", " ", m.group("word"))
    return When((ref.day + timedelta(days=shift[word])).isoformat(), "day")


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


RULES: tuple[tuple[re.Pattern[str], object], ...] = tuple(
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
        (
            r"(?:(?P<part>early|late|mid)[\s-]+|(?:the\s+)?(?P<part2>beginning|start|end|middle)"
            r"\s+of\s+(?:the\s+)?)" + _DIR + r"(?P<unit>week)",
            _week_part,
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
        # "the day before yesterday", "the day after tomorrow": two days from the reference
        (r"(?:the\s+)?day\s+(?P<word>before\s+yesterday|after\s+tomorrow)", _day_word),
        (
            r"(?:the\s+)?(?P<rel>next|following|previous|preceding|same|that)\s+(?:day|morning|"
            r"afternoon|evening|night)",
            _day_around,
        ),
        (r"(?:the\s+)?(?:day|night)\s+(?P<rel>before|after|earlier)", _day_around),
        # "the same day as" whose moment the parse does not give: the day last told
        (r"(?:the\s+)?(?P<rel>same)\s+(?:day|morning|afternoon|evening|night)\s+as", _day_around),
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
