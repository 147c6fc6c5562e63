"""Incidents within one document: which of its event mentions tell of one occurrence.

A report tells one shelling in several sentences. These rules give each event mention
that happened (asserted, reported or alleged, not negated) an incident of its document,
in text order, each rule naming the English construction it reads:

* **act and consequence** -- the events of one sentence of one family (violence, or one
  type otherwise) are one incident: "shelled a market, killing four and wounding 11",
  "five were killed when rockets slammed into the market", "signed a truce";
* **anaphora** -- an event noun with a definite or demonstrative determiner or a day's
  possessive ("the attack", "this shelling", "Saturday's blast") refers back to the last
  incident of its family: it joins it unless it names another town or another day;
* **retelling** -- a later event of the same family with no date, named actor or town of
  its own other than the incident's ("The rockets struck shortly after morning prayers",
  "the army launched an offensive in Mekelle" after "Monday's airstrikes in Mekelle")
  retells the last incident;
* **restatement** -- a later event of the same family stated again with the same town and
  day, no other named actor and no other toll ("Three children were killed in an air strike
  on Mekelle on Monday" after the lead told it) is the same incident;
* **one more** -- an event noun marked as one more of its kind ("another attack", "a second
  air strike", "a fresh round of shelling") starts a new incident, whatever else agrees;
* **aftermath** -- a non-violent act with no doer, date or town of its own within three
  sentences of an act ("Flights were suspended", "security had been tightened") is part
  of that act's incident.

**Statements about** an act are never its members: accusations, condemnations, denials
("denied targeting civilians"), demands and threats, and the act a demand asks for ("called
for his release"), are linked to the incident they follow (or, with none before, the first
after) as ``statements``. A statement in a document with no act is an incident of its own.
Events that did not happen (future, hypothetical, negated) belong to no incident.

**What the incident tells fills what one sentence leaves out** (:func:`fill_from_incidents`):
"M23 rebels attacked army positions near Bunagana on Monday. Three soldiers were killed
in the attack." -- the second sentence's killing takes the attack's actor, town and day.
A member of an incident that lacks its doer, its place or its own date takes the one the
incident's members of its type state in its sentence or before it, marked ``inferred_source``,
``inferred_place`` or ``inferred_date`` (its evidence stays the sentence that states the
event); what a sentence states is never overwritten, members of another incident are
never read, and a doer is taken only when the members name one actor alone. What the
text has not told by then is read forward, from the incident's later sentences: "Shells
hit the market in Gharyan on Monday. ... The army later said its artillery had fired on
the market" -- the shelling takes the army as its doer (a later sentence that names the
doer, the place or the day of the same incident), under the same guards. One more of a
kind ("a second air strike") is an incident of its own, but with no doer named it takes
the doer of the last one of its family before it (:func:`_fill_one_more`). A
back-reference naming no doer or target of its own ("Friday's ambush was the deadliest
this year") reads as the act it refers to (:func:`_refers_back`), and a toll a sentence
states once is kept by the act its clause depends on (:func:`_toll_keeper`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from eventwire.extract.placechoice import NEAR_TOWN_KM, OFFSET_FEATURE, distance_before
from eventwire.extract.placespans import DIVISION_KIND_WORDS
from eventwire.knowledge.ontology import Ontology
from eventwire.model import (
    COUNTING_MODALITIES,
    Count,
    DocumentRecords,
    EventMention,
    Evidence,
    Place,
    PlaceMention,
    Span,
    When,
    mention_key,
)
from eventwire.resolve.facets import is_support_in_act
from eventwire.resolve.ids import stable_id
from eventwire.resolve.incident_ties import leader_ties, stated_seats, town_holders
from eventwire.text.calendar_words import WEEKDAY_NAMES
from eventwire.text.geo import haversine_km

TOWN_PRECISIONS = frozenset({"point", "city"})
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
DEMAND_TYPES = frozenset({"REQUEST", "THREATEN"})  # their embedded acts are their content
ANAPHOR_WORDS = frozenset({"the", "this", "these", "that", "those", "such"})
DAY_WORDS = frozenset({*WEEKDAY_NAMES, "yesterday", "today", "tonight", "weekend", "night"})
AFTERMATH_REACH = 3  # sentences after an act
RESTATE_REACH = 3  # earlier incidents of its family a restatement may tell again
UNDATED_WINDOW = 7  # days before publication an undated report may tell of


def mention_id(em: EventMention) -> tuple[str, int, str]:
    """The key under which event resolution files a mention's event."""
    return (em.article_id, em.trigger.start, em.type)


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
        return d, d + 6
    if when.precision == "month" and len(cal) == 7:
        first = date.fromisoformat(cal + "-01")
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    return None


def _lead_span(members: Sequence[EventMention]) -> tuple[int, int] | None:
    """The week or month the first member that dates itself states (the act, told
    first), or None when that member states a day, a year or nothing."""
    for em in members:
        if _own_date(em):
            return stated_span(em.when)
    return None


def holds_town(place: Place, town: Place) -> bool:
    """Whether ``town`` may be where an act placed only in ``place`` happened: ``place``
    is its country, or a division of its country holding it (the same governorate when
    both give one). A place set off a town by a distance ("40 km south of Tessalit") is
    its own point and holds no town: the article's only town may be where the convoy
    left from."""
    if place.feature == OFFSET_FEATURE or place.country not in (None, town.country):
        return False
    if is_district(place):
        return in_district(place, town)  # a district holds the towns around its own
    if place.precision == "country" or not (place.admin1 and town.admin1):
        return True
    return place.admin1 == town.admin1


