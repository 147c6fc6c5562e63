"""Resolving place names against the gazetteer: a document's context, then each name.

A document's context is its votes for countries and first-level divisions
(countries and divisions named, towns with one well-known reading, demonym
affiliations of actor mentions) and its anchors, towns it names beyond doubt.
:func:`resolve_toponym` ranks a name's candidates by that context (leaving out
the votes the name cast itself), the name's own qualifier ("Tripoli, Lebanon"),
feature type, population, nearness to the anchors and to readings of the story's
other names (geographic coherence); loose spellings count only
in the story's countries, and generic or unknown names give no far-away guess.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from eventwire.knowledge.placenames import (
    ARTICLES,
    GENERIC_WORDS,
    SETTLEMENT_WORDS,
    TYPE_WORDS,
    fold,
    name_key,
    without_type_word,
)
from eventwire.text.geo import haversine_km

if TYPE_CHECKING:
    from eventwire.knowledge.gazetteer import Candidate, Gazetteer
    from eventwire.model import Place

NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|as-|az-|ad-|de\s|of\s)?[A-Z][\w'’-]+){0,3}"
CAPITALISED = re.compile(r"\b" + NAME)
# Capitalised words after "on" or "in" that are dates, not places ("on June 8", "in May").
CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# Words that open sentences and name some village somewhere ("We", "But", "However").
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "me",
        "us",
        "him",
        "her",
        "them",
        "my",
        "our",
        "your",
        "his",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "while",
        "if",
        "but",
        "and",
        "or",
        "nor",
        "so",
        "yet",
        "for",
        "of",
        "at",
        "by",
        "in",
        "on",
        "to",
        "from",
        "with",
        "without",
        "into",
        "onto",
        "upon",
        "about",
        "after",
        "before",
        "during",
        "since",
        "until",
        "as",
        "than",
        "then",
        "also",
        "however",
        "although",
        "though",
        "because",
        "even",
        "still",
        "more",
        "most",
        "many",
        "much",
        "some",
        "any",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "another",
        "other",
        "such",
        "one",
        "only",
        "just",
        "never",
        "ever",
        "again",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
    ]
)
# Words that name no place on their own ("West", "Centre", "Province").
NO_NAME_WORDS = GENERIC_WORDS | TYPE_WORDS | SETTLEMENT_WORDS
# What US stories write: counties, sheriffs, governors and senators by abbreviated title,
# party letters ("R-Texas"), interstates. (Dollar amounts are no cue: world news quotes them.)
US_CUES = re.compile(
    r"\b[A-Z][a-z]+ County\b|\b[Ss]heriff|\b(?:Gov|Sen|Rep)\. [A-Z]|\b[RD]-[A-Z][a-z]"
    r"|\b(?:Interstate|I-)\s?\d"
)
_ARTICLE_START = re.compile(r"^(?:al|el|as|az|ad|ash|at|an|ar|ath|adh|es|ez|ed|et|en|er)[-\s]\S")

BIG_CITY = 1_000_000  # a city this big, or a capital, is what news means by its division's name
CITY_SHARE = 0.15  # a division's namesake town this large a share of it is what news means
# Divisions below the first level, named after their seat town.
SEAT_WORDS = frozenset(["county", "district"])
QUALIFIER_TOWN = 50_000  # a town this big may hold the place named before it ("Hamra, Beirut")
NEAR_KM = 50  # readings of one name this close are one place
DIVISION_KM = 300  # a town this close to a division's point may be said to lie in it
NEIGHBOUR_KM = 150  # a town this close to one the story names is a neighbour
ANCHOR_BONUS = 2.0
CLEAR_MARGIN = 2.0  # a reading ahead of all others by this much is beyond doubt
ALIAS_PENALTY = 1.0
COHERENCE_BONUS = 1.0  # per other name of the story with a reading this near ...
COHERENCE_KM = 50
COHERENCE_MAX = 3  # ... counting this many names at most
_CELL = 2.0  # degrees: the grid that finds a story's readings near a point


@dataclass(frozen=True)
class PlaceContext:
    """What a document is about: votes for countries (ISO3) and first-level divisions
    (GeoNames admin1 codes such as "US.KY"), from :func:`document_context`."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)
    # (lat, lon, name key) of towns the document names that have one reading only
    anchors: tuple[tuple[float, float, str], ...] = ()
    # how often each name (its key) was counted and the votes it cast, so a name's own
    # votes can be left out when it is resolved
    mentions: Counter[str] = field(default_factory=Counter)
    own: dict[str, tuple[Counter[str], Counter[str]]] = field(default_factory=dict)
    # every town reading of every name the document names, by grid cell: (lat, lon, key)
    readings: dict[tuple[int, int], list[tuple[float, float, str]]] = field(default_factory=dict)
    # :func:`_neighbours` of each place id, filled as names are resolved
    near: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


