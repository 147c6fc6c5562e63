"""The incident join's bookkeeping held as numbers: clusters known apart, and the
"kept apart" lines it notes.

:func:`~eventwire.resolve.incidents.resolve_incidents` remembers, for each cluster of
several reports, the clusters a veto kept it apart from (so as not to compare the two
again), and notes up to ten "kept apart from X's report: why" lines per cluster for its
explanation. Both grow faster than the store: a side that acts every day files many
reports under one block, and each cluster of the block is kept apart from most others.
As Python sets of report numbers and as strings they were the largest things the join
held (at 30,000 synthetic articles, 54 MB of sets and 45 MB of notes, against 16 MB for
every report it compares; docs/scale.md, "What holds memory").

:class:`ApartSets` keeps each cluster's known-apart clusters as a sorted array of 4-byte
report numbers (looked up by bisection) instead of a set of Python integers, and
:class:`ApartLines` names a "kept apart" line by one integer (its article and its
reason, each numbered once) that becomes its text only when the incident's
explanation is written. Neither changes what the join decides or says.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

__all__ = ["ApartLines", "ApartSets"]

ARTICLE_BITS = 32  # a line's code: its reason's number above its article's


class ApartSets:
    """Which clusters (by root) are known to be kept apart, both ways."""

    def __init__(self) -> None:
        self._of: dict[int, array[int]] = {}  # root -> the roots known apart, ascending

    def __contains__(self, pair: tuple[int, int]) -> bool:
        a, b = pair
        held = self._of.get(a)
        if held is None:
            return False
        k = bisect_left(held, b)
        return k < len(held) and held[k] == b

    def add(self, a: int, b: int) -> None:
        """Note ``a`` and ``b`` kept apart."""
        self._put(a, b)
        self._put(b, a)

    def merged(self, keep: int, gone: int) -> None:
        """``gone`` was merged into ``keep``: every cluster kept apart from ``gone`` is
        kept apart from ``keep``."""
        for other in self._of.pop(gone, ()):
            self._drop(other, gone)
            self._put(other, keep)
            self._put(keep, other)

    def _put(self, a: int, b: int) -> None:
        held = self._of.get(a)
        if held is None:
            self._of[a] = array("i", (b,))
            return
        k = bisect_left(held, b)
        if k == len(held) or held[k] != b:
            held.insert(k, b)

    def _drop(self, a: int, b: int) -> None:
        held = self._of.get(a)
        if held is None:
            return
        k = bisect_left(held, b)
        if k < len(held) and held[k] == b:
            del held[k]


class _Numbered:
    """Strings numbered once each, in the order first seen: a string's number, and the
    string of a number."""

    def __init__(self) -> None:
        self._number: dict[str, int] = {}
        self._texts: list[str] = []

    def number(self, text: str) -> int:
        n = self._number.get(text)
        if n is None:
            n = self._number[text] = len(self._texts)
            self._texts.append(text)
        return n

    def __getitem__(self, n: int) -> str:
        return self._texts[n]


class ApartLines:
    """The "kept apart from X's report: why" lines of one join, each as one integer: equal
    lines get equal codes (their article and reason are numbered once each, in one
    table), so the notes' comparisons of lines are comparisons of codes."""

    def __init__(self) -> None:
        self._strings = _Numbered()  # article ids and reasons

    def code(self, article_id: str, why: str) -> int:
        """The code of the line "kept apart from ``article_id``'s report: ``why``"."""
        return self._strings.number(why) << ARTICLE_BITS | self._strings.number(article_id)

    def text(self, code: int) -> str:
        article_id = self._strings[code & ((1 << ARTICLE_BITS) - 1)]
        return f"kept apart from {article_id}'s report: {self._strings[code >> ARTICLE_BITS]}"
