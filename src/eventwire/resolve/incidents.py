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
  same town and day, or on the same toll of one day in places that hold one another
  (:mod:`~eventwire.resolve.incident_tolls`). Two armed groups named as the doer of one
  act in one town on one day are one act when the reports share a detail of it (a site,
  a figure, a risen toll), a report naming only whom the act hit and one naming only its
  doer tell its two ends (one town, a stated day, one type), and a side that is the doer
  of one report and only the target of another's own doer is an attack and a
  counter-attack (:mod:`~eventwire.resolve.incident_doers`). A place gives no side by its name alone
  (:func:`assign_actors`).

Candidates come from blocking on (family, day, named side) and (family, day, town), each report
filed under every day of its window (at most a month): the only pairs the rules below can
join, so the cost stays near linear. Pairs are taken in a fixed order (one town and two
stated days, a toll risen from the other's figure, shared actor, same town, closer day,
ids) and joined by union-find with a
complete-link veto: two clusters merge only when every report of one is compatible with
every report of the other, so neither article order nor hash seed changes the result.
User overrides (``[[incident_join]]``, ``[[incident_split]]``, by event id) come first; a
split wins over a join (the join unites the reports no split keeps apart).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from eventwire.errors import ConfigError
from eventwire.knowledge.resources import Resources
from eventwire.model import (
    Event,
    Incident,
)
from eventwire.resolve.article_columns import EventKey
from eventwire.resolve.doc_incident_record import event_for
from eventwire.resolve.doc_incidents import (
    DocIncident,
    town_of,
)
from eventwire.resolve.incident_apart import ApartSets
from eventwire.resolve.incident_clusters import Clusters
from eventwire.resolve.incident_days import day_apart_veto
from eventwire.resolve.incident_doers import (
    counter_attack_veto,
    doer_named_two_ways,
    victims_and_doer,
)
from eventwire.resolve.incident_explanations import (
    EXPLANATION_KEY,
    explanation_in_words,
    explanation_keys,
)
from eventwire.resolve.incident_facets import link_facets
from eventwire.resolve.incident_hours import one_night
from eventwire.resolve.incident_lines import across_line
from eventwire.resolve.incident_pairs import (
    DAY_SLACK,
    MAX_WINDOW,
    candidate_blocks,
    candidate_pairs,
    pair_order,
    window_gap,
)
from eventwire.resolve.incident_period import outside_period_veto, period_veto
from eventwire.resolve.incident_places import (
    PRECISION_REACH_KM,
    district_veto,
    namesake_countries,
    offset_veto,
    place_veto,
    within_reach,
)
from eventwire.resolve.incident_records import (
    MemberEvents,
    build_incident,
    event_owners,
    lead_type,
    lister,
)
from eventwire.resolve.incident_reports import (
    STATE_TYPES,
    Report,
    actor_seats,
    article_reports,
    assign_actors,
    family_types,
    office_days,
    report_of_incident,
    reporter,
    seat_of,
    sends_armed_men,
    state_side,
    state_sides,
)
from eventwire.resolve.incident_spill import SpilledIncidents
from eventwire.resolve.incident_tolls import same_toll, shared_toll
from eventwire.resolve.incident_undated import (
    undated_news_veto,
    undated_town_veto,
    undated_veto,
    undated_victim_veto,
)
from eventwire.resolve.offices import (
    PART_MARK,
    parent_side,
)
from eventwire.resolve.overrides import load_overrides
from eventwire.resolve.record_file import SortedRecords
from eventwire.resolve.report_table import ReportTable

# the join's parts live in modules of their own; their names stay importable here
__all__ = [
    "DAY_SLACK",
    "EXPLANATION_KEY",
    "IncidentLinks",
    "MAX_WINDOW",
    "PRECISION_REACH_KM",
    "Report",
    "STATE_TYPES",
    "actor_seats",
    "article_reports",
    "assign_actors",
    "candidate_blocks",
    "candidate_pairs",
    "counter_attack_veto",
    "district_veto",
    "doer_named_two_ways",
    "event_owners",
    "explain_pair",
    "explanation_in_words",
    "explanation_keys",
    "family_types",
    "incident_links",
    "lead_type",
    "link_facets",
    "namesake_countries",
    "office_days",
    "offset_veto",
    "pair_order",
    "place_veto",
    "report_of_incident",
    "reprisal_veto",
    "resolve_incidents",
    "rival_parts",
    "same_toll",
    "seat_of",
    "sends_armed_men",
    "sides_meet",
    "state_against_group",
    "state_side",
    "state_sides",
    "veto",
    "victims_and_doer",
    "within_reach",
]


@dataclass(frozen=True)
class IncidentLinks:
    """User constraints: ``joins`` must share an incident, ``splits`` never. Each names an
    event id (the reports its mentions are in) or an article id (all of its reports): an
    event reported by two articles cannot split them, their article ids can."""

    joins: tuple[tuple[str, ...], ...] = ()
    splits: tuple[tuple[str, str], ...] = ()


def incident_links(resources: Resources) -> IncidentLinks:
    """The incident joins and splits of the user's overrides file."""
    try:
        found = load_overrides(resources.settings.overrides_path)
    except OSError as exc:
        raise ConfigError(f"cannot read overrides: {exc}") from exc
    return IncidentLinks(found.incident_joins, found.incident_splits)


