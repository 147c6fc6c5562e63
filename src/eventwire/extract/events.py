"""Events from the dependency parse: trigger -> PLOVER type, roles -> actor mentions.

Roles come from :mod:`eventwire.extract.eventroles`; what the document's events say
about each other (consequences, exchanges of fire, anaphora, doers) is added by
:mod:`eventwire.extract.eventlinks`.

A noun trigger states an event when it has an actor, a count, or when it is the
subject or object of a verb ("clashes erupted", "reported an explosion"); a bare
noun in a prepositional phrase ("after the war") does not, nor a non-violent event noun
naming what a violent act is done to ("ambushed an army patrol", "attacked an aid
convoy"), nor an event averted ("averted a war"), nor bodies found after an act the text
has told (its victims).

Coordination: "backed by the UAE, Egypt and France" gives **one event per
actor pair** (three events sharing one trigger), so each actor's relation is
counted on its own and de-duplication can match events actor by actor.
"X's forces" gives X with the qualifier ``forces``. Counts in the same sentence
are attached to violent events (ASSAULT, COERCE).

Qualifiers read off the clause feed the ACLED sub-event rule (docs/ontology.md):
``means_<weapon>`` (a weapon named in the trigger's clause), ``source_<kind>`` and
``target_<kind>`` (``state``, ``armed``, ``civilian``, ``protesters`` for
unnamed groups), ``violent``/``intervention``/``lethal`` for protests, and
``embedded`` when the trigger sits under another event's trigger ("accused X of
attacking", "attacked Y, killing 5"), which :func:`eventwire.resolve.events.main_event`
uses to find the event a text is about.

Which tokens are triggers is read in :mod:`eventwire.extract.triggers`; the qualifiers
off the roles and the clause in :mod:`eventwire.extract.event_qualifiers`; second looks at
the tokens filling roles in :mod:`eventwire.extract.event_role_tokens`; acts told again
folded into one in :mod:`eventwire.extract.event_folds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventwire.extract.actorspans import Filler, MentionIndex
from eventwire.extract.anchor import place_for, when_for
from eventwire.extract.component import Component
from eventwire.extract.context import DocContext
from eventwire.extract.count_attach import (
    BACKGROUND,
    attach_counts,
    fold_follow_ups,
    governing_acts,
)
from eventwire.extract.descriptions import (
    armies_of_one_state,
    described_bodies,
    governments_of_one_state,
)
from eventwire.extract.event_folds import (
    _consequences_folded,
    _follow_up_lines,
    _named_again_dated,
)
from eventwire.extract.event_qualifiers import (
    _civilian,
    _clause_qualifiers,
    _kind_of,
    _named_place,
    _place,
    _qualifiers,
    _words,
)
from eventwire.extract.event_role_tokens import (
    _gerund_doer,
    _holder_of_origin,
    _instrument,
    _name_after_adjective,
    _side_that_fell,
    _target_token,
)
from eventwire.extract.eventlinks import link_events
from eventwire.extract.eventroles import (
    agent_place,
    between_first,
    nominal_gerund,
    noun_roles,
    own_conjuncts,
    verb_roles,
    war_place,
)
from eventwire.extract.later_doers import doers_named_later
from eventwire.extract.modality import attribution_of, modality_of
from eventwire.extract.rebuttals import BACKING_EVENTS, rebuttals, rebutted
from eventwire.extract.subject_acts import EMBEDDED, subject_acts_folded
from eventwire.extract.totals import conflict_onset, total_words
from eventwire.extract.triggers import (
    TRIGGER_POS,
    _acted_upon,
    _aftermath_find,
    _averted,
    _by_source,
    _hyphened_modifier,
    _inside_name,
    _noun_dep,
    _source_makes_event,
    trigger_of,
)
from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Token

EVENT_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})
ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def extract_events(ctx: DocContext) -> dict[str, Sequence[Any]]:
    onto = ctx.resources.ontology
    index = MentionIndex.of(ctx)
    index.added.extend(governments_of_one_state(ctx))  # "the government" of a one-state story
    quotes = ctx.quotes
    counts = ctx.counts
    in_body = ctx.view.zones.in_body  # a headline or caption names the body's events
    totals = total_words(ctx)  # "the war has killed 3,000 since April": a total, no event
    words = ctx.resources.trigger_words  # a token with none of these is no trigger
    # a comment form or the site's own notice ("Follow our stories on Twitter: ..."): the
    # stories it lists are no events of the article
    notices = ctx.view.notice_sents | ctx.view.aside_sents  # and a teaser list, comments
    found = [
        (tok, t)
        for tok in ctx.view.tokens
        if tok.pos_ in TRIGGER_POS  # only these can be triggers (see both functions)
        and (tok.lemma_.lower() in words or tok.lower_ in words)
        and in_body(tok.idx)
        and tok.idx not in totals
        and (t := trigger_of(tok, onto) or _by_source(tok, onto))
        and ctx.view.sent_no(tok) not in notices
    ]
    # A word that is an event only for some actors and has none of them ("the minister
    # arrived", "residents gathered") is no trigger, so nothing is embedded under it.
    found = [(tok, t) for tok, t in found if t[0] or _source_makes_event(tok, t[1], index, onto)]
    found = [(tok, t) for tok, t in found if not _inside_name(tok) and not _hyphened_modifier(tok)]
    bodies = described_bodies(index.all())  # "the alliance said": an actor, not an alliance
    found = [(tok, t) for tok, t in found if tok.idx + len(tok) not in bodies]
    violent_at = {tok.i for tok, t in found if t[0] in onto.violent_types}
    first_violent = min(violent_at, default=None)
    found = [(tok, t) for tok, t in found
             if not _acted_upon(tok, t[0], violent_at, onto) and not _averted(tok, onto)
             and not _aftermath_find(tok, t, first_violent, onto)]  # fmt: skip
    trigger_tokens = {tok.i for tok, _ in found}
    # A noun modifying another trigger noun ("protest sit-in") is part of that event, and an
    # agent noun filling a role of another trigger ("protesters blocked roads") is its actor.
    types_at = {tok.i: t[0] for tok, t in found}
    found = [(tok, t) for tok, t in found if not (
        tok.head.i in trigger_tokens and tok.head.i != tok.i
        and (tok.dep_ == "compound" or (tok.dep_ in ROLE_DEPS and index.covering(tok)
                                        and types_at[tok.head.i] == t[0])))]  # fmt: skip
    events: list[EventMention] = []
    trigger_at: list[int] = []  # trigger token of each event
    for token, (etype, lemma) in found:
        # a gerund standing as a noun ("Fighting between X and Y") is read as one
        is_verb = token.pos_ not in ("NOUN", "PROPN") and not nominal_gerund(token)
        src_tok, tgt_toks = verb_roles(token) if is_verb else noun_roles(token)
        spec = onto.types.get(etype)  # per-type role rules are ontology fields
        if spec is not None and spec.noun_place_preps and not is_verb:
            # "a protest in Oran": a place, no target
            places = spec.noun_place_preps
            tgt_toks = [t for t in tgt_toks if t is None or t.head.lower_ not in places]
        if is_verb and _instrument(tgt_toks[0], token, onto):
            tgt_toks = tgt_toks[1:]  # "fired rockets at the base": the rockets are the means
        elif is_verb and spec is not None and spec.recipient_target:
            tgt_toks = [*tgt_toks[1:3], *tgt_toks[:1], *tgt_toks[3:]]  # "sent troops to X": X
        if is_verb and (doer := _gerund_doer(token, index)) is not None:
            src_tok = doer
        if src_tok is not None and not in_body(src_tok.idx):
            # "KYIV (Wire)—Russia attacked": the parse may take the dateline's agency as
            # the subject beside the body's own; the body's subject of that verb is the doer
            src_tok = next((c for c in src_tok.head.children if c.dep_ == src_tok.dep_
                            and c.i != src_tok.i and in_body(c.idx)), None)  # fmt: skip
        # read after the dateline's words are set aside: asking for a token's fillers adds
        # a mention for it, and a dateline's outlet is no one's
        src_tok = _name_after_adjective(src_tok, index)
        if is_verb and not index.fillers(src_tok):
            src_tok = _holder_of_origin(token, src_tok, index) or src_tok
        sources: list[Filler | None]
        targets: list[Filler | None]
        if not is_verb and src_tok is not None and src_tok.head.lower_ == "between":
            pair: list[Filler | None] = list(index.fillers(src_tok))  # "clashes between X and Y"
            if len(pair) == 1 and (side := between_first(src_tok)) is not None:
                given = {f.span for f in pair if f is not None}
                pair = [*(f for f in index.fillers(side)[:1] if f.span not in given), *pair]
            sources, targets = pair[:1] or [None], pair[1:2] or [None]
        else:
            if src_tok is not None and src_tok.i in trigger_tokens and not index.fillers(src_tok):
                src_tok = noun_roles(src_tok)[0]  # "an attack by X killed...": X did it
            sources = [*own_conjuncts(index.fillers(src_tok), src_tok)] or [None]
            # "Israel strengthened its forces": the source's own people are no target
            own = {f.span for f in sources if f is not None}
            found_targets = ([x for x in own_conjuncts(index.fillers(t), t) if x.span not in own]
                             for t in tgt_toks)  # fmt: skip
            targets = [*next((f for f in found_targets if f), [])] or [None]
        if not is_verb and sources == [None]:  # "police firing", "army shelling"
            doer = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "compound" and index.covering(c) and not war_place(token, c)
                ),
                None,
            )  # not "the Iraq war": a place
            sources = [*index.fillers(doer)] or [None]
        if not is_verb and sources == [None] and (agent := index.covering(token)) is not None:
            sources = [Filler(agent.span)]  # an agent noun: "hundreds of protesters demanded"
        if not is_verb and sources == [None] and lemma in onto.rules.fighting:
            sources = [*index.fillers(_side_that_fell(token))] or [None]
        if etype and onto.is_finding(etype, lemma):
            sources = [None]  # "police found the bodies of three men"
        # a dateline, headline or caption names no participant of a body sentence's event:
        # "GOMA, Congo (Wire) - Rebels attacked ..." is parsed with the town as subject
        sources = [f for f in sources if f is None or in_body(f.span.start)] or [None]
        targets = [f for f in targets if f is None or in_body(f.span.start)] or [None]
        claim = _words(token.subtree) if is_verb and lemma in onto.by_source_kind else ()
        etype_of = onto.type_for_source(lemma, _kind_of(sources[0], index, onto), etype or None,
                                        claim)  # fmt: skip
        if etype_of is None:
            continue  # "residents gathered": an event only for some actors
        etype = etype_of
        tgt_tok = _target_token(tgt_toks, lemma, index)
        sent = ctx.view.sent(token)
        in_sent = tuple(
            c for c in counts if sent.start_char <= c.evidence.char_start < sent.end_char
        )
        # "The war between X and Y began in 2019": the conflict at its start is background
        # to the article (its sides still fight each other), no incident and no toll
        background = conflict_onset(token)
        ev_counts = in_sent if etype in onto.violent_types and not background else ()
        if (not is_verb and sources == [None] and targets == [None] and not ev_counts
                and _noun_dep(token) not in EVENT_NOUN_DEPS
                and not index.names_a_town(tgt_toks)):  # fmt: skip
            continue  # a bare noun ("after the war") states no event of its own
        negated, modality = modality_of(token)
        place = place_for(ctx, token, etype)
        if agent_place(place, ctx.places, sources):
            place = None  # "Iran supplied drones": the country acts, the event is not in it
        if etype in onto.violent_types:  # a town attacked is a place; across a border, its state
            targets = index.attacked_towns(targets, tgt_toks, sources, place)
        trigger = Span(token.idx, token.idx + len(token.text), token.text)
        named = [f.span for f in targets if f is not None]
        clause = _clause_qualifiers(token, sent, etype, onto, trigger_tokens, named)
        if background:
            clause = (*clause, EMBEDDED, BACKGROUND)
        common: dict[str, Any] = dict(
            article_id=ctx.article.id,
            type=etype,
            trigger=trigger,
            evidence=ctx.evidence(sent),
            negated=negated,
            modality=modality,
            attributed_to=attribution_of(token, index, quotes, modality),
            when=when_for(ctx, token, etype),
            place=place,
            counts=ev_counts,
            lemma=lemma,
        )
        first = len(events)
        for src in sources:
            for tgt in targets:
                if src and tgt and src.span == tgt.span:
                    continue
                # The owner of the thing attacked ("a Palestinian village", "Haftar's
                # home"): the thing says who the victims are, not its owner's kind.
                owner = tgt is not None and tgt_tok is not None and not (
                    tgt.span.start <= tgt_tok.idx < tgt.span.end)  # fmt: skip
                kinds = [f"{role}_{k}" for role, f in (("source", src), ("target", tgt))
                         if not (role == "target" and owner and _civilian(tgt_tok, onto))
                         and (k := _kind_of(f, index, onto))]  # fmt: skip
                if not any(k.startswith("target_") for k in kinds) and _civilian(tgt_tok, onto):
                    kinds.append("target_civilian")  # "opened fire on a civilian car"
                named_place = (
                    lemma in onto.rules.remote_fire and tgt is not None and _named_place(tgt, index)
                )
                if (tgt is None or named_place) and any(
                    t is not None and t.dep_ == "pobj" and _place(t, onto) for t in tgt_toks
                ):
                    kinds.append("target_place")  # "fired mortars at residential areas"
                trigger_at.append(token.i)
                events.append(
                    EventMention(
                        source=_span(src),
                        target=_span(tgt),
                        qualifiers=tuple(dict.fromkeys((*_qualifiers(src, tgt), *kinds, *clause))),
                        **common,
                    )
                )
        said = None if "embedded" in clause else _statement_about(token, etype, modality, onto)
        if said is not None:
            for n in range(first, len(events)):
                act = events[n]
                events[n] = replace(act, qualifiers=(*act.qualifiers, "embedded"))
                demand = said == onto.statements.demand
                events.append(replace(
                    act, type=said, negated=False, modality="asserted", counts=(), lemma="",
                    source=act.attributed_to if demand else act.source,
                    target=act.source if demand else act.target,
                    qualifiers=("statement",)))  # fmt: skip
                trigger_at.append(token.i)
    events = _rebutted_backing(ctx, index, events)
    parsed = ctx.doc.has_annotation("DEP")
    # "..., it added": a line telling only victims goes on with the act told before (read
    # before the acts of a line are folded: "in a separate attack" names an act of its own,
    # and before a later sentence names the doer of every act told before it)
    follow_ups, toll_lines = _follow_up_lines(ctx, events, onto) if parsed else (set(), set())
    events = link_events(ctx.view, events, trigger_at, onto, index)
    events = doers_named_later(ctx.view, events, trigger_at, onto, index)
    if parsed:  # "fired shells into the town, killing three": one act
        events = _named_again_dated(ctx, events, trigger_at)
        events = _consequences_folded(ctx.doc, events, trigger_at, onto)
        # "A drone strike hit the station": the noun and its verb are one act
        events = subject_acts_folded(ctx.doc, events, onto.violent_types)
    acts = {e.trigger.start for e in events if e.type in onto.violent_types}
    governs = governing_acts(ctx.doc, acts) if parsed else None
    starts = list(ctx.view.sent_start_chars)
    events = attach_counts(events, counts, starts, onto.violent_types, governs)
    events = fold_follow_ups(events, follow_ups, starts, onto.violent_types, toll_lines)
    # "the army", "troops" (also those named as holders here: "an army post") in a story
    # set in one state: that state's forces, read once the places are known
    mentions = armies_of_one_state(index.all(), ctx.places, ctx.resources.kb, ctx.doc)
    return {"events": events, "mentions": mentions}


def _rebutted_backing(
    ctx: DocContext, index: MentionIndex, events: list[EventMention]
) -> list[EventMention]:
    """Backing events told as a fact and rebutted where they are told or right after
    ("Iran, which denies arming them, sent drones to the militia", "..., a claim Kigali
    rejects", "Uganda denies the charge" in the next sentence) are denied, by whoever
    rebuts them: the same rebuttals (:mod:`eventwire.extract.rebuttals`) that make the
    relation contested."""
    backing = [n for n, e in enumerate(events) if e.type in BACKING_EVENTS and not e.negated
               and e.source is not None and e.target is not None]  # fmt: skip
    if not backing:
        return events
    out = list(events)
    for rebuttal in rebuttals(ctx, index):
        for n in backing:
            event = out[n]
            if event.negated or event.source is None or event.target is None:
                continue
            if rebutted(index, rebuttal, event.source, event.target, event.trigger.start):
                deniers = index.fillers(rebuttal.denier)
                out[n] = replace(
                    event,
                    negated=True,
                    modality="denied",
                    attributed_to=deniers[0].span if deniers else event.attributed_to,
                )
    return out


def _statement_about(token: Token, etype: str, modality: str, onto: Ontology) -> str | None:
    """The type of the statement an act is part of, if it has not happened: "will support"
    (AGREE), "would tighten the blockade" (THREATEN), "declined to resign" (REJECT),
    "Libya must hand over" (REQUEST); see ``[statements]`` in the ontology."""
    st = onto.statements
    if any(c.dep_ == "aux" and c.lower_ in st.demand_words for c in token.children):
        return st.demand
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in st.intent_words:
        modality = "future"  # "is willing to send", "ready to host"
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in st.condition_words
                                  for m in c.children)
        for c in token.children
    )  # fmt: skip
    return st.about(etype, modality, conditional)


def _span(filler: Filler | None) -> Span | None:
    return filler.span if filler else None


@extractors.register("events")
class Events(Component):
    """Events: triggers, types, roles, date, place, counts, modality."""

    name = "events"
    requires = ("mentions", "timexes", "places", "counts", "quotes", "statistics")
    assigns = ("events",)
    extends = ("mentions",)

    def __call__(self, ctx: DocContext) -> dict[str, Sequence[Any]]:
        return extract_events(ctx)
