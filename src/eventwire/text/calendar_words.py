"""English month and weekday names, lower case, in calendar order: the one list for every
module that must tell a date word from a name ("on June 8", "Sunday's attack").

The abbreviations news text writes ("Sept. 3", "Tue, 11 Dec") are kept apart from the
full names, per month and weekday, so each reader says whether it takes them."""

from __future__ import annotations

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_WORDS = frozenset(MONTH_NAMES + WEEKDAY_NAMES)

# one tuple per month, in calendar order ("may" has none: it is its own short form)
MONTH_ABBREVIATIONS = (
    ("jan",), ("feb",), ("mar",), ("apr",), (), ("jun",),
    ("jul",), ("aug",), ("sep", "sept"), ("oct",), ("nov",), ("dec",),
)  # fmt: skip
# one tuple per weekday, Monday first
WEEKDAY_ABBREVIATIONS = (
    ("mon",), ("tue", "tues"), ("wed",), ("thu", "thurs"), ("fri",), ("sat",), ("sun",),
)  # fmt: skip


def month_numbers(*, abbreviations: bool) -> dict[str, int]:
    """Month word -> its number, January = 1; with ``abbreviations`` the short forms too."""
    return _numbered(MONTH_NAMES, MONTH_ABBREVIATIONS, 1, abbreviations)


def weekday_numbers(*, abbreviations: bool) -> dict[str, int]:
    """Weekday word -> ``date.weekday()``'s number, Monday = 0; with ``abbreviations`` the
    short forms too."""
    return _numbered(WEEKDAY_NAMES, WEEKDAY_ABBREVIATIONS, 0, abbreviations)


def _numbered(
    names: tuple[str, ...], short: tuple[tuple[str, ...], ...], first: int, abbreviations: bool
) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for number, (name, forms) in enumerate(zip(names, short, strict=True), start=first):
        for word in (name, *forms) if abbreviations else (name,):
            numbers[word] = number
    return numbers
