"""What the incident join says about one cluster of reports, held within bounds.

:func:`~eventwire.resolve.incidents.resolve_incidents` notes, for each cluster it
builds, every join ("joined A and B: ...") and every candidate it vetoed ("kept apart
from C's report: ..."). A side that acts every day files hundreds of reports under
one (family, day, side) block, so the vetoes of a busy day grow with the square of its
block; kept as lines, they were the largest thing the join held and they filled each
incident's explanation. :class:`Notes` keeps every join line (one per report joined)
and the first :data:`MAX_APART` distinct "kept apart" lines in the order the join found
them (it tries the nearest candidates first: more shared sides, the same town, closer
days), with a count of the rest.

Merging two clusters concatenates their notes (the surviving cluster's, then the
other's, then the join's line), and the capped notes of the merge are exactly the cap
of the uncapped ones: the first distinct lines of two lists put end to end are found
among the first distinct lines of each. So the explanation depends only on the join's
steps, as before, never on how often notes were merged.

What a cluster holds is kept small, since the join holds the notes of every cluster of
the store at once: the listed "kept apart" lines are found by a scan of at most
:data:`MAX_APART` (no set beside them), a cluster that lists none shares one empty
tuple, and equal lines are one string (:func:`sys.intern`: the line of a report vetoed
against many clusters, "kept apart from X's report: dates 3 days apart", is said to each
of them). Interned strings are let go with their last reference, as any other. The join
itself gives its "kept apart" lines as integer codes
(:class:`~eventwire.resolve.incident_apart.ApartLines`), equal for equal lines, and
:meth:`Notes.said` turns them into text when the incident is built.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

MAX_APART = 10  # "kept apart" lines listed per incident; the rest are counted
Line = str | int  # a line, or the code of a "kept apart" line (``ApartLines``)
_NONE: tuple[Line, ...] = ()


class Notes:
    """One cluster's join lines and a bounded sample of its "kept apart" lines."""

    __slots__ = ("apart", "lines", "said_apart")

    def __init__(self) -> None:
        self.lines: list[Line] = []  # join lines and the listed "kept apart" lines, in order
        self.apart: tuple[Line, ...] = _NONE  # the listed "kept apart" lines (a scan of ten)
        self.said_apart = 0  # "kept apart" lines said, listed or not, repeats included

    def kept_apart(self, line: Line) -> None:
        """Note a veto: listed while fewer than :data:`MAX_APART` distinct ones are."""
        self.said_apart += 1
        self._list(line)

    def _list(self, line: Line) -> None:
        if len(self.apart) < MAX_APART and line not in self.apart:
            if isinstance(line, str):
                line = sys.intern(line)
            self.apart += (line,)
            self.lines.append(line)

    def absorb(self, other: Notes | None, joined: str) -> None:
        """Append ``other``'s notes (a cluster merged into this one), then ``joined``."""
        if other is not None:
            for line in other.lines:
                if line in other.apart:
                    self._list(line)
                else:
                    self.lines.append(line)
            self.said_apart += other.said_apart
        self.lines.append(joined)

    def said(self, text: Callable[[int], str] | None = None) -> list[str]:
        """The lines of the incident's explanation (``text`` gives a coded line's text);
        last, how many vetoes were said beyond the listed lines (repeats of a listed line
        included)."""
        lines = [x if isinstance(x, str) else _text(text, x) for x in self.lines]
        more = self.said_apart - len(self.apart)
        if not more:
            return lines
        return [*lines, f"kept apart {more} more times (not listed)"]


def _text(text: Callable[[int], str] | None, code: int) -> str:
    if text is None:
        raise ValueError("a coded line needs its text")
    return text(code)
