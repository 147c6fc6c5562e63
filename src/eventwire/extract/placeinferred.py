"""The country (or first-level division) an article is about, inferred for an event
whose sentence names no place of its own (:func:`inferred_country`), and the town of a
local paper's dateline, which stands in for it when it lies there (:func:`inferred_place`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placeclause import speaks_from
from eventwire.extract.placenowhere import is_party
from eventwire.extract.placeparts import PART_FEATURE
from eventwire.extract.placerefs import reference_points
from eventwire.extract.placespeech import colon_dateline
from eventwire.model import PlaceMention

if TYPE_CHECKING:
    from eventwire.model import Place

# The share of an article's located mentions one country must hold to be inferred as the
# place of an event its sentence does not place: a story mostly about one country.
DOMINANT_SHARE = 0.8


def inferred_country(ctx: DocContext, usable: list[PlaceMention]) -> Place | None:
    """The article's dominant country, flagged ``inferred``, for an event whose sentence
    names no place of its own ("Gunmen killed two guards." in a story about Libya): the
    country at least DOMINANT_SHARE of the article's usable place mentions lie in, not
    counting where someone spoke ("the minister said in Washington") nor seas and
    continents, nor a reference point ("near the border with Rwanda", "600 km east of
    Khartoum": it may locate a speaker, not the story), nor a party ("talks with Peru");
    and it must be the country the
    article's place names, all of them (dateline, speakers' places and reference points
    too), name most, so one misread name cannot carry a story elsewhere. None when the
    article names no country so dominantly."""
    if ctx.inferred_country is None:
        countries, references = _usable_countries(ctx, usable)
        found = None
        total = sum(countries.values())
        if total:
            iso3, n = top_country(countries)
            country = ctx.resources.gazetteer.country(iso3) if iso3 else None
            if (
                iso3
                and n >= DOMINANT_SHARE * total
                and country is not None
                and _most_named_country(ctx) == iso3
            ):
                division = _dominant_division(ctx, usable, references, iso3)
                found = replace(division or country, inferred=True)
        ctx.inferred_country = (found,)
    return ctx.inferred_country[0]


def _usable_countries(ctx: DocContext, usable: list[PlaceMention]) -> tuple[Counter[str], set[str]]:
    """How many of ``usable`` lie in each country, not counting where someone spoke, seas
    and continents, reference points and parties; and the ids of the reference points."""
    references, _beyond = reference_points(ctx.text, sorted(usable, key=lambda pm: pm.span.start))
    countries = Counter(
        pm.place.country
        for pm in usable
        if pm.place is not None
        and pm.place.country
        and pm.place.precision != "region"
        and pm.place.id not in references
        and not speaks_from(ctx, pm)
        and not is_party(ctx, pm)
    )
    return countries, references


def leading_country(ctx: DocContext) -> Place | None:
    """The country more than half the article's towns and divisions lie in, flagged
    ``inferred``: not its datelines, nor a government speaking, nor where someone
    spoke; countries and nationality words are left out, as they name the sides as
    often as the scene ("a Turkish drone", "Somali militants"). Weaker than the
    dominant country (:func:`inferred_country`): it only says which country a place the
    text names but the gazetteer lacks lies in ("clashes near the Tishrin dam" in a
    story about Qamishli and Hasakah). Two of its towns, or one of its provinces, must
    be named: a single town may be a misread word."""
    places = [
        pm.place
        for pm in ctx.places
        if pm.place is not None
        and pm.place.country
        and pm.place.precision in ("point", "city", "admin2", "admin1")
        and pm.zone != "dateline"
        and not pm.is_actor
        and not speaks_from(ctx, pm)
    ]
    countries = Counter(p.country for p in places)
    total = sum(countries.values())
    if not total:
        return None
    iso3, n = top_country(countries)
    if iso3 is None or 2 * n <= total:
        return None
    own = [p for p in places if p.country == iso3]
    if len({p.id for p in own}) < 2 and not any(p.precision == "admin1" for p in own):
        # one town alone may be a misread word ("Police forces" read as the Polish town
        # Police): two towns, or a province, must agree
        return None
    country = ctx.resources.gazetteer.country(iso3)
    return replace(country, inferred=True) if country is not None else None


def top_country(countries: Counter) -> tuple[str | None, int]:
    """The country named most in ``countries`` and how often, ties broken by the code so
    the answer never depends on mention order (None sorts first, as no code)."""
    return min(countries.items(), key=lambda kv: (-kv[1], kv[0] or ""))


def _dominant_division(
    ctx: DocContext, usable: list[PlaceMention], references: set[str], iso3: str
) -> Place | None:
    """The first-level division of the dominant country that a story about one region
    names its places in ("airstrikes on Mekelle ... the Tigray region ... Mekelle town"):
    at least DOMINANT_SHARE, and two or more, of the country's places finer than the
    country lie in it (the country's own name says nothing of where in it)."""
    divisions = Counter(
        pm.place.admin1
        for pm in usable
        if pm.place is not None
        and pm.place.country == iso3
        and pm.place.precision in ("point", "city", "admin2", "admin1")
        and pm.place.feature != PART_FEATURE
        and pm.place.id not in references
        and not speaks_from(ctx, pm)
    )
    total = sum(divisions.values())
    if not total:
        return None
    code, n = min(divisions.items(), key=lambda kv: (-kv[1], kv[0] or ""))
    if code is None or n < 2 or n < DOMINANT_SHARE * total:
        return None
    return ctx.resources.gazetteer.division(code)


def _most_named_country(ctx: DocContext) -> str | None:
    """The country most of the article's resolved place names lie in, None on a tie."""
    counts = Counter(
        pm.place.country
        for pm in ctx.places
        if pm.place is not None and pm.place.country and pm.place.precision != "region"
    ).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def dateline_town(ctx: DocContext) -> Place | None:
    """The town of a local paper's dateline, flagged ``inferred``: where a speech act with
    no place of its own was made. A local paper's dateline is the desk that heard the
    statements it reports ("kanpur: ... He later accused the rival party of ..." was said
    in Kanpur): a town and a colon opening a paragraph, or a town in capitals before a
    dash with no agency's credit ("MAROUA -- ...", "GAROUA, 4 March -- ...":
    :func:`_local_dash_dateline`). A wire's dateline ("TRIPOLI (Wire) -") reports a whole
    country and is left to what the body names. The first such dateline is the story's;
    a division or a country before the colon is no town."""
    for pm in ctx.places:
        if pm.place is not None and (colon_dateline(ctx.text, pm) or _local_dash_dateline(ctx, pm)):
            town = pm.place.precision in ("city", "point")
            return replace(pm.place, inferred=True) if town else None
    return None


# A credit in brackets in a dateline: "(Wire)", "(Reuters)".
_CREDIT = re.compile(r"\([^()]*\)")


def _local_dash_dateline(ctx: DocContext, pm: PlaceMention) -> bool:
    """Whether ``pm`` is the town opening a dateline in dashes that credits no agency, as
    local papers write them ("MAROUA -- ", "GAROUA, 4 March -- "; not "MOROTO, Uganda
    (Wire) -- ", a wire's desk): the town is the story's, as a colon dateline's is. A
    country's capital is a desk, not a local paper's town ("BAMAKO -- Gunmen attacked a
    convoy near Gao ...")."""
    dateline = ctx.view.zones.dateline
    if dateline is None or pm.span.start != dateline[0] or pm.place is None:
        return False
    if _CREDIT.search(ctx.text, dateline[0], dateline[1]):
        return False
    capital = ctx.resources.gazetteer.capital(pm.place.country) if pm.place.country else None
    return capital is None or capital.id != pm.place.id


def speech_place(ctx: DocContext, usable: list[PlaceMention]) -> Place | None:
    """Where a speech act with no place of its own was said: a local paper's dateline
    town (:func:`dateline_town`), unless it lies outside the article's dominant country
    (:func:`inferred_country`), else that country or division, flagged ``inferred``.
    "kanpur: ... Later the mayor accused a rival party" was said in Kanpur; but a local
    dateline's town in another country than the one the story is about ("a town across
    the border, -- " heading a story whose places all lie on the other side) is no
    desk of that story's speakers, and the speech act takes the story's country. A
    story with no dominant country keeps the dateline's town, as before."""
    town = dateline_town(ctx)
    area = inferred_country(ctx, usable)
    if town is not None and (area is None or town.country == area.country):
        return town
    return area


def inferred_place(ctx: DocContext, usable: list[PlaceMention]) -> Place | None:
    """The place inferred for an event no sentence of its paragraph places: a local
    paper's dateline town (:func:`dateline_town`) lying in the article's dominant country
    or division (:func:`inferred_country`), flagged ``inferred``, else that country or
    division. "MOROTO -- Raiders attacked a cattle camp near Kotido on Monday. <new
    paragraph> Troops then shot dead one of the raiders." is at Moroto (inferred), not
    just in Uganda, as a local paper tells its own district's news; a town of another
    country or division says nothing of where."""
    area = inferred_country(ctx, usable)
    if area is None:
        return None
    town = dateline_town(ctx)
    if (
        town is not None
        and town.country == area.country
        and (area.precision == "country" or town.admin1 == area.admin1)
    ):
        return town
    return area
