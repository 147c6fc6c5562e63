"""Article ids stay what they were: the same text gives the same id across versions."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest

from eventwire.ingest.base import article_id


def _id_by_regex(text: str) -> str:
    """The id as first defined: whitespace runs folded by a regular expression."""
    canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return "art_" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit the port.",
        "  Shelling\thit\n\nthe   port.\r\n",
        "Shelling\u00a0hit\u2028the\x1cport\u3000today",
        "ＳＨＥＬＬＩＮＧ in the ﬁelds",  # compatibility forms fold first
        "",
    ],
)
def test_the_id_is_the_same_as_by_the_first_definition(text: str) -> None:
    assert article_id(text) == _id_by_regex(text)


def test_a_stored_id_is_unchanged() -> None:
    # the id this text had when stores were first written
    assert article_id("Shelling  hit the port.") == "art_bfde8f49ebb89ebf"
