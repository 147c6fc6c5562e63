"""Resolving a place name against the gazetteer with its document's context.

:func:`resolve_toponym` ranks a name's candidates by the document's context
(:mod:`eventwire.extract.placecontext`, leaving out the votes the name cast itself), the
name's own qualifier ("Tripoli, Lebanon"), feature type, population, nearness to the
anchors and to readings of the story's other names (:mod:`eventwire.extract.placerank`);
loose spellings count only in the story's countries, and generic or unknown names give
no far-away guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventwire.extract.placecontext import (
    PlaceContext,
    as_context,
    namesake_states,
    without_own_votes,
)
from eventwire.extract.placerank import (
    BIG_CITY,
    CITY_SHARE,
    NEAR_KM,
    big_loose_match,
    city_over_division,
    named_near,
    rank,
    reading_score,
)
from eventwire.extract.placewords import NO_NAME_WORDS, is_acronym, names_a_division
from eventwire.knowledge.placenames import (
    ARTICLES,
    SETTLEMENT_WORDS,
    TYPE_WORDS,
    fold,
    name_key,
    skeleton,
    without_type_word,
)
from eventwire.text.geo import haversine_km

if TYPE_CHECKING:
    from eventwire.knowledge.gazetteer import Candidate, Gazetteer
    from eventwire.model import Place


_ARTICLE_START = re.compile(r"^(?:al|el|as|az|ad|ash|at|an|ar|ath|adh|es|ez|ed|et|en|er)[-\s]\S")
# Divisions below the first level, named after their seat town (a Mexican, Colombian or
# Philippine "municipality" too: "the Tepal municipality").
SEAT_WORDS = frozenset(
    ["county", "district", "territory", "raion", "rayon", "department", "prefecture", "commune",
     "municipality"]
)  # fmt: skip
QUALIFIER_TOWN = 50_000  # a town this big may hold the place named before it ("Hamra, Beirut")
DIVISION_KM = 300  # a town this close to a division's point may be said to lie in it


# GeoNames features of divisions below the first level (districts, counties, territories
# and their parts): an imported dump files them as "city" so ranking weighs them as towns.
DISTRICT_FEATURES = frozenset(["ADM2", "ADM3", "ADM4", "ADM5", "ADMD"])


# A town this big is named without its country ("Liverpool", "Goma"); a smaller place in a
# country the story never names is no reading of a name (see _resolve).
ABROAD_TOWN = 100_000
ABROAD_KM = 1_000  # farther than a neighbour's, from the story's country's point
# a town known abroad only by another language's name ("Karama", one of Calama's names)
# is a likeness unless it is a city a story names without its country by any name
ABROAD_ALTERNATE_TOWN = 1_000_000
# ... on another continent: nearer, another name is often the English press's spelling
# ("Derna", GeoNames' "Darnah") and the story's votes may have missed its country
ABROAD_ALTERNATE_KM = 4_000


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
    in the same division wins over the division (its precision is then honest).
    A division below the first level (a district, county or territory: GeoNames ADM2 and
    finer) comes out with precision ``admin2``, not ``city``: ranking weighs it as a town,
    but a map or a count by town must not take a district for one."""
    place = _resolve(gazetteer, name, context, area=area, settlement=settlement)
    if place is not None and place.feature in DISTRICT_FEATURES and place.precision == "city":
        place = replace(place, precision="admin2")
    if place is not None and (place.feature == "ADM1" or place.feature in DISTRICT_FEATURES):
        # a division keeps its own point and precision; the town it is governed from,
        # when an imported dump tells it, rides along as a labelled alternative point
        seat = gazetteer.seat(place.id)
        if seat is not None and seat.place_id != place.id:
            place = replace(place, seat=seat)
    return place


