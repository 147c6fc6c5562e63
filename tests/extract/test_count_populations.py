""" "Displaced people" name a population, not what befell them in the act told; the
members named after "among them" are part of the count before them (extract.counts;
sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act's own kind counts them
        ("An air strike killed 12 displaced people in the camp.", [("killed", 12)]),
        ("Shelling wounded four displaced children near the well.", [("wounded", 4)]),
        # a population that is somewhere: no count
        ("The school now shelters about 2,000 displaced people.", []),
        ("Aid groups fed 900 displaced families in the valley.", []),
        # the displacement reported: a count
        ("The clashes displaced 400 families.", [("displaced", 400)]),
        ("Some 5,000 people were displaced by the fighting.", [("displaced", 5000)]),
    ],
)
def test_displaced_population(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the members named after "among them" are part of the count, however parsed
        (
            "Gunmen fired on a bus near the village on Monday, killing five people, among "
            "them a woman, and wounding four, police said.",
            [("killed", 5), ("wounded", 4)],
        ),
        ("The blast killed 12 people, among them two children.", [("killed", 12)]),
    ],
)
def test_members_after_among_them(run, text, expected):
    assert counts(run, text) == expected
