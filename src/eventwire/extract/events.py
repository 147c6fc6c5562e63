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
    VICTIM_VERBS,
    attach_counts,
    fold_follow_ups,
    follow_up_line,
    governing_acts,
)
from eventwire.extract.descriptions import (
    armies_of_one_state,
    described_bodies,
    governments_of_one_state,
)
from eventwire.extract.eventlinks import CONSEQUENCE_DEPS, link_events
from eventwire.extract.eventroles import (
    agent_place,
    between_first,
    held_by,
    is_time_phrase,
    nominal_gerund,
    noun_roles,
    own_conjuncts,
    verb_roles,
    war_place,
)
from eventwire.extract.later_doers import doers_named_later
from eventwire.extract.modality import SPEECH_VERBS, attribution_of, modality_of
from eventwire.extract.rebuttals import BACKING_EVENTS, rebuttals, rebutted
from eventwire.extract.subject_acts import EMBEDDED, subject_acts_folded
from eventwire.extract.totals import conflict_onset, total_words
from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# "pull out", "take control", "a grenade was thrown", "found dead"
PARTICLE_DEPS = ("prt", "prep", "dobj", "nsubjpass", "oprd", "advmod")  # "fired back"
EVENT_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})
ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# the parts of speech trigger_of and _by_source read a trigger from
TRIGGER_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})


def trigger_of(token: Token, onto: Ontology) -> tuple[str, str] | None:
    """``(type, lemma key)`` of a trigger token; the key is "verb particle" for phrasal verbs."""
    lemma = token.lemma_.lower()
    if token.dep_ == "amod" and token.tag_ in ("VBG", "VBN"):
        return None  # a participle used as an adjective: "burning tyres", "wounded soldiers"
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
        for child in token.children:
            if child.dep_ not in PARTICLE_DEPS or (child.dep_ == "prep" and is_time_phrase(child)):
                continue  # "fired ... on 5 May" is no "fire on"
            for particle in (child.lower_, child.lemma_.lower()):
                if t := onto.phrasal_type(lemma, particle):
                    return t, f"{lemma} {particle}"
        if token.pos_ == "AUX":
            return None
        if vo := _verb_object(token, onto):
            return vo
        obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and onto.is_non_event(lemma, (obj.lemma_, obj.lower_)):
            return None  # "released photos", "launched a website", "struck a deal"
        if _ceasing(token, lemma, obj, onto) or _natural_force(token):
            return None  # "the shelling must stop"; "provinces hit by the drought"
        t = onto.verb_type(lemma)
        return (t, lemma) if t else None
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("PERSON", "GPE", "ORG"):
        doc = token.doc
        words = [lemma]
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":  # "exchange of fire"
            words.insert(0, f"{lemma} of {doc[token.i + 2].lower_}")
        if token.i > 0:
            prev = doc[token.i - 1]
            if prev.i > 0 and prev.text == "-" and not prev.whitespace_:  # "sit-in"
                words.insert(0, f"{doc[prev.i - 1].lower_}-{lemma}")
            words.insert(0, f"{prev.lower_} {lemma}")  # "air strike", "hunger strike"
        words.append(token.lower_)
        for word in words:
            if t := onto.noun_type(word):
                return t, word
        if (lemma in onto.weapon_subjects and _noun_dep(token) == "nsubj"
                and not onto.verb_type(token.head.lemma_)):  # fmt: skip
            return "ASSAULT", lemma  # "rockets fell near the airport", not "a bomb killed"
    return None


# Verbs of stopping: coercion when someone or something is stopped ("police stopped the
# convoy", "prevented protesters from marching"), a ceasing when nothing is.
STOPPING_VERBS = frozenset({"stop", "halt", "prevent"})
# Objects that are no one: "stop something from happening", "prevent anything like it".
INDEFINITE_OBJECTS = frozenset(
    {"something", "anything", "everything", "nothing", "this", "that", "it", "all"}
)


