"""What the incident join compares of each article incident: its :class:`Report`.

A report is made once per article incident (the properties of
:class:`~eventwire.resolve.doc_incidents.DocIncident` walk its members on every call):
its type and incident family, its window of days, its place, the sides its named actors
stand for (a state's actors as one side, :func:`state_sides`; an office holder on his
state's side while in office; a government as the part of its state seated where the
articles say, :func:`seat_of`), and what the join's rules read of its acts. The actors
are filled first from the mention -> actor map (:func:`assign_actors`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any

from eventwire.knowledge.ontology import Ontology
from eventwire.model import (
    Actor,
    EventMention,
    Incident,
    Place,
    mention_key,
)
from eventwire.resolve.doc_incidents import (
    UNDATED_WINDOW,
    DocIncident,
    town_of,
)
from eventwire.resolve.incident_counts import is_update
from eventwire.resolve.incident_hours import night_edge
from eventwire.resolve.incident_period import tells_a_period
from eventwire.resolve.incident_sites import act_nouns, sites_hit
from eventwire.resolve.incident_spill import SpilledIncidents
from eventwire.resolve.incident_ties import tied_sides
from eventwire.resolve.incident_undated import (
    is_undated,
)
from eventwire.resolve.offices import (
    PART_MARK,
    TERM_MARK,
    office_sides,
    side_on,
)

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


def assign_actors(
    inc: DocIncident, mention_actor: Mapping[str, str], unnamed: frozenset[str]
) -> None:
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


def article_reports(incs: Sequence[DocIncident], side_of: dict[str, str] | None = None
                    ) -> list[Report]:  # fmt: skip
    """What the merge compares of each article incident (in their order), with the leader
    ties of every article (:mod:`~eventwire.resolve.incident_ties`) applied."""
    make = reporter(incs, side_of)
    return [make(inc) for inc in incs]


_SHARED = ("place", "day", "type", "article_id", "span")  # spans: a day's reports share one


def reporter(
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


def _ties(ties: Iterable[tuple[str, str]], side_of: dict[str, str]) -> set[tuple[str, str]]:
    """Every article's leader ties (:mod:`~eventwire.resolve.incident_ties`) but those of
    a state's own actors: a country, its government or forces stand for the state, and
    "Sudan's RSF" names no leader of the RSF."""
    plain = {a for a, side in side_of.items() if TERM_MARK not in side}
    return {t for t in ties if not plain & set(t)}
