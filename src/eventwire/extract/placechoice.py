"""Choosing an event's place among the document's place mentions.

:func:`pick_place` takes the places of the event's own clause first, else of its
sentence (not another clause's subject's), then the most precise, not an origin ("troops
from Misrata") nor a reference point ("Majzar west of Marib"), in the article's main
country, nearest. :func:`placenowhere.locates_nothing` sets aside mentions that are no
one's location (a government speaking, a modifier, a nationality word, a backer, an
actor's country, a dateline, a place named inside an organisation's name), and a place
only a speaker's clause gives ("said in Washington that ...") never places the event
reported (:mod:`placeclause`). Reference points and distances are read in
:mod:`placerefs`, the country an article is about in :mod:`placeinferred`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placeclause import (
    in_other_subject,
    in_other_time,
    places_reported_act,
    reported_by,
    speakers_place,
)
from eventwire.extract.placefeatures import TIED_FEATURE, tied_to
from eventwire.extract.placenowhere import in_dateline, is_party
from eventwire.extract.placeparts import PART_FEATURE, PART_RANK
from eventwire.extract.placerefs import (
    NEAR_TOWN_KM,
    OFFSET_FEATURE,
    TOWNS,
    between_ends,
    distance_before,
    near_reference,
    off_reference,
    reference_points,
)
from eventwire.extract.placesite import site_told_after, site_told_before
from eventwire.extract.placespeech import colon_dateline
from eventwire.extract.placeunread import coarse, named_by_reference, named_place
from eventwire.model import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.model import Place

# The incidents read a distance off a reference point with the words of this module
# (placerefs): kept importable from here.
__all__ = ["NEAR_TOWN_KM", "OFFSET_FEATURE", "PRECISION_RANK", "distance_before", "pick_place"]

_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$")


# A district (admin2) ranks between a town and a province, as it lies between them.
PRECISION_RANK = {"point": 0, "city": 0, "admin2": 0.5, "admin1": 1, "country": 2, "region": 3}


def pick_place(
    ctx: DocContext,
    token: Token,
    usable: list[PlaceMention],
    clause: set[int],
    countries: Counter[str | None],
    *,
    unread: bool = True,
) -> Place | None:
    """The place of ``token``'s event (:func:`_pick_place`); one given only as a region
    takes the town the next sentences name its site with ("a drone strike on a school in
    the Mopti region. The drone hit the school on the edge of the town of Djenne":
    :func:`placesite.site_told_after`). With ``unread``, a name the gazetteer cannot
    read that the clause gives as its scene ("near Sadda") beats a place coarser than a
    town, kept by its name at its area's point (:func:`placeunread.named_place`), and a
    reference point that only says where that name lies ("in Xa, 20 km east of Gbarnga":
    :func:`placeunread.named_by_reference`); a speech act's caller turns it off, as what is said names places it was not said in."""
    place = _pick_place(ctx, token, usable, clause, countries)
    if unread and clause and coarse(place):
        named = named_place(ctx, token, clause, place)
        if named is not None:
            return named
    if unread and clause:
        # "in Xa, in Bong County, 20 km east of Gbarnga": the name the reference locates
        named = named_by_reference(ctx, token, place)
        if named is not None:
            return named
    if place is None or place.inferred:
        return place
    return site_told_after(ctx, token, clause, usable, place) or place


