"""One exchange of fire across a frontier, told by each side as the other's fire.

Where two states face each other across a border or a ceasefire line, each side's
account of one exchange names the other as the one who fired and places the act where
its own people were hit: "Armenian troops shelled our positions near Kalbajar on
Tuesday night", says one ministry; "Azerbaijani forces fired on the village of Sotk on
Tuesday night", says the other. The two towns lie on either side of the line, so
``incidents.place_veto`` reads two towns (in two countries), and the two reports name
two states as doers, so their sides differ: yet they are one occurrence.

Both accounts carry the same evidence, which :func:`across_line` asks for all of:

* one day, stated by both, and one type;
* each names exactly one state as the doer, and the two doers differ;
* each places the act in a town of the *other* report's doer: the side that says it was
  fired on is where its report puts the act;
* the two towns face each other: within :data:`FACING_KM` of one another, the reach of
  the guns and mortars of a frontier exchange.

So two clashes on one frontier on one day at distant points stay apart (their towns are
far apart), as do the same towns on another day, two accounts naming one state as the
doer (two of its acts, or one told twice, which the shared side already joins), a report
that puts the other side's fire in the doer's own country, and a group's raid across the
line (no state doer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.resolve.doc_incidents import town_of
from eventwire.resolve.offices import parent_side
from eventwire.text.geo import haversine_km

if TYPE_CHECKING:
    from eventwire.resolve.incidents import Report

# how far apart the two towns of one exchange across a line may lie (km): mortars and
# field guns fired across a frontier reach a few tens of kilometres
FACING_KM = 40.0
_STATE = "state:"


def doer_state(report: Report) -> str | None:
    """The ISO code of the one state ``report`` names as its doer, when it names one and
    no other doer ("Pakistani troops fired on ...": ``PAK``), else None."""
    doers = {parent_side(s) for s in report.doers}
    if len(doers) != 1:
        return None
    (doer,) = doers
    return doer.removeprefix(_STATE) if doer.startswith(_STATE) else None


def line_cell(report: Report) -> str | None:
    """The block a report of one state's fire on a town of another state is filed under:
    the two states, sorted ("line:ARM|AZE"), so each side's account meets the other's."""
    doer = doer_state(report)
    town = town_of(report.place)
    if doer is None or town is None or not town.country or town.country == doer:
        return None
    return "line:" + "|".join(sorted((doer, town.country)))


def across_line(a: Report, b: Report) -> bool:
    """Whether ``a`` and ``b`` are one exchange of fire across a frontier told by each
    side (see the module docstring): one stated day and one type, each naming the other's
    state as the only doer and placing the act in a town of the other's doer, the two
    towns within :data:`FACING_KM`."""
    if not (a.day and a.day == b.day and a.type == b.type):
        return False
    da, db = doer_state(a), doer_state(b)
    ta, tb = town_of(a.place), town_of(b.place)
    if da is None or db is None or da == db or ta is None or tb is None:
        return False
    if ta.country != db or tb.country != da:
        return False
    if None in (ta.lat, ta.lon, tb.lat, tb.lon):
        return False
    far = haversine_km(ta.lat, ta.lon, tb.lat, tb.lon)  # type: ignore[arg-type]
    return far <= FACING_KM