def document_countries(
    gazetteer: Gazetteer, names: Iterable[str], affiliations: Iterable[str] = ()
) -> Counter[str]:
    """Votes for the countries a document is about (see :func:`document_context`)."""
    return document_context(gazetteer, names, affiliations).countries


def document_context(
    gazetteer: Gazetteer, names: Iterable[str], affiliations: Iterable[str] = (), text: str = ""
) -> PlaceContext:
    """Votes for the countries and divisions a document is about. A country named counts 3
    for it; a division named ("Kentucky", "Ky.") 3 for itself and 2 for its country; a
    town with a single well-known reading 1 for its country; a name whose readings all
    lie in one division 1 for it; a loose spelling of one big town ("al-Hasakeh") 1 for its
    country; a demonym affiliation ("Libyan forces") 2; US wording in ``text`` ("Boone
    County", "the sheriff") 1 for the US; then a name that is a country or division in
    several countries ("Georgia") votes for its reading in the one country the others
    voted for. :func:`resolve_toponym` leaves a
    name's own votes out when it resolves that name, so no reading confirms itself."""
    votes: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    readings: list[tuple[str, list[Candidate]]] = []
    mentions: Counter[str] = Counter()
    own: dict[str, tuple[Counter[str], Counter[str]]] = {}
    undecided: list[str] = []
    for name in names:
        head, _, qualifier = name.partition(",")
        if not _may_vote(head):
            continue
        key = name_key(head)
        mentions[key] += 1
        name_votes, name_areas, cands = _votes_of(gazetteer, head, qualifier.strip())
        votes += name_votes
        areas += name_areas
        own[key] = (name_votes, name_areas)
        if cands:
            readings.append((head, cands))
        elif not name_votes and not qualifier:
            undecided.append(head)
    for iso3 in affiliations:
        votes[iso3] += 2
    votes += cue_votes(text)
    votes.pop("", None)
    areas.pop("", None)
    decided: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for head in undecided:  # "Georgia" in a story the other names put in the US: the state
        key = name_key(head)
        if key not in decided:
            reading = _area_in(gazetteer, head, votes)
            decided[key] = (
                Counter({reading.country or "": 2}) if reading else Counter(),
                Counter({reading.admin1 or "": 3})
                if reading is not None and reading.precision == "admin1"
                else Counter(),
            )
            own[key] = decided[key]
        votes += decided[key][0]
        areas += decided[key][1]
    votes.pop("", None)
    areas.pop("", None)
    first = PlaceContext(votes, areas)
    anchors = []
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for head, cands in readings:
        anchor = _clear_reading(cands, first)
        if anchor is not None and anchor.lat is not None and anchor.lon is not None:
            anchors.append((anchor.lat, anchor.lon, name_key(head)))
        for c in cands:
            if (
                c.place.lat is not None
                and c.place.lon is not None
                and c.place.precision in ("city", "point")
            ):
                grid.setdefault(_cell(c.place.lat, c.place.lon), []).append(
                    (c.place.lat, c.place.lon, name_key(head))
                )
    return PlaceContext(votes, areas, tuple(anchors), mentions, own, grid)


