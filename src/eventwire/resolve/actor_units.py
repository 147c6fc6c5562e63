"""Units of actor resolution: one document-local mention group, summarised for matching."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from eventwire.extract.kind_words import PARTY_ROLE, institution_name
from eventwire.extract.namephrases import STATE_FORCES_NAME
from eventwire.model import GROUP_LABEL, DocumentRecords, Evidence, Mention, Span
from eventwire.text.names import initials
from eventwire.text.translit import token_keys, translit_key

__all__ = [
    "GROUP_LABEL",
    "StoredUnit",
    "Unit",
    "UnitBuilder",
    "build_units",
    "initials",
    "unit_type",
    "words_type",
]

# Words that say what kind of organisation a name is, checked in this order. A rescue or
# health service is a state body ("Gaza's civil defence agency", "the emergency services
# of Kharkiv"); a relief society is an organisation of its own ("the Red Crescent"), typed
# "other" as the KB types national societies; "agency" alone is no outlet, "news agency" is;
# a daily, a tribune, a broadcaster is an outlet ("the Kestrel Daily", "the Harbour Tribune").
_ORG_WORDS = (
    ("other", r"\b(red (crescent|cross)|charity|aid group|relief (group|society)|ngo)\b"),
    (
        "government",
        r"\b(civil (defen[cs]e|protection)|(emergency|rescue|ambulance) services?|"
        r"health (ministry|authorit(y|ies)|department|office))\b",
    ),
    (
        "media",
        r"\b(news|times|post|journal|tv|television|radio|press|herald|gazette|daily|tribune|"
        r"chronicle|telegraph|newspaper|broadcast(ing|er)|channel)\b",
    ),
    ("coalition", r"\b(coalition|alliance)\b"),  # "the Saudi-led coalition", "a Western alliance"
    # a state's police and border forces, never a rebel's: "the Haitian National Police",
    # "the National Police Service", "the Frontier Corps", "the 6th Infantry Division"
    (
        "state_forces",
        r"\b(police|gendarmerie|carabinieri|border (guards?|police|troops)|coast ?guard|"
        r"frontier corps|national guard|infantry division)\b",
    ),
    (
        "armed_group",
        r"\b(army|forces?|brigades?|militias?|battalions?|mujahideen|guards?|"
        r"shura|jihad|fighters|front|legion|regiment|resistance)\b",
    ),
    # "Congress Legislature Party", "the party's central committee": a party's own body
    ("political_party", r"\bparty\b"),
    (
        "government",
        r"\b(government|ministry|parliament|congress|council|house|presidency|"
        r"cabinet|administration|commission|bank|corporation|authority|authorities|officials|"
        r"department|bureau|court|agency|directorate|inspectorate|state committee|"
        # "the Foreign Office", "the Prime Minister's Office"; "the National Intelligence
        # Service" (an aid or news service is typed before)
        r"(foreign|home|cabinet|prime minister'?s|president'?s|presidential|governor'?s) office|"
        r"(intelligence|security|secret|immigration|customs|prisons?|correctional) services?)\b",
    ),
    ("political_party", r"\b(party|alliance|brotherhood|movement|bloc|union|league)\b"),
)
NO_SENTENCE = Evidence("", "", 0, 0)  # actor resolution reads a mention's words, never its sentence


def for_actors(doc: DocumentRecords) -> DocumentRecords:
    """What actor resolution reads of a document: its mentions without their sentences,
    each holding the document's one copy of its article id and one copy of each label
    (decoded records give every mention its own; the actor pass holds every mention of
    the store), and its places."""
    mentions = tuple(
        replace(m, article_id=doc.article_id, label=sys.intern(m.label), evidence=NO_SENTENCE)
        for m in doc.mentions
    )
    return DocumentRecords(doc.article_id, mentions=mentions, places=doc.places)


LABEL_TYPES = {"PERSON": "person", "GPE": "other", "NORP": "other", "ORG": "other"}


@dataclass
class Unit:
    article_id: str
    group: str
    mentions: list[Mention] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    kb_id: str | None = None
    kb_type: str | None = None
    is_country: bool = False
    is_group: bool = False  # unnamed group ("police"): merged across articles only by country
    country: str | None = None  # a group's, or a state institution's ("the Supreme Court")
    # the generic words of a state institution's name ("supreme court": institution_of)
    institution: str | None = None
    # transliteration keys of the forms, set once the unit is complete (build_units)
    known_tkeys: frozenset[str] | None = None

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.article_id, self.group)

    @property
    def size(self) -> int:
        return len(self.mentions)

    @property
    def label(self) -> str:
        """The unit's fullest form, for explanations."""
        return max(self.forms, key=lambda f: (len(f.split()), self.forms[f], f))

    @property
    def tkeys(self) -> set[str]:
        if self.known_tkeys is not None:
            return set(self.known_tkeys)
        return {k for f in self.forms if (k := translit_key(f))}

    @property
    def acronyms(self) -> set[str]:
        return {f for f in self.forms if re.fullmatch(r"[A-Z]{2,6}", f)}

    @property
    def is_person(self) -> bool:
        if self.kb_type:
            return self.kb_type == "person"
        return self.labels.most_common(1)[0][0] == "PERSON"

    @property
    def is_personish(self) -> bool:
        """Could be a person: voted or labelled PERSON somewhere, not a known non-person."""
        return (
            not self.is_country
            and self.kb_type in (None, "person")
            and ("PERSON" in self.labels or self.is_person)
        )

    @property
    def is_single_name(self) -> bool:
        keys = self.tkeys
        return len(keys) == 1 and " " not in next(iter(keys))

    def _person_names(self) -> list[list[str]]:
        if not self.is_person:
            return []
        return [ks for f in self.forms if len(ks := token_keys(f)) > 1]

    @property
    def given(self) -> set[str]:
        """Given-name keys of the unit's full names ('Saif Gaddafi' -> {'sf'})."""
        out = set()
        for ks in self._person_names():
            out.add(" ".join(ks[:2]) if ks[0] == "abd" and len(ks) > 2 else ks[0])
        return out

    @property
    def full_surnames(self) -> set[str]:
        return {ks[-1] for ks in self._person_names()}


