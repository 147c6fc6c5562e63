"""The site nouns of ``data/incident_sites.toml``: what an act of violence hit, by kind
(see :mod:`eventwire.resolve.incident_sites`)."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

SITES_VERSION = 1
SITES_FILE = "incident_sites.toml"


def parse_site_nouns(data: dict[str, Any], name: str) -> frozenset[str]:
    """The site nouns of the parsed TOML of the file ``name``, folded to lower case; a
    wrong version, a missing list or a word that is not one lower-case word is a
    :class:`ConfigError` naming the file."""
    if data.get("version") != SITES_VERSION:
        raise ConfigError(f"{name}: version must be {SITES_VERSION}, not {data.get('version')!r}")
    nouns = data.get("sites", {}).get("nouns")
    if not isinstance(nouns, list) or not nouns:
        raise ConfigError(f"{name}: [sites] nouns must be a non-empty list of words")
    for word in nouns:
        if not isinstance(word, str) or not word.isalpha() or word != word.casefold():
            raise ConfigError(f"{name}: site noun {word!r} is not one lower-case word")
    return frozenset(nouns)


def read_site_nouns(path: Path | None = None) -> frozenset[str]:
    """The site nouns of ``path``, or of the shipped file."""
    try:
        if path is None:
            text = files("eventwire.knowledge").joinpath("data", SITES_FILE).read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path or SITES_FILE}: cannot read the site nouns: {exc}") from exc
    return parse_site_nouns(data, str(path or SITES_FILE))