def _area_in(gazetteer: Gazetteer, head: str, votes: Counter[str]) -> Place | None:
    """The one country or division of an ambiguous name in the story's countries."""
    areas = [
        c.place
        for c in gazetteer.candidates(head)
        if c.match != "skeleton"
        and c.place.precision in ("country", "admin1")
        and votes.get(c.place.country or "")
    ]
    return areas[0] if len({a.country for a in areas}) == 1 else None


def cue_votes(text: str) -> Counter[str]:
    """A vote for the US where ``text`` has its local wording (US_CUES): a local paper
    that never names its state still writes "Boone County" or "the sheriff's office"."""
    return Counter({"USA": 1}) if US_CUES.search(text) else Counter()


def _votes_of(
    gazetteer: Gazetteer, head: str, qualifier: str
) -> tuple[Counter[str], Counter[str], list[Candidate]]:
    """One name's votes for countries and divisions, and its town readings (for anchors)."""
    votes: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    cands = [c for c in gazetteer.candidates(head) if c.match != "skeleton"]
    if _names_a_division(head):
        # "Al Bayda governorate" is the division, not the bigger Libyan town of that name
        cands = [c for c in cands if c.place.feature in ("ADM1", "ADM2")] or cands
    if qualifier:
        cands += [
            c
            for c in gazetteer.candidates(qualifier)
            if c.match != "skeleton" and c.place.precision in ("country", "admin1")
        ]
    if not cands:
        loose = [c for c in gazetteer.candidates(head) if _big_loose_match(c, head)]
        if len({c.place.country for c in loose}) == 1:
            votes[loose[0].place.country or ""] += 1
        return votes, areas, []
    # A name that is also a division or a big town elsewhere ("Georgia", "Gaza",
    # "Delta") does not vote for one reading: it would only confirm itself.
    countries = [c for c in cands if c.place.precision == "country"]
    if countries:
        if not _rival(cands, countries[0], ("admin1",)):
            votes[countries[0].place.country or ""] += 3
        return votes, areas, []
    divisions = [c for c in cands if c.place.precision == "admin1"]
    if divisions:
        if not _rival(cands, divisions[0], ("admin1", "city")):
            areas[divisions[0].place.admin1 or ""] += 3
            votes[divisions[0].place.country or ""] += 2
        return votes, areas, []
    big = [c for c in cands if (c.place.population or 0) >= 50_000]
    if len({c.place.country for c in big}) == 1:
        votes[big[0].place.country or ""] += 1
    if len({c.place.admin1 for c in cands}) == 1:
        areas[cands[0].place.admin1 or ""] += 1
    return votes, areas, cands


def _without_own_votes(name: str, context: PlaceContext) -> PlaceContext:
    """``context`` less the votes ``name`` cast itself each time the document named it."""
    key = name_key(name)
    times = context.mentions.get(key, 0)
    if not times or key not in context.own:
        return context
    own_votes, own_areas = context.own[key]
    countries = Counter({k: v - times * own_votes.get(k, 0) for k, v in context.countries.items()})
    admin1 = Counter({k: v - times * own_areas.get(k, 0) for k, v in context.admin1.items()})
    return PlaceContext(
        +countries,
        +admin1,
        context.anchors,
        context.mentions,
        context.own,
        context.readings,
        context.near,
    )


def _rival(cands: list[Candidate], reading: Candidate, kinds: tuple[str, ...]) -> bool:
    """Another country's division or big town of the same name as ``reading``."""
    return any(
        c.place.country != reading.place.country
        and c.place.precision in kinds
        and (c.place.precision == "admin1" or (c.place.population or 0) >= 100_000)
        for c in cands
    )


def _may_vote(name: str) -> bool:
    """False for capitalised words that are seldom place names ("We", "But", "Thursday"),
    which some small place somewhere is called too."""
    word = name.strip().lower()
    return word not in FUNCTION_WORDS and word not in CALENDAR_WORDS


