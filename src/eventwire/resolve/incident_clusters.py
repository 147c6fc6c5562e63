"""The incident join's clusters: union-find over reports with a complete-link veto.

Two clusters merge only when every report of one is compatible with every report of the
other (the ``veto`` the join is given), so the result never depends on the order reports
come in; each cluster keeps what the join says about it (:mod:`~eventwire.resolve.incident_notes`).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence

from eventwire.resolve.incident_apart import ApartLines, ApartSets
from eventwire.resolve.incident_notes import MAX_APART
from eventwire.resolve.incident_reports import Report
from eventwire.resolve.report_table import ReportTable


class Clusters:
    """Union-find over article incidents with a complete-link veto.

    Held compactly, since a join holds it for every report of the store: the parents
    are one array of 4-byte numbers, member lists exist for clusters of several reports
    only, notes for the clusters that have some, and clusters known apart and the "kept
    apart" lines are numbers (:mod:`~eventwire.resolve.incident_apart`)."""

    def __init__(
        self,
        incs: Sequence[Report],
        cannot: set[tuple[int, int]],
        veto: Callable[[Report, Report], str | None],
        compared: Callable[[Sequence[int], Sequence[int], int, int], bool] | None = None,
    ) -> None:
        self.incs = incs
        # a root's id, without making its report when the reports are a table
        self._id: Callable[[int], str] = (incs.id_at if isinstance(incs, ReportTable)
                                          else lambda n: incs[n].id)  # fmt: skip
        # with ``compared`` (see resolve_incidents), two lone reports kept apart (most of
        # a busy day's block) are not remembered: whether they were is worked out from the
        # pair order once one of them has joined others
        self.compared = compared
        self.parent = array("i", range(len(incs)))
        self._members: dict[int, list[int]] = {}  # roots of several reports
        self.cannot = cannot
        self.veto = veto
        self._notes: dict[int, CodedNotes] = {}  # bounded: see incident_notes and below
        self.lines = ApartLines()
        self.joined: list[str] = []  # the join lines, coded -1, -2, ... in the notes
        # roots known to be kept apart: a veto between two members stays when either
        # cluster grows, so a pair of clusters is checked member by member once
        self.apart = ApartSets()

    def find(self, n: int) -> int:
        parent = self.parent
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def members(self, root: int) -> list[int]:
        return self._members.get(root) or [root]

    def clusters(self) -> Iterator[tuple[int, list[int]]]:
        """Each cluster's root and members, by root."""
        for n, p in enumerate(self.parent):
            if p == n:
                yield n, self.members(n)

    def notes(self, root: int) -> CodedNotes:
        found = self._notes.get(root)
        if found is None:
            found = self._notes[root] = new_notes()
        return found

    def kept_apart(self, root: int, article_id: str, why: str) -> None:
        """Note on ``root``'s cluster that a veto kept it from ``article_id``'s report."""
        note_apart(self.notes(root), self.lines.code(article_id, why))

    def said(self, root: int) -> list[str]:
        notes = self._notes.get(root)
        return notes_said(notes, self._text) if notes is not None else []

    def _text(self, code: int) -> str:
        return self.lines.text(code) if code >= 0 else self.joined[-code - 1]

    def known_apart(self, ra: int, rb: int, i: int = -1, j: int = -1) -> bool:
        if (ra, rb) in self.apart:
            return True
        a, b = self.members(ra), self.members(rb)
        # two lone reports meet only through the pair (i, j) itself
        if self.compared is None or (len(a) == 1 and len(b) == 1):
            return False
        if self.compared(a, b, i, j):
            self._apart(ra, rb)
            return True
        return False

    def _apart(self, ra: int, rb: int) -> None:
        """Remember two clusters kept apart; with ``compared``, only when one has several
        reports (two lone reports meet again only once one has joined others)."""
        if self.compared is None or ra in self._members or rb in self._members:
            self.apart.add(ra, rb)

    def user_split(self, ra: int, rb: int) -> bool:
        """Whether a user split keeps a member of one from a member of the other (a split
        wins over a join: the join unites the rest)."""
        return any((min(x, y), max(x, y)) in self.cannot
                   for x in self.members(ra) for y in self.members(rb))  # fmt: skip

    def blocker(self, ra: int, rb: int) -> str | None:
        incs, others = self.incs, self.members(rb)
        reports = [incs[y] for y in others]  # each read once, not once a member of ``ra``
        for x in self.members(ra):
            report = incs[x]
            for y, other in zip(others, reports, strict=True):
                why = "a user split" if (min(x, y), max(x, y)) in self.cannot else None
                if why := why or self.veto(report, other):
                    self._apart(ra, rb)
                    return why
        return None

    def union(self, ra: int, rb: int, note: str) -> None:
        keep, gone = sorted((ra, rb), key=self._id)
        self.parent[gone] = keep
        self._members[keep] = self.members(keep) + self._members.pop(gone, [gone])
        self.joined.append(note)
        absorb_notes(self.notes(keep), self._notes.pop(gone, None), -len(self.joined))
        self.apart.merged(keep, gone)


# A cluster's notes (what the join says about it, as
# :class:`~eventwire.resolve.incident_notes.Notes` says it: every join line, the first
# :data:`~eventwire.resolve.incident_notes.MAX_APART` distinct "kept apart" lines, a count
# of the rest) are one array of 8-byte numbers: how many "kept apart" lines are listed, how
# many were said (listed or not, repeats included), then the codes of the lines in order:
# a "kept apart" line's (:class:`~eventwire.resolve.incident_apart.ApartLines`, never
# negative) or a join line's (negative: its place in :attr:`Clusters.joined`). ``Notes``
# held a list, a tuple and an integer object for each code (about 650 bytes for a cluster
# listing ten); an object holding the counts and the array about 200 bytes for a cluster
# with one line; the array alone about 150.
CodedNotes = array  # array("q"): [listed, said, *codes]
_LISTED, _SAID, _LINES = 0, 1, 2


def new_notes() -> CodedNotes:
    return array("q", (0, 0))


def note_apart(notes: CodedNotes, code: int) -> None:
    """Note a veto: listed while fewer than ``MAX_APART`` distinct ones are."""
    notes[_SAID] += 1
    _list(notes, code)


def _list(notes: CodedNotes, code: int) -> None:
    if notes[_LISTED] < MAX_APART and code not in notes[_LINES:]:  # join codes are negative
        notes[_LISTED] += 1
        notes.append(code)


def absorb_notes(notes: CodedNotes, other: CodedNotes | None, joined: int) -> None:
    """Append ``other``'s notes (a cluster merged into this one), then the join line
    ``joined`` (a negative code)."""
    if other is not None:
        for code in other[_LINES:]:
            if code >= 0:  # a listed "kept apart" line
                _list(notes, code)
            else:
                notes.append(code)
        notes[_SAID] += other[_SAID]
    notes.append(joined)


def said_apart(notes: CodedNotes) -> int:
    """The "kept apart" lines said, listed or not, repeats included."""
    return notes[_SAID]


def notes_said(notes: CodedNotes, text: Callable[[int], str]) -> list[str]:
    """The lines of the incident's explanation (``text`` gives a code's line); last, how
    many vetoes were said beyond the listed lines (repeats of a listed line included)."""
    lines = [text(code) for code in notes[_LINES:]]
    more = notes[_SAID] - notes[_LISTED]
    if not more:
        return lines
    return [*lines, f"kept apart {more} more times (not listed)"]
