"""One incident as one article tells it: :class:`DocIncident`, its type, place, day and
window of days (the unit the join across articles merges)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention, Evidence, Place, When
from eventwire.resolve.article_columns import EventKey, MentionId, StatementId
from eventwire.resolve.doc_incident_cues import own_date
from eventwire.resolve.doc_incident_places import (
    TOWN_PRECISIONS,
    as_division,
    best_place,
    holds_town,
    is_near_town,
)
from eventwire.resolve.ids import stable_id

UNDATED_WINDOW = 7  # days before publication an undated report may tell of


def mention_id(em: EventMention) -> MentionId:
    """The key under which event resolution files a mention's event."""
    return (em.article_id, em.trigger.start, em.type)


def statement_id(em: EventMention) -> StatementId:
    """The key of one statement of a trigger, for a trigger two kept mentions share
    ("militiamen shot a teacher and two nurses": one trigger, two targets, two events).
    A side counts only when the text gives it to this mention: a side its incident filled
    in (marked ``inferred_source``/``inferred_target``) reads as none, so the mention as
    extracted and as filled have one key."""
    source = -1 if em.source is None or "inferred_source" in em.qualifiers else em.source.start
    target = -1 if em.target is None or "inferred_target" in em.qualifiers else em.target.start
    return (em.article_id, em.trigger.start, em.type, source, target)


def event_for(event_of: Mapping[EventKey, str], em: EventMention) -> str | None:
    """The event an events pass filed ``em`` under: its statement's, where two kept
    mentions share its trigger and type, else its trigger's."""
    found = event_of.get(statement_id(em))
    return found if found is not None else event_of.get(mention_id(em))


@dataclass
class DocIncident:
    """One incident as one article tells it (the unit merged across articles)."""

    article_id: str
    members: list[EventMention] = field(default_factory=list)
    statements: list[EventMention] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # how members were joined
    fallback_place: Place | None = None  # the one town the article names
    # the places the article names as a division read as its namesake town ("Kashmore
    # district" at Kashmore's point): no town of an act (:func:`division_places`)
    divisions: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()  # resolved actor ids, filled by ``resolve_actors_of``
    targets: tuple[str, ...] = ()
    named: frozenset[str] = frozenset()
    family_key: str = ""  # the within-article family it was opened for (violence, or a type)
    ties: frozenset[tuple[str, str]] = frozenset()  # (leader, group) its article states
    holders: dict[str, str] = field(
        default_factory=dict
    )  # town id -> who the article says holds it
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # actor id -> its spans' words
    seats: dict[str, str] = field(default_factory=dict)  # actor id -> the seat the article gives
    onto: Ontology = field(kw_only=True, repr=False, compare=False)  # types' violence, severity

    @property
    def id(self) -> str:
        first = self.members[0]
        return stable_id("docinc", self.article_id, first.trigger.start, first.type)

    @property
    def family(self) -> str:
        return family_of(self.type)

    @property
    def type(self) -> str:
        """The lead type of the members: violence first, then the ontology's severity,
        then the most members, then the name."""
        types = Counter(em.type for em in self.members)
        violent = self.onto.violent_types
        return min(types, key=lambda t: (t not in violent, -self.onto.severity(t), -types[t], t))

    @property
    def place(self) -> Place | None:
        """The most specific place of the members (a division read as its namesake town
        counts as the division's governorate, :func:`as_division`); when none is a town,
        the one town the article names if it lies in that place (:func:`holds_town`)."""
        own = best_place(as_division(em.place, self.divisions) for em in self.members)
        town = self.fallback_place
        if town and (own is None or (own.precision not in TOWN_PRECISIONS
                                     and not is_near_town(own) and holds_town(own, town))):  # fmt: skip
            return town
        return own

    @property
    def day(self) -> str | None:
        """The earliest day the members state (the act precedes its aftermath); when the
        first member to date itself states a week or a month, only a day inside it: "Late
        last week, a roadside bomb hit a police convoy near Damboa. ... the faction, which
        claimed the attack" -- a day read for the later anaphor outside the week the act
        was told in is the report's, not the act's, and the incident keeps the week."""
        days = [em.when.calendar for em in self.members if em.when and em.when.precision == "day"]
        lo, hi = _lead_span(self.members) or (0, date.max.toordinal())
        return min((d for d in days if d and len(d) == 10
                    and lo <= date.fromisoformat(d).toordinal() <= hi), default=None)  # fmt: skip

    def window(self) -> tuple[int, int] | None:
        """The days (as ordinals) the incident may have happened on: its day; else the
        span of a stated week or month; else (undated) the week before publication."""
        if self.day:
            d = date.fromisoformat(self.day).toordinal()
            return d, d
        for em in self.members:
            if span := stated_span(em.when):
                return span
        for em in self.members:
            if em.when and em.when.precision == "publication" and len(em.when.calendar or "") == 10:
                d = date.fromisoformat(em.when.calendar or "").toordinal()
                return d - UNDATED_WINDOW, d
        return None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        seen: dict[int, Evidence] = {}
        for em in self.members:
            seen.setdefault(em.evidence.char_start, em.evidence)
        return tuple(seen[k] for k in sorted(seen))


def stated_span(when: When | None) -> tuple[int, int] | None:
    """The days (as ordinals) a stated week or month spans, else None."""
    cal = when.calendar if when else None
    if when is None or not cal:
        return None
    if when.precision == "week" and len(cal) == 10:
        d = date.fromisoformat(cal).toordinal()
        # a part of a week ("late last week") is its first day to its end
        return d, date.fromisoformat(when.end).toordinal() if when.end else d + 6
    if when.precision == "month" and len(cal) == 7:
        first = date.fromisoformat(cal + "-01")
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    return None


def _lead_span(members: Sequence[EventMention]) -> tuple[int, int] | None:
    """The week or month the first member that dates itself states (the act, told
    first), or None when that member states a day, a year or nothing."""
    for em in members:
        if own_date(em):
            return stated_span(em.when)
    return None


def family_of(etype: str) -> str:
    """The family of an event type for blocking and compatibility: the PLOVER type,
    which the ontology's CAMEO and ACLED codes refine (a shelling and an armed clash
    are both ASSAULT)."""
    return etype
