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
  retells the last incident; so does one whose only new named actors are its doers when
  the last incident names no doer ("They died when rebels of the Front opened fire on
  their boat" after "three soldiers were killed in Saturday's ambush");
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

The cues these rules read in a mention's words are in
:mod:`eventwire.resolve.doc_incident_cues`, the places of an article in
:mod:`eventwire.resolve.doc_incident_places`, the record in
:mod:`eventwire.resolve.doc_incident_record`, and what an incident fills in of its
members in :mod:`eventwire.resolve.doc_incident_fill`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from eventwire.knowledge.ontology import Ontology
from eventwire.model import COUNTING_MODALITIES, DocumentRecords, EventMention, Place, mention_key
from eventwire.resolve.doc_incident_cues import (
    is_anaphoric,
    is_another,
    is_clock_time,
    own_date,
    published_day,
    retold_between,
    told_away,
)
from eventwire.resolve.doc_incident_fill import fill_from_incidents
from eventwire.resolve.doc_incident_places import (
    DISTRICT_KM,
    DISTRICT_MARK,
    TOWN_PRECISIONS,
    as_division,
    best_place,
    division_places,
    holds_town,
    in_district,
    is_dateline,
    is_district,
    is_near_town,
    is_reference_point,
    is_town_record,
    only_town,
    own_town,
    same_place,
    town_of,
)
from eventwire.resolve.doc_incident_record import (
    UNDATED_WINDOW,
    DocIncident,
    family_of,
    mention_id,
    stated_span,
)
from eventwire.resolve.facets import is_support_in_act
from eventwire.resolve.incident_period import told_over_a_period
from eventwire.resolve.incident_ties import leader_ties, stated_seats, town_holders

__all__ = [  # the names the join and the tests read from here
    "DISTRICT_KM",
    "DISTRICT_MARK",
    "TOWN_PRECISIONS",
    "UNDATED_WINDOW",
    "DocIncident",
    "as_division",
    "best_place",
    "division_places",
    "document_incidents",
    "family_of",
    "fill_from_incidents",
    "holds_town",
    "in_district",
    "is_anaphoric",
    "is_clock_time",
    "is_dateline",
    "is_district",
    "is_near_town",
    "is_reference_point",
    "is_town_record",
    "mention_id",
    "retold_between",
    "stated_span",
    "town_of",
]

STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
DEMAND_TYPES = frozenset({"REQUEST", "THREATEN"})  # their embedded acts are their content
AFTERMATH_REACH = 3  # sentences after an act
RESTATE_REACH = 3  # earlier incidents of its family a restatement may tell again


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


def _toll_differs(before: Sequence[EventMention], group: Sequence[EventMention]) -> bool:
    """Whether the two state different numbers of the same kind ("killed 5" / "killed 10")."""
    told: dict[str, set[int]] = {}
    for em in before:
        for c in em.counts:
            told.setdefault(c.kind, set()).add(c.value)
    return any(c.kind in told and c.value not in told[c.kind] for em in group for c in em.counts)


def _conflicts(inc: DocIncident, group: Sequence[EventMention]) -> bool:
    """Whether ``group`` names another town or a day more than one day from ``inc``'s.

    A consequence told with the act's noun pointing back ("Nine other people were
    wounded **in the shelling**", "two more died on Thursday of wounds from **the
    attack**") is dated by that noun: when the sentence's anaphoric act noun is dated to
    the incident's day, another day on its consequence (the day the wounded died,
    or a day carried over from the sentence before) is no other occurrence.

    An act the sentence sets a distance off the story's own place ("arrested three men in
    a camp in Teknaf, **about 40 km to the south**", :func:`told_away`) lies elsewhere:
    another place than ``inc``'s, even when ``inc``'s town was not read, unless it is
    placed in ``inc``'s own town."""
    town = best_place(own_town(em, inc.divisions) for em in inc.members)
    day = inc.day
    pointed = day is not None and _points_back(group, day)
    for em in group:
        own = own_town(em, inc.divisions)
        if town and own and own.id != town.id:
            return True
        if told_away(em) and not (town and own and own.id == town.id):
            return True  # "in a camp in Teknaf, about 40 km to the south": elsewhere
        if pointed:
            continue
        d = own_date(em)
        if day and d and len(d) != 10:
            return True  # "has clashed since February": another time
        if day and d and len(d) == 10:
            gap = abs(date.fromisoformat(d).toordinal() - date.fromisoformat(day).toordinal())
            if gap > 1:
                return True
    return False


def _points_back(group: Sequence[EventMention], day: str) -> bool:
    """Whether ``group`` holds an anaphoric act noun ("the shelling", "Saturday's raid")
    dated to ``day`` or the day next to it (a noun read with no day of its own says
    nothing: "the attack on the post" in a sentence of another day may be a new act)."""
    for em in group:
        if not is_anaphoric(em):
            continue
        d = own_date(em)
        if d is not None and len(d) == 10:
            gap = abs(date.fromisoformat(d).toordinal() - date.fromisoformat(day).toordinal())
            if gap <= 1:
                return True
    return False


def _named_in(
    group: Iterable[EventMention], named: frozenset[str], actor_of: Mapping[str, str]
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
    mention_actor: Mapping[str, str],
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
    town = only_town(doc)
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
    actor_of: Mapping[str, str],
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
            undated = not any(own_date(em) for em in group)
            # no town of its own, or the incident's own town ("in Mekelle" again)
            town = best_place(own_town(em, divisions) for em in inc.members)
            untowned = all(own_town(em, divisions) is None
                           or same_place(own_town(em, divisions), town)
                           for em in group)  # fmt: skip
            if undated and untowned and (not before or own <= before):
                return k, "retelling"
            if undated and untowned and _names_the_doer(inc, group, own - before, actor_of):
                return k, "retelling, its doer named"
        if (past := _retold_past_background(incidents, k, group, named, actor_of)) is not None:
            return past, "retelling"
    towns = [t for em in group if (t := own_town(em, divisions))]
    if not another and towns and any(own_date(em) for em in group):
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
        and not any(own_date(em) or own_town(em, divisions) for em in group)
        and not any(em.source for em in group)
        and incidents[last_act[0]].type in violent
    ):
        return last_act[0], "aftermath"
    return None, ""


def _names_the_doer(
    inc: DocIncident, group: Sequence[EventMention], new: set[str], actor_of: Mapping[str, str]
) -> bool:
    """Whether ``group`` (undated, in no other town) tells the act of ``inc`` again and
    names the doer its report left unnamed: "Three soldiers were killed in Saturday's
    ambush ... They died when rebels of the Front opened fire on their boat." The lead names
    no one as the doer (the soldiers hit may be named), the actors ``group`` names anew are
    all doers of its acts, none is named as hit by the lead, and no act of it is told over a
    period or as a campaign ("the Front has attacked army posts for years" is background,
    not the ambush). One more of a kind ("another attack") never gets here."""
    if not new or any(told_over_a_period(em) for em in group):
        return False
    if any(em.source and actor_of.get(mention_key(em.article_id, em.source)) is not None
           for em in inc.members):  # fmt: skip
        return False  # the lead names a doer ("gunmen" counts): a new one is another act
    doers = {a for em in group if em.source
             and (a := actor_of.get(mention_key(em.article_id, em.source))) is not None}  # fmt: skip
    hit = {a for em in inc.members if em.target
           and (a := actor_of.get(mention_key(em.article_id, em.target))) is not None}  # fmt: skip
    return new <= doers and not new & hit


def _background(inc: DocIncident, group: Sequence[EventMention]) -> bool:
    """Whether ``inc`` is set in another time than an undated ``group`` can tell of: its
    days all end before the week before the day the group stands in with ("launched an
    offensive last November" under a report of yesterday's strikes), or, told by a year
    only, its years do ("set up in 2007 to fight a rebel group")."""
    window = inc.window()
    days = [published_day(em) for em in group]
    if not days or None in days or any(own_date(em) for em in group):
        return False
    earliest = min(date.fromisoformat(d).toordinal() for d in days if d and len(d) == 10)
    end = window[1] if window is not None else _years_end(inc)
    return end is not None and end < earliest - UNDATED_WINDOW


def _years_end(inc: DocIncident) -> int | None:
    """The last day (as an ordinal) of the years ``inc`` is set in, when every member
    states only a year ("the special police were set up in 2007 to fight the rebels",
    "the group has fought since the 1960s"): background told by its year, which has no
    window of days. None when a member states no year or anything finer."""
    years = [own_date(em) for em in inc.members]
    if not years or any(y is None or len(y) != 4 or not y.isdigit() for y in years):
        return None
    return date(max(int(y or 0) for y in years), 12, 31).toordinal()


def _retold_past_background(
    incidents: list[DocIncident],
    last: int,
    group: list[EventMention],
    named: frozenset[str],
    actor_of: Mapping[str, str],
) -> int | None:
    """The incident an undated ``group`` retells past background told in between: "Three
    children were killed in airstrikes in Mekelle on Monday. ... The government launched
    its offensive last November. ... The state agency said the air force had hit a
    facility in Mekelle" -- the last incident of the family (``last``) is set in another
    time, so the story's incident before it that holds the group's town is the one told
    again (same town, no other named actor, no other date). None when the last incident
    is not background, or no earlier incident of the story fits."""
    divisions = incidents[last].divisions
    towns = {t.id for em in group if (t := own_town(em, divisions))}
    if len(towns) != 1 or not _background(incidents[last], group):
        return None
    fam = incidents[last].family_key
    earlier = [k for k in range(last) if incidents[k].family_key == fam][-RESTATE_REACH:]
    for k in reversed(earlier):
        inc = incidents[k]
        if _background(inc, group):
            continue
        town = best_place(own_town(em, divisions) for em in inc.members)
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
    actor_of: Mapping[str, str],
) -> bool:
    """Whether ``group`` tells ``inc`` again: its day, its town or a place holding it, no
    other named actor and no other toll."""
    own = _named_in(group, named, actor_of)
    before = _named_in(inc.members, named, actor_of)
    town, place = best_place(towns), inc.place
    inside = place is None or same_place(place, town) or (
        place.precision not in TOWN_PRECISIONS and not is_near_town(place)
        and place.country in (None, town and town.country)
    )  # fmt: skip
    told_then = bool(inc.day) or (place is not None and same_place(place, town)
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
    if any(own_date(em) for em in inc.members):
        return False
    window = inc.window()
    days = [d for em in group if (d := own_date(em)) and len(d) == 10]
    if window is None or not days:
        return False
    return all(window[0] <= date.fromisoformat(d).toordinal() <= window[1] for d in days)
