"""Scoring arithmetic shared by the gold sets: tallies, P/R/F1, distances, overlaps.

Every figure is a :class:`Metric`: a value (``None`` when nothing could be
scored, with the reason in ``note``) and the number ``n`` of gold items behind it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from eventwire.text.geo import EARTH_RADIUS_KM, haversine_km


@dataclass(frozen=True)
class Metric:
    value: float | None
    n: int
    note: str | None = None

    def as_dict(self) -> dict[str, float | int | str | None]:
        out: dict[str, float | int | str | None] = {
            "value": None if self.value is None else round(self.value, 4),
            "n": self.n,
        }
        if self.note:
            out["note"] = self.note
        return out


def null(reason: str, n: int = 0) -> Metric:
    """A figure that could not be computed, and why."""
    return Metric(None, n, reason)


@dataclass
class Tally:
    """Correct / total counter for one accuracy-style figure."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> bool:
        self.total += 1
        self.correct += int(bool(ok))
        return bool(ok)

    def metric(self, note: str | None = None) -> Metric:
        if not self.total:
            return Metric(None, 0, note or "no gold items to score")
        return Metric(self.correct / self.total, self.total, note)


@dataclass
class Mean:
    """Running mean of a real-valued figure (e.g. an error in km)."""

    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    def metric(self, note: str | None = None) -> Metric:
        if not self.values:
            return Metric(None, 0, note or "no gold items to score")
        return Metric(sum(self.values) / len(self.values), len(self.values), note)


@dataclass(frozen=True)
class PRF:
    precision: float | None
    recall: float | None
    f1: float | None


def prf(tp: int, fp: int, fn: int) -> PRF:
    """Precision, recall and F1 from counts; a ratio with nothing to divide by is None.

    F1 is 0.0 whenever there is something to find or something found but no hit."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    if not tp:
        return PRF(p, r, 0.0 if fp + fn else None)
    assert p is not None and r is not None
    return PRF(p, r, 2 * p * r / (p + r))


def macro_f1(gold: list[str], predicted: list[str | None]) -> Metric:
    """Mean F1 over the classes present in ``gold`` (a missing prediction is wrong)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    if not gold:
        return Metric(None, 0, "no gold items to score")
    scores = []
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        scores.append(prf(tp, fp, fn).f1 or 0.0)
    return Metric(sum(scores) / len(scores), len(gold))


def set_f1(ours: Iterable[str], gold: Iterable[str]) -> float:
    """F1 between two sets (e.g. timeline dates); 1.0 when both are empty."""
    a, b = set(ours), set(gold)
    if not a and not b:
        return 1.0
    tp = len(a & b)
    return prf(tp, len(a - b), len(b - a)).f1 or 0.0


# one distance function for the whole package
__all__ = ["EARTH_RADIUS_KM", "haversine_km"]


def spans_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# Words that say nothing about *which* actor is meant; ignored by text overlap.
_GENERIC = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "to",
        "from",
        "by",
        "with",
        "its",
        "his",
        "her",
        "their",
        "forces",
        "force",
        "military",
        "unidentified",
        "armed",
        "group",
        "groups",
        "members",
        "member",
        "people",
        "s",
    ]
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def content_words(text: str) -> set[str]:
    """Lower-cased word set of ``text`` without generic words."""
    return {w for w in _WORD.findall(text.casefold()) if w not in _GENERIC}


def text_overlap(ours: Iterable[str], gold: Iterable[str]) -> bool:
    """True when any of our strings shares a content word with any gold string."""
    mine: set[str] = set()
    for text in ours:
        mine |= content_words(text)
    return any(mine & content_words(g) for g in gold)
