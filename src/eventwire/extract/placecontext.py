"""A document's place context: which countries and divisions it is about.

A document's context is its votes for countries and first-level divisions (countries and
divisions named, towns with one well-known reading, demonym affiliations of actor
mentions) and its anchors, towns it names beyond doubt, with every town reading of its
names on a grid for geographic coherence. :func:`~eventwire.extract.toponyms.
resolve_toponym` ranks a name's readings by it (:mod:`eventwire.extract.placerank`),
leaving out the votes the name cast itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire.extract.placerank import (
    NEAR_KM,
    big_loose_match,
    grid_cell,
    has_rival,
    reading_score,
)
from eventwire.extract.placewords import (
    CALENDAR_WORDS,
    CAPITALISED,
    FUNCTION_WORDS,
    names_a_division,
)
from eventwire.knowledge.placenames import name_key
from eventwire.text.geo import haversine_km

if TYPE_CHECKING:
    from eventwire.knowledge.gazetteer import Candidate, Gazetteer
    from eventwire.model import Place


# What US stories write: counties, sheriffs, governors and senators by abbreviated title,
# party letters ("R-Texas"), interstates. (Dollar amounts are no cue: world news quotes them.)
US_CUES = re.compile(
    r"\b[A-Z][a-z]+ County\b|\b[Ss]heriff|\b(?:Gov|Sen|Rep)\. [A-Z]|\b[RD]-[A-Z][a-z]"
    r"|\b(?:Interstate|I-)\s?\d"
)
CLEAR_MARGIN = 2.0  # a reading ahead of all others by this much is beyond doubt


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
    # the countries a name other than a nationality word votes for ("Kenscoff", not "the
    # Kenyan contingent"): a demonym says who, not where; None when not worked out
    named: frozenset[str] | None = None


def document_countries(
    gazetteer: Gazetteer, names: Iterable[str], affiliations: Iterable[str] = ()
) -> Counter[str]:
    """Votes for the countries a document is about (see :func:`document_context`)."""
    return document_context(gazetteer, names, affiliations).countries


def document_context(
    gazetteer: Gazetteer,
    names: Iterable[str],
    affiliations: Iterable[str] = (),
    text: str = "",
    nationality: Collection[str] | None = None,
) -> PlaceContext:
    """Votes for the countries and divisions a document is about. A country named counts 3
    for it; a division named ("Kentucky", "Ky.") 3 for itself and 2 for its country; a
    town with a single well-known reading 1 for its country; a name whose readings all
    lie in one division 1 for it; a loose spelling of one big town ("al-Hasakeh") 1 for its
    country; a demonym affiliation ("Libyan forces") 2; US wording in ``text`` ("Boone
    County", "the sheriff") 1 for the US; then a name that is a country or division in
    several countries ("Georgia") votes for its reading in the one country the others
    voted for. :func:`resolve_toponym` leaves a
    name's own votes out when it resolves that name, so no reading confirms itself.
    ``nationality``, when given, holds the names that are nationality words ("Kenyan"):
    they vote like any name, but the countries the other names vote for are kept apart
    (``PlaceContext.named``)."""
    votes: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    readings: list[tuple[str, list[Candidate]]] = []
    mentions: Counter[str] = Counter()
    own: dict[str, tuple[Counter[str], Counter[str]]] = {}
    undecided: list[str] = []
    named: set[str] = set()
    for name in names:
        head, _, qualifier = name.partition(",")
        if not _may_vote(head):
            continue
        key = name_key(head)
        mentions[key] += 1
        name_votes, name_areas, cands = _votes_of(gazetteer, head, qualifier.strip())
        votes += name_votes
        areas += name_areas
        if nationality is not None and head not in nationality:
            named.update(k for k, v in name_votes.items() if k and v > 0)
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
                grid.setdefault(grid_cell(c.place.lat, c.place.lon), []).append(
                    (c.place.lat, c.place.lon, name_key(head))
                )
    return PlaceContext(
        votes,
        areas,
        tuple(anchors),
        mentions,
        own,
        grid,
        named=frozenset(named) if nationality is not None else None,
    )


def namesake_states(gazetteer: Gazetteer, name: str) -> tuple[Place, ...]:
    """The states a short name may mean when it is part of two states' names and neither's
    own name ("Congo": the Republic of the Congo or the Democratic Republic of the Congo;
    "Korea": North or South Korea); () for a name one state bears as its own ("Sudan",
    though South Sudan holds it too) or only one state holds."""
    states = gazetteer.states_named(name)
    key = name_key(name)
    if len(states) < 2 or any(name_key(s.name) == key for s in states):
        return ()
    return states


def _area_in(gazetteer: Gazetteer, head: str, votes: Counter[str]) -> Place | None:
    """The one country or division of an ambiguous name in the story's countries: "Georgia"
    in a story about the US, "Congo" in one that names the Democratic Republic of the
    Congo."""
    areas = [
        c.place
        for c in gazetteer.candidates(head)
        if c.match != "skeleton" and c.place.precision in ("country", "admin1")
    ] + list(namesake_states(gazetteer, head))
    areas = [a for a in areas if votes.get(a.country or "")]
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
    if namesake_states(gazetteer, head):
        return votes, areas, []  # "Congo": decided by the story's other names (_area_in)
    cands = [c for c in gazetteer.candidates(head) if c.match != "skeleton"]
    if names_a_division(head):
        # "Al Bayda governorate" is the division, not the bigger Libyan town of that name;
        # and a district the gazetteer lacks ("Tubal district" in Yemen) is no vote for the
        # country of a town abroad that bears its name (a place called by the whole name,
        # "Vermilion County", still is)
        key = name_key(head)
        cands = [
            c for c in cands if c.place.feature in ("ADM1", "ADM2") or name_key(c.place.name) == key
        ]
    if qualifier:
        cands += [
            c
            for c in gazetteer.candidates(qualifier)
            if c.match != "skeleton" and c.place.precision in ("country", "admin1")
        ]
    if not cands:
        loose = [c for c in gazetteer.candidates(head) if big_loose_match(c, head)]
        if len({c.place.country for c in loose}) == 1:
            votes[loose[0].place.country or ""] += 1
        return votes, areas, []
    # A name that is also a division or a big town elsewhere ("Georgia", "Gaza",
    # "Delta") does not vote for one reading: it would only confirm itself.
    countries = [c for c in cands if c.place.precision == "country"]
    if countries:
        if not has_rival(cands, countries[0], ("admin1",)):
            votes[countries[0].place.country or ""] += 3
        return votes, areas, []
    divisions = [c for c in cands if c.place.precision == "admin1"]
    if divisions:
        if not has_rival(cands, divisions[0], ("admin1", "city")):
            areas[divisions[0].place.admin1 or ""] += 3
            votes[divisions[0].place.country or ""] += 2
        return votes, areas, []
    big = [c for c in cands if (c.place.population or 0) >= 50_000]
    if len({c.place.country for c in big}) == 1:
        votes[big[0].place.country or ""] += 1
    if len({c.place.admin1 for c in cands}) == 1:
        areas[cands[0].place.admin1 or ""] += 1
    return votes, areas, cands


def without_own_votes(name: str, context: PlaceContext) -> PlaceContext:
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
        context.named,
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
    ranked = sorted(towns, key=lambda c: reading_score(c, context), reverse=True)
    best = ranked[0].place
    rivals = [
        c
        for c in ranked[1:]
        if haversine_km(best.lat, best.lon, c.place.lat, c.place.lon) > NEAR_KM  # type: ignore[arg-type]
    ]
    if (
        not rivals
        or reading_score(ranked[0], context) - reading_score(rivals[0], context) >= CLEAR_MARGIN
    ):
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


def as_context(gazetteer: Gazetteer, context: Any) -> PlaceContext:
    if context is None:
        return PlaceContext()
    if isinstance(context, PlaceContext):
        return context
    if isinstance(context, str):
        return text_context(gazetteer, context)
    return PlaceContext(context if isinstance(context, Counter) else Counter(context))
