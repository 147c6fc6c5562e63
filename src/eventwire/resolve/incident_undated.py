"""Undated reports across articles: what they may join.

A report that states no day, week or month of its act is given the week before its
publication as its window (:meth:`~eventwire.resolve.doc_incidents.DocIncident.window`).
Over a week of a busy war one side does many things, and most such reports are no news of
an occurrence at all: background ("the civil war", "violence against civilians", "raids by
the militia on villages"), a plan or a policy told in the present ("the bloc backs a truce
plan"), readers' comments under an article. Joined through a side they
name ("the government's forces"), they made one record of a week's unrelated acts and
counted a background sentence as a second source of a dated act.

So an undated report placed nowhere below its country and naming no site has nothing of an
occurrence to compare but a side, and joins no report of another article
(:func:`undated_veto`): "Army shelling has killed civilians in the country" is kept out of
"the army shelled the port of Zarin on Tuesday". An undated report placed in a town, a
district or a province still joins a report there by the usual rules (the town and the
one stated day are the join's evidence: "shells hit the market in Zarin" told without a
day), and one naming the site its act hit joins a report naming the same site ("the raid
on the ferry terminal"). A stated week or month ("last week", "in March") is a date, not
this case.

An undated report of an act of no violence (aid, support, talks, a rally) in a town joins a
report of that town only through a named side both name (:func:`undated_town_veto`): the
town with one stated day is the evidence of an attack retold, not of a town's background.

An undated report that shares with a dated report only a side both name as hit (no doer
in common, no town, site or figure) joins it no more (:func:`undated_victim_veto`): over a
week of a war a state's people are hit by many acts, and "the province was shelled
again, the interior ministry said" told with no day shares with "an artillery strike
killed three farmers near a border village on Tuesday" only the victim. Joined first, such a report also kept
out the dated report of its own article that told the act (one article's two reports are
never one incident).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from eventwire.model import EventMention, Place
from eventwire.resolve.doc_incidents import TOWN_PRECISIONS, stated_span, town_of

# the precisions of a place below its country: a town or site, a district, a province
LOCAL_PRECISIONS = TOWN_PRECISIONS | {"admin2", "admin1"}


class _Told(Protocol):
    """What the rule reads of a report (:class:`~eventwire.resolve.incidents.Report`)."""

    @property
    def undated(self) -> bool: ...
    @property
    def place(self) -> Place | None: ...
    @property
    def sites(self) -> frozenset[str]: ...
    @property
    def violent(self) -> bool: ...
    @property
    def day(self) -> str | None: ...
    @property
    def span(self) -> tuple[int, int] | None: ...
    @property
    def figures(self) -> frozenset[tuple[str, int]]: ...
    @property
    def named(self) -> frozenset[str]: ...
    @property
    def doers(self) -> frozenset[str]: ...
    @property
    def hit(self) -> frozenset[str]: ...


def is_undated(day: str | None, members: Iterable[EventMention]) -> bool:
    """Whether an article incident states no day, week or month of its act: its window is
    the week before publication."""
    return day is None and not any(stated_span(em.when) for em in members)


def is_local(place: Place | None) -> bool:
    """Whether a place lies below its country (a town, a district, a province)."""
    return place is not None and place.precision in LOCAL_PRECISIONS


def undated_veto(a: _Told, b: _Told) -> str | None:
    """Why two reports of two articles cannot be one incident because one of them states
    no date and holds nothing of the occurrence but its sides (no place below its country,
    no site the other names too), else None."""
    for lone, other in ((a, b), (b, a)):
        if not lone.undated or is_local(lone.place):
            continue
        if lone.sites and lone.sites & other.sites:
            continue
        return "an undated report with no place or site of its own"
    return None


def undated_town_veto(a: _Told, b: _Told) -> str | None:
    """Why two reports that share no named side are not one incident because one of them
    tells an act of no violence without a date, else None (asked only when no side is
    shared). "The same town, one of them dated" joins the undated retelling of an attack
    ("shells hit the market" told with no day, a day after "shells hit the market of
    Zarin on Friday"), but an undated report of aid, support, talks or a rally in a
    town, naming no one both name, is the town's background ("relief convoys cannot
    reach the town", "crowds gathered in the square to cheer the council"), not a retelling
    of a dated one there. With a named side in common it joins as before."""
    for lone in (a, b):
        if lone.undated and not lone.violent:
            return "an undated report of no act of violence, and no shared named actor"
    return None


# an act told with no day is news of the day of publication or of this many days before
NEWS_DAYS = 1


def undated_news_veto(a: _Told, b: _Told) -> str | None:
    """Why an undated report of violence and a dated one, sharing its town and no named
    side, site or figure, are not one incident: the dated day is not the undated report's
    news, the day it was published or the day before (see the module docstring), else
    None. Asked only when no side is shared and the two are not one clash told from its
    two ends. "Shells hit the market of Zarin" published on Saturday joins "shells hit
    Zarin on Friday"; published the next Wednesday, or told of Sunday, it does not."""
    for lone, other in ((a, b), (b, a)):
        if not (lone.undated and lone.violent and lone.span and other.day):
            continue
        if lone.sites & other.sites or lone.figures & other.figures:
            continue  # a second tie beyond the town
        published = lone.span[1]  # the undated window ends on the day of publication
        if not published - NEWS_DAYS <= date.fromisoformat(other.day).toordinal() <= published:
            return "an undated report with only the town in common, the other's day not its news"
    return None


def files_nowhere(report: _Told) -> bool:
    """Whether a report can join no report of another article by :func:`undated_veto`,
    whatever it meets (so blocking need not file it): undated, placed nowhere below its
    country, with no site."""
    return report.undated and not is_local(report.place) and not report.sites


def undated_victim_veto(a: _Told, b: _Told) -> str | None:
    """Why an undated report and a dated one whose only tie is a side both name as hit are
    not one incident (see the module docstring), else None. A doer both name, one town,
    a site or a figure both give is a tie beyond the victim."""
    common = a.named & b.named
    if not common or common & (a.doers | b.doers) or common - (a.hit & b.hit):
        return None
    ta, tb = town_of(a.place), town_of(b.place)
    if (ta and tb and ta.id == tb.id) or a.sites & b.sites or a.figures & b.figures:
        return None
    for lone, other in ((a, b), (b, a)):
        if lone.undated and other.day:
            return "an undated report with only a side hit in common"
    return None