def family_of(etype: str) -> str:
    """The family of an event type for blocking and compatibility: the PLOVER type,
    which the ontology's CAMEO and ACLED codes refine (a shelling and an armed clash
    are both ASSAULT)."""
    return etype


def best_place(places: Iterable[Place | None]) -> Place | None:
    """The most specific of ``places`` (a town over a governorate over a country)."""
    rank = {"point": 0, "city": 1, "admin2": 1.5, "admin1": 2, "country": 3, "region": 4}
    found = [p for p in places if p is not None]
    return min(found, key=lambda p: (rank.get(p.precision, 5), p.id), default=None)


def _happened(em: EventMention) -> bool:
    return em.modality in COUNTING_MODALITIES and not em.negated


def _is_statement(
    em: EventMention, sentence: Sequence[EventMention], violent: frozenset[str]
) -> bool:
    if em.modality == "denied" or "statement" in em.qualifiers:
        return True
    if em.type in STATEMENT_TYPES:
        return True
    if is_support_in_act(em, sentence, violent):  # a facet of the act: linked, not an incident
        return True
    # "called for his release": the act a demand asks for is the demand's content
    return (
        "embedded" in em.qualifiers
        and em.type not in violent
        and any(o.type in DEMAND_TYPES for o in sentence if o is not em)
    )


def _words_before(em: EventMention, n: int = 2) -> list[str]:
    offset = em.trigger.start - em.evidence.char_start
    head = em.evidence.sentence[: max(offset, 0)]
    # a typographic apostrophe is the same possessive: "Friday’s ambush"
    return head.lower().replace("\u2019", "'").replace("'s ", " 's ").split()[-n:]


def is_anaphoric(em: EventMention) -> bool:
    """An event noun a determiner or a day's possessive points back with: "the attack",
    "these shellings", "Saturday's blast", "Wednesday's drone strike" (the word before
    the trigger, or before its modifier); a day's possessive also before two modifiers,
    "Thursday's suicide car bombing", "Sunday’s deadly drone strike"."""
    words = _words_before(em, 4)
    for k in (len(words) - 1, len(words) - 2, len(words) - 3):
        if k < 0:
            continue
        w = words[k]
        if w in ANAPHOR_WORDS and k >= len(words) - 2:
            return True
        if w == "'s" and k > 0 and words[k - 1] in DAY_WORDS:
            return True
    return False


ANOTHER_WORDS = frozenset({"another", "second", "third", "fourth", "fresh", "new", "renewed",
                           "further", "separate", "later", "subsequent"})  # fmt: skip


# a sentence opened by a discourse marker of a distinct occurrence tells a new one:
# "Separately, a rocket hit a school", "In a separate incident, ...", "Elsewhere, ..."
SEPARATE_OPENERS = ("separately", "in a separate ", "elsewhere")


def is_another(em: EventMention) -> bool:
    """An event noun marked as one more of its kind: "another attack", "a second air
    strike", "the third explosion", "a fresh round of shelling" (a word before the trigger,
    or before its modifier), or told in a sentence opened by "Separately", "In a separate
    incident" or "Elsewhere"."""
    opening = em.evidence.sentence.lstrip(" \"'“").lower()
    if opening.startswith(SEPARATE_OPENERS):
        return True
    return any(w in ANOTHER_WORDS for w in _words_before(em, 3)[-2:])


# "<a span of time> after/before" opens a clause or phrase about another occurrence:
# "shelled the town on Monday, a week after jets bombed its clinic", "stormed the
# hideout on Wednesday, a day after a mine tore through a patrol", "days before gunmen
# stormed the camp". Plain "after" ("opened fire after protesters threw stones") does not.
_SPAN_OF_TIME = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few"
    r"|some|just|only)\s+)?(?:hours?|days?|nights?|weeks?|fortnight|months?|years?)\s+"
    r"(?:after|before|since)\b",
    re.IGNORECASE,
)


def retold_between(first: EventMention, later: EventMention) -> bool:
    """Whether the text of their sentence between two acts' triggers opens an earlier or
    later occurrence with a span of time ("..., a day after ...", see ``_SPAN_OF_TIME``):
    the act after it is not a consequence of the first."""
    start = first.evidence.char_start
    between = first.evidence.sentence[first.trigger.end - start : later.trigger.start - start]
    return bool(_SPAN_OF_TIME.search(between))


def _toll_differs(before: Sequence[EventMention], group: Sequence[EventMention]) -> bool:
    """Whether the two state different numbers of the same kind ("killed 5" / "killed 10")."""
    told: dict[str, set[int]] = {}
    for em in before:
        for c in em.counts:
            told.setdefault(c.kind, set()).add(c.value)
    return any(c.kind in told and c.value not in told[c.kind] for em in group for c in em.counts)


def _own_date(em: EventMention) -> str | None:
    """The date a mention states itself (a day, a month "since February"), not the
    publication date an undated clause defaults to, nor the day a time of day alone was
    read as (:func:`is_clock_time`)."""
    if em.when is None or em.when.precision == "publication" or is_clock_time(em.when.text):
        return None
    return em.when.calendar


# a time of day with no day: "at about 10 p.m.", "shortly before 11pm", "at 0300 GMT",
# "around midnight"
_CLOCK = re.compile(
    r"(?:(?:at|about|around|shortly|just|before|after|some|approximately|nearly|until|"
    r"by)\s+)*(?:\d{1,2}:\d{2}|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|\d{3,4}\s*(?:h|hrs|hours"
    r"|gmt|utc))(?:\s*(?:gmt|utc|local\s+time))?|(?:(?:at|about|around|shortly|just|before|"
    r"after)\s+)*(?:midnight|noon|midday)"
)


