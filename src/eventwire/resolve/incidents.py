"""Incidents across articles: the reports of one occurrence become one :class:`Incident`.

Each article's incidents (:mod:`eventwire.resolve.doc_incidents`) are merged when they
are compatible:

* **type**: the same PLOVER type (the family the CAMEO and ACLED codes refine), or two
  types of one incident family of the ontology (``[incident_families]``: an attack and a
  raid; troops sent and the offensive they are sent into);
* **date**: windows that meet within one day (a day is its own window; an undated report
  the week before its publication; a stated week or month its span); two stated days a
  day apart that share only a named side are two acts (:mod:`~eventwire.resolve.incident_days`),
  and a report with no day that tells only a period or a campaign joins nothing
  (:mod:`~eventwire.resolve.incident_period`);
* **place**: contained in one another (a town in its governorate, anything in its
  country); two different towns, governorates or countries are a hard veto, unless a
  country-level place is a namesake of the other's country or lies within reach of it
  (:func:`within_reach`);
* **actors**: when both reports name actors, at least one side in common (none
  contradicting; a country, its government and its state forces are one side; a leader
  and the group an article says he leads are one side, :mod:`~eventwire.resolve.incident_ties`;
  two rival governments of one state, told by their seats or their heads, are two parts
  of its side, :func:`rival_parts`); reports that share no named side join only on the
  same town and day. A place gives no side by its name alone (:func:`assign_actors`).

Candidates come from blocking on (family, day, named side) and (family, day, town), each report
filed under every day of its window (at most a month): the only pairs the rules below can
join, so the cost stays near linear. Pairs are taken in a
fixed order (shared actor, same town, closer day, ids) and joined by union-find with a
complete-link veto: two clusters merge only when every report of one is compatible with
every report of the other, so neither article order nor hash seed changes the result.
User overrides (``[[incident_join]]``, ``[[incident_split]]``, by event id) come first; a
split wins over a join (the join unites the reports no split keeps apart).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from itertools import combinations
from typing import Any

from eventwire.errors import ConfigError, NotFound
from eventwire.extract.placechoice import OFFSET_FEATURE
from eventwire.knowledge.ontology import Ontology
from eventwire.knowledge.resources import Resources
from eventwire.model import (
    Actor,
    Event,
    EventMention,
    Evidence,
    Incident,
    Place,
    mention_key,
)
from eventwire.resolve.doc_incidents import (
    DISTRICT_KM,
    TOWN_PRECISIONS,
    UNDATED_WINDOW,
    DocIncident,
    best_place,
    in_district,
    is_district,
    mention_id,
    town_of,
)
from eventwire.resolve.facets import is_facet_of_act, is_protest_in_act
from eventwire.resolve.ids import stable_id
from eventwire.resolve.incident_apart import ApartLines, ApartSets
from eventwire.resolve.incident_counts import best_counts, is_update, report_figures
from eventwire.resolve.incident_days import day_apart_veto
from eventwire.resolve.incident_hours import night_edge, one_night
from eventwire.resolve.incident_lines import across_line, line_cell
from eventwire.resolve.incident_notes import Notes
from eventwire.resolve.incident_period import period_veto, tells_a_period
from eventwire.resolve.incident_sites import act_nouns, sites_hit
from eventwire.resolve.incident_spill import SpilledIncidents
from eventwire.resolve.incident_ties import tied_sides
from eventwire.resolve.incident_undated import (
    files_nowhere,
    is_undated,
    undated_news_veto,
    undated_town_veto,
    undated_veto,
)
from eventwire.resolve.offices import (
    PART_MARK,
    TERM_MARK,
    office_sides,
    parent_side,
    side_keys,
    side_on,
)
from eventwire.resolve.overrides import load_overrides
from eventwire.resolve.record_file import SortedRecords
from eventwire.text.geo import haversine_km

MAX_WINDOW = 31  # days: a report dated more vaguely than a month is not merged
DAY_SLACK = 1  # reports of one day may give the day before or after


@dataclass(frozen=True)
class IncidentLinks:
    """User constraints: ``joins`` must share an incident, ``splits`` never. Each names an
    event id (the reports its mentions are in) or an article id (all of its reports): an
    event reported by two articles cannot split them, their article ids can."""

    joins: tuple[tuple[str, ...], ...] = ()
    splits: tuple[tuple[str, str], ...] = ()


_NO_SIDES: frozenset[str] = frozenset()
_NO_FIGURES: frozenset[tuple[str, int]] = frozenset()


@dataclass(frozen=True, slots=True)  # the join holds one for every article incident
class Report:
    """What the merge compares of one article incident, computed once (the properties of
    :class:`DocIncident` walk its members on every call)."""

    id: str
    article_id: str
    type: str
    span: tuple[int, int] | None
    day: str | None
    place: Place | None
    named: frozenset[str]  # the sides its named actors stand for (see ``state_sides``)
    family: str = ""  # the types it may join (``Ontology.incident_family``); "" = its type
    sites: frozenset[str] = frozenset()  # what its acts hit, by kind (``sites_hit``)
    doers: frozenset[str] = frozenset()  # the sides of ``named`` it names as doers
    hit: frozenset[str] = frozenset()  # ... and as targets (``state_against_group``)
    night: str = ""  # where its act lies in its stated day (``incident_hours.night_edge``)
    undated: bool = False  # states no day, week or month (``incident_undated``)
    violent: bool = True  # its type is an act of violence (``Ontology.violent_types``)
    period: bool = False  # tells a period or a campaign, no one occurrence (``incident_period``)
    figures: frozenset[tuple[str, int]] = frozenset()  # (kind, figure) of its counts
    risen: bool = False  # gives a figure as a risen toll ("the toll rose to 14")

    @classmethod
    def of(
        cls,
        inc: DocIncident,
        side_of: dict[str, str] | None = None,
        tied: dict[str, set[str]] | None = None,
        seats: dict[str, str] | None = None,
        shared: dict[frozenset[str], frozenset[str]] | None = None,
        acts: frozenset[str] | None = None,
    ) -> Report:
        days = office_days(inc)
        # a named actor and the leader or group some article ties to it (``incident_ties``)
        actors = {*inc.named, *(t for a in inc.named for t in (tied or {}).get(a, ()))}

        def side(a: str) -> str:
            return _seated(side_on(a, (side_of or {}).get(a), days), inc.words.get(a),
                           (seats or {}).get(a))  # fmt: skip

        side_by = {a: side(a) for a in actors}  # ``inc.named`` is among ``actors``
        sides = frozenset(side_by.values())
        doers = frozenset(side_by[a] for a in inc.sources if a in inc.named)
        hit = frozenset(side_by[a] for a in inc.targets if a in inc.named)
        itype = inc.type
        family = inc.onto.incident_family(itype, sends_armed_men(inc.members, itype, inc.onto))
        acts = act_nouns(inc.onto) if acts is None else acts
        sites = sites_hit(inc.members, inc.onto.violent_types, inc.onto.site_nouns, acts)
        # the join holds every report of the store: equal sets are one (``shared``), and
        # the reports naming no site, doer or target share one empty set
        held = shared if shared is not None else {}
        sides, sites, doers, hit = (held.setdefault(x, x) or _NO_SIDES
                                    for x in (sides, sites, doers, hit))  # fmt: skip
        day = inc.day
        night = night_edge(inc.members, day, inc.onto.violent_types)
        figures = frozenset((c.kind, c.value) for em in inc.members for c in em.counts)
        figures = figures or _NO_FIGURES  # most reports give none: one shared empty set
        return cls(inc.id, inc.article_id, itype, inc.window(), day, inc.place, sides,
                   family, sites, doers, hit, night, is_undated(day, inc.members),
                   itype in inc.onto.violent_types, tells_a_period(day, inc.members),
                   figures, any(is_update(c) for em in inc.members for c in em.counts))  # fmt: skip

    def window(self) -> tuple[int, int] | None:
        return self.span

    @property
    def kind(self) -> str:
        """The family it is compared and blocked by."""
        return self.family or self.type


# a deployment's object is read up to the first of these words ("sent aid to the army")
_OBJECT_ENDS = frozenset({"to", "into", "for", "towards", "toward", "against", "at", "from",
                          "by", "with", "on", "after", "as", "and"})  # fmt: skip
_DEPLOYED_KINDS = frozenset({"state", "armed"})


def sends_armed_men(members: Iterable[EventMention], itype: str, onto: Ontology) -> bool:
    """Whether an act of a deployment type (``[incident_families]``) sends armed men: its
    trigger or the words of its object name soldiers or fighters ("sent troops to Tigray",
    "deployed thousands of soldiers", "sent in more forces", "a deployment of troops"),
    the object read up to its first preposition ("sent aid to the army" sends none)."""
    if itype not in onto.deployment_types:
        return False
    for em in members:
        if em.type != itype:
            continue
        ev = em.evidence
        after = ev.sentence[max(em.trigger.end - ev.char_start, 0) :]
        words = re.findall(r"[a-z]+", em.trigger.text.casefold())
        for word in re.findall(r"\d[\d,.]*\d|\d|[a-z]+|[^\s\w]", after.casefold())[:5]:
            if word in _OBJECT_ENDS or not (word.isalnum() or word[0].isdigit()):
                break  # "sent troops to", "sent troops, tanks": the object ends
            words.append(word)
        pairs = [" ".join(p) for p in zip(words, words[1:], strict=False)]
        if any(onto.actor_kind(w) in _DEPLOYED_KINDS for w in (*words, *pairs)):
            return True
    return False


def family_types(type_name: str, onto: Ontology, deploys: bool = False) -> tuple[str, ...]:
    """The types a report of ``type_name`` may join, sorted: those of its incident family
    (``[incident_families]``; a deployment type only when its act sends armed men,
    ``deploys``: a stored incident's ``sends_armed_men``), or the type alone."""
    family = onto.incident_family(type_name, deploys)
    found = {t for fam in onto.incident_families if fam.name == family
             for t in (fam.types | fam.deployments if deploys else fam.types)}  # fmt: skip
    return tuple(sorted(found | {type_name}))


def report_of_incident(
    inc: Incident, unnamed: frozenset[str] = frozenset(), onto: Ontology | None = None
) -> Report:
    """A stored incident as one report, to say why it is kept apart from another (with
    ``onto``, compared by its type's incident family)."""
    day = inc.date if inc.date_precision == "day" and inc.date and len(inc.date) == 10 else None
    span = None
    if inc.date and len(inc.date) == 10:
        d = date.fromisoformat(inc.date).toordinal()
        span = (d, d) if inc.date_precision in ("day", None) else (d - UNDATED_WINDOW, d)
    named = frozenset(a for a in (inc.source_actor, inc.target_actor) if a and a not in unnamed)
    family = onto.incident_family(inc.type, inc.sends_armed_men) if onto else ""
    return Report(inc.id, inc.id, inc.type, span, day, inc.location, named, family,
                  undated=inc.date_precision == "publication",
                  violent=onto is None or inc.type in onto.violent_types)  # fmt: skip


# the actor types that stand for their state as one side of an incident
STATE_TYPES = ("country", "government", "state_forces")


def state_side(country: str) -> str:
    """The side key of a state: "state:ISO3"."""
    return f"state:{country}"


def state_sides(actors: Iterable[Actor], onto: Ontology) -> dict[str, str]:
    """A country and its government and state forces are one side ("Ethiopia", "the
    Ethiopian government", "the Ethiopian Air Force"): actor id -> "state:ISO3". A head
    of state or government, a defence minister or an army chief is on it while he holds
    the office (:func:`~eventwire.resolve.offices.office_sides`, read by
    :func:`~eventwire.resolve.offices.side_on`, under the resolution's ``onto``)."""
    actors = list(actors)
    sides = {a.id: state_side(a.country) for a in actors
             if a.type in STATE_TYPES and a.country}  # fmt: skip
    return {**office_sides(actors, onto), **sides}


def office_days(inc: DocIncident) -> tuple[int, int] | None:
    """The days on which an office holder must hold his office to stand for his state
    in ``inc``: its window (:meth:`DocIncident.window`), but for an undated report the
    day of publication (the role current then)."""
    window = inc.window()
    if window is None or inc.day:
        return window
    for em in inc.members:
        if em.when and em.when.calendar:
            return (window[1], window[1]) if em.when.precision == "publication" else window
    return window


def incident_links(resources: Resources) -> IncidentLinks:
    """The incident joins and splits of the user's overrides file."""
    try:
        found = load_overrides(resources.settings.overrides_path)
    except OSError as exc:
        raise ConfigError(f"cannot read overrides: {exc}") from exc
    return IncidentLinks(found.incident_joins, found.incident_splits)


def assign_actors(inc: DocIncident, mention_actor: dict[str, str], unnamed: frozenset[str]) -> None:
    """Fill a document incident's resolved source and target actors and its named ones.

    A place gives no side by its name alone: a town is no actor, and its country need not
    be who holds it (a town of a country at civil war may be held by the rebels). An act
    that names no target, placed in a town the article says is held by a named actor
    ("drones hit the RSF-held town of Nyala", "Nyala, which is controlled by the RSF";
    :func:`~eventwire.resolve.incident_ties.town_holders`), takes that holder as its target
    side, unless the holder is its doer. Otherwise the target stays empty. A participant
    whose words are the town itself ("Russia attacked Kyiv") stands for no side either."""

    words: dict[str, set[str]] = defaultdict(set)

    def ids(side: str) -> tuple[str, ...]:
        found = []
        for em in inc.members:
            span = getattr(em, side)
            if (
                span
                and (a := mention_actor.get(mention_key(em.article_id, span)))
                and not _is_its_town(span.text, em.place)
            ):
                found.append(a)
                words[a].add(span.text)
        return tuple(dict.fromkeys(found))

    inc.sources, inc.targets = ids("source"), ids("target")
    town = town_of(inc.place)
    holder = inc.holders.get(town.id) if town else None
    if not inc.targets and holder and holder not in inc.sources:
        inc.targets = (holder,)
    inc.named = frozenset(a for a in (*inc.sources, *inc.targets) if a not in unnamed)
    inc.words = {a: frozenset(w) for a, w in sorted(words.items()) if a in inc.named}


def _is_its_town(words: str, place: Place | None) -> bool:
    """Whether a participant's words are the name of the town the act happened in
    ("Russia attacked Kyiv", "Kharkiv came under fire"): a place, not a side."""
    town = town_of(place)
    fold = " ".join(words.casefold().split())
    return town is not None and fold == " ".join(town.name.casefold().split())


# words that many country names share and that never tell a country by themselves
_STATE_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "democratic",
        "republic",
        "people's",
        "peoples",
        "federal",
        "federated",
        "islamic",
        "arab",
        "united",
        "kingdom",
        "state",
        "states",
        "union",
        "socialist",
        "north",
        "south",
        "east",
        "west",
        "central",
        "new",
    ]
)


