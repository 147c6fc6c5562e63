"""The doer of an agentless passive act told with a clause of the same moment whose
subject goes after someone: "three bandits were killed as troops chased the raiders" (the
troops killed them). Read by :func:`~eventwire.extract.eventroles.verb_roles` when the
passive names no "by" agent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.parsewalk import dep_child, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of going after someone, in a clause of time on an agentless passive act: "two
# gunmen were killed as police hunted the kidnappers" (the police killed them).
PURSUIT_VERBS = frozenset({"chase", "pursue", "hunt", "track", "corner", "intercept",
                           "surround", "encircle", "repel", "ambush", "storm", "raid"})  # fmt: skip
# Words opening a clause of the same moment: "as", "when", "while".
SAME_MOMENT = frozenset({"as", "when", "while"})
# Nouns of a state's or a guard's people: victims of this kind were most likely the
# pursuers' own ("two soldiers were killed as troops chased the gunmen").
PURSUER_NOUNS = frozenset({"soldier", "troop", "policeman", "officer", "police", "serviceman",
                           "guard", "ranger", "commando", "militiaman", "fighter"})  # fmt: skip


def pursuer(verb: Token, victim: Token | None) -> Token | None:
    """The doer of an agentless passive act told with a clause of the same moment whose
    subject goes after someone: "two gunmen were killed as police hunted the kidnappers",
    "a gunman was shot dead when police stormed the house" (the troops, the police). Not
    when the clause's subject is a pronoun (often the victims themselves: "were killed as
    they chased ..."), nor when the victims are soldiers, police or fighters, who may be the
    pursuers' own."""
    if victim is not None and victim.lemma_.lower() in PURSUER_NOUNS:
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or verb_lemma(clause) not in PURSUIT_VERBS:
            continue
        if not any(c.dep_ in ("mark", "advmod") and c.lower_ in SAME_MOMENT
                   for c in clause.children):  # fmt: skip
            continue
        subject = dep_child(clause, "nsubj")
        if subject is not None and subject.pos_ not in ("PRON", "DET"):
            return subject
    return None
