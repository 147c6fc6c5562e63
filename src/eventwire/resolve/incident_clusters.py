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
from eventwire.resolve.record_file import RecordFile
from eventwire.resolve.report_table import ReportTable


class Clusters:
    """Union-find over article incidents with a complete-link veto.

    Held compactly, since a join holds it for every report of the store: the parents
    are one array of 4-byte numbers, member lists exist for clusters of several reports
    only, notes are packed codes by root (:class:`ClusterNotes`), and clusters known
    apart and the "kept apart" lines are numbers (:mod:`~eventwire.resolve.incident_apart`)."""

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
        self._notes = ClusterNotes(len(incs))  # bounded: see incident_notes and below
        # a "kept apart" line names its article by the code the table holds it under
        self.lines = ApartLines(incs.article_of if isinstance(incs, ReportTable) else None)
        # the join lines, coded -1, -2, ... in the notes: one a report joined, on disk
        # until the incidents are built (a line of about 150 bytes held for each)
        self.joined = RecordFile()
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

    def kept_apart(self, root: int, other: int, why: str) -> None:
        """Note on ``root``'s cluster that a veto kept it from the article of the report
        ``other``."""
        incs = self.incs
        article = (incs.article_number(other) if isinstance(incs, ReportTable)
                   else incs[other].article_id)  # fmt: skip
        self._notes.note_apart(root, self.lines.code(article, why))

    def said(self, root: int) -> list[str]:
        return self._notes.said(root, self._text)

    def _text(self, code: int) -> str:
        return self.lines.text(code) if code >= 0 else self.joined.get(-code - 1)

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
        self._notes.absorb(keep, gone, -len(self.joined))
        self.apart.merged(keep, gone)


class ClusterNotes:
    """Every cluster's notes (what the join says about it, as
    :class:`~eventwire.resolve.incident_notes.Notes` says it: every join line, the first
    :data:`~eventwire.resolve.incident_notes.MAX_APART` distinct "kept apart" lines, a
    count of the rest), by root, for the clusters of ``size`` reports.

    A cluster's lines are codes, in order: a "kept apart" line's
    (:class:`~eventwire.resolve.incident_apart.ApartLines`, never negative) or a join
    line's (negative: its place in :attr:`Clusters.joined`), packed as 8-byte numbers in
    one ``bytes`` in a list by root, with the counts beside them in arrays by root. Held
    for every cluster of the store until the join is done, they were a dict of one array
    a cluster with its counts in it (an entry, a root's integer and an array's header:
    173 bytes a report at 10,000 synthetic articles); now 17 bytes a report and the
    ``bytes`` of the clusters that have lines (round (26))."""

    def __init__(self, size: int) -> None:
        self._codes: list[bytes | None] = [None] * size  # a root's lines, packed
        self._listed = bytearray(size)  # "kept apart" lines listed (at most MAX_APART)
        self._said = array("q", bytes(8 * size))  # ... said, listed or not, repeats too

    def codes(self, root: int) -> array[int]:
        """The codes of ``root``'s lines, in order."""
        out = array("q")
        if (held := self._codes[root]) is not None:
            out.frombytes(held)
        return out

    def note_apart(self, root: int, code: int) -> None:
        """Note a veto: listed while fewer than ``MAX_APART`` distinct ones are."""
        self._said[root] += 1
        if self._listed[root] < MAX_APART and code not in self.codes(root):
            self._listed[root] += 1
            self._add(root, [code])

    def _add(self, root: int, codes: list[int]) -> None:
        held = self._codes[root] or b""
        self._codes[root] = held + array("q", codes).tobytes()

    def absorb(self, keep: int, gone: int, joined: int) -> None:
        """Append ``gone``'s notes (a cluster merged into ``keep``), then the join line
        ``joined`` (a negative code)."""
        listed, new = self._listed[keep], []
        held = set(self.codes(keep)) if listed < MAX_APART else set()
        for code in self.codes(gone):
            if code < 0:
                new.append(code)
            elif listed < MAX_APART and code not in held:  # a listed "kept apart" line
                listed += 1
                held.add(code)
                new.append(code)
        new.append(joined)
        self._add(keep, new)
        self._listed[keep] = listed
        self._said[keep] += self._said[gone]
        self._codes[gone], self._listed[gone], self._said[gone] = None, 0, 0

    def said_apart(self, root: int) -> int:
        """The "kept apart" lines said about ``root``, listed or not, repeats included."""
        return self._said[root]

    def said(self, root: int, text: Callable[[int], str]) -> list[str]:
        """The lines of the incident's explanation (``text`` gives a code's line); last,
        how many vetoes were said beyond the listed lines (repeats of a listed line
        included)."""
        lines = [text(code) for code in self.codes(root)]
        more = self._said[root] - self._listed[root]
        if not more:
            return lines
        return [*lines, f"kept apart {more} more times (not listed)"]