def namesake_countries(a: Place, b: Place) -> bool:
    """Two countries placed at country level whose names share a distinctive word: the
    Republic of the Congo and the Democratic Republic of the Congo, Sudan and South Sudan,
    Guinea and Guinea-Bissau. A bare "Congo" or "Sudan" is read as either, so a report
    placed in one and a report placed in the other may still tell one incident."""
    if a.precision != "country" or b.precision != "country":
        return False

    def words(p: Place) -> set[str]:
        return set(re.findall(r"[a-z']+", p.name.casefold())) - _STATE_WORDS

    return bool(words(a) & words(b))


# How far from its point a place of each precision may say an act happened (km): a site
# lies in its town, a town in its district; a country-level place stands for the whole
# country, whose point may lie 1,500 km or more from a town in it (the DR Congo's from Goma).
PRECISION_REACH_KM = {"point": 5.0, "city": 25.0, "admin2": DISTRICT_KM, "admin1": 300.0,
                      "country": 1800.0}  # fmt: skip


def within_reach(a: Place, b: Place) -> bool:
    """Whether a place below country level lies within the reach of a country-level place
    (:data:`PRECISION_REACH_KM`), whatever their country codes say: a bare "Congo" read as
    the Republic of the Congo does not rule out Goma. Two country-level places are told
    apart by their names (:func:`namesake_countries`), never by distance."""
    wide, near = (a, b) if a.precision == "country" else (b, a)
    if wide.precision != "country" or near.precision == "country":
        return False
    if near.precision not in PRECISION_REACH_KM or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    far = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    return far <= PRECISION_REACH_KM["country"] + PRECISION_REACH_KM[near.precision]


