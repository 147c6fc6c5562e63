"""One toll of one day: two reports giving the same dead and wounded tell one act.

Two reports that share no named side join only in one town on one day ("not the same
town and day"). But outlets place one act at different levels: a wire by the town
("gunmen ambushed a patrol near a hill town"), a local paper by the district or the division it
writes from ("two soldiers died in the attack on Wednesday afternoon, in the hill
district"), and the local paper often names no doer. Such reports have no town in
common and no side in common, so neither the town nor the side joined them, and they
were never even compared.

**The same toll on one day** (:func:`same_toll`): two reports of one type that state one
and the same day, whose places hold one another below the country (a town and its
district or governorate: the place rules are asked first) and that give the same figure
for two kinds of count or more ("two killed and three wounded" in both), are one act.
Two figures of two kinds agreeing on one day in one governorate are rarely chance; one
figure alone is ("two killed" is told of many acts a day in a war). Such reports are
also filed under a block of their figures (:func:`toll_cells`, asked by the join's
blocking), so they are compared. Named actors still rule: two reports naming two
different sides stay apart (the actor rule comes first), and a report naming a side
joins one naming nobody, as in one town.

**A toll risen from the other's figure** (:func:`risen_toll`) is the act's own evidence
too, for the order the join tries its pairs in (not a tie that joins on its own): a
report of one stated day that gives a figure as a risen toll ("another herder wounded in
Sunday's raid has died, bringing the number killed to six") no lower than the other
report's figure of that kind ("raiders killed five herders on Sunday") retells that
report's act. Tried after a pair that shares only a side, the follow-up was kept out:
the first report joined first another report of the follow-up's article that shares
its side (the army's chase of the raiders, told in the same article), and one article's
two reports never join.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Protocol

from eventwire.model import Place

MIN_KINDS = 2  # figures of this many kinds must agree


class _Told(Protocol):
    """What the rule reads of a report (:class:`~eventwire.resolve.incidents.Report`)."""

    @property
    def type(self) -> str: ...
    @property
    def day(self) -> str | None: ...
    @property
    def place(self) -> Place | None: ...
    @property
    def figures(self) -> frozenset[tuple[str, int]]: ...
    @property
    def risen(self) -> bool: ...


def _below_country(place: Place | None) -> bool:
    return place is not None and place.precision != "country"


def _single(figures: frozenset[tuple[str, int]]) -> set[tuple[str, int]]:
    """The figures of kinds a report gives once (a kind given twice, two acts' tolls, is
    no one toll of it)."""
    kinds = Counter(k for k, _ in figures)
    return {f for f in figures if kinds[f[0]] == 1}


def shared_toll(a: _Told, b: _Told) -> list[tuple[str, int]]:
    """The figures two reports both give, when they cover :data:`MIN_KINDS` kinds or more
    (each kind given once by each report), else []."""
    found = sorted(_single(a.figures) & _single(b.figures))
    return found if len(found) >= MIN_KINDS else []


def same_toll(a: _Told, b: _Told) -> bool:
    """Whether two reports (whose places the place rules found compatible) are one act by
    the same toll on one day (see the module docstring)."""
    if a.type != b.type or not (a.day and a.day == b.day):
        return False
    if not (_below_country(a.place) and _below_country(b.place)):
        return False
    return bool(shared_toll(a, b))


def risen_toll(a: _Told, b: _Told) -> bool:
    """Whether two reports stating one day are an act and a later report of its risen toll
    (see the module docstring): one gives a risen toll no lower than the other's figure of
    its kind."""
    if not (a.day and a.day == b.day):
        return False
    return _risen_over(a, b) or _risen_over(b, a)


def _risen_over(risen: _Told, other: _Told) -> bool:
    """Whether ``risen`` gives a risen toll no lower than a figure ``other`` gives of its
    kind (the kind of a figure it gives: the toll it states is among them)."""
    if not risen.risen:
        return False
    return any(kind == k and value >= v for kind, value in risen.figures
               for k, v in other.figures)  # fmt: skip


def toll_cells(a: _Told) -> list[str]:
    """The blocking cells of a report's toll: one for each two of its figures of two kinds
    (``toll:killed=2|wounded=3``), for a report that states its day and a place below the
    country; [] otherwise."""
    if not a.day or not _below_country(a.place):
        return []
    single = sorted(_single(a.figures))
    return [f"toll:{x[0]}={x[1]}|{y[0]}={y[1]}" for x, y in combinations(single, 2)]