def is_clock_time(text: str | None) -> bool:
    """Whether a date phrase names only a time of day ("10 p.m.", "shortly before
    midnight"): the later sentence telling the hour of an act already dated ("The
    raiders came back shortly after 10 p.m. and fired at the shops") states no day of its own,
    though extraction reads the hour as a day (the day of publication, or the day the
    sentences before it gave), so it still retells the act rather than opening an
    incident of its own."""
    return bool(text) and _CLOCK.fullmatch(" ".join((text or "").casefold().split())) is not None


def _own_town(em: EventMention, divisions: frozenset[str]) -> Place | None:
    """The town a mention places itself in, or lies off (:func:`town_of`); a division
    read as its namesake town (``divisions``, :func:`division_places`) is none."""
    return town_of(as_division(em.place, divisions))


def town_of(place: Place | None) -> Place | None:
    """``place`` when it is a town, or a town an act lies off ("20 km south of Gao",
    :func:`is_near_town`: the town's point at ``admin2`` precision), else None."""
    return place if place and (place.precision in TOWN_PRECISIONS or is_near_town(place)) else None


def is_near_town(place: Place | None) -> bool:
    """Whether ``place`` is a town an act is only placed by ("20 km south of Arish", "west
    of Marib"): extraction keeps the town's point with ``admin2`` precision (ACLED's "near
    a town"), and the town's own feature (a populated place), unlike a district (a GeoNames
    division, ADM2 and finer). Within an article it is the act's town: a later sentence
    placing the act off a town tells the lead's incident again and lends it that place,
    and two acts off or in two different towns are two incidents."""
    return bool(place and place.precision == "admin2" and (place.feature or "").startswith("PPL"))


def _same_place(a: Place | None, b: Place | None) -> bool:
    """One place, whatever precision each report gives it (a town, and the same town's
    point as a place near it)."""
    return a is b or (a is not None and b is not None and a.id == b.id)


def _conflicts(inc: DocIncident, group: Sequence[EventMention]) -> bool:
    """Whether ``group`` names another town or a day more than one day from ``inc``'s."""
    town = best_place(_own_town(em, inc.divisions) for em in inc.members)
    day = inc.day
    for em in group:
        own = _own_town(em, inc.divisions)
        if town and own and own.id != town.id:
            return True
        d = _own_date(em)
        if day and d and len(d) != 10:
            return True  # "has clashed since February": another time
        if day and d and len(d) == 10:
            gap = abs(date.fromisoformat(d).toordinal() - date.fromisoformat(day).toordinal())
            if gap > 1:
                return True
    return False


def _named_in(
    group: Iterable[EventMention], named: frozenset[str], actor_of: dict[str, str]
) -> set[str]:
    found = set()
    for em in group:
        for span in (em.source, em.target):
            if span and (a := actor_of.get(mention_key(em.article_id, span))) in named:
                found.add(a)
    return found


def document_incidents(
    doc: DocumentRecords,
    onto: Ontology,
    mention_actor: dict[str, str],
    named: frozenset[str] = frozenset(),
) -> list[DocIncident]:
    """The incidents of one document (see the module docstring), in text order.

    ``named`` holds the resolved actor ids that count as named (not "police", "gunmen");
    with it empty, no actor stops a retelling. ``onto`` says which types are violent."""
    violent = onto.violent_types
    divisions = division_places(doc)
    ordered = sorted(doc.events, key=lambda e: (e.evidence.char_start, e.trigger.start, e.type))
    sentences: dict[int, list[EventMention]] = {}
    for em in ordered:
        sentences.setdefault(em.evidence.char_start, []).append(em)
    incidents: list[DocIncident] = []
    pending: list[tuple[int, EventMention]] = []  # statements before any act
    last_of: dict[str, int] = {}  # family -> index of its last incident
    last_act: tuple[int, int] | None = None  # (incident index, sentence number)
    for number, (_start, sentence) in enumerate(sorted(sentences.items())):
        groups: dict[tuple[str, int], list[EventMention]] = {}
        said: list[EventMention] = []  # linked after the sentence's acts: "condemned the attack"
        part = 0  # acts after "a week after" in the sentence tell an earlier occurrence
        last: EventMention | None = None
        for em in sentence:
            if not _happened(em) and em.modality != "denied":
                continue
            if _is_statement(em, sentence, violent):
                said.append(em)
                continue
            if last is not None and retold_between(last, em):
                part += 1
            last = em
            fam = "violence" if em.type in violent else family_of(em.type)
            groups.setdefault((fam, part), []).append(em)
        told_here: list[tuple[int, int]] = []  # (trigger start, incident) of this sentence
        for (fam, part), group in groups.items():
            target, rule = _joins(incidents, last_of, last_act, number, fam, group, violent,
                                  named, mention_actor, divisions)  # fmt: skip
            if part and target in {k for _at, k in told_here}:
                target, rule = None, ""  # a retold act is not the act its sentence tells
            if target is None:
                incidents.append(DocIncident(doc.article_id, rules=["act and consequence"]
                                             if len(group) > 1 else [], family_key=fam,
                                             divisions=divisions, onto=onto))  # fmt: skip
                target = len(incidents) - 1
            elif rule:
                incidents[target].rules.append(rule)
            incidents[target].members.extend(group)
            told_here += [(em.trigger.start, target) for em in group]
            if part:
                continue  # later sentences go on telling the sentence's own act
            last_of[fam] = target
            if rule != "aftermath":
                last_act = (target, number)
        for em in said:
            if incidents:
                at = _sentence_act(told_here, em)
                at = _statement_target(incidents, last_act) if at is None else at
                incidents[at].statements.append(em)
            else:
                pending.append((number, em))
    if incidents:
        for _n, em in pending:  # with no act before them, statements are about the first
            incidents[0].statements.append(em)
    else:
        # a statement is an occurrence of its own; a denial of an act that is told nowhere
        # else is no incident. Mentions of one trigger and type ("teachers and nurses
        # demanded ...": one a subject) are one statement, so one incident
        said_once: dict[tuple[int, str], DocIncident] = {}
        for _n, em in pending:
            if not _happened(em):
                continue
            key = (em.trigger.start, em.type)
            if key in said_once:
                said_once[key].members.append(em)
            else:
                said_once[key] = DocIncident(doc.article_id, members=[em], divisions=divisions,
                                             onto=onto)  # fmt: skip
        incidents = list(said_once.values())
    town = _only_town(doc)
    ties = frozenset(t for t in leader_ties(doc.events, mention_actor)
                     if t[0] in named and t[1] in named)  # fmt: skip
    holders = {p: a for p, a in town_holders(doc.events, mention_actor, TOWN_PRECISIONS).items()
               if a in named}  # fmt: skip
    seats = {a: s for a, s in stated_seats(doc.events, mention_actor).items() if a in named}
    for inc in incidents:
        inc.fallback_place = town
        inc.ties = ties
        inc.holders = holders
        inc.seats = seats
    return incidents


