from datetime import date

from eventwire.text.calendar_words import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    month_numbers,
    weekday_numbers,
)


def test_month_numbers_follow_the_calendar_with_or_without_short_forms() -> None:
    full = month_numbers(abbreviations=False)
    assert list(full) == list(MONTH_NAMES)
    assert full["january"] == 1 and full["december"] == 12
    short = month_numbers(abbreviations=True)
    assert short["sept"] == short["sep"] == short["september"] == 9
    assert short["may"] == 5 and "jan" in short and "jan" not in full
    assert len(short) == 24


def test_weekday_numbers_match_date_weekday() -> None:
    full = weekday_numbers(abbreviations=False)
    assert list(full) == list(WEEKDAY_NAMES)
    assert full["sunday"] == date(2024, 6, 9).weekday()  # a Sunday
    short = weekday_numbers(abbreviations=True)
    assert short["tues"] == short["tue"] == 1 and short["thurs"] == 3
    assert "sun" not in full
