"""A speaker who says whom he speaks for (issue 13, quotes), on sentences we wrote."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "In a video, a man presenting himself as a spokesman for the Blue River Brigade said "
        'its "lions of the desert" had taken the post.',
        '"We will return," said a man describing himself as a commander of the Blue River Brigade.',
        'A woman who identified herself as a member of the Blue River Brigade said: "We will '
        'return."',
    ],
)
def test_the_body_a_speaker_presents_himself_for_speaks(run, text):
    quotes = run(text)["quotes"]
    assert quotes and all(q.speaker is not None for q in quotes)
    assert {q.speaker.text for q in quotes} == {"the Blue River Brigade"}


def test_a_speaker_without_such_words_stays_himself(run):
    quotes = run('"We are tired," said a man who has lived in the camp for a year.')["quotes"]
    assert all(q.speaker is None or "Brigade" not in q.speaker.text for q in quotes)