def _ceasing(token: Token, lemma: str, obj: Token | None, onto: Ontology) -> bool:
    """A verb of stopping with no one stopped tells a ceasing, not coercion: "the violence
    must stop", "called for the shelling to stop" (intransitive), "how can you stop
    something from happening" (an indefinite pronoun as the object), "stop the bombings",
    "efforts to halt the war" (a violent act as the object: the act is told by its own
    noun; "stop the protests by force" stays a COERCE of the protest)."""
    if lemma not in STOPPING_VERBS:
        return False
    if obj is None:
        return not any(c.dep_ in ("xcomp", "ccomp", "pcomp") for c in token.children)
    if obj.lower_ in INDEFINITE_OBJECTS:
        return True
    return obj.dep_ == "dobj" and trigger_type(obj, onto) in onto.violent_types


# Forces of nature and of the economy: what they "hit", "strike" or "batter" suffered no
# attack ("provinces hit by the drought", "a storm struck the coast").
NATURAL_FORCES = frozenset(
    {"drought", "droughts", "flood", "floods", "flooding", "storm", "storms", "cyclone",
     "hurricane", "typhoon", "earthquake", "quake", "tsunami", "famine", "epidemic",
     "pandemic", "outbreak", "disease", "heatwave", "landslide", "avalanche", "rain", "rains",
     "snow", "frost", "lightning", "crisis", "recession", "slump", "downturn", "inflation",
     "shortage", "shortages", "sanctions", "cuts", "virus", "wildfire",
     "wildfires", "locusts"}
)  # fmt: skip


def _natural_force(token: Token) -> bool:
    """A violent verb whose doer is a force of nature or of the economy tells no attack:
    "the drought hit 14 provinces", "a cyclone struck the coast", "districts battered by
    floods", "importers hit by the sanctions". Its victims are counted by
    other words, and no one did it."""
    for child in token.children:
        doer = child
        if child.dep_ == "agent":  # "hit by the drought"
            doer = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("nsubj",):
            continue
        if doer.lemma_.lower() in NATURAL_FORCES or doer.lower_ in NATURAL_FORCES:
            return True
    return False


def _verb_object(token: Token, onto: Ontology) -> tuple[str, str] | None:
    """``(type, "verb object")`` for "defused landmines", "found a cache of weapons"."""
    lemma = token.lemma_.lower()
    if lemma not in onto.verb_object_verbs:
        return None  # no entry for this verb: its object's words need not be read
    for obj in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        words = [w for t in obj.subtree for w in (t.lemma_.lower(), t.lower_)]
        if (vo := onto.verb_object(lemma, words)) is not None:
            word = next(w for w in words if w in vo.objects)
            return vo.type, f"{lemma} {word}"
    return None


def _inside_name(token: Token) -> bool:
    """A capitalised word inside a run of capitalised words is part of a name, not a
    trigger: "Popular Mobilization Forces" (no MOBILIZE), "Rapid Support Forces" (no
    SUPPORT). A verb, or a word opening its sentence, is read as usual."""
    doc = token.doc

    def capitalised(i: int) -> bool:  # "Forces", not "FORCES" of an all-capitals text
        text = doc[i].text if 0 <= i < len(doc) else ""
        return text[:1].isupper() and not text.isupper() and not doc[i].is_sent_start

    if token.pos_ not in ("NOUN", "PROPN") or not capitalised(token.i):
        return False
    return capitalised(token.i - 1) or capitalised(token.i + 1)


def _hyphened_modifier(token: Token) -> bool:
    """An event noun joined by a hyphen to a participle or adjective describes a place or
    people, it tells no event: "the war-torn region", "conflict-affected districts",
    "a violence-hit town" (the words are one modifier of the noun after them)."""
    doc = token.doc
    if token.pos_ not in ("NOUN", "PROPN") or token.i + 2 >= len(doc) or token.whitespace_:
        return False
    hyphen, word = doc[token.i + 1], doc[token.i + 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and word.tag_ in ("VBN", "JJ")
        and word.dep_ == "amod"
    )


# Verbs whose object is a load a vehicle or column of people has with it: "a convoy
# carrying aid", "a truck transporting supplies".
CARRYING_VERBS = frozenset({"carry", "transport", "ferry", "haul", "deliver", "bring"})
# Prepositions whose object is what an act is aimed at: "an attack on a patrol".
AIMED_PREPS = frozenset({"on", "at", "against", "upon", "targeting"})


