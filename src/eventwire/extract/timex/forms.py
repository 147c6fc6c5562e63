"""The forms time expressions take: month, weekday and number words, the regular
expression pieces the rules are built of, the reference date, and the key a text is
reduced to before any rule reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.text.calendar_words import month_numbers, weekday_numbers

MONTHS = month_numbers(abbreviations=True)  # "Sept. 3", "3 Dec"
# full names only: in running text "Sun", "Sat" and "Wed" are more often words than days
WEEKDAYS = weekday_numbers(abbreviations=False)
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


def _ref_text(ref: Reference) -> str:
    return _fmt(ref.day, ref.precision)
