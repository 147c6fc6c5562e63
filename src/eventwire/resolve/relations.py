"""Relations between actors: events and explicit statements aggregated per actor pair.

An event whose type carries a relation in the ontology (SUPPORT and AID ->
support, ASSAULT -> fight, ACCUSE -> oppose ...) and every explicit relation
statement ("an ally of", "backed by") is a piece of evidence for the relation
(source, target, type). Only non-negated ``asserted``, ``reported`` and
``alleged`` pieces count (``evidence``, ``source_count``); denials go to
``denied_evidence``; hypothetical and future pieces are kept on a relation of
their own modality with ``source_count`` 0, shown but never counted. A relation
that some articles assert and others deny is ``contested``. An event that only
states an act which has not happened (qualifier ``statement``: "did not back" as
REJECT) is no evidence of its own: the act carries the relation and its modality.
An act whose doer is named only by an accusation in another sentence (qualifier
``source_alleged``) makes an alleged relation. Backing stated only in the words of an
adversary of the backer or of the backed side is alleged (:func:`claimed`); a neutral
reporter or an ally stating it asserts it, and an accusation verb ("accused X of arming Y") makes it alleged at extraction already.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eventwire.extract.actorspans import FOLLOWERS
from eventwire.extract.eventlinks import SOURCE_ALLEGED
from eventwire.knowledge.resources import Resources
from eventwire.model import COUNTING_MODALITIES, DocumentRecords, Event, Evidence, Relation
from eventwire.resolve.events import actor_of
from eventwire.resolve.ids import stable_id

# Qualifier of an event that states an act which has not happened ("did not back" ->
# REJECT, "will support" -> AGREE); the act itself is the relation's evidence, with its
# own modality, so the statement adds none.
STATEMENT = "statement"


@dataclass(frozen=True)
class _Piece:
    evidence: Evidence
    modality: str
    negated: bool
    date: str | None


@dataclass
class _Pair:
    pieces: list[_Piece] = field(default_factory=list)


def resolve_relations(
    docs: Sequence[DocumentRecords],
    events: Sequence[Event],
    mention_actor: Mapping[str, str],
    resources: Resources,
) -> list[Relation]:
    onto = resources.ontology
    pairs: dict[tuple[str, str, str], _Pair] = {}

    def add(src: str | None, tgt: str | None, rtype: str, piece: _Piece) -> None:
        if src and tgt and src != tgt:
            pairs.setdefault((src, tgt, rtype), _Pair()).pieces.append(piece)

    foes = adversaries(docs, events, mention_actor, resources)
    for ev in events:
        et = onto.types.get(ev.type)
        if et is None or et.relation is None or STATEMENT in ev.qualifiers:
            continue
        if {f"source_{FOLLOWERS}", f"target_{FOLLOWERS}"} & set(ev.qualifiers):
            continue  # the followers of a person acted, not the person
        rtype = et.relation[0]
        modality = claimed(
            rtype, ev.modality, ev.attributed_to, ev.source_actor, ev.target_actor, foes
        )
        if SOURCE_ALLEGED in ev.qualifiers and modality == "asserted":
            modality = "alleged"  # "Gunmen killed six. Police blamed X": X's act is alleged
        for evidence in ev.evidence:
            piece = _Piece(evidence, modality, ev.negated, ev.date)
            add(ev.source_actor, ev.target_actor, rtype, piece)
    for doc in docs:
        for rm in doc.relations:
            src = actor_of(mention_actor, rm.article_id, rm.source)
            tgt = actor_of(mention_actor, rm.article_id, rm.target)
            speaker = actor_of(mention_actor, rm.article_id, rm.attributed_to)
            modality = claimed(rm.type, rm.modality, speaker, src, tgt, foes)
            piece = _Piece(rm.evidence, modality, rm.negated, rm.when.calendar if rm.when else None)
            add(src, tgt, rm.type, piece)
    relations = []
    for (src, tgt, rtype), pair in sorted(pairs.items()):
        relations.extend(_relations(src, tgt, rtype, pair.pieces))
    return relations


# Relations that make one actor the other's adversary, whoever states them.
HOSTILE = frozenset({"fight", "oppose"})


def adversaries(
    docs: Sequence[DocumentRecords],
    events: Sequence[Event],
    mention_actor: Mapping[str, str],
    resources: Resources,
) -> frozenset[tuple[str, str]]:
    """Pairs of actors (both orders) that fight or oppose each other by a stated,
    non-negated event or relation statement: "the Front attacked Niger's army", "Niger
    accused Chad of ..."."""
    onto = resources.ontology
    found: set[tuple[str, str]] = set()

    def add(a: str | None, b: str | None) -> None:
        if a and b and a != b:
            found.update(((a, b), (b, a)))

    for ev in events:
        et = onto.types.get(ev.type)
        rel = et.relation[0] if et is not None and et.relation else None
        if rel in HOSTILE and not ev.negated and ev.modality in COUNTING_MODALITIES:
            add(ev.source_actor, ev.target_actor)
    for doc in docs:
        for rm in doc.relations:
            if rm.type in HOSTILE and not rm.negated and rm.modality in COUNTING_MODALITIES:
                add(
                    actor_of(mention_actor, rm.article_id, rm.source),
                    actor_of(mention_actor, rm.article_id, rm.target),
                )
    return frozenset(found)