def _sentence_act(told: Sequence[tuple[int, int]], em: EventMention) -> int | None:
    """The incident a statement is about when its sentence tells acts too: the act told
    just before it ("hundreds **marched** in the town to **demand** justice, a year after
    gunmen killed eight": the march), else the first told after it ("the mission
    **condemned** the **attack**"); None when the sentence tells no act."""
    before = [(at, k) for at, k in told if at < em.trigger.start]
    if before:
        return max(before)[1]
    return min(told)[1] if told else None


def _statement_target(incidents: list[DocIncident], last_act: tuple[int, int] | None) -> int:
    return last_act[0] if last_act else len(incidents) - 1


def _joins(
    incidents: list[DocIncident],
    last_of: dict[str, int],
    last_act: tuple[int, int] | None,
    number: int,
    fam: str,
    group: list[EventMention],
    violent: frozenset[str],
    named: frozenset[str],
    actor_of: dict[str, str],
    divisions: frozenset[str],
) -> tuple[int | None, str]:
    """The incident ``group`` (one sentence's events of one family) joins, and why
    (``divisions``: :func:`division_places` of the document)."""
    another = any(is_another(em) for em in group)
    if fam in last_of and not another:
        k = last_of[fam]
        inc = incidents[k]
        if not _conflicts(inc, group):
            if any(is_anaphoric(em) for em in group):
                return k, "anaphora"
            own = _named_in(group, named, actor_of)
            before = _named_in(inc.members, named, actor_of)
            undated = not any(_own_date(em) for em in group)
            # no town of its own, or the incident's own town ("in Mekelle" again)
            town = best_place(_own_town(em, divisions) for em in inc.members)
            untowned = all(_own_town(em, divisions) is None
                           or _same_place(_own_town(em, divisions), town)
                           for em in group)  # fmt: skip
            if undated and untowned and (not before or own <= before):
                return k, "retelling"
        if (past := _retold_past_background(incidents, k, group, named, actor_of)) is not None:
            return past, "retelling"
    towns = [t for em in group if (t := _own_town(em, divisions))]
    if not another and towns and any(_own_date(em) for em in group):
        earlier = [i for i, inc in enumerate(incidents) if inc.family_key == fam]
        # the latest first, but an incident in the group's own town before one that only
        # lies in its country
        ids = {t.id for t in towns}
        order = sorted(reversed(earlier[-RESTATE_REACH:]),
                       key=lambda k: getattr(incidents[k].place, "id", None) not in ids)  # fmt: skip
        for k in order:
            if _restates(incidents[k], group, towns, named, actor_of):
                return k, "restatement"
    if (
        fam != "violence"
        and last_act is not None
        and number - last_act[1] <= AFTERMATH_REACH
        and not any(_own_date(em) or _own_town(em, divisions) for em in group)
        and not any(em.source for em in group)
        and incidents[last_act[0]].type in violent
    ):
        return last_act[0], "aftermath"
    return None, ""


def _background(inc: DocIncident, group: Sequence[EventMention]) -> bool:
    """Whether ``inc`` is set in another time than an undated ``group`` can tell of: its
    days all end before the week before the day the group stands in with ("launched an
    offensive last November" under a report of yesterday's strikes)."""
    window = inc.window()
    days = [_published(em) for em in group]
    if window is None or not days or None in days or any(_own_date(em) for em in group):
        return False
    earliest = min(date.fromisoformat(d).toordinal() for d in days if d and len(d) == 10)
    return window[1] < earliest - UNDATED_WINDOW


def _retold_past_background(
    incidents: list[DocIncident],
    last: int,
    group: list[EventMention],
    named: frozenset[str],
    actor_of: dict[str, str],
) -> int | None:
    """The incident an undated ``group`` retells past background told in between: "Three
    children were killed in airstrikes in Mekelle on Monday. ... The government launched
    its offensive last November. ... The state agency said the air force had hit a
    facility in Mekelle" -- the last incident of the family (``last``) is set in another
    time, so the story's incident before it that holds the group's town is the one told
    again (same town, no other named actor, no other date). None when the last incident
    is not background, or no earlier incident of the story fits."""
    divisions = incidents[last].divisions
    towns = {t.id for em in group if (t := _own_town(em, divisions))}
    if len(towns) != 1 or not _background(incidents[last], group):
        return None
    fam = incidents[last].family_key
    earlier = [k for k in range(last) if incidents[k].family_key == fam][-RESTATE_REACH:]
    for k in reversed(earlier):
        inc = incidents[k]
        if _background(inc, group):
            continue
        town = best_place(_own_town(em, divisions) for em in inc.members)
        own = _named_in(group, named, actor_of)
        before = _named_in(inc.members, named, actor_of)
        if town is None or town.id not in towns or _conflicts(inc, group):
            return None
        return k if not before or own <= before else None
    return None


