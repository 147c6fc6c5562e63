"""A report that tells a period or a campaign, not one occurrence (``resolve/incident_period.py``):
with no day of its own, it joins no report of another article; one act told once keeps it
joinable."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from tests.resolve.test_incidents import GHARYAN, Text, resolve_all, shelling

from eventwire.model import EventMention, When
from eventwire.resolve.incident_period import (
    outside_period_veto,
    period_veto,
    tells_a_period,
    told_over_a_period,
)
from eventwire.resolve.incidents import Report, candidate_blocks, veto

DAY = date(2025, 3, 14).toordinal()
ARMY = frozenset({"state:LBY"})


def _mention(sentence: str, trigger: str, modality: str = "asserted") -> EventMention:
    t = Text("a").sentence(sentence)
    t.event("ASSAULT", trigger, None, GHARYAN, modality=modality)
    (em,) = t.events
    return em


def test_an_act_told_over_a_period_is_no_single_occurrence() -> None:
    for sentence, trigger in [
        ("Militia gunners have pounded the hill villages for weeks.", "pounded"),
        ("Raids on the farms over the last three weeks emptied the valley.", "Raids"),
        ("Clashes around the dam have gone on since April.", "Clashes"),
        ("Four months of shelling left the quarter in ruins.", "shelling"),
        ("Farm workers rallied outside the mill through the week.", "rallied"),
        ("Snipers fire on the bridge every night, residents say.", "fire"),
        ("Shelling has grown heavier in recent weeks, aid workers say.", "Shelling"),
    ]:
        assert told_over_a_period(_mention(sentence, trigger)), sentence


def test_an_act_told_as_ongoing_planned_or_by_a_campaign_noun_is_none_either() -> None:
    for sentence, trigger in [
        ("Troops continue to shell the outskirts of the town.", "shell"),
        ("Shepherds keep being shot on the road north.", "shot"),
        ("Armoured columns north of the harbour are massing for a push on it.", "push"),
        (
            "The governor promised to lift the curfew, disband the militia and free the captives.",
            "free",
        ),
        ("Envoys condemned the crackdown in the northern towns.", "crackdown"),
        ("Aid agencies fear the violence will spread to the camps.", "violence"),
    ]:
        assert told_over_a_period(_mention(sentence, trigger)), sentence
    assert told_over_a_period(_mention("Gunmen may storm the depot.", "storm", "hypothetical"))


def test_an_act_told_once_is_an_occurrence() -> None:
    # near misses: a past act with no stated day, an act reported or alleged, and another
    # act's period in a clause of its own
    for sentence, trigger, modality in [
        ("Gunmen stormed the fuel depot outside the town.", "stormed", "asserted"),
        ("Witnesses said jets bombed the bakery.", "bombed", "reported"),
        (
            "The brigade opened its push on the hill villages in early May and the clashes around "
            "them have gone on for weeks.",
            "push",
            "asserted",
        ),
        ("Police opened fire on the crowd, who had marched for weeks.", "opened fire", "asserted"),
    ]:
        assert not told_over_a_period(_mention(sentence, trigger, modality)), sentence


def test_a_report_is_a_period_only_when_every_act_of_it_is_and_it_states_no_day() -> None:
    weeks = _mention("Militia gunners have pounded the hill villages for weeks.", "pounded")
    once = _mention("The militia seized the ridge on Saturday.", "seized")
    assert tells_a_period(None, [weeks])
    # "its gunners still pound the farms, after seizing the ridge": the seizure is one act
    assert not tells_a_period(None, [weeks, once])
    assert not tells_a_period("2025-03-14", [weeks])  # a stated day is an occurrence's
    assert not tells_a_period(None, [])


def _report(article: str, day: str | None, period: bool = False) -> Report:
    span = (DAY, DAY) if day else (DAY - 6, DAY + 1)
    return Report(f"r-{article}", article, "ASSAULT", span, day, GHARYAN, ARMY, doers=ARMY,
                  undated=day is None, period=period)  # fmt: skip


def test_a_report_of_a_period_joins_no_report_of_another_article() -> None:
    siege, shelled = _report("b", None, period=True), _report("a", "2025-03-14")
    want = "a report of a period or a campaign, no single occurrence"
    assert veto(shelled, siege) == veto(siege, shelled) == want
    assert period_veto(shelled, siege) == want
    # the undated retelling of one act in its town still joins the dated report
    assert veto(shelled, _report("c", None)) is None
    # ... and a report of a period is filed in no block
    blocks = candidate_blocks([shelled, siege])
    assert all(members == [0] for members in blocks.values())


def test_in_a_store_the_siege_stays_out_of_the_shelling_in_any_order() -> None:
    siege = Text("s", published="2025-03-15").sentence(
        "Militia gunners have pounded the town for weeks, residents say."
    )
    siege.event("ASSAULT", "pounded", None, GHARYAN)
    retold = Text("t", published="2025-03-15").sentence("Shells hit the market of the town.")
    retold.event("ASSAULT", "hit", None, GHARYAN)
    docs = [shelling("a"), shelling("b"), siege.records(), retold.records()]
    rng = random.Random(15)
    for _ in range(5):
        rng.shuffle(docs)
        got = sorted(sorted({ev.article_id for ev in i.evidence}) for i in resolve_all(docs))
        assert got == [["a", "b", "t"], ["s"]]


def _spanned(article: str, sentence: str, trigger: str, when: When, published: str) -> Text:
    t = Text(article, published).sentence(sentence)
    t.event("ASSAULT", trigger, None, GHARYAN)
    t.events = [replace(em, when=when) for em in t.events]
    return t


def test_a_day_after_the_weekend_a_report_states_is_another_act() -> None:
    # "over the weekend" reads as the week of that weekend (Monday 10 to Sunday 16 March);
    # the next Monday's strike lies a day off it, which the day's slack had joined
    weekend = _spanned("a", "Militia gunners fired more than 30 shells into the town over "
                       "the weekend, the army said.", "fired",
                       When("2025-W11", "week", "over the weekend"), "2025-03-18")  # fmt: skip
    monday = Text("b", "2025-03-18").sentence("Jets struck positions in Gharyan on Monday.")
    monday.event("ASSAULT", "struck", "2025-03-17", GHARYAN)
    saturday = Text("c", "2025-03-16").sentence("Shells hit a clinic in Gharyan on Saturday.")
    saturday.event("ASSAULT", "hit", "2025-03-15", GHARYAN)
    for docs in ([weekend, monday, saturday], [saturday, monday, weekend]):
        incs = resolve_all([t.records() for t in docs])
        assert sorted(sorted(a.article_id for a in i.evidence) for i in incs) == [
            ["a", "c"],
            ["b"],
        ]
    reports = {r.article_id: r for r in (_report("a", None), _report("b", "2025-03-17"))}
    assert veto(reports["a"], reports["b"]) is None  # undated (the week before publication)
    stated = Report("r-a", "a", "ASSAULT", (DAY - 4, DAY + 2), None, GHARYAN, ARMY, doers=ARMY)
    assert outside_period_veto(stated, reports["b"]) == "a day outside the span the other states"
    assert outside_period_veto(stated, _report("c", "2025-03-14")) is None  # inside it


def test_a_month_a_report_states_holds_its_own_days_only() -> None:
    march = _spanned("a", "Gunmen raided the depot in March, the council said.", "raided",
                     When("2025-03", "month", "in March"), "2025-04-02")  # fmt: skip
    first = Text("b", "2025-04-02").sentence("Gunmen raided the depot in Gharyan on 1 April.")
    first.event("ASSAULT", "raided", "2025-04-01", GHARYAN)
    late = Text("c", "2025-04-02").sentence("Gunmen raided the depot in Gharyan on 28 March.")
    late.event("ASSAULT", "raided", "2025-03-28", GHARYAN)
    incs = resolve_all([march.records(), first.records(), late.records()])
    assert sorted(sorted(a.article_id for a in i.evidence) for i in incs) == [["a", "c"], ["b"]]
