"""The comment-form test reads the words every match holds before its pattern, and
answers as the pattern alone does."""

from __future__ import annotations

import pytest

from eventwire.extract.notactors import _COMMENT_FORM, _COMMENT_FORM_WORDS, in_comment_form

SENTENCES = [
    "You are Commenting using your account.",
    "Log Out / Change",
    "Notify me of new posts by email.",
    "LEAVE A REPLY",
    "Share this: Twitter, Facebook",
    "Click to share on Telegram (Opens in new window)",
    "  Portrait picture  ",
    "Militia fighters shelled the port on Monday.",
    "The photo agency shared a picture of the port.",
    "Clic\u212a to share the page",  # a Kelvin sign matches "k" when case is ignored
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_answer_as_the_pattern(sentence: str) -> None:
    assert in_comment_form(sentence) == (_COMMENT_FORM.search(sentence) is not None)


def test_boilerplate_and_news() -> None:
    assert in_comment_form("Leave a Reply") and in_comment_form("Click to share on X")
    assert not in_comment_form("Militia fighters shelled the port on Monday.")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's source."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        escaped = i > 0 and pattern[i - 1] == "\\"
        if ch == "(" and not escaped:
            depth += 1
        elif ch == ")" and not escaped:
            depth -= 1
        elif ch == "|" and depth == 0 and not escaped:
            out.append(pattern[start:i])
            start = i + 1
    return [*out, pattern[start:]]


def test_every_alternative_of_the_pattern_holds_one_of_the_words() -> None:
    # a new alternative needs a word of its own in _COMMENT_FORM_WORDS
    alternatives = _alternatives(_COMMENT_FORM.pattern)
    assert len(alternatives) >= 7
    for alternative in alternatives:
        assert any(word in alternative.lower() for word in _COMMENT_FORM_WORDS), alternative