def _restates(
    inc: DocIncident,
    group: list[EventMention],
    towns: list[Place],
    named: frozenset[str],
    actor_of: dict[str, str],
) -> bool:
    """Whether ``group`` tells ``inc`` again: its day, its town or a place holding it, no
    other named actor and no other toll."""
    own = _named_in(group, named, actor_of)
    before = _named_in(inc.members, named, actor_of)
    town, place = best_place(towns), inc.place
    inside = place is None or _same_place(place, town) or (
        place.precision not in TOWN_PRECISIONS and not is_near_town(place)
        and place.country in (None, town and town.country)
    )  # fmt: skip
    told_then = bool(inc.day) or (place is not None and _same_place(place, town)
                                  and _undated_lead_holds(inc, group))  # fmt: skip
    return bool(
        told_then and inside and (not before or not own or own <= before)
        and not _conflicts(inc, group) and not _toll_differs(inc.members, group)
    )  # fmt: skip


def _undated_lead_holds(inc: DocIncident, group: Sequence[EventMention]) -> bool:
    """Whether ``inc`` is told with no date of its own (a lead dated only by its report:
    "Jets killed four people in strikes on Dorvale, aid workers said Friday") and the
    days ``group`` states fall in the week before it was reported: the later sentence
    gives the lead's day ("... the strike on Dorvale's market on Thursday")."""
    if any(_own_date(em) for em in inc.members):
        return False
    window = inc.window()
    days = [d for em in group if (d := _own_date(em)) and len(d) == 10]
    if window is None or not days:
        return False
    return all(window[0] <= date.fromisoformat(d).toordinal() <= window[1] for d in days)


def _only_town(doc: DocumentRecords) -> Place | None:
    """The one town the article's place mentions name, if exactly one: where an incident
    that places nothing itself happened ("on the northern edge of Gharyan"). A town named
    only in the dateline (where the report was filed: "N'DJAMENA, Chad (Wire) --") or
    only as a far reference point ("270 km east of Lima") is not where the article's
    incidents happened (:func:`is_dateline`, :func:`is_reference_point`)."""
    towns = {p.place.id: p.place for p in doc.places
             if p.place and p.place.precision in TOWN_PRECISIONS and not p.is_actor
             and not is_dateline(p) and not is_reference_point(p)}  # fmt: skip
    return next(iter(towns.values())) if len(towns) == 1 else None


def is_dateline(pm: PlaceMention) -> bool:
    """Whether a place mention is a report's dateline ("NIAMEY, Niger (Wire) --"), as
    extraction zoned the page (``PlaceMention.zone``)."""
    return pm.zone == "dateline"


def is_reference_point(pm: PlaceMention) -> bool:
    """Whether a town is named as a reference point: the act placed farther off it than a
    place near a town lies (``NEAR_TOWN_KM``: "270 km east of Lima", "40 miles from
    Gao"), which tells where the act happened no better than the country. A place near
    a town ("near Bama", "20 km south of Arish", "outside the town") is that town's, as
    everywhere in the incidents. The distance is read as extraction reads it
    (:func:`~eventwire.extract.placechoice.distance_before`)."""
    ev, span = pm.evidence, pm.span
    head = ev.sentence[max(span.start - ev.char_start - 60, 0) : max(span.start - ev.char_start, 0)]
    off = distance_before(head)
    return off is not None and off.km > NEAR_TOWN_KM


# the words of a division (its kind word, last in its name): "the Borno region",
# "Kashmore district", "Ituri province". The kind words extraction reads after a name
# (one list), but "municipality" and "commune" (a town's own area: the town's, not its
# governorate's) and "emirate" (a state's formal name); and "division" and "regency",
# which end only a gazetteer's own name of one ("Dhaka Division", "Bandung Regency"):
# extraction does not read them after a name, where "division" is mostly an army's
DIVISION_WORDS = (DIVISION_KIND_WORDS - {"municipality", "commune", "emirate"}) | {
    "division",
    "regency",
}
# ... of them, the words of a second-level division, a district: "Kashmore district",
# "Bama county", "the Mopti prefecture" (a part of a province, not the province)
DISTRICT_WORDS = frozenset({"district", "county", "prefecture", "department", "regency"})
DISTRICT_MARK = "district:"  # ``division_places`` marks a district's id with it
# How far from its namesake town's point a district read as that town reaches (km): a
# district is a town's surroundings, the reach the join gives a place of ``admin2``
# precision (``incidents.PRECISION_REACH_KM``)
DISTRICT_KM = 75.0


def division_places(doc: DocumentRecords) -> frozenset[str]:
    """The ids of the places an article names as a division that extraction read as its
    namesake town, at the town's point with ``admin2`` precision ("Kashmore district"
    placed at Kashmore's point): the name with its kind word last. A district (its kind
    word among :data:`DISTRICT_WORDS`) is marked: :data:`DISTRICT_MARK` before its id."""
    found = set()
    for pm in doc.places:
        words = pm.span.text.casefold().split()
        if pm.place and is_near_town(pm.place) and words and words[-1] in DIVISION_WORDS:
            mark = DISTRICT_MARK if words[-1] in DISTRICT_WORDS else ""
            found.add(f"{mark}{pm.place.id}")
    return frozenset(found)


