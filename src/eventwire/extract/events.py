"""Events from the dependency parse: trigger -> PLOVER type, roles -> actor mentions.

Roles:

* verbs: subject = source, direct object (else dative or "to/against/on/with/into"
  object) = target; passive: "by" agent = source, passive subject = target; a
  verb without a subject of its own takes it from the verb that controls it
  ("denied backing him", "vowed to attack") or that it is coordinated with;
  a participle modifying a noun ("forces backed by Turkey") targets that noun.
* nouns ("offensive", "backing", "visit"): possessor, "by", "from" or an
  adjective/compound mention = source, else the subject of a light verb
  ("launched an offensive"); "on/against/to/for/of/in" object = target.

Coordination: "backed by the UAE, Egypt and France" gives **one event per
actor pair** (three events sharing one trigger), so each actor's relation is
counted on its own and de-duplication can match events actor by actor.
"X's forces" gives X with the qualifier ``forces``. Counts in the same sentence
are attached to violent events (ASSAULT, COERCE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.actorspans import Filler, MentionIndex
from eventwire.extract.anchor import place_for, when_for
from eventwire.extract.context import DocContext
from eventwire.extract.modality import attribution_of, modality_of
from eventwire.knowledge.ontology import Ontology, load_ontology
from eventwire.model import EventMention, Span
from eventwire.registry import extractors

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = frozenset({"to", "against", "on", "with", "into", "at", "for"})
NOUN_TARGET_PREPS = frozenset({"on", "against", "to", "for", "of", "in", "with", "into"})
NOUN_SOURCE_PREPS = frozenset({"by", "from"})
LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "begin", "start", "wage", "give", "offer",
     "provide", "hold", "make", "pay", "lead", "continue", "announce", "step", "resume",
     "order", "receive", "get", "accept", "seek", "deny", "extend", "pledge", "send"}
)  # fmt: skip
COUNTED_TYPES = frozenset({"ASSAULT", "COERCE"})


def trigger_type(token: Token, onto: Ontology) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
        for child in token.children:
            if child.dep_ in ("prt", "prep") and (t := onto.phrasal_type(lemma, child.lower_)):
                return t
        if token.pos_ == "AUX":
            return None
        return onto.verb_type(lemma)
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("PERSON", "GPE", "ORG"):
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and (t := onto.noun_type(f"{lemma} {nxt.lower_}")):
            return t
        prev = token.nbor(-1) if token.i > 0 else None
        if prev is not None and (t := onto.noun_type(f"{prev.lower_} {lemma}")):
            return t
        return onto.noun_type(lemma) or onto.noun_type(token.lower_)
    return None


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(token: Token, preps: frozenset[str], deps: tuple[str, ...] = ("prep",)) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and child.lower_ in preps and (pobj := _child(child, "pobj")):
            return pobj
    return None


def _controller_subject(token: Token) -> Token | None:
    """Subject of the verb that controls or is coordinated with a subject-less verb."""
    seen = 0
    while seen < 6:
        seen += 1
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            head = token.head
            subj = _child(head, "nsubj", "nsubjpass")
            if (
                token.dep_ == "xcomp"
                and (obj := _child(head, "dobj"))
                and head.lemma_ in ("urge", "ask", "force", "order", "help", "allow")
            ):
                return obj  # object control: "urged Turkey to withdraw"
            if subj is not None:
                return subj
            token = head
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            verb = token.head.head  # "accused Russia of providing"
            return _child(verb, "dobj") or _child(verb, "nsubj")
        return None
    return None


def verb_roles(token: Token) -> tuple[Token | None, list[Token | None]]:
    """Source token and target candidates (best first) of a verb trigger."""
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "forces backed by Turkey"
        return _pobj(token, frozenset({"by"}), ("agent", "prep")), [token.head]
    passive = _child(token, "nsubjpass")
    if passive is not None or _child(token, "auxpass") is not None:
        return _pobj(token, frozenset({"by"}), ("agent", "prep")), [passive]
    source = _child(token, "nsubj")
    if source is not None and source.dep_ == "nsubj" and source.lower_ in ("who", "that", "which"):
        source = token.head if token.dep_ == "relcl" else None
    if source is None:
        source = _controller_subject(token)
    dative = _child(token, "dative")
    if dative is not None and dative.pos_ == "ADP":
        dative = _child(dative, "pobj")
    # "provided weapons to Haftar": the object is a thing, the recipient the target.
    return source, [_child(token, "dobj"), dative, _pobj(token, TARGET_PREPS)]


def noun_roles(token: Token) -> tuple[Token | None, list[Token | None]]:
    source = _child(token, "poss") or _pobj(token, NOUN_SOURCE_PREPS)
    if source is None:
        source = next(
            (c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_), None
        )
    if source is None and token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in LIGHT_VERBS:
        source = _child(token.head, "nsubj") or _controller_subject(token.head)
    target = _pobj(token, NOUN_TARGET_PREPS)
    if target is None and token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS:
        target = _pobj(token.head, TARGET_PREPS) or _child(token.head, "dative")
        if target is not None and target.pos_ == "ADP":
            target = _child(target, "pobj")
    return source, [target]


@extractors.register("events", requires=("mentions",), assigns=("events", "mentions"))
def extract_events(ctx: DocContext) -> dict[str, tuple]:
    onto = load_ontology()
    index = MentionIndex.of(ctx)
    quotes = ctx.found.get("quotes", ())
    counts = ctx.found.get("counts", ())
    events: list[EventMention] = []
    for token in ctx.doc:
        etype = trigger_type(token, onto)
        if etype is None:
            continue
        is_verb = token.pos_ != "NOUN" and token.pos_ != "PROPN"
        src_tok, tgt_toks = verb_roles(token) if is_verb else noun_roles(token)
        sources = index.fillers(src_tok) or [None]
        targets = next((f for t in tgt_toks if (f := index.fillers(t))), [None])
        sent = token.sent
        in_sent = tuple(
            c for c in counts if sent.start_char <= c.evidence.char_start < sent.end_char
        )
        ev_counts = in_sent if etype in COUNTED_TYPES else ()
        if not is_verb and sources == [None] and targets == [None] and not ev_counts:
            continue  # a bare noun ("the war") states no event of its own
        negated, modality = modality_of(token)
        trigger = Span(token.idx, token.idx + len(token.text), token.text)
        common = dict(
            article_id=ctx.article.id,
            type=etype,
            trigger=trigger,
            evidence=ctx.evidence(sent),
            negated=negated,
            modality=modality,
            attributed_to=attribution_of(token, index, quotes),
            when=when_for(ctx, token),
            place=place_for(ctx, token),
            counts=ev_counts,
        )
        for src in sources:
            for tgt in targets:
                if src and tgt and src.span == tgt.span:
                    continue
                events.append(
                    EventMention(
                        source=_span(src),
                        target=_span(tgt),
                        qualifiers=_qualifiers(src, tgt),
                        **common,
                    )
                )
    return {"events": events, "mentions": index.all()}


def _span(filler: Filler | None) -> Span | None:
    return filler.span if filler else None


def _qualifiers(src: Filler | None, tgt: Filler | None) -> tuple[str, ...]:
    quals = []
    if src and src.qualifiers:
        quals += [f"source_{q}" if q != "forces" else "forces" for q in src.qualifiers]
    if tgt and tgt.qualifiers:
        quals += [f"target_{q}" for q in tgt.qualifiers]
    return tuple(dict.fromkeys(quals))