def veto(a: Report, b: Report) -> str | None:
    """The rule that keeps two article incidents apart, or None when compatible."""
    if a.article_id == b.article_id:
        return "one article tells them apart"
    if a.kind != b.kind:
        return "types differ ({}, {})".format(*sorted((a.type, b.type)))
    wa, wb = a.window(), b.window()
    if wa is None or wb is None or wa[1] - wa[0] > MAX_WINDOW or wb[1] - wb[0] > MAX_WINDOW:
        return "a date vaguer than a month"
    gap = window_gap(wa, wb)
    if gap > DAY_SLACK:
        return f"dates {gap} days apart"
    if across_line(a, b):
        return None  # one exchange across a frontier, told by each side as the other's fire
    if why := (place_veto(a.place, b.place) or offset_veto(a.place, b.place)
               or district_veto(a.place, b.place)):  # fmt: skip
        return why
    if why := undated_veto(a, b) or period_veto(a, b) or outside_period_veto(a, b):
        return why
    if why := reprisal_veto(a, b) or counter_attack_veto(a, b):
        return why
    if a.sites and b.sites and not a.sites & b.sites:
        return "two different sites ({}; {})".format(*sorted((", ".join(sorted(a.sites)),
                                                               ", ".join(sorted(b.sites)))))  # fmt: skip
    if why := rival_parts(a.named, b.named):
        return why
    shared = sides_meet(a.named, b.named)
    if (a.named and b.named and not shared and not state_against_group(a, b)
            and not doer_named_two_ways(a, b) and not victims_and_doer(a, b)):  # fmt: skip
        return "named actors differ"
    if shared and (why := undated_victim_veto(a, b)):
        return why
    if not shared and (why := undated_town_veto(a, b)):
        return why
    if not shared and not state_against_group(a, b) and (why := undated_news_veto(a, b)):
        return why
    if not shared and not _same_town_dated(a, b) and not same_toll(a, b):
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


def _reason(a: Report, b: Report) -> str:
    types = " / ".join(sorted({a.type, b.type}))
    parts = [types if a.type == b.type else f"{types} ({a.kind})"]
    if shared := sorted(a.named & b.named):
        parts.append("side " + ", ".join(shared))
    elif ties := doer_named_two_ways(a, b):
        doers = " / ".join(sorted(", ".join(sorted(r.doers)) for r in (a, b)))
        parts.append(f"one act, its doer named two ways ({doers}; {'; '.join(ties)})")
    elif a.named and b.named and victims_and_doer(a, b):
        hit, done = (a, b) if a.hit and not a.doers else (b, a)
        victims, doers = (", ".join(sorted(s)) for s in (hit.hit, done.doers))
        parts.append(f"the victims named by one, the doer by the other ({victims} / {doers})")
    ta, tb = town_of(a.place), town_of(b.place)
    if ta and tb and across_line(a, b):
        parts.append(f"one exchange of fire told by each side ({ta.name} / {tb.name})")
    elif ta and tb and ta.id == tb.id:
        parts.append(f"town {ta.name}")
    elif a.place and b.place:
        parts.append(f"places {a.place.name} / {b.place.name}")
    if not shared and not (ta and tb and ta.id == tb.id) and same_toll(a, b):
        toll = ", ".join(f"{kind} {value}" for kind, value in shared_toll(a, b))
        parts.append(f"the same toll ({toll})")
    parts.append(f"day {a.day}" if a.day and a.day == b.day else "dates within a day")
    return ", ".join(parts)


def resolve_incidents(
    doc_incidents: Iterable[DocIncident],
    event_of: Mapping[EventKey, str],
    events: Sequence[Event] | Mapping[str, Event],
    links: IncidentLinks = IncidentLinks(),
    side_of: dict[str, str] | None = None,
    ordered_pairs: Callable[[Sequence[Report]], Iterable[tuple[int, int]]] | None = None,
    compared: Callable[[Sequence[int], Sequence[int], int, int], bool] | None = None,
    spill: bool = False,
) -> Sequence[Incident]:
    """Incidents across articles (see the module docstring), sorted by id.

    ``event_of`` maps a mention to its resolved event's id (``event_for``);
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
            if (eid := event_for(event_of, em)) is not None and eid in linked:
                by_event[eid].append(n)
    cannot = {
        (min(x, y), max(x, y))
        for a, b in links.splits
        for x in by_event.get(a, ())
        for y in by_event.get(b, ())
    }
    # each article incident read once for its report and the events of its mentions; the
    # reports held as columns (``report_table``), as the join holds every one of the store
    reports = ReportTable()
    held_events = MemberEvents()  # the event of each member, by report
    make = reporter(incs, side_of)
    for inc in incs:
        reports.append(make(inc))
        held_events.append(event_for(event_of, em) for em in inc.members)
    del make  # and what it shared of them (the table holds each value once)
    reports.seal()
    clusters = Clusters(reports, cannot, veto, compared)
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
                clusters.kept_apart(ra, j, why)  # from the article of report j
                clusters.kept_apart(rb, i, why)
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
        build_incident([take(n) for n in sorted(members)],
                  [reports[n] for n in sorted(members)], clusters.said(root), event_of, by_id,
                  lister(owner, root))
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