def _acted_upon(token: Token, etype: str, violent_at: set[int], onto: Ontology) -> bool:
    """A non-violent event noun naming the thing a violent act is done to is that thing,
    not an event of its own: "gunmen ambushed an army patrol" (no MOBILIZE), "an attack on
    a patrol", "the patrol was ambushed", "rebels attacked an aid convoy" and "shelled a
    convoy carrying aid" (no AID). A protest attacked or dispersed still took place
    (PROTEST is kept), and a violent noun there is an act told as such ("repelled an
    attack")."""
    if token.pos_ not in ("NOUN", "PROPN") or etype in onto.violent_types or etype == "PROTEST":
        return False
    node = token
    for _ in range(3):  # up from the trigger to the noun phrase the act is done to
        head = node.head
        if node.dep_ == "compound":  # "an aid convoy", "an army patrol"
            node = head
        elif node.dep_ == "dobj" and head.dep_ == "acl" and head.lemma_ in CARRYING_VERBS:
            node = head.head  # "a convoy carrying aid"
        elif node.dep_ == "pobj" and head.lower_ in ("of", "with") and head.head.pos_ == "NOUN":
            node = head.head  # "a convoy of aid", "trucks with aid"
        else:
            break
    head = node.head
    if node.dep_ in ("dobj", "nsubjpass") and head.i != node.i:
        return head.i in violent_at
    if node.dep_ == "pobj" and head.lower_ in AIMED_PREPS:
        return head.head.i in violent_at
    return False


# Verbs whose object is an event kept from happening: "averted a war", "to prevent a
# massacre", "avoid an escalation of the fighting".
AVERTING_VERBS = frozenset({"avert", "prevent", "avoid", "forestall", "preempt", "pre-empt"})


def _averted(token: Token, onto: Ontology) -> bool:
    """An event noun that is the object of a verb of averting did not happen: "mediators
    averted a war", "urged both sides to prevent a civil war" (no ASSAULT); its nominal
    object too ("avoid an escalation of the fighting"). Keeping an event from happening
    is no act of force either ("prevent a war" is no COERCE; "prevented protesters from
    marching" and "prevented a protest" still are, though the protest did not happen)."""
    if token.pos_ == "VERB" and token.lemma_.lower() in AVERTING_VERBS:
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        return obj is not None and trigger_type(obj, onto) in onto.violent_types
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "dobj":
        node = node.head.head  # "an escalation of the fighting"
    return node.dep_ == "dobj" and node.head.lemma_.lower() in AVERTING_VERBS


def _aftermath_find(
    token: Token, found: tuple[str, str], first_violent: int | None, onto: Ontology
) -> bool:
    """Bodies found after an act the text has told ("Jets struck the market. Rescuers
    found five more bodies under the rubble") are that act's victims, not a killing of
    their own; their count goes to the act. Bodies found with no act told before them
    ("The bodies of two men were found near the road") stay the killing they tell of."""
    etype, lemma = found
    if not etype or etype not in onto.violent_types or not onto.is_finding(etype, lemma):
        return False
    return first_violent is not None and first_violent < token.i and " " in lemma


def _noun_dep(token: Token) -> str:
    """A noun's role in its clause, through coordination ("rocket and artillery shelling")."""
    seen = 0
    while token.dep_ == "conj" and token.head.i != token.i and seen < 10:
        token, seen = token.head, seen + 1
    return token.dep_


def trigger_type(token: Token, onto: Ontology) -> str | None:
    found = trigger_of(token, onto)
    return found[0] if found else None


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


