"""A part of a country or division named by a compass direction, as a place of its own.

News places much of a war in a part of a country it names by a direction rather than by
a town: "fighting in eastern Ukraine", "rockets at northern Israel", "the north of
Syria", "Ethiopia's north", "shelling in the country's southeast". Each is a place of its
own, honestly labelled (:func:`part_of`):

* its name is the direction's adjective and the whole's name ("eastern Ukraine");
* its precision is ``admin1``: a part of a country is about a province's size, and finer
  than the whole, which it therefore beats when an event's place is chosen (a division
  the sentence names by its own name beats the part: :data:`PART_RANK`);
* its feature is ``PART`` and its point is the people-weighted middle of the whole's
  towns that lie in that direction (worked out once in the gazetteer:
  :mod:`eventwire.knowledge.gazetteer_parts`), else the whole's point: never the
  capital's, and the place is never a town.

A direction names a part of a country or first-level division only; "eastern Aleppo" is
still Aleppo. A name the gazetteer knows with its direction ("North Darfur", "South
Sudan", "Northern Ireland") is that place, not a part of another.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.model import Place, PlaceMention, Span

if TYPE_CHECKING:
    from eventwire.extract.context import DocContext
    from eventwire.knowledge.gazetteer import Gazetteer

PART_FEATURE = "PART"
# Where a part ranks among precisions when an event's place is chosen: finer than a
# country, coarser than a division named for itself ("in northern Yemen (Al Jawf)").
PART_RANK = 1.5
_WHOLES = ("country", "admin1")  # what a direction divides into parts

# The compass words and the adjective a part's name takes from each.
# "south-east", "southeast", "south east", "south–east" (an en dash) alike
_POINTS = r"(?:north|south)[-– ]?(?:east|west)|north|south|east|west"
_ADJECTIVE = rf"(?:{_POINTS})(?:ern)?|central"
_NOUN = rf"{_POINTS}|centre|center"
# "eastern Ukraine", "south-east Lebanon", "central Mali" right before the name
_BEFORE = re.compile(rf"(?i)\b({_ADJECTIVE})\s+(?:parts?\s+of\s+)?(?:the\s+)?$")
# "the north of Syria", "the south-east of the country"
_THE_PART_OF = re.compile(rf"(?i)\bthe\s+(?:far\s+)?({_NOUN})\s+of\s+(?:the\s+)?$")
# "Syria's north", "Ethiopia's northwest": the direction as a noun ending the phrase
_OWNERS_PART = re.compile(
    rf"^['’]s\s+(?:far\s+)?({_NOUN})\b(?=\s*(?:[,.;:!?)\"”]|$)|\s+(?:and|or|where|which|"
    r"that|in|on|at|near|since|after|before|when|while|with|for|to|from|by|as|of)\b)"
)
# "the country's southeast", "the south of the country": the country the text is about
_THE_COUNTRYS_PART = re.compile(
    rf"(?i)\bthe\s+country['’]s\s+(?:far\s+)?({_NOUN})\b(?!['’-]?\w)"
    rf"|\bthe\s+(?:far\s+)?({_NOUN})\s+of\s+the\s+country\b"
)


def adjective(direction: str) -> str:
    """The adjective a part's name takes: "south-east" -> "southeastern", "centre" ->
    "central", "northern" -> "northern"."""
    word = re.sub(r"[-– ]", "", direction.lower())
    if word in ("central", "centre", "center"):
        return "central"
    return word if word.endswith("ern") else word + "ern"


def part_of(whole: Place, direction: str, gazetteer: Gazetteer | None = None) -> Place:
    """The part of ``whole`` a direction names (see the module's docstring), at the point
    ``gazetteer`` gives that part, else at the whole's point."""
    adj = adjective(direction)
    point = gazetteer.part_point(whole.id, adj) if gazetteer is not None else None
    lat, lon = point if point is not None else (whole.lat, whole.lon)
    return Place(
        id=f"part:{adj}:{whole.id}",
        name=f"{adj} {whole.name}",
        lat=lat,
        lon=lon,
        country=whole.country,
        admin1=whole.admin1,
        precision="admin1",
        feature=PART_FEATURE,
        population=None,
    )


def with_parts(ctx: DocContext, found: list[PlaceMention]) -> list[PlaceMention]:
    """``found`` (sorted by start) with each country or division that a direction divides
    read as that part, and "the country's southeast" added as a part of the country the
    text last named for itself."""
    gazetteer = ctx.resources.gazetteer
    text = ctx.text
    nationality = ctx.view.ent_starts("NORP")
    # "Central American", "southern Sudanese": a direction before a nationality word
    # makes a people's name, not a part of their country
    out = [pm if pm.span.start in nationality else _directed(gazetteer, text, pm) for pm in found]
    for m in _THE_COUNTRYS_PART.finditer(text):
        whole = _last_country(gazetteer, out, m.start(), nationality)
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if whole is None or span is None:
            continue
        out.append(
            PlaceMention(
                ctx.article.id,
                Span(m.start(), m.end(), m.group(0)),
                part_of(whole, m.group(1) or m.group(2), gazetteer),
                ctx.evidence(ctx.view.span_sent(span)),
            )
        )
    out.sort(key=lambda pm: pm.span.start)
    return out


def _directed(gazetteer: Gazetteer, text: str, pm: PlaceMention) -> PlaceMention:
    place = pm.place
    if place is None or place.precision not in _WHOLES or pm.is_actor:
        return pm
    start, end = pm.span.start, pm.span.end
    before = text[max(0, start - 40) : start]
    m = _BEFORE.search(before) or _THE_PART_OF.search(before)
    if m is not None:
        direction = m.group(1)
        if direction[:1].isupper() and gazetteer.named(f"{direction} {pm.span.text}"):
            return pm  # "North Darfur", "Western Sahara": a place of its own name
        new_start = start - len(before) + m.start()
        return replace(
            pm,
            span=Span(new_start, end, text[new_start:end]),
            place=part_of(place, direction, gazetteer),
        )
    m = _OWNERS_PART.match(text[end : end + 40])
    if m is not None:
        new_end = end + m.end()
        return replace(
            pm,
            span=Span(start, new_end, text[start:new_end]),
            place=part_of(place, m.group(1), gazetteer),
        )
    return pm


def _last_country(
    gazetteer: Gazetteer, found: list[PlaceMention], before: int, nationality: frozenset[int]
) -> Place | None:
    """The country the text last named for itself before ``before`` ("In Chad, Sudanese
    shells landed in the country's east": Chad, not the nationality word "Sudanese"), or
    the country of a part of one it named ("eastern Ukraine")."""
    for pm in reversed(found):
        place = pm.place
        if (
            pm.span.start >= before
            or place is None
            or pm.span.start in nationality
            or pm.is_actor
            or place.country is None
        ):
            continue
        if place.precision == "country":
            return place
        if place.feature == PART_FEATURE and place.id.endswith(f":country:{place.country}"):
            return gazetteer.country(place.country)
    return None
