"""Normalising one temporal expression against a reference date.

``normalize_timex(text, reference, tense)`` turns "last July", "on Sunday",
"April 4", "15 years ago" or "May 16, 2018" into a :class:`When` with an ISO
value (partial allowed) and a precision. Rules handle the forms news uses and
that dateparser gets wrong ("last July", seasons, decades, weeks); dateparser,
with the reference as ``RELATIVE_BASE``, is the fallback for the rest.

Value formats by precision: day ``2019-04-14``, week ``2019-W15`` (a part of a week,
"late last week" or "the weekend", is its first day ``2019-04-11`` with its last as the
``end``), month
``2019-04``, season ``2019-SU`` (SP/SU/FA/WI, TIMEX3 style), year ``2019``,
decade ``199X``. Without a reference only absolute expressions resolve;
today's date is never used. A reference known only to the year places month
names and month-days in that year ("On 20 June" in a 2019 report) but no
weekday or relative day. Lengths of time ("three years") are no dates. Numeric
dates ("3/4/2020") are read in the order the text writes its dates (``day_first``),
or in the only possible order; otherwise they stay unresolved.

The TIMEX3 form of these values, for gold sets, is in :mod:`eventwire.extract.timex3`.

The package is split by noun: :mod:`.forms` (words, pattern pieces, the reference date,
the key), :mod:`.rules` (one reader per form), :mod:`.ranges`, :mod:`.durations`, and
:mod:`.normalize` (the order they are tried in).
"""

from eventwire.extract.timex.durations import duration_match, is_duration
from eventwire.extract.timex.forms import (
    MONTHS,
    NUMBER_WORDS,
    SEASONS,
    WEEKDAYS,
    Reference,
    clock_time,
    count_value,
    timex_key,
)
from eventwire.extract.timex.normalize import normalize_timex
from eventwire.extract.timex.rules import numeric_date

__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "SEASONS",
    "WEEKDAYS",
    "Reference",
    "clock_time",
    "count_value",
    "duration_match",
    "is_duration",
    "normalize_timex",
    "numeric_date",
    "timex_key",
]