def place_veto(a: Place | None, b: Place | None) -> str | None:
    """Why two places cannot hold one incident, or None when one may contain the other."""
    if a is None or b is None or a.id == b.id:
        return None
    if (a.country and b.country and a.country != b.country
            and not namesake_countries(a, b) and not within_reach(a, b)):  # fmt: skip
        return f"places in two countries ({a.name}, {b.name})"
    if town_of(a) and town_of(b):
        return "two different towns ({}, {})".format(*sorted((a.name, b.name)))
    local = TOWN_PRECISIONS | {"admin1"}
    if a.precision in local and b.precision in local and a.admin1 and a.admin1 != b.admin1:
        return f"places in two governorates ({a.name}, {b.name})"
    return None


def offset_veto(a: Place | None, b: Place | None) -> str | None:
    """Why a place set off a town by a distance and a bearing ("40 km south of Tessalit",
    feature ``OFFSET``: its own point, at ``admin1`` precision) and a town are two places:
    the town lies farther from that point than a district reaches
    (:data:`PRECISION_REACH_KM`), so a report of it would have named that town. The
    offset's coarse precision alone would let it meet any town of its governorate."""
    for off, town in ((a, b), (b, a)):
        if off is None or off.feature != OFFSET_FEATURE or (town := town_of(town)) is None:
            continue
        if None in (off.lat, off.lon, town.lat, town.lon):
            continue
        far = haversine_km(off.lat, off.lon, town.lat, town.lon)  # type: ignore[arg-type]
        if far > PRECISION_REACH_KM["admin2"]:
            return f"two different places ({off.name}, {town.name})"
    return None