def as_division(place: Place | None, divisions: frozenset[str]) -> Place | None:
    """``place``, but a division read as its namesake town (:func:`division_places`) as
    that division: all that is known is that the act lies in it, so it is neither that
    town nor another. A province, region or state is the governorate of that town (a town
    of another governorate still rules it out); a district is a district
    (:func:`is_district`), the town's surroundings: its point, ``admin2`` precision,
    :data:`DISTRICT_KM` around it, never the whole province the town lies in."""
    if place is None or not is_near_town(place):
        return place
    if f"{DISTRICT_MARK}{place.id}" in divisions:
        return replace(place, id=f"{DISTRICT_MARK}{place.id}", feature="ADM2")
    if place.id not in divisions:
        return place
    return replace(place, id=f"admin1:{place.admin1}" if place.admin1 else f"near:{place.id}",
                   precision="admin1", feature="ADM1")  # fmt: skip


def is_district(place: Place | None) -> bool:
    """Whether ``place`` is a district read as its namesake town (:func:`as_division`)."""
    return bool(place and place.id.startswith(DISTRICT_MARK))


def in_district(district: Place, place: Place) -> bool:
    """Whether ``place`` (a point: a town, a site) may lie in ``district``: within
    :data:`DISTRICT_KM` of its namesake town's point."""
    if None in (district.lat, district.lon, place.lat, place.lon):
        return district.admin1 in (None, place.admin1)
    far = haversine_km(district.lat, district.lon, place.lat, place.lon)  # type: ignore[arg-type]
    return far <= DISTRICT_KM


def is_town_record(place_mention: object) -> bool:
    """Whether a stored place mention (its JSON form) is one :func:`_only_town` reads: a
    town named as a place, not as an actor. A store that reads documents without their
    place mentions (the bulk of a record) keeps these, so an incremental refresh finds
    the article's only town as a rebuild does."""
    if not isinstance(place_mention, dict) or place_mention.get("is_actor"):
        return False
    place = place_mention.get("place")
    return isinstance(place, dict) and place.get("precision") in TOWN_PRECISIONS


def fill_from_incidents(
    events: Sequence[EventMention],
    incidents: Iterable[DocIncident],
    mention_actor: dict[str, str],
    named: frozenset[str],
) -> tuple[EventMention, ...]:
    """``events`` with what their incident tells filled in (see the module docstring), in
    their order: a member with no doer, no place or no date of its own takes the one its
    incident's other members of its type state, marked ``inferred_*`` in its qualifiers."""
    filled: dict[int, EventMention] = {}
    incident_of: dict[int, int] = {}
    for n, inc in enumerate(incidents):
        by_type: dict[str, list[EventMention]] = {}
        for em in inc.members:
            by_type.setdefault(em.type, []).append(em)
            incident_of[id(em)] = n
        for members in by_type.values():
            if len(members) > 1:
                for em in members:
                    filled[id(em)] = _filled(em, members, mention_actor, named)
                    filled[id(em)] = _refers_back(filled[id(em)], members, mention_actor)
    _fill_one_more(list(incidents), filled, mention_actor, named)
    # a filled mention that now reads like a mention of another incident (same type,
    # actors, place and date) would be joined to it as one event: it stays as stated
    told_by: dict[tuple[object, ...], set[int]] = {}
    for em in events:
        key = _event_key(filled.get(id(em), em), mention_actor)
        told_by.setdefault(key, set()).add(incident_of.get(id(em), -1 - len(told_by)))
    final = {
        id(em): done
        if (done := filled.get(id(em), em)) is em
        or len(told_by[_event_key(done, mention_actor)]) == 1
        else em
        for em in events
    }
    for inc in incidents:
        _keep_tolls(inc.members, final, mention_actor, named)
    return tuple(final[id(em)] for em in events)


def _fill_one_more(
    incidents: Sequence[DocIncident],
    filled: dict[int, EventMention],
    mention_actor: dict[str, str],
    named: frozenset[str],
) -> None:
    """One more of a kind takes the doer of the one before: "Israeli jets struck a camp in
    the north. A second air strike hit a school" -- the second strike is the jets' too.
    An incident opened by an act marked as one more of its kind (:func:`is_another`) whose
    members name no doer takes the sole doer of the last incident of its family before
    it, for its members of a type that incident's doer did, under the guards of
    :func:`_filled` (never a member's own target, marked ``inferred_source``). Its place
    and day stay its own: one more strike may be elsewhere or later."""
    last_of: dict[str, DocIncident] = {}
    for inc in incidents:
        before = last_of.get(inc.family_key)
        last_of[inc.family_key] = inc
        if before is None or not inc.members or not is_another(inc.members[0]):
            continue
        members = [filled.get(id(em), em) for em in inc.members]
        if any(em.source for em in members if _states_the_act(em)):
            continue  # the new one names its own doer (or someone else)
        earlier = [filled.get(id(em), em) for em in before.members]
        doer = _sole_doer(earlier, mention_actor, named)
        if doer is None:
            continue
        doer_actor = mention_actor.get(mention_key(inc.article_id, doer))
        types = {em.type for em in earlier if _states_the_act(em) and em.source
                 and _doer_of(em, mention_actor) == doer_actor}  # fmt: skip
        for original, em in zip(inc.members, members, strict=True):
            target = em.target and mention_actor.get(mention_key(em.article_id, em.target))
            if em.source is not None or em.type not in types or target == doer_actor:
                continue
            qualifiers = tuple(dict.fromkeys((*em.qualifiers, "inferred_source")))
            filled[id(original)] = replace(em, source=doer, qualifiers=qualifiers)


