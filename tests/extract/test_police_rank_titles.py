"""Superintendents of police and their initials are titles: "DSP Ana Obi", "Superintendent
of Police Ravi Nair" (names written for these tests)."""

import pytest

from eventwire.extract.titles import strip_titles


@pytest.mark.parametrize(
    ("name", "bare", "role"),
    [
        ("DSP Ana Obi", "Ana Obi", "DSP"),
        ("SSP Omar Khan", "Omar Khan", "SSP"),
        ("IGP Musa Bello", "Musa Bello", "IGP"),
        ("Superintendent of Police Ravi Nair", "Ravi Nair", "Superintendent Of Police"),
        ("Deputy Superintendent of Police Mira Sen", "Mira Sen",
         "Deputy Superintendent Of Police"),
        ("Superintendent Joy Ade", "Joy Ade", "Superintendent"),
    ],
)  # fmt: skip
def test_police_ranks_are_stripped(name, bare, role):
    assert strip_titles(name) == (bare, role)


def test_other_capital_initials_stay_acronyms():
    assert strip_titles("DR Congo") == ("DR Congo", None)
    assert strip_titles("COL Ruiz") == ("COL Ruiz", None)


@pytest.mark.slow
def test_a_police_spokesman_with_initials_speaks_under_his_name(run):
    text = (
        "The command's spokesman, DSP Ana Obi, said the attackers had fled. \"We recovered "
        'two rifles and a radio," he said.'
    )
    got = run(text)
    assert [m.span.text for m in got["mentions"] if m.label == "PERSON"] == ["Ana Obi"]
    assert [q.speaker.text for q in got["quotes"] if q.speaker] == ["Ana Obi"]


@pytest.mark.slow
def test_a_superintendent_of_police_with_his_district_speaks(run):
    text = (
        '"The gangs are losing ground," Kestrel Superintendent of Police Ravi Nair told '
        "reporters on Friday."
    )
    quotes = run(text)["quotes"]
    assert [q.speaker.text for q in quotes if q.speaker] == ["Ravi Nair"]