def _pick_place(
    ctx: DocContext,
    token: Token,
    usable: list[PlaceMention],
    clause: set[int],
    countries: Counter[str | None],
) -> Place | None:
    """The place of ``token``'s event among ``usable`` mentions of its sentence: those in its
    own clause (``clause``: the clause's token offsets) first, else the sentence's but for
    another clause's subject; then the most precise ("in
    Lebanon in Sidon" is Sidon), not an origin ("troops from Misrata"), not a reference point
    ("Majzar west of Marib"), in the article's main country (``countries``: how many of
    ``usable`` lie in each, counted once per document by the caller), nearest."""
    sent = ctx.view.sent(token)
    in_sentence = [pm for pm in usable if sent.start_char <= pm.span.start < sent.end_char]
    if not in_sentence:
        # "Shells crashed into the market": the market named earlier with its town
        return site_told_before(ctx, token, clause, usable)
    text = ctx.text
    references, beyond = reference_points(text, in_sentence)
    ends, seconds = between_ends(text, in_sentence)
    pool = _with_parenthesis(
        text, [pm for pm in in_sentence if pm.span.start in clause], in_sentence
    )
    statement = reported_by(ctx, token)
    if statement is not None:
        # "The government in Khartoum condemned the raid": the act's place is its own,
        # never the condemner's or where the statement was made
        in_sentence = [pm for pm in in_sentence if places_reported_act(ctx, pm, token, statement)]
        pool = [pm for pm in pool if pm in in_sentence]
        if not pool:
            return None
    if all(pm.place is None or pm.place.id in beyond for pm in pool):
        # a clause naming only what lies across a border ("as gunmen raided a camp close
        # to the frontier with Niger") happened where the clause governing it says
        # ("clashes broke out in northern Mali as ..."): as for a
        # clause naming no place
        pool = []
    if not pool:
        # another clause's place, unless it belongs to that clause's subject ("the visit
        # to Moscow occurred after his army seized the ports": the ports are not in Moscow)
        # or is where a speaker spoke ("the minister said in Washington that rebels had
        # attacked a convoy": the convoy was not in Washington)
        speakers = [pm for pm in in_sentence if speakers_place(ctx, pm, clause)]
        pool = [
            pm
            for pm in in_sentence
            if not in_other_subject(ctx, pm, clause)
            and pm not in speakers
            and not in_other_time(ctx, pm, clause)
        ]
        if not pool:
            return None
    else:
        speakers = []
    if speakers:
        # a reference point that locates the speaker's place locates the speaker, not the
        # event: "police reported in Kassala, 600 km east of Khartoum, that gunmen killed
        # a chief" did not happen in Khartoum
        pool = [pm for pm in pool if pm.place is not None and pm.place.id not in references]
    # a country across the border ("near its border with Rwanda") is where it did not happen;
    # nor is a country named as a party ("an accord with Peru", "allies such as Canada"),
    # which still keeps the sentence from taking an earlier sentence's place
    pool = [
        pm
        for pm in pool
        if pm.place is not None and pm.place.id not in beyond and not is_party(ctx, pm)
    ]
    if not pool:
        return None

    containers = _containers(text, in_sentence)

    def rank(pm: PlaceMention) -> tuple:
        place = pm.place
        assert place is not None
        origin = bool(_ORIGIN.search(text[max(0, pm.span.start - 12) : pm.span.start]))
        return (
            origin,
            # "kanpur: six men were held after a clash in Unnao": the dateline's town
            # places the clause only when the clause names no place of its own
            colon_dateline(text, pm),
            pm.span.start in containers,  # "Raghwan district (Marib)": Raghwan
            # a reference point ranks as what it makes of the event's place: a town's
            # surroundings ("west of Marib"), or farther ("270 km east of Lima")
            _rank(
                off_reference(ctx, near_reference(place, references), pm)
                if place.id in references
                else place
            ),
            place.id in references,
            place.id in seconds,  # "between Gao and Ansongo": near Gao
            -countries[place.country],
            abs(pm.span.start - token.idx),
        )

    chosen = min(pool, key=rank)
    best = chosen.place
    assert best is not None
    if in_dateline(ctx, chosen):
        # the dateline's town, usable only when the body places nothing: inferred
        return replace(best, inferred=True)
    named = [
        pm
        for pm in (pool if best.id in references else in_sentence)
        if not _ORIGIN.search(text[max(0, pm.span.start - 12) : pm.span.start])
    ]
    place = near_reference(_refined(best, named, references), references | ends)
    if best.id in references:
        mention = min(
            (pm for pm in pool if pm.place is not None and pm.place.id == best.id),
            key=lambda pm: abs(pm.span.start - token.idx),
        )
        return off_reference(ctx, place, mention)
    return place


# From a place to a name in the parenthesis after it: "northern Syria (Azaz, ...".
_INTO_PARENTHESIS = re.compile(r"^[^()]{0,30}\((?:[^()]*,\s*)?$")