def _clear_reading(cands: list[Candidate], context: PlaceContext) -> Place | None:
    """The town a name means beyond doubt in this story: its readings lie within a few km
    of each other, or the best one outscores every other far from it by a wide margin."""
    towns = [
        c
        for c in cands
        if c.place.precision in ("city", "point")
        and c.place.lat is not None
        and c.place.lon is not None
    ]
    if not towns or len(towns) != len(cands):
        return None
    ranked = sorted(towns, key=lambda c: _score(c, context), reverse=True)
    best = ranked[0].place
    rivals = [
        c
        for c in ranked[1:]
        if haversine_km(best.lat, best.lon, c.place.lat, c.place.lon) > NEAR_KM  # type: ignore[arg-type]
    ]
    if not rivals or _score(ranked[0], context) - _score(rivals[0], context) >= CLEAR_MARGIN:
        return best
    return None


def text_context(gazetteer: Gazetteer, text: str) -> PlaceContext:
    """:func:`document_context` over the capitalised phrases of a plain text; a phrase no
    place is called by stands for its longest leading part that is one ("the Edgar County
    Community Foundation" names Edgar County)."""
    return document_context(
        gazetteer,
        (_leading_name(gazetteer, m.group(0)) for m in CAPITALISED.finditer(text)),
        text=text,
    )


def _leading_name(gazetteer: Gazetteer, phrase: str) -> str:
    words = phrase.split()
    for size in range(len(words), 1, -1):
        part = " ".join(words[:size])
        if any(c.match != "skeleton" for c in gazetteer.candidates(part)):
            return part
    return phrase


