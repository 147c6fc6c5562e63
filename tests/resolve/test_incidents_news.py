"""An undated report of violence in a town is news of the day it was published or the day
before (``resolve/incident_undated.py``, ``undated_news_veto``): with only the town in
common it joins a dated report of that town only when the dated day is its news; a site,
a figure or a named side both give joins them as before."""

from __future__ import annotations

from datetime import date

from tests.resolve.test_incidents import GHARYAN, TARHUNA, Text, resolve_all

from eventwire.resolve.incident_undated import undated_news_veto
from eventwire.resolve.incidents import Report, veto

FRIDAY = date(2025, 3, 14).toordinal()
ARMY = frozenset({"state:LBY"})
MILITIA = frozenset({"actor_militia"})
NO_ONE: frozenset[str] = frozenset()


def dated(article: str, day: int = FRIDAY, named: frozenset[str] = NO_ONE,
          sites: frozenset[str] = frozenset(),
          figures: frozenset[tuple[str, int]] = frozenset()) -> Report:  # fmt: skip
    return Report(f"r-{article}", article, "ASSAULT", (day, day),
                  date.fromordinal(day).isoformat(), GHARYAN, named, sites=sites,
                  figures=figures)  # fmt: skip


def undated(article: str, published: int, named: frozenset[str] = NO_ONE,
            sites: frozenset[str] = frozenset(),
            figures: frozenset[tuple[str, int]] = frozenset(), violent: bool = True,
            itype: str = "ASSAULT") -> Report:  # fmt: skip
    # no day of its own: its window is the week before its publication
    return Report(f"r-{article}", article, itype, (published - 7, published), None, GHARYAN,
                  named, sites=sites, figures=figures, undated=True, violent=violent)  # fmt: skip


def test_an_undated_act_published_the_next_day_joins_the_towns_dated_one() -> None:
    # "Mortar rounds fell on the old quarter" published on Saturday, against "mortar
    # rounds fell on Gharyan on Friday": the outlet's fresh news of Friday's act
    assert veto(dated("a"), undated("b", FRIDAY + 1)) is None
    assert veto(dated("a"), undated("c", FRIDAY)) is None  # published the same day


def test_an_undated_act_published_days_later_is_not_the_towns_dated_one() -> None:
    # published on Wednesday, "gunmen were avenging the ambush of a clansman in the town"
    # tells the town's background, not Friday's mortar fire
    why = veto(dated("a"), undated("b", FRIDAY + 5))
    assert why == "an undated report with only the town in common, the other's day not its news"
    assert veto(undated("b", FRIDAY + 5), dated("a")) == why  # either order


def test_a_dated_act_after_the_undated_reports_publication_is_not_its_news() -> None:
    # an outlet cannot tell on Thursday, without a day, what happens on Friday
    assert veto(dated("a"), undated("b", FRIDAY - 1)) is not None


def test_a_second_tie_joins_them_whatever_the_day() -> None:
    market = frozenset({"market"})
    assert veto(dated("a", sites=market), undated("b", FRIDAY + 4, sites=market)) is None
    six = frozenset({("killed", 6)})
    assert veto(dated("a", figures=six), undated("c", FRIDAY + 4, figures=six)) is None
    # a named side both name is not this rule's: the actor rules join them
    assert veto(dated("a", named=ARMY), undated("d", FRIDAY + 4, named=ARMY)) is None
    # a site or a figure the other does not give is no tie
    assert veto(dated("a", sites=market), undated("e", FRIDAY + 4)) is not None
    five = frozenset({("killed", 5)})
    assert veto(dated("a", figures=six), undated("f", FRIDAY + 4, figures=five)) is not None


def test_the_rule_reads_only_an_undated_act_of_violence_against_a_dated_one() -> None:
    # two dated reports of one town a day apart are the day slack's, not this rule's
    assert undated_news_veto(dated("a"), dated("b", FRIDAY + 1)) is None
    # an undated act of no violence already needs a side (``undated_town_veto``)
    rally = undated("c", FRIDAY + 5, violent=False, itype="PROTEST")
    assert undated_news_veto(dated("a"), rally) is None


def test_one_clash_told_from_its_two_ends_is_not_this_rule() -> None:
    # the army's report of its post overrun (the state hit) and the militia's undated claim
    # (the militia the doer), in one town: two ends of one clash (``state_against_group``)
    army = Report("r-a", "a", "ASSAULT", (FRIDAY, FRIDAY), "2025-03-14", GHARYAN, ARMY,
                  hit=ARMY)  # fmt: skip
    claim = Report("r-b", "b", "ASSAULT", (FRIDAY - 3, FRIDAY + 4), None, GHARYAN, MILITIA,
                   doers=MILITIA, undated=True)  # fmt: skip
    assert veto(army, claim) is None


def test_a_store_of_reports_keeps_the_towns_background_apart() -> None:
    friday = Text("a", published="2025-03-15").sentence(
        "Rockets slammed into Gharyan on Friday, wounding a boy."
    )
    friday.event("ASSAULT", "slammed", "2025-03-14", GHARYAN)
    fresh = Text("b", published="2025-03-15").sentence("Rockets slammed into the town.")
    fresh.event("ASSAULT", "slammed", None, GHARYAN)
    later = Text("c", published="2025-03-19").sentence(
        "Clansmen were avenging the ambush of a cousin in the town."
    )
    later.event("ASSAULT", "ambush", None, GHARYAN)
    elsewhere = Text("d", published="2025-03-15").sentence("Rockets slammed into the town.")
    elsewhere.event("ASSAULT", "slammed", None, TARHUNA)
    incs = resolve_all([friday.records(), fresh.records(), later.records(), elsewhere.records()])
    got = sorted(sorted({ev.article_id for ev in i.evidence}) for i in incs)
    assert got == [["a", "b"], ["c"], ["d"]]
