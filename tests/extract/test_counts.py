import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value, c.qualifier) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 150 people have been killed, the UN said.", ("killed", 150, "more than")),
        ("At least 40 migrants died in the strike.", ("killed", 40, "at least")),
        ("Nearly 600 people were wounded.", ("wounded", 600, "nearly")),
        ("The clashes displaced 13,600 people.", ("displaced", 13600, None)),
        ("Dozens of civilians were kidnapped.", ("kidnapped", 12, "word")),
        ("Hundreds of people fled the city.", ("displaced", 100, "word")),
        ("A dozen people were arrested.", ("arrested", 12, None)),
        ("Three journalists are missing.", ("missing", 3, None)),
        ("Militants executed five soldiers.", ("executed", 5, None)),
        ("The death toll rose to 57.", ("killed", 57, None)),
    ],
)
def test_count_forms(run, text, expected):
    assert expected in counts(run, text)


@pytest.mark.parametrize(
    "text",
    [
        "Haftar, 73, launched an offensive on Tripoli.",
        "In 2019 the rebels seized 20 vehicles.",
        "The fighters were paid $5 million.",
        "40 percent of residents were killed.",
        "Ten tanks were destroyed.",
    ],
)
def test_not_counts(run, text):
    assert counts(run, text) == []
