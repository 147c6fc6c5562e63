"""The words of ``data/place_words.toml``: the feature words after a place name ("the Boni
forest", "the Kakuma camp") with the GeoNames feature codes of their kind, the people a
text places where they are ("residents", "doctors"), the verbs of a statement and those
passing judgement on an act ("condemned the raid"), the sites a town's name before them
places in that town ("the Dori police headquarters"). Read
once per ``Resources``; used by ``extract/placefeatures.py`` and
``extract/placeclause.py``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from eventwire.errors import ConfigError

PLACE_WORDS_VERSION = 1
PLACE_WORDS_FILE = "place_words.toml"


@dataclass(frozen=True)
class FeatureKind:
    """A kind of feature named by a word after a name ("forest", "camp")."""

    codes: frozenset[str]  # GeoNames feature codes (and the supplement's words) of the kind
    named_after_town: bool  # often named after the town it lies by ("Bagram base")


@dataclass(frozen=True)
class PlaceWords:
    features: dict[str, FeatureKind]  # the word after a name -> its kind
    word_after: re.Pattern[str]  # a feature word opening the text after a name
    people_there: frozenset[str]  # lemmas: "resident", "doctor"
    statement_verbs: frozenset[str]  # lemmas: "say", "condemn"
    reporting_verbs: frozenset[str]  # lemmas: "condemn", "deny": a judgement on an act
    town_sites: frozenset[str]  # lemmas: "headquarters", "barracks": a site a town names


def _words(table: dict[str, Any], key: str, where: str, name: str) -> list[str]:
    """The list ``key`` of ``table`` ([``where``] of the file ``name``), checked."""
    words = table.get(key)
    if not isinstance(words, list) or not words:
        raise ConfigError(f"{name}: [{where}] {key} must be a non-empty list")
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise ConfigError(f"{name}: [{where}] {key} holds {word!r}, not a word")
    return words


def parse_place_words(data: dict[str, Any], name: str) -> PlaceWords:
    """:class:`PlaceWords` from the parsed TOML of the file ``name``; a wrong version, a
    missing or empty list, or a feature word that is not in lower case is a
    :class:`ConfigError` naming the file."""
    if data.get("version") != PLACE_WORDS_VERSION:
        raise ConfigError(
            f"{name}: version {data.get('version')!r}, expected {PLACE_WORDS_VERSION}"
        )
    kinds = data.get("features")
    if not isinstance(kinds, dict) or not kinds:
        raise ConfigError(f"{name}: no [features.KIND] tables")
    features: dict[str, FeatureKind] = {}
    for kind, table in kinds.items():
        where = f"features.{kind}"
        codes = frozenset(_words(table, "codes", where, name))
        after = table.get("named_after_town")
        if not isinstance(after, bool):
            raise ConfigError(f"{name}: [{where}] named_after_town must be true or false")
        for word in _words(table, "words", where, name):
            if word != word.lower():
                raise ConfigError(f"{name}: [{where}] word {word!r} is not in lower case")
            features[word] = FeatureKind(codes, after)
    people = _words(data.get("people_there", {}), "nouns", "people_there", name)
    verbs = _words(data.get("statement", {}), "verbs", "statement", name)
    reporting = _words(data.get("reported_act", {}), "verbs", "reported_act", name)
    town_sites = _words(data.get("town_sites", {}), "nouns", "town_sites", name)
    alternatives = "|".join(re.escape(w) for w in sorted(features, key=len, reverse=True))
    return PlaceWords(
        features=features,
        word_after=re.compile(r"^\s+(" + alternatives + r")\b"),
        people_there=frozenset(w.lower() for w in people),
        statement_verbs=frozenset(w.lower() for w in verbs),
        reporting_verbs=frozenset(w.lower() for w in reporting),
        town_sites=frozenset(w.lower() for w in town_sites),
    )


def place_words() -> PlaceWords:
    """The shipped place words, read from their file (``Resources`` keeps one copy)."""
    text = files("eventwire.knowledge").joinpath("data", PLACE_WORDS_FILE).read_text("utf-8")
    return parse_place_words(tomllib.loads(text), PLACE_WORDS_FILE)
