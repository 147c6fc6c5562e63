"""Figures a story disputes: a toll one side claims and another side rejects.

A side's claim is often told beside the story's own figure, then disputed: "... said 18
soldiers had died, a figure the army did not confirm", "The army called the figure
'pure propaganda'", "The governor rejected that number". The disputed figure is the
claimant's, not the incident's: it gives way to a figure of its kind for the same people
that nobody disputes (:func:`eventwire.extract.counts.extract_counts`), and stays when
the story has no other.

Only a side disputes: a verb of rejecting with its figure as object, or a verb of
confirming negated, with a subject of its own that is not the outlet's reporter ("the
figure could not be verified", "a figure our reporter could not check" leave the figure
as told).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# nouns naming a figure told before: "that number", "the figure", "the claim"
FIGURE_NOUNS = frozenset({"figure", "number", "toll", "claim", "tally", "count", "estimate"})
# "rejected that number", "disputed the toll", "called the figure propaganda"
REJECTING_VERBS = frozenset({"reject", "deny", "dispute", "dismiss", "contest", "call"})
# negated: "a figure the army did not confirm", "the police would not accept the toll"
CONFIRMING_VERBS = frozenset({"confirm", "accept", "corroborate", "verify"})
# the outlet itself unable to check a figure is no side disputing it
REPORTER_WORDS = frozenset({"we", "i", "us", "reporter", "reporters", "correspondent",
                            "journalist", "journalists"})  # fmt: skip
MARK_REACH = 1  # sentences back a disputing line may point at the figure it names


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _disputes(verb: Token) -> bool:
    """Whether ``verb`` rejects what its object or antecedent names, said by a side: a
    verb of rejecting not negated ("called" only with what it calls the figure: "called
    the figure propaganda"), or a verb of confirming negated; its subject stated, and not
    the reporter."""
    lemma = verb.lemma_.lower()
    if lemma in REJECTING_VERBS:
        if _negated(verb):
            return False  # "did not dispute the figure" accepts it
        if lemma == "call" and not any(c.dep_ in ("oprd", "xcomp") for c in verb.children):
            return False
    elif not (lemma in CONFIRMING_VERBS and _negated(verb)):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ not in REPORTER_WORDS


def dispute_marks(tokens: Sequence[Token]) -> list[Token]:
    """The figure nouns in ``tokens`` a side disputes: the object of a disputing verb ("the
    governor rejected that number"), or a figure a disputing relative clause describes
    ("..., a figure the army did not confirm")."""
    return [
        tok
        for tok in tokens
        if tok.lemma_.lower() in FIGURE_NOUNS
        and tok.pos_ == "NOUN"
        and (
            (tok.dep_ == "dobj" and _disputes(tok.head))
            or any(c.dep_ == "relcl" and _disputes(c) for c in tok.children)
        )
    ]