def _follow_up_lines(
    ctx: DocContext, events: list[EventMention], onto: Ontology
) -> tuple[set[int], set[int]]:
    """Start characters of the sentences whose violent events only tell what befell
    victims, named by no doer (``VICTIM_VERBS``): (the follow-up lines among them
    (:func:`follow_up_line`), the others: toll lines that may be an earlier act's toll)."""
    view = ctx.view
    acts: dict[int, list[EventMention]] = {}
    for e in events:
        if e.type in onto.violent_types:
            acts.setdefault(view.sent_at_char(e.evidence.char_start), []).append(e)
    victims = [n for n, told in sorted(acts.items())
               if all(e.source is None and e.lemma in VICTIM_VERBS for e in told)]  # fmt: skip
    follow_ups = {n for n in victims if follow_up_line(view.sents[n], SPEECH_VERBS)}
    return (
        {view.sents[n].start_char for n in follow_ups},
        {view.sents[n].start_char for n in victims if n not in follow_ups},
    )


NAMING_AGAIN = frozenset({"the", "this", "that"})


def _named_again_dated(
    ctx: DocContext, events: list[EventMention], trigger_at: list[int]
) -> list[EventMention]:
    """An act named again by a definite noun with no date of its own ("Late last week,
    gunmen hit a convoy. ... The Front, which claimed the attack, said ...") is the act
    told before: the nearest earlier act of its type and doer (or target), in an earlier
    sentence, whose date the text states, dates it at that date's precision (a week stays
    a week)."""
    if len(events) != len(trigger_at):
        return events
    doc, view = ctx.doc, ctx.view
    out = list(events)
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        tok = doc[i]
        if e.when is not None and e.when.precision != "publication":
            continue
        if tok.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in NAMING_AGAIN for c in tok.children
        ):
            continue
        here = view.sent_no(tok)
        for j in range(k - 1, -1, -1):
            o = events[j]
            if o.type != e.type or o.negated or view.sent_no(doc[trigger_at[j]]) >= here:
                continue
            same = (e.source is not None and o.source == e.source) or (
                e.target is not None and o.target == e.target
            )
            if not same:
                continue
            if o.when is not None and o.when.value and o.when.precision != "publication":
                out[k] = replace(e, when=o.when)
            break  # the nearest such act is the one named again, dated or not
    return out


# Prepositions that set a verb's act in an event noun: "killing nine in a battle".
SETTING_PREPS = frozenset({"in", "during", "amid"})


def _consequence_act(token: Token, acts: set[int]) -> int | None:
    """The act a participle of consequence tells the toll of: "..., killing 12 civilians
    and wounding 31" hangs on the act's verb, through "killing" for "wounding"; an event
    noun setting the act or its consequence ("..., killing nine in a battle that lasted
    hours", "were killed in an air strike") is that act too."""
    node = token
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in SETTING_PREPS:
        node = token.head.head
        if node.pos_ != "VERB":
            return None
        if node.i in acts and node.tag_ != "VBG":
            return node.i
    for _ in range(4):
        if node.tag_ != "VBG" or node.dep_ not in CONSEQUENCE_DEPS or node.head.i == node.i:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children):
            return None  # a clause of its own: "while shelling wounded six", "as guards fired"
        node = node.head
        if node.i in acts and node.tag_ != "VBG":
            return node.i
    return None


