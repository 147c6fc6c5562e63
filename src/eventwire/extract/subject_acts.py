"""An act named by the subject of the verb that tells what it did: one act, one event.

"A drone strike hit the bus station, killing six" names one act twice: the noun
"strike" and the verb "hit" whose subject it is. Read apart, they are two events (the
noun marked ``embedded`` under the verb), two candidates for the one toll, and the
noun's doer ("a military air strike") and the verb's victims ("hit the station")
are split between them. :func:`subject_acts_folded` keeps the noun, the name the act
goes by, with what the verb adds (target, weapon, date, place), and drops the verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.model import EventMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EMBEDDED = "embedded"
# What the verb's clause adds to the act its subject names.
TAKEN_QUALIFIERS = ("target_", "means_")


def _token_at(doc: Doc, start: int) -> Token | None:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None else None


def _subject_verb(noun: Token) -> Token | None:
    """The verb an act noun is the subject of ("the strike hit", "an attack killed")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.head.i == noun.i:
        return None
    verb = noun.head
    return verb if verb.pos_ == "VERB" else None


def subject_acts_folded(
    doc: Doc, events: Sequence[EventMention], violent: frozenset[str]
) -> list[EventMention]:
    """A violent act noun that is the subject of a violent verb of the same type, each
    told by one event ("A drone strike hit a bus station", "the blast killed five", "an
    air strike on the camp wounded nine"), is one act: the noun's event takes the verb's
    weapon, and its target and victims' kinds when it has no target of its own, its date or place
    when the noun has none stated, and stands where the verb stood (``embedded`` only if
    the verb was); the verb's event goes. Different doers, a negated verb ("the strike
    did not hit the depot") or a verb of another type keep them apart."""
    by_trigger: dict[int, list[int]] = {}
    for n, e in enumerate(events):
        by_trigger.setdefault(e.trigger.start, []).append(n)
    out = list(events)
    dropped: set[int] = set()
    for n, e in enumerate(events):
        if e.type not in violent or e.negated or by_trigger[e.trigger.start] != [n]:
            continue
        noun = _token_at(doc, e.trigger.start)
        verb = _subject_verb(noun) if noun is not None else None
        if verb is None:
            continue
        verb_events = by_trigger.get(verb.idx, [])
        if len(verb_events) != 1 or verb_events[0] in dropped:
            continue
        act = out[verb_events[0]]
        if act.type != e.type or act.negated:
            continue
        if e.source is not None and act.source not in (None, e.source):
            continue
        quals = [q for q in e.qualifiers if q != EMBEDDED]
        # the noun's own target ("an attack on the army killed a civilian") says what the
        # act was aimed at; the verb's victims then add their toll, not their kind
        taken = ("means_",) if e.target is not None else TAKEN_QUALIFIERS
        quals += [q for q in act.qualifiers if q.startswith(taken)]
        if EMBEDDED in act.qualifiers:
            quals.append(EMBEDDED)
        stated = e.when is not None and e.when.precision != "publication"
        out[n] = replace(
            e,
            source=e.source or act.source,
            target=e.target or act.target,
            when=e.when if stated or act.when is None else act.when,
            place=e.place or act.place,
            # an act laid at someone's door stays alleged ("a bombing blamed on X killed")
            modality=e.modality if e.modality != "asserted" else act.modality,
            attributed_to=e.attributed_to or act.attributed_to,
            qualifiers=tuple(dict.fromkeys(quals)),
        )
        dropped.add(verb_events[0])
    return [e for n, e in enumerate(out) if n not in dropped]
