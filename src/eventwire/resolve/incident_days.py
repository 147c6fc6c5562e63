"""Two reports that state two days a day apart, sharing only a side: two acts.

Two reports that each state their day may still tell one act when the days are a day
apart: one outlet dates a night's attack by its evening, another by the morning after, or
a report gives the day it was told rather than the day it happened ("one day apart at most
for day precision"). The join then rests on what else they share. In one town, the town
is that evidence, and the slack joins them as before. But two reports that share only a
named side, with no town in common (one placed only in its country, or nowhere), hold
nothing of one occurrence but the side: in a war where the state's forces act every day
("the army's gunfire killed five villagers on Friday" / "soldiers killed seven herders
on Saturday", each placed only in the country) these are two days' acts, or two tallies of
two days.

So when both reports state a day and the days differ, and the only tie they share is a
side, they are kept apart (:func:`day_apart_veto`). A second tie of these joins them
(:func:`day_ties`):

* **town**: one town (the same gazetteer place below its district);
* **site**: a site both name as hit ("the market", "the fuel depot");
* **figure**: one count both give (the same kind and number: "killed four" / "four dead");
* **night**: one night told from its two ends (late on the first day, early on the next:
  :func:`~eventwire.resolve.incident_hours.one_night`);
* **toll**: the later report gives its figure as a risen toll ("the death toll since
  Monday rose to 14", ``Count.update == "total"``): a running total is told of an act
  that began before the day it is told on.

"The brigade stormed the post on Monday, killing four soldiers" and "the brigade's raid on
Tuesday left four soldiers dead", both placed only in the country, share a side and a
figure: one act. "The brigade shelled the north on Monday" and "the brigade attacked a
convoy on Tuesday", each placed only in the country, share the side only: two acts.
Reports that state one and the same day, or whose dates are a week or a month, are not
this rule's.
"""

from __future__ import annotations

from typing import Protocol

from eventwire.model import Place
from eventwire.resolve.doc_incidents import town_of
from eventwire.resolve.incident_hours import one_night


class _Told(Protocol):
    """What the rule reads of a report (:class:`~eventwire.resolve.incidents.Report`)."""

    @property
    def day(self) -> str | None: ...
    @property
    def place(self) -> Place | None: ...
    @property
    def sites(self) -> frozenset[str]: ...
    @property
    def figures(self) -> frozenset[tuple[str, int]]: ...
    @property
    def night(self) -> str: ...
    @property
    def risen(self) -> bool: ...


def two_days(a: _Told, b: _Told) -> bool:
    """Whether both reports state their day and the days differ."""
    return bool(a.day and b.day and a.day != b.day)


def day_ties(a: _Told, b: _Told, side: bool) -> list[str]:
    """The ties two reports share beyond their dates (see the module docstring); ``side``
    says whether they share a named side (computed by the caller's actor rules)."""
    ties = ["side"] if side else []
    ta, tb = town_of(a.place), town_of(b.place)
    if ta and tb and ta.id == tb.id:
        ties.append("town")
    if a.sites & b.sites:
        ties.append("site")
    if a.figures & b.figures:
        ties.append("figure")
    if a.day and b.day:
        first, then = (a, b) if a.day < b.day else (b, a)
        if one_night(first.night, then.night):
            ties.append("night")
        if then.risen:
            ties.append("toll")
    return ties


def day_apart_veto(a: _Told, b: _Told, side: bool) -> str | None:
    """Why two reports that state two days a day apart are not one incident: the only tie
    they share is a named side (:func:`day_ties`), else None (also for reports of one
    day, and for two in one town)."""
    if not two_days(a, b) or day_ties(a, b, side) != ["side"]:
        return None
    return "two days a day apart, and only a side in common"