def build_units(
    docs: Iterable[DocumentRecords], kb: Any
) -> tuple[list[Unit], dict[str, list[Mention]]]:
    """Units sorted by (article, group), and demonym/metonym mentions by country ISO3."""
    return UnitBuilder(kb).units(docs)


class UnitBuilder:
    """Builds units (:func:`build_units`), keeping what it looked up of each form (its
    transliteration key, KB entry, whether it names a country) from one call to the
    next: the power law repeats forms, so a pass that builds the units of one article at
    a time looks each form up once, as one call over every document does."""

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        self._keys: dict[str, str] = {}  # form -> transliteration key
        self._entries: dict[str, Any] = {}  # form -> KB entry (or None)
        self._names: dict[str, bool] = {}  # form -> names a country
        self._institutions: dict[str, tuple[str, str | None] | None] = {}

    def key_of(self, form: str) -> str:
        if form not in self._keys:
            self._keys[form] = translit_key(form)
        return self._keys[form]

    def _country_name(self, form: str) -> bool:
        if form not in self._names:
            self._names[form] = self.kb.is_country_name(form)
        return self._names[form]

    def _entry_of(self, form: str) -> Any:
        if form not in self._entries:
            self._entries[form] = self.kb.lookup(form)
        return self._entries[form]

    def institution_of(self, unit: Unit, article: str | None) -> tuple[str | None, str | None]:
        """A state institution's generic name ("supreme court") and its country: the one
        its names or its mentions give ("the Ugandan Supreme Court", "the Supreme Court
        of Kenya": :func:`~eventwire.extract.bodies.institution_countries`), the most
        written first, else the country of its article's places (``article``)."""
        read = {f: found for f in unit.forms if (found := self._institution(f)) is not None}
        if not read:
            return None, None
        name = max(read, key=lambda f: (len(f.split()), unit.forms[f], f))
        countries: Counter[str] = Counter()
        for f, (_, iso3) in read.items():
            if iso3:
                countries[iso3] += unit.forms[f]
        countries.update(m.affiliation for m in unit.mentions if m.affiliation)
        if countries:
            return read[name][0], min(countries, key=lambda c: (-countries[c], c))
        return read[name][0], article

    def _institution(self, form: str) -> tuple[str, str | None] | None:
        if form not in self._institutions:
            self._institutions[form] = institution_name(form, self.kb)
        return self._institutions[form]

    def units(self, docs: Iterable[DocumentRecords]) -> tuple[list[Unit], dict[str, list[Mention]]]:
        """The units of ``docs`` sorted by (article, group), and their demonym/metonym
        mentions by country ISO3."""
        key_of, entry_of = self.key_of, self._entry_of
        units: dict[tuple[str, str], Unit] = {}
        affiliated: dict[str, list[Mention]] = {}
        article_country: dict[str, str] = {}
        for doc in docs:
            country = document_country(doc)
            if country:
                article_country.setdefault(doc.article_id, country)
            for m in doc.mentions:
                if m.group.startswith("aff:") and m.affiliation:
                    affiliated.setdefault(m.affiliation, []).append(m)
                    continue
                if m.label == GROUP_LABEL and m.affiliation is None and country:
                    m = replace(m, affiliation=country)
                form = m.normalized or m.span.text
                if not key_of(form):
                    continue
                key = (m.article_id, m.group or form)
                unit = units.setdefault(key, Unit(m.article_id, key[1]))
                unit.mentions.append(m)
                unit.forms[form] += 1
                unit.labels[m.label] += 1
        for unit in units.values():
            unit.known_tkeys = frozenset(k for f in unit.forms if (k := key_of(f)))
            if set(unit.labels) == {GROUP_LABEL}:
                unit.is_group = True
                unit.country = next((m.affiliation for m in unit.mentions if m.affiliation), None)
                continue  # "police" is no knowledge-base entry, nor a country
            found = {e.id: e for f in unit.forms if (e := entry_of(f))}
            entry = entry_of(unit.label) if len(found) > 1 else None
            if len(found) == 1 or entry is not None:
                entry = entry or next(iter(found.values()))
                unit.kb_id, unit.kb_type = entry.id, entry.type
            unit.is_country = unit.kb_type == "country" or (
                unit.kb_type is None and any(self._country_name(f) for f in unit.forms)
            )
            if not unit.is_country and not unit.is_person:
                unit.institution, unit.country = self.institution_of(
                    unit, article_country.get(unit.article_id)
                )
        for ms in affiliated.values():
            ms.sort(key=lambda m: (m.article_id, m.span.start))
        return [units[k] for k in sorted(units)], affiliated


