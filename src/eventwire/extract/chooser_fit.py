"""Fitting the doer chooser's logistic model, and the grouped cross-validation that picks
its threshold (used by ``scripts/train_chooser.py``; nothing here runs at extraction).

The fit is plain full-batch gradient descent on the L2-penalised log loss from zero
weights, a fixed number of steps: the same examples give the same weights on any
machine, so a test can check the shipped file against a retrain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

L2 = 0.001
STEPS = 3000
RATE = 0.5
THRESHOLDS = tuple(round(0.30 + 0.05 * k, 2) for k in range(14))  # 0.30 .. 0.95
TARGET_PRECISION = 0.8
MIN_FILLS = 5


@dataclass(frozen=True)
class Example:
    """One candidate of one event: its feature vector, whether it is the gold doer, the
    event it belongs to, the document group, whether the rules left the doer open, and
    the source it was read from."""

    x: tuple[float, ...]
    y: int
    event: str
    group: str
    open_doer: bool
    source: str = ""


def fit(xs: np.ndarray, ys: np.ndarray, l2: float | None = None, steps: int = STEPS) -> np.ndarray:
    """Weights minimising the mean log loss plus ``l2``/2 * |w|^2 (bias included: few
    features, and a bias left free drifts with the class balance of a fold)."""
    l2 = L2 if l2 is None else l2
    w = np.zeros(xs.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ w, -30, 30)))
        grad = xs.T @ (p - ys) / len(ys) + l2 * w
        w -= RATE * grad
    return w


@dataclass(frozen=True)
class FoldFigures:
    """At one threshold, over held-out events whose doer the rules left open: how many
    the chooser fills, how many of those it fills with the gold doer, and how many open
    events have a gold doer among their candidates at all."""

    threshold: float
    filled: int
    right: int
    reachable: int

    @property
    def precision(self) -> float:
        return self.right / self.filled if self.filled else 0.0


def _by_event(examples: Sequence[Example]) -> dict[str, list[Example]]:
    out: dict[str, list[Example]] = {}
    for e in examples:
        out.setdefault(e.event, []).append(e)
    return out


def decide(w: np.ndarray, events: dict[str, list[Example]], t: float) -> tuple[int, int]:
    """(filled, right) over ``events`` at threshold ``t``: the best candidate's
    probability must reach ``t``; right when that candidate is a gold doer."""
    filled = right = 0
    for cands in events.values():
        xs = np.array([c.x for c in cands])
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ w, -30, 30)))
        best = int(np.argmax(p))
        if p[best] >= t:
            filled += 1
            right += cands[best].y
    return filled, right


def grouped_cv(examples: Sequence[Example], folds: int = 5) -> list[FoldFigures]:
    """Figures at each of :data:`THRESHOLDS`, summed over ``folds`` folds of whole
    document groups (groups dealt round-robin in sorted order): trained on the other
    folds, counted on the open-doer events of the held-out one."""
    return cv_tables(examples, folds)[""]


def cv_tables(examples: Sequence[Example], folds: int = 5) -> dict[str, list[FoldFigures]]:
    """:func:`grouped_cv`'s figures over all held-out events (key ``""``) and over those of
    each source alone (one fit per fold serves them all)."""
    groups = sorted({e.group for e in examples})
    fold_of = {g: n % folds for n, g in enumerate(groups)}
    keys = ["", *sorted({e.source for e in examples})]
    totals = {k: {t: [0, 0, 0] for t in THRESHOLDS} for k in keys}
    for k in range(folds):
        train = [e for e in examples if fold_of[e.group] != k]
        held_all = [e for e in examples if fold_of[e.group] == k and e.open_doer]
        if not train or not held_all:
            continue
        w = fit(np.array([e.x for e in train]), np.array([e.y for e in train], dtype=float))
        for key in keys:
            held = _by_event([e for e in held_all if key in ("", e.source)])
            reachable = sum(any(c.y for c in cands) for cands in held.values())
            for t in THRESHOLDS:
                filled, right = decide(w, held, t)
                row = totals[key][t]
                row[0] += filled
                row[1] += right
                row[2] += reachable
    return {k: [FoldFigures(t, *totals[k][t]) for t in THRESHOLDS] for k in keys}


def pick_threshold(figures: Sequence[FoldFigures], target: float = TARGET_PRECISION) -> float:
    """The lowest threshold whose cross-validated precision reaches ``target`` with at
    least :data:`MIN_FILLS` fills (precision first, then as many fills as that allows);
    when none does, the one of best precision among those with that many fills (the
    higher on a tie), else the highest threshold."""
    enough = [f for f in figures if f.filled >= MIN_FILLS]
    for f in enough:
        if f.precision >= target:
            return f.threshold
    if not enough:
        return THRESHOLDS[-1]
    return max(enough, key=lambda f: (f.precision, f.threshold)).threshold
