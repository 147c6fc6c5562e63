"""English month and weekday names, lower case, in calendar order: the one list for every
module that must tell a date word from a name ("on June 8", "Sunday's attack")."""

from __future__ import annotations

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_WORDS = frozenset(MONTH_NAMES + WEEKDAY_NAMES)
