"""A place name the gazetteer cannot read, given by the text as where an event happened.

"Soldiers raided a camp in the Boni forest", "police raided a village near Sadda",
"fighting broke out near the Tishrin dam": the shipped gazetteer holds no such forest,
village or dam, yet the sentence says where the act was. Such an event had taken the
article's country or a province from its clause ("Kenya", "Khyber Pakhtunkhwa"), or the
dateline's town, or no place at all. It now keeps the name the text gives, at the point
of the area the article places it in (:func:`named_place`):

- the place the clause itself gives, when that is coarser than a town (a province, a
  part of a country, a country: "a village near Xa in Borno state" is "Xa" at Borno's
  point, precision ``admin1``);
- else the division or country inferred for the article
  (:func:`placeinferred.inferred_country`), flagged ``inferred`` as it is, or, in a
  story naming more than one country, the one more than half its towns and divisions
  lie in (:func:`placeinferred.leading_country`), flagged ``inferred`` too: the text
  names the place, only its country is read from the story;
- never a town the clause does not give (a dateline's town is where a reporter filed
  from), and nothing when the article gives no such area.

A name the article read elsewhere as a feature tied to a place ("the Ain al-Asad air
base in western Anbar" ... "the attack on Ain al-Asad") is that feature.

The precision is the area's: the name is the text's, the point says no more than the
area does, so a map shows the event in that area and an analyst reads the village's
name. The name must be a capitalised name the locative "in", "near", "at", "outside",
"around", "inside" or "across" governs, or a short distance off it ("about 5 km from the
Xa garrison": no farther than a town's surroundings), within the event's clause, in the
body of the article, and no mention :func:`placenowhere.locates_nothing` sets aside (an
organisation's name, a modifier: "Puntland security forces").

A reference point that only says where such a name lies places the event at the name,
not at the reference ("in Xa, in Borno state, some 15 km north of Konduga" is Xa, at the
point the reference gives: :func:`named_by_reference`). A name tied to a place
named right after it ("X, near Y", "the X forest in Y") is read by
:func:`placefeatures.tied_features` before this.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placeclause import speaks_from
from eventwire.extract.placefeatures import TIED_FEATURE, feature_word
from eventwire.extract.placeinferred import dateline_town, inferred_country, leading_country
from eventwire.extract.placenowhere import locates_nothing
from eventwire.extract.placeparts import PART_FEATURE
from eventwire.extract.placerefs import (
    NEAR_TOWN_KM,
    TOWNS,
    bearing_after,
    distance_before,
    offset_point,
    states_reference,
)
from eventwire.knowledge.placenames import name_key
from eventwire.model import PlaceMention

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from eventwire.model import Place

NAMED_FEATURE = "NAMED"  # the feature code of a name placed only by the area it lies in
NAMED_PREFIX = "named:"  # its id: the prefix, the area's id, "|", the name's key

# The locatives that make a name the scene of the clause: "in the Boni forest", "near
# Sadda", "at Kolofata", "outside Xa".
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|near|at|outside|around|inside|across)\s+(?:the\s+)?$")


def coarse(place: Place | None) -> bool:
    """Whether ``place`` says less than a town would: none, a province, a part of a
    country, a country, or a place inferred from the article or its dateline."""
    return (
        place is None
        or place.inferred
        or place.feature == PART_FEATURE
        or place.precision not in TOWNS
    )


def named_place(
    ctx: DocContext, token: Token, clause: set[int], place: Place | None
) -> Place | None:
    """The name the gazetteer could not read that ``token``'s clause (``clause``: its
    token offsets) gives as its scene, at the point of its area (see the module doc):
    ``place`` (what the clause's read names gave, coarser than a town) when it is an
    area the text names, else the article's inferred division or country. None when the
    clause has no such name or no area is known."""
    unread = _unread_scene(ctx, token, clause)
    if unread is None:
        return None
    name = _full_name(ctx, unread)
    told = _read_elsewhere(ctx, name)
    if told is not None:
        return told  # "the Ain al-Asad air base in Anbar ... the attack on Ain al-Asad"
    if place is not None and not place.inferred and place.feature != PART_FEATURE:
        area: Place | None = place
    elif place is not None and place.feature == PART_FEATURE:
        area = place  # "near Xa in eastern Chad": within the part
    else:
        off = _off_the_story_town(ctx, unread)
        if off is not None:
            return _kept_at(name, off)  # "In Xa, about 50 km to the north, ..."
        # a dateline's town or the article's area: only the area inferred for the
        # article says where the name lies ("DHAKA (Wire) -- ... near Ruma")
        usable = ctx.usable_places if ctx.usable_places is not None else []
        area = inferred_country(ctx, usable) or leading_country(ctx)
    if area is None or area.lat is None or area.lon is None:
        return None
    return _kept_at(name, area)


def _off_the_story_town(ctx: DocContext, unread: PlaceMention) -> Place | None:
    """The point a distance and a direction set right after an unread name put it at, off
    the story's own town, which the text leaves unnamed: "MAROUA -- ... <new paragraph>
    In Xa, about 50 km to the north, gunmen seized two traders." is 50 km north of
    Maroua. The story's town is a local paper's dateline town
    (:func:`placeinferred.dateline_town`), else the last town the body names before the
    name (not where someone spoke); none, no point."""
    off = bearing_after(ctx.text[unread.span.end : unread.span.end + 60])
    if off is None:
        return None
    town = dateline_town(ctx)
    if town is None:
        before = [
            pm
            for pm in (ctx.usable_places or [])
            if pm.span.end <= unread.span.start
            and pm.place is not None
            and pm.place.precision in ("city", "point")
            and (pm.zone or "body") == "body"
            and not speaks_from(ctx, pm)
        ]
        town = before[-1].place if before else None
    if town is None or town.lat is None or town.lon is None:
        return None
    return replace(offset_point(town, off), inferred=town.inferred)


def named_by_reference(ctx: DocContext, token: Token, place: Place | None) -> Place | None:
    """A name the gazetteer cannot read, set by the sentence off the reference point
    that alone placed ``token``'s event (``place``, what :mod:`placerefs` made of it):
    "troops raided a camp in Xa, in Bong County, about 20 km east of Gbarnga", "in the
    village of Xa, some 400 km from the capital". The apposition after the name says
    where the name lies, not where the event was, so the event is at the name, kept at
    the point the reference gives (a town's surroundings, a point along a bearing, a
    country) with that precision. Only a name under a locative, in the body, joined to
    the reference by commas with no clause of its own between them (", where ...", ",
    and ..." start another scene); a name read only by the area the text ties it to
    ("in Xa, in Bong County, 20 km east of Gbarnga") is one too."""
    if place is None or place.inferred or place.lat is None or place.lon is None:
        return None
    sent = ctx.view.sent(token)
    text = ctx.text
    named = [pm for pm in ctx.places if sent.start_char <= pm.span.start < sent.end_char]
    # a name read only by the area the text ties it to ("Xa, in Bong County") is as
    # unknown a point as one not read at all
    tied = [
        pm
        for pm in named
        if pm.place is not None
        and pm.place.feature == TIED_FEATURE
        and _LOCATIVE_BEFORE.search(text[max(0, pm.span.start - 20) : pm.span.start])
        and not locates_nothing(ctx, pm)
    ]
    for unread in sorted(_unread_in(ctx, named) + tied, key=lambda pm: pm.span.start):
        for ref in named:
            if (
                ref.place is None
                or ref.span.start <= unread.span.end
                or not _same_reference(place, ref.place)
                or not states_reference(text, ref)
                or not _APPOSITION.fullmatch(text[unread.span.end : ref.span.start])
            ):
                continue
            name = unread.place.name if unread.place is not None else _full_name(ctx, unread)
            return _kept_at(name, place)
    return None


# What may stand between a name and the reference point that says where it lies: commas,
# an area, a distance and a direction, no clause of its own (", in Imo state, about 20 km
# east of", ", some 400 km from the").
_APPOSITION = re.compile(
    r",(?:(?!\b(?:where|which|who|and|but|while|as|after|before|when|then)\b)[^.;:!?\n]){0,90}"
)


def _same_reference(place: Place, ref: Place) -> bool:
    """Whether ``place`` is what the reference ``ref`` made of the event's place: the
    town itself or its surroundings, a point off it (its id is the town's and a
    bearing), or its country (a far distance with no direction)."""
    return (
        place.id == ref.id
        or place.id.startswith(ref.id + "@")
        or (place.precision == "country" and place.country == ref.country)
    )


def _kept_at(name: str, area: Place) -> Place:
    """The name ``name`` at the point and precision of ``area``."""
    return replace(
        area,
        id=f"{NAMED_PREFIX}{area.id}|{name_key(name)}",
        name=name,
        feature=NAMED_FEATURE,
        population=None,
        seat=None,
    )


def _unread_scene(ctx: DocContext, token: Token, clause: set[int]) -> PlaceMention | None:
    """The unread name of ``token``'s clause under a locative, nearest the trigger."""
    sent = ctx.view.sent(token)
    found = [
        pm
        for pm in _unread_in(ctx, ctx.places)
        if sent.start_char <= pm.span.start < sent.end_char and pm.span.start in clause
    ]
    if not found:
        return None
    return min(found, key=lambda pm: abs(pm.span.start - token.idx))


def _unread_in(ctx: DocContext, mentions: Iterable[PlaceMention]) -> list[PlaceMention]:
    """The names among ``mentions`` the gazetteer could not read that the text gives as a
    scene: capitalised, in the body, under a locative ("near Sadda") or a short distance
    off them ("about 5 km from the Xa garrison": as near as "near" says), and not set
    aside by :func:`placenowhere.locates_nothing`."""
    text = ctx.text
    return [
        pm
        for pm in mentions
        if pm.place is None
        and not pm.described
        and (pm.zone or "body") == "body"
        and pm.span.text[:1].isupper()
        and (
            _LOCATIVE_BEFORE.search(text[max(0, pm.span.start - 20) : pm.span.start])
            or _near_by_distance(text[max(0, pm.span.start - 60) : pm.span.start])
        )
        and not locates_nothing(ctx, pm)
    ]


def _near_by_distance(before: str) -> bool:
    """Whether ``before`` (the words before a name) ends with a distance no farther than a
    town's surroundings off it: "about 5 km from the", "3 miles north of"."""
    off = distance_before(before)
    return off is not None and off.km <= NEAR_TOWN_KM


def _read_elsewhere(ctx: DocContext, name: str) -> Place | None:
    """A feature the article read elsewhere by what the text tied it to, named by
    ``name`` with or without its word: "the Ain al-Asad air base in Anbar province" read,
    "a drone attack on Ain al-Asad" is that base, not a name with only a country."""
    key = name_key(name)
    for pm in ctx.places:
        place = pm.place
        if place is None or place.feature != TIED_FEATURE:
            continue
        own = name_key(place.name)
        if own == key or own.startswith(key + " "):
            return place
    return None


def _full_name(ctx: DocContext, pm: PlaceMention) -> str:
    """The mention's name with the feature's word after it ("Boni" -> "Boni forest")."""
    words = ctx.resources.place_words
    feature = feature_word(words, ctx.text, pm.span.start, pm.span.end)
    if feature is None:
        return pm.span.text
    name, word = feature
    return f"{name} {word}"