def document_country(doc: DocumentRecords) -> str | None:
    """The country most of a document's places lie in (more than half of them), else None."""
    countries = Counter(p.place.country for p in doc.places if p.place and p.place.country)
    if not countries:
        return None
    iso3, n = countries.most_common(1)[0]
    return iso3 if n * 2 > sum(countries.values()) else None


def unit_type(unit: Unit, kb: Any) -> str:
    if unit.is_group:
        return "group"
    if unit.kb_type:
        return unit.kb_type
    if unit.is_country:
        return "country"
    if unit.is_person:
        return "person"
    if any(STATE_FORCES_NAME.match(f) for f in unit.forms):
        return "state_forces"  # a state's forces no KB entry names ("Armed forces of Mali")
    if any(m.role == PARTY_ROLE for m in unit.mentions):
        return "political_party"  # "KDP MPs", "the ruling KDP" (extract.kind_words)
    return words_type(unit.forms) or LABEL_TYPES.get(unit.labels.most_common(1)[0][0], "other")


def words_type(forms: Iterable[str]) -> str | None:
    """The type an organisation's name words give (:data:`_ORG_WORDS`), read over all its
    forms ("BJP" says nothing, "Bharatiya Janata Party" says a party), else None."""
    text = " ".join(forms).lower()
    for kind, pattern in _ORG_WORDS:
        if re.search(pattern, text):
            return kind
    return None


