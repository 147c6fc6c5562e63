"""The mention -> actor map of a whole store, held as columns.

Every pass after the actor pass asks which actor a mention names, by its key
(:func:`~eventwire.model.mention_key`, ``"<article>:<start>:<end>"``), and a resolution holds
the answer for every mention of the store from the actor pass to the write (a refresh
reads it whole from the store). A dict of key strings costs about 108 bytes a mention;
:class:`MentionActors` keeps each article id once (one dict entry an article), a mention
as an 8-byte number (its article's number and its start) and a 4-byte one (its end), and
its actor as a 4-byte number into a list of actor ids: about 42 bytes a mention on a
10,000-article synthetic store, five mentions an article (docs/scale.md).

It is a read-only :class:`~collections.abc.Mapping` to the passes that read it (they are
typed with ``Mapping[str, str]``, so a plain dict serves them as well): ``[]``, ``get``,
``in``, ``len`` and iteration are answered from its columns, and ``items``/``values``
read the columns in one sweep rather than looking each key up. The actor pass that builds
it writes with ``[]=`` and ``update``. It only grows: a key set again takes its new actor,
as a dict's would, and nothing is deleted.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import ItemsView, Iterable, Iterator, Mapping, ValuesView
from itertools import pairwise
from typing import Any

import numpy as np

__all__ = ["MentionActors"]

_START_BITS = 32  # a mention's start below 2**32 characters, its article's number above


def _offset(text: str) -> int | None:
    """``text`` as a character offset when it is written as ``str(int)`` writes one."""
    if text.isascii() and text.isdigit() and (text == "0" or text[0] != "0"):
        value = int(text)
        return value if value < 1 << _START_BITS else None
    return None


class MentionActors(Mapping[str, str]):
    """mention key -> actor id (see the module docstring).

    Keys that do not read as ``<article>:<start>:<end>`` with plain offsets are kept in an
    ordinary dict beside the columns, so any string key works. Keys added since the last
    look-up wait unsorted; the next look-up sorts them in (with numpy), the last value
    of a key set twice winning."""

    __slots__ = ("_actor", "_actor_no", "_article_no", "_bounds", "_ends", "_names",
                 "_other", "_sorted", "_where")  # fmt: skip

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._article_no: dict[str, int] = {}
        self._names: list[str] = []  # actor ids by number
        self._actor_no: dict[str, int] = {}
        self._where = array("q")  # article number << 32 | start
        self._ends = array("I")  # its end (below 2**32, as its start)
        self._actor = array("I")  # the actor's number
        self._sorted = 0  # how many leading entries are sorted and distinct
        self._bounds = array("q", [0])
        self._other: dict[str, str] = {}
        self.update(items)

    # -- writing ------------------------------------------------------------------------

    def __setitem__(self, key: str, actor: str) -> None:
        article, start, end = self._split(key)
        if article is None:
            self._other[key] = actor
            return
        number = self._article_no.setdefault(article, len(self._article_no))
        no = self._actor_no.get(actor)
        if no is None:
            no = self._actor_no[actor] = len(self._names)
            self._names.append(actor)
        self._where.append(number << _START_BITS | start)
        self._ends.append(end)
        self._actor.append(no)

    def update(self, *args: Any, **kwargs: str) -> None:
        for items in (*args, kwargs):
            pairs = items.items() if isinstance(items, Mapping) else items
            for key, actor in pairs:
                self[key] = actor

    @staticmethod
    def _split(key: str) -> tuple[str | None, int, int]:
        head, _, end_text = key.rpartition(":")
        article, _, start_text = head.rpartition(":")
        start, end = _offset(start_text), _offset(end_text)
        if not article or start is None or end is None:
            return None, 0, 0
        return article, start, end

    def _sort(self) -> None:
        """Sort the entries by (article number, start, end), keeping the last value of a
        key set more than once."""
        if self._sorted == len(self._where):
            return
        where = np.frombuffer(self._where, dtype=np.int64)
        ends = np.frombuffer(self._ends, dtype=np.uint32)
        actor = np.frombuffer(self._actor, dtype=np.uint32)
        order = np.lexsort((np.arange(len(where)), ends, where))  # stable: set order last
        where, ends, actor = where[order], ends[order], actor[order]
        last = np.ones(len(where), dtype=bool)
        last[:-1] = (where[1:] != where[:-1]) | (ends[1:] != ends[:-1])
        self._where = array("q", where[last].tobytes())
        self._ends = array("I", ends[last].tobytes())
        self._actor = array("I", actor[last].tobytes())
        # each article's entries: from bounds[number] to bounds[number + 1]
        firsts = np.searchsorted(where[last] >> _START_BITS, np.arange(len(self._article_no) + 1))
        self._bounds = array("q", firsts.astype(np.int64).tobytes())
        self._sorted = len(self._where)

    def _find(self, key: str) -> str | None:
        head, _, end_text = key.rpartition(":")
        article, _, start_text = head.rpartition(":")
        number = self._article_no.get(article)
        if number is None:
            return self._other.get(key) if self._other else None
        try:
            start, end = int(start_text), int(end_text)
        except ValueError:
            return self._other.get(key)
        if self._sorted != len(self._where):
            self._sort()
        where, ends, bounds = self._where, self._ends, self._bounds
        at = number << _START_BITS | start
        hi = bounds[number + 1]
        i = bisect_left(where, at, bounds[number], hi) if start >= 0 else hi
        while i < hi and where[i] == at:
            if ends[i] == end:  # int() reads more than plain offsets: "+5", "05"
                if _offset(start_text) is None or _offset(end_text) is None:
                    break
                return self._names[self._actor[i]]
            i += 1
        return self._other.get(key) if self._other else None

    # -- reading, as a Mapping reads -------------------------------------------------------

    def __getitem__(self, key: str) -> str:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self._find(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def __len__(self) -> int:
        self._sort()
        return len(self._where) + len(self._other)

    def _pairs(self) -> Iterator[tuple[str, str]]:
        """(key, actor) of every mention: the columns in article order, then the rest."""
        self._sort()
        articles = list(self._article_no)  # in number order
        names, ends, actor = self._names, self._ends, self._actor
        mask = (1 << _START_BITS) - 1
        for i, at in enumerate(self._where):
            key = f"{articles[at >> _START_BITS]}:{at & mask}:{ends[i]}"
            yield key, names[actor[i]]
        yield from self._other.items()

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self._pairs())

    def sorted_items(self) -> Iterator[tuple[str, str]]:
        """(key, actor) of every mention in the order of the keys (``sorted(keys)``), each
        article's keys made and sorted in turn (never every key at once)."""
        self._sort()
        # an article's keys all start with "<id>:", so they lie together in key order
        # unless one such head begins another's ("a:" and "a:b:"): then sort them all
        heads = sorted(self._article_no, key=lambda a: a + ":")
        if self._other or any(b.startswith(a + ":") for a, b in pairwise(heads)):
            yield from sorted(self._pairs())
            return
        where, ends, actor, names, bounds = (self._where, self._ends, self._actor,
                                             self._names, self._bounds)  # fmt: skip
        mask = (1 << _START_BITS) - 1
        for article in heads:
            n = self._article_no[article]
            yield from sorted(
                (f"{article}:{where[i] & mask}:{ends[i]}", names[actor[i]])
                for i in range(bounds[n], bounds[n + 1])
            )

    # the Mapping views would look every key up again: these sweep the columns instead
    def items(self) -> ItemsView[str, str]:
        return _Items(self)

    def values(self) -> ValuesView[str]:
        return _Values(self)

    def _values(self) -> Iterator[str]:
        self._sort()
        names = self._names
        for n in self._actor:
            yield names[n]
        yield from self._other.values()

    def __repr__(self) -> str:
        return f"MentionActors({dict(self._pairs())!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (MentionActors, (list(self._pairs()),))


class _Items(ItemsView[str, str]):
    """The items of a :class:`MentionActors`, read from its columns in one sweep."""

    __slots__ = ()

    _mapping: MentionActors

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return self._mapping._pairs()


class _Values(ValuesView[str]):
    """The values of a :class:`MentionActors`, read from its columns in one sweep."""

    __slots__ = ()

    _mapping: MentionActors

    def __iter__(self) -> Iterator[str]:
        return self._mapping._values()
