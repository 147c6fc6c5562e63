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

A line's article is named by a number the caller already holds when it can be (the code
of the article id among the values of the join's
:class:`~eventwire.resolve.report_table.ReportTable`), so the lines hold no article id of
their own: numbering them again took about 89 bytes a report (round (26)), as nearly
every article's report is kept apart from some cluster.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable

__all__ = ["ApartLines", "ApartSets"]

ARTICLE_BITS = 32  # a line's code: its reason's number above its article's
_NUMBERED_HERE = 1 << (ARTICLE_BITS - 1)  # an article numbered by ``ApartLines`` itself


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
    lines get equal codes (their article and reason are numbered once each), so the
    notes' comparisons of lines are comparisons of codes.

    An article is given as its id, numbered here, or as a number ``article_of`` turns
    back into its id (equal ids, equal numbers; below ``2**31``): the join gives the code
    of a report's article id in its table of values, which holds every id once already."""

    def __init__(self, article_of: Callable[[int], str] | None = None) -> None:
        self._strings = _Numbered()  # reasons, and the article ids given as text
        self._article_of = article_of

    def code(self, article: str | int, why: str) -> int:
        """The code of the line "kept apart from ``article``'s report: ``why``"."""
        if isinstance(article, str):
            number = self._strings.number(article) | _NUMBERED_HERE
        elif self._article_of is None or not 0 <= article < _NUMBERED_HERE:
            raise ValueError(f"no article of number {article}")
        else:
            number = article
        return self._strings.number(why) << ARTICLE_BITS | number

    def text(self, code: int) -> str:
        number = code & ((1 << ARTICLE_BITS) - 1)
        if number & _NUMBERED_HERE:
            article_id = self._strings[number & ~_NUMBERED_HERE]
        else:
            assert self._article_of is not None  # ``code`` took no other number
            article_id = self._article_of(number)
        return f"kept apart from {article_id}'s report: {self._strings[code >> ARTICLE_BITS]}"