def district_veto(a: Place | None, b: Place | None) -> str | None:
    """Why a district read as its namesake town ("Kashmore district",
    :func:`~eventwire.resolve.doc_incidents.is_district`) and another place are two
    places, compared as a district, never as its province: a town, a site or another place
    off a town farther than the district reaches from its namesake's point
    (:func:`~eventwire.resolve.doc_incidents.in_district`), another district, or a place of
    another governorate. A province or a country holding it meets it."""
    for dist, other in ((a, b), (b, a)):
        if not is_district(dist) or other is None or dist is None or other.id == dist.id:
            continue
        if is_district(other):
            return "two different districts ({}, {})".format(*sorted((dist.name, other.name)))
        if other.precision == "country":
            return None
        if dist.admin1 and other.admin1 and dist.admin1 != other.admin1:
            return f"places in two governorates ({dist.name}, {other.name})"
        point = other.precision != "admin1" or other.feature == OFFSET_FEATURE
        if point and not in_district(dist, other):
            return f"a place outside the district ({dist.name}, {other.name})"
        return None
    return None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two windows (0 when they overlap)."""
    return max(0, a[0] - b[1], b[0] - a[1])


def veto(a: Report, b: Report) -> str | None:
    """The rule that keeps two article incidents apart, or None when compatible."""
    if a.article_id == b.article_id:
        return "one article tells them apart"
    if a.kind != b.kind:
        return "types differ ({}, {})".format(*sorted((a.type, b.type)))
    wa, wb = a.window(), b.window()
    if wa is None or wb is None or wa[1] - wa[0] > MAX_WINDOW or wb[1] - wb[0] > MAX_WINDOW:
        return "a date vaguer than a month"
    gap = _gap(wa, wb)
    if gap > DAY_SLACK:
        return f"dates {gap} days apart"
    if across_line(a, b):
        return None  # one exchange across a frontier, told by each side as the other's fire
    if why := (place_veto(a.place, b.place) or offset_veto(a.place, b.place)
               or district_veto(a.place, b.place)):  # fmt: skip
        return why
    if why := undated_veto(a, b) or period_veto(a, b):
        return why
    if why := reprisal_veto(a, b):
        return why
    if a.sites and b.sites and not a.sites & b.sites:
        return "two different sites ({}; {})".format(*sorted((", ".join(sorted(a.sites)),
                                                               ", ".join(sorted(b.sites)))))  # fmt: skip
    if why := rival_parts(a.named, b.named):
        return why
    shared = sides_meet(a.named, b.named)
    if a.named and b.named and not shared and not state_against_group(a, b):
        return "named actors differ"
    if not shared and (why := undated_town_veto(a, b)):
        return why
    if not shared and not state_against_group(a, b) and (why := undated_news_veto(a, b)):
        return why
    if not shared and not _same_town_dated(a, b):
        return "no shared named actor, and not the same town and day"
    return day_apart_veto(a, b, shared or state_against_group(a, b))


def reprisal_veto(a: Report, b: Report) -> str | None:
    """Why two reports dated to two days tell an act and the other side's reply to it,
    else None: "al-Shabaab bombed a police truck on Tuesday" and "troops stormed an
    al-Shabaab hideout on Wednesday, killing five of its men". A side one report names as the doer the
    other names only as the target, and each states its own day: one clash told from its
    two ends is told on one day ("militants stormed the post" / "troops repelled the
    militants who stormed the post"), so the day slack that absorbs a report's late-night
    hour does not join a reply to the act it answers. A doer both reports name is one
    side's deed told with two days, which the slack joins. One night told from its two
    ends is one act too: the report of the earlier day tells it late that day ("late on
    Monday", "on Monday night"), the other early the next ("early on Tuesday", "before
    dawn"), or either only as "overnight" (``incident_hours.one_night``)."""
    if not (a.day and b.day) or a.day == b.day or a.doers & b.doers:
        return None  # a doer both name: one side's deed, perhaps on a misread day
    first, then = (a, b) if a.day < b.day else (b, a)
    if one_night(first.night, then.night):
        return None  # one night across midnight, dated by its two ends
    for one, other in ((a, b), (b, a)):
        turned = sorted((one.doers & other.hit) - other.doers - one.hit)
        if turned:
            return f"a day apart, {turned[0]} the doer of one and the target of the other"
    return None


def sides_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two reports' sides share one: the same side, a state's side and a part of
    it (:func:`~eventwire.resolve.offices.parent_side`: "Yemen" and the government seated
    in Aden), or two parts of one state told by two kinds of evidence (a seat and a head
    of government: neither rules the other out)."""
    if a & b:
        return True
    for x in a:
        for y in b:
            if parent_side(x) != parent_side(y):
                continue
            if PART_MARK not in x or PART_MARK not in y or _part_kind(x) != _part_kind(y):
                return True
    return False


def _part_kind(side: str) -> str:
    """ "seat" or "office": what a part of a state's side is told by."""
    return side.partition(PART_MARK)[2].partition(":")[0]


def rival_parts(a: frozenset[str], b: frozenset[str]) -> str | None:
    """Why two reports name two rival parts of one state's side (two prime ministers'
    governments, two seats of government) and none in common, else None."""
    for x in sorted(a - b):
        state, mark, _part = x.partition(PART_MARK)
        if not mark:
            continue
        prefix = f"{state}{PART_MARK}{_part_kind(x)}:"
        if any(y.startswith(prefix) for y in a & b):
            continue  # both name one part of that kind: an incident between the rivals
        if others := sorted(y for y in b - a if y.startswith(prefix)):
            return f"rival governments of one state ({x}; {others[0]})"
    return None


# "the Tripoli-based government", "the government based in Tobruk": a seat of government
# named with a state's actor (what tells two rival governments of one state apart)
_SEAT = re.compile(
    r"\b([a-z][a-z'\u2019]*(?:[ -][a-z][a-z'\u2019]*)?)-based\b"
    r"|\b(?:government|authorities|administration|cabinet)\s+(?:based\s+|seated\s+)?in\s+"
    r"([a-z][a-z'\u2019]*(?:[ -][a-z][a-z'\u2019]*)?)$"
)


_SEAT_ARTICLES = frozenset({"the", "a", "an", "its", "their", "rival"})


def seat_of(words: Iterable[str] | None) -> str | None:
    """The one seat of government ``words`` (the spans naming one actor in a report)
    name, folded ("the Tripoli-based government" -> "tripoli"), else None."""
    seats = set()
    for w in words or ():
        for m in _SEAT.finditer(" ".join(w.casefold().split())):
            found = (m.group(1) or m.group(2)).replace("-", " ").split()
            while found and found[0] in _SEAT_ARTICLES:
                found.pop(0)
            if found:
                seats.add("-".join(found))
    return seats.pop() if len(seats) == 1 else None


def _seated(side: str, words: Iterable[str] | None, stated: str | None = None) -> str:
    """A state's side (``state:ISO3``) as the part of it seated where ``words`` say
    ("state:LBY/seat:tripoli"), else where some article says its actor sits (``stated``:
    "the Council of Unity, based in Aden", :func:`stated_seats`); any other side as it is."""
    if not side.startswith("state:") or PART_MARK in side:
        return side
    seat = seat_of(words) or stated
    return f"{side}{PART_MARK}seat:{seat}" if seat else side


def _is_state(side: str) -> bool:
    return parent_side(side).startswith("state:")


def state_against_group(a: Report, b: Report) -> bool:
    """Two reports of one clash told from its two ends: the army's report names only its
    own state's side ("soldiers were killed when their post was overrun"), the other only
    the armed group ("Fano fighters overran the post"). Their named actors differ without
    contradicting, as a state's forces are the usual other side of an armed group's
    attack, so they join when they are in one town, one of them is dated to the day
    (:func:`_same_town_dated`), both give the act one type (an army's report of an
    attack on its post is no group's raid on a market: two types of one family are two
    acts here), and the two ends stand at the two ends of the act: the state is hit in
    its report and the group is a doer in the other, or the state is a doer and the group
    is hit. Two doers ("the brigade ambushed a patrol", "the army attacked a patrol") are
    two claims of one deed, which contradict. Two groups, two states, or a report naming a
    state and a group against one naming another group still differ."""
    if a.type != b.type or not _same_town_dated(a, b):
        return False
    for army, group in ((a, b), (b, a)):
        states = {parent_side(s) for s in army.named if _is_state(s)}
        if len(states) != 1 or any(not _is_state(s) for s in army.named):
            continue
        if not group.named or any(_is_state(s) for s in group.named):
            continue
        (state,) = states
        hit = {parent_side(s) for s in army.hit}
        done = {parent_side(s) for s in army.doers}
        if (state in hit and group.doers) or (state in done and group.hit):
            return True
    return False


def _same_town_dated(a: Report, b: Report) -> bool:
    """Two reports in one town, at least one dated to the day (the dates were checked to
    meet). An undated report ("shells hit the market", its window the week before its
    publication) joins a dated one in its town inside that window; two undated reports
    never join on their town alone."""
    ta, tb = town_of(a.place), town_of(b.place)
    return bool(ta and tb and ta.id == tb.id and (a.day or b.day))


# the internal keys an explanation may hold: an actor id, or a state side (:func:`state_side`)
EXPLANATION_KEY = re.compile(
    r"\b(actor_[0-9a-f]{12}|state:[A-Z]{3}(?:/(?:seat:[a-z'\u2019-]+|office:actor_[0-9a-f]{12}))?)"
    r"(?![\w-])"
)


def explanation_keys(lines: Iterable[str]) -> list[str]:
    """The actor ids and state side keys an explanation names, in order, once each."""
    return list(dict.fromkeys(k for line in lines for k in EXPLANATION_KEY.findall(line)))


def explanation_in_words(
    lines: Iterable[str],
    state_sides: Callable[[], dict[str, str]],
    get_actor: Callable[[str], Actor],
) -> list[str]:
    """An explanation as people read it: each actor id replaced by the actor's name and
    each state side key by its country ("side state:LBY" -> "side the state of Libya").
    ``state_sides`` gives the stored state actors' sides (asked only when a line names
    one); ``get_actor`` raises :class:`NotFound` for an actor no longer stored, which is
    then said in words rather than by its key."""
    lines = list(lines)
    keys = explanation_keys(lines)
    words: dict[str, str] = {}
    if any(k.startswith("state:") for k in keys):
        by_side: dict[str, list[Actor]] = defaultdict(list)
        for actor_id, value in sorted(state_sides().items()):
            for side in side_keys(value):
                if side in keys:
                    by_side[side].append(get_actor(actor_id))
        for side, found in by_side.items():
            # the country, else its government or forces, else an office holder of it
            lead = min(found, key=lambda a: (a.type != "country", a.type == "person",
                                             a.name, a.id))  # fmt: skip
            words[side] = (f"the state of {lead.name}" if lead.type == "country"
                           else f"{lead.name}'s state" if lead.type == "person"
                           else f"{lead.name} and its state")  # fmt: skip
    for key in keys:
        if key.startswith("actor_"):
            with suppress(NotFound):
                words[key] = get_actor(key).name

    def say(m: re.Match[str]) -> str:
        key = m.group(1)
        state, part, who = key.partition(f"{PART_MARK}office:")
        if part:  # one rival government's part of a state's side
            with suppress(NotFound):
                return f"the government of {get_actor(who).name}"
            return "a rival government of " + words.get(state, "a state")
        state, part, seat = key.partition(f"{PART_MARK}seat:")
        if part:
            return f"the government seated in {seat.replace('-', ' ').title()}"
        if key in words:
            return words[key]
        return "a state" if key.startswith("state:") else "an actor no longer stored"

    return [EXPLANATION_KEY.sub(say, line) for line in lines]


def _reason(a: Report, b: Report) -> str:
    types = " / ".join(sorted({a.type, b.type}))
    parts = [types if a.type == b.type else f"{types} ({a.kind})"]
    if shared := sorted(a.named & b.named):
        parts.append("side " + ", ".join(shared))
    ta, tb = town_of(a.place), town_of(b.place)
    if ta and tb and across_line(a, b):
        parts.append(f"one exchange of fire told by each side ({ta.name} / {tb.name})")
    elif ta and tb and ta.id == tb.id:
        parts.append(f"town {ta.name}")
    elif a.place and b.place:
        parts.append(f"places {a.place.name} / {b.place.name}")
    parts.append(f"day {a.day}" if a.day and a.day == b.day else "dates within a day")
    return ", ".join(parts)


def candidate_pairs(incs: Sequence[Report]) -> list[tuple[int, int]]:
    """Pairs that may be compatible, found by blocking: two reports can join only when they
    share a named side, or lie in the same town (see :func:`veto`), so each is filed under
    (family, day, side) for its sides and (family, day, town) for its town, on every day of its
    window and one day either side. An undated report with no place below its country and no
    site joins nothing
    (:func:`~eventwire.resolve.incident_undated.files_nowhere`) and is filed nowhere; so is
    a report of a period or a campaign
    (:func:`~eventwire.resolve.incident_period.tells_a_period`)."""
    pairs: set[tuple[int, int]] = set()
    for members in candidate_blocks(incs).values():
        pairs.update(combinations(members, 2))  # filed in index order: i < j
    return sorted(pairs)


def candidate_blocks(incs: Sequence[Report]) -> dict[tuple[str, int, str], list[int]]:
    """The blocks of :func:`candidate_pairs`: each holds the reports filed under it, in
    index order."""
    blocks: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for n, inc in enumerate(incs):
        w = inc.window()
        if w is None or w[1] - w[0] > MAX_WINDOW or files_nowhere(inc) or inc.period:
            continue
        cells = sorted(inc.named | {parent_side(k) for k in inc.named})
        if town := town_of(inc.place):
            cells.append("town:" + town.id)
        if line := line_cell(inc):
            cells.append(line)  # one state's fire on a town of another (``across_line``)
        for day in range(w[0] - DAY_SLACK, w[1] + DAY_SLACK + 1):
            for cell in cells:
                blocks[(inc.kind, day, cell)].append(n)
    return blocks


def pair_order(a: Report, b: Report) -> tuple[object, ...]:
    """The order candidate pairs are tried in: more shared sides, the same town, one type,
    both dated to the day, closer dates, then ids (so the result never depends on input
    order)."""
    ta, tb = town_of(a.place), town_of(b.place)
    wa, wb = a.window(), b.window()
    return (
        -len(a.named & b.named),
        not (ta and tb and ta.id == tb.id),
        a.type != b.type,  # two reports of one type before one of a compatible type
        not (a.day and b.day),  # two reports that state their day before an undated one
        _gap(wa, wb) if wa and wb else 99,
        a.id,
        b.id,
    )


class _Clusters:
    """Union-find over article incidents with a complete-link veto.

    Held compactly, since a join holds it for every report of the store: the parents
    are one array of 4-byte numbers, member lists exist for clusters of several reports
    only, notes for the clusters that have some, and clusters known apart and the "kept
    apart" lines are numbers (:mod:`~eventwire.resolve.incident_apart`)."""

    def __init__(
        self,
        incs: Sequence[Report],
        cannot: set[tuple[int, int]],
        compared: Callable[[Sequence[int], Sequence[int], int, int], bool] | None = None,
    ) -> None:
        self.incs = incs
        # with ``compared`` (see resolve_incidents), two lone reports kept apart (most of
        # a busy day's block) are not remembered: whether they were is worked out from the
        # pair order once one of them has joined others
        self.compared = compared
        self.parent = array("i", range(len(incs)))
        self._members: dict[int, list[int]] = {}  # roots of several reports
        self.cannot = cannot
        self._notes: dict[int, Notes] = {}  # bounded: see incident_notes
        self.lines = ApartLines()
        # roots known to be kept apart: a veto between two members stays when either
        # cluster grows, so a pair of clusters is checked member by member once
        self.apart = ApartSets()

    def find(self, n: int) -> int:
        parent = self.parent
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def members(self, root: int) -> list[int]:
        return self._members.get(root) or [root]

    def clusters(self) -> Iterator[tuple[int, list[int]]]:
        """Each cluster's root and members, by root."""
        for n, p in enumerate(self.parent):
            if p == n:
                yield n, self.members(n)

    def notes(self, root: int) -> Notes:
        found = self._notes.get(root)
        if found is None:
            found = self._notes[root] = Notes()
        return found

    def kept_apart(self, root: int, article_id: str, why: str) -> None:
        """Note on ``root``'s cluster that a veto kept it from ``article_id``'s report."""
        self.notes(root).kept_apart(self.lines.code(article_id, why))

    def said(self, root: int) -> list[str]:
        notes = self._notes.get(root)
        return notes.said(self.lines.text) if notes is not None else []

    def known_apart(self, ra: int, rb: int, i: int = -1, j: int = -1) -> bool:
        if (ra, rb) in self.apart:
            return True
        a, b = self.members(ra), self.members(rb)
        # two lone reports meet only through the pair (i, j) itself
        if self.compared is None or (len(a) == 1 and len(b) == 1):
            return False
        if self.compared(a, b, i, j):
            self._apart(ra, rb)
            return True
        return False

    def _apart(self, ra: int, rb: int) -> None:
        """Remember two clusters kept apart; with ``compared``, only when one has several
        reports (two lone reports meet again only once one has joined others)."""
        if self.compared is None or ra in self._members or rb in self._members:
            self.apart.add(ra, rb)

    def user_split(self, ra: int, rb: int) -> bool:
        """Whether a user split keeps a member of one from a member of the other (a split
        wins over a join: the join unites the rest)."""
        return any((min(x, y), max(x, y)) in self.cannot
                   for x in self.members(ra) for y in self.members(rb))  # fmt: skip

    def blocker(self, ra: int, rb: int) -> str | None:
        for x in self.members(ra):
            for y in self.members(rb):
                why = "a user split" if (min(x, y), max(x, y)) in self.cannot else None
                if why := why or veto(self.incs[x], self.incs[y]):
                    self._apart(ra, rb)
                    return why
        return None

    def union(self, ra: int, rb: int, note: str) -> None:
        keep, gone = sorted((ra, rb), key=lambda r: self.incs[r].id)
        self.parent[gone] = keep
        self._members[keep] = self.members(keep) + self._members.pop(gone, [gone])
        self.notes(keep).absorb(self._notes.pop(gone, None), note)
        self.apart.merged(keep, gone)


def link_facets(incs: Iterable[DocIncident]) -> list[DocIncident]:
    """Article incidents with each protest fired on (:func:`is_protest_in_act`) linked to
    the incident of the act aimed at it, in its article, as a facet listed with its
    statements: an incident whose members are all such protests is no incident of its
    own. The others are returned as they were, in their order; the given incidents are
    never changed (an act that takes a facet is returned as a new copy)."""
    incs = list(incs)
    by_article: dict[str, list[DocIncident]] = defaultdict(list)
    for inc in incs:
        by_article[inc.article_id].append(inc)
    folded: set[int] = set()
    taken: dict[int, list[DocIncident]] = defaultdict(list)  # act -> the protests it takes
    for told in by_article.values():
        sentences: dict[int, list[EventMention]] = defaultdict(list)
        owner: dict[int, DocIncident] = {}
        for inc in told:
            for em in inc.members:
                sentences[em.evidence.char_start].append(em)
                owner[id(em)] = inc
        for inc in told:
            violent = inc.onto.violent_types
            if inc.type in violent or not inc.members:
                continue
            acts = [_act_aimed_at(em, sentences[em.evidence.char_start], owner, violent)
                    for em in inc.members]  # fmt: skip
            if all(acts):
                act = min((a for a in acts if a), key=lambda a: a.id)
                taken[id(act)].append(inc)
                folded.add(id(inc))
    out = []
    for inc in incs:
        if id(inc) in folded:
            continue
        if protests := taken.get(id(inc)):
            facets = [em for p in protests for em in (*p.members, *p.statements)]
            inc = replace(inc, statements=[*inc.statements, *facets],
                          rules=[*inc.rules, "a protest fired on"])  # fmt: skip
        out.append(inc)
    return out


def _act_aimed_at(
    em: EventMention,
    sentence: Sequence[EventMention],
    owner: dict[int, DocIncident],
    violent: frozenset[str],
) -> DocIncident | None:
    """The incident of the act of violence that ``em``, a protest, was fired on in its
    sentence, or None when it is no protest fired on."""
    if not is_protest_in_act(em, sentence, violent):
        return None
    acts = [owner[id(o)] for o in sentence if owner[id(o)].type in violent]
    return min(acts, key=lambda a: a.id, default=None)


def resolve_incidents(
    doc_incidents: Iterable[DocIncident],
    event_of: Mapping[tuple[str, int, str], str],
    events: Sequence[Event] | Mapping[str, Event],
    links: IncidentLinks = IncidentLinks(),
    side_of: dict[str, str] | None = None,
    ordered_pairs: Callable[[Sequence[Report]], Iterable[tuple[int, int]]] | None = None,
    compared: Callable[[Sequence[int], Sequence[int], int, int], bool] | None = None,
    spill: bool = False,
) -> Sequence[Incident]:
    """Incidents across articles (see the module docstring), sorted by id.

    ``event_of`` maps :func:`mention_id` of a mention to its resolved event's id;
    ``events`` are the resolved events, or a mapping giving each by id (the caller may
    keep them on disk: an incident reads back only the events it lists);
    ``side_of`` maps actor ids that stand for one side to its key (:func:`state_sides`);
    ``ordered_pairs`` gives the candidate pairs in :func:`pair_order` (by default, sorted
    here; :mod:`eventwire.resolve.incident_blocks` holds them more compactly);
    ``compared(a, b, i, j)`` says whether a candidate pair between the members ``a`` and
    ``b`` of two clusters comes before the pair ``(i, j)`` in that order: such a pair
    found them apart (a pair that did not joined them), so clusters known apart need not
    be remembered (a busy day's block makes them grow with its square). With ``spill``,
    each incident goes to a temporary file as it is built and the result reads them back
    in id order (:class:`~eventwire.resolve.record_file.SortedRecords`), so the pass
    never holds every incident at once."""
    incs: Sequence[DocIncident]
    if isinstance(doc_incidents, SpilledIncidents):  # facets linked as they were spilled
        doc_incidents.sort_by_id()
        incs = doc_incidents
    else:
        incs = sorted(link_facets(doc_incidents), key=lambda i: i.id)
    # event or article id -> reports, for the ids a user link names only (the join holds
    # it with every report of the store, and most stores have no links)
    linked = {e for pair in links.splits for e in pair} | {e for ids in links.joins for e in ids}
    by_event: dict[str, list[int]] = defaultdict(list)
    for n, inc in enumerate(incs if linked else ()):
        if inc.article_id in linked:
            by_event[inc.article_id].append(n)
        for em in inc.members:
            if (eid := event_of.get(mention_id(em))) is not None and eid in linked:
                by_event[eid].append(n)
    cannot = {
        (min(x, y), max(x, y))
        for a, b in links.splits
        for x in by_event.get(a, ())
        for y in by_event.get(b, ())
    }
    # each article incident read once for its report and the events of its mentions
    reports: list[Report] = []
    held_events: list[tuple[str | None, ...]] = []  # the event of each member, by report
    make = _reporter(incs, side_of)
    for inc in incs:
        reports.append(make(inc))
        held_events.append(tuple(event_of.get(mention_id(em)) for em in inc.members))
    clusters = _Clusters(reports, cannot, compared)
    for names in links.joins:
        held = sorted({n for e in names for n in by_event.get(e, ())})
        for n in held[1:]:
            ra, rb = clusters.find(held[0]), clusters.find(n)
            if ra != rb and not clusters.user_split(ra, rb):
                clusters.union(ra, rb, f"joined by a user override ({', '.join(names)})")
    pairs: Iterable[tuple[int, int]]
    if ordered_pairs is None:
        pairs = candidate_pairs(reports)
        pairs.sort(key=lambda p: pair_order(reports[p[0]], reports[p[1]]))
    else:
        pairs = ordered_pairs(reports)
    for i, j in pairs:
        ra, rb = clusters.find(i), clusters.find(j)
        if ra == rb or clusters.known_apart(ra, rb, i, j):
            continue
        a, b = reports[i], reports[j]
        if why := clusters.blocker(ra, rb):
            if a.article_id != b.article_id:
                clusters.kept_apart(ra, b.article_id, why)
                clusters.kept_apart(rb, a.article_id, why)
            continue
        first, second = sorted((a.article_id, b.article_id))
        clusters.union(ra, rb, f"joined {first} and {second}: {_reason(a, b)}")
    by_id = events if isinstance(events, Mapping) else {e.id: e for e in events}
    owner = event_owners(reports, clusters.clusters, held_events)
    del held_events
    clusters.apart = ApartSets()  # every pair is tried: let the sets go before building
    # each article incident (with its event mentions) is read back or let go once its
    # incident is built, so the pass does not hold every report and every incident at once
    take: Callable[[int], DocIncident]
    if isinstance(incs, SpilledIncidents):
        take = incs.__getitem__
    else:
        pending: list[DocIncident | None] = list(incs)
        take = partial(_take, pending)
    del incs
    built = (
        _incident([take(n) for n in sorted(members)],
                  [reports[n] for n in sorted(members)], clusters.said(root), event_of, by_id,
                  _lister(owner, root))
        for root, members in clusters.clusters()
    )  # fmt: skip
    if not spill:
        return sorted(built, key=lambda i: i.id)
    out: SortedRecords[Incident] = SortedRecords()
    for incident in built:
        out.append(incident, incident.id)
    return out.seal()


def _take(pending: list[DocIncident | None], n: int) -> DocIncident:
    """The ``n``-th article incident, no longer held by ``pending`` (each is built into one
    incident only)."""
    inc, pending[n] = pending[n], None
    if inc is None:
        raise ValueError(f"article incident {n} is in two clusters")
    return inc


def _lister(owner: dict[str, int], root: int) -> Callable[[str], bool]:
    """Whether the incident of ``root`` lists an event (:func:`event_owners`)."""
    return lambda e: owner.get(e, root) == root


def event_owners(
    reports: Sequence[Report],
    members: Callable[[], Iterable[tuple[int, list[int]]]],
    held_events: Sequence[Iterable[str | None]],
) -> dict[str, int]:
    """Event id -> the one incident (by the root of its cluster among ``members()``,
    each cluster's root and members) that lists it, for the events whose mentions lie in
    reports of several incidents; every other event is listed by the one incident that
    holds its mentions. ``held_events[n]`` gives the event of each member mention of the
    ``n``-th report (None: none).

    Event resolution may file two mentions as one event when the join keeps their reports
    apart (two strikes on one town on one day that one article tells as a first and a
    second; a report dated by a misread day): a mention-level event is listed by exactly
    one incident, the one holding most of its mentions, then the one whose report holding
    it comes first by id (never input order). The other incident keeps the mention's
    sentence as its evidence."""
    root_of: dict[str, int] = {}
    split: set[str] = set()
    for root, held in members():
        for n in held:
            for e in held_events[n]:
                if e is not None and root_of.setdefault(e, root) != root:
                    split.add(e)
    if not split:
        return {}
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    first: dict[tuple[str, int], str] = {}
    for root, held in members():
        for n in held:
            for e in held_events[n]:
                if e in split:
                    assert e is not None
                    counts[e][root] += 1
                    rid = reports[n].id
                    first[(e, root)] = min(first.get((e, root), rid), rid)
    return {e: min(c, key=lambda r: (-c[r], first[(e, r)])) for e, c in sorted(counts.items())}


def article_reports(incs: Sequence[DocIncident], side_of: dict[str, str] | None = None
                    ) -> list[Report]:  # fmt: skip
    """What the merge compares of each article incident (in their order), with the leader
    ties of every article (:mod:`~eventwire.resolve.incident_ties`) applied."""
    make = _reporter(incs, side_of)
    return [make(inc) for inc in incs]


_SHARED = ("place", "day", "type", "article_id")


def _reporter(
    incs: Sequence[DocIncident], side_of: dict[str, str] | None
) -> Callable[[DocIncident], Report]:
    """:meth:`Report.of` with what it needs of every article incident (the leader ties,
    the named actors, the seats); a :class:`SpilledIncidents` gathered those as it was
    written, so none is read back for them."""
    if isinstance(incs, SpilledIncidents):
        ties, named = incs.ties, frozenset(incs.named)
        seats = _one_seat(incs.seats)
        acts = act_nouns(incs.onto)
    else:
        ties = {t for inc in incs for t in inc.ties}
        named = frozenset().union(*(i.named for i in incs))
        seats = actor_seats(incs)
        acts = act_nouns(incs[0].onto) if incs else frozenset()
    tied = tied_sides(_ties(ties, side_of or {}), named)
    shared: dict[frozenset[str], frozenset[str]] = {}  # one copy of each equal set
    of = partial(Report.of, side_of=side_of, tied=tied, seats=seats, shared=shared, acts=acts)
    # and of each equal place, day, type and article id (read back from disk, each
    # report's would be a copy of its own)
    values: dict[object, object] = {}

    def make(inc: DocIncident) -> Report:
        report = of(inc)
        held: dict[str, Any] = {
            f: values.setdefault(v, v) for f in _SHARED if (v := getattr(report, f)) is not None
        }
        if any(v is not getattr(report, f) for f, v in held.items()):
            report = replace(report, **held)
        return report

    return make


def actor_seats(incs: Iterable[DocIncident]) -> dict[str, str]:
    """Actor id -> its seat of government, as the articles state it
    (:func:`~eventwire.resolve.incident_ties.stated_seats`): every article's seats
    united, an actor two articles seat in two places getting none. So a government named
    by its own name in one report and by its seat in another is the same part of its
    state's side, and one of its rival is not."""
    found: dict[str, set[str]] = defaultdict(set)
    for inc in incs:
        for actor, seat in inc.seats.items():
            found[actor].add(seat)
    return _one_seat(found)


def _one_seat(found: dict[str, set[str]]) -> dict[str, str]:
    """Actor id -> its seat, for the actors the articles seat in one place only."""
    return {a: next(iter(s)) for a, s in sorted(found.items()) if len(s) == 1}


def explain_pair(a: Report, b: Report) -> tuple[list[str], str | None]:
    """Why two reports are or are not one incident, for a person tracing a miss: the
    blocks they share (``family day-span cell``: without one they are never compared),
    and the rule that keeps them apart (None when they are compatible)."""
    days: dict[tuple[str, str], list[int]] = defaultdict(list)
    cells = candidate_blocks([a, b])
    for (kind, day, cell), members in sorted(cells.items()):
        if len(members) == 2:
            days[(kind, cell)].append(day)
    shared = [f"{kind} {date.fromordinal(min(d))}..{date.fromordinal(max(d))} {cell}"
              for (kind, cell), d in sorted(days.items())]  # fmt: skip
    return shared, veto(a, b)


def _ties(ties: Iterable[tuple[str, str]], side_of: dict[str, str]) -> set[tuple[str, str]]:
    """Every article's leader ties (:mod:`~eventwire.resolve.incident_ties`) but those of
    a state's own actors: a country, its government or forces stand for the state, and
    "Sudan's RSF" names no leader of the RSF."""
    plain = {a for a, side in side_of.items() if TERM_MARK not in side}
    return {t for t in ties if not plain & set(t)}


def lead_type(types: Sequence[str], onto: Ontology) -> str:
    """An incident's type when its reports type it differently (compatible types, see
    ``[incident_families]``): the most severe (violence first, then the ontology's
    severity), then the one most reports give, then the name."""
    counts = Counter(types)
    violent = onto.violent_types
    return min(counts, key=lambda t: (t not in violent, -onto.severity(t), -counts[t], t))


def _lead(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _incident(
    incs: Sequence[DocIncident],
    told: Sequence[Report],
    notes: list[str],
    event_of: Mapping[tuple[str, int, str], str],
    by_id: Mapping[str, Event],
    lists: Callable[[str], bool],
) -> Incident:
    itype = lead_type([r.type for r in told], incs[0].onto)
    members = [em for inc in incs for em in inc.members]
    # ``lists``: whether this incident lists an event (see ``event_owners``)
    event_ids = sorted({e for em in members if (e := event_of.get(mention_id(em))) and lists(e)})
    statement_ids = sorted(
        {e for inc in incs for em in inc.statements if (e := event_of.get(mention_id(em)))}
        - set(event_ids)
    )
    facet_ids = sorted(set(statement_ids) & set(_facets(incs, event_of)))
    named = set().union(*(inc.named for inc in incs))
    source = _side([a for inc in incs for a in inc.sources], named)
    target = _side([a for inc in incs for a in inc.targets if a != source], named)
    day = _lead(r.day for r in told)
    when = None
    if day is None:
        whens = [em.when for em in members if em.when and em.when.calendar]
        when = whens[0] if whens else None
    lead = [x for e in event_ids if (x := by_id.get(e)) is not None and x.type == itype]
    lead.sort(key=lambda e: (-e.source_count, -len(e.codes), e.id))
    counts, low, high, reports = best_counts(
        [f for inc in incs for f in report_figures(inc.members)]
    )
    evidence: dict[tuple[str, int], Evidence] = {}
    for inc in incs:
        for ev in inc.evidence:
            evidence.setdefault((ev.article_id, ev.char_start), ev)
    explanation = [f"{inc.article_id}: {rule}" for inc in incs for rule in inc.rules]
    return Incident(
        id=stable_id("incident", incs[0].id),
        type=itype,
        codes=dict(lead[0].codes) if lead else {"plover": itype},
        evidence=tuple(evidence[k] for k in sorted(evidence)),
        source_actor=source,
        target_actor=target,
        date=day or (when.calendar if when else None),
        date_precision="day" if day else (when.precision if when else None),
        location=best_place(r.place for r in told),
        counts=counts,
        count_min=low,
        count_max=high,
        count_reports=reports,
        source_count=len({inc.article_id for inc in incs}),
        events=tuple(event_ids),
        statements=tuple(statement_ids),
        explanation=tuple(dict.fromkeys(explanation + notes)),
        qualifiers=lead[0].qualifiers if lead else (),
        modality=_lead(em.modality for em in members) or "asserted",
        facets=tuple(facet_ids),
        sends_armed_men=any(
            sends_armed_men(inc.members, t, inc.onto)
            for inc in incs
            for t in sorted(inc.onto.deployment_types)
        ),
    )


def _facets(incs: Sequence[DocIncident], event_of: Mapping[tuple[str, int, str], str]) -> list[str]:
    """The event ids of the statements that are facets of an act of their sentence
    (:func:`~eventwire.resolve.facets.is_facet_of_act`)."""
    out = []
    for inc in incs:
        violent = inc.onto.violent_types
        sentences: dict[int, list[EventMention]] = defaultdict(list)
        for em in (*inc.members, *inc.statements):
            sentences[em.evidence.char_start].append(em)
        for em in inc.statements:
            told = sentences[em.evidence.char_start]
            if is_facet_of_act(em, told, violent) and (e := event_of.get(mention_id(em))):
                out.append(e)
    return out


def _side(actors: list[str], named: set[str]) -> str | None:
    """The most specific actor the reports name on one side: a named actor over an
    unnamed group, then the one most reports name, then by id."""
    counts = Counter(actors)
    return min(counts, key=lambda a: (a not in named, -counts[a], a)) if counts else None
