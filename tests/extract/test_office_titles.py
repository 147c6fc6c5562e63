"""Heads and members of bodies and legislatures are titles: "INLD supremo Dev Lal",
"Intelligence Chief Omar Sadiq", "mla ravi desai", "Chief Justice Mira Sen"; a title
followed by "of" that the list does not know is left whole."""

import pytest

from eventwire.extract.titles import strip_titles


@pytest.mark.parametrize(
    ("name", "bare", "role"),
    [
        ("Chief Omar Sadiq", "Omar Sadiq", "Chief"),
        ("Army Chief Tomas Vela", "Tomas Vela", "Army Chief"),
        ("KRP supremo Dev Lal", "Dev Lal", "KRP Supremo"),
        ("mla ravi desai", "ravi desai", "Mla"),
        ("mlc kiran rao", "kiran rao", "Mlc"),
        ("Chief Justice Mira Sen", "Mira Sen", "Chief Justice"),
        ("Chief of Staff Lena Dorn", "Lena Dorn", "Chief Of Staff"),
        ("lawmaker Anil Shetty", "Anil Shetty", "Lawmaker"),
        ("convener Ruth Kane", "Ruth Kane", "Convener"),
    ],
)
def test_office_titles_are_stripped(name, bare, role):
    assert strip_titles(name) == (bare, role)


def test_a_title_followed_by_of_it_does_not_know_is_left_whole():
    assert strip_titles("Chief of Mission Ana Ruiz") == ("Chief of Mission Ana Ruiz", None)
    assert strip_titles("Chief") == ("Chief", None)
