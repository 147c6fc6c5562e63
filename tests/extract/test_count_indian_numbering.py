"""Counts in Indian numbering: a lakh is a hundred thousand, a crore ten million, read as
the multipliers "thousand" and "million" are (extract.counts; sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The floods in the delta displaced two lakh people last week.", [("displaced", 200_000)]),
        (
            "Nearly 1.5 lakh villagers fled the district after the clashes.",
            [("displaced", 150_000)],
        ),
        ("A lakh residents fled the town during the riots.", [("displaced", 100_000)]),
        # money in lakhs counts nobody
        ("The state paid Rs 5 lakh to the family of each victim.", []),
    ],
)
def test_lakh_and_crore(run, text, expected):
    assert counts(run, text) == expected
