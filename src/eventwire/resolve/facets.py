"""Support given in an act of violence, told in the act's sentence: a facet of that act's
incident, linked to it like a statement about it, never an incident of its own.

"Foreign soldiers **backed** the rebels **during an attack** on the town" and "Militiamen,
**backed by** drones, **stormed** the town" tell one occurrence, the attack; the backing is
how it was carried out. As an incident of its own, the backing would be counted as a
second occurrence and would take the attack's place where one event per sentence is read.
Linked as a facet, it stays an event with its own actors (the backer and the backed are not
the attack's sides: "backed the rebels" names the rebels as its target) and is listed in
the attack incident's ``statements``. :mod:`eventwire.resolve.doc_incidents` asks
:func:`is_support_in_act` for each event of a sentence.

**A protest fired on** is a facet of the shooting the same way: "Security forces fired at
protesters **marching** against prices", "three demonstrators were shot dead as police
broke up a **march**" tell one occurrence, the act of violence, whose occasion was the
protest (:func:`is_protest_in_act`). :func:`~eventwire.resolve.incidents.link_facets` links
such a protest to the act's incident of its article before reports are merged, so one
outlet's protest and another's shooting are not two incidents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.model import COUNTING_MODALITIES, EventMention

SUPPORT_TYPES = frozenset({"SUPPORT"})
# the prepositions that put an act of violence as the occasion of the support: "during an
# attack", "in an assault", "in their offensive", "throughout the siege", "amid fighting"
OCCASION_WORDS = frozenset({"during", "in", "throughout", "amid", "amidst"})
# at most this many words between such a preposition and the act's noun: a determiner, a
# possessive, a day or a short modifier ("during a dawn attack", "in Monday's assault"),
# with no punctuation or relative word ("in Goma, which was attacked" is not the occasion)
OCCASION_GAP = 3
_CLAUSE_WORDS = frozenset({"which", "that", "who", "where", "when", "while", "as", "and", "but"})
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")


def _offset(em: EventMention) -> int:
    return em.trigger.start - em.evidence.char_start


def _happened(em: EventMention) -> bool:
    """As an incident counts it: asserted, reported or alleged, and not negated."""
    return em.modality in COUNTING_MODALITIES and not em.negated


def _occasion(support: EventMention, act: EventMention) -> bool:
    """Whether the act is the occasion of the support ("backed the rebels during an
    attack"): its noun follows the support, after an occasion preposition and at most
    :data:`OCCASION_GAP` plain words."""
    start, end = _offset(support) + len(support.trigger.text), _offset(act)
    if end <= start:
        return False
    words = [w.casefold() for w in _WORD.findall(support.evidence.sentence[start:end])]
    for k in range(len(words) - 1, max(len(words) - OCCASION_GAP - 2, -1), -1):
        if words[k] in OCCASION_WORDS:
            return True
        if words[k] in _CLAUSE_WORDS or not (words[k][0].isalnum() or words[k][0] == "'"):
            return False
    return False


def _backs_the_doer(support: EventMention, act: EventMention) -> bool:
    """Whether the one backed is the act's doer ("Militiamen, backed by drones, stormed
    the town"): a participle of support whose target is the act's source."""
    t, s = support.target, act.source
    return bool(
        "embedded" in support.qualifiers and t and s and (t.start, t.end) == (s.start, s.end)
    )


# the nouns of an act of violence an occasion phrase may name when no event of the sentence
# stands for it ("backed the rebels during an attack on Monday", "in the assault on the
# town", "throughout the siege")
ACT_NOUNS = frozenset({"attack", "attacks", "assault", "offensive", "raid", "raids", "fighting",
                       "clashes", "battle", "siege", "bombardment", "shelling", "strike",
                       "strikes", "airstrike", "airstrikes", "ambush", "incursion"})  # fmt: skip
SUPPORT_REACH = 6  # words from the support's trigger to the occasion preposition


def _occasion_named(support: EventMention) -> bool:
    """Whether the support's own clause names an act of violence as its occasion, by the
    act's noun: "Hired gunmen backed the militia during a dawn attack" (an
    occasion preposition within :data:`SUPPORT_REACH` words of the trigger, then at most
    :data:`OCCASION_GAP` plain words to the noun), when the act itself is no event."""
    ev = support.evidence
    after = ev.sentence[_offset(support) + len(support.trigger.text) :]
    words = [w.casefold() for w in _WORD.findall(after)][: SUPPORT_REACH + OCCASION_GAP + 1]
    for k, word in enumerate(words):
        if word in _CLAUSE_WORDS or not (word[0].isalnum() or word[0] == "'"):
            return False
        if word in OCCASION_WORDS and k < SUPPORT_REACH:
            for nxt in words[k + 1 : k + 2 + OCCASION_GAP]:
                if nxt in ACT_NOUNS:
                    return True
                if nxt in _CLAUSE_WORDS or not (nxt[0].isalnum() or nxt[0] == "'"):
                    break
    return False


def is_support_in_act(
    em: EventMention, sentence: Sequence[EventMention], violent: frozenset[str]
) -> bool:
    """Whether ``em`` is support given in an act of violence its sentence tells (see the
    module docstring): "X backed Y during an attack", "Y, backed by X, attacked"; the act
    may be named by its noun alone (:func:`_occasion_named`)."""
    if em.type not in SUPPORT_TYPES:
        return False
    return _occasion_named(em) or any(
        o.type in violent and _happened(o) and (_occasion(em, o) or _backs_the_doer(em, o))
        for o in sentence
        if o is not em
    )


PROTEST_TYPES = frozenset({"PROTEST"})
# the prepositions that make the protest what the act was aimed at: "fired at protesters
# marching", "opened fire on a rally", "charged into the sit-in"
AIMED_WORDS = frozenset({"at", "on", "upon", "into", "against"})
AIMED_GAP = 6  # words from the act's trigger to the protest's


def _aimed_at(act: EventMention, protest: EventMention) -> bool:
    """Whether the protest is told in the phrase the act was aimed at ("fired live rounds
    at protesters marching"): it follows the act's trigger within :data:`AIMED_GAP` plain
    words, one of them an aiming preposition."""
    start, end = _offset(act) + len(act.trigger.text), _offset(protest)
    if end <= start:
        return False
    words = [w.casefold() for w in _WORD.findall(act.evidence.sentence[start:end])]
    if len(words) > AIMED_GAP or any(w in _CLAUSE_WORDS or not w[0].isalnum() for w in words):
        return False
    return any(w in AIMED_WORDS for w in words)


def is_protest_in_act(
    em: EventMention, sentence: Sequence[EventMention], violent: frozenset[str]
) -> bool:
    """Whether ``em`` is a protest that an act of violence its sentence tells was aimed at
    (a protest fired on): "Security forces fired at protesters marching against prices",
    "Three demonstrators were shot dead as police broke up a march" (the protest's doer is
    the act's target). The protest is a facet of the act's incident, as support given in
    it is: one occurrence, the shooting, whose occasion was the protest."""
    if em.type not in PROTEST_TYPES:
        return False
    for o in sentence:
        if o is em or o.type not in violent or not _happened(o):
            continue
        s, t = em.source, o.target
        if s and t and (s.start, s.end) == (t.start, t.end):
            return True
        if _aimed_at(o, em):
            return True
    return False


def is_facet_of_act(
    em: EventMention, sentence: Sequence[EventMention], violent: frozenset[str]
) -> bool:
    """Whether ``em`` is a facet of an act of violence its sentence tells (support given
    in it, or the protest it was aimed at): part of that occurrence, unlike a statement
    about it (a condemnation, a claim, a denial)."""
    return is_support_in_act(em, sentence, violent) or is_protest_in_act(em, sentence, violent)
