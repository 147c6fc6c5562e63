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
"around", "inside" or "across" governs, within the event's clause, in the body of the
article, and no mention :func:`placenowhere.locates_nothing` sets aside (an
organisation's name, a modifier: "Puntland security forces"). A name tied to a place
named right after it ("X, near Y", "the X forest in Y") is read by
:func:`placefeatures.tied_features` before this.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placefeatures import TIED_FEATURE, feature_word
from eventwire.extract.placeinferred import inferred_country, leading_country
from eventwire.extract.placenowhere import locates_nothing
from eventwire.extract.placeparts import PART_FEATURE
from eventwire.extract.placerefs import TOWNS
from eventwire.knowledge.placenames import name_key
from eventwire.model import PlaceMention

if TYPE_CHECKING:
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
        # a dateline's town or the article's area: only the area inferred for the
        # article says where the name lies ("DHAKA (Wire) -- ... near Ruma")
        usable = ctx.usable_places if ctx.usable_places is not None else []
        area = inferred_country(ctx, usable) or leading_country(ctx)
    if area is None or area.lat is None or area.lon is None:
        return None
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
    text = ctx.text
    found = [
        pm
        for pm in ctx.places
        if pm.place is None
        and not pm.described
        and sent.start_char <= pm.span.start < sent.end_char
        and pm.span.start in clause
        and (pm.zone or "body") == "body"
        and pm.span.text[:1].isupper()
        and _LOCATIVE_BEFORE.search(text[max(0, pm.span.start - 20) : pm.span.start])
        and not locates_nothing(ctx, pm)
    ]
    if not found:
        return None
    return min(found, key=lambda pm: abs(pm.span.start - token.idx))


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