def _with_parenthesis(
    text: str, pool: list[PlaceMention], in_sentence: list[PlaceMention]
) -> list[PlaceMention]:
    """``pool`` with the places of a parenthesis right after one of its places: "mortars
    hit farms in northern Syria (Azaz, Aleppo)" says where in northern Syria,
    though the parse hangs the parenthesis from another clause."""
    if not pool:
        return pool
    added = [
        pm
        for pm in in_sentence
        if pm not in pool
        and any(
            p.span.end <= pm.span.start
            and _INTO_PARENTHESIS.match(text[p.span.end : pm.span.start])
            for p in pool
        )
    ]
    return pool + added if added else pool


# What joins a place to the area it lies in, named right after it: "Raghwan district
# (Marib)", "Uludere district of Sirnak", "Mansura in Raqqa".
_CONTAINED_IN = re.compile(
    r"^(?:\s*\(|,\s*|(?:\s+(?:city|town|village|camp|area|district|subdistrict|region))?"
    r"\s+(?:in|of)\s+(?:the\s+)?)$"
)


def _containers(text: str, in_sentence: list[PlaceMention]) -> set[int]:
    """Starts of the mentions naming the area the town or district just before them lies
    in: the area ranks after the place it holds, though that place be a district and the
    area a town ("Raghwan district (Marib)" is the district, not the town of Marib); so does
    any other mention read as that area ("An Naqa area (Sahar, Sadah)", the unknown An
    Naqa read as Sadah, is Sahar)."""
    ids = Counter(pm.place.id for pm in in_sentence if pm.place is not None)
    areas = {
        second.place.id
        for first, second in itertools.pairwise(in_sentence)
        if first.place is not None
        and second.place is not None
        and first.place.id != second.place.id
        and _CONTAINED_IN.match(text[first.span.end : second.span.start])
        # a place read as a town or district, and named once: a first name read as an
        # area ("As Sabaa (Tripoli)" read as Tripoli's province) leaves the town first
        and first.place.precision in TOWNS
        and ids[first.place.id] == 1
    }
    # the place a feature is tied to ("the Kuyambana forest, in Gwoza Local Government
    # Area") ranks after the feature, as an area after what it holds
    areas |= {t for pm in in_sentence if pm.place is not None for t in [tied_to(pm.place)] if t}
    return {pm.span.start for pm in in_sentence if pm.place is not None and pm.place.id in areas}


def _refined(best: Place, named: list[PlaceMention], references: set[str]) -> Place:
    """A country the event's clause names, refined by a town of that country the same
    sentence names for itself: "Russia attacked Ukrainian cities, killing three people in
    Kyiv" happened in Kyiv (a town in another country says nothing about this one); so
    does a part of a country ("shelled villages in eastern Ukraine, killing two in
    Kramatorsk")."""
    if best.precision != "country" and best.feature != PART_FEATURE:
        return best
    inside = [
        pm.place
        for pm in named
        if pm.place is not None
        and pm.place.id not in references
        and pm.place.id != best.id
        and pm.place.feature != PART_FEATURE
        and pm.place.country == best.country
        and (best.admin1 is None or pm.place.admin1 == best.admin1)  # a division's part
        and pm.place.precision in ("city", "point", "admin2", "admin1")
    ]
    towns = {p.id: p for p in inside}
    # one town only: two would leave the event's own one unknown
    return next(iter(towns.values())) if len(towns) == 1 else best


def _rank(place: Place) -> float:
    """Where a place ranks among precisions, a part between a division and its country; a
    district known only by its seat town ("Derna district" the gazetteer lacks), and a
    feature placed by its town, rank as the town whose point they have."""
    if place.feature == PART_FEATURE:
        return PART_RANK
    if place.precision == "admin2" and (
        (place.feature or "").startswith("PPL") or place.feature == TIED_FEATURE
    ):
        # so does a feature or a name placed by the town the text ties it to ("Avasin
        # (Mergasur)"), which wins over that town as a place over the area it lies in
        return PRECISION_RANK["city"]
    return PRECISION_RANK.get(place.precision, 3)