def _consequences_folded(
    doc: Doc, events: list[EventMention], trigger_at: list[int], onto: Ontology
) -> list[EventMention]:
    """A participle of consequence ("Shells struck a market, killing 12 civilians and
    wounding 31") tells the toll and the victims of the act it hangs on, not an act of its
    own: it is no event, and its victims become the act's target when the act names none.
    A doer of its own ("..., killing 12, and police arrested two") or another type
    ("raided the hideout, leaving two dead") keeps it apart. An event noun with no actor
    setting the act ("killing nine in a battle", "were killed in an air strike") is the
    act as well; its weapon joins the act's."""
    if len(events) != len(trigger_at):
        return events
    violent = onto.violent_types
    acts: dict[int, list[int]] = {}
    for n, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        if e.type in violent and not e.negated:
            acts.setdefault(i, []).append(n)
    out = list(events)
    dropped: set[int] = set()
    victims: dict[int, set[str]] = {}  # host -> kinds of the victims its consequences name
    for n, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        if e.type not in violent or n in dropped:
            continue
        setting = doc[i].pos_ == "NOUN"
        if setting and e.target is not None:
            continue  # "killed in clashes with the rebels": the noun names sides of its own
        act = _consequence_act(doc[i], set(acts) - {i})
        hosts = [h for h in acts.get(act, []) if h not in dropped and out[h].type == e.type
                 ] if act is not None else []  # fmt: skip
        if not hosts or any(e.source is not None and out[h].source not in (None, e.source)
                            for h in hosts):  # fmt: skip
            continue
        # the victims a consequence names; the weapon a setting noun names
        kept = ("means_",) if setting else ("target_",)
        for h in hosts:
            host = out[h]
            # a doer only the folded event names is the act's ("were killed in an attack
            # by the Front": the Front killed them)
            took = ("source_",) if host.source is None and e.source is not None else ()
            quals = tuple(q for q in e.qualifiers if q.startswith((*kept, *took)))
            if not setting and events[h].target is None:  # the act named a thing or place hit
                victims.setdefault(h, set()).update(
                    q for q in e.qualifiers if q.startswith("target_") and q != "target_place"
                )
            out[h] = replace(host, source=host.source or e.source, target=host.target or e.target,
                             qualifiers=tuple(dict.fromkeys((*host.qualifiers, *quals))))  # fmt: skip
        dropped.add(n)
    for h, kinds in victims.items():
        if kinds & ARMED_VICTIMS and CIVILIAN_TARGET not in kinds:
            # "stormed a village, killing four soldiers": the victims are armed people, the
            # village only where they were hit; the act is no attack on civilians
            quals = out[h].qualifiers
            out[h] = replace(out[h], qualifiers=tuple(q for q in quals if q != CIVILIAN_TARGET))
    return [e for n, e in enumerate(out) if n not in dropped]


CIVILIAN_TARGET = "target_civilian"
# Victims who are no civilians: a state's forces, police, fighters of a group, its forces.
ARMED_VICTIMS = frozenset({"target_state", "target_armed", "target_forces"})


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


def _clause_qualifiers(
    token: Token,
    sent: SpacySpan,
    etype: str,
    onto: Ontology,
    trigger_tokens: set[int],
    targets: list[Span],
) -> tuple[str, ...]:
    """Weapon, protest cues and embedding of a trigger, read off its clause (in ``sent``)."""
    quals: list[str] = []
    # the clause's words are read only for the types that carry a weapon
    if etype in onto.violent_types and (means := onto.means_of(_clause_words(token, targets))):
        quals.append(f"means_{means}")
    if etype == "PROTEST":
        quals += onto.protest_cues(_words(sent))
    cur = token
    while cur.head.i != cur.i:
        # Under another trigger, or describing a noun ("families whose children were
        # kidnapped", "people killed in the war"): background, not the text's event.
        if (
            (cur.dep_ != "conj" and cur.head.i in trigger_tokens)
            or cur.dep_ in ("relcl", "acl")
            or (
                cur.dep_
                == "ccomp"  # "reiterated its demand that Israel ease...": the demand's content
                and any(c.dep_ == "dobj" and c.i in trigger_tokens for c in cur.head.children)
            )
        ):
            quals.append("embedded")
            break
        cur = cur.head
    return tuple(quals)


def _clause_words(token: Token, targets: list[Span]) -> list[str]:
    """Words of the trigger's own phrase, of the phrase it modifies ("artillery targeting")
    and of its verb's subject ("the air force launched nine offensives"), not those of its
    targets' names ("shot a member of the Air Force Intelligence")."""
    toks = list(token.subtree)
    head = token.head
    if token.dep_ in ("acl", "relcl", "advcl", "pobj", "dobj", "nsubj", "nsubjpass", "compound"):
        toks += [head, *head.children]
        if head.dep_ == "prep":  # "used poison gas in an attack"
            toks += [
                head.head,
                *(t for c in head.head.children if c.dep_ == "dobj" for t in c.subtree),
            ]
        if token.dep_ == "dobj" and (
            subj := next((c for c in head.children if c.dep_ == "nsubj"), None)
        ):
            toks += list(subj.subtree)
    toks = [t for t in toks if not any(sp.start <= t.idx < sp.end for sp in targets)]
    return _words(toks)


