"""Who leads which armed body, as one document states it or the KB knows it.

"Forces loyal to X", "X's men" and "troops under the command of X" name the armed body X
leads, not X himself, when the document ties X to one. The ties read here:

* a participle after the body: "the Kuma Front, led (commanded, headed) by X";
* a verb: "X leads (commands, heads) the Kuma Front", "X, who commands the Kuma Front";
* a leader noun with its body: "X, the leader (commander, head, chief, founder) of the
  Kuma Front", "the Front's commander X", "Kuma Front leader X", "the leader of the Front, X";
* a KB role of X's that holds now: "Commander of the Rapid Support Forces" ties X to the
  Rapid Support Forces when the document names them.

A person tied to two bodies is tied to none: the reader cannot tell whose forces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from eventwire.extract.clausechain import child_of
from eventwire.model import Mention

# Verbs whose subject leads their object, and whose "by" agent leads the noun they modify.
LEAD_VERBS = frozenset({"lead", "command", "head", "run", "found"})
# Nouns of the one who leads a body: "the leader of X", "X's commander", "X leader Y".
LEADER_NOUNS = frozenset(
    {"leader", "commander", "head", "chief", "founder", "chairman", "emir", "warlord"}
)
# Labels of a mention that may name a led body (not a person, not a place).
BODY_LABELS = frozenset({"ORG", "NORP", "GROUP", "ROLE"})
# KB types of a body whose forces its leader's are (not a state, an office or a UN body).
BODY_TYPES = frozenset({"armed_group", "state_forces", "political_party", "coalition"})
# A KB role title tying its holder to a body: "Commander of the Rapid Support Forces",
# "Leader of Hezbollah", "Deputy Commander of the ...".
_ROLE_BODY = re.compile(
    r"^(?:(?:general|deputy|supreme|founding)\s+)?(?:commander(?:-in-chief)?|leader|head|"
    r"chief|founder|emir|chairman|secretary-general)\s+of\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)

Covering = Callable[[Any], Mention | None]


def role_body(title: str) -> str | None:
    """The body a leader's title names: "Commander of the Rapid Support Forces" ->
    "Rapid Support Forces"; None for another kind of title ("President of Sudan" names a
    state, which a person's forces do not stand for)."""
    m = _ROLE_BODY.match(title.strip())
    return m.group(1).strip() if m else None


def _pobj(token: Any, words: tuple[str, ...], deps: tuple[str, ...] = ("prep",)) -> Any | None:
    for child in token.children:
        if child.dep_ in deps and child.lower_ in words:
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def stated_ties(tokens: Any) -> list[tuple[Any, Any]]:
    """(leader token, body token) pairs the parse states, in text order."""
    pairs: list[tuple[Any, Any]] = []
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma in LEAD_VERBS and tok.pos_ == "VERB":
            agent = _pobj(tok, ("by",), ("agent", "prep"))
            if tok.dep_ == "acl" and agent is not None:  # "the Front, led by X"
                pairs.append((agent, tok.head))
            body = child_of(tok, "dobj")
            subject = child_of(tok, "nsubj")
            if subject is not None and subject.lower_ in ("who", "that") and tok.dep_ == "relcl":
                subject = tok.head  # "X, who commands the Front"
            if body is not None and subject is not None:  # "X leads the Front"
                pairs.append((subject, body))
        elif lemma in LEADER_NOUNS and tok.pos_ == "NOUN":
            body = (
                _pobj(tok, ("of",))
                or child_of(tok, "poss")
                or next((c for c in tok.children if c.dep_ == "compound" and c.i < tok.i), None)
            )
            if body is None:
                continue
            # "X, the leader of the Front" (apposition), "Front leader X" (a title)
            if tok.dep_ == "appos" or (tok.dep_ == "compound" and tok.head.i > tok.i):
                pairs.append((tok.head, body))
            pairs += [(c, body) for c in tok.children if c.dep_ == "appos"]  # "its leader, X"
    return pairs


def led_bodies(
    tokens: Any,
    mentions: list[Mention],
    covering: Covering,
    kb: Any,
    is_person: Callable[[Mention], bool],
) -> dict[str, Mention]:
    """Person mention group -> the mention of the one body that person leads."""
    found: dict[str, dict[str, Mention]] = {}

    def tie(person: Mention | None, body: Mention | None) -> None:
        if person is None or body is None or person.group == body.group:
            return
        if not is_person(person) or is_person(body) or body.label not in BODY_LABELS:
            return
        found.setdefault(person.group, {}).setdefault(body.group, body)

    for leader, body in stated_ties(tokens):
        tie(covering(leader), covering(body))
    entries = [(m, kb.lookup(m.normalized or m.span.text)) for m in mentions]
    by_entry: dict[str, Mention] = {}
    for m, entry in entries:
        if entry is not None:
            by_entry.setdefault(entry.id, m)
    for m, entry in entries:
        if entry is None or entry.type != "person" or m.group in found:
            continue  # what the document states comes first
        for role in entry.roles:
            name = role_body(role.title) if role.end is None else None
            body_entry = kb.lookup(name) if name else None
            if (
                body_entry is not None
                and body_entry.type in BODY_TYPES
                and body_entry.id in by_entry
            ):
                tie(m, by_entry[body_entry.id])
    return {
        person: next(iter(bodies.values())) for person, bodies in found.items() if len(bodies) == 1
    }
