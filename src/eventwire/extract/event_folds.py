"""Events of one document folded into the act they tell again, once all are read.

A participle of consequence ("..., killing 12 civilians") or an event noun setting an act
("killed in an air strike") is that act's toll and victims (:func:`_consequences_folded`);
an act named again by a definite noun takes the date of the act told before
(:func:`_named_again_dated`); lines telling only victims are found for
:func:`~eventwire.extract.count_attach.fold_follow_ups` (:func:`_follow_up_lines`).

Split out of :mod:`eventwire.extract.events` so that module holds the extractor's flow;
the rules are unchanged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.count_attach import VICTIM_VERBS, follow_up_line
from eventwire.extract.eventlinks import CONSEQUENCE_DEPS
from eventwire.extract.modality import SPEECH_VERBS
from eventwire.extract.weapons import ARMY_MODIFIERS
from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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
    hours", "died in an air raid") is that act too."""
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
    setting the act ("killing nine in a battle", "died in an air raid") is the
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
            target, own = host.target or e.target, host.qualifiers
            if _army_word_on_thing(doc, host.target) and _named_side(doc, e.target):
                # "struck a military vehicle, killing two fighters of X": X was hit
                target, own = e.target, tuple(q for q in own if not q.startswith("target_"))
            out[h] = replace(host, source=host.source or e.source, target=target,
                             qualifiers=tuple(dict.fromkeys((*own, *quals))))  # fmt: skip
        dropped.add(n)
    for h, kinds in victims.items():
        if kinds & ARMED_VICTIMS and CIVILIAN_TARGET not in kinds:
            # "stormed a village, killing four soldiers": the victims are armed people, the
            # village only where they were hit; the act is no attack on civilians
            quals = out[h].qualifiers
            out[h] = replace(out[h], qualifiers=tuple(q for q in quals if q != CIVILIAN_TARGET))
    return [e for n, e in enumerate(out) if n not in dropped]


def _army_word_on_thing(doc: Doc, span: Span | None) -> bool:
    """An army word modifying the thing an act hit stands for the thing's army only when
    nothing better is told: "struck a military vehicle" (``military`` as the target)."""
    tokens = doc.char_span(span.start, span.end) if span is not None else None
    if tokens is None or len(tokens) != 1:
        return False
    word = tokens[0]
    return (word.lower_ in ARMY_MODIFIERS and word.dep_ in ("amod", "compound")
            and word.head.pos_ == "NOUN" and word.head.i > word.i)  # fmt: skip


def _named_side(doc: Doc, span: Span | None) -> bool:
    """A side the text names ("fighters of the Syrian Democratic Forces" gives the Forces),
    not a plain noun of people ("soldiers")."""
    tokens = doc.char_span(span.start, span.end) if span is not None else None
    return tokens is not None and any(t.pos_ == "PROPN" for t in tokens)


CIVILIAN_TARGET = "target_civilian"
# Victims who are no civilians: a state's forces, police, fighters of a group, its forces.
ARMED_VICTIMS = frozenset({"target_state", "target_armed", "target_forces"})