def _words(tokens) -> list[str]:  # noqa: ANN001
    """Lower-cased words, lemmas and two-word phrases of a token sequence."""
    toks = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    words = [w for t in toks for w in (t.lower_, t.lemma_.lower())]
    pairs = [(a, b) for a, b in zip(toks, toks[1:], strict=False) if b.i == a.i + 1]
    words += [f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in pairs]
    words += [f"{a.lower_} {b.lower_}" for a, b in pairs]
    return words


def _by_source(token: Token, onto: Ontology) -> tuple[str, str] | None:
    """A word that is an event only for some actors ("workers gathered"); typed later."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "NOUN") and lemma in onto.by_source_kind:
        return "", lemma
    return None


def _side_that_fell(token: Token) -> Token | None:
    """Fighting takes two sides, so those killed in it are one: "four soldiers were killed
    in clashes with the rebels" (the soldiers fought the rebels)."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "during"):
        return None
    verb = token.head.head
    return (
        next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if verb.pos_ == "VERB"
        else None
    )


def _source_makes_event(token: Token, lemma: str, index: MentionIndex, onto: Ontology) -> bool:
    """Whether a word of ``[by_source_kind]`` has an actor it is an event for."""
    is_verb = token.pos_ not in ("NOUN", "PROPN")
    src_tok = verb_roles(token)[0] if is_verb else noun_roles(token)[0]
    if not is_verb and src_tok is None:
        src_tok = next((c for c in token.children if c.dep_ == "compound"), None)
    kind = _kind_of(next(iter(index.fillers(src_tok)), None), index, onto)
    words = _words(token.subtree) if is_verb else ()
    return onto.type_for_source(lemma, kind, None, words) is not None


def _kind_of(filler: Filler | None, index: MentionIndex, onto: Ontology) -> str | None:
    """``state``, ``armed``, ``civilian``, ``protesters``: what kind of group fills a role."""
    if filler is None:
        return None
    words = filler.span.text.lower().split()
    kind = (len(words) > 1 and onto.actor_kind(" ".join(words[-2:]))) or onto.actor_kind(words[-1])
    if not kind:
        mention = index.mention(filler.span)
        if mention is not None and mention.group.startswith("group:people:"):
            kind = "civilian"  # "Palestinians", "thousands of Kenyans": a nation's people
        elif mention is not None and mention.group.startswith("aff:"):
            # "Egyptian officials", "Turkish forces", "Moscow" act for a state; a plural
            # demonym alone ("Palestinians") names people of a nation, not "Israeli" (jets).
            bare = mention.label == "NORP" and len(words) == 1 and words[0].endswith("s")
            kind = "civilian" if bare else "state"
        elif mention is not None and mention.label == "GPE":
            # a country (or its capital) filling an actor's role is its state: "Russia
            # attacked Ukrainian cities", "Moscow shelled the port" (a place in running text
            # is no actor mention at all)
            kind = "state"
    return kind or None


def _target_token(tgt_toks: list[Token | None], lemma: str, index: MentionIndex) -> Token | None:
    """The target's head word, also when it names no actor ("a car"); not a phrasal's object."""
    toks = [t for t in tgt_toks if t is not None and not (" " in lemma and lemma.endswith(
        (f" {t.lower_}", f" {t.lemma_.lower()}")))]  # fmt: skip
    return next((t for t in toks if index.fillers(t)), toks[0] if toks else None)


def _instrument(obj: Token | None, verb: Token, onto: Ontology) -> bool:
    """Is a verb's object the weapon it fires or throws ("fired a machine gun at")?"""
    if obj is None or obj.dep_ != "dobj":
        return False
    return onto.is_instrument(
        verb.lemma_, _words([*(c for c in obj.children if c.dep_ == "compound"), obj])
    )


