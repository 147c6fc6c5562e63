"""The incident join's reports held as columns of numbers (:class:`ReportTable`).

The join holds a :class:`~eventwire.resolve.incident_reports.Report` for every article
incident of the store until every candidate pair is tried. As objects they cost about
420 bytes a report at 10,000 articles: the object itself (17 slots, 168 bytes), its id
string, and values that equal reports hold apart (an incident family, a set of figures).
Most values repeat across reports (a type, a day, a window, a place, a set of sides), so
the table keeps each distinct value once and a report as one 4-byte code a field, its
four flags in one byte and its id as bytes in one buffer: about 75 bytes a report.

A report is made again when it is read (``table[n]``), equal field by field to the one
appended; the last few thousand made are kept, since the join reads the reports of one
busy block over and over while it tries the block's pairs. Making one costs about 4 µs
(most of it the frozen ``Report``'s own ``__init__``), so the passes that read every
report in order (the blocking, the pair order's arrays) read :meth:`ReportTable.rows`
instead: each report as a :class:`ReportRow`, a tuple of the same fields made in about a
quarter of the time, and the id order is checked on the ids alone (:meth:`ReportTable.ids`).
"""

from __future__ import annotations

from array import array
from collections import namedtuple
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from itertools import islice
from typing import Any, cast, overload

from eventwire.resolve.incident_reports import Report
from eventwire.resolve.record_file import ReadBack

# the fields held as codes into the table's values, in the order ``Report`` takes them
# after its id; the flags follow them
_CODED = ("article_id", "type", "span", "day", "place", "named", "family", "sites",
          "doers", "hit", "night")  # fmt: skip
_FLAGS = ("undated", "violent", "period")
_WIDTH = len(_CODED) + 1  # and the figures' code
CACHE = 8192  # reports kept as made (about 3 MB at most); the older half goes when full


# ``Report``'s fields in its order, as a tuple (typed loosely: the fields come from Report)
_Row: Any = cast(Any, namedtuple)("_Row", [f.name for f in fields(Report)])


class ReportRow(_Row):  # type: ignore[misc]
    """A report as read by a pass over them all: its fields as a tuple, ``Report``'s own
    fields in its order (made from them, so the two cannot differ), with the ``window()``
    and ``kind`` the join's blocking reads. Equal field by field to the report; never
    compared with one or kept (see :meth:`ReportTable.rows`)."""

    __slots__ = ()

    def window(self) -> tuple[int, int] | None:
        return self.span

    @property
    def kind(self) -> str:
        return self.family or self.type


def report_rows(reports: Sequence[Report]) -> Iterable[Report]:
    """Every report in order, for a pass that only reads their fields: a table's as
    :class:`ReportRow` (read as reports: the same fields, ``window()`` and ``kind``),
    anything else's as they are."""
    if isinstance(reports, ReportTable):
        return cast(Iterable[Report], reports.rows())
    return reports


def report_ids(reports: Sequence[Report]) -> Iterable[str]:
    """Every report's id in order, without making a table's reports."""
    if isinstance(reports, ReportTable):
        return reports.ids()
    return (r.id for r in reports)


class ReportTable(ReadBack[Report]):
    """Reports as columns: a code a field into one list of distinct values, the flags as
    bits of one byte, the ids in one buffer (see the module docstring); a report is made
    when read (:class:`~eventwire.resolve.record_file.ReadBack`), the last ones kept."""

    def __init__(self) -> None:
        self._codes: dict[object, int] | None = {}  # let go by ``seal``
        self._values: list[object] = []
        self._fields = array("i")  # ``_WIDTH`` codes a report
        self._flags = bytearray()  # undated, violent, period, risen: bits 0 to 3
        self._ids = bytearray()  # every id's UTF-8 bytes, one after the other
        self._ends = array("q")  # where each id ends in ``_ids``
        self._made: dict[int, Report] = {}

    def _code(self, value: object) -> int:
        codes = self._codes  # the coded fields hold no numbers, so no 1 == True
        if codes is None:
            raise ValueError("the table is sealed")
        found = codes.get(value)
        if found is None:
            found = codes[value] = len(self._values)
            self._values.append(value)
        return found

    def seal(self) -> ReportTable:
        """Let go of the index of distinct values once every report is in."""
        self._codes = None
        return self

    def append(self, report: Report) -> None:
        code = self._code
        self._fields.extend([code(getattr(report, f)) for f in _CODED])
        self._fields.append(code(report.figures))
        bits = sum(1 << n for n, f in enumerate(_FLAGS) if getattr(report, f))
        self._flags.append(bits | (8 if report.risen else 0))
        self._ids += report.id.encode()
        self._ends.append(len(self._ids))

    def __len__(self) -> int:
        return len(self._ends)

    def id_at(self, n: int) -> str:
        """The id of the ``n``-th report, without making it."""
        start = self._ends[n - 1] if n else 0
        return self._ids[start : self._ends[n]].decode()

    def article_number(self, n: int) -> int:
        """The ``n``-th report's article id as a number (equal ids, equal numbers; below
        ``2**31``), without making the report: :meth:`article_of` gives the id back."""
        return self._fields[n * _WIDTH]  # the first coded field

    def article_of(self, number: int) -> str:
        """The article id of :meth:`article_number`."""
        return cast(str, self._values[number])

    def ids(self) -> Iterator[str]:
        """Every report's id in order, without making the reports."""
        ids, start = self._ids, 0
        for end in self._ends:
            yield ids[start:end].decode()
            start = end

    def rows(self) -> Iterator[ReportRow]:
        """Every report in order as a :class:`ReportRow`, made as read and not kept: about
        1 µs a report where making the ``Report`` takes about 4."""
        value, new = self._values.__getitem__, tuple.__new__
        fields, flags = self._fields, self._flags
        for n, report_id in enumerate(self.ids()):
            at, bits = n * _WIDTH, flags[n]
            *row, figures = map(value, fields[at : at + _WIDTH])
            yield new(ReportRow, (report_id, *row, bits & 1 != 0, bits & 2 != 0, bits & 4 != 0,
                                  figures, bits & 8 != 0))  # fmt: skip

    def _make(self, n: int) -> Report:
        values, at, bits = self._values, n * _WIDTH, self._flags[n]
        *row, figures = (values[c] for c in self._fields[at : at + _WIDTH])
        fields: list[Any] = [self.id_at(n), *row, bits & 1 != 0, bits & 2 != 0, bits & 4 != 0,
                             figures, bits & 8 != 0]  # fmt: skip
        return Report(*fields)

    @overload
    def __getitem__(self, n: int) -> Report: ...
    @overload
    def __getitem__(self, n: slice) -> Sequence[Report]: ...
    def __getitem__(self, n: int | slice) -> Report | Sequence[Report]:
        try:  # the join reads the reports of a busy block over and over
            return self._made[n]  # type: ignore[index]
        except (KeyError, TypeError):  # not kept, or a slice
            return super().__getitem__(n)

    def _record(self, n: int) -> Report:
        made = self._made.get(n)  # ``n`` was negative
        if made is None:
            if len(self._made) >= CACHE:  # the older half made goes
                for old in list(islice(self._made, CACHE // 2)):
                    del self._made[old]
            made = self._made[n] = self._make(n)
        return made

    def __iter__(self) -> Iterator[Report]:
        """Every report in order, made as read and not kept (a pass over them all would
        only push out the ones the join is reading over and over)."""
        for n in range(len(self)):
            yield self._made.get(n) or self._make(n)