def claimed(
    rtype: str,
    modality: str,
    speaker: str | None,
    src: str | None,
    tgt: str | None,
    foes: frozenset[tuple[str, str]] = frozenset(),
) -> str:
    """Backing stated in the words of an adversary of the backer or of the backed side
    is alleged: "Congo's army said the rebels were backed by Rwandan soldiers", when the
    army fights the rebels, is the army's claim, not the outlet's. A neutral reporter or
    an ally saying it ("a UN report said ...") and the giver or receiver saying so
    themselves (an admission) leave it asserted."""
    if (
        rtype == "support"
        and modality == "asserted"
        and speaker
        and speaker not in (src, tgt)
        and ((speaker, src) in foes or (speaker, tgt) in foes)
    ):
        return "alleged"
    return modality


def _unique(pieces: list[_Piece]) -> tuple[Evidence, ...]:
    seen = {(p.evidence.article_id, p.evidence.char_start): p.evidence for p in pieces}
    return tuple(seen[k] for k in sorted(seen))


def _relations(src: str, tgt: str, rtype: str, pieces: list[_Piece]) -> list[Relation]:
    counting = [p for p in pieces if not p.negated and p.modality in COUNTING_MODALITIES]
    denied = [p for p in pieces if p.negated]
    other = [p for p in pieces if not p.negated and p.modality not in COUNTING_MODALITIES]
    out = []
    if counting or denied:
        main = counting or denied
        modes = Counter(p.modality for p in main)
        dates = sorted(p.date for p in counting if p.date)
        out.append(
            Relation(
                id=stable_id("relation", src, tgt, rtype),
                source_actor=src,
                target_actor=tgt,
                type=rtype,
                evidence=_unique(main),
                negated=not counting,
                modality="asserted" if "asserted" in modes else modes.most_common(1)[0][0],
                contested=bool(counting and denied),
                first_seen=dates[0] if dates else None,
                last_seen=dates[-1] if dates else None,
                source_count=len({p.evidence.article_id for p in counting}),
                denied_evidence=_unique(denied) if counting else (),
            )
        )
    for modality in sorted({p.modality for p in other}):
        these = [p for p in other if p.modality == modality]
        out.append(
            Relation(
                id=stable_id("relation", src, tgt, rtype, modality),
                source_actor=src,
                target_actor=tgt,
                type=rtype,
                evidence=_unique(these),
                modality=modality,
                source_count=0,
            )
        )
    return out
