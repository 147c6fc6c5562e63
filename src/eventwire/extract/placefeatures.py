"""A name followed by the word of a natural feature or a facility is that feature.

"the Boni forest", "the Juba river", "the Nuba hills", "the Kakuma camp", "Mitiga
airport", "the Wheelus base": the name is the forest, the river, the camp, not a town
spelt like it (the Boni forest had been put at Bonn, the Nuba hills in a village of the
West Bank). :func:`feature_word` tells whether a place name is followed by (or ends
with) such a word; :func:`resolve_feature` reads it. The words, their kinds and each
kind's GeoNames feature codes are data: ``knowledge/data/place_words.toml``.

- the feature itself, when the gazetteer holds it (classes S, T, H, L and V from an
  import with ``--feature-classes``; the shipped supplement's airports and bases), by
  the name with its word ("Sambisa Forest") or alone, keeping only features of the
  word's kind;
- a facility (a camp, an airport, a base, a checkpoint) or a valley is often named
  after the town it lies by or holds ("Bagram base", "Kakuma camp", "the Las Vegas
  Valley"): the town of that name, if the story's
  countries hold it (or the story names none), never one abroad;
- a feature is also often named after the division it lies in ("the Swat valley", "the
  Panjshir valley"): the division the name alone reads as;
- a natural feature is never a town: with none of its kind in the gazetteer and no
  division of its name, nothing;
- a feature with no reading that the text ties to a place named right after it ("the
  Kuyambana forest, in Gwoza Local Government Area", "the Balad air base in Iraq's
  northern Salahuddin province", "the Sambisa forest in Borno state") keeps its own name at
  that place's point, with the precision of what the text ties it to: ``admin2`` (near
  a town) for a town or district, the division's or part's own for those; never a
  country (:func:`tied_features`). With no such tie it stays unread, and an event
  there takes its sentence's other places, else goes unplaced.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.placecontext import as_context
from eventwire.extract.placerefs import states_reference
from eventwire.extract.toponyms import ABROAD_TOWN, DIVISION_KM, resolve_toponym
from eventwire.knowledge.placenames import name_key
from eventwire.text.geo import haversine_km

if TYPE_CHECKING:
    from eventwire.extract.placecontext import PlaceContext
    from eventwire.knowledge.gazetteer import Gazetteer
    from eventwire.knowledge.place_words import PlaceWords
    from eventwire.model import Place, PlaceMention

_TOWN_FEATURES = re.compile(r"^PPL")
# What ties a feature to the place named right after it: "the Kuyambana forest, in Gwoza
# Local Government Area", "the Kajaki dam near Sangin", "the Golis range (Sanaag)".
_TIE = re.compile(r"^(?:\s*\(\s*|,?\s+(?:in|near|outside|inside|of|by|at)\s+)[^.;:!?()]{0,40}$")
# What ties a name the gazetteer lacks to a place it lies by: "a hamlet near Mirali, near
# Bannu", "Arab Jabour, south of Baghdad", "Ain Issa (Raqqa)"; a bare "in"
# is read with the name already ("Mansura in Raqqa" is read within Raqqa)
_NAME_TIE = re.compile(
    r"^(?:\s*\(\s*|,\s+(?:in|near|outside)\s+|\s+near\s+|,?\s+(?:some\s+|about\s+)?"
    r"(?:(?:north|south)[-– ]?(?:east|west)|north|south|east|west)(?:ern)?\s+of\s+)"
    r"(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$"
)
# the precision of a feature placed by what it is tied to: near a town, or within an area
_TIED_PRECISION = {"point": "admin2", "city": "admin2", "admin2": "admin2", "admin1": "admin1"}
TIED_FEATURE = "NEAR"  # the feature code of a feature placed by what the text ties it to
TIED_PREFIX = "near:"  # its id: the prefix, the id of what it is tied to, "|", its name


def tied_to(place: Place) -> str | None:
    """The id of the place a feature placed by its tie lies by or in, else None."""
    if place.feature != TIED_FEATURE or not place.id.startswith(TIED_PREFIX):
        return None
    return place.id[len(TIED_PREFIX) :].rpartition("|")[0]


_DIVISION_FEATURES = re.compile(r"^ADM[1-5]")


# A division's kind after a feature's word: "the Bandarban hill district", "the Kurram
# valley district" name the district, the feature's word qualifying its kind.
_KIND_AFTER_FEATURE = re.compile(
    r"^\s+(?:district|region|province|state|county|division|territory|tracts?)\b", re.IGNORECASE
)


def feature_word(words: PlaceWords, text: str, start: int, end: int) -> tuple[str, str] | None:
    """``(name, word)`` when the place name at [start, end) is followed by a feature's
    word in lower case ("Boni forest", "the Kakuma camp"), or ends with one written as
    part of the name ("the Sambisa Forest"); None otherwise. A word that opens a new
    phrase is not the name's: "Boni forest" only, not "Boni, forest" (a comma); nor is
    a word qualifying a division's kind after it ("the Bandarban hill district" is a
    district: the name is read as any other)."""
    name = text[start:end]
    m = words.word_after.match(text[end : end + 20])
    if m is not None:
        if _KIND_AFTER_FEATURE.match(text[end + m.end() : end + m.end() + 20]):
            return None
        return name, m.group(1)
    head, _, last = name.rpartition(" ")
    if head and last.lower() in words.features:
        return head, last.lower()
    return None


def resolve_feature(
    gazetteer: Gazetteer,
    words: PlaceWords,
    name: str,
    word: str,
    context: PlaceContext | None = None,
) -> Place | None:
    """The feature ``name`` followed by ``word`` names (see the module docstring; the
    words and their kinds' feature codes: ``words``, from ``data/place_words.toml``)."""
    kind = words.features[word]
    codes, facility = kind.codes, kind.named_after_town
    countries = as_context(gazetteer, context).countries
    found: list[Place] = []
    for query in (f"{name} {word}", name):
        for cand in gazetteer.candidates(query):
            place = cand.place
            own_name = (
                query != name
                and bool(_TOWN_FEATURES.match(place.feature or ""))
                and name_key(place.name) == name_key(query)
            )
            # "Fall River": a town whose own name holds the word is that town; a feature
            # is read by its own spelling only, never a loose one
            if (place.feature in codes or own_name) and cand.match != "skeleton":
                found.append(place)
        if found:
            break
    if not found:
        # the area or town of that name at home, as the name alone reads: "the Swat
        # valley" is the Swat district, "the Kakuma camp" lies by Kakuma; a natural
        # feature is never a town
        usual = resolve_toponym(gazetteer, name, context)
        feature = (usual.feature or "") if usual is not None else ""
        if usual is not None and (
            _DIVISION_FEATURES.match(feature)
            or (
                facility
                and _TOWN_FEATURES.match(feature)
                and (usual.country in countries if countries else _one_country(gazetteer, name))
            )
        ):
            return usual
    if not found:
        return None
    # the story's countries first, then the gazetteer's order (biggest first)
    return min(found, key=lambda p: -countries.get(p.country or "", 0))


def _one_country(gazetteer: Gazetteer, name: str) -> bool:
    """Whether every place bearing ``name`` (by its own or another name, not a loose
    spelling) lies in one country, and one bears it as its own name: in a story that
    names no country, only then can a facility named after a town ("the Kakuma camp") say
    which town it lies by; "the Hamza camp" could be by any of several Hamzas in as many
    countries, and a village abroad that GeoNames also calls "Bagram" is no air base's."""
    cands = [c for c in gazetteer.candidates(name) if c.match != "skeleton"]
    return len({c.place.country for c in cands}) == 1 and any(c.match == "main" for c in cands)


def tied_features(
    text: str, mentions: list[PlaceMention], unread: dict[int, tuple[str, str]]
) -> list[PlaceMention]:
    """``mentions`` with each feature the gazetteer could not read (``unread``: the
    mention's start -> its name and feature word) placed by the place the text ties it
    to, named right after it in the same sentence ("the Kuyambana forest, in Gwoza Local
    Government Area"): the feature keeps its name, at that place's point, with the
    precision of a town's surroundings (``admin2``) or of the area's own; the finest
    such place wins ("in Iraq's northern Salahuddin province": northern Salahuddin, not Iraq). A
    country says too little: the feature stays unread."""
    if not unread:
        return mentions
    out = []
    for pm in mentions:
        feature = unread.get(pm.span.start)
        if pm.place is not None or feature is None:
            out.append(pm)
            continue
        name, word = feature
        end = pm.span.end
        after = text[end : end + 40]
        if word and after.lower().lstrip().startswith(word):
            end += len(after) - len(after.lstrip()) + len(word)
        tie_words = _TIE if word else _NAME_TIE
        ties = [
            other
            for other in mentions
            if other.place is not None
            and other.place.precision in _TIED_PRECISION
            and other.span.start >= end
            and other.evidence.char_start == pm.evidence.char_start
            and tie_words.match(text[end : other.span.start])
        ]
        if not ties:
            out.append(pm)
            continue
        order = list(_TIED_PRECISION)
        tie = min(ties, key=lambda o: (order.index(o.place.precision), o.span.start))  # type: ignore[union-attr]
        place = tie.place
        assert place is not None
        out.append(
            replace(
                pm,
                place=replace(
                    place,
                    id=f"{TIED_PREFIX}{place.id}|{name_key(name)} {word}".rstrip(),
                    name=f"{name} {word}".rstrip(),
                    precision=_TIED_PRECISION[place.precision],
                    feature=TIED_FEATURE,
                    population=None,
                    seat=None,
                ),
            )
        )
    return out


# What says a town lies in the area named right after it: "Xa, in the Tepal
# municipality", "Xa, in Michoacan state".
_IN_AREA = re.compile(r"^,\s+in\s+(?:the\s+)?$")


def namesakes_across_a_tie(
    text: str, mentions: list[PlaceMention], unread: dict[int, tuple[str, str]]
) -> tuple[list[PlaceMention], dict[str, int]]:
    """``mentions`` with each town the text puts in an area its reading lies far from
    left unread: "gunmen killed four farmers in the village of Xa, in the Tepal
    municipality of Michoacan" read as a village of the same name in another state is a
    namesake, and the gazetteer lacks the village the text means. The name is then added
    to ``unread`` so :func:`tied_features` places it by the area it is tied to. Only a
    town tied by ", in (the)" to the next place read in its sentence, a town or a
    division finer than a country, in another country or first-level division, whose
    point lies farther than DIVISION_KM from the reading (a gazetteer may file a town
    under the neighbouring division); not a town of ABROAD_TOWN people or more, whose
    reading is surer than the area's ("a hamlet west of Accra, in the coastal
    plain"), nor a reference point ("north of Xa, in ...").
    Also returns the ids of the readings so set aside, each with the start of the
    mention whose tie places the name (see :func:`with_tied_namesakes`)."""
    out = []
    rejected: dict[str, int] = {}
    for i, pm in enumerate(mentions):
        place = pm.place
        tie = next((o for o in mentions[i + 1 :] if o.place is not None), None)
        area = tie.place if tie is not None else None
        if (
            tie is None
            or area is None
            or place is None
            or place.precision not in ("city", "point")
            # a big town's reading stands ("west of Accra, in the coastal plain" misread)
            or (place.population or 0) >= ABROAD_TOWN
            or states_reference(text, pm)  # "north of Xa, in ...": Xa only a reference
            or tie.evidence.char_start != pm.evidence.char_start
            or not _IN_AREA.match(text[pm.span.end : tie.span.start])
            or area.precision not in ("city", "admin2", "admin1")
            or (area.country == place.country and area.admin1 in (None, place.admin1))
            or None in (place.lat, place.lon, area.lat, area.lon)
            or haversine_km(place.lat, place.lon, area.lat, area.lon) <= DIVISION_KM  # type: ignore[arg-type]
        ):
            out.append(pm)
            continue
        unread[pm.span.start] = (pm.span.text, "")
        rejected.setdefault(place.id, pm.span.start)
        out.append(replace(pm, place=None))
    return out, rejected


def with_tied_namesakes(
    mentions: list[PlaceMention], rejected: dict[str, int]
) -> list[PlaceMention]:
    """``mentions`` with every other mention read as a namesake set aside by
    :func:`namesakes_across_a_tie` ("El Xa" further on, "the village") given what the
    tied mention was read as: one name has one reading in a document."""
    if not rejected:
        return mentions
    by_start = {pm.span.start: pm.place for pm in mentions}
    return [
        replace(pm, place=by_start.get(rejected[pm.place.id]))
        if pm.place is not None and pm.place.id in rejected
        else pm
        for pm in mentions
    ]