def resolve_toponym(
    gazetteer: Gazetteer,
    name: str,
    context: Any = None,
    *,
    area: bool = False,
    settlement: bool = False,
) -> Place | None:
    """The best reading of ``name``; ``context`` is a document's text, a
    :class:`PlaceContext`, or country votes (a Counter or an iterable of ISO3 codes).
    ``area``: the text uses the name for a region ("Basira in Deir-ez-Zor", "Aleppo
    countryside"), so a division of that name wins over its namesake town.
    ``settlement``: the text calls it a town ("the town of Kufra"), so a town of that name
    in the same division wins over the division (its precision is then honest)."""
    head, _, qualifier = name.partition(",")
    if name_key(head) in ARTICLES:
        return None  # "Al" cut off from "Al Bab" by the model names nothing
    context = _without_own_votes(head, _context(gazetteer, context))
    cands = list(gazetteer.candidates(head.strip()))
    qualifier = qualifier.strip()
    if qualifier:
        within = _qualifier_filter(gazetteer, qualifier, cands, context)
        core = without_type_word(name_key(head), TYPE_WORDS | SETTLEMENT_WORDS)
        if not within and core:
            # "Hays city (Al Hudaydah)" is Hays in Hudaydah, not the Kansas "Hays City"
            within = _qualifier_filter(
                gazetteer, qualifier, list(gazetteer.candidates(core)), context
            )
        if within:
            cands = within
        elif not any(
            c.place.precision in ("country", "region") and c.match != "skeleton" for c in cands
        ) and qualifier_places(gazetteer, qualifier):
            # an unknown small place in a known area ("Abu Tawilah, North Sinai", "Mansura
            # in Raqqa"): the area, not a namesake or a loose likeness elsewhere; a capital
            # or a big city holds its districts ("Karrada in Baghdad") unless ``area`` says
            # the text means its countryside
            town = resolve_toponym(gazetteer, qualifier, context)
            if (
                town is not None
                and town.precision == "city"
                and (area or not _holds_districts(town))
            ):
                return resolve_toponym(gazetteer, qualifier, context, area=True)
            return town
    if is_acronym(head):
        # "IS", "AQAP": an acronym names a place only as a country, division or union code
        # ("US", "KY", "EU")
        cands = [c for c in cands if c.place.precision in ("country", "admin1", "region")]
    # A loose spelling match counts only in a country the story is about ("Rouakeche" in an
    # Algerian note is not the French town "Unieux"), or for a big town in a story without one.
    cands = [
        c
        for c in cands
        if c.match != "skeleton"
        or context.countries.get(c.place.country or "")
        or (not context.countries and _big_loose_match(c, head))
    ]
    if not cands:
        return _place_within(gazetteer, head.strip(), context)
    if all(w in NO_NAME_WORDS for w in name_key(head).split()):
        # "West", "Centre", "the Gulf": a division so named somewhere is no answer unless
        # the story is about its country
        cands = [c for c in cands if context.countries.get(c.place.country or "")]
        if not cands:
            return None
    if _ARTICLE_START.match(fold(head.strip())):
        # "Ad Dali" written with its Arabic article is Yemen's Ad Dali', not China's Dali
        cands = [c for c in cands if _ARTICLE_START.match(fold(c.place.name))] or cands
    if _names_a_division(head):
        # "Kerman province" is the province, not its capital; "Sinai Province" (a militant
        # group's name) is not the Mexican town Sinai; but a county or district the gazetteer
        # lacks is named after its seat ("Dehloran county", "Tuz Khurmatu district")
        seats = (
            [c for c in cands if c.match != "skeleton" and c.place.precision == "city"]
            if name_key(head).split()[-1] in SEAT_WORDS
            else []
        )
        cands = (
            [c for c in cands if c.place.feature in ("ADM1", "ADM2")]
            or [c for c in cands if context.countries.get(c.place.country or "")]
            or seats
        )
        if not cands:
            return None
    # a town bearing the name only as an alternate gives way where towns, divisions or
    # countries bear it as their own ("Montana" is the state, not Montana City)
    own_name = any(
        c.match == "main" and c.place.precision in ("city", "point", "admin1", "country")
        for c in cands
    )
    best = max(cands, key=lambda c: _rank(c, cands, context, own_name))
    if area and best.place.precision == "city":
        division = [
            c
            for c in cands
            if c.place.precision == "admin1" and c.place.admin1 == best.place.admin1
        ]
        return division[0].place if division else best.place
    if best.place.precision == "admin1" and settlement:
        towns = [
            c
            for c in cands
            if c.place.precision in ("city", "point")
            and c.match != "skeleton"
            and c.place.country == best.place.country
            and c.place.admin1 in (None, best.place.admin1)  # a supplement town may lack it
        ]
        if towns:
            return max(towns, key=lambda c: _rank(c, cands, context, own_name)).place
    if best.place.precision == "admin1" and not area:
        return _city_over_division(best, cands).place
    return best.place


def _holds_districts(place: Place) -> bool:
    """A capital or a big city holding a place ("Karrada in Baghdad") is that city."""
    return place.feature == "PPLC" or (place.population or 0) >= BIG_CITY


def _rank(c: Candidate, cands: list[Candidate], context: PlaceContext, own_name: bool) -> float:
    """:func:`_score`, less a division's weight where a big town elsewhere shares its name:
    Egypt's Alexandria governorate may not carry its city past Alexandria, Virginia; and
    less ALIAS_PENALTY for a town found by another name (a former one: Beeville was once
    "Maryville") where towns, divisions or countries bear the name as their own
    (``own_name``)."""
    score = _score(c, context)
    if c.place.precision == "admin1" and _rival(cands, c, ("city",)):
        score -= _FEATURE_BONUS["admin1"]
    if own_name and c.match == "alternate" and c.place.precision in ("city", "point"):
        score -= ALIAS_PENALTY
    return score


def _big_loose_match(c: Candidate, name: str) -> bool:
    """A loose spelling of a big town, long and close enough to be more than a chance
    likeness ("al-Hasakeh" is Al-Hasakah; "Miniyeh" is not Minnesota)."""
    key = name_key(name)
    return (
        c.match == "skeleton"
        and (c.place.population or 0) >= 100_000
        and len(key) >= 6
        and SequenceMatcher(None, key, name_key(c.place.name)).ratio() >= 0.75
    )