def _civilian(token: Token | None, onto: Ontology) -> bool:
    """A target that is civilians' property or place ("a civilian car", "the camp", "his home")."""
    if token is None:
        return False
    mods = [c.lemma_ for c in token.children if c.dep_ in ("amod", "compound")]
    if onto.is_civilian_target([token.lemma_, token.lower_, *mods]):
        return True
    # A person named by what they do ("a student member of X", "a qat seller", "a sheikh")
    # or one or a few people of a nation ("a Palestinian", "two Syrians").
    if any(onto.actor_kind(w) == "civilian" for w in (token.lemma_, token.lower_, *mods)):
        return True
    counted = any(c.dep_ in ("det", "nummod") and c.lower_ not in ("the", "this", "that")
                  for c in token.children)  # fmt: skip
    return token.ent_type_ == "NORP" and token.pos_ in ("NOUN", "PROPN") and counted


def _place(token: Token | None, onto: Ontology) -> bool:
    """A target that is a place: a place noun or a named location ("areas", "Hays city")."""
    if token is None:
        return False
    return token.ent_type_ in ("GPE", "LOC", "FAC") or onto.is_place([token.lemma_])


def _named_place(filler: Filler, index: MentionIndex) -> bool:
    """A role filled by a place's name ("fired at Al Mina"): a place, not an opponent."""
    mention = index.mention(filler.span)
    return mention is not None and mention.label in ("GPE", "LOC", "FAC")


def _span(filler: Filler | None) -> Span | None:
    return filler.span if filler else None


def _qualifiers(src: Filler | None, tgt: Filler | None) -> tuple[str, ...]:
    quals = []
    if src and src.qualifiers:
        quals += [f"source_{q}" if q != "forces" else "forces" for q in src.qualifiers]
    if tgt and tgt.qualifiers:
        quals += [f"target_{q}" for q in tgt.qualifiers]
    return tuple(dict.fromkeys(quals))


def _name_after_adjective(token: Token | None, index: MentionIndex) -> Token | None:
    """The name an adjective describes, when the parse takes the adjective for the whole
    agent: "shells fired by the paramilitary Desert Shield" is read with "paramilitary" as
    the object of "by" and the name hung elsewhere; the named body right after the
    adjective ("the jihadist X", "the rebel X") is the doer. Any other token is kept."""
    if token is None or token.pos_ != "ADJ" or token.dep_ != "pobj" or index.fillers(token):
        return token
    doc = token.doc
    if token.i + 1 >= len(doc) or (named := index.covering(doc[token.i + 1])) is None:
        return token
    words = doc.char_span(named.span.start, named.span.end, alignment_mode="expand")
    return words[-1] if words is not None and index.fillers(words[-1]) else token


def _holder_of_origin(token: Token, subject: Token | None, index: MentionIndex) -> Token | None:
    """Who holds the ground the fire came from, when no one is named as firing: "Mortar
    rounds fired from ridges held by X struck a school", "rockets launched from areas controlled by
    X" -- the holder fired them. Read on the trigger's own "from" and on the participle
    or verb of the weapon that is its subject."""
    verbs = [token]
    if subject is not None:
        verbs += [c for c in subject.children if c.dep_ == "acl"]
        if subject.dep_ == "nsubj" and subject.head.i != token.i:
            verbs.append(subject.head)
    for verb in verbs:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
            for ground in (c for c in prep.children if c.dep_ == "pobj"):
                holder = held_by(ground)
                if holder is not None and index.fillers(holder):
                    return holder
    return None


def _gerund_doer(token: Token, index: MentionIndex) -> Token | None:
    """The actor doing a subject-less gerund: "soldiers firing on the crowd", and an
    actor noun right before it that the parser split off ("killed in police firing")."""
    if token.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None
    if token.dep_ == "acl" and index.covering(token.head):
        return token.head
    prev = token.doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.dep_ == "pobj" and index.covering(prev):
        return prev
    return None


@extractors.register("events")
class Events(Component):
    """Events: triggers, types, roles, date, place, counts, modality."""

    name = "events"
    requires = ("mentions", "timexes", "places", "counts", "quotes", "statistics")
    assigns = ("events",)
    extends = ("mentions",)

    def __call__(self, ctx: DocContext) -> dict[str, Sequence[Any]]:
        return extract_events(ctx)
