"""Place comparisons for scorers: country codes and names, gold place vs ours."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, cast

from eventwire.extract.placeparts import PART_FEATURE
from eventwire.model import Place

# Names gold sets use that pycountry does not look up directly.
_COUNTRY_ALIASES = {
    "palestine": "PSE",
    "iran": "IRN",
    "syria": "SYR",
    "turkey": "TUR",
    "russia": "RUS",
    "south korea": "KOR",
    "north korea": "PRK",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "united states": "USA",
    "us": "USA",
    "uk": "GBR",
    "vietnam": "VNM",
    "laos": "LAO",
    "democratic republic of congo": "COD",
    "ivory coast": "CIV",
}


@lru_cache(maxsize=2048)
def country_iso3(value: str | None) -> str | None:
    """ISO 3166 alpha-3 of a country given as alpha-2, alpha-3 or an English name."""
    if not value:
        return None
    import pycountry

    key = value.strip()
    if key.casefold() in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key.casefold()]
    try:
        return str(pycountry.countries.lookup(key).alpha_3)
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(key)
    except LookupError:
        return None
    return str(found[0].alpha_3) if found else None


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"\b(al|el|as|az|ad|ar|an|at)[- ]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    # "south-east Lebanon", "south east Lebanon" and "southeastern Lebanon" name one part
    return re.sub(r"\b(north|south) ?(east|west)(?:ern)?\b", r"\1\2ern", text)


def same_name(a: str, b: str) -> bool:
    """Place names equal after folding case, accents, Arabic articles, punctuation and
    the spellings of an intercardinal direction ("south-east", "southeastern"); a
    feature's name is the same with or without its word ("the Ain al-Asad air base" is
    "Ain al-Asad", "the Cal Miskaad range" "Cal Miskaad": :func:`_without_feature_word`)."""
    if not (a and b):
        return False
    x, y = _fold(a), _fold(b)
    return x == y or (bool(x) and _without_feature_word(x) == _without_feature_word(y))


@lru_cache(maxsize=1)
def _feature_words() -> re.Pattern[str]:
    """A feature's word closing a folded name ("forest", "air base", "range"): the words
    of ``knowledge/data/place_words.toml``."""
    from eventwire.knowledge.place_words import place_words

    words = sorted(place_words().features, key=len, reverse=True)
    return re.compile(r"^(.+?) (?:" + "|".join(re.escape(_fold(w)) for w in words) + r")$")


def _without_feature_word(folded: str) -> str:
    """A folded name without the feature's word closing it ("boni forest" -> "boni")."""
    m = _feature_words().match(folded)
    return m.group(1) if m else folded


# A division's kind after its name: "Lac province", "Sagaing Region", "Borno state".
_DIVISION_KIND = re.compile(
    r"(?i)\s+(?:province|state|region|governorate|district|oblast|county|territory|"
    r"department|prefecture)$"
)


def same_division(ours: str, precision: str | None, gold: str) -> bool:
    """Our division (precision ``admin1``/``admin2``) is the one the gold names with its
    kind ("Lac" answers "Lac province"); a town of that name does not."""
    core = _DIVISION_KIND.sub("", gold)
    return precision in ("admin1", "admin2") and core != gold and same_name(ours, core)


_DESCRIPTOR = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:town|city|village|province|district|region|governorate|"
    r"state|county|capital)\s+of\s+)|\s+(?:peninsula|province|district|region|city)$"
)


def spelled_alike(a: str, b: str) -> bool:
    """Two romanisations of one name ("Basra" ~ "Basrah", "the town of Rafah" ~ "Rafah"):
    descriptors dropped, then one transliteration key."""
    from eventwire.resolve.translit import translit_key

    # a final -ah is the -a of the same Arabic ending ("Basrah", "Basra")
    keys = [translit_key(re.sub(r"ah\b", "a", _fold(_DESCRIPTOR.sub("", n)))) for n in (a, b)]
    return bool(keys[0]) and keys[0] == keys[1]


def _names_of(place: Place) -> tuple[str, ...]:
    """Our place's names to compare with the gold's: a part of a country or division
    ("southern Serbia") answers for the whole too, at a finer precision."""
    if place.feature == PART_FEATURE and " " in place.name:
        return place.name, place.name.split(" ", 1)[1]
    return (place.name,)


def whole_of_part(place: Place, gazetteer: Any) -> Place | None:
    """The country or division a part of one ("southern China", id
    ``part:southern:country:CHN``) is a part of, by its id; None for any other place."""
    if place.feature != PART_FEATURE:
        return None
    kind, _, code = place.id.split(":", 2)[-1].partition(":")
    if kind == "country":
        return cast("Place | None", gazetteer.country(code))
    if kind == "admin1":
        return cast("Place | None", gazetteer.division(code))
    return None


def place_matches(place: Place | None, names: Sequence[str], country: str | None = None) -> bool:
    """Our place has one of the gold names (or, in the gold's country, a spelling of one),
    or (gold gives only a country) that country."""
    if place is None:
        return False
    ours = _names_of(place)
    if any(same_name(o, n) for o in ours for n in names if n):
        return True
    if (country is None or place.country == country) and any(
        spelled_alike(o, n) for o in ours for n in names if n
    ):
        return True
    only_country = country is not None and all(country_iso3(n) == country for n in names if n)
    return only_country and place.country == country
