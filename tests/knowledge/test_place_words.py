"""The place words file (``data/place_words.toml``) and its reader."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from eventwire.errors import ConfigError
from eventwire.knowledge.place_words import PLACE_WORDS_FILE, parse_place_words, place_words


def _shipped() -> dict:
    text = files("eventwire.knowledge").joinpath("data", PLACE_WORDS_FILE).read_text("utf-8")
    return tomllib.loads(text)


def test_the_shipped_words_are_read_by_kind() -> None:
    words = place_words()
    assert "CMP" in words.features["camp"].codes and words.features["camp"].named_after_town
    assert not words.features["forest"].named_after_town
    assert words.word_after.match(" airfield near") is not None
    assert "resident" in words.people_there and "condemn" in words.statement_verbs
    assert "condemn" in words.reporting_verbs and "report" not in words.reporting_verbs
    assert "headquarters" in words.town_sites and "chief" not in words.town_sites


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=2), "version"),
        (lambda d: d["people_there"].update(nouns=[]), "people_there"),
        (lambda d: d["statement"].pop("verbs"), "statement"),
        (lambda d: d.pop("reported_act"), "reported_act"),
        (lambda d: d.pop("town_sites"), "town_sites"),
        (lambda d: d["features"]["camp"].update(words=["Camp"]), "lower case"),
        (lambda d: d["features"]["camp"].update(named_after_town="yes"), "named_after_town"),
    ],
)
def test_a_broken_file_is_refused_naming_it(change, message: str) -> None:
    data = _shipped()
    change(data)
    with pytest.raises(ConfigError, match=message) as err:
        parse_place_words(data, "mine.toml")
    assert "mine.toml" in str(err.value)
