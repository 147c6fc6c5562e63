"""Article incidents kept on disk while the incident join runs.

A whole-store join used to hold every article incident with its event mentions (about
1.2 KB a report, the largest thing it held) from the events pass until each incident
was built. :class:`SpilledIncidents` writes each one to a temporary file as it is made
and keeps in memory only its place in the file and what the join needs of all of them
at once (the leader ties, the named actors and the seats the articles state, see
:func:`~eventwire.resolve.incident_reports.article_reports`); the join reads an article
incident back when it makes its report and when it builds its incident, one at a time.
A read gives an equal copy (pickled, with the one ontology put back), so the join's
result is the same.
"""

from __future__ import annotations

from array import array
from dataclasses import fields

from eventwire.knowledge.ontology import Ontology
from eventwire.resolve.doc_incidents import DocIncident
from eventwire.resolve.record_file import FileSequence, RecordFile, key_order

_FIELDS = tuple(f.name for f in fields(DocIncident) if f.name != "onto")


class SpilledIncidents(FileSequence[DocIncident]):
    """Article incidents in a temporary file, read back by position; once
    :meth:`sort_by_id` is called, positions follow the incidents' ids (as the join
    sorts them), ties kept in the order they were added."""

    def __init__(self, onto: Ontology) -> None:
        self.onto = onto
        self._records = RecordFile()  # closed by close(): the join reads it back
        # every id's UTF-8 bytes one after the other, and where each ends (about 20
        # bytes a report, where a list of strings held about 75 from the events pass on)
        self._ids = bytearray()
        self._ends = array("q")
        self._order: array[int] | None = None
        # what article_reports needs of every incident before it makes one report
        self.ties: set[tuple[str, str]] = set()
        self.named: set[str] = set()
        self.seats: dict[str, set[str]] = {}

    def add(self, inc: DocIncident) -> None:
        """Write ``inc`` (with its facets already linked, ``link_facets``) to the file."""
        self.ties.update(inc.ties)
        self.named.update(inc.named)
        for actor, seat in inc.seats.items():
            self.seats.setdefault(actor, set()).add(seat)
        self._records.append(tuple(getattr(inc, f) for f in _FIELDS))
        self._ids += inc.id.encode()
        self._ends.append(len(self._ids))

    def sort_by_id(self) -> None:
        """Order the incidents by id, as ``sorted(..., key=id)`` would (a stable sort)."""
        ids, ends = self._ids, self._ends
        self._ids, self._ends = bytearray(), array("q")
        self._order = array("i", key_order(ids, ends))

    def _record(self, n: int) -> DocIncident:
        at = self._order[n] if self._order is not None else n
        values = self._records.get(at)
        return DocIncident(**dict(zip(_FIELDS, values, strict=True)), onto=self.onto)