def names_an_area(gazetteer: Gazetteer, name: str) -> bool:
    return any(
        c.match != "skeleton" and c.place.precision in ("country", "admin1")
        for c in gazetteer.candidates(name)
    )


def _names_a_division(name: str) -> bool:
    words = name_key(name).split()
    return len(words) > 1 and (words[0] in TYPE_WORDS or words[-1] in TYPE_WORDS)


def is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and "." not in name


def _place_within(gazetteer: Gazetteer, name: str, context: PlaceContext) -> Place | None:
    """For a site the gazetteer lacks ("Delhi High Court", "Greater Toronto Area"), the
    longest run of its capitalised words that is a well-known place or one in the story's
    countries: a site named after its town is in that town."""
    words = name.split()
    if len(words) < 2:
        return None
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = words[i : i + size]
            if (
                not part[0][:1].isupper()
                or not part[-1][:1].isupper()
                or all(w.lower() in NO_NAME_WORDS for w in part)
            ):
                continue
            cands = [
                c
                for c in gazetteer.candidates(" ".join(part))
                if c.match == "main"
                and (
                    context.countries.get(c.place.country or "")
                    or c.place.precision == "country"
                    or (c.place.population or 0) >= 100_000
                )
            ]
            if cands:
                return max(cands, key=lambda c: _score(c, context)).place
    return None


def _city_over_division(division: Candidate, cands: list[Candidate]) -> Candidate:
    """ "New York" and "Washington" in news are the cities: a capital or a big city of the
    division's country that bears its name wins over the division, and so does the town a
    governorate is named after when it holds a good share of its people ("Aswan", "Port
    Said"; not "Quebec", whose province is many times its city)."""
    people = division.place.population or 0
    for c in cands:
        if (
            c.place.precision != "city"
            or c.match == "skeleton"
            or c.place.country != division.place.country
        ):
            continue
        size = c.place.population or 0
        if (
            c.place.feature == "PPLC"
            or size >= BIG_CITY
            or (c.place.admin1 == division.place.admin1 and size >= CITY_SHARE * people)
        ):
            return c
    return division


def _context(gazetteer: Gazetteer, context: Any) -> PlaceContext:
    if context is None:
        return PlaceContext()
    if isinstance(context, PlaceContext):
        return context
    if isinstance(context, str):
        return text_context(gazetteer, context)
    return PlaceContext(context if isinstance(context, Counter) else Counter(context))


def qualifier_places(
    gazetteer: Gazetteer, qualifier: str, context: PlaceContext | None = None
) -> list[Place]:
    """The areas a qualifier names (its countries and divisions; those in the story's
    countries where it names some elsewhere too: "Al Jawf" in a Yemeni story), else the
    towns it names by their own name: "Hamra, Beirut" lies in the city."""
    found = [c for c in gazetteer.candidates(qualifier) if c.match != "skeleton"]
    areas = [c.place for c in found if c.place.precision in ("country", "admin1")]
    if context is not None and len({a.country for a in areas}) > 1:
        areas = [a for a in areas if context.countries.get(a.country or "")] or areas
    return areas or [
        c.place
        for c in found
        if c.match == "main"
        and c.place.precision == "city"
        and (c.place.population or 0) >= QUALIFIER_TOWN
        and c.place.lat is not None
        and c.place.lon is not None
    ]


