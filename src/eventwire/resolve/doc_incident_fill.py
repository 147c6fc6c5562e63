"""What an incident tells fills what one sentence leaves out (:func:`fill_from_incidents`):
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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.model import Count, EventMention, Span, When, mention_key
from eventwire.resolve.doc_incident_cues import is_anaphoric, is_another, own_date, published_day
from eventwire.resolve.doc_incident_places import best_place

if TYPE_CHECKING:
    from eventwire.resolve.doc_incident_record import DocIncident


def fill_from_incidents(
    events: Sequence[EventMention],
    incidents: Iterable[DocIncident],
    mention_actor: Mapping[str, str],
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
    carried = _carry_day(list(incidents), filled)
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
    for inc, em, giver in carried:
        if final[id(em)] is filled[id(em)]:  # kept as carried: the rules say whence
            inc.rules.append(
                f"day carried: {em.trigger.text} ({em.type}, at {em.trigger.start}) takes "
                f"{giver.when and giver.when.calendar} from the sentence at "
                f"{giver.evidence.char_start}"
            )
    for inc in incidents:
        _keep_tolls(inc.members, final, mention_actor, named)
    return tuple(final[id(em)] for em in events)


def _fill_one_more(
    incidents: Sequence[DocIncident],
    filled: dict[int, EventMention],
    mention_actor: Mapping[str, str],
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


def _carry_day(
    incidents: Sequence[DocIncident], filled: dict[int, EventMention]
) -> list[tuple[DocIncident, EventMention, EventMention]]:
    """The day of one occurrence holds for each event the article tells of it: "Fighters
    raided a hill village on Tuesday night, burning a dozen huts. ... They abducted its
    chief and two of his sons" -- the abduction, told with no date of its own (an undated
    clause reads as the day of publication), is Tuesday's, like the raid. A member of
    another type than the members that date themselves, left undated by :func:`_filled`
    (which reads its own type only), takes the incident's day (:attr:`DocIncident.day`: the
    earliest day its members state) when a member the outlet tells states it, marked
    ``inferred_date``; a date a member states (a day, a week, a month) is never overwritten.
    Which sentence gave the day is kept in the incident's rules (its explanation): the
    member's evidence stays its own sentence. Returns what was carried (the incident, the
    member, the member that gave the day)."""
    carried = []
    for inc in incidents:
        day = inc.day
        published = next((p for em in inc.members if (p := published_day(em))), None)
        if day is None or (published is not None and day > published):
            continue  # a day after publication is a misreading, never passed on
        # told by the outlet, not a claim inside an accusation ("accused the army of
        # shelling the town on Friday"), as :func:`_filled` reads dates
        giver = next((em for em in inc.members if em.when and em.when.calendar == day
                      and own_date(em) and _states_the_act(em)), None)  # fmt: skip
        if giver is None:
            continue
        for em in inc.members:
            done = filled.get(id(em), em)
            if own_date(done) is not None or "inferred_date" in done.qualifiers:
                continue
            qualifiers = tuple(dict.fromkeys((*done.qualifiers, "inferred_date")))
            filled[id(em)] = replace(done, when=giver.when, qualifiers=qualifiers)
            carried.append((inc, em, giver))
    return carried


def _keep_tolls(
    members: Sequence[EventMention],
    final: dict[int, EventMention],
    mention_actor: Mapping[str, str],
    named: frozenset[str],
) -> None:
    """A toll a sentence states once for its incident is kept by the act that sentence
    tells first with its named doer ("Ruritanian jets bombed three houses, killing at least
    15": the bombing, not the killing of "people"), else, with no doer named, by the act
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
    em: EventMention, span: Span, mention_actor: Mapping[str, str], named: frozenset[str]
) -> bool:
    return mention_actor.get(mention_key(em.article_id, span)) in named


def _toll_key(c: Count) -> tuple[object, ...]:
    return (c.kind, c.value, c.span.start if c.span else c.evidence.char_start)


def _event_key(em: EventMention, mention_actor: Mapping[str, str]) -> tuple[object, ...]:
    """What event resolution tells two mentions of one article apart by."""
    source = em.source and mention_actor.get(mention_key(em.article_id, em.source))
    target = em.target and mention_actor.get(mention_key(em.article_id, em.target))
    return (em.type, source, target, em.place and em.place.id, em.when and em.when.calendar)


def _filled(
    em: EventMention,
    members: Sequence[EventMention],
    mention_actor: Mapping[str, str],
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
    dated = before if any(own_date(o) for o in told) else after
    if own_date(em) is None and (day := _told_date(dated, published_day(em))) is not None:
        when = day
        inferred.append("inferred_date")
    if not inferred:
        return em
    qualifiers = tuple(dict.fromkeys((*em.qualifiers, *inferred)))
    return replace(em, source=source, place=place, when=when, qualifiers=qualifiers)


ROLE_QUALIFIERS = ("source_", "target_", "means_")  # what an act tells of its sides and weapon


def _refers_back(
    em: EventMention, members: Sequence[EventMention], mention_actor: Mapping[str, str]
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


def _doer_of(em: EventMention, mention_actor: Mapping[str, str]) -> str | None:
    """The resolved actor ``em`` gives as its doer, if any."""
    return mention_actor.get(mention_key(em.article_id, em.source)) if em.source else None


def _sole_doer(
    members: Iterable[EventMention], mention_actor: Mapping[str, str], named: frozenset[str]
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


def _told_date(members: Iterable[EventMention], published: str | None) -> When | None:
    """The date ``members`` state themselves when they agree on one (the earliest day
    when several days are stated: the act precedes its aftermath); else None. A date
    after ``published`` is a misreading, never passed on."""
    own = [
        em.when
        for em in members
        if em.when and own_date(em) and _states_the_act(em)
        and not (published and (em.when.calendar or "") > published)
    ]  # fmt: skip
    days = sorted((w for w in own if w.precision == "day"), key=lambda w: w.calendar or "")
    if days:
        return days[0]
    return own[0] if own and len({w.calendar for w in own}) == 1 else None