def _keep_tolls(
    members: Sequence[EventMention],
    final: dict[int, EventMention],
    mention_actor: dict[str, str],
    named: frozenset[str],
) -> None:
    """A toll a sentence states once for its incident is kept by the act that sentence
    tells first with its named doer ("Israeli air strikes hit two homes, killing at least
    20": the strikes, not the killing of "people"), else, with no doer named, by the act
    the toll's clause depends on (:func:`_toll_keeper`); the incident's other members of
    that sentence give it up, so no sibling event of the same incident takes it instead.

    A count of people taken (arrested, kidnapped: ``HELD_KINDS``) is kept by the act that
    took them, an act of the holding type the sentence tells with that count ("police
    fired tear gas and arrested 40 people": the arrests keep the 40, not the firing)."""
    sentences: dict[int, dict[int, EventMention]] = {}
    for em in members:
        sentences.setdefault(em.evidence.char_start, {})[id(em)] = final[id(em)]
    for by_id in sentences.values():
        told = list(by_id.values())
        if len(told) < 2 or not any(em.counts for em in told):
            continue
        ordered = sorted(told, key=lambda e: (e.trigger.start, e.type))
        doers = [e for e in ordered if e.source and _is_named(e, e.source, mention_actor, named)]
        keeper = doers[0] if doers else _toll_keeper(told)
        keeper_of = {_toll_key(c): keeper for em in told for c in em.counts}
        for em in ordered:
            if em.type != HOLDING_TYPE:
                continue
            for c in em.counts:
                if c.kind in HELD_KINDS and keeper_of[_toll_key(c)] is keeper:
                    keeper_of[_toll_key(c)] = em  # the first act that took them
        if any(not any(_toll_key(c) == key for c in em.counts) for key, em in keeper_of.items()):
            continue  # a keeper does not carry its toll of the sentence: left as told
        for key, em in by_id.items():
            kept = tuple(c for c in em.counts if keeper_of[_toll_key(c)] is em)
            if len(kept) != len(em.counts):
                final[key] = replace(em, counts=kept)


# counts of people an act takes, kept by the act of the type that takes them
HELD_KINDS = frozenset({"arrested", "kidnapped"})
HOLDING_TYPE = "COERCE"


def _toll_keeper(told: Sequence[EventMention]) -> EventMention:
    """The act of one sentence its toll belongs to: one the outlet tells (not an act
    embedded in a noun phrase, "shells **fired** by the militia struck a market"), then the
    act a participle clause of the toll hangs on ("shells struck a market, killing 12":
    the act told last before ", killing"; :func:`_governing_acts`), then one with a
    target (the victims' side), then the first told."""
    governing = _governing_acts(told)
    return min(told, key=lambda e: (not _states_the_act(e), id(e) not in governing,
                                    e.target is None, e.trigger.start, e.type))  # fmt: skip


# a participle clause of consequence after its act: "..., killing 12 and wounding 31"
_CONSEQUENCE = re.compile(r"(?:,|\band)\s+$")
_AND = re.compile(r"\band\b")


def _governing_acts(told: Sequence[EventMention]) -> set[int]:
    """The acts (by ``id``) whose clause a toll of the sentence depends on: for a toll
    stated after a comma ("struck a market in the town on Friday, killing 12"), the last
    act the outlet tells before that comma that is not itself a participle of
    consequence ("..., killing 12, wounding 31": the 31 hangs on the act before
    "killing"). A toll in the sentence's first clause ("12 were killed when ...") has
    none: its verb is the act."""
    sentence = told[0].evidence.sentence
    base = told[0].evidence.char_start
    acts = sorted((e for e in told if _states_the_act(e)), key=lambda e: e.trigger.start)
    governing: set[int] = set()
    for em in told:
        for c in em.counts:
            if c.span is None:
                continue
            clause = sentence.rfind(",", 0, max(c.span.start - base, 0))
            if clause < 0:
                continue
            before = [a for a in acts if a.trigger.end - base <= clause
                      and not _is_consequence(a, sentence, base)]  # fmt: skip
            # coordinated acts share the clause: "shelled the town and stormed its post,
            # killing six" -- the first of them keeps it
            k = len(before) - 1
            while k > 0 and _AND.search(sentence[before[k - 1].trigger.end - base
                                                 : before[k].trigger.start - base]):  # fmt: skip
                k -= 1
            if before:
                governing.add(id(before[k]))
    return governing


def _is_consequence(em: EventMention, sentence: str, base: int) -> bool:
    """Whether ``em`` is a participle of consequence: an "-ing" trigger after a comma or
    "and" ("..., killing 12", "... and wounding 31")."""
    head = sentence[: max(em.trigger.start - base, 0)]
    return em.trigger.text.lower().endswith("ing") and bool(_CONSEQUENCE.search(head))


def _is_named(
    em: EventMention, span: Span, mention_actor: dict[str, str], named: frozenset[str]
) -> bool:
    return mention_actor.get(mention_key(em.article_id, span)) in named


def _toll_key(c: Count) -> tuple[object, ...]:
    return (c.kind, c.value, c.span.start if c.span else c.evidence.char_start)


def _event_key(em: EventMention, mention_actor: dict[str, str]) -> tuple[object, ...]:
    """What event resolution tells two mentions of one article apart by."""
    source = em.source and mention_actor.get(mention_key(em.article_id, em.source))
    target = em.target and mention_actor.get(mention_key(em.article_id, em.target))
    return (em.type, source, target, em.place and em.place.id, em.when and em.when.calendar)


