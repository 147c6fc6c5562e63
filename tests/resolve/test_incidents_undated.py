"""An undated report across articles (``resolve/incident_undated.py``): placed nowhere
below its country and naming no site, it joins no report of another article; placed in a
town, a district or a province, or naming the site the other names, it joins as before."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from tests.resolve.test_incidents import GHARYAN, LIBYA, Text, resolve_all, shelling

from eventwire.model import Place, When
from eventwire.resolve.incident_undated import files_nowhere, is_undated, undated_veto
from eventwire.resolve.incidents import Report, candidate_blocks, veto

DAY = date(2025, 3, 14).toordinal()
WESTERN = Place("admin1:LY.01", "Western Province", 32.1, 13.0, "LBY", "LY.01", "admin1")
ARMY = frozenset({"state:LBY"})


def dated(article: str, place: Place | None = GHARYAN, sites: frozenset[str] = frozenset()
          ) -> Report:  # fmt: skip
    return Report(f"r-{article}", article, "ASSAULT", (DAY, DAY), "2025-03-14", place, ARMY,
                  sites=sites, doers=ARMY)  # fmt: skip


def undated(article: str, place: Place | None, sites: frozenset[str] = frozenset()) -> Report:
    # published the day after the act: its window is the week before publication
    return Report(f"r-{article}", article, "ASSAULT", (DAY - 6, DAY + 1), None, place, ARMY,
                  sites=sites, doers=ARMY, undated=True)  # fmt: skip


def test_an_undated_report_placed_only_in_its_country_joins_no_dated_act() -> None:
    # "Army shelling has killed civilians across the country" against "the army shelled
    # the market of Gharyan on Friday": one side, nothing of one occurrence
    background = undated("b", LIBYA)
    assert veto(dated("a"), background) == "an undated report with no place or site of its own"
    assert veto(dated("a"), undated("c", None)) == veto(dated("a"), background)
    # ... nor another undated report of the side
    assert veto(background, undated("d", None)) is not None


def test_an_undated_report_with_a_town_province_or_the_same_site_still_joins() -> None:
    assert veto(dated("a"), undated("b", GHARYAN)) is None
    assert veto(dated("a"), undated("c", WESTERN)) is None
    market = frozenset({"market"})
    assert veto(dated("a", LIBYA, market), undated("d", LIBYA, market)) is None
    # a site the dated report does not name is no tie
    assert undated_veto(dated("a", LIBYA), undated("e", LIBYA, market)) is not None


def test_a_dated_report_at_country_level_is_not_this_case() -> None:
    # a stated day is the join's evidence, whatever the place: the rule reads undated reports
    assert veto(dated("a"), dated("b", LIBYA)) is None


def test_a_stated_week_or_month_is_a_date() -> None:
    week = Text("w").sentence("Last week army shells hit a camp.")
    week.event("ASSAULT", "hit")
    plain = Text("p").sentence("Army shells hit a camp.")
    plain.event("ASSAULT", "hit")
    (lone,) = plain.events
    assert is_undated(None, [lone])
    (told,) = week.events
    assert not is_undated(None, [replace(told, when=When("2025-03-03", "week", "Last week"))])
    assert not is_undated("2025-03-14", [lone])


def test_a_report_that_can_join_nothing_is_filed_in_no_block() -> None:
    lone = undated("b", LIBYA)
    assert files_nowhere(lone)
    blocks = candidate_blocks([dated("a"), lone])
    assert all(members == [0] for members in blocks.values())
    assert not files_nowhere(undated("c", GHARYAN))
    assert not files_nowhere(undated("d", LIBYA, frozenset({"market"})))


def test_undated_reports_in_a_store_join_the_same_way_in_any_order() -> None:
    # two dated reports of the shelling, one undated report of it in its town, and an
    # undated report placed only in the country (the text's default place)
    town = Text("t", published="2025-03-15").sentence("Shells hit the market.")
    town.event("ASSAULT", "hit", None, GHARYAN)
    country = Text("k", published="2025-03-15").sentence("Shelling has killed many people.")
    country.event("ASSAULT", "killed", None, None)
    docs = [shelling("a"), shelling("b"), town.records(), country.records()]
    want = [["a", "b", "t"], ["k"]]
    rng = random.Random(14)
    for _ in range(5):
        rng.shuffle(docs)
        incs = resolve_all(docs)
        got = sorted(sorted({ev.article_id for ev in i.evidence}) for i in incs)
        assert got == want


def _rally(article: str, day: str | None, named: frozenset[str] = frozenset()) -> Report:
    span = (DAY, DAY) if day else (DAY - 6, DAY + 1)
    return Report(f"r-{article}", article, "PROTEST", span, day, GHARYAN, named,
                  undated=day is None, violent=False)  # fmt: skip


def test_an_undated_act_of_no_violence_in_a_town_needs_a_side_in_common() -> None:
    # "crowds gathered in the square to cheer the council" (no day) against "hundreds
    # marched in Gharyan on Friday": the town's background, not a retelling
    dated_march, background = _rally("a", "2025-03-14"), _rally("b", None)
    assert veto(dated_march, background) == (
        "an undated report of no act of violence, and no shared named actor"
    )
    # with a side both name it joins as before
    union = frozenset({"actor_union"})
    assert veto(_rally("c", "2025-03-14", union), _rally("d", None, union)) is None
    # two dated reports of one rally in one town, naming no one, still join
    assert veto(dated_march, _rally("e", "2025-03-14")) is None


def test_an_undated_attack_retold_in_its_town_still_joins_the_dated_one() -> None:
    # the undated "shells hit the market" of the town joins the dated report there
    assert veto(dated("a", GHARYAN), Report("r-b", "b", "ASSAULT", (DAY - 6, DAY + 1), None,
                                            GHARYAN, frozenset(), undated=True)) is None  # fmt: skip
