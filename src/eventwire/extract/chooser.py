"""The learned doer chooser: a small logistic model that fills an event's open doer.

The hand rules of :mod:`eventwire.extract.eventroles` and its neighbours read the
constructions they know; an act whose doer they leave open often names it in a way no
rule reads. The chooser scores every candidate of such an event
(:func:`eventwire.extract.doer_features.candidates`) with weights learned from the dev
halves of several hand-coded sources (``scripts/train_chooser.py``, shipped as
``knowledge/data/doer_chooser.json``) and gives the event the best one when its
probability passes the threshold the training chose by grouped cross-validation
(precision first). It never replaces a doer a rule chose, and the ``doer_chooser``
setting turns it off. A doer it sets carries the qualifier ``doer_chosen``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from eventwire.extract.doer_features import (
    FEATURES,
    Candidate,
    OtherRoles,
    candidates,
    vector,
)
from eventwire.model import EventMention, Mention

if TYPE_CHECKING:
    from eventwire.extract.actorspans import MentionIndex
    from eventwire.extract.docview import DocView
    from eventwire.knowledge.ontology import Ontology

WEIGHTS_FILE = "doer_chooser.json"
CHOSEN = "doer_chosen"  # qualifier of a doer the chooser set


@dataclass(frozen=True)
class ChooserModel:
    """Feature weights of the logistic model and the probability a doer must pass."""

    weights: dict[str, float]
    threshold: float

    def probability(self, c: Candidate) -> float:
        z = sum(
            self.weights.get(name, 0.0) * x for name, x in zip(FEATURES, vector(c), strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@cache
def shipped_model() -> ChooserModel | None:
    """The shipped weights (read once: they are package data, never changed at run time);
    None when the file is missing or was written for other features."""
    path = files("eventwire.knowledge") / "data" / WEIGHTS_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None
    return ChooserModel(
        dict(zip(data["features"], data["weights"], strict=True)), data["threshold"]
    )


UNTOLD = frozenset({"hypothetical", "future"})  # modalities of an act not (yet) done


def may_fill(e: EventMention, onto: Ontology) -> bool:
    """Whether the chooser may give ``e`` a doer: a violent act, not a find, told as done
    (not negated, nor hypothetical or future: "a wider war would follow", "a threat to
    attack the ports" name no deed whose doer the text could tell), whose doer the rules
    left open."""
    if e.source is not None or "statement" in e.qualifiers or e.negated:
        return False
    if e.modality in UNTOLD:
        return False
    return e.type in onto.violent_types and not onto.is_finding(e.type, e.lemma)


def open_doers_filled(
    view: DocView,
    index: MentionIndex,
    events: list[EventMention],
    trigger_at: list[int],
    onto: Ontology,
    model: ChooserModel | None,
    kind_of: Callable[[Mention], str | None] | None = None,
) -> list[EventMention]:
    """``events`` with each open doer of an act filled by the best-scored candidate, when
    its probability passes ``model.threshold`` (statements and finds are left alone: a
    statement's source is its speaker, a find has no doer)."""
    if model is None:
        return events
    out = list(events)
    roles = OtherRoles.of(events, index)
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        if not may_fill(e, onto):
            continue
        trigger = view.doc[i]
        scored = [(model.probability(c), c) for c in
                  candidates(view, index, e, trigger, e.type in onto.violent_types, kind_of, roles)]  # fmt: skip
        if not scored:
            continue
        p, best = max(scored, key=lambda pc: pc[0])
        if p >= model.threshold and best.span != e.target:
            out[k] = replace(e, source=best.span, qualifiers=(*e.qualifiers, CHOSEN))
    return out