def _resolve(
    gazetteer: Gazetteer, name: str, context: Any, *, area: bool, settlement: bool
) -> Place | None:
    head, _, qualifier = name.partition(",")
    if name_key(head) in ARTICLES:
        return None  # "Al" cut off from "Al Bab" by the model names nothing
    context = without_own_votes(head, as_context(gazetteer, context))
    cands = list(gazetteer.candidates(head.strip()))
    qualifier = qualifier.strip()
    if not qualifier and namesake_states(gazetteer, head.strip()):
        state = _namesake_state(gazetteer, head.strip(), context)
        if state is not None:
            return state
        # undecided between two states: one of them, or a place in the story's countries,
        # never a village abroad that happens to bear the name ("Korea" in Côte d'Ivoire)
        cands = [
            c
            for c in cands
            if c.place.precision == "country" or context.countries.get(c.place.country or "")
        ]
        if not cands:
            return None
    in_area = False  # the candidates are those in the area the text says the name lies in
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
            in_area = True
        elif not any(
            c.place.precision in ("country", "region") and c.match != "skeleton" for c in cands
        ) and qualifier_places(gazetteer, qualifier, context):
            # an unknown small place in a known area ("Abu Tawilah, North Sinai", "Mansura
            # in Raqqa"): the area, not a namesake or a loose likeness elsewhere; a capital
            # or a big city holds its districts ("Karrada in Baghdad") unless ``area`` says
            # the text means its countryside
            town = resolve_toponym(gazetteer, qualifier, context)
            if (
                town is not None
                and town.precision in ("city", "admin2")
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
    # So does one in the area the text says it lies in ("Qaatabah, Ad Dali").
    cands = [
        c
        for c in cands
        if c.match != "skeleton"
        or in_area
        or context.countries.get(c.place.country or "")
        or (not context.countries and big_loose_match(c, head))
    ]
    lead = _leading_country(context)
    # the home a village is far abroad from is a country the story names a place of: a
    # nationality word says who, not where ("the Kenyan contingent" in a story about
    # Kenscoff makes Kenya no home to be abroad from)
    home_code = _leading_country(context, named_only=True)
    home = gazetteer.country(home_code) if home_code is not None and not qualifier else None
    if home is not None:
        # a village far abroad: in a story whose names lead to one country, a small place
        # in a distant country the story never names is a likeness, not the place ("Goura"
        # in a note about North Sinai is no Greek village); a town of ABROAD_TOWN people or
        # more is named without its country, a country or division is one by its own
        # name, and a neighbour's village may be one the story's thin votes missed
        cands = [c for c in cands if not _far_abroad(c.place, home, context, _name_match(c, head))]
    if lead is not None and any(c.place.country == lead for c in cands):
        # a loose spelling never crosses from the story's leading country, when that
        # country has a reading of the name, to another ("Situcancha" in a Peruvian story is
        # its Peruvian village, not a likeness in a country the story names once)
        cands = [c for c in cands if c.match != "skeleton" or c.place.country == lead]
    if not cands:
        return _place_within(gazetteer, head.strip(), context)
    if all(w in NO_NAME_WORDS for w in name_key(head).split()):
        # "West", "Centre", "the Gulf", "the Middle East": a division so named somewhere is
        # no answer unless the story is about its country, and a town or village that
        # bears the name never is ("the West" is no hamlet in Texas, "the Middle East" no
        # village in Pennsylvania, though the story names the United States)
        cands = [
            c
            for c in cands
            if context.countries.get(c.place.country or "")
            and c.place.precision not in ("city", "point")
        ]
        if not cands:
            return None
    if _ARTICLE_START.match(fold(head.strip())):
        # "Ad Dali" written with its Arabic article is Yemen's Ad Dali', not China's Dali
        cands = [c for c in cands if _ARTICLE_START.match(fold(c.place.name))] or cands
    if names_a_division(head):
        # "Kerman province" is the province, not its capital; "Sinai Province" (a militant
        # group's name) is not the Mexican town Sinai; but a county or district the gazetteer
        # lacks is named after its seat ("Dehloran county", "Tuz Khurmatu district")
        seats = (
            [c for c in cands if c.match != "skeleton" and c.place.precision == "city"]
            if name_key(head).split()[-1] in SEAT_WORDS
            else []
        )
        divisions = [
            c
            for c in cands
            if c.place.feature in ("ADM1", "ADM2")
            or c.place.feature in DISTRICT_FEATURES
            or (c.place.precision == "admin1" and c.match != "skeleton")  # "the Darfur region"
        ]
        if not divisions and not seats:
            # a first-level division ("Sagaing region") the gazetteer writes otherwise
            # ("Sagain") is never its namesake town: it is the division holding that town
            # in the story's countries; one it lacks is the area around that town (below)
            holding = _holding_division(gazetteer, cands, context)
            if holding is not None:
                return holding
        cands = (
            divisions or [c for c in cands if context.countries.get(c.place.country or "")] or seats
        )
        if not cands:
            return None
        if not divisions:
            # a division the gazetteer lacks, named after its seat ("Rutshuru territory",
            # "Dehloran county"): the seat's point, with the precision of an area around a
            # town, not of the town itself
            best = max(cands, key=lambda c: rank(c, cands, context, True))
            if best.place.precision in ("city", "point"):
                return replace(best.place, precision="admin2")
            return best.place
    if any(
        c.match == "main"
        and c.place.feature == "PPLC"
        and context.countries.get(c.place.country or "")
        for c in cands
    ):
        # the capital of a country the story is about, by its own name, is what news
        # means: "Islamabad" in a story naming Pakistan is its capital, not a Kashmiri
        # town some also call Islamabad, however near the story's other towns that one
        # lies (a capital abroad leaves the other names be: "Paris" in an Ohio story)
        cands = [c for c in cands if c.match != "alternate" or c.place.feature == "PPLC"]
    # a town bearing the name only as an alternate gives way where towns, divisions or
    # countries bear it as their own ("Montana" is the state, not Montana City)
    own_name = any(
        c.match == "main" and c.place.precision in ("city", "point", "admin1", "country")
        for c in cands
    )
    best = max(cands, key=lambda c: rank(c, cands, context, own_name))
    best = _division_of_its_name(best, cands)
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
            return max(towns, key=lambda c: rank(c, cands, context, own_name)).place
    if best.place.precision == "admin1" and not area:
        return city_over_division(best, cands).place
    return best.place


def _division_of_its_name(best: Candidate, cands: list[Candidate]) -> Candidate:
    """A town that bears the name only as one of its other names, inside a first-level
    division that bears it as its own, gives way to the division ("Sinaloa" is the state,
    not the small town Sinaloa de Leyva in it that GeoNames also calls "Sinaloa"), unless
    the town holds a good share of the division's people (CITY_SHARE, as
    :func:`city_over_division` asks of a division's namesake town)."""
    if best.match != "alternate" or best.place.precision != "city":
        return best
    for c in cands:
        if (
            c.match == "main"
            and c.place.precision == "admin1"
            and c.place.admin1 is not None
            and c.place.admin1 == best.place.admin1
            and (best.place.population or 0) < CITY_SHARE * (c.place.population or 0)
        ):
            return c
    return best


def _name_match(cand: Candidate, name: str) -> str:
    """How ``name`` reaches the candidate, for :func:`_far_abroad`: a town's other name
    that is its own name spelled otherwise (one place skeleton: "Zaporizhzhia" for
    "Zaporizhzhya", "Derna" for "Darnah") is its own name; another language's name
    ("Karama" for Calama) stays another name."""
    if cand.match == "alternate" and skeleton(name_key(cand.place.name)) == skeleton(
        name_key(name)
    ):
        return "main"
    return cand.match


def _far_abroad(place: Place, home: Place, context: PlaceContext, match: str = "main") -> bool:
    """A small place (under ABROAD_TOWN people) in a country the story never names, at
    least ABROAD_KM from the point of the story's leading country ``home``, with no other
    name of the story read near it (a country's point may lie far from its borders).

    A town the name reaches only through one of its other names (``match`` "alternate":
    "an assault during Operation Karama" in a Libyan story is not Chile's Calama, which
    GeoNames also writes "Karama") is far abroad under ABROAD_ALTERNATE_TOWN people and
    ABROAD_ALTERNATE_KM away: only a big city is named by another language's name on
    another continent without its country."""
    if (
        context.countries.get(place.country or "")
        or place.precision not in ("city", "point", "admin2")
        or place.lat is None
        or place.lon is None
        or home.lat is None
        or home.lon is None
    ):
        return False
    km = haversine_km(place.lat, place.lon, home.lat, home.lon)
    people = place.population or 0
    far = (people < ABROAD_TOWN and km >= ABROAD_KM) or (
        match == "alternate" and people < ABROAD_ALTERNATE_TOWN and km >= ABROAD_ALTERNATE_KM
    )
    return far and not named_near(place, context)


def _leading_country(context: PlaceContext, *, named_only: bool = False) -> str | None:
    """The country most of the story's names vote for, when one leads the others;
    ``named_only``: among the countries a name other than a nationality word votes for
    (``PlaceContext.named``, when worked out)."""
    votes = context.countries
    if named_only and context.named is not None:
        votes = Counter({k: v for k, v in votes.items() if k in context.named})
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _namesake_state(gazetteer: Gazetteer, name: str, context: PlaceContext) -> Place | None:
    """The state a name two states share means in this story: the one its other names vote
    for most ("Congo's army" in a story naming the Democratic Republic of Congo and its
    towns); None when the story favours neither (see :func:`namesake_states`)."""
    states = namesake_states(gazetteer, name)
    votes = [(context.countries.get(s.country or "", 0), s) for s in states]
    top = max((n for n, _s in votes), default=0)
    best = [s for n, s in votes if n == top]
    return best[0] if top and len(best) == 1 else None


def _holds_districts(place: Place) -> bool:
    """A capital or a big city holding a place ("Karrada in Baghdad") is that city."""
    return place.feature == "PPLC" or (place.population or 0) >= BIG_CITY


def names_an_area(gazetteer: Gazetteer, name: str) -> bool:
    return any(
        c.match != "skeleton" and c.place.precision in ("country", "admin1")
        for c in gazetteer.candidates(name)
    )


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
                return max(cands, key=lambda c: reading_score(c, context)).place
    return None


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
    towns = [
        c.place
        for c in found
        if c.match == "main"
        and c.place.precision == "city"
        and (c.place.population or 0) >= QUALIFIER_TOWN
        and c.place.lat is not None
        and c.place.lon is not None
    ]
    if not areas and context is not None and context.countries:
        # in a story about some countries, a town abroad holds none of its places: "Ar
        # Rima area of Tubal district (Lahij)" in a Yemeni story is not in Tubal, Java
        towns = [t for t in towns if context.countries.get(t.country or "")]
    return areas or towns


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


def _holding_division(
    gazetteer: Gazetteer, cands: list[Candidate], context: PlaceContext
) -> Place | None:
    """The first-level division holding the biggest namesake town of a division named with
    its kind ("Sagaing region": the region around Sagaing, which GeoNames writes
    "Sagain"), in the story's countries; None when no such town or division is known."""
    for c in cands:  # biggest first
        if (
            c.match != "skeleton"
            and c.place.precision in ("city", "point")
            and context.countries.get(c.place.country or "")
            and c.place.admin1
        ):
            division = gazetteer.division(c.place.admin1)
            if division is not None and division.country == c.place.country:
                return division
    return None
