"""A short title written in capitals is an acronym, not a title (issue 13)."""

import pytest

from eventwire.extract.titles import is_title, strip_titles


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DR Congo", ("DR Congo", None)),  # the Democratic Republic, not a doctor
        ("Dr Denis Mukwege", ("Denis Mukwege", "Dr")),
        ("Dr. Amina Yusuf", ("Amina Yusuf", "Dr")),
        ("Gen. Tamba Kollie", ("Tamba Kollie", "General")),
        ("COL Ridge", ("COL Ridge", None)),
    ],
)
def test_capital_abbreviation_is_no_title(name, expected):
    assert strip_titles(name) == expected


def test_is_title_reads_case_of_abbreviations():
    assert is_title("Dr") and is_title("dr.") and is_title("General")
    assert not is_title("DR") and not is_title("GEN")
