"""Events kept on disk from the events pass to the picture's write.

A whole-store resolution held every event (about 1.1 KB a report) from the moment the
events pass made them until the picture was written, through the relations pass and
the incidents join. :class:`SpilledEvents` writes each event to a temporary file
(:class:`~eventwire.resolve.record_file.RecordFile`) as it is made and keeps in memory
only its place there and its id as one number; the relations pass and the store's write
read them back in order, the incidents join by id (:meth:`SpilledEvents.by_id`). A read
gives an equal copy, so every record is the same.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping

import numpy as np

from eventwire.model import Event
from eventwire.resolve.record_file import FileSequence, RecordFile

_PREFIX = "event_"
_HEX = 12  # an event id is "event_" and 12 hex digits (``stable_id``)


def event_number(event_id: str) -> int:
    """An event id as a number, or -1 for an id not of the usual form (:func:`event_text`
    of the number gives the id back)."""
    digits = event_id[len(_PREFIX) :]
    if not event_id.startswith(_PREFIX) or len(digits) != _HEX:
        return -1
    try:
        number = int(digits, 16)
    except ValueError:
        return -1
    return number if event_text(number) == event_id else -1


def event_text(number: int) -> str:
    """The event id :func:`event_number` made ``number`` of."""
    return f"{_PREFIX}{number:0{_HEX}x}"


class SpilledEvents(FileSequence[Event]):
    """Events in a temporary file, in the order appended, or in the order of the numbers
    they were appended with once :meth:`arrange` is called; by id through :meth:`by_id`
    (an id appended twice names the later event, as a dict built in order would)."""

    def __init__(self) -> None:
        self._records = RecordFile()  # closed when let go: read back until the write
        self._numbers = array("q")
        self._other: dict[str, int] = {}  # ids not of the usual form (none from stable_id)
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None
        self._orders = array("q")  # the number each event was appended with, if any
        self._place: np.ndarray | None = None  # position -> record in the file (arranged)

    def append(self, event: Event, order: int | None = None) -> None:
        """Write ``event``; with ``order``, it takes its place by that number when
        :meth:`arrange` is called (every event is then given one)."""
        if self._place is not None:
            raise ValueError("the events are arranged")
        number = event_number(event.id)
        if number < 0:
            self._other[event.id] = len(self._numbers)
        self._numbers.append(number)
        self._records.append(event)
        if order is not None:
            self._orders.append(order)
        self._sorted = None

    def arrange(self) -> SpilledEvents:
        """Put the events in the order of the numbers they were appended with (ties in
        the order appended); none is appended after."""
        if self._place is None:
            if len(self._orders) != len(self._numbers):
                raise ValueError("every event needs an order to be arranged")
            place = np.argsort(np.frombuffer(self._orders, dtype=np.int64), kind="stable")
            numbers = np.frombuffer(self._numbers, dtype=np.int64)[place]
            self._numbers = array("q", numbers.tobytes())
            back = np.empty_like(place)
            back[place] = np.arange(len(place))
            self._other = {e: int(back[at]) for e, at in self._other.items()}
            self._place, self._orders, self._sorted = place, array("q"), None
        return self

    def _record(self, n: int) -> Event:
        event: Event = self._records.get(n if self._place is None else int(self._place[n]))
        return event

    def position(self, event_id: str) -> int | None:
        """The place of the last event appended with ``event_id``, or None."""
        number = event_number(event_id)
        if number < 0:
            return self._other.get(event_id)
        if self._sorted is None:
            numbers = np.frombuffer(self._numbers, dtype=np.int64)
            order = np.argsort(numbers, kind="stable")
            self._sorted = (numbers[order], order)
        keys, order = self._sorted
        at = int(np.searchsorted(keys, number, side="right")) - 1
        return int(order[at]) if at >= 0 and keys[at] == number else None

    def distinct(self) -> int:
        """How many distinct ids the events have."""
        numbers = np.frombuffer(self._numbers, dtype=np.int64)
        return len(np.unique(numbers[numbers >= 0])) + len(self._other)

    def by_id(self) -> Mapping[str, Event]:
        """The events by id, each read back when asked for."""
        return _ById(self)


class _ById(Mapping[str, Event]):
    """:class:`SpilledEvents` as a mapping from id to event (read back when asked)."""

    def __init__(self, events: SpilledEvents) -> None:
        self._events = events

    def __getitem__(self, event_id: str) -> Event:
        at = self._events.position(event_id)
        if at is None:
            raise KeyError(event_id)
        return self._events[at]

    def __contains__(self, event_id: object) -> bool:
        return isinstance(event_id, str) and self._events.position(event_id) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(e.id for e in self._events))

    def __len__(self) -> int:
        return self._events.distinct()