def _qualifier_filter(
    gazetteer: Gazetteer, qualifier: str, cands: list, context: PlaceContext
) -> list:
    """``cands`` within the qualifier's areas, or within NEAR_KM or the division of the town
    it names ("Kafr Nasij in Daraa"); with none in a division, those of its country within
    DIVISION_KM of it (the gazetteer may file a town under a neighbouring division)."""
    places = qualifier_places(gazetteer, qualifier, context)
    keep = []
    for c in cands:
        for area in places:
            if area.precision == "country" and c.place.country == area.country:
                keep.append(c)
                break
            if area.precision == "admin1" and c.place.admin1 == area.admin1:
                keep.append(c)
                break
            if area.precision == "city" and (
                c.place.admin1 == area.admin1
                or (
                    c.place.lat is not None
                    and c.place.lon is not None
                    and haversine_km(area.lat, area.lon, c.place.lat, c.place.lon) <= NEAR_KM  # type: ignore[arg-type]
                )
            ):
                keep.append(c)
                break
    if keep:
        return keep
    divisions = [a for a in places if a.precision == "admin1" and a.lat is not None]
    return [
        c
        for c in cands
        if c.match != "skeleton"
        and c.place.precision in ("city", "point")
        and c.place.lat is not None
        and c.place.lon is not None
        and any(
            c.place.country == a.country
            and haversine_km(a.lat, a.lon, c.place.lat, c.place.lon) <= DIVISION_KM  # type: ignore[arg-type]
            for a in divisions
        )
    ]


# A sea or continent has no population to rank it by: the region's bonus stands for one.
_FEATURE_BONUS = {"country": 3.0, "admin1": 1.5, "point": 2.0, "region": 6.0}


def _score(c: Candidate, context: PlaceContext) -> float:
    place = c.place
    votes, areas = context.countries, context.admin1
    score = math.log10((place.population or 0) + 1)
    score += _FEATURE_BONUS.get(place.precision, 0.0)
    if place.feature == "PPLC":
        score += 1.0
    share = votes.get(place.country or "", 0) / (sum(votes.values()) or 1)
    if share:
        score += 1.0 + 4.0 * share
    area_share = areas.get(place.admin1 or "", 0) / (sum(areas.values()) or 1)
    if area_share and place.precision != "admin1":
        score += 1.0 + 3.0 * area_share
    score -= {"main": 0.0, "alternate": 0.5, "skeleton": 3.0}[c.match]
    if place.lat is not None and place.lon is not None and place.precision in ("city", "point"):
        if context.anchors and _near_anchor(place, context.anchors):
            score += ANCHOR_BONUS  # near a town the story names beyond doubt: its neighbour
        if context.readings:
            score += COHERENCE_BONUS * min(COHERENCE_MAX, _neighbours(place, context))
    return score


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / _CELL)), int(math.floor(lon / _CELL))


def _neighbours(place: Place, context: PlaceContext) -> int:
    """How many other names of the story have a reading within COHERENCE_KM of ``place``:
    the Paris near Dallas when the story also names Denton and Sherman (geographic
    coherence), whichever one of each name is meant."""
    if place.id in context.near:
        return context.near[place.id]
    lat, lon = place.lat or 0.0, place.lon or 0.0
    own = name_key(place.name)
    span = COHERENCE_KM / 111.0
    wide = span / max(math.cos(math.radians(lat)), 0.1)
    row, col = _cell(lat, lon)
    reach = int(wide // _CELL) + 1
    near: set[str] = set()
    for r in (row - 1, row, row + 1):
        for k in range(col - reach, col + reach + 1):
            for a, b, key in context.readings.get((r, k), ()):
                if (
                    key != own
                    and key not in near
                    and abs(a - lat) <= span
                    and abs(b - lon) <= wide
                    and 1.0 < haversine_km(lat, lon, a, b) <= COHERENCE_KM
                ):
                    near.add(key)
    context.near[place.id] = len(near)
    return len(near)


def _near_anchor(place: Place, anchors: tuple[tuple[float, float, str], ...]) -> bool:
    """True when another town the story names beyond doubt lies within NEIGHBOUR_KM."""
    lat, lon = place.lat or 0.0, place.lon or 0.0
    span = NEIGHBOUR_KM / 111.0  # degrees of latitude; a cheap box before the exact distance
    wide = span / max(math.cos(math.radians(lat)), 0.1)
    return any(
        abs(a - lat) <= span
        and abs(b - lon) <= wide
        and 1.0 < haversine_km(lat, lon, a, b) <= NEIGHBOUR_KM
        for a, b, _key in anchors
    )
