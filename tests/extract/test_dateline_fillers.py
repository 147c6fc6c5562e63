"""A place in a dateline is where the story is filed, never a party the role readers add
(our sentences)."""

import pytest

pytestmark = pytest.mark.slow


def test_a_dateline_place_is_no_added_party(run):
    text = (
        "Daily Post\n2024-05-12\n\n"
        "KURSK, 12 May -- A man was killed when a drone struck his car on the road outside "
        "Sudzha on Sunday, the region's governor said."
    )
    names = [m.span.text for m in run(text)["mentions"]]
    assert "KURSK" not in names, names
