"""An incident built from one cluster of the join: the record the store keeps.

Its type is the most severe its reports give, its sides the most specific actors they
name, its date and place the ones most reports give, its counts the best supported, its
events those whose mentions it holds (an event whose mentions the join split goes to one
incident only, :func:`event_owners`) and its explanation the rules of its article
incidents and what the join said about it.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from eventwire.knowledge.ontology import Ontology
from eventwire.model import (
    Event,
    EventMention,
    Evidence,
    Incident,
)
from eventwire.resolve.article_columns import EventKey
from eventwire.resolve.doc_incident_record import event_for
from eventwire.resolve.doc_incidents import DocIncident, best_place
from eventwire.resolve.event_spill import event_number, event_text
from eventwire.resolve.facets import is_facet_of_act
from eventwire.resolve.ids import stable_id
from eventwire.resolve.incident_counts import best_counts, report_figures
from eventwire.resolve.incident_reports import Report, sends_armed_men
from eventwire.resolve.record_file import ReadBack


class MemberEvents(ReadBack[tuple[str | None, ...]]):
    """The event of each member mention of each report (``None``: none), what
    :func:`event_owners` reads, held as one 8-byte number a mention
    (:func:`~eventwire.resolve.event_spill.event_number`) and one a report: the join
    holds it for every report of the store, where a tuple of id strings took about 120
    bytes more a report. An id not of the usual form is kept as it is."""

    _NONE, _OTHER = -2, -1

    def __init__(self) -> None:
        self._numbers = array("q")
        self._ends = array("q", [0])
        self._other: dict[int, str] = {}  # position -> an id not of the usual form

    def append(self, events: Iterable[str | None]) -> None:
        """Hold the events of the next report's members, in order."""
        for event_id in events:
            if event_id is None:
                self._numbers.append(self._NONE)
                continue
            number = event_number(event_id)
            if number == self._OTHER:
                self._other[len(self._numbers)] = event_id
            self._numbers.append(number)
        self._ends.append(len(self._numbers))

    def __len__(self) -> int:
        return len(self._ends) - 1

    def _record(self, n: int) -> tuple[str | None, ...]:
        start, end = self._ends[n], self._ends[n + 1]
        return tuple(self._event(at) for at in range(start, end))

    def _event(self, at: int) -> str | None:
        number = self._numbers[at]
        if number == self._NONE:
            return None
        return self._other[at] if number == self._OTHER else event_text(number)


def lister(owner: dict[str, int], root: int) -> Callable[[str], bool]:
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


def build_incident(
    incs: Sequence[DocIncident],
    told: Sequence[Report],
    notes: list[str],
    event_of: Mapping[EventKey, str],
    by_id: Mapping[str, Event],
    lists: Callable[[str], bool],
) -> Incident:
    itype = lead_type([r.type for r in told], incs[0].onto)
    members = [em for inc in incs for em in inc.members]
    # ``lists``: whether this incident lists an event (see ``event_owners``)
    event_ids = sorted({e for em in members if (e := event_for(event_of, em)) and lists(e)})
    statement_ids = sorted(
        {e for inc in incs for em in inc.statements if (e := event_for(event_of, em))}
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


def _facets(incs: Sequence[DocIncident], event_of: Mapping[EventKey, str]) -> list[str]:
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
            if is_facet_of_act(em, told, violent) and (e := event_for(event_of, em)):
                out.append(e)
    return out


def _side(actors: list[str], named: set[str]) -> str | None:
    """The most specific actor the reports name on one side: a named actor over an
    unnamed group, then the one most reports name, then by id."""
    counts = Counter(actors)
    return min(counts, key=lambda a: (a not in named, -counts[a], a)) if counts else None