def _filled(
    em: EventMention,
    members: Sequence[EventMention],
    mention_actor: dict[str, str],
    named: frozenset[str],
) -> EventMention:
    inferred: list[str] = []
    source, place, when = em.source, em.place, em.when
    # what the text told by then (the members of this sentence and the ones before it)
    # comes first; only what it never told by then is read from the later sentences
    start = em.evidence.char_start
    before = [o for o in members if o is not em and o.evidence.char_start <= start]
    after = [o for o in members if o.evidence.char_start > start]
    told = [o for o in before if _states_the_act(o)]
    doers = before if any(_doer_of(o, mention_actor) for o in told) else after
    if source is None and (doer := _sole_doer(doers, mention_actor, named)) is not None:
        target = em.target and mention_actor.get(mention_key(em.article_id, em.target))
        if target != mention_actor.get(mention_key(em.article_id, doer)):
            source = doer
            inferred.append("inferred_source")
    places = before if any(o.place for o in told) else after
    if place is None and (found := best_place(o.place for o in places if _states_the_act(o))):
        place = found
        inferred.append("inferred_place")
    dated = before if any(_own_date(o) for o in told) else after
    if _own_date(em) is None and (day := _told_date(dated, _published(em))) is not None:
        when = day
        inferred.append("inferred_date")
    if not inferred:
        return em
    qualifiers = tuple(dict.fromkeys((*em.qualifiers, *inferred)))
    return replace(em, source=source, place=place, when=when, qualifiers=qualifiers)


ROLE_QUALIFIERS = ("source_", "target_", "means_")  # what an act tells of its sides and weapon


def _refers_back(
    em: EventMention, members: Sequence[EventMention], mention_actor: dict[str, str]
) -> EventMention:
    """A back-reference to an act already told reads as that act's sides: "Gunmen stormed
    a market on Friday ... Friday's ambush was the deadliest this year" / "The attack drew
    condemnation". An anaphoric event noun (:func:`is_anaphoric`) naming no target and
    no doer other than one filled in from its incident takes the target, the doer and the
    side and weapon qualifiers of the first act of its type told before it with a doer or
    a target (``members``: the incident's members of its type, in text order), marked
    ``inferred_source``/``inferred_target``; so when it names the act by the same kind of
    word the two are one event, not an act and a doer-less shadow of it. It keeps its own
    trigger lemma, and so its own codes: "police raided the house ... the arrests
    followed" tells of arrests, which the raid's code would lose; the incident links the
    two. When the acts told before it give two doers or two targets, it refers to
    neither."""
    own_doer = em.source is not None and "inferred_source" not in em.qualifiers
    if em.target is not None or own_doer or not is_anaphoric(em):
        return em
    told = [o for o in members if o.evidence.char_start < em.evidence.char_start
            and _states_the_act(o) and not is_anaphoric(o) and (o.source or o.target)]  # fmt: skip
    sides = {(_doer_of(o, mention_actor) or (o.source and o.source.text),
              o.target and mention_actor.get(mention_key(o.article_id, o.target), o.target.text))
             for o in told}  # fmt: skip
    if len(sides) != 1:
        return em
    lead = told[0]
    inferred = [q for q, told in (("inferred_source", lead.source), ("inferred_target",
                lead.target)) if told]  # fmt: skip
    roles = [q for q in lead.qualifiers if q.startswith(ROLE_QUALIFIERS)]
    qualifiers = tuple(dict.fromkeys((*em.qualifiers, *roles, *inferred)))
    return replace(em, source=lead.source, target=lead.target, qualifiers=qualifiers)


def _doer_of(em: EventMention, mention_actor: dict[str, str]) -> str | None:
    """The resolved actor ``em`` gives as its doer, if any."""
    return mention_actor.get(mention_key(em.article_id, em.source)) if em.source else None


def _sole_doer(
    members: Iterable[EventMention], mention_actor: dict[str, str], named: frozenset[str]
) -> Span | None:
    """The span of the one actor ``members`` give as doer (the first that states it): the
    one named actor, else, with none named, the one unnamed group ("gunmen"); None when
    they give none or two."""
    doers: dict[str, Span] = {}
    unnamed: dict[str, Span] = {}
    for em in members:
        if not _states_the_act(em):
            continue
        if em.source and (actor := _doer_of(em, mention_actor)):
            (doers if actor in named else unnamed).setdefault(actor, em.source)
    found = doers or unnamed
    return next(iter(found.values())) if len(found) == 1 else None


def _states_the_act(em: EventMention) -> bool:
    """Whether ``em`` tells the act as the outlet or a source reports it, not as a claim
    inside another statement ("accused the army of targeting civilians")."""
    return em.modality in ("asserted", "reported") and "embedded" not in em.qualifiers


def _published(em: EventMention) -> str | None:
    """The publication day an undated mention stands in with, if it carries one."""
    return em.when.calendar if em.when and em.when.precision == "publication" else None


def _told_date(members: Iterable[EventMention], published: str | None) -> When | None:
    """The date ``members`` state themselves when they agree on one (the earliest day
    when several days are stated: the act precedes its aftermath); else None. A date
    after ``published`` is a misreading, never passed on."""
    own = [
        em.when
        for em in members
        if em.when and _own_date(em) and _states_the_act(em)
        and not (published and (em.when.calendar or "") > published)
    ]  # fmt: skip
    days = sorted((w for w in own if w.precision == "day"), key=lambda w: w.calendar or "")
    if days:
        return days[0]
    return own[0] if own and len({w.calendar for w in own}) == 1 else None