@dataclass(frozen=True)
class StoredUnit:
    """A unit as the store keeps it: ``keys`` strongest first (``keys[0]`` the anchor);
    ``affiliation`` (an ISO3) marks a document's demonym mentions of one country."""

    id: str
    article_id: str
    keys: tuple[str, ...]
    personish: bool
    cluster: str
    payload: str = field(hash=False, compare=False)  # JSON: compact while a rebuild holds all

    @cached_property
    def data(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.payload)
        return loaded

    @property
    def anchor(self) -> str:
        return self.keys[0]


def unit_id(article_id: str, group: str) -> str:
    # \x1f sorts before any printable character: ids sort as (article, group) tuples do
    return f"{article_id}\x1f{group}"


def to_payload(unit: Unit, affiliation: str | None = None) -> str:
    # counters as pairs in insertion order: most_common() breaks ties by it
    data = {
        "group": unit.group,
        "forms": [[f, n] for f, n in unit.forms.items()],
        "labels": [[lb, n] for lb, n in unit.labels.items()],
        "kb_id": unit.kb_id,
        "kb_type": unit.kb_type,
        "is_country": unit.is_country,
        "is_group": unit.is_group,
        "country": unit.country,
        "institution": unit.institution,
        "tkeys": sorted(unit.known_tkeys or unit.tkeys),
        "mentions": [
            [
                m.span.start,
                m.span.end,
                m.span.text,
                m.label,
                m.normalized,
                m.role,
                m.group,
                m.affiliation,
            ]
            for m in unit.mentions
        ],  # fmt: skip
        "affiliation": affiliation,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def mentions_of(article_id: str, payload: dict[str, Any]) -> list[Mention]:
    """A stored unit's mentions (without their sentences, which resolution never reads)."""
    return [
        Mention(article_id, Span(start, end, text), label, NO_SENTENCE, normalized, role, group,
                affiliation)
        for start, end, text, label, normalized, role, group, affiliation in payload["mentions"]
    ]  # fmt: skip


def from_payload(article_id: str, p: dict[str, Any]) -> Unit:
    return Unit(
        article_id,
        p["group"],
        mentions=mentions_of(article_id, p),
        forms=Counter(dict(p["forms"])),
        labels=Counter(dict(p["labels"])),
        kb_id=p["kb_id"],
        kb_type=p["kb_type"],
        is_country=p["is_country"],
        is_group=p["is_group"],
        country=p["country"],
        institution=p.get("institution"),  # units stored before institutions were keyed
        known_tkeys=frozenset(p["tkeys"]),
    )


def affiliation_units(affiliated: dict[str, list[Mention]], kb: Any) -> list[StoredUnit]:
    """One unit per document and country of its demonym mentions, anchored on the
    country's KB entry (the cluster they are linked to)."""
    out = []
    for iso3 in sorted(affiliated):
        entry = kb.country(iso3)
        if entry is None:
            continue
        by_article: dict[str, list[Mention]] = defaultdict(list)
        for m in affiliated[iso3]:
            by_article[m.article_id].append(m)
        for article_id, ms in sorted(by_article.items()):
            unit = Unit(article_id, f"aff:{iso3}", mentions=ms)
            out.append(StoredUnit(unit_id(article_id, unit.group), article_id,
                                  (f"kb:{entry.id}",), False, "", to_payload(unit, iso3)))  # fmt: skip
    return out
